// Plot cards: a toolbar per plot (log/linear axes, PNG, SVG, CSV, JSON), drawing with Plotly.react (zoom kept by
// uirevision), pinned curves, gaps where the theory is undefined, an empty plot that says why, stale marking.
'use strict';
(function () {
  const Lab = window.Lab;
  const $ = id => document.getElementById(id);
  const el = Lab.el;
  const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2', '#17becf'];
  const CARDS = {
    n: {view: 'curves', title: 'error vs n', x: 'n', y: 'test error', xlog: true, ylog: true},
    m: {view: 'curves', title: 'error vs m (random projections)', x: 'm', y: 'test error', xlog: true, ylog: true},
    p2: {view: 'curves', title: 'error vs p2', x: 'p2', y: 'test error', xlog: false, ylog: false},
    pareto: {view: 'curves', title: 'Pareto: mixture vs real-only over widths m', x: 'real-only error (p2 = 0)',
      y: 'mixture error (p2)', xlog: true, ylog: true},
    split: {view: 'curves', title: 'bias, variance and ζ vs n', x: 'n', y: 'part of the test error', xlog: true, ylog: false},
    generations: {view: 'generations', title: 'error vs generation', x: 'generation', y: 'test error', xlog: false, ylog: false},
  };
  Lab.CARDS = CARDS;
  Lab.axes = {};      // id -> {x: 'log'|'linear', y: …}
  Lab.frozen = {};    // id -> {x: range, y: range} while the user's zoom stands
  Lab.lastRanges = {};
  Lab.pins = [];
  Lab.dirty = new Set();
  Lab.plotMs = {};    // id -> milliseconds of its last Plotly.react
  const observed = new Set();
  Lab.onScreen = new Set(); // plots in the viewport: only those are drawn on a change, the others when they scroll in
  const watcher = 'IntersectionObserver' in window ? new IntersectionObserver(entries => {
    for (const e of entries) {
      const id = e.target.id.replace(/^plot-/, '');
      observed.add(id);
      if (e.isIntersecting) {
        Lab.onScreen.add(id);
        if (Lab.dirty.has(id)) Lab.drawPlot(id);
      } else {
        Lab.onScreen.delete(id);
      }
    }
  }, {rootMargin: '100px'}) : null;
  let pinCount = 0;
  const lastRender = {}; // id -> the traces and options it was last drawn with

  const theme = () => {
    const cs = getComputedStyle(document.body);
    const v = name => cs.getPropertyValue(name).trim();
    return {fg: v('--fg'), bg: v('--card'), grid: v('--grid'), muted: v('--muted')};
  };

  // A plot card: heading, toolbar, plot area and a note line.
  Lab.card = function (id, spec, parent) {
    CARDS[id] = spec;
    Lab.axes[id] = {x: spec.xlog ? 'log' : 'linear', y: spec.ylog ? 'log' : 'linear'};
    const tool = (text, label, fn, pressed) => {
      const b = el('button', {type: 'button', className: 'tool', 'aria-label': label, title: label}, text);
      if (pressed !== undefined) b.setAttribute('aria-pressed', String(pressed));
      b.addEventListener('click', () => fn(b));
      return b;
    };
    const toggle = axis => b => {
      const a = Lab.axes[id];
      a[axis] = a[axis] === 'log' ? 'linear' : 'log';
      b.setAttribute('aria-pressed', String(a[axis] === 'log'));
      delete Lab.frozen[id];
      if (DRAW[id]) Lab.drawPlot(id);
      else if (lastRender[id]) Lab.render(id, ...lastRender[id]); // results and diagnose plots: same traces again
    };
    const bar = el('div', {className: 'toolbar', role: 'toolbar', 'aria-label': spec.title + ' tools'},
      tool('x log', spec.title + ': logarithmic x axis', toggle('x'), spec.xlog),
      tool('y log', spec.title + ': logarithmic y axis', toggle('y'), spec.ylog),
      tool('PNG', 'Download ' + spec.title + ' as PNG', () => Lab.exportImage(id, 'png')),
      tool('SVG', 'Download ' + spec.title + ' as SVG', () => Lab.exportImage(id, 'svg')),
      tool('CSV', 'Download the data of ' + spec.title + ' as CSV', () => Lab.exportData(id, 'csv')),
      tool('JSON', 'Download the data of ' + spec.title + ' as JSON', () => Lab.exportData(id, 'json')));
    const card = el('figure', {className: 'card', id: 'card-' + id},
      el('figcaption', {}, el('span', {className: 'card-title'}, spec.title), bar),
      el('div', {className: 'plot', id: 'plot-' + id, role: 'img', 'aria-label': spec.title}),
      el('p', {className: 'plot-note', id: 'note-' + id, 'aria-live': 'polite'}));
    (parent || $('view-' + spec.view)).append(card);
    if (watcher) watcher.observe($('plot-' + id));
    else Lab.onScreen.add(id);
    return card;
  };

  function logRange(values) {
    const v = values.filter(x => x > 0 && isFinite(x));
    if (!v.length) return undefined;
    let lo = Math.floor((Math.log10(Math.min(...v)) - 0.01) * 4) / 4;
    let hi = Math.ceil((Math.log10(Math.max(...v)) + 0.01) * 4) / 4;
    if (hi - lo < 0.5) hi = lo + 0.5;
    return [lo, hi];
  }
  function linRange(values) {
    const v = values.filter(x => x !== null && isFinite(x));
    if (!v.length) return undefined;
    const lo = Math.min(0, ...v);
    const max = Math.max(...v);
    const e = 10 ** Math.floor(Math.log10(Math.abs(max) || 1));
    const hi = [1, 2, 5, 10].map(k => k * e).find(k => k >= max * 1.02) || 10 * e;
    return [lo, hi === lo ? lo + 1 : hi];
  }
  // Rounded-out ranges: while a control moves they mostly stay put, so Plotly redraws traces, not axes.
  function range(type, values) {
    return type === 'log' ? logRange(values) : linRange(values);
  }
  const finite = arr => arr.filter(v => v !== null && v !== undefined && isFinite(v));

  // Draws one plot: traces [{…}], opts {empty: reason, at: the current value (a dotted line), layout: extra layout}.
  Lab.render = function (id, shown, opts) {
    lastRender[id] = [shown, opts];
    let traces = shown;
    const gd = $('plot-' + id);
    if (!window.Plotly || !gd) return Promise.resolve();
    const spec = CARDS[id];
    const axes = Lab.axes[id];
    const t = theme();
    const xs = traces.flatMap(tr => (tr.range === false ? [] : Array.from(tr.x || [])));
    const ys = traces.flatMap(tr => (tr.range === false ? [] : Array.from(tr.y || []).concat(
      tr.error_y ? Array.from(tr.y).map((y, i) => y + tr.error_y.array[i]) : [])));
    const empty = opts && opts.empty ? opts.empty : (finite(ys).length ? null : 'nothing to draw');
    const frozen = Lab.frozen[id];
    const xr = frozen ? frozen.x : range(axes.x, xs);
    const yr = frozen ? frozen.y : range(axes.y, ys);
    Lab.lastRanges[id] = {x: xr, y: yr};
    if (opts && opts.at !== undefined && yr && !empty) { // the current value: a dotted vertical line (a trace, so it moves fast)
      const ends = axes.y === 'log' ? yr.map(v => 10 ** v) : yr;
      traces = traces.concat([{x: [opts.at, opts.at], y: ends, mode: 'lines', name: 'now', showlegend: false,
        hoverinfo: 'skip', line: {color: '#999', dash: 'dot', width: 1}}]);
    }
    const axis = (title, type, r) => Object.assign({title: {text: title}, type, gridcolor: t.grid, zerolinecolor: t.grid,
      linecolor: t.muted, visible: !empty}, type !== 'log' ? {nticks: 6}
        : r && r[1] - r[0] < 1.5 ? {exponentformat: 'power'} : {dtick: 1, exponentformat: 'power'}, // decades when ≥ 1.5
      r ? {range: r, autorange: false} : {autorange: true});
    const layout = Object.assign({
      uirevision: id + axes.x + axes.y,
      margin: {l: 58, r: 14, t: 10, b: 42},
      paper_bgcolor: t.bg, plot_bgcolor: t.bg, font: {color: t.fg, size: 11},
      xaxis: axis(spec.x, axes.x, xr), yaxis: axis(spec.y, axes.y, yr),
      showlegend: traces.filter(tr => tr.showlegend !== false).length > 1,
      hovermode: 'closest',
      legend: {x: 1, xanchor: 'right', y: 1, bgcolor: 'rgba(0,0,0,0)', font: {size: 10}},
      annotations: empty ? [{text: wrap(empty), showarrow: false, xref: 'paper', yref: 'paper', x: 0.5, y: 0.5,
        font: {size: 12, color: t.fg}}] : [],
    }, (opts && opts.layout) || {});
    gd.dataset.empty = empty || '';
    const t0 = performance.now();
    // Same traces, axes and marks as last time (only the numbers moved): move the lines without redrawing axes,
    // legend and grid (Plotly.animate with redraw off); anything else goes through Plotly.react.
    const shape = JSON.stringify([layout, traces.map(tr => [tr.name, tr.mode, tr.x && tr.x.length, !!tr.error_y,
      tr.line, tr.marker && tr.marker.symbol])]);
    let p;
    if (!empty && gd._shape === shape && !Lab.noAnimate) {
      p = window.Plotly.animate(gd, {data: traces, traces: traces.map((tr, i) => i)},
        {transition: {duration: 0}, frame: {duration: 0, redraw: false}, mode: 'immediate'});
    } else {
      p = window.Plotly.react(gd, empty ? [] : traces, layout, {displayModeBar: false, responsive: true});
    }
    gd._shape = empty ? null : shape;
    Lab.plotMs[id] = performance.now() - t0;
    if (!gd.dataset.bound) {
      gd.dataset.bound = '1';
      gd.on('plotly_relayout', ev => zoomed(id, ev));
    }
    return p;
  };
  const wrap = s => s.replace(/(.{1,60})(\s+|$)/g, '$1<br>').replace(/<br>$/, '');

  // The user's zoom: keep handing Plotly the ranges it had before, so uirevision keeps the zoomed ones.
  function zoomed(id, ev) {
    if (ev['xaxis.autorange'] || ev['yaxis.autorange']) {
      delete Lab.frozen[id];
      Lab.drawPlot(id);
    } else if (Object.keys(ev).some(k => /^[xy]axis\.range/.test(k))) {
      Lab.frozen[id] = Lab.frozen[id] || Object.assign({}, Lab.lastRanges[id]);
    }
  }

  // Setting label of a pin or a simulation: the values that differ from the controls now.
  Lab.diffLabel = function (st) {
    const parts = [];
    for (const c of Lab.CONTROLS) {
      if (c.name === 'm' && st.model !== 'rp' && Lab.state.model !== 'rp') continue;
      if (String(st[c.name]) !== String(Lab.state[c.name])) parts.push(c.label + ' = ' + (st[c.name] === '' ? '–' : st[c.name]));
    }
    return parts.length ? parts.join(', ') : 'this setting';
  };

  const line = (x, y, name, color, extra) => Object.assign({x, y, name, mode: 'lines', connectgaps: false,
    line: {color, width: 2}}, extra || {});
  const pinTraces = key => Lab.pins.filter(p => p.curves[key]).map(p => line(p.curves[key].x, p.curves[key].y,
    'pin: ' + Lab.diffLabel(p.state), p.color, {line: {color: p.color, width: 1.5, dash: 'dash'}}));
  const curveNote = (c, what) => (c.undefined ? `theory undefined at ${c.undefined} of ${c.values.length} points of ${what} (gaps): ${c.firstError}` : '');
  const emptyReason = c => (c.undefined === c.values.length ? 'The theory does not cover this setting: ' + c.firstError : null);

  const DRAW = {
    n(v, st) {
      const c = v.curves.n;
      const traces = [line(c.values, c.testError, 'theory', PALETTE[0])];
      const f = v.floor;
      if (f.holds && f.value > 0) {
        traces.push(line([c.values[0], c.values.at(-1)], [f.value, f.value], 'p2²c² (n → ∞)',
          '#d62728', {line: {dash: 'dash', color: '#d62728', width: 1.5}}));
      }
      note('n', [curveNote(c, 'this curve'), f.holds ? (f.value > 0 ? `p2²c² = ${Lab.fmt(f.value)}, the n → ∞ limit` : '')
        : f.reason].filter(Boolean).join(' · '));
      return Lab.render('n', traces.concat(pinTraces('n'), Lab.simTraces('n')),
        {empty: emptyReason(c), at: +st.n});
    },
    m(v, st) {
      const c = v.curves.m;
      note('m', curveNote(c, 'this curve'));
      return Lab.render('m', [line(c.values, c.testError, 'rp theory', PALETTE[2])].concat(pinTraces('m'), Lab.simTraces('m')),
        {empty: emptyReason(c), at: +st.m});
    },
    p2(v, st) {
      const c = v.curves.p2;
      note('p2', curveNote(c, 'this curve'));
      return Lab.render('p2', [line(c.values, c.testError, 'theory', PALETTE[3])].concat(pinTraces('p2'), Lab.simTraces('p2')),
        {empty: emptyReason(c), at: +st.p2});
    },
    pareto(v, st) {
      const clean = v.curves.pareto.testError;
      const mixed = v.curves.m.testError;
      const logmn = v.curves.m.values.map(m => Math.log10(m / +st.n));
      const both = clean.concat(mixed).filter(x => x > 0);
      const lo = Math.min(...both);
      const hi = Math.max(...both);
      note('pareto', `colour: log₁₀ m/n from ${Math.floor(Math.min(...logmn))} (dark) to ${Math.ceil(Math.max(...logmn))} (yellow); `
        + 'the dotted diagonal is y = x (the synthetic rows neither help nor hurt)');
      return Lab.render('pareto', [
        {x: clean, y: mixed, mode: 'markers', name: 'widths m', text: v.curves.m.values.map(m => 'm = ' + m),
          marker: {color: logmn, colorscale: 'Viridis', size: 5, cmin: Math.floor(Math.min(...logmn)),
            cmax: Math.ceil(Math.max(...logmn)), showscale: false}},
        {x: [lo, hi], y: [lo, hi], mode: 'lines', name: 'y = x', line: {color: '#999', dash: 'dot'}, range: false}],
      {empty: both.length ? null : 'The theory does not cover this setting: ' + (v.curves.m.firstError || v.curves.pareto.firstError)});
    },
    split(v, st) {
      const c = v.curves.n;
      note('split', 'bias + variance + ζ = the test error (without σ²); ζ is the extra error from the synthetic rows');
      return Lab.render('split', [line(c.values, c.bias, 'bias', PALETTE[0]), line(c.values, c.variance, 'variance', PALETTE[4]),
        line(c.values, c.zeta, 'ζ (synthetic)', PALETTE[1])], {empty: emptyReason(c), at: +st.n});
    },
    generations(v, st) {
      const g = v.generations;
      Lab.showLoopStatus(g, st);
      const sims = Lab.simTraces('generations');
      const pins = pinTraces('generations');
      if (!g) {
        note('generations', '');
        return Lab.render('generations', sims.concat(pins), {empty: sims.length + pins.length ? null
          : 'Set generations > 0 (Generations, left) to see the error of each retraining generation.'});
      }
      const traces = [];
      if (g.generations) {
        const x = g.generations.map(p => p.generation);
        traces.push(line(x, g.generations.map(p => p.testError), g.approximate ? 'theory (approximate)' : 'theory',
          PALETTE[0], g.approximate ? {line: {color: PALETTE[0], width: 2, dash: 'dot'}, mode: 'lines+markers'} : {mode: 'lines+markers'}));
        if (g.loop.stationaryError !== null) {
          traces.push(line([0, x.at(-1)], [g.loop.stationaryError, g.loop.stationaryError],
            `E∞ = ${Lab.fmt(g.loop.stationaryError)} (${g.loop.status})`, '#7f7f7f', {line: {dash: 'dash', color: '#7f7f7f', width: 1}}));
        }
      }
      note('generations', g.unavailable ? 'theory: ' + g.unavailable : 'basis: ' + g.basis);
      const all = traces.concat(pins, sims);
      return Lab.render('generations', all, {empty: all.length ? null
        : 'The loop theory does not cover this setting (' + g.unavailable + '). Simulate “error vs generation” to see it.'});
    },
  };
  Lab.DRAW = DRAW;
  function note(id, text) {
    const n = $('note-' + id);
    if (n && !n.closest('.card').classList.contains('stale')) n.textContent = text;
  }

  // Draws a plot if its view is shown; otherwise it is drawn when its view opens.
  Lab.drawPlot = function (id) {
    const spec = CARDS[id];
    if (!Lab.current || !DRAW[id]) return Promise.resolve();
    if (spec.view !== Lab.view || (observed.has(id) && !Lab.onScreen.has(id))) {
      Lab.dirty.add(id);
      return Promise.resolve();
    }
    Lab.dirty.delete(id);
    return DRAW[id](Lab.current.view, Lab.current.state);
  };
  Lab.drawAll = () => Promise.all(Object.keys(DRAW).map(Lab.drawPlot));
  Lab.drawDirty = () => Promise.all([...Lab.dirty].map(Lab.drawPlot));

  Lab.markStale = function (reason) {
    Lab.staleReason = reason;
    for (const id of Object.keys(CARDS)) {
      const card = $('card-' + id);
      if (!card || !CARDS[id].view || ['results', 'tools'].includes(CARDS[id].view)) continue;
      card.classList.add('stale');
      $('note-' + id).textContent = 'Stale: ' + reason + ' — the plot shows the last setting that was computed.';
    }
  };
  Lab.clearStale = function () {
    Lab.staleReason = null;
    document.querySelectorAll('.card.stale').forEach(c => c.classList.remove('stale'));
  };

  Lab.pin = function () {
    if (!Lab.current) return;
    const v = Lab.current.view;
    const curves = {};
    for (const k of ['n', 'm', 'p2']) curves[k] = {x: v.curves[k].values, y: v.curves[k].testError};
    if (v.generations && v.generations.generations) {
      curves.generations = {x: v.generations.generations.map(p => p.generation), y: v.generations.generations.map(p => p.testError)};
    }
    Lab.pins.push({id: ++pinCount, state: Object.assign({}, Lab.current.state), curves,
      color: PALETTE[(pinCount + 3) % PALETTE.length]});
    Lab.listPins();
    return Lab.drawAll();
  };
  Lab.listPins = function () {
    const ul = $('pins');
    ul.innerHTML = '';
    for (const p of Lab.pins) {
      const label = Lab.diffLabel(p.state);
      const rm = el('button', {type: 'button', className: 'tool', 'aria-label': 'Remove pin ' + label}, '×');
      rm.addEventListener('click', () => {
        Lab.pins = Lab.pins.filter(q => q !== p);
        Lab.listPins();
        Lab.drawAll();
      });
      ul.append(el('li', {}, el('span', {className: 'swatch', style: 'background:' + p.color}), label + ' ', rm));
    }
  };

  // Exports: the plot as an image (Plotly.toImage), its traces as CSV or JSON.
  Lab.download = function (name, href, type, size, text) {
    const a = el('a', {href, download: name});
    document.body.append(a);
    a.click();
    a.remove();
    Lab.lastDownload = {name, type, size, text};
  };
  const fileName = (id, ext) => 'collapselab-' + CARDS[id].title.replace(/[^A-Za-z0-9]+/g, '-').replace(/-+$/, '').toLowerCase() + '.' + ext;
  Lab.exportImage = async function (id, format) {
    const gd = $('plot-' + id);
    const url = await window.Plotly.toImage(gd, {format, width: gd.clientWidth || 600, height: gd.clientHeight || 340});
    Lab.download(fileName(id, format), url, format === 'svg' ? 'image/svg+xml' : 'image/png', url.length);
  };
  Lab.exportData = function (id, format) {
    const gd = $('plot-' + id);
    const traces = (gd.data || []).filter(t => t.name !== 'now').map(t => ({name: t.name, x: Array.from(t.x || []), y: Array.from(t.y || []),
      error: t.error_y ? Array.from(t.error_y.array) : undefined}));
    let text;
    if (format === 'json') {
      text = JSON.stringify({plot: CARDS[id].title, setting: Lab.current ? Object.fromEntries(Lab.query(Lab.current.state)) : {},
        x: CARDS[id].x, y: CARDS[id].y, traces}, null, 1);
    } else {
      const q = s => (/[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s);
      const rows = ['trace,x,y,error'];
      traces.forEach(t => t.x.forEach((x, i) => rows.push([q(String(t.name)), x ?? '', t.y[i] ?? '',
        t.error ? t.error[i] ?? '' : ''].join(','))));
      text = rows.join('\n') + '\n';
    }
    const type = format === 'json' ? 'application/json' : 'text/csv';
    const url = URL.createObjectURL(new Blob([text], {type}));
    Lab.download(fileName(id, format), url, type, text.length, text);
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  };
})();
