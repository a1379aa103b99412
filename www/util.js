// gloss page: shared state and small helpers. The page draws what the Rust core decides and
// forwards the user's actions to it; it decides nothing the core can. Article text only ever
// enters the page as text nodes. The page's scripts run in this order: util, store, render,
// panels, keys, files, worker, main (each a plain script sharing these globals).
'use strict';

const $ = (id) => document.getElementById(id);

// The page's state: the core's handle and vocabulary, the document's text (a JS string, so
// UTF-16 offsets match the core's), the highlights by id, the layout of the article, the
// panels as last sent, the annotation being edited and the labels filtered out.
const app = {
  session: null,
  vocab: null,
  text: '',
  marks: new Map(),   // id (number) -> {start, end, label, state}
  layout: null,       // {cuts, dim}: chunk boundaries and dimmed stretches
  panels: null,
  selectedId: null,   // 'a12'
  hidden: new Set(),
};

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

// A message for an error; a failure of the core itself (a Rust panic, which WebAssembly turns
// into a RuntimeError) leaves it unusable: the page says what happened and that the work up to
// the last change is kept, and offers to reload, which restores it.
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

function guard(fn) {
  try {
    return fn();
  } catch (e) {
    failed(e);
    return undefined;
  }
}

// The mark of an annotation id in the article (the first, when nesting splits it).
const markOf = (id) => document.querySelector(`#article mark[data-ann-id="${id}"]`);

function jump(id) {
  const m = markOf(id);
  if (m) { m.focus(); m.scrollIntoView({ block: 'center' }); }
}
