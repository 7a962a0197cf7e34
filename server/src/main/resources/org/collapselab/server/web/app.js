// Collapse Lab explorer: controls -> /api/theory sweeps -> Plotly. No framework; sim.js adds simulation and browsing.
'use strict';

// name = the API/CLI flag; log sliders move in log10 units; nullable numbers may be left empty (= default).
const CONTROLS = [
  {group: 'main', name: 'model', label: 'model', kind: 'select', options: ['ridge', 'rp'], value: 'ridge'},
  {group: 'main', name: 'd', label: 'd', kind: 'int', log: true, min: 10, max: 5000, value: 200},
  {group: 'main', name: 'n', label: 'n', kind: 'int', log: true, min: 10, max: 1e6, value: 1000},
  {group: 'main', name: 'm', label: 'm (rp)', kind: 'int', log: true, min: 1, max: 1e5, value: 500},
  {group: 'main', name: 'p2', label: 'p2', kind: 'real', min: 0, max: 1, step: 0.01, value: 0.2},
  {group: 'main', name: 'c2', label: 'c²', kind: 'real', min: 0, max: 4, step: 0.05, value: 1},
  {group: 'main', name: 'sigma', label: 'σ', kind: 'real', min: 0, max: 2, step: 0.05, value: 0.5},
  {group: 'main', name: 'lambda', label: 'λ', kind: 'real', log: true, min: 1e-6, max: 10, value: 1e-3},
  {group: 'main', name: 'spectrum', label: 'spectrum', kind: 'spectrum', value: 'iso'},
  {group: 'main', name: 'with-noise', label: '+σ²', kind: 'check', value: false},
  {group: 'sources', name: 'synthetic-spectrum', label: 'Σ2', kind: 'spectrum', value: '', same: true},
  {group: 'sources', name: 'synthetic-sigma', label: 'σ2', kind: 'real', min: 0, max: 2, step: 0.05, value: null},
  {group: 'sources', name: 'synthetic-weight', label: 'weight A', kind: 'real', min: 0, max: 5, step: 0.05, value: 1},
  {group: 'sources', name: 'estimator', label: 'estimator', kind: 'select', options: ['mix', 'prior'], value: 'mix'},
  {group: 'loop', name: 'generations', label: 'generations', kind: 'int', min: 0, max: 20, value: 0},
  {group: 'loop', name: 'schedule', label: 'schedule', kind: 'select',
    options: ['replace', 'accumulate', 'accumulate-subsample'], value: 'replace'},
  {group: 'loop', name: 'fresh-real', label: 'fresh real', kind: 'real', min: 0, max: 1, step: 0.01, value: 0},
];
const DEFAULTS = {'synthetic-weight': '1', estimator: 'mix', generations: '0', schedule: 'replace', 'fresh-real': '0'};
const state = {};
const Lab = window.Lab = {state, seq: 0, redraws: 0, lastRedrawMs: null, curves: {}, sims: {}};

function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => (k in e ? e[k] = v : e.setAttribute(k, v)));
  kids.forEach(k => e.append(k));
  return e;
}
function fmt(v) {
  if (v === null || v === undefined || v === '') return '';
  return Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v !== 0) ? Number(v).toExponential(2) : String(+Number(v).toPrecision(4));
}

