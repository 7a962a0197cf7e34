// The results folder (--out): studies with their experiments, figures (as images) and reports; a cell table with
// the result columns first, nested values flattened, sorting, a filter, CSV download and a "plot Y vs X" chart.
'use strict';
(function () {
  const Lab = window.Lab;
  const $ = id => document.getElementById(id);
  const el = Lab.el;
  const fileUrl = p => '/files/' + p.split('/').map(encodeURIComponent).join('/');
  const table = Lab.table = {rows: [], columns: [], sort: null, desc: false, filter: '', title: ''};

  // Nested objects become dotted columns; lists of numbers stay one cell (JSON).
  function flatten(row) {
    const out = {};
    const walk = (prefix, v) => {
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
        for (const [k, x] of Object.entries(v)) walk(prefix ? prefix + '.' + k : k, x);
      } else if (Array.isArray(v)) {
        out[prefix] = JSON.stringify(v);
      } else {
        out[prefix] = v;
      }
    };
    walk('', row);
    return out;
  }
  Lab.flatten = flatten;
  const HIDDEN = /^(key|version|created_at)$/;
  // Result columns first, then the configuration columns that vary, then the rest.
  function order(columns, rows) {
    const res = columns.filter(c => c.startsWith('result.'));
    const varies = c => new Set(rows.map(r => String(r[c]))).size > 1;
    const cfg = columns.filter(c => c.startsWith('config.'));
    const other = columns.filter(c => !c.startsWith('result.') && !c.startsWith('config.') && !HIDDEN.test(c));
    return res.concat(cfg.filter(varies), other, cfg.filter(c => !varies(c)));
  }

  const shown = v => (typeof v === 'number' ? String(+v.toPrecision(5)) : v === null || v === undefined ? '' : String(v));
  // Filter: plain text matches any cell; "column op value" (op one of < <= > >= = !=) compares one column.
  function matcher(text) {
    const t = text.trim();
    if (!t) return () => true;
    const m = /^([\w.-]+)\s*(<=|>=|!=|=|<|>)\s*(.+)$/.exec(t);
    if (m && table.columns.includes(m[1])) {
      const [, col, op, raw] = m;
      const num = isFinite(+raw);
      return r => {
        const v = r[col];
        const a = num ? +v : String(v);
        const b = num ? +raw : raw.trim();
        return {'<': a < b, '<=': a <= b, '>': a > b, '>=': a >= b, '=': a == b, '!=': a != b}[op];
      };
    }
    const low = t.toLowerCase();
    return r => table.columns.some(c => shown(r[c]).toLowerCase().includes(low));
  }
  Lab.visibleRows = function () {
    const rows = table.rows.filter(matcher(table.filter));
    if (table.sort) {
      const c = table.sort;
      const num = rows.every(r => r[c] === null || r[c] === undefined || typeof r[c] === 'number');
      rows.sort((a, b) => {
        const x = a[c];
        const y = b[c];
        const d = num ? (x ?? -Infinity) - (y ?? -Infinity) : shown(x).localeCompare(shown(y));
        return table.desc ? -d : d;
      });
    }
    return rows;
  };

  function renderTable() {
    const rows = Lab.visibleRows();
    const head = el('tr', {}, ...table.columns.map(c => {
      const sorted = table.sort === c ? (table.desc ? 'descending' : 'ascending') : 'none';
      const b = el('button', {type: 'button', className: 'sort', title: 'Sort by ' + c}, c + (sorted === 'none' ? '' : sorted === 'ascending' ? ' ▲' : ' ▼'));
      b.addEventListener('click', () => {
        table.desc = table.sort === c ? !table.desc : false;
        table.sort = c;
        renderTable();
      });
      return el('th', {scope: 'col', 'aria-sort': sorted}, b);
    }));
    const body = rows.slice(0, 500).map(r => el('tr', {}, ...table.columns.map(c => el('td', {}, shown(r[c])))));
    const t = el('table', {id: 'cell-table', className: 'cells'}, el('caption', {}, `${table.title}: ${rows.length} of ${table.rows.length} cells`
      + (rows.length > 500 ? ' (first 500 shown)' : '')), el('thead', {}, head), el('tbody', {}, ...body));
    $('cell-table-wrap').replaceChildren(t);
  }
  Lab.renderTable = renderTable;

  function csv(rows) {
    const q = s => (/[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s);
    return [table.columns.join(',')].concat(rows.map(r => table.columns.map(c => q(shown(r[c]))).join(','))).join('\n') + '\n';
  }

  function plotXY() {
    const x = $('plot-x').value;
    const y = $('plot-y').value;
    const by = $('plot-by').value;
    const rows = Lab.visibleRows().filter(r => isFinite(+r[x]) && isFinite(+r[y]) && r[x] !== null && r[y] !== null);
    const groups = new Map();
    for (const r of rows) {
      const g = by ? shown(r[by]) : 'cells';
      if (!groups.has(g)) groups.set(g, []);
      groups.get(g).push(r);
    }
    const traces = [...groups].map(([g, rs]) => {
      rs.sort((a, b) => +a[x] - +b[x]);
      return {x: rs.map(r => +r[x]), y: rs.map(r => +r[y]), name: by ? by + ' = ' + g : g, mode: 'lines+markers'};
    });
    Lab.CARDS.results.x = x;
    Lab.CARDS.results.y = y;
    $('card-results').hidden = false;
    return Lab.render('results', traces, {empty: rows.length ? null : `No cell has numbers in both ${x} and ${y}.`});
  }
  Lab.plotXY = plotXY;

  async function cells(path, experiment) {
    const r = await fetch('/api/studies/cells?' + new URLSearchParams({path, experiment}));
    const j = await r.json();
    if (!r.ok) {
      $('cells').textContent = j.error;
      return;
    }
    table.rows = j.rows.map(flatten);
    const cols = [...new Set(j.columns.concat(table.rows.flatMap(Object.keys)))];
    table.columns = order(cols, table.rows);
    table.sort = null;
    table.title = experiment + (j.total > j.rows.length ? ` (${j.rows.length} of ${j.total} cells loaded)` : '');
    const numeric = table.columns.filter(c => table.rows.some(r => typeof r[c] === 'number'));
    const opts = (list, sel, none) => (none ? [el('option', {value: ''}, none)] : []).concat(list.map(c => el('option', {value: c, selected: c === sel}, c)));
    const xDefault = numeric.find(c => c.startsWith('config.') && new Set(table.rows.map(r => r[c])).size > 1) || numeric[0];
    const yDefault = numeric.find(c => c.startsWith('result.')) || numeric[1];
    const filter = el('input', {type: 'search', id: 'cell-filter', placeholder: 'filter: text, or column > value',
      'aria-label': 'Filter cells: text, or a comparison such as result.mean > 0.1', value: ''});
    filter.addEventListener('input', () => { table.filter = filter.value; renderTable(); });
    const dl = el('button', {type: 'button', id: 'cells-csv'}, 'Download CSV');
    dl.addEventListener('click', () => {
      const text = csv(Lab.visibleRows());
      const url = URL.createObjectURL(new Blob([text], {type: 'text/csv'}));
      Lab.download('collapselab-' + experiment.replace(/[^A-Za-z0-9]+/g, '-') + '.csv', url, 'text/csv', text.length, text);
    });
    const go = el('button', {type: 'button', id: 'plot-go'}, 'Plot');
    go.addEventListener('click', plotXY);
    $('cells').replaceChildren(
      el('div', {className: 'cell-tools'}, filter, dl,
        el('label', {htmlFor: 'plot-y'}, 'plot'), el('select', {id: 'plot-y'}, ...opts(numeric, yDefault)),
        el('label', {htmlFor: 'plot-x'}, 'vs'), el('select', {id: 'plot-x'}, ...opts(numeric, xDefault)),
        el('label', {htmlFor: 'plot-by'}, 'by'), el('select', {id: 'plot-by'}, ...opts(table.columns.filter(c => c.startsWith('config.')), null, 'one curve')),
        go),
      el('div', {id: 'cell-table-wrap', className: 'table-wrap'}));
    if (!$('card-results')) Lab.card('results', {view: 'results', title: 'results: Y vs X', x: '', y: '', xlog: false, ylog: false}, $('view-results'));
    $('card-results').hidden = true;
    renderTable();
  }
  Lab.showCells = cells;

  Lab.loadStudies = async function () {
    const r = await fetch('/api/studies');
    const j = await r.json();
    if (!r.ok) {
      $('studies').textContent = j.error;
      return;
    }
    if (!j.studies.length) {
      $('studies').textContent = `no results.db below ${j.root}`;
      return;
    }
    $('studies').replaceChildren(...j.studies.map(s => {
      const exps = s.experiments.map(e => {
        const a = el('a', {href: '#', 'data-path': s.path, 'data-exp': e.name}, e.name);
        a.addEventListener('click', ev => { ev.preventDefault(); cells(s.path, e.name); });
        return el('span', {}, a, ` (${e.cells} cells) `);
      });
      const reports = s.reports.map(p => el('a', {href: fileUrl(p), target: '_blank', rel: 'noopener'}, p));
      const figs = s.figures.filter(f => /\.(png|svg)$/.test(f)).map(f => el('a', {href: fileUrl(f), target: '_blank', rel: 'noopener'},
        el('img', {src: fileUrl(f), alt: f, title: f, loading: 'lazy'})));
      return el('div', {className: 'study'}, el('h3', {}, s.path || j.root), el('p', {}, 'experiments: ', ...exps),
        ...(reports.length ? [el('p', {}, 'reports: ', ...reports)] : []), ...figs);
    }));
  };
})();
