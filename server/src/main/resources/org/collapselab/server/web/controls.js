// The controls: one per API parameter, each with a label, a tooltip and an error line of its own. A control's value
// is the text the user sees; a box that is empty or not a number is an error at that box and nothing is computed
// with it. The setting lives in the address (#d=200&p2=0.3…) and can be copied as a CLI, curl or Python call.
'use strict';
(function () {
  const Lab = window.Lab = window.Lab || {};
  // name = the API/CLI flag; log sliders move in log10 units; optional = empty means "same as …" (shown).
  const CONTROLS = [
    {group: 'main', name: 'model', label: 'model', kind: 'select', options: ['ridge', 'rp'], value: 'ridge',
      help: 'ridge: ridge regression on the d features; rp: random projections of width m (a two-layer network whose first layer is random and fixed)'},
    {group: 'main', name: 'd', label: 'd', kind: 'int', log: true, min: 10, max: 5000, value: 200,
      help: 'dimension of the features x ~ N(0, Σ)'},
    {group: 'main', name: 'n', label: 'n', kind: 'int', log: true, min: 10, max: 1e6, value: 1000,
      help: 'training-set size n = n1 real + n2 synthetic rows'},
    {group: 'main', name: 'm', label: 'm', kind: 'int', log: true, min: 1, max: 1e5, value: 500,
      help: 'width m of the random-projection model; also the width of the error-vs-m and Pareto plots'},
    {group: 'main', name: 'p2', label: 'p2', kind: 'real', min: 0, max: 1, step: 0.01, value: 0.2,
      help: 'synthetic share: n2 = p2·n of the n rows come from the synthetic source'},
    {group: 'main', name: 'c2', label: 'c²', kind: 'real', min: 0, max: 4, step: 0.05, value: 1,
      help: 'quality of the synthetic data: c² = ‖w2 − w1‖²_Σ, the distance of the synthetic teacher (0 = perfect)'},
    {group: 'main', name: 'sigma', label: 'σ', kind: 'real', min: 0, max: 2, step: 0.05, value: 0.5,
      help: 'label-noise standard deviation σ of the real rows (and of the synthetic rows unless σ2 is set)'},
    {group: 'main', name: 'lambda', label: 'λ', kind: 'real', log: true, min: 1e-6, max: 10, value: 1e-3,
      help: 'ridge penalty λ in (1/n)·Σ(xᵀw − y)² + λ‖w‖²'},
    {group: 'main', name: 'spectrum', label: 'spectrum Σ', kind: 'spectrum', value: 'iso',
      help: 'eigenvalues of the feature covariance Σ: iso = identity; power:α = eigenvalues ∝ i^−α (trace d)'},
    {group: 'main', name: 'with-noise', label: '+σ²', kind: 'check', value: false,
      help: 'plot the full risk E + σ² (with the irreducible label noise) instead of the excess risk E'},
    {group: 'sources', name: 'synthetic-spectrum', label: 'Σ2', kind: 'spectrum', value: '', same: true,
      help: 'covariance Σ2 of the synthetic rows (diagonal in Σ’s basis); by default the same as Σ'},
    {group: 'sources', name: 'synthetic-sigma', label: 'σ2', kind: 'real', min: 0, max: 2, step: 0.05, value: '',
      optional: 'same as σ', help: 'label noise σ2 of the synthetic rows; empty = the same as σ'},
    {group: 'sources', name: 'synthetic-weight', label: 'weight A', kind: 'real', min: 0, max: 5, step: 0.05, value: 1,
      help: 'weight A of each synthetic row in the loss (1 = the plain mixture)'},
    {group: 'sources', name: 'estimator', label: 'estimator', kind: 'select', options: ['mix', 'prior'], value: 'mix',
      help: 'mix: the synthetic rows join the training set; prior: ridge on the real rows shrunk toward the synthetic teacher'},
    {group: 'verify', name: 'bad-share', label: 'bad share π', kind: 'real', min: 0, max: 1, step: 0.01, value: 1,
      omitDefault: true, help: 'share π of bad rows in the synthetic pool (labels from the shifted teacher w2); the rest are good (labels from w1). 1 with ϕ = ψ = 1 = no verifier, the paper’s model'},
    {group: 'verify', name: 'keep-good', label: 'keep good ϕ', kind: 'real', min: 0, max: 1, step: 0.01, value: 1,
      omitDefault: true, help: 'probability ϕ that the verifier keeps a good pool row'},
    {group: 'verify', name: 'keep-bad', label: 'keep bad ψ', kind: 'real', min: 0, max: 1, step: 0.01, value: 1,
      omitDefault: true, help: 'probability ψ that the verifier keeps a bad pool row'},
    {group: 'verify', name: 'synthetic-teacher', label: 'teacher', kind: 'text', value: 'none', omitDefault: true,
      pattern: /^(none|ridge:\d+:[0-9.eE+-]+|rp:\d+:\d+:[0-9.eE+-]+)$/, form: 'none, ridge:NS:LAMS or rp:NS:MS:LAMS',
      help: 'who labels the synthetic rows: none = the paper’s random shift of size c²; ridge:NS:LAMS = ridge with penalty LAMS trained on NS real rows; rp:NS:MS:LAMS = random projections of width MS (c² then comes from the teacher)'},
    {group: 'loop', name: 'generations', label: 'generations', kind: 'int', min: 0, max: 20, value: 0,
      help: 'retraining generations K after the first fit; each generation is trained on labels of the previous model (0 = a single fit)'},
    {group: 'loop', name: 'schedule', label: 'schedule', kind: 'select',
      options: ['replace', 'accumulate', 'accumulate-subsample'], value: 'replace',
      help: 'replace: each generation trains on its n fresh rows; accumulate: on all rows so far; accumulate-subsample: on n rows drawn from all so far'},
    {group: 'loop', name: 'fresh-real', label: 'fresh real', kind: 'real', min: 0, max: 1, step: 0.01, value: 0,
      help: 'share r of real rows (labelled by the true teacher) among the fresh rows of each generation ≥ 1'},
  ];
  const byName = Object.fromEntries(CONTROLS.map(c => [c.name, c]));
  const state = {};      // name -> text shown (booleans for checkboxes)
  const invalid = {};    // name -> message shown at the control
  Lab.CONTROLS = CONTROLS;
  Lab.state = state;
  Lab.invalid = invalid;
  Lab.onChange = () => {};
  const $ = id => document.getElementById(id);

  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => (k in e && !k.includes('-') ? e[k] = v : e.setAttribute(k, v)));
    kids.forEach(k => e.append(k));
    return e;
  }
  Lab.el = el;
  const fmt = v => (v === '' || v === null || v === undefined ? '' : String(+Number(v).toPrecision(4)));
  Lab.fmt = fmt;

  // Checks one control's text; returns the message to show at it, or ''.
  function check(c, text) {
    if (c.kind === 'select' || c.kind === 'check') return '';
    if (c.kind === 'text') {
      const t = String(text).trim();
      return c.pattern.test(t) ? '' : `${c.label} must be ${c.form}, got “${t}”`;
    }
    if (c.kind === 'spectrum') {
      if (text === '' || text === 'iso') return '';
      const a = /^power:(.*)$/.exec(text);
      return a && a[1].trim() !== '' && isFinite(+a[1]) && +a[1] >= 0 ? '' : 'enter an exponent α ≥ 0';
    }
    const t = String(text).trim();
    if (t === '') return c.optional ? '' : `${c.label} is empty: enter a number`;
    if (!isFinite(+t)) return `${c.label} must be a number, got “${t}”`;
    if (c.kind === 'int' && !Number.isInteger(+t)) return `${c.label} must be a whole number, got ${t}`;
    if (+t < 0) return `${c.label} must be ≥ 0, got ${t}`;
    return '';
  }

  function setError(name, message) {
    const c = byName[name];
    if (!c) return;
    const box = $(c.kind === 'spectrum' ? 'ctl-' + name + '-alpha' : (BOXED.includes(c.kind) ? 'box-' + name : 'ctl-' + name));
    if (message) invalid[name] = message; else delete invalid[name];
    if (box) box.setAttribute('aria-invalid', message ? 'true' : 'false');
    $('err-' + name).textContent = message || '';
    $('row-' + name).classList.toggle('invalid', !!message);
  }
  Lab.setError = setError;
  Lab.clearServerErrors = () => Object.keys(invalid).forEach(k => { if (!check(byName[k], state[k])) setError(k, ''); });

  const BOXED = ['int', 'real', 'text'];
  const teacherSet = st => !['', 'none'].includes(String(st['synthetic-teacher'] || '').trim());
  // Rows that do not apply to the current setting are dimmed (still editable, not sent).
  // Parameters the setting does not use (the CLI refuses them as contradictory): not sent, their rows dimmed.
  const UNUSED = [
    [st => st.model !== 'rp', ['m'], 'ridge has no width: m sets only the width of the error-vs-m and Pareto plots'],
    [teacherSet, ['c2'], 'not used: the trained teacher sets the shift'],
    [st => st.estimator === 'prior', ['synthetic-spectrum', 'synthetic-sigma', 'synthetic-weight'],
      'not used: the prior estimator fits the real rows only'],
    [st => String(st.generations).trim() === '0', ['schedule', 'fresh-real'], 'not used: a single fit (generations = 0)'],
  ];
  const unused = (st, name) => UNUSED.some(([when, names]) => names.includes(name) && when(st));
  function dims() {
    for (const [when, names, why] of UNUSED) {
      for (const n of names) {
        $('row-' + n).classList.toggle('dim', when(state));
        $('row-' + n).title = when(state) ? why : '';
      }
    }
  }

  function set(name, text, source) {
    state[name] = text;
    setError(name, check(byName[name], text));
    dims();
    Lab.onChange(name, source);
  }
  Lab.set = set;

  function buildControl(c) {
    const id = BOXED.includes(c.kind) ? 'box-' + c.name : 'ctl-' + c.name;
    const help = el('span', {id: 'help-' + c.name, className: 'vh'}, c.help);
    const label = el('label', {htmlFor: id, title: c.help}, c.label);
    const row = el('div', {className: 'ctl', id: 'row-' + c.name}, label);
    const err = el('span', {className: 'ctl-error', id: 'err-' + c.name, role: 'alert'});
    const described = 'help-' + c.name + ' err-' + c.name;
    state[c.name] = c.kind === 'check' ? !!c.value : String(c.value);
    if (c.kind === 'select') {
      const s = el('select', {id, title: c.help, 'aria-describedby': described}, ...c.options.map(o => el('option', {value: o}, o)));
      s.value = c.value;
      s.addEventListener('change', () => set(c.name, s.value, 'input'));
      row.append(s, el('span'));
    } else if (c.kind === 'check') {
      const b = el('input', {type: 'checkbox', id, title: c.help, 'aria-describedby': described});
      b.addEventListener('change', () => set(c.name, b.checked, 'input'));
      row.append(b, el('span'));
    } else if (c.kind === 'text') {
      const box = el('input', {type: 'text', id, title: c.help, 'aria-describedby': described, autocomplete: 'off',
        spellcheck: false, className: 'text-box'});
      box.addEventListener('input', () => set(c.name, box.value, 'input'));
      row.append(box);
    } else if (c.kind === 'spectrum') {
      const s = el('select', {id, title: c.help, 'aria-describedby': described},
        ...(c.same ? [el('option', {value: ''}, 'same as Σ')] : []),
        el('option', {value: 'iso'}, 'iso'), el('option', {value: 'power'}, 'power:α'));
      const a = el('input', {type: 'text', inputMode: 'decimal', id: 'ctl-' + c.name + '-alpha', value: '1',
        'aria-label': c.label + ' power-law exponent α', title: 'exponent α of the power law (eigenvalue i ∝ i^−α)',
        'aria-describedby': described});
      const update = () => { a.disabled = s.value !== 'power'; set(c.name, s.value === 'power' ? 'power:' + a.value.trim() : s.value, 'input'); };
      s.addEventListener('change', update);
      a.addEventListener('input', update);
      a.disabled = true;
      row.append(s, a);
    } else {
      const slider = el('input', {type: 'range', id: 'ctl-' + c.name, 'aria-label': c.label + ' slider',
        title: c.help, 'aria-describedby': described});
      const box = el('input', {type: 'text', inputMode: 'decimal', id, title: c.help, 'aria-describedby': described,
        autocomplete: 'off', spellcheck: false});
      if (c.log) Object.assign(slider, {min: Math.log10(c.min), max: Math.log10(c.max), step: c.kind === 'int' ? 0.01 : 0.05});
      else Object.assign(slider, {min: c.min, max: c.max, step: c.step || 1});
      const round = v => (c.kind === 'int' ? Math.max(c.min > 0 ? 1 : 0, Math.round(v)) : +v.toPrecision(4));
      slider.addEventListener('input', () => {
        const v = round(c.log ? 10 ** +slider.value : +slider.value);
        box.value = String(v);
        set(c.name, box.value, 'input');
      });
      box.addEventListener('input', () => {
        const t = box.value.trim();
        if (t !== '' && isFinite(+t) && (!c.log || +t > 0)) slider.value = c.log ? Math.log10(+t) : +t;
        set(c.name, box.value, 'input');
      });
      if (c.optional) box.placeholder = c.optional;
      row.append(slider, box);
    }
    row.append(err, help);
    $('ctl-' + c.group).append(row);
  }

  // Shows a value in its control (from the address or a pin) without an input event.
  function show(name, value) {
    const c = byName[name];
    if (c.kind === 'check') {
      $('ctl-' + name).checked = value === true || value === 'true';
      state[name] = $('ctl-' + name).checked;
    } else if (c.kind === 'select') {
      $('ctl-' + name).value = value;
      state[name] = $('ctl-' + name).value === value ? value : String(value);
    } else if (c.kind === 'spectrum') {
      const power = /^power:(.*)$/.exec(value);
      $('ctl-' + name).value = power ? 'power' : value;
      if (power) $('ctl-' + name + '-alpha').value = power[1];
      $('ctl-' + name + '-alpha').disabled = !power;
      state[name] = value;
    } else if (c.kind === 'text') {
      $('box-' + name).value = value;
      state[name] = String(value);
    } else {
      $('box-' + name).value = value;
      const t = String(value).trim();
      if (t !== '' && isFinite(+t) && (!c.log || +t > 0)) $('ctl-' + name).value = c.log ? Math.log10(+t) : +t;
      state[name] = String(value);
    }
    setError(name, check(c, state[name]));
  }
  Lab.show = show;

  // Every parameter as the API names it (the page sends all of them: the CLI's defaults differ from the page's).
  // forView: the explorer's own request, which also takes m (the width of its random-projection plots) for ridge.
  Lab.query = function (st, forView) {
    const s = st || state;
    const q = new URLSearchParams();
    for (const c of CONTROLS) {
      const v = s[c.name];
      if (v === '' || v === false || v === undefined) continue;
      if (unused(s, c.name) && !(forView && c.name === 'm')) continue;
      if (c.omitDefault && String(v).trim() === String(c.value)) continue; // the CLI's default: left out
      q.set(c.name, v === true ? 'true' : String(v).trim());
    }
    return q;
  };

  // The address keeps the values that differ from the page's defaults, and the view.
  Lab.writeAddress = function () {
    const q = new URLSearchParams();
    for (const c of CONTROLS) {
      const v = state[c.name];
      const def = c.kind === 'check' ? !!c.value : String(c.value);
      if (v !== def) q.set(c.name, v === true ? 'true' : v === false ? 'false' : v);
    }
    if (Lab.view && Lab.view !== 'curves') q.set('view', Lab.view);
    history.replaceState(null, '', q.toString() ? '#' + q.toString() : location.pathname);
  };
  Lab.readAddress = function () {
    const q = new URLSearchParams(location.hash.replace(/^#/, ''));
    for (const [k, v] of q) if (byName[k]) show(k, v);
    dims();
    return q.get('view');
  };

  // "Copy as": the CLI command, the curl request and a Python snippet of the current point.
  const sh = s => (/^[A-Za-z0-9_.:\/=+-]+$/.test(s) ? s : "'" + s.replace(/'/g, "'\\''") + "'");
  Lab.copyText = function (kind) {
    const q = Lab.query();
    const base = location.origin;
    const auth = Lab.info && Lab.info.tokenRequired ? " -H 'Authorization: Bearer TOKEN'" : '';
    if (kind === 'cli') {
      const args = [];
      for (const [k, v] of q) {
        if (k === 'with-noise') args.push('--with-noise');
        else args.push('--' + k, sh(v));
      }
      return 'collapselab theory ' + args.join(' ') + ' --json';
    }
    if (kind === 'curl') return `curl -s${auth} '${base}/api/theory?${q}'`;
    if (kind === 'link') return location.href;
    const params = JSON.stringify(Object.fromEntries(q), null, 0).replace(/":/g, '": ').replace(/,"/g, ', "');
    return ['import json, urllib.parse, urllib.request',
      `params = ${params}`,
      `req = urllib.request.Request("${base}/api/theory?" + urllib.parse.urlencode(params)` +
        (auth ? ', headers={"Authorization": "Bearer TOKEN"})' : ')'),
      'point = json.load(urllib.request.urlopen(req))',
      'print(point["testError"], point["bias"], point["variance"], point["zeta"])'].join('\n');
  };

  Lab.buildControls = function () {
    CONTROLS.forEach(buildControl);
    CONTROLS.forEach(c => show(c.name, c.kind === 'check' ? !!c.value : String(c.value)));
    dims();
    $('copy-as').addEventListener('change', () => {
      const kind = $('copy-as').value;
      if (!kind) return;
      const text = Lab.copyText(kind);
      $('copy-text').value = text;
      $('copy-label').textContent = 'This setting as ' + $('copy-as').selectedOptions[0].textContent
        + (navigator.clipboard && window.isSecureContext ? ' (copied to the clipboard)' : ' (select and copy)');
      $('copy-box').hidden = false;
      $('copy-text').select();
      if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).catch(() => {});
      $('copy-as').value = '';
    });
    $('copy-close').addEventListener('click', () => { $('copy-box').hidden = true; });
  };
})();