function buildControl(c) {
  const row = el('div', {className: 'ctl', id: 'row-' + c.name}, el('span', {}, c.label));
  state[c.name] = c.value;
  if (c.kind === 'select') {
    const s = el('select', {id: 'ctl-' + c.name}, ...c.options.map(o => el('option', {value: o}, o)));
    s.value = c.value;
    s.addEventListener('change', () => changed(c.name, s.value));
    row.append(s, el('span'));
  } else if (c.kind === 'check') {
    const b = el('input', {type: 'checkbox', id: 'ctl-' + c.name});
    b.addEventListener('change', () => changed(c.name, b.checked));
    row.append(b, el('span'));
  } else if (c.kind === 'spectrum') {
    const s = el('select', {id: 'ctl-' + c.name},
      ...(c.same ? [el('option', {value: ''}, 'same as Σ')] : []),
      el('option', {value: 'iso'}, 'iso'), el('option', {value: 'power'}, 'power:α'));
    const a = el('input', {type: 'number', id: 'ctl-' + c.name + '-alpha', value: 1, step: 0.1, min: 0});
    const update = () => changed(c.name, s.value === 'power' ? 'power:' + a.value : s.value);
    s.addEventListener('change', update);
    a.addEventListener('input', update);
    row.append(s, a);
  } else {
    const slider = el('input', {type: 'range', id: 'ctl-' + c.name});
    const box = el('input', {type: 'number', id: 'box-' + c.name});
    if (c.log) {
      Object.assign(slider, {min: Math.log10(c.min), max: Math.log10(c.max), step: c.kind === 'int' ? 0.01 : 0.05});
    } else {
      Object.assign(slider, {min: c.min, max: c.max, step: c.step || 1});
    }
    const toValue = x => (c.log ? 10 ** x : +x);
    const round = v => (c.kind === 'int' ? Math.max(1, Math.round(v)) : +v.toPrecision(4));
    slider.value = c.value === null ? c.min : (c.log ? Math.log10(c.value) : c.value);
    box.value = c.value === null ? '' : c.value;
    if (c.value === null) box.placeholder = 'same as σ';
    slider.addEventListener('input', () => {
      const v = round(toValue(slider.value));
      box.value = v;
      changed(c.name, v);
    });
    box.addEventListener('change', () => {
      const v = box.value === '' ? null : +box.value;
      if (v !== null && v > 0 || !c.log) slider.value = c.log ? Math.log10(v) : v;
      changed(c.name, v);
    });
    row.append(slider, box);
  }
  document.getElementById('ctl-' + c.group).append(row);
}

// The API query for the current controls, with overrides (e.g. {model: 'rp'}).
function params(over) {
  const p = Object.assign({}, state, over || {});
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) {
    if (v === null || v === '' || v === false || (k === 'm' && p.model !== 'rp')) continue;
    if (DEFAULTS[k] !== undefined && String(v) === DEFAULTS[k]) continue;
    q.set(k, v === true ? 'true' : String(v));
  }
  return q;
}
Lab.params = params;

async function theory(q) {
  const r = await fetch('/api/theory?' + q.toString());
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || ('HTTP ' + r.status));
  return body;
}

// Sweep ranges derived from the current point (shared with the simulation panel).
function ranges() {
  const d = +state.d, n = +state.n, m = +state.m;
  return {
    n: {from: Math.max(2, Math.min(Math.round(d / 10), Math.round(n / 2))), to: Math.max(1000 * d, 2 * n), log: true},
    m: {from: Math.max(1, Math.min(Math.round(d / 50), Math.round(m / 2))), to: Math.max(20 * Math.max(n, d), 2 * m), log: true},
    p2: {from: 0, to: 1, log: false},
  };
}
Lab.ranges = ranges;
function sweepText(name, r, points) {
  return `${name}:${r.from}:${r.to}:${points}${r.log ? ':log' : ''}`;
}
Lab.sweepText = sweepText;

// Axis ranges rounded out (quarter decades on log axes, 1-2-5 steps on linear ones): while a control moves, the ranges
// mostly stay put and Plotly redraws only the traces, not the axes (several times faster).
function logRange(...arrays) {
  const v = arrays.flat().filter(x => x > 0 && isFinite(x));
  if (!v.length) return undefined;
  let lo = Math.floor((Math.log10(Math.min(...v)) - 0.01) * 4) / 4, hi = Math.ceil((Math.log10(Math.max(...v)) + 0.01) * 4) / 4;
  if (hi - lo < 0.5) hi = lo + 0.5;
  return [lo, hi];
}
function linRange(...arrays) {
  const v = arrays.flat().filter(x => x !== null && isFinite(x));
  const max = v.length ? Math.max(...v) : 1;
  const e = 10 ** Math.floor(Math.log10(max || 1));
  const step = [1, 2, 5, 10].map(k => k * e).find(k => k >= max) || 10 * e;
  return [0, step];
}
function ys(curve, key) {
  return curve.points.map(p => (p.error ? null : p[key]));
}
function layout(title, xtitle, xlog, ylog, extra) {
  return Object.assign({title: {text: title, font: {size: 14}}, margin: {l: 60, r: 20, t: 36, b: 44},
    xaxis: {title: {text: xtitle}, type: xlog ? 'log' : 'linear'},
    yaxis: {title: {text: 'test error'}, type: ylog ? 'log' : 'linear'},
    legend: {x: 1, xanchor: 'right', y: 1, bgcolor: 'rgba(255,255,255,.6)', font: {size: 10}}, showlegend: true}, extra || {});
}
function ranged(lay, xr, yr) {
  if (xr) Object.assign(lay.xaxis, {range: xr, autorange: false});
  if (yr) Object.assign(lay.yaxis, {range: yr, autorange: false});
  return lay;
}
function marker(x) {
  return {type: 'line', x0: x, x1: x, yref: 'paper', y0: 0, y1: 1, line: {color: '#999', dash: 'dot', width: 1}};
}

