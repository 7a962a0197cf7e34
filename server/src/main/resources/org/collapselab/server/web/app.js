// Collapse Lab explorer: controls -> one GET /api/view per change (coalesced: while one is answered, only the newest
// change waits) -> Plotly.react on the plots of the view shown. Views: curves, generations, results, tools.
'use strict';
(function () {
  const Lab = window.Lab;
  const $ = id => document.getElementById(id);
  const el = Lab.el;
  Object.assign(Lab, {changes: 0, drawnChange: 0, redraws: 0, seq: 0, view: 'curves', lastRedrawMs: null});
  let inFlight = false;
  let pending = false;
  let addressTimer = null;

  function changed() {
    Lab.changes++;
    Lab.lastChangeT0 = performance.now();
    clearTimeout(addressTimer);
    addressTimer = setTimeout(Lab.writeAddress, 250);
    schedule();
  }

  function firstInvalid() {
    const names = Object.keys(Lab.invalid);
    return names.length ? Lab.invalid[names[0]] : null;
  }

  function schedule() {
    const bad = firstInvalid();
    if (bad) {
      Lab.markStale(bad);
      showPoint(null, 'Not computed: ' + bad);
      Lab.drawnChange = Lab.changes; // nothing is computed with a value the user did not see
      return;
    }
    if (inFlight) {
      pending = true;
      return;
    }
    run();
  }

  async function run() {
    inFlight = true;
    pending = false;
    const change = Lab.changes;
    const t0 = Lab.lastChangeT0;
    const st = Object.assign({}, Lab.state);
    Lab.seq++;
    let view;
    let err = null;
    try {
      const r = await fetch('/api/view?' + Lab.query(st, true));
      view = await r.json();
      if (!r.ok) err = view;
    } catch (e) {
      err = {error: 'no answer from the server: ' + e.message};
    }
    if (Lab.firstAnswerAt === undefined) Lab.firstAnswerAt = performance.now(); // since navigation start
    if (!pending && !firstInvalid()) {
      const t1 = performance.now();
      clearServerErrors();
      if (err) {
        if (err.field && $('err-' + err.field)) {
          $('err-' + err.field).textContent = err.error;
          $('row-' + err.field).classList.add('invalid', 'server-invalid');
        }
        Lab.markStale(err.error);
        showPoint(null, err.error);
      } else {
        await Lab.plotlyReady; // the first answer may come before the plotting library is parsed
        Lab.clearStale();
        Lab.current = {view, state: st};
        showPoint(view.point);
        await Lab.drawAll();
        Lab.listPins(); // their labels say what differs from the controls now
        Lab.listSims();
      }
      const t2 = performance.now();
      Object.assign(Lab, {lastRedrawMs: t2 - t0, lastFetchMs: t1 - t0, lastDrawMs: t2 - t1});
      Lab.redraws++;
      if (Lab.firstDrawAt === undefined && !err) Lab.firstDrawAt = performance.now(); // since navigation start
      Lab.drawnChange = change;
      $('status').textContent = err ? '' : `redraw ${(t2 - t0).toFixed(0)} ms (answer ${(t1 - t0).toFixed(0)}, plots ${(t2 - t1).toFixed(0)}) · server ${view.millis.toFixed(1)} ms`;
    }
    inFlight = false;
    if (pending) run();
    else if (firstInvalid()) schedule();
  }
  Lab.refresh = () => { changed(); };

  function clearServerErrors() {
    document.querySelectorAll('.ctl.server-invalid').forEach(row => {
      row.classList.remove('server-invalid');
      const name = row.id.replace(/^row-/, '');
      if (!Lab.invalid[name]) {
        row.classList.remove('invalid');
        $('err-' + name).textContent = '';
      }
    });
  }

  function showPoint(pt, err) {
    const t = $('point');
    t.replaceChildren();
    $('point-error').textContent = err || (pt && pt.error) || '';
    if (!pt || pt.error) return;
    const pool = ['teacherTestError', 'keptRows', 'keptBadRows', 'effectiveBadShare', 'plugInTestError'].filter(k => k in pt);
    for (const k of ['testError', 'bias', 'variance', 'zeta', 'effectiveRegularization', 'converged', 'iterations', 'residual', ...pool]) {
      t.append(el('tr', {}, el('th', {scope: 'row'}, k), el('td', {}, typeof pt[k] === 'number' ? Lab.fmt(pt[k]) : String(pt[k]))));
    }
  }

  Lab.showLoopStatus = function (g, st) {
    const box = $('loop-status');
    if (!g) {
      box.replaceChildren(el('p', {}, 'One fit (generations = 0). Set generations > 0 to follow a retraining loop.'));
      return;
    }
    const head = `generations K = ${g.count}, schedule ${g.schedule}, fresh real share r = ${g.freshReal}`;
    if (g.unavailable) {
      box.replaceChildren(el('p', {}, head), el('p', {id: 'loop-line'}, 'theory: ' + g.unavailable));
      return;
    }
    const l = g.loop;
    const rho = l.contractionFactor === null ? '' : `, contraction factor ρ = ${Lab.fmt(l.contractionFactor)}`;
    const inf = l.stationaryError === null ? 'no stationary error' : `E∞ = ${Lab.fmt(l.stationaryError)}`;
    box.replaceChildren(el('p', {}, head),
      el('p', {id: 'loop-line'}, el('strong', {}, 'loop: ' + l.status), `${rho}; ${inf}. ${l.description}`),
      el('p', {id: 'loop-basis', className: g.approximate ? 'approximate' : ''}, el('strong', {}, 'basis: '), g.basis));
  };

  Lab.showView = function (name, quiet) {
    Lab.view = name;
    for (const tab of document.querySelectorAll('[role=tab]')) {
      const on = tab.id === 'tab-' + name;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      $(tab.getAttribute('aria-controls')).hidden = !on;
    }
    if (!quiet) Lab.writeAddress();
    if (name === 'results' && !Lab.studiesLoaded && Lab.info) {
      Lab.studiesLoaded = true;
      if (Lab.info && Lab.info.results) Lab.loadStudies();
      else $('studies').textContent = 'No results folder: start the server with --out DIR to browse its studies.';
    }
    return Lab.drawDirty();
  };

  function buildTabs() {
    const tabs = [...document.querySelectorAll('[role=tab]')];
    tabs.forEach((tab, i) => {
      tab.addEventListener('click', () => Lab.showView(tab.id.replace(/^tab-/, '')));
      tab.addEventListener('keydown', ev => {
        const step = ev.key === 'ArrowRight' ? 1 : ev.key === 'ArrowLeft' ? -1 : 0;
        if (!step) return;
        const next = tabs[(i + step + tabs.length) % tabs.length];
        next.focus();
        next.click();
      });
    });
  }

  // Theme: the system's (prefers-color-scheme), light or dark; the choice is remembered in this browser.
  const THEMES = ['auto', 'light', 'dark'];
  function applyTheme(t) {
    if (t === 'auto') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = t;
    const b = $('theme');
    b.textContent = {auto: '◐ auto', light: '☀ light', dark: '☾ dark'}[t];
    b.setAttribute('aria-label', 'Colour theme: ' + (t === 'auto' ? 'follows the system' : t));
    Lab.theme = t;
    if (Lab.current) {
      Object.keys(Lab.CARDS).forEach(id => Lab.dirty.add(id));
      Lab.drawDirty();
    }
  }
  function buildTheme() {
    let saved = 'auto';
    try { saved = localStorage.getItem('collapselab-theme') || 'auto'; } catch (e) { /* storage off */ }
    applyTheme(THEMES.includes(saved) ? saved : 'auto');
    $('theme').addEventListener('click', () => {
      const t = THEMES[(THEMES.indexOf(Lab.theme) + 1) % THEMES.length];
      try { localStorage.setItem('collapselab-theme', t); } catch (e) { /* storage off */ }
      applyTheme(t);
    });
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => applyTheme(Lab.theme));
  }

  async function start() {
    Lab.buildControls();
    for (const id of ['n', 'm', 'p2', 'pareto', 'split']) Lab.card(id, Lab.CARDS[id]);
    Lab.card('generations', Lab.CARDS.generations);
    Lab.buildSimulation();
    Lab.buildTools();
    buildTabs();
    buildTheme();
    $('pin').addEventListener('click', Lab.pin);
    const view = Lab.readAddress();
    Lab.onChange = changed;
    Lab.showView(['curves', 'generations', 'results', 'tools'].includes(view) ? view : 'curves', true);
    changed(); // the first request leaves now; plotly.js (preloaded by the page) is parsed while it is answered
    const link = $('plotly-src');
    Lab.plotlyReady = window.Plotly || !link || link.getAttribute('href').includes('{{') ? Promise.resolve()
      : new Promise(resolve => {
        const tag = el('script', {src: link.href, id: 'plotly'});
        tag.addEventListener('load', resolve);
        tag.addEventListener('error', resolve);
        document.head.append(tag);
      });
    Lab.plotlyReady.then(() => { Lab.plotlyAt = performance.now(); });
    try {
      Lab.info = await (await fetch('/api/info')).json();
    } catch (e) {
      Lab.info = {};
    }
    await Lab.plotlyReady;
    if (!window.Plotly) {
      const b = $('banner');
      b.hidden = false;
      b.textContent = 'The plotting library (plotly.js) is not bundled in this build: run scripts/fetch-data.sh (npm) '
        + 'and rebuild (mvn package). The numbers and the JSON API work without it.';
    }
    if (Lab.info.results) {
      Lab.studiesLoaded = true;
      Lab.loadStudies();
    }
    Lab.showView(Lab.view, true);
    window.addEventListener('hashchange', () => { Lab.readAddress(); changed(); });
  }
  start();
})();
