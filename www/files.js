// gloss page: files in and out. Downloads are made in the page (Blob URLs); the formats, their names, extensions and media types are the
// core's. An opened file is text, HTML (made text by the core: markup dropped, never run) or
// annotations in a format the core detects; a file of several documents adds each. A failed
// import changes nothing.
'use strict';

const files = (() => {
  const formatOf = (name) => app.vocab.formats.find((f) => f.name === name);

  function download(name, content, type) {
    const url = URL.createObjectURL(new Blob([content], { type }));
    const a = el('a', { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  // The export formats, as the core names them.
  function formats() {
    $('export-format').replaceChildren(...app.vocab.formats.map((f) => el('option', { value: f.name }, f.title)));
  }

  // A document read from a file takes the place of the one on screen (which is kept); a gloss
  // document, or one in another format (w3c and brat annotate the current text).
  function importAs(format, content) {
    work.cancel();
    store.flush();
    if (!store.mayReplace()) return;
    const page = format === 'gloss' ? app.session.importJson(content) : app.session.importAs(format, content);
    store.replaced(!!app.text);
    render.show(page);
    store.scheduleSave();
    $('input').value = app.text;
    say(`Imported ${app.marks.size} annotations${format === 'gloss' ? '' : ` (${format})`}.`);
  }

  async function open(list) {
    for (const f of list) {
      try {
        const content = await f.text();
        store.flush();
        if (!store.mayReplace()) return;
        const kind = app.session.fileKind(f.name, content);
        if (kind === 'text' || kind === 'html') {
          const t = kind === 'html' ? app.session.htmlToText(content) : content;
          $('input').value = t;
          if (await work.annotate(t, $('reference-date').value, true)) say(`Opened ${f.name}${kind === 'html' ? ' as text' : ''}: ${app.marks.size} annotations.`);
        } else if (formatOf(kind).needsText) importAs(kind, content);
        else store.addMany(JSON.parse(app.session.importMany(kind, content)), `${f.name} (${kind})`);
      } catch (e) {
        failed(e);
      }
    }
  }

  // A file name from the article's headline, its date and the format's extension (the core's).
  const nameFor = (format, what) => app.session.fileName(what, formatOf(format).extension);

  function wire() {
    formats();
    $('export').addEventListener('click', () => guard(() => {
      const name = $('export-format').value;
      const withRejected = $('export-rejected').checked && name === 'gloss';
      if ($('export-rejected').checked && name !== 'gloss') say('Rejected suggestions travel only in gloss JSON; this file leaves them out.');
      download(nameFor(name, ''), withRejected ? app.session.exportWithRejected() : app.session.exportAs(name), formatOf(name).mime);
      // brat's annotations are read beside their text: the `.txt` of the same name comes too.
      if (name === 'brat') download(app.session.fileName('', 'txt'), app.session.text(), 'text/plain');
    }));
    $('export-csv').addEventListener('click', () => download(nameFor('csv', '-casualties'), app.session.casualtyCsv(), formatOf('csv').mime));
    $('export-all').addEventListener('click', () => guard(() => {
      const name = formatOf($('export-format').value).collection;
      download(`gloss-all.${formatOf(name).extension}`, app.session.exportMany(JSON.stringify(store.all()), name), formatOf(name).mime);
    }));
    $('import-file').addEventListener('change', async (e) => {
      const list = [...e.target.files];
      e.target.value = '';
      await open(list);
    });
    document.addEventListener('dragover', (e) => { e.preventDefault(); document.body.classList.add('dropping'); });
    document.addEventListener('dragleave', (e) => { if (!e.relatedTarget) document.body.classList.remove('dropping'); });
    document.addEventListener('drop', async (e) => {
      e.preventDefault();
      document.body.classList.remove('dropping');
      await open([...(e.dataTransfer?.files || [])]);
    });
  }

  return { wire, importAs };
})();