const CONFIG = {displayModeBar: false, responsive: true};

function draw(c) {
  const state = c.state; // the controls as they were when these curves were asked for
  const P = {react: (id, data, lay) => window.Plotly.react(id, data, lay, CONFIG)};
  const sim = Lab.sims;
  const withSim = (name, traces) => (sim[name] ? traces.concat([sim[name]]) : traces);
  const simY = name => (sim[name] ? sim[name].y.map((y, i) => [y - sim[name].error_y.array[i], y + sim[name].error_y.array[i]]).flat() : []);
  const floor = state.model === 'ridge' ? state.p2 * state.p2 * state.c2 + (state['with-noise'] ? state.sigma ** 2 : 0) : null;
  const nTraces = [{x: c.n.values, y: ys(c.n, 'testError'), name: 'theory', mode: 'lines', line: {color: '#1f77b4'}}];
  if (floor > 0) nTraces.push({x: [c.n.values[0], c.n.values.at(-1)], y: [floor, floor], name: 'p2²c²', mode: 'lines', line: {dash: 'dash', color: '#d62728'}});
  const jobs = [
    P.react('plot-n', withSim('n', nTraces), ranged(layout('error vs n', 'n', true, true, {shapes: [marker(+state.n)]}),
      logRange(c.n.values), logRange(ys(c.n, 'testError'), floor > 0 ? [floor] : [], simY('n')))),
    P.react('plot-m', withSim('m', [{x: c.m.values, y: ys(c.m, 'testError'), name: 'rp theory', mode: 'lines', line: {color: '#2ca02c'}}]),
      ranged(layout('error vs m (random projections)', 'm', true, true, {shapes: [marker(+state.m)], showlegend: !!sim.m}),
        logRange(c.m.values), logRange(ys(c.m, 'testError'), simY('m')))),
    P.react('plot-p2', withSim('p2', [{x: c.p2.values, y: ys(c.p2, 'testError'), name: 'theory', mode: 'lines', line: {color: '#9467bd'}}]),
      ranged(layout('error vs p2', 'p2', false, false, {shapes: [marker(+state.p2)], showlegend: !!sim.p2}),
        [0, 1], linRange(ys(c.p2, 'testError'), simY('p2')))),
  ];
  const clean = ys(c.pareto, 'testError'), mixed = ys(c.m, 'testError');
  const logmn = c.m.values.map(m => Math.log10(m / state.n));
  const lo = Math.min(...clean.filter(v => v > 0), ...mixed.filter(v => v > 0));
  const hi = Math.max(...clean.filter(v => v > 0), ...mixed.filter(v => v > 0));
  jobs.push(P.react('plot-pareto', [
    {x: clean, y: mixed, mode: 'markers', name: 'widths m', marker: {color: logmn, colorscale: 'Viridis', size: 5,
      cmin: Math.floor(Math.min(...logmn)), cmax: Math.ceil(Math.max(...logmn)),
      colorbar: {title: {text: 'log₁₀ m/n', side: 'right'}, thickness: 10}}, text: c.m.values.map(m => 'm = ' + m)},
    {x: [lo, hi], y: [lo, hi], mode: 'lines', name: 'y = x', line: {color: '#999', dash: 'dot'}}],
  ranged(layout('Pareto: mixture vs real-only over widths', 'real-only error (p2 = 0)', true, true,
    {yaxis: {title: {text: 'mixture error (p2)'}, type: 'log'}, showlegend: false}), logRange(clean), logRange(mixed))));
  const stack = (key, name, color) => ({x: c.n.values, y: ys(c.n, key), name, stackgroup: 'one', line: {color, width: 0.5}});
  jobs.push(P.react('plot-split', [stack('bias', 'bias', '#1f77b4'), stack('variance', 'variance', '#ff7f0e'), stack('zeta', 'ζ (synthetic)', '#d62728')],
    ranged(layout('bias / variance / ζ split vs n', 'n', true, false, {shapes: [marker(+state.n)]}),
      logRange(c.n.values), linRange(ys(c.n, 'testError').map(v => (v === null ? null : v - (state['with-noise'] ? state.sigma ** 2 : 0)))))));
  return Promise.all(jobs);
}
Lab.redrawPlots = () => (Lab.curves.n && window.Plotly ? draw(Lab.curves) : Promise.resolve());

