// Diagnose on files picked in the browser (POST /api/diagnose: the same code and numbers as collapselab diagnose):
// estimates with their intervals, the recipe against real-only and all-synthetic, the error-vs-k curves, the CLI
// command that reproduces it, and "use in the explorer" (c², σ, σ2, d, n from the estimates).
'use strict';
(function () {
  const Lab = window.Lab;
  const $ = id => document.getElementById(id);
  const el = Lab.el;
  const FIELDS = [
    {id: 'dg-label', label: 'label column', value: 'y', help: 'name of the label column in both files'},
    {id: 'dg-folds', label: 'folds', value: '5', help: 'K of the K-fold cross-validation on the real rows (2–50)'},
    {id: 'dg-splits', label: 'splits', value: '16', help: 'random half-splits averaged in the c² estimate (1–1000)'},
    {id: 'dg-seed', label: 'seed', value: '1', help: 'seed of the splits and folds (the CLI gives the same numbers)'},
  ];

  Lab.buildTools = function () {
    const view = $('view-tools');
    const file = (id, label, help) => [el('label', {htmlFor: id, title: help}, label),
      el('input', {type: 'file', id, accept: '.csv,text/csv', title: help})];
    const grid = el('div', {className: 'sim-grid dg-grid'},
      ...file('dg-real', 'real rows (CSV)', 'real rows: a CSV file with a header line'),
      ...file('dg-synthetic', 'synthetic rows (CSV)', 'synthetic rows, same columns; a recipe uses the first k rows'),
      ...FIELDS.flatMap(f => [el('label', {htmlFor: f.id, title: f.help}, f.label),
        el('input', {type: 'text', id: f.id, value: f.value, title: f.help, autocomplete: 'off'})]));
    const run = el('button', {type: 'button', id: 'dg-run'}, 'Diagnose');
    run.addEventListener('click', diagnose);
    view.replaceChildren(el('section', {className: 'note-box', 'aria-labelledby': 'dg-title'},
      el('h2', {id: 'dg-title'}, 'Diagnose your data'),
      el('p', {className: 'note'}, 'Estimates how far a synthetic data set is from a real one (c² = ‖w2 − w1‖²_Σ1 with a '
        + '95% interval, the noise levels, the covariance gap), asks the advisor for a recipe (k synthetic rows, '
        + 'weight A, λ) and checks it against real-only and all-synthetic by cross-validation. The files are sent to '
        + 'this server only, used once and deleted.'),
      grid, el('div', {className: 'buttons'}, run),
      el('p', {id: 'dg-status', className: 'note', role: 'status'}),
      el('p', {id: 'dg-error', className: 'error', role: 'alert'}),
      el('div', {id: 'dg-result'}), el('div', {id: 'dg-plot'})));
    if (Lab.buildForecast) Lab.buildForecast(view);
  };

  async function diagnose() {
    $('dg-error').textContent = '';
    const real = $('dg-real').files[0];
    const synthetic = $('dg-synthetic').files[0];
    if (!real || !synthetic) {
      $('dg-error').textContent = 'Pick both files: the real rows and the synthetic rows.';
      return;
    }
    const body = {real: await real.text(), synthetic: await synthetic.text(), label: $('dg-label').value.trim()};
    for (const k of ['folds', 'splits', 'seed']) {
      const t = $('dg-' + k).value.trim();
      if (!/^\d+$/.test(t)) {
        $('dg-error').textContent = `${k} must be a whole number, got “${t}”`;
        return;
      }
      body[k] = +t;
    }
    $('dg-status').textContent = 'diagnosing…';
    $('dg-run').disabled = true;
    try {
      const r = await fetch('/api/diagnose', {method: 'POST', headers: {'Content-Type': 'application/json'},
        body: JSON.stringify(body)});
      const d = await r.json();
      if (!r.ok) {
        $('dg-error').textContent = d.error.replace(/^real\.csv/, real.name).replace(/^synthetic\.csv/, synthetic.name);
        $('dg-status').textContent = '';
        return;
      }
      Lab.lastDiagnosis = d;
      show(d, body, real.name, synthetic.name);
      $('dg-status').textContent = `done in ${Object.values(d.cpuSeconds || {}).reduce((a, b) => a + b, 0).toFixed(2)} CPU s`;
    } catch (e) {
      $('dg-error').textContent = 'no answer from the server: ' + e.message;
      $('dg-status').textContent = '';
    } finally {
      $('dg-run').disabled = false;
    }
  }

  function show(d, body, realName, synName) {
    const e = d.estimates;
    const f = Lab.fmt;
    const row = (k, v) => el('tr', {}, el('th', {scope: 'row'}, k), el('td', {}, v));
    const est = el('table', {className: 'cells', id: 'dg-estimates'}, el('caption', {}, 'Estimates'),
      row('rows', `real n1 = ${e.realRows}, synthetic n2 = ${e.syntheticRows}, d = ${e.dimension}`),
      row('c² (synthetic quality)', `${f(e.c2)} [${f(e.c2Low)}, ${f(e.c2High)}] (${Math.round(100 * e.confidence)}%)`),
      row('σ² real / synthetic', `${f(e.sigma2Real)} ± ${f(e.sigma2RealStdError)} / ${f(e.sigma2Synthetic)} ± ${f(e.sigma2SyntheticStdError)}`),
      row('‖Σ2 − Σ1‖F / ‖Σ1‖F', `${f(e.covarianceDistance)} (off-diagonal share ${f(e.offDiagonalShare)}, mean shift ${f(e.meanShift)})`));
    const recipes = [['recommended', d.recommendation], ['real only', d.baselines.realOnly],
      ['all synthetic', d.baselines.allSynthetic]];
    const head = ['recipe', 'k', 'A', 'λ', 'predicted', 'measured'];
    const rec = el('table', {className: 'cells', id: 'dg-recipes'}, el('caption', {}, `Recipes (measured by ${d.validation.method === 'test' ? 'the test file' : 'cross-validation'})`),
      el('thead', {}, el('tr', {}, ...head.map(h => el('th', {scope: 'col'}, h)))),
      el('tbody', {}, ...recipes.map(([name, c]) => el('tr', {}, el('th', {scope: 'row'}, name),
        ...[c.syntheticRows, c.syntheticWeight, c.lambda, c.predictedTestError, c.measuredError].map(v => el('td', {}, typeof v === 'number' ? f(v) : String(v ?? '')))))));
    const cli = ['collapselab diagnose', '--real', realName, '--synthetic', synName, '--label', body.label,
      '--folds', body.folds, '--splits', body.splits, '--seed', body.seed, '--json'].join(' ');
    const use = el('button', {type: 'button', id: 'dg-use', title: 'Set d, n, c², σ and σ2 of the explorer from these estimates'}, 'Use in the explorer');
    use.addEventListener('click', () => {
      const values = {d: e.dimension, n: e.realRows + (d.recommendation.syntheticRows || 0), c2: +e.c2.toPrecision(3),
        sigma: +Math.sqrt(e.sigma2Real).toPrecision(3), 'synthetic-sigma': +Math.sqrt(e.sigma2Synthetic).toPrecision(3)};
      const n = values.n;
      values.p2 = n > 0 ? +((d.recommendation.syntheticRows || 0) / n).toPrecision(3) : 0;
      Object.entries(values).forEach(([k, v]) => Lab.show(k, String(v)));
      Lab.showView('curves');
      Lab.refresh();
    });
    $('dg-result').replaceChildren(est, rec, el('p', {}, el('label', {htmlFor: 'dg-cli'}, 'The same with the CLI: '),
      el('input', {type: 'text', id: 'dg-cli', readOnly: true, value: cli, className: 'wide'})), el('div', {className: 'buttons'}, use));
    if (!$('card-diagnose')) Lab.card('diagnose', {view: 'tools', title: 'diagnose: error vs synthetic rows k', x: 'synthetic rows k',
      y: 'expected squared error', xlog: false, ylog: false}, $('dg-plot'));
    const palette = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e'];
    const traces = [];
    (d.curves || []).forEach((c, i) => {
      const name = `A = ${f(c.syntheticWeight)}, λ = ${f(c.lambda)}`;
      const xs = c.points.map(p => p.syntheticRows);
      traces.push({x: xs, y: c.points.map(p => p.predictedError ?? null), name: 'predicted ' + name, mode: 'lines',
        connectgaps: false, line: {color: palette[i % palette.length], width: 2}});
      traces.push({x: xs, y: c.points.map(p => p.measuredError), name: 'measured ' + name, mode: 'markers',
        marker: {color: palette[i % palette.length], symbol: 'circle-open'},
        error_y: {type: 'data', array: c.points.map(p => p.measuredStdError), visible: true}});
    });
    Lab.render('diagnose', traces, {empty: traces.length ? null : 'The diagnosis has no curves.'});
  }
})();
