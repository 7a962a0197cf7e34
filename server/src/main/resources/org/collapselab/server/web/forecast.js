// Forecast on a pasted pilot table (POST /api/forecast: the code of collapselab forecast): the fitted law with its
// parameters' intervals, the forecast at (n, p2) with its interval, the best mix, where synthetic rows stop helping,
// and error vs n per synthetic share (law, interval band, pilot means ± standard error).
'use strict';
(function () {
  const Lab = window.Lab;
  const $ = id => document.getElementById(id);
  const el = Lab.el;
  const FIELDS = [
    {id: 'fc-at-n', key: 'at-n', label: 'at n', value: '', help: 'training rows to forecast at (with p2); empty = the default point of collapselab forecast'},
    {id: 'fc-at-p2', key: 'at-p2', label: 'at p2', value: '', help: 'synthetic share to forecast at, in [0, 1) (with n)'},
    {id: 'fc-at-weight', key: 'at-weight', label: 'weight A', value: '1', help: 'weight of a synthetic row'},
    {id: 'fc-level', key: 'level', label: 'level', value: '0.9', help: 'level of the bootstrap intervals, in [0.5, 0.99]'},
    {id: 'fc-bootstrap', key: 'bootstrap', label: 'bootstrap', value: '200', help: 'bootstrap replicates (20–2000 here)'},
    {id: 'fc-seed', key: 'seed', label: 'seed', value: '1', help: 'bootstrap seed (the CLI gives the same numbers)'},
  ];

  Lab.buildForecast = function (view) {
    const grid = el('div', {className: 'sim-grid'}, ...FIELDS.flatMap(f => [el('label', {htmlFor: f.id, title: f.help}, f.label),
      el('input', {type: 'text', id: f.id, value: f.value, title: f.help, autocomplete: 'off', placeholder: f.value ? '' : 'default'})]));
    const go = el('button', {type: 'button', id: 'fc-run'}, 'Forecast');
    go.addEventListener('click', forecast);
    view.append(el('section', {className: 'note-box', 'aria-labelledby': 'fc-title'},
      el('h2', {id: 'fc-title'}, 'Forecast from pilot runs'),
      el('p', {className: 'note'}, 'Paste pilot runs of any learner (CSV: n,p2,error and optionally stderr, weight, m, '
        + 'seed; one row per run): the strong-collapse law is fitted to them and extrapolated to other sizes and shares, '
        + 'with bootstrap intervals, beside a per-share power law.'),
      el('label', {htmlFor: 'fc-pilots'}, 'pilot table (CSV)'),
      el('textarea', {id: 'fc-pilots', rows: 6, className: 'wide', spellcheck: false, placeholder: 'n,p2,error\n100,0,0.52\n…'}),
      grid, el('div', {className: 'buttons'}, go),
      el('p', {id: 'fc-status', className: 'note', role: 'status'}),
      el('p', {id: 'fc-error', className: 'error', role: 'alert'}),
      el('div', {id: 'fc-result'}), el('div', {id: 'fc-plot'})));
  };

  async function forecast() {
    $('fc-error').textContent = '';
    const body = {pilots: $('fc-pilots').value};
    for (const f of FIELDS) {
      const t = $(f.id).value.trim();
      if (t === '' && f.value !== '') {
        $('fc-error').textContent = `${f.label} is empty: enter a number`; // never a default the user did not see
        return;
      }
      if (t === '') continue; // at n, at p2: empty = the forecast's own point (the placeholder says so)
      if (!isFinite(+t)) {
        $('fc-error').textContent = `${f.label} must be a number, got “${t}”`;
        return;
      }
      body[f.key] = +t;
    }
    $('fc-status').textContent = 'fitting…';
    $('fc-run').disabled = true;
    try {
      const r = await fetch('/api/forecast', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)});
      const d = await r.json();
      if (!r.ok) {
        $('fc-error').textContent = d.error;
        $('fc-status').textContent = '';
        return;
      }
      Lab.lastForecast = d;
      show(d, body);
      $('fc-status').textContent = `law: ${d.fit.law}`;
    } catch (e) {
      $('fc-error').textContent = 'no answer from the server: ' + e.message;
      $('fc-status').textContent = '';
    } finally {
      $('fc-run').disabled = false;
    }
  }

  function show(d, body) {
    const f = Lab.fmt;
    const est = (e, k) => `${f(e[k || 'value'])} [${f(e.low)}, ${f(e.high)}]`;
    const row = (k, v) => el('tr', {}, el('th', {scope: 'row'}, k), el('td', {}, v));
    const fc = d.forecast;
    const level = Math.round(100 * fc.level);
    const summary = el('table', {className: 'cells', id: 'fc-summary'}, el('caption', {}, `Forecast (${level}% intervals)`),
      row(`error at n = ${fc.n}, p2 = ${f(fc.p2)}`, est(fc, 'testError')),
      row('per-share power law there', fc.baseline ? est(fc.baseline, 'testError') : '– (share not piloted)'),
      row('best share at this n', `${est(d.bestMix.share)} → error ${est(d.bestMix.shareError, 'testError')}`),
      row('synthetic rows stop helping at n', d.stopHelping.helpsAtEverySize ? 'they help at every size' : est(d.stopHelping)),
      ...Object.entries(d.fit.parameters).map(([k, e]) => row(k, est(e))));
    const args = ['collapselab forecast --pilots pilots.csv'];
    for (const fl of FIELDS) if (fl.key in body) args.push(`--${fl.key} ${body[fl.key]}`);
    $('fc-result').replaceChildren(summary, el('p', {}, el('label', {htmlFor: 'fc-cli'}, 'The same with the CLI: '),
      el('input', {type: 'text', id: 'fc-cli', readOnly: true, className: 'wide', value: args.join(' ') + ' --json'})));
    if (!$('card-forecast')) Lab.card('forecast', {view: 'tools', title: 'forecast: error vs n', x: 'n', y: 'test error',
      xlog: true, ylog: true}, $('fc-plot'));
    const palette = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e'];
    const traces = [];
    d.curves.forEach((c, i) => {
      const color = palette[i % palette.length];
      const xs = c.points.map(p => p.n);
      const name = `p2 = ${f(c.p2)}` + (c.weight !== 1 ? `, A = ${f(c.weight)}` : '');
      traces.push({x: xs.concat([...xs].reverse()), y: c.points.map(p => p.high).concat(c.points.map(p => p.low).reverse()),
        name: name + ' interval', fill: 'toself', mode: 'lines', line: {width: 0}, fillcolor: color + '22', showlegend: false, hoverinfo: 'skip'});
      traces.push({x: xs, y: c.points.map(p => p.testError), name: 'law ' + name, mode: 'lines', connectgaps: false, line: {color, width: 2}});
      const g = d.fit.groups.filter(p => p.p2 === c.p2 && p.weight === c.weight);
      traces.push({x: g.map(p => p.n), y: g.map(p => p.meanError), name: 'pilots ' + name, mode: 'markers',
        marker: {color, symbol: 'circle-open'}, error_y: {type: 'data', array: g.map(p => p.stderr), visible: true}});
    });
    Lab.render('forecast', traces, {empty: traces.length ? null : 'The forecast has no curves.'});
  }
})();