function showPoint(pt, err) {
  const t = document.getElementById('point');
  t.innerHTML = '';
  document.getElementById('point-error').textContent = err || '';
  if (!pt) return;
  for (const k of ['testError', 'bias', 'variance', 'zeta', 'effectiveRegularization', 'converged', 'iterations', 'residual']) {
    t.append(el('tr', {}, el('td', {}, k), el('td', {}, typeof pt[k] === 'number' ? fmt(pt[k]) : String(pt[k]))));
  }
}

async function refresh(t0) {
  const seq = ++Lab.seq;
  const snapshot = Object.assign({}, state);
  const r = ranges();
  const rp = {model: 'rp', m: state.m};
  try {
    const [point, n, m, p2, pareto] = await Promise.all([
      theory(params()).catch(e => ({failed: e.message})),
      theory(params({sweep: sweepText('n', r.n, 200)})),
      theory(params(Object.assign({sweep: sweepText('m', r.m, 80)}, rp))),
      theory(params({sweep: sweepText('p2', r.p2, 101)})),
      theory(params(Object.assign({sweep: sweepText('m', r.m, 80), p2: 0}, rp))),
    ]);
    if (seq !== Lab.seq) return; // a newer change is already on its way
    showPoint(point.failed ? null : point, point.failed);
    const t1 = performance.now();
    Lab.curves = {n, m, p2, pareto, state: snapshot};
    await Lab.redrawPlots();
    if (seq !== Lab.seq) return;
    const t2 = performance.now();
    Lab.lastRedrawMs = t2 - t0;
    Lab.lastFetchMs = t1 - t0;
    Lab.lastDrawMs = t2 - t1;
    Lab.redraws++;
    Lab.drawnSeq = seq;
    document.getElementById('status').textContent = `redraw ${Lab.lastRedrawMs.toFixed(0)} ms (answers ${Lab.lastFetchMs.toFixed(0)}, plots ${Lab.lastDrawMs.toFixed(0)}) · server ${(n.millis + m.millis + p2.millis + pareto.millis).toFixed(1)} ms`;
  } catch (e) {
    if (seq !== Lab.seq) return;
    showPoint(null, e.message);
    Lab.redraws++;
    Lab.drawnSeq = seq;
  }
}

function changed(name, value) {
  const t0 = performance.now();
  state[name] = value;
  document.getElementById('row-m').classList.toggle('hidden', state.model !== 'rp');
  if (name !== 'model') Lab.sims = {};
  refresh(t0);
}
Lab.changed = changed;

async function start() {
  CONTROLS.forEach(buildControl);
  document.getElementById('row-m').classList.add('hidden');
  const info = await (await fetch('/api/info')).json();
  Lab.info = info;
  if (!window.Plotly) {
    const b = document.getElementById('banner');
    b.hidden = false;
    b.textContent = 'The plotting library (plotly.js) is not bundled in this build: run scripts/fetch-data.sh (npm) '
      + 'and rebuild (mvn package). The numbers below and the JSON API work without it.';
  }
  await refresh(performance.now());
}
start();
