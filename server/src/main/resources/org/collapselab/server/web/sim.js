// Simulation jobs (POST /api/simulate, poll GET /api/jobs/{id}, DELETE to cancel) and the results-folder browser.
'use strict';
(function () {
  const Lab = window.Lab;
  const $ = id => document.getElementById(id);
  let job = null;

  // Simulated ranges stay within what the server simulates quickly (d·n and d·m bounded).
  function simSweep(curve, points) {
    const r = Object.assign({}, Lab.ranges()[curve]);
    const d = +Lab.state.d;
    if (curve === 'n') r.to = Math.max(r.from + 1, Math.min(r.to, 20 * d, Math.floor(2e7 / d)));
    if (curve === 'm') r.to = Math.max(r.from + 1, Math.min(r.to, 10 * Math.max(+Lab.state.n, d), Math.floor(2e7 / d)));
    return Lab.sweepText(curve, r, points);
  }

  function overlay(curve, points) {
    const xs = points.map(p => p.x);
    Lab.sims[curve] = {x: xs, y: points.map(p => p.mean), mode: 'markers', name: 'simulation ± std',
      marker: {color: '#000', size: 7, symbol: 'circle-open'},
      error_y: {type: 'data', array: points.map(p => p.std), visible: true, color: '#444'}};
    return Lab.redrawPlots();
  }

  async function poll(id, curve) {
    const r = await fetch('/api/jobs/' + id);
    const j = await r.json();
    if (!job || job.id !== id) return;
    $('sim-progress').value = j.progress;
    $('sim-status').textContent = `${j.state}: ${j.done}/${j.total} runs, ${j.points.length} points` + (j.error ? ' — ' + j.error : '');
    if (j.points.length) await overlay(curve, j.points);
    if (j.state === 'running') {
      setTimeout(() => poll(id, curve), 300);
    } else {
      job = null;
      $('sim-start').disabled = false;
      $('sim-cancel').disabled = true;
      Lab.lastJob = j;
    }
  }

  $('sim-start').addEventListener('click', async () => {
    const curve = $('sim-curve').value;
    const params = Object.fromEntries(Lab.params(curve === 'm' ? {model: 'rp'} : {}));
    const withNoise = params['with-noise'] === 'true';
    delete params['with-noise'];
    const body = {params, sweep: simSweep(curve, +$('sim-points').value), runs: +$('sim-runs').value,
      seed: +$('sim-seed').value, 'with-noise': withNoise};
    const r = await fetch('/api/simulate', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)});
    const j = await r.json();
    if (!r.ok) {
      $('sim-status').textContent = j.error;
      return;
    }
    job = j;
    $('sim-start').disabled = true;
    $('sim-cancel').disabled = false;
    poll(j.id, curve);
  });

  $('sim-cancel').addEventListener('click', async () => {
    if (job) await fetch('/api/jobs/' + job.id, {method: 'DELETE'});
  });

  // Results folder: studies, their experiments (click for cells), figures and reports.
  const esc = s => String(s).replace(/[&<>"']/g, c => '&#' + c.charCodeAt(0) + ';');
  const fileUrl = p => '/files/' + p.split('/').map(encodeURIComponent).join('/');

  async function cells(path, experiment) {
    const r = await fetch('/api/studies/cells?' + new URLSearchParams({path, experiment}));
    const j = await r.json();
    if (!r.ok) {
      $('cells').textContent = j.error;
      return;
    }
    const cols = j.columns.filter(c => !/runs$|created_at|^key$|version/.test(c)).slice(0, 16);
    const rows = j.rows.slice(0, 200).map(row => '<tr>' + cols.map(c => `<td>${esc(typeof row[c] === 'number' ? +row[c].toPrecision(5) : row[c] ?? '')}</td>`).join('') + '</tr>');
    $('cells').innerHTML = `<h3>${esc(experiment)} (${j.total} cells${j.total > 200 ? ', first 200 shown' : ''})</h3>`
      + `<table><tr>${cols.map(c => `<th>${esc(c)}</th>`).join('')}</tr>${rows.join('')}</table>`;
  }

  async function studies() {
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
    $('studies').innerHTML = j.studies.map(s => `<div class="study"><h3>${esc(s.path || j.root)}</h3>`
      + '<p>experiments: ' + s.experiments.map(e => `<a href="#" data-path="${esc(s.path)}" data-exp="${esc(e.name)}">${esc(e.name)}</a> (${e.cells} cells)`).join(', ') + '</p>'
      + (s.reports.length ? '<p>reports: ' + s.reports.map(p => `<a href="${fileUrl(p)}" target="_blank">${esc(p)}</a>`).join(', ') + '</p>' : '')
      + s.figures.filter(f => f.endsWith('.png') || f.endsWith('.svg')).map(f => `<a href="${fileUrl(f)}" target="_blank"><img src="${fileUrl(f)}" alt="${esc(f)}" title="${esc(f)}"></a>`).join('')
      + '</div>').join('');
    $('studies').querySelectorAll('a[data-exp]').forEach(a => a.addEventListener('click', ev => {
      ev.preventDefault();
      cells(a.dataset.path, a.dataset.exp);
    }));
  }
  studies();
})();
