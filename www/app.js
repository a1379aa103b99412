// gloss page: renders what the Rust core decides and forwards the user's actions to it.
// No annotation logic lives here. Article text only ever enters the page as text nodes.
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  const STORE = 'gloss.document';
  const LABELS = 'gloss.labels';
  const THEME = 'gloss.theme';
  const labelInfo = new Map();  // label name -> {key, color, theme, custom}
  let session = null;   // the wasm Session: the one long-lived handle
  let view = null;      // the last view (plain object from JSON)
  let text = '';        // the document text (a JS string: UTF-16 offsets match the view)
  let selectedId = null;
  const hidden = new Set();    // labels the user filtered out of view
  const byId = new Map();

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') e.className = v;
      else if (k.startsWith('data-') || k.startsWith('aria-') || k === 'role' || k === 'tabindex' || k === 'for' || k === 'title') e.setAttribute(k, v);
      else e[k] = v;
    }
    for (const c of children) if (c != null) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return e;
  }

  function say(msg, isError) {
    const m = $('message');
    m.textContent = msg || '';
    m.classList.toggle('error', !!isError);
  }

  // ---- documents kept in this browser ----------------------------------------------------
  // An index (id, title) and one saved gloss document per id; the current one is saved after
  // every change.
  const DOCS = 'gloss.docs';
  const CURRENT = 'gloss.current';
  let currentId = null;
  let docSeq = 0;

  const readDocs = () => { try { return JSON.parse(localStorage.getItem(DOCS) || '[]'); } catch (e) { return []; } };
  const newId = () => 'd' + Date.now().toString(36) + (docSeq++).toString(36);
  const titleOf = (t) => (t.split('\n').map((l) => l.trim()).find((l) => l) || 'Untitled').slice(0, 60);

  function save() {
    if (!currentId) currentId = newId();
    try {
      localStorage.setItem('gloss.doc.' + currentId, session.saveJson());
      localStorage.removeItem('gloss.log.' + currentId);
      log = [];
      baseSaved = true;
      if (unsaved) { unsaved = false; say(''); }
      const docs = readDocs();
      const entry = { id: currentId, title: titleOf(text) };
      const i = docs.findIndex((d) => d.id === currentId);
      if (i >= 0) docs[i] = entry; else docs.push(entry);
      localStorage.setItem(DOCS, JSON.stringify(docs));
      localStorage.setItem(CURRENT, currentId);
    } catch (e) {
      storageFailed(e);
    }
    renderDocs();
  }

  function renderDocs() {
    const docs = readDocs();
    $('doc-list').replaceChildren(...docs.map((d) => {
      const b = el('button', { type: 'button', 'aria-current': d.id === currentId ? 'true' : 'false', 'data-doc-id': d.id }, d.title);
      b.addEventListener('click', () => guard(() => openDoc(d.id)));
      const del = el('button', { type: 'button', class: 'small', 'aria-label': `Delete the document ${d.title}`, title: 'Delete this document from the browser' }, '×');
      del.addEventListener('click', () => guard(() => deleteDoc(d.id)));
      return el('li', {}, b, ' ', del);
    }));
  }

  // Opens a kept document: the saved whole, then its journal replayed by the core.
  function openDoc(id) {
    cancel();
    flushSave();
    if (id !== currentId && !mayReplace()) return;
    const saved = localStorage.getItem('gloss.doc.' + id);
    if (!saved) throw new Error('That document is no longer stored in this browser.');
    const pending = localStorage.getItem('gloss.log.' + id);
    let viewJson = session.importJson(saved);
    let note = '';
    if (pending) {
      try {
        viewJson = session.replay(pending);
        note = ` with your last ${JSON.parse(pending).length} change(s)`;
      } catch (e) {
        note = `; your last changes could not be replayed (${e.message})`;
      }
    }
    unsaved = false;
    currentId = id;
    selectedId = null;
    apply(viewJson, true);
    $('input').value = text;
    renderDocs();
    say(`Opened “${titleOf(text)}”${note}.`);
  }

  function newDoc() {
    cancel();
    flushSave();
    if (!mayReplace()) return;
    unsaved = false;
    currentId = newId();
    selectedId = null;
    $('input').value = '';
    $('paste').open = true;
    apply(session.annotate('', ''), true);
    $('input').focus();
  }

  function deleteDoc(id) {
    // A save still pending is for the current document: written first, unless it is the one going.
    if (id === currentId) { clearTimeout(compactTimer); compactTimer = null; baseSaved = true; log = []; unsaved = false; } else flushSave();
    const docs = readDocs().filter((d) => d.id !== id);
    localStorage.setItem(DOCS, JSON.stringify(docs));
    localStorage.removeItem('gloss.doc.' + id);
    localStorage.removeItem('gloss.log.' + id);
    if (id === currentId) {
      currentId = null;
      if (docs.length) openDoc(docs[0].id); else newDoc();
    } else renderDocs();
  }

  // Several documents in one file (JSONL, doccano, Label Studio…): each kept as a document.
  function addDocs(list, what) {
    flushSave();
    let first = null;
    for (const d of list) {
      const id = newId();
      localStorage.setItem('gloss.doc.' + id, JSON.stringify(d));
      const docs = readDocs();
      docs.push({ id, title: titleOf(d.text) });
      localStorage.setItem(DOCS, JSON.stringify(docs));
      first = first || id;
    }
    if (first) openDoc(first);
    say(`Opened ${list.length} document${list.length === 1 ? '' : 's'} from ${what}.`);
  }

  function exportAll(format) {
    const docs = readDocs().map((d) => {
      const saved = localStorage.getItem('gloss.doc.' + d.id);
      return saved ? { ...JSON.parse(saved), id: d.id } : null;
    }).filter(Boolean);
    return session.exportMany(JSON.stringify(docs), format);
  }

  // Files from the picker or dropped on the page: text and HTML become new documents; files of
  // annotations are read in the format the core detects.
  async function openFiles(files) {
    for (const f of files) {
      try {
        const content = await f.text();
        flushSave();
        if (!mayReplace()) return;
        const kind = session.fileKind(f.name, content);
        if (kind === 'text' || kind === 'html') {
          const t = kind === 'html' ? session.htmlToText(content) : content;
          $('input').value = t;
          if (await annotate(t, $('reference-date').value, true)) say(`Opened ${f.name}${kind === 'html' ? ' as text' : ''}: ${view.annotations.length} annotations.`);
        } else {
          if (kind === 'brat' || kind === 'w3c') importAs(kind, content);
          else addDocs(JSON.parse(session.importMany(kind, content)), `${f.name} (${kind})`);
        }
      } catch (e) {
        failed(e);
      }
    }
  }

  // Every change goes through here: take the core's new view, render, autosave. The text only
  // changes when a document is annotated or imported; edits leave it as it is.
  let ownLabels = null;
  function takeLabels() {
    labelInfo.clear();
    for (const l of view.labels) labelInfo.set(l.label, l);
    // The user's labels are kept for the next document; written only when they change.
    const own = JSON.stringify(view.labels.filter((l) => l.custom).map((l) => ({ name: l.label, color: l.color, key: l.key })));
    if (own === ownLabels) return;
    ownLabels = own;
    try { localStorage.setItem(LABELS, own); } catch (e) { /* storage full: said by save() */ }
  }

  // A whole view: after annotating, importing or opening a document.
  function apply(viewJson, newText) {
    view = JSON.parse(viewJson);
    if (newText) text = session.text();
    takeLabels();
    byId.clear();
    for (const a of view.annotations) byId.set(a.id, a);
    if (selectedId && !byId.has(selectedId)) selectedId = null;
    renderArticle(view.chunks.map((c, k) => [k, c]));
    renderPanels();
    placeHandles();
    scheduleSave();
    say('');
  }

  // A delta after an edit, undo or redo: changed chunks are redrawn at once, the side panels
  // just after, so a long article answers as fast as a short one.
  function applyDelta(json) {
    const d = JSON.parse(json);
    for (const id of d.removed) byId.delete(id);
    for (const a of d.annotations) byId.set(a.id, a);
    const keep = view;
    view = { ...keep, ...d, annotations: [...byId.values()].sort((x, y) => x.start - y.start || y.end - x.end) };
    if (!d.full) view.chunks = keep.chunks;
    takeLabels();
    if (selectedId && !byId.has(selectedId)) selectedId = null;
    const focusedId = document.activeElement && document.activeElement.dataset && document.activeElement.dataset.annId;
    if (d.full) renderArticle(d.chunks);
    else {
      for (const [k, c] of d.chunks) {
        chunkData.set(k, c);
        const old = chunkEl.get(k);
        if (old) { const node = renderChunk(k, c); old.replaceWith(node); chunkEl.set(k, node); }
      }
    }
    if (focusedId && !(document.activeElement && document.activeElement.closest('#article'))) {
      const m = document.querySelector(`#article mark[data-ann-id="${focusedId}"]`);
      if (m) m.focus({ preventScroll: true });
    }
    panelsDue = true;
    setTimeout(() => { if (panelsDue) renderPanels(); }, 0);
    renderEditor();
    placeHandles();
    renderReview();
    $('undo').disabled = !view.canUndo;
    $('redo').disabled = !view.canRedo;
    if (!unsaved) say('');
  }

  // ---- saving -----------------------------------------------------------------------------
  // A document is kept whole (`gloss.doc.<id>`) when it is annotated, opened or imported, and
  // every edit, undo and redo after that is written at once to its journal
  // (`gloss.log.<id>`), a short list the core replays on the saved document after a reload or
  // a crash. Once the edits pause (or the journal grows long, or the page is hidden) the
  // document is written whole again and the journal emptied. When storage refuses a write the
  // page says so and asks before anything replaces the unsaved work; export still works.
  let panelsDue = false;
  let log = [];
  let baseSaved = false;
  let unsaved = false;
  let compactTimer = null;
  function scheduleSave() {
    // A new document: written whole just after it is shown (an edit before then writes it
    // first), so the save is not part of the wait.
    baseSaved = false;
    log = [];
    clearTimeout(compactTimer);
    compactTimer = setTimeout(flushSave, 0);
  }
  function journal(entry) {
    if (!baseSaved) { save(); return; }
    log.push(entry);
    try {
      localStorage.setItem('gloss.log.' + currentId, JSON.stringify(log));
      if (unsaved) { unsaved = false; say(''); }
    } catch (e) {
      storageFailed(e);
    }
    clearTimeout(compactTimer);
    if (log.length >= 100) save(); else compactTimer = setTimeout(flushSave, 2000);
  }
  function flushSave() {
    clearTimeout(compactTimer);
    compactTimer = null;
    if (session && view && (!baseSaved || log.length || unsaved)) save();
  }
  function storageFailed(e) {
    unsaved = true;
    say(`Could not save in this browser: its storage is full or refused (${e.name || e.message}). Your changes are on screen but not kept: export your work to keep it, or delete documents you no longer need.`, true);
  }
  // Before anything replaces the document on screen while its changes are not stored.
  function mayReplace() {
    return !unsaved || window.confirm('The changes to this document could not be saved in this browser (storage is full). Replace it anyway and lose them? Cancel, then Export, to keep them.');
  }

  function guard(fn) {
    try {
      return fn();
    } catch (e) {
      failed(e);
      return undefined;
    }
  }

  // A message for an error; a failure of the core itself (a Rust panic, which WebAssembly
  // turns into a RuntimeError) leaves it unusable: the page says what happened and that the
  // work up to the last change is kept, and offers to reload, which restores it.
  let panicMessage = '';
  self.glossPanicked = (m) => { panicMessage = m; };
  function failed(e) {
    if (!(e instanceof WebAssembly.RuntimeError) && !panicMessage) { say(e.message || String(e), true); return; }
    document.body.dataset.broken = 'true';
    say(`gloss stopped on an internal error (${panicMessage || e.message}). Your work up to your last change is kept in this browser: reload the page to go on.`, true);
    const again = el('button', { type: 'button', id: 'reload' }, 'Reload');
    again.addEventListener('click', () => location.reload());
    $('message').append(' ', again);
    for (const b of document.querySelectorAll('.bar button, #toolbar button')) b.disabled = true;
    again.disabled = false;
  }

  // Every edit, undo and redo: the core applies it, the page shows the delta and writes it
  // to the document's journal at once (see "saving" below).
  function act(entry) {
    const delta = entry === 'undo' ? session.undoDelta() : entry === 'redo' ? session.redoDelta() : session.editDelta(JSON.stringify(entry));
    applyDelta(delta);
    journal(entry);
  }
  function edit(op) {
    return guard(() => { act(op); return true; }) || false;
  }

  // ---- rendering ------------------------------------------------------------------------
  function renderReview() {
    const r = view.review;
    $('review-count').textContent = `${r.suggested} to review · ${r.accepted} accepted · ${r.rejected} rejected`;
  }

  function renderPanels() {
    panelsDue = false;
    if ($('search').value) $('search').dispatchEvent(new Event('input'));
    renderLegend();
    renderEntities();
    renderByLabel();
    renderCasualties();
    renderTimeline();
    renderEditor();
    renderReview();
    $('undo').disabled = !view.canUndo;
    $('redo').disabled = !view.canRedo;
    $('export').disabled = false;
    $('export-csv').disabled = false;
    const src = { user: 'given by you', dateline: 'found in the text', none: 'none: relative dates stay unresolved' }[view.referenceSource];
    $('reference-source').textContent = view.referenceDate ? `${view.referenceDate} (${src})` : src;
    if (document.activeElement !== $('reference-date')) $('reference-date').value = view.userDate || '';
  }

  // The article is drawn chunk by chunk (a paragraph, or part of a long one): after an edit
  // only the chunks the core reports as changed are drawn again.
  function renderChunk(k, c) {
    const root = el('span', { class: 'chunk', 'data-k': String(k) });
    const stack = [];
    const top = () => (stack.length ? stack[stack.length - 1].el : root);
    for (const p of c.pieces) {
      let i = 0;
      while (i < stack.length && i < p.ids.length && stack[i].id === p.ids[i]) i++;
      stack.length = i;
      for (; i < p.ids.length; i++) {
        const a = byId.get(p.ids[i]);
        const m = el('mark', {
          class: 'ann ' + a.status + (a.origin === 'user' ? ' user' : '') + (a.id === selectedId ? ' selected' : '') + (hidden.has(a.label) ? ' off' : ''),
          'data-ann-id': a.id, 'data-label': a.label, 'data-status': a.status, tabindex: '0',
          'aria-label': `${a.label}, ${a.status}: ${a.quote}`,
        });
        paint(m, a.label);
        top().append(m);
        stack.push({ id: a.id, el: m });
      }
      const t = document.createTextNode(text.slice(p.start, p.end));
      top().append(p.dim ? el('span', { class: 'dim' }, t) : t);
    }
    return root;
  }

  // A long article is drawn a slice at a time (the first at once, the rest between frames),
  // so the page answers while it fills; chunks edited before they are drawn are drawn as
  // edited. `drawn` resolves when the whole article is on screen. Chunks are grouped in pages
  // (blocks cut only after a line end) that the browser lays out only when they are near the
  // screen (`content-visibility`), so a long article costs little to lay out.
  const chunkData = new Map();
  const chunkEl = new Map();
  let renderGen = 0;
  let drawn = Promise.resolve();
  const PAGE = 4000;
  function renderArticle(chunks) {
    const gen = ++renderGen;
    chunkData.clear();
    chunkEl.clear();
    for (const [k, c] of chunks) chunkData.set(k, c);
    const keys = chunks.map(([k]) => k);
    const art = $('article');
    art.replaceChildren();
    let i = 0;
    let page = null;
    let pageChars = 0;
    drawn = new Promise((done) => {
      const slice = (budget) => {
        if (gen !== renderGen) { done(); return; }
        const t0 = performance.now();
        const part = document.createDocumentFragment();
        do {
          const c = chunkData.get(keys[i]);
          if (!page || (pageChars >= PAGE && text[c.start - 1] === '\n')) {
            page = el('div', { class: 'page' });
            part.append(page);
            pageChars = 0;
          }
          const node = renderChunk(keys[i], c);
          chunkEl.set(keys[i], node);
          page.append(node);
          pageChars += c.end - c.start;
          i++;
        } while (i < keys.length && performance.now() - t0 < budget);
        art.append(part);
        if (i < keys.length) setTimeout(() => slice(12), 0);
        else { placeHandles(); done(); }
      };
      if (keys.length) slice(40); else done();
    });
  }

  // Highlight colours come from the core, computed for contrast in both themes.
  function paint(node, label) {
    const l = labelInfo.get(label);
    if (!l) return node;
    node.style.setProperty('--hl-light', l.theme.lightBg);
    node.style.setProperty('--hl-dark', l.theme.darkBg);
    node.style.setProperty('--line-light', l.theme.lightLine);
    node.style.setProperty('--line-dark', l.theme.darkLine);
    return node;
  }

  function renderLegend() {
    $('legend').replaceChildren(...view.labels.map((l) => {
      const show = el('input', { type: 'checkbox', checked: !hidden.has(l.label), 'aria-label': `Show ${l.label} highlights` });
      show.addEventListener('change', () => {
        if (show.checked) hidden.delete(l.label); else hidden.add(l.label);
        for (const m of document.querySelectorAll(`#article mark[data-label="${l.label}"]`)) m.classList.toggle('off', !show.checked);
        renderEntities();
      });
      const li = el('li', { 'data-label': l.label }, show, paint(el('span', { class: 'swatch' }), l.label), `${l.key || '–'} ${l.label}`, el('span', { class: 'count' }, ` ${l.count}`));
      if (l.custom) {
        const del = el('button', { type: 'button', class: 'small', title: `Delete the label ${l.label}`, 'aria-label': `Delete the label ${l.label}` }, '×');
        del.addEventListener('click', () => edit({ op: 'deleteLabel', name: l.label }));
        li.append(' ', del);
      }
      return li;
    }));
    $('toolbar').replaceChildren(...view.labels.map((l) => {
      const b = paint(el('button', { type: 'button', class: 'label-button', title: `Label the selection ${l.label}` + (l.key ? ` (key ${l.key})` : '') }, `${l.key ? l.key + ' ' : ''}${l.label}`), l.label);
      b.addEventListener('mousedown', (e) => e.preventDefault()); // keep the text selection
      b.addEventListener('click', () => labelSelection(l.label));
      return b;
    }));
  }

  function jump(id) {
    const m = document.querySelector(`#article mark[data-ann-id="${id}"]`);
    if (m) { m.focus(); m.scrollIntoView({ block: 'center' }); }
  }

  function renderEntities() {
    $('by-entity').replaceChildren(...view.entities.filter((e) => !hidden.has(e.label)).map((e) => {
      const quotes = [...new Set(e.mentions.map((m) => byId.get(m).quote))].join(' · ');
      const b = el('button', { type: 'button' }, paint(el('span', { class: 'swatch' }), e.label), ' ', e.name);
      b.addEventListener('click', () => jump(e.mentions[0]));
      return el('li', {}, b, el('span', { class: 'count' }, ` ×${e.mentions.length}` + (quotes !== e.name ? ` (${quotes})` : '')));
    }));
  }

  // One row per category: best estimate, range, and the distinct figures with their mentions.
  function renderCasualties() {
    const box = $('casualty-summary');
    if (!view.casualtySummary.length) {
      box.replaceChildren(el('p', { class: 'muted' }, 'No casualty figures.'));
      return;
    }
    const head = el('tr', {}, ...['category', 'best', 'low–high', 'figures reported'].map((h) => el('th', { scope: 'col' }, h)));
    const rows = view.casualtySummary.map((c) => {
      const figures = el('td', {}, ...c.figures.map((f, i) => {
        const b = el('button', { type: 'button', title: 'Show the first mention' }, `${f.count} (${f.qualifier})${f.mentions.length > 1 ? ` ×${f.mentions.length}` : ''}`);
        b.addEventListener('click', () => jump(f.mentions[0]));
        return i ? [', ', b] : b;
      }).flat());
      return el('tr', { 'data-category': c.category }, el('th', { scope: 'row' }, c.category), el('td', {}, String(c.best)),
        el('td', {}, c.low === c.high ? String(c.low) : `${c.low}–${c.high}`), figures);
    });
    box.replaceChildren(el('table', { class: 'summary' }, el('thead', {}, head), el('tbody', {}, ...rows)));
  }

  function renderTimeline() {
    $('timeline').replaceChildren(...view.timeline.map((t) => {
      const b = el('button', { type: 'button', title: 'Show the first mention' }, t.value);
      b.addEventListener('click', () => jump(t.mentions[0]));
      return el('li', { 'data-value': t.value }, b, el('span', { class: 'count' }, ` ${t.quotes.join(' · ')}${t.mentions.length > 1 ? ` ×${t.mentions.length}` : ''}`));
    }));
  }

  function renderByLabel() {
    const wrap = $('by-label');
    wrap.replaceChildren();
    for (const l of view.labels) {
      const anns = view.annotations.filter((a) => a.label === l.label);
      if (!anns.length) continue;
      // One row per distinct text and value, with how often it occurs.
      const rows = new Map();
      for (const a of anns) {
        const extra = a.date ? a.date.value : a.casualty ? `${a.casualty.category} ${a.casualty.count ?? '?'}` : '';
        const key = a.quote + '\u0000' + extra;
        if (!rows.has(key)) rows.set(key, { a, extra, n: 0 });
        rows.get(key).n++;
      }
      const list = el('ul', { class: 'list' }, ...[...rows.values()].map(({ a, extra, n }) => {
        const b = el('button', { type: 'button' }, a.quote);
        b.addEventListener('click', () => jump(a.id));
        return el('li', {}, b, el('span', { class: 'count' }, (extra ? ` ${extra}` : '') + (n > 1 ? ` ×${n}` : '')));
      }));
      wrap.append(el('h3', {}, paint(el('span', { class: 'swatch' }), l.label), ` ${l.label} (${anns.length})`), list);
    }
  }

  function detailsTable(a) {
    return el('table', {}, el('tbody', {}, ...a.details.map(([k, v]) => el('tr', {}, el('td', {}, k), el('td', {}, v)))));
  }

  function field(label, input) {
    const id = 'f-' + label;
    input.id = id;
    return el('label', { for: id }, label + ' ', input);
  }

  function select(options, value) {
    const s = el('select');
    for (const o of options) s.append(el('option', { value: o }, o));
    s.value = value;
    return s;
  }

  function renderEditor() {
    const box = $('editor');
    const a = selectedId && byId.get(selectedId);
    if (!a) {
      box.replaceChildren(el('p', { class: 'muted' }, 'Click or focus a highlight to edit it. Select text and press 1–6 to add one.'));
      return;
    }
    const label = select(view.labels.map((l) => l.label), a.label);
    label.addEventListener('change', () => edit({ op: 'relabel', id: a.id, label: label.value }));
    const btn = (txt, title, fn) => { const b = el('button', { type: 'button', title }, txt); b.addEventListener('click', fn); return b; };
    const nudge = (edge, by) => () => edit({ op: 'nudge', id: a.id, edge, by });
    const rows = [
      detailsTable(a),
      el('div', { class: 'row' }, field('label', label)),
      el('div', { class: 'row' },
        btn('◀ start', 'Widen at the start by a word (Alt+←)', nudge('start', -1)),
        btn('start ▶', 'Narrow at the start by a word (Alt+Shift+→)', nudge('start', 1)),
        btn('◀ end', 'Narrow at the end by a word (Alt+Shift+←)', nudge('end', -1)),
        btn('end ▶', 'Widen at the end by a word (Alt+→)', nudge('end', 1)),
        btn('Accept', 'Keep this annotation (A or Enter)', () => review(a.id, 'accept')),
        btn('Reject', 'Turn this suggestion down (X or Delete)', () => review(a.id, 'reject')),
        btn('Remove', 'Remove it from the document altogether', () => edit({ op: 'remove', id: a.id }))),
    ];
    // The entity this mention belongs to: split it out, or merge with another of the label.
    const ent = a.entity && view.entities.find((e) => e.id === a.entity);
    if (ent) {
      const others = view.entities.filter((e) => e.label === ent.label && e.id !== ent.id);
      const merge = el('select', { 'aria-label': 'Merge this entity with another' }, el('option', { value: '' }, 'Merge with…'),
        ...others.map((e) => el('option', { value: e.mentions[0] }, `${e.name} (×${e.mentions.length})`)));
      merge.addEventListener('change', () => { if (merge.value) edit({ op: 'mergeEntities', a: a.id, b: merge.value }); });
      const row = el('div', { class: 'row' }, `Entity: ${ent.name} (×${ent.mentions.length}) `);
      if (ent.mentions.length > 1) row.append(btn('Split out', 'Take this mention out of the entity', () => edit({ op: 'splitMention', id: a.id })));
      if (others.length) row.append(merge);
      rows.push(row);
    }
    if (a.date) {
      const type = select(['DATE', 'TIME', 'DURATION', 'SET'], a.date.type);
      const value = el('input', { type: 'text', value: a.date.value });
      rows.push(el('div', { class: 'row' }, field('type', type), field('value', value),
        btn('Set date', 'Store this value as your correction', () => edit({ op: 'setDate', id: a.id, type: type.value, value: value.value }))));
    }
    if (a.casualty) {
      const c = a.casualty;
      const cat = select(['killed', 'injured', 'missing', 'kidnapped', 'detained', 'displaced'], c.category);
      const qual = select(['exact', 'atLeast', 'moreThan', 'atMost', 'about', 'range'], c.qualifier);
      const num = (v) => el('input', { type: 'number', min: '0', value: v ?? '' });
      const count = num(c.count), min = num(c.min), max = num(c.max);
      const victims = el('input', { type: 'text', value: c.victims ?? '' });
      const n = (i) => (i.value === '' ? null : Number(i.value));
      rows.push(el('div', { class: 'row' }, field('category', cat), field('qualifier', qual), field('count', count),
        field('min', min), field('max', max), field('victims', victims),
        btn('Set casualty', 'Store these attributes as your correction', () => edit({
          op: 'setCasualty', id: a.id, category: cat.value, qualifier: qual.value,
          count: n(count), min: n(min), max: n(max), victims: victims.value || null }))));
    }
    box.replaceChildren(...rows);
  }

  // ---- tooltip --------------------------------------------------------------------------
  function showTip(mark) {
    const a = byId.get(mark.dataset.annId);
    if (!a) return;
    const tip = $('tooltip');
    tip.replaceChildren(detailsTable(a));
    const r = mark.getBoundingClientRect();
    tip.style.left = `${window.scrollX + r.left}px`;
    tip.style.top = `${window.scrollY + r.bottom + 4}px`;
    tip.hidden = false;
  }
  const hideTip = () => { $('tooltip').hidden = true; };

  // ---- selection and keys ---------------------------------------------------------------
  function offsetOf(node, offset) {
    const r = document.createRange();
    r.setStart($('article'), 0);
    r.setEnd(node, offset);
    return r.toString().length;
  }

  function selectionSpan() {
    const sel = window.getSelection();
    if (!sel.rangeCount || sel.isCollapsed) return null;
    const r = sel.getRangeAt(0);
    if (!$('article').contains(r.startContainer) || !$('article').contains(r.endContainer)) return null;
    return { start: offsetOf(r.startContainer, r.startOffset), end: offsetOf(r.endContainer, r.endOffset) };
  }

  function labelSelection(label) {
    const span = selectionSpan();
    if (span) {
      guard(() => {
        act({ op: 'add', start: span.start, end: span.end, label });
        window.getSelection().removeAllRanges();
      });
      return true;
    }
    if (selectedId) { edit({ op: 'relabel', id: selectedId, label }); return true; }
    say('Select some text in the article first, or focus a highlight.', true);
    return false;
  }

  function select_(id) {
    selectedId = id;
    for (const m of document.querySelectorAll('#article mark.selected')) m.classList.remove('selected');
    for (const m of document.querySelectorAll(`#article mark[data-ann-id="${id}"]`)) m.classList.add('selected');
    renderEditor();
    placeHandles();
  }

  // Drag handles at both ends of the selected highlight (the mouse way to resize; Alt+arrows
  // are the keyboard way). The core checks and trims the new span.
  function placeHandles() {
    const marks = selectedId ? document.querySelectorAll(`#article mark[data-ann-id="${selectedId}"]`) : [];
    for (const h of [$('handle-start'), $('handle-end')]) h.hidden = !marks.length;
    if (!marks.length) return;
    const first = marks[0].getClientRects()[0];
    const rects = marks[marks.length - 1].getClientRects();
    const last = rects[rects.length - 1];
    if (!first || !last) return;
    const put = (h, x, r) => { h.style.left = `${window.scrollX + x - 4}px`; h.style.top = `${window.scrollY + r.top}px`; h.style.height = `${r.height}px`; };
    put($('handle-start'), first.left, first);
    put($('handle-end'), last.right, last);
  }

  function pointOffset(x, y) {
    const pos = document.caretPositionFromPoint ? document.caretPositionFromPoint(x, y) : null;
    const node = pos ? pos.offsetNode : document.caretRangeFromPoint(x, y)?.startContainer;
    const off = pos ? pos.offset : document.caretRangeFromPoint(x, y)?.startOffset;
    if (!node || !$('article').contains(node)) return null;
    return offsetOf(node, off);
  }

  function dragHandle(edge) {
    return (e) => {
      e.preventDefault();
      const a = byId.get(selectedId);
      if (!a) return;
      const h = e.currentTarget;
      h.setPointerCapture(e.pointerId);
      const move = (ev) => { h.style.left = `${window.scrollX + ev.clientX - 4}px`; };
      const up = (ev) => {
        h.removeEventListener('pointermove', move);
        h.removeEventListener('pointerup', up);
        h.hidden = true; // out of the way of the hit test
        const at = pointOffset(ev.clientX, ev.clientY);
        h.hidden = false;
        if (at === null) { placeHandles(); return; }
        const [start, end] = edge === 'start' ? [Math.min(at, a.end - 1), a.end] : [a.start, Math.max(at, a.start + 1)];
        if (start !== a.start || end !== a.end) edit({ op: 'resize', id: a.id, start, end });
        placeHandles();
      };
      h.addEventListener('pointermove', move);
      h.addEventListener('pointerup', up);
    };
  }

  // ---- review and keyboard ---------------------------------------------------------------
  // Accepting or rejecting moves on to the next suggestion still waiting, as in Prodigy.
  function review(id, op) {
    if (edit({ op, id }) === false) return;
    const next = session.nextInReview(id, false, true);
    if (next) { selectedId = next; select_(next); jump(next); } else say('Every suggestion is reviewed.');
  }

  function move(backwards, pending) {
    const from = (document.activeElement && document.activeElement.dataset && document.activeElement.dataset.annId) || selectedId || '';
    const id = session.nextInReview(from, backwards, pending);
    if (id) { select_(id); jump(id); } else say('Nothing left to review.');
  }

  // A keyboard caret in the article: arrows move it (the core decides the steps, over whole
  // emoji and combining marks), Shift extends a selection, a number key labels it.
  let caret = null, anchor = null;

  function domPoint(pos) {
    const walk = document.createTreeWalker($('article'), NodeFilter.SHOW_TEXT);
    let n, seen = 0;
    while ((n = walk.nextNode())) {
      if (seen + n.length >= pos) return [n, pos - seen];
      seen += n.length;
    }
    return [$('article'), $('article').childNodes.length];
  }

  function showCaret() {
    const sel = window.getSelection();
    const r = document.createRange();
    const [an, ao] = domPoint(Math.min(anchor, caret));
    const [cn, co] = domPoint(Math.max(anchor, caret));
    r.setStart(an, ao);
    r.setEnd(cn, co);
    sel.removeAllRanges();
    sel.addRange(r);
    const c = document.createRange();
    c.setStart(...domPoint(caret));
    const rect = c.getClientRects()[0] || c.getBoundingClientRect();
    const mark = $('caret');
    mark.style.left = `${window.scrollX + rect.left}px`;
    mark.style.top = `${window.scrollY + rect.top}px`;
    mark.style.height = `${rect.height || 18}px`;
    mark.hidden = false;
    $('article').setAttribute('aria-description', `caret at ${caret} of ${text.length}` + (anchor !== caret ? `, ${Math.abs(caret - anchor)} selected` : ''));
  }

  function hideCaret() {
    caret = anchor = null;
    $('caret').hidden = true;
  }

  function toggleHelp(show) {
    const h = $('help');
    h.hidden = show === undefined ? !h.hidden : !show;
    if (!h.hidden) $('help-close').focus();
  }

  function onKey(e) {
    const typing = e.target.closest && e.target.closest('input, textarea, select');
    if ((e.ctrlKey || e.metaKey) && (e.key === 'z' || e.key === 'Z') && !typing) {
      e.preventDefault();
      guard(() => act(e.shiftKey ? 'redo' : 'undo'));
      return;
    }
    if ((e.ctrlKey || e.metaKey) && e.key === 'y' && !typing) {
      e.preventDefault();
      guard(() => act('redo'));
      return;
    }
    if (e.key === 'Escape') {
      if (!$('help').hidden) { toggleHelp(false); return; }
      window.getSelection().removeAllRanges();
      hideCaret();
      if (selectedId) { selectedId = null; renderEditor(); }
      return;
    }
    if (typing || !view || e.ctrlKey || e.metaKey) return;
    if (e.key === '?') { e.preventDefault(); toggleHelp(); return; }
    const focused = document.activeElement && document.activeElement.dataset && document.activeElement.dataset.annId;
    const inArticle = document.activeElement === $('article');
    if (inArticle && ['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) {
      e.preventDefault();
      if (caret === null) { caret = 0; anchor = 0; }
      if (e.key === 'Home') caret = 0;
      else if (e.key === 'End') caret = text.length;
      else caret = session.step(caret, e.key === 'ArrowRight', e.altKey);
      if (!e.shiftKey) anchor = caret;
      showCaret();
      return;
    }
    const byKey = view.labels.find((l) => String(l.key) === e.key);
    if (byKey && !e.altKey) {
      e.preventDefault();
      const span = selectionSpan();
      if (span) { labelSelection(byKey.label); hideCaret(); }
      else if (focused) { selectedId = focused; edit({ op: 'relabel', id: focused, label: byKey.label }); jump(focused); }
      return;
    }
    if (e.key === 'j' || e.key === 'J' || e.key === 'k' || e.key === 'K') {
      e.preventDefault();
      // j/k: the next/previous suggestion to review; with Shift, any annotation.
      move(e.key.toLowerCase() === 'k', !e.shiftKey);
      return;
    }
    if (focused && (e.key === 'a' || e.key === 'A' || e.key === 'Enter')) {
      e.preventDefault();
      review(focused, 'accept');
      return;
    }
    if (focused && (e.key === 'x' || e.key === 'X' || e.key === 'Delete' || e.key === 'Backspace')) {
      e.preventDefault();
      review(focused, 'reject');
      return;
    }
    if (focused && e.altKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
      e.preventDefault();
      const left = e.key === 'ArrowLeft';
      const op = e.shiftKey ? { edge: left ? 'end' : 'start', by: left ? -1 : 1 } : { edge: left ? 'start' : 'end', by: left ? -1 : 1 };
      selectedId = focused;
      edit({ op: 'nudge', id: focused, ...op });
      jump(focused);
    }
  }

  // ---- files ----------------------------------------------------------------------------
  function download(name, content, type = 'application/json') {
    const url = URL.createObjectURL(new Blob([content], { type }));
    const a = el('a', { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  // An imported document is kept beside the current one, which stays as it was; a failed
  // import changes nothing.
  function importText(json) {
    cancel();
    flushSave();
    if (!mayReplace()) return;
    const v = session.importJson(json);
    if (text) currentId = newId();
    unsaved = false;
    apply(v, true);
    $('input').value = text;
    say(`Imported ${view.annotations.length} annotations.`);
  }

  // Any supported file: the core says which format it is; w3c and brat annotate the current text.
  function importAs(format, content) {
    cancel();
    flushSave();
    if (!mayReplace()) return;
    const v = format === 'gloss' ? session.importJson(content) : session.importAs(format, content);
    if (text) currentId = newId();
    unsaved = false;
    apply(v, true);
    $('input').value = text;
    say(`Imported ${view.annotations.length} annotations (${format}).`);
  }

  function exportAs(format) {
    return session.exportAs(format);
  }

  // ---- annotation, in a worker -----------------------------------------------------------
  // A second copy of the core runs in a Web Worker made from the page's own code (a Blob URL,
  // so it works from file://): it finds the suggestions while the page keeps answering, says
  // how far it is, and is stopped when a new text comes. The page's core then opens the text
  // with what the worker found. Where no worker can start, the page annotates by itself.
  let wasmModule = null;   // the compiled core, shared with the worker
  let glueText = '';       // wasm-bindgen's loader, run again in the worker
  let worker = null;
  let job = 0;
  let running = null;      // {id, t, date, resolve, reject}
  let progressTimer = null;

  // Runs inside the worker (after the loader): it sees nothing of the page.
  function workerMain() {
    let session = null;
    let ready = null;
    let why = '';
    self.glossPanicked = (m) => { why = m; };
    self.onmessage = async (e) => {
      const m = e.data;
      try {
        if (m.type === 'init') {
          ready = (async () => {
            await wasm_bindgen({ module_or_path: m.module });
            session = new wasm_bindgen.Session();
            session.annotateToJson('On 1 January 2025, three people were killed in Paris, officials said.', '');
          })();
          await ready;
          self.postMessage({ type: 'ready' });
        } else if (m.type === 'find') {
          await ready;
          let last = 0;
          const report = (done) => {
            const now = Date.now();
            if (now - last >= 50) { last = now; self.postMessage({ type: 'progress', id: m.id, done }); }
          };
          const found = session.findIn(m.text, m.date, { report });
          self.postMessage({ type: 'found', id: m.id, found });
        }
      } catch (err) {
        self.postMessage({ type: 'error', id: m.id, message: why || (err && err.message) || String(err) });
      }
    };
  }

  function startWorker() {
    if (!wasmModule || !glueText || typeof Worker === 'undefined') return null;
    let w;
    try {
      const url = URL.createObjectURL(new Blob([glueText, '\n;(', workerMain.toString(), ')();\n'], { type: 'text/javascript' }));
      w = new Worker(url, { name: 'gloss-annotator' });
      setTimeout(() => URL.revokeObjectURL(url), 60000);
    } catch (e) {
      return null;
    }
    w.onmessage = (e) => { if (w === worker) onWorker(e.data); };
    w.onerror = (e) => {
      e.preventDefault();
      if (w !== worker) return;
      // A worker that cannot run: the page annotates by itself from now on.
      worker = null;
      w.terminate();
      const r = running;
      if (r) { running = null; hideProgress(); annotateHere(r.t, r.date, r.asNew).then(r.resolve, r.reject); }
    };
    w.postMessage({ type: 'init', module: wasmModule });
    document.body.dataset.worker = 'starting';
    return w;
  }

  function onWorker(m) {
    if (m.type === 'ready') { document.body.dataset.worker = 'ready'; return; }
    const r = running;
    if (!r || m.id !== r.id) return;
    if (m.type === 'progress') {
      $('progress').value = m.done;
      $('progress-text').textContent = `${Math.round(m.done * 100)}%`;
    } else if (m.type === 'found') {
      running = null;
      hideProgress();
      try {
        opened(() => session.adopt(r.t, r.date, m.found), r.asNew);
        drawn.then(() => r.resolve(true));
      } catch (e) {
        r.reject(e);
      }
    } else if (m.type === 'error') {
      running = null;
      hideProgress();
      // The worker's core may be broken after a failure: a fresh one takes its place.
      worker.terminate();
      worker = startWorker();
      r.reject(new Error(m.message));
    }
  }

  function hideProgress() {
    clearTimeout(progressTimer);
    $('progress-box').hidden = true;
    document.body.removeAttribute('data-busy');
  }

  // Stops the annotation under way, if any: its text is no longer wanted.
  function cancel(why) {
    const r = running;
    if (!r) return false;
    running = null;
    hideProgress();
    worker.terminate();
    worker = startWorker();
    r.resolve(false);
    if (why) say(why);
    return true;
  }

  // The user's own labels follow them from document to document.
  // `make` opens the new text in the core and returns its view; the document on screen is
  // saved first, so nothing of it is lost when the new one takes its place.
  function opened(make, asNew) {
    if (asNew) flushSave();
    const viewJson = make();
    if (asNew) currentId = newId();
    unsaved = false;
    let own = '[]';
    try { own = localStorage.getItem(LABELS) || '[]'; } catch (e) { /* no storage */ }
    selectedId = null;
    apply(own !== '[]' ? (guard(() => session.setLabels(own)) || viewJson) : viewJson, true);
  }

  async function annotateHere(t, date, asNew) {
    opened(() => session.annotate(t, date || ''), asNew);
    await drawn;
    return true;
  }

  // Annotates `t` and shows it (as a new document with `asNew`); resolves true when it is on
  // screen, false when cancelled. A short text (up to a few thousand words, a few
  // milliseconds of work) is annotated at once by the page: handing it over would take longer.
  const WORKER_FROM = 20000;
  function annotate(t, date, asNew) {
    cancel();
    try { session.checkSize(t); } catch (e) { return Promise.reject(e); }
    // Another text becomes a document of its own; the same text annotated again replaces it.
    if (asNew === undefined) asNew = !!text && t !== text;
    if (!worker || t.length < WORKER_FROM) return annotateHere(t, date, asNew);
    const id = ++job;
    return new Promise((resolve, reject) => {
      running = { id, t, date: date || '', asNew, resolve, reject };
      document.body.dataset.busy = 'true';
      $('progress').value = 0;
      $('progress-text').textContent = '0%';
      // Short texts are done before a bar would be seen.
      progressTimer = setTimeout(() => { $('progress-box').hidden = false; }, 150);
      worker.postMessage({ type: 'find', id, text: t, date: date || '' });
    });
  }

  // ---- start ----------------------------------------------------------------------------

  function wire() {
    $('annotate').addEventListener('click', () => {
      const t = $('input').value;
      const again = !!text && t === text;
      if (again && view.userWork && !window.confirm('Annotate this text again? Fresh suggestions will replace your corrections to it. (Cancel keeps them.)')) return;
      if (!mayReplace()) return;
      const t0 = performance.now();
      annotate(t, $('reference-date').value, !again && !!text).then((done) => {
        if (done) say(`${view.annotations.length} annotations in ${Math.round(performance.now() - t0)} ms.`);
      }, failed);
    });
    $('cancel').addEventListener('click', () => cancel('Annotation cancelled.'));
    // A new text pasted: the one being annotated is no longer wanted.
    $('input').addEventListener('paste', () => cancel('Annotation cancelled: a new text was pasted.'));
    $('reference-date').addEventListener('change', () => {
      if (view) edit({ op: 'setReferenceDate', date: $('reference-date').value || null });
    });
    $('undo').addEventListener('click', () => guard(() => act('undo')));
    $('redo').addEventListener('click', () => guard(() => act('redo')));
    window.addEventListener('pagehide', flushSave);
    document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') flushSave(); });
    $('export').addEventListener('click', () => guard(() => {
      const format = $('export-format').value;
      const stamp = (view.referenceDate || 'undated');
      const types = { csv: 'text/csv', conll: 'text/plain', brat: 'text/plain', report: 'text/html' };
      const withRejected = $('export-rejected').checked && format === 'gloss';
      if ($('export-rejected').checked && format !== 'gloss') say('Rejected suggestions travel only in gloss JSON; this file leaves them out.');
      download(`gloss-${stamp}.${session.extensionOf(format)}`, withRejected ? session.exportWithRejected() : exportAs(format), types[format] || 'application/json');
    }));
    $('export-csv').addEventListener('click', () => {
      download(`gloss-casualties-${view.referenceDate || 'undated'}.csv`, session.casualtyCsv(), 'text/csv');
    });
    $('import-file').addEventListener('change', async (e) => {
      const files = [...e.target.files];
      e.target.value = '';
      await openFiles(files);
    });
    document.addEventListener('dragover', (e) => { e.preventDefault(); document.body.classList.add('dropping'); });
    document.addEventListener('dragleave', (e) => { if (!e.relatedTarget) document.body.classList.remove('dropping'); });
    document.addEventListener('drop', async (e) => {
      e.preventDefault();
      document.body.classList.remove('dropping');
      await openFiles([...(e.dataTransfer?.files || [])]);
    });
    $('new-doc').addEventListener('click', () => guard(newDoc));
    $('export-all').addEventListener('click', () => guard(() => {
      const format = session.collectionFormat($('export-format').value);
      download(`gloss-all.${session.extensionOf(format)}`, exportAll(format), format === 'csv' ? 'text/csv' : 'application/json');
    }));
    const art = $('article');
    art.addEventListener('click', (e) => { const m = e.target.closest('mark.ann'); if (m) select_(m.dataset.annId); });
    art.addEventListener('focusin', (e) => { const m = e.target.closest('mark.ann'); if (m) { select_(m.dataset.annId); showTip(m); } });
    art.addEventListener('focusout', hideTip);
    art.addEventListener('mouseover', (e) => { const m = e.target.closest('mark.ann'); if (m) showTip(m); else hideTip(); });
    art.addEventListener('mouseleave', hideTip);
    document.addEventListener('keydown', onKey);
    $('help-open').addEventListener('click', () => toggleHelp(true));
    $('handle-start').addEventListener('pointerdown', dragHandle('start'));
    $('handle-end').addEventListener('pointerdown', dragHandle('end'));
    window.addEventListener('resize', placeHandles);
    $('label-form').addEventListener('submit', (e) => {
      e.preventDefault();
      if (!view) { say('Annotate a text first.', true); return; }
      if (edit({ op: 'defineLabel', name: $('new-label-name').value.trim().toUpperCase(), color: $('new-label-color').value, key: $('new-label-key').value })) {
        $('new-label-name').value = '';
        $('new-label-key').value = '';
      }
    });
    // Search: the core finds the matches; the page marks them with the CSS highlight API
    // (no change to the article's nodes) and Enter moves to the next one.
    let hits = [], hit = -1;
    const showHits = () => {
      if (!window.CSS || !CSS.highlights) return;
      const ranges = hits.map(([s, e]) => { const r = document.createRange(); r.setStart(...domPoint(s)); r.setEnd(...domPoint(e)); return r; });
      CSS.highlights.set('search', new Highlight(...ranges));
      if (hit >= 0 && ranges[hit]) {
        CSS.highlights.set('search-current', new Highlight(ranges[hit]));
        const node = ranges[hit].startContainer.parentElement;
        if (node) node.scrollIntoView({ block: 'center' });
      } else CSS.highlights.delete('search-current');
    };
    $('search').addEventListener('input', () => {
      hits = view ? JSON.parse(session.search($('search').value)) : [];
      hit = hits.length ? 0 : -1;
      $('search-count').textContent = $('search').value ? `${hits.length} match${hits.length === 1 ? '' : 'es'}` : '';
      showHits();
    });
    $('search').addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && hits.length) { e.preventDefault(); hit = (hit + (e.shiftKey ? hits.length - 1 : 1)) % hits.length; $('search-count').textContent = `${hit + 1} of ${hits.length}`; showHits(); }
    });
    $('theme').addEventListener('click', () => {
      const next = { auto: 'light', light: 'dark', dark: 'auto' }[localStorage.getItem(THEME) || 'auto'];
      try { localStorage.setItem(THEME, next); } catch (e) { /* no storage: this page only */ }
      setTheme(next);
    });
    $('help-close').addEventListener('click', () => toggleHelp(false));
    art.addEventListener('blur', () => { $('caret').hidden = true; });
    art.addEventListener('focus', () => { if (caret !== null) showCaret(); });
  }

  function setTheme(mode) {
    const root = document.documentElement;
    const dark = mode === 'dark' || (mode === 'auto' && window.matchMedia('(prefers-color-scheme: dark)').matches);
    root.classList.toggle('dark', dark);
    $('theme').textContent = `Theme: ${mode}`;
    $('theme').setAttribute('aria-label', `Colour theme: ${mode} (now ${dark ? 'dark' : 'light'}); press to change`);
  }

  function decode122(str, length) {
    const ILLEGAL = [0x00, 0x0a, 0x0d, 0x3c];
    const out = new Uint8Array(length);
    let acc = 0, n = 0, o = 0;
    const put = (v) => {
      acc = (acc << 7) | v;
      n += 7;
      if (n >= 8) { n -= 8; if (o < length) out[o++] = (acc >> n) & 0xff; acc &= (1 << n) - 1; }
    };
    for (let i = 0; i < str.length; i++) {
      const c = str.charCodeAt(i);
      if (c < 0x80) { put(c); continue; }
      const x = c - 0x80;
      const k = x >> 7;
      if (k >= 4) { put(ILLEGAL[k - 4]); continue; }
      put(ILLEGAL[k]);
      put(x & 0x7f);
    }
    return out;
  }

  async function start() {
    let mode = 'auto';
    try { mode = localStorage.getItem(THEME) || 'auto'; } catch (e) { /* no storage */ }
    setTheme(mode);
    window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => setTheme(localStorage.getItem(THEME) || 'auto'));
    // The single file carries the wasm gzipped, 7 bits a character (see build-page.mjs); the
    // served copy fetches it.
    let bytes;
    const data = document.getElementById('gloss-wasm');
    if (data) {
      const packed = decode122(data.textContent, Number(data.dataset.length));
      const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream('gzip'));
      bytes = await new Response(stream).arrayBuffer();
      glueText = document.getElementById('gloss-glue').textContent;
    } else {
      const [w, g] = await Promise.all([fetch('gloss_bg.wasm'), fetch('gloss.js')]);
      bytes = await w.arrayBuffer();
      glueText = await g.text();
    }
    wasmModule = await WebAssembly.compile(bytes);
    await wasm_bindgen({ module_or_path: wasmModule });
    session = new wasm_bindgen.Session();
    wire();
    window.gloss = {
      annotate: async (t, date) => {
        $('input').value = t;
        if (date) $('reference-date').value = date;
        return (await annotate(t, date)) ? JSON.parse(session.exportJson()) : null;
      },
      cancel: () => cancel('Annotation cancelled.'),
      // Annotates and shows, without the export: resolves true when the article is drawn.
      show: (t, date) => annotate(t, date),
      exportJson: () => session.exportJson(),
      importJson: (json) => importText(json),
      exportAs: (format) => exportAs(format),
      importAs: (format, content) => importAs(format, content),
      exportAll: (format) => exportAll(format),
      documents: () => readDocs(),
      open: (id) => openDoc(id),
      edit: (op) => act(op),
      failForTest: () => guard(() => session.failForTest()),
      undo: () => act('undo'),
      redo: () => act('redo'),
      saveNow: () => flushSave(),
      annotateToJson: (t, date) => session.annotateToJson(t, date || ''),
      memoryBytes: () => session.memoryBytes(),
      view: () => view,
    };
    // The single document of earlier versions becomes the first of the list.
    const old = localStorage.getItem(STORE);
    if (old && !readDocs().length) {
      const id = newId();
      localStorage.setItem('gloss.doc.' + id, old);
      localStorage.setItem(DOCS, JSON.stringify([{ id, title: titleOf(JSON.parse(old).text || '') }]));
      localStorage.setItem(CURRENT, id);
    }
    localStorage.removeItem(STORE);
    const last = localStorage.getItem(CURRENT);
    if (last && localStorage.getItem('gloss.doc.' + last)) {
      try {
        openDoc(last);
        say('Restored your last document from this browser.');
      } catch (e) {
        say('Your saved document could not be restored: ' + e.message, true);
      }
    }
    renderDocs();
    $('annotate').disabled = false;
    document.body.dataset.readyMs = String(Math.round(performance.now()));
    document.body.dataset.ready = 'true';
    // The worker starts once the page is ready; it builds the core's word lists, model table
    // and rules (about 0.2 s here) at once, so the first paste is answered as fast as the next.
    worker = startWorker();
    const warm = () => { try { session.annotateToJson('On 1 January 2025, three people were killed in Paris, officials said.', ''); } catch (e) { /* shown on real use */ } };
    if (window.requestIdleCallback) requestIdleCallback(warm, { timeout: 2000 }); else setTimeout(warm, 0);
  }

  start().catch((e) => say('gloss could not start: ' + (e.message || e), true));
})();
