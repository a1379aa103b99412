// gloss page: the documents kept in this browser. An index (id, title) and one stored gloss
// document per id (the core's compact form); the current document is written whole when it is
// opened, and each edit, undo and redo after that is written at once to its journal, a short
// list the core replays on the stored document after a reload or a crash. Once the edits pause
// (or the journal grows long, or the page is hidden) the document is written whole again and
// the journal emptied. When storage refuses a write the page says so and asks before anything
// replaces the unsaved work; export still works.
'use strict';

const store = (() => {
  const DOCS = 'gloss.docs';
  const CURRENT = 'gloss.current';
  const LABELS = 'gloss.labels';
  let currentId = null;
  let seq = 0;
  let log = [];
  let baseSaved = false;
  let unsaved = false;
  let compactTimer = null;
  let pendingSaved = null;   // the stored form the worker wrote, for the next whole save
  let waiting = false;       // the worker is writing the stored form of the document shown
  let ownLabels = null;

  const readDocs = () => { try { return JSON.parse(localStorage.getItem(DOCS) || '[]'); } catch (e) { return []; } };
  const newId = () => 'd' + Date.now().toString(36) + (seq++).toString(36);
  const titleOf = (t) => (t.split('\n').map((l) => l.trim()).find((l) => l) || 'Untitled').slice(0, 60);

  function storageFailed(e) {
    unsaved = true;
    say(`Could not save in this browser: its storage is full or refused (${e.name || e.message}). Your changes are on screen but not kept: export your work to keep it, or delete documents you no longer need.`, true);
  }

  function save() {
    // (The page's core holds the document before the one on screen for one task after a
    // worker's text is drawn: nothing to write yet.)
    if (work.opening()) return;
    if (!currentId) currentId = newId();
    try {
      const saved = pendingSaved || app.session.saveJson();
      pendingSaved = null;
      waiting = false;
      localStorage.setItem('gloss.doc.' + currentId, saved);
      localStorage.removeItem('gloss.log.' + currentId);
      log = [];
      baseSaved = true;
      if (unsaved) { unsaved = false; say(''); }
      const docs = readDocs();
      const r = app.panels && app.panels.review;
      const entry = { id: currentId, title: titleOf(app.text), saved: new Date().toISOString().slice(0, 16), pending: r ? r.suggested : 0, reviewed: r ? r.accepted + r.rejected : 0 };
      const i = docs.findIndex((d) => d.id === currentId);
      if (i >= 0) docs[i] = entry; else docs.push(entry);
      localStorage.setItem(DOCS, JSON.stringify(docs));
      localStorage.setItem(CURRENT, currentId);
    } catch (e) {
      storageFailed(e);
    }
    renderList();
  }

  // A document just shown: written whole once the page is idle (an edit before then writes it
  // first), so the save is not part of the wait. `saved` is its stored form when the worker
  // wrote it; with `coming`, the worker is still writing it (and the page writes it itself if
  // it does not come).
  function scheduleSave(saved, coming) {
    baseSaved = false;
    log = [];
    pendingSaved = saved || null;
    waiting = !!coming;
    clearTimeout(compactTimer);
    compactTimer = setTimeout(flush, coming ? 10000 : 0);
  }

  // The stored form the worker wrote, if the page is still waiting for it (an edit made
  // meanwhile has written the document already).
  function takeSaved(saved) {
    if (!waiting) return;
    pendingSaved = saved;
    clearTimeout(compactTimer);
    compactTimer = setTimeout(flush, 0);
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
    if (log.length >= 100) save(); else compactTimer = setTimeout(flush, 2000);
  }

  function flush() {
    clearTimeout(compactTimer);
    compactTimer = null;
    if (app.session && app.panels && (!baseSaved || log.length || unsaved)) save();
  }

  // Before anything replaces the document on screen while its changes are not stored.
  function mayReplace() {
    return !unsaved || window.confirm('The changes to this document could not be saved in this browser (storage is full). Replace it anyway and lose them? Cancel, then Export, to keep them.');
  }

  // Another document from a stored form (`saved`, the core's), listed under `title`: the
  // version of a document before an edit that could not carry all its work.
  function keepCopy(saved, title) {
    const id = newId();
    try {
      localStorage.setItem('gloss.doc.' + id, saved);
      const docs = readDocs();
      docs.push({ id, title: title.slice(0, 80) });
      localStorage.setItem(DOCS, JSON.stringify(docs));
    } catch (e) {
      storageFailed(e);
      return false;
    }
    renderList();
    return true;
  }

  // The drawer's list: the core finds and orders the entries; each shows its title, when it
  // was saved and how far its review is.
  function renderList() {
    const all = readDocs();
    $('doc-count').textContent = `(${all.length})`;
    const docs = app.session ? app.session.listDocuments(all, $('doc-search').value, $('doc-sort').value) : all;
    $('doc-list').replaceChildren(...docs.map((d) => {
      const b = el('button', { type: 'button', 'aria-current': d.id === currentId ? 'true' : 'false', 'data-doc-id': d.id }, d.title);
      b.addEventListener('click', () => guard(() => open(d.id)));
      const when = d.saved ? d.saved.replace('T', ' ') : '';
      const progress = d.pending !== undefined ? `${d.pending} to review · ${d.reviewed} reviewed` : '';
      const meta = el('span', { class: 'count' }, [when, progress].filter(Boolean).join(' · '));
      const del = el('button', { type: 'button', class: 'small', 'aria-label': `Delete the document ${d.title}`, title: 'Delete this document from the browser' }, '×');
      del.addEventListener('click', () => guard(() => remove(d.id)));
      return el('li', {}, b, ' ', meta, ' ', del);
    }));
  }

  // A kept document: the stored whole, then its journal replayed by the core.
  function open(id) {
    work.cancel();
    flush();
    if (id !== currentId && !mayReplace()) return;
    const saved = localStorage.getItem('gloss.doc.' + id);
    if (!saved) throw new Error('That document is no longer stored in this browser.');
    const pending = localStorage.getItem('gloss.log.' + id);
    let page = app.session.importJson(saved);
    let note = '';
    if (pending) {
      try {
        page = app.session.replay(pending);
        note = ` with your last ${JSON.parse(pending).length} change(s)`;
      } catch (e) {
        note = `; your last changes could not be replayed (${e.message})`;
      }
    }
    unsaved = false;
    currentId = id;
    app.selectedId = null;
    render.show(page);
    scheduleSave();
    $('input').value = app.text;
    renderList();
    say(`Opened “${titleOf(app.text)}”${note}.`);
  }

  function startNew() {
    work.cancel();
    flush();
    if (!mayReplace()) return;
    unsaved = false;
    currentId = newId();
    app.selectedId = null;
    $('input').value = '';
    $('paste').open = true;
    render.show(app.session.open('', '', labels()));
    scheduleSave();
    $('input').focus();
  }

  function remove(id) {
    // A save still pending is for the current document: written first, unless it is the one going.
    if (id === currentId) { clearTimeout(compactTimer); compactTimer = null; baseSaved = true; log = []; unsaved = false; } else flush();
    const docs = readDocs().filter((d) => d.id !== id);
    localStorage.setItem(DOCS, JSON.stringify(docs));
    localStorage.removeItem('gloss.doc.' + id);
    localStorage.removeItem('gloss.log.' + id);
    if (id === currentId) {
      currentId = null;
      if (docs.length) open(docs[0].id); else startNew();
    } else renderList();
  }

  // Several documents in one file (JSONL, doccano, Label Studio…): each kept as a document.
  function addMany(list, what) {
    flush();
    let first = null;
    for (const d of list) {
      const id = newId();
      localStorage.setItem('gloss.doc.' + id, JSON.stringify(d));
      const docs = readDocs();
      docs.push({ id, title: titleOf(d.text) });
      localStorage.setItem(DOCS, JSON.stringify(docs));
      first = first || id;
    }
    if (first) open(first);
    say(`Opened ${list.length} document${list.length === 1 ? '' : 's'} from ${what}.`);
  }

  function all() {
    return readDocs().map((d) => {
      const saved = localStorage.getItem('gloss.doc.' + d.id);
      return saved ? { ...JSON.parse(saved), id: d.id } : null;
    }).filter(Boolean);
  }

  // The user's own labels follow them from document to document; written only when they change.
  function keepLabels(list) {
    const own = JSON.stringify(list.filter((l) => l.custom).map((l) => ({ name: l.label, color: l.color, key: l.key })));
    if (own === ownLabels) return;
    ownLabels = own;
    try { localStorage.setItem(LABELS, own); } catch (e) { /* storage full: said by save() */ }
  }
  function labels() {
    try { return JSON.parse(localStorage.getItem(LABELS) || '[]'); } catch (e) { return []; }
  }

  // A document that replaced the one on screen: a new entry when `asNew`, the same otherwise.
  function replaced(asNew) {
    if (asNew) currentId = newId();
    unsaved = false;
  }

  // The single document of earlier versions becomes the first of the list; the last one open
  // is opened again.
  function restore() {
    const old = localStorage.getItem('gloss.document');
    if (old && !readDocs().length) {
      const id = newId();
      localStorage.setItem('gloss.doc.' + id, old);
      localStorage.setItem(DOCS, JSON.stringify([{ id, title: titleOf(JSON.parse(old).text || '') }]));
      localStorage.setItem(CURRENT, id);
    }
    localStorage.removeItem('gloss.document');
    const last = localStorage.getItem(CURRENT);
    if (last && localStorage.getItem('gloss.doc.' + last)) {
      try {
        open(last);
        say('Restored your last document from this browser.');
      } catch (e) {
        say('Your saved document could not be restored: ' + e.message, true);
      }
    }
    renderList();
  }

  return { renderList, keepCopy, titleOf, readDocs, scheduleSave, takeSaved, journal, flush, mayReplace, open, startNew, remove, addMany, all, keepLabels, labels, replaced, restore };
})();
