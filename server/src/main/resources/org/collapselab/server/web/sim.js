// Simulation jobs (POST /api/simulate, poll GET /api/jobs/{id}, DELETE to cancel) and their overlays. An overlay
// keeps the setting it was run with: it stays on the plot when the controls move, labelled with what differs.
'use strict';
(function () {
  const Lab = window.Lab;
  const $ = id => document.getElementById(id);
  const el = Lab.el;
  const SYMBOLS = ['circle-open', 'square-open', 'diamond-open', 'triangle-up-open', 'x', 'cross'];
  const COLORS = ['#000000', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#7f7f7f'];
  Lab.sims = [];
  let job = null;
  let count = 0;

  // Simulated ranges: the plot's own sweep, cut to what the server simulates quickly (d·n and d·m bounded).
  function simSweep(curve, points) {
    const s = Lab.current.view.curves[curve].sweep;
    const st = Lab.current.state;
    const d = +st.d;
    let to = s.to;
    if (curve === 'n') to = Math.max(s.from + 1, Math.min(to, 20 * d, Math.floor(2e7 / d)));
    if (curve === 'm') to = Math.max(s.from + 1, Math.min(to, 10 * Math.max(+st.n, d), Math.floor(2e7 / d)));
    return `${curve}:${s.from}:${to}:${points}${s.log ? ':log' : ''}`;
  }

  Lab.simTraces = function (curve) {
    const dark = document.documentElement.dataset.theme === 'dark'
      || (!document.documentElement.dataset.theme && matchMedia('(prefers-color-scheme: dark)').matches);
    return Lab.sims.filter(s => s.curve === curve && s.points.length).map(s => ({
      x: s.points.map(p => p.x), y: s.points.map(p => p.mean), mode: 'markers',
      name: `simulation ± std: ${Lab.diffLabel(s.state)} (${s.runs} runs)`,
      marker: {color: s.color === '#000000' && dark ? '#ffffff' : s.color, size: 7, symbol: s.symbol},
      error_y: {type: 'data', array: s.points.map(p => p.std), visible: true, color: s.color === '#000000' && dark ? '#dddddd' : s.color},
    }));
  };

  function listSims() {
    const ul = $('sims');
    ul.innerHTML = '';
    for (const s of Lab.sims) {
      const label = `${s.curve === 'generations' ? 'error vs generation' : 'error vs ' + s.curve}: ${Lab.diffLabel(s.state)}, ${s.runs} runs, seed ${s.seed}`;
      const rm = el('button', {type: 'button', className: 'tool', 'aria-label': 'Remove simulation ' + label}, '×');
      rm.addEventListener('click', () => {
        Lab.sims = Lab.sims.filter(q => q !== s);
        listSims();
        Lab.drawAll();
      });
      ul.append(el('li', {}, el('span', {className: 'swatch', style: 'background:' + s.color}), label + ' ', rm));
    }
  }
  Lab.listSims = listSims;

  async function poll(sim) {
    let j;
    try {
      const r = await fetch('/api/jobs/' + sim.id);
      j = await r.json();
      if (!r.ok) throw new Error(j.error || 'HTTP ' + r.status);
    } catch (e) {
      $('sim-status').textContent = 'lost the job: ' + e.message;
      finish();
      return;
    }
    $('sim-progress').value = j.progress;
    $('sim-status').textContent = `${j.state}: ${j.done}/${j.total} runs, ${j.points.length} points` + (j.error ? ' — ' + j.error : '');
    sim.points = j.points;
    await Lab.drawPlot(sim.curve === 'generations' ? 'generations' : sim.curve);
    if (j.state === 'running') {
      setTimeout(() => poll(sim), 300);
    } else {
      Lab.lastJob = j;
      finish();
    }
  }
  function finish() {
    job = null;
    $('sim-start').disabled = false;
    $('sim-cancel').disabled = true;
  }

  Lab.startSimulation = async function () {
    if (!Lab.current || Lab.staleReason) {
      $('sim-status').textContent = 'Fix the marked controls first: ' + (Lab.staleReason || 'nothing computed yet');
      return;
    }
    const curve = $('sim-curve').value;
    const st = Object.assign({}, Lab.current.state);
    const over = curve === 'm' ? {model: 'rp'} : {};
    const params = Object.fromEntries(Lab.query(Object.assign({}, st, over)));
    if (curve === 'm') params.m = st.m;
    const withNoise = params['with-noise'] === 'true';
    delete params['with-noise'];
    const body = {params, runs: +$('sim-runs').value, seed: +$('sim-seed').value, 'with-noise': withNoise};
    if (curve === 'generations') {
      if (!(+st.generations > 0)) {
        $('sim-status').textContent = 'Set generations > 0 to simulate the loop.';
        return;
      }
    } else {
      body.sweep = simSweep(curve, +$('sim-points').value); // with generations > 0: each point's last generation
    }
    const r = await fetch('/api/simulate', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)});
    const j = await r.json();
    if (!r.ok) {
      $('sim-status').textContent = j.error;
      return;
    }
    const sim = {id: j.id, curve, state: st, runs: body.runs, seed: body.seed, points: [],
      color: COLORS[count % COLORS.length], symbol: SYMBOLS[count % SYMBOLS.length]};
    count++;
    Lab.sims.push(sim);
    listSims();
    job = sim;
    $('sim-start').disabled = true;
    $('sim-cancel').disabled = false;
    if (curve === 'generations') Lab.showView('generations');
    poll(sim);
  };

  Lab.buildSimulation = function () {
    $('sim-start').addEventListener('click', Lab.startSimulation);
    $('sim-cancel').addEventListener('click', async () => {
      if (job) await fetch('/api/jobs/' + job.id, {method: 'DELETE'});
    });
  };
})();
