//! The WebAssembly binding: converts and forwards, nothing else. Results cross as JSON text
//! (plain objects once parsed), so nothing needs freeing and everything survives
//! `structuredClone`. Positions from and to JavaScript are UTF-16 units.

use wasm_bindgen::prelude::*;

use crate::document::{Document, Edit};
use crate::format::{self, Format, Named, gloss as json};
use crate::text::calendar;
use crate::text::offset::Unit;
use crate::view::{self, page};

fn err(e: impl std::fmt::Display) -> JsError {
    JsError::new(&e.to_string())
}

fn parse_reference(reference: &str) -> Result<Option<jiff::civil::Date>, JsError> {
    calendar::parse_reference(Some(reference)).map_err(err)
}

#[wasm_bindgen]
extern "C" {
    /// The page's (and the worker's) global `glossPanicked(message)`: told why the core
    /// stopped, before the panic aborts the call (which then throws a `RuntimeError`).
    #[wasm_bindgen(js_name = glossPanicked)]
    fn gloss_panicked(message: &str);

    /// Any object with a `report(done)` method (done from 0 to 1).
    pub type Progress;
    #[wasm_bindgen(method)]
    fn report(this: &Progress, done: f64);
}

/// The one long-lived handle: the document being edited.
#[wasm_bindgen]
pub struct Session {
    doc: Document,
    /// What the page shows now, to send only what an edit changes.
    shown: view::Snapshot,
}

#[wasm_bindgen]
impl Session {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Session {
        static HOOK: std::sync::Once = std::sync::Once::new();
        HOOK.call_once(|| std::panic::set_hook(Box::new(|info| gloss_panicked(&info.to_string()))));
        Session { doc: Document::new(""), shown: view::Snapshot::default() }
    }

    /// Annotates `text` (reference date `YYYY-MM-DD` or empty) and returns the view.
    pub fn annotate(&mut self, text: &str, reference: &str) -> Result<String, JsError> {
        page::check_page_size(text).map_err(err)?;
        self.doc = crate::annotate_dated(text, parse_reference(reference)?);
        Ok(self.view())
    }

    /// Annotates `text` as [`Session::annotate`] does, without opening it, telling `progress`
    /// how far it is; returns the suggestions for [`Session::adopt`]. The page's worker runs
    /// this, so the page never waits for it.
    #[wasm_bindgen(js_name = findIn)]
    pub fn find_in(&self, text: &str, reference: &str, progress: &Progress) -> Result<String, JsError> {
        page::check_page_size(text).map_err(err)?;
        let reference = parse_reference(reference)?;
        Ok(crate::annotate_with(text, reference, &mut |p| progress.report(p)).found_json())
    }

    /// Opens `text` with the suggestions a worker found in it (see [`Session::find_in`]);
    /// returns the view. On error the current document stays.
    pub fn adopt(&mut self, text: &str, reference: &str, found: &str) -> Result<String, JsError> {
        self.doc = Document::adopt(text, parse_reference(reference)?, found).map_err(err)?;
        Ok(self.view())
    }

    /// Refuses a text longer than the page takes, with a message saying what to do.
    #[wasm_bindgen(js_name = checkSize)]
    pub fn check_size(&self, text: &str) -> Result<(), JsError> {
        page::check_page_size(text).map_err(err)
    }

    /// Applies one edit (JSON, UTF-16 positions); returns the view.
    pub fn edit(&mut self, edit: &str) -> Result<String, JsError> {
        let edit: Edit = serde_json::from_str(edit).map_err(|e| err(format!("bad edit: {e}")))?;
        self.doc.apply(edit, Unit::Utf16).map_err(err)?;
        Ok(self.view())
    }

    pub fn undo(&mut self) -> String {
        self.doc.undo();
        self.view()
    }

    pub fn redo(&mut self) -> String {
        self.doc.redo();
        self.view()
    }

    /// Annotates `text` and returns the export document, without opening it (for scripts and
    /// the page benchmark).
    #[wasm_bindgen(js_name = annotateToJson)]
    pub fn annotate_to_json(&self, text: &str, reference: &str) -> Result<String, JsError> {
        Ok(json::to_json(&crate::annotate_dated(text, parse_reference(reference)?)))
    }

    /// Panics on purpose: how the browser test checks that a failure of the core is shown as
    /// a message and the work is kept.
    #[wasm_bindgen(js_name = failForTest)]
    pub fn fail_for_test(&mut self) {
        panic!("the core was asked to fail (a test)");
    }

    /// Bytes of WebAssembly memory in use (it only grows: its peak).
    #[wasm_bindgen(js_name = memoryBytes)]
    pub fn memory_bytes(&self) -> f64 {
        (core::arch::wasm32::memory_size(0) * 65536) as f64
    }

    /// The whole view (the page redraws everything).
    pub fn view(&mut self) -> String {
        let v = view::view(&self.doc);
        self.shown = view::snapshot(&v);
        serde_json::to_string(&v).expect("view serializes")
    }

    /// Applies one edit and returns only what changed on screen (a delta view).
    #[wasm_bindgen(js_name = editDelta)]
    pub fn edit_delta(&mut self, edit: &str) -> Result<String, JsError> {
        let edit: Edit = serde_json::from_str(edit).map_err(|e| err(format!("bad edit: {e}")))?;
        self.doc.apply(edit, Unit::Utf16).map_err(err)?;
        Ok(self.delta())
    }

    #[wasm_bindgen(js_name = undoDelta)]
    pub fn undo_delta(&mut self) -> String {
        self.doc.undo();
        self.delta()
    }

    #[wasm_bindgen(js_name = redoDelta)]
    pub fn redo_delta(&mut self) -> String {
        self.doc.redo();
        self.delta()
    }

    fn delta(&mut self) -> String {
        let (d, snap) = view::delta(&self.doc, &self.shown);
        self.shown = snap;
        serde_json::to_string(&d).expect("delta serializes")
    }

    pub fn text(&self) -> String {
        self.doc.text().to_string()
    }

    #[wasm_bindgen(js_name = exportJson)]
    pub fn export_json(&self) -> String {
        json::to_json(&self.doc)
    }

    /// The casualty annotations as CSV.
    #[wasm_bindgen(js_name = casualtyCsv)]
    pub fn casualty_csv(&self) -> String {
        crate::format::csv::casualties(&self.doc)
    }

    /// The document in `format` (gloss, jsonl, w3c, doccano, labelstudio, prodigy, brat, conll,
    /// csv).
    #[wasm_bindgen(js_name = exportAs)]
    pub fn export_as(&self, format: &str) -> Result<String, JsError> {
        let f = Format::parse(format).map_err(err)?;
        format::serialize(f, &[Named::new(self.doc.clone())]).map_err(err)
    }

    /// The gloss JSON document with the rejected suggestions too (their `status` says so).
    #[wasm_bindgen(js_name = exportWithRejected)]
    pub fn export_with_rejected(&self) -> String {
        serde_json::to_string_pretty(&json::export_with(&self.doc, true)).expect("export serializes") + "\n"
    }

    /// The file extension for a download in `format`.
    #[wasm_bindgen(js_name = extensionOf)]
    pub fn extension_of(&self, format: &str) -> Result<String, JsError> {
        Ok(Format::parse(format).map_err(err)?.extension().to_string())
    }

    /// What an opened file is: `text`, `html`, or an annotation format.
    #[wasm_bindgen(js_name = fileKind)]
    pub fn file_kind(&self, name: &str, content: &str) -> String {
        format::file_kind(name, content).to_string()
    }

    /// Replaces the document with one read in `format` (its first document); files without
    /// text (w3c, brat) annotate the current text. On error the current document stays.
    #[wasm_bindgen(js_name = importAs)]
    pub fn import_as(&mut self, format: &str, content: &str) -> Result<String, JsError> {
        let f = Format::parse(format).map_err(err)?;
        let docs = format::deserialize(f, content, Some(self.doc.text())).map_err(err)?;
        let first = docs.into_iter().next().ok_or_else(|| err("the file holds no documents"))?;
        self.doc = first.doc;
        Ok(self.view())
    }

    /// Everything, rejected suggestions included, in the compact form the page keeps (`json::save_json`).
    #[wasm_bindgen(js_name = saveJson)]
    pub fn save_json(&self) -> String {
        json::save_json(&self.doc)
    }

    /// The id of the next (or previous) annotation after `from` in text order; with `pending`
    /// only suggestions still to review. Empty when there is none.
    #[wasm_bindgen(js_name = nextInReview)]
    pub fn next_in_review(&self, from: &str, backwards: bool, pending: bool) -> String {
        self.doc.next_in_review(Some(from).filter(|f| !f.is_empty()), backwards, pending).unwrap_or_default()
    }

    /// A keyboard caret's next position (UTF-16) one character or word forward or back.
    pub fn step(&self, pos: usize, forward: bool, word: bool) -> usize {
        self.doc.step(pos, Unit::Utf16, forward, word)
    }

    /// Gives the document the user's own labels (JSON list of `{name, color, key}`), kept by
    /// the page across documents; not an edit to undo. Returns the view.
    #[wasm_bindgen(js_name = setLabels)]
    pub fn set_labels(&mut self, labels: &str) -> Result<String, JsError> {
        let labels = serde_json::from_str(labels).map_err(|e| err(format!("bad labels: {e}")))?;
        self.doc.set_custom_labels(labels).map_err(err)?;
        Ok(self.view())
    }

    /// Where `query` occurs (ignoring case), as a JSON list of `[start, end]` in UTF-16 units.
    pub fn search(&self, query: &str) -> String {
        serde_json::to_string(&self.doc.search(query, Unit::Utf16, 10_000)).expect("JSON serializes")
    }

    /// The readable text of an HTML file (markup dropped, never run).
    #[wasm_bindgen(js_name = htmlToText)]
    pub fn html_to_text(&self, html: &str) -> String {
        crate::text::html::to_text(html)
    }

    /// Every document of a file in `format`, as a JSON list of gloss documents (review states
    /// included) for the page to keep; w3c and brat files annotate the current text.
    #[wasm_bindgen(js_name = importMany)]
    pub fn import_many(&self, format: &str, content: &str) -> Result<String, JsError> {
        let f = Format::parse(format).map_err(err)?;
        let docs = format::deserialize(f, content, Some(self.doc.text())).map_err(err)?;
        let all: Vec<json::ExportDocument> = docs.iter().map(|d| json::export_with(&d.doc, true)).collect();
        Ok(serde_json::to_string(&all).expect("export serializes"))
    }

    /// The format a collection is written in when `format` holds one document only.
    #[wasm_bindgen(js_name = collectionFormat)]
    pub fn collection_format(&self, format: &str) -> Result<String, JsError> {
        Ok(Format::parse(format).map_err(err)?.for_collection().name().to_string())
    }

    /// Several kept documents (a JSON list of gloss documents) written in one `format`.
    #[wasm_bindgen(js_name = exportMany)]
    pub fn export_many(&self, saved: &str, format: &str) -> Result<String, JsError> {
        let f = Format::parse(format).map_err(err)?;
        let list: Vec<serde_json::Value> = serde_json::from_str(saved).map_err(|e| err(format!("bad document list: {e}")))?;
        let mut docs = Vec::with_capacity(list.len());
        for (k, v) in list.into_iter().enumerate() {
            let id = v.get("id").cloned().or_else(|| Some(serde_json::Value::from(k + 1)));
            let doc = json::parse(&v.to_string()).map_err(|e| err(format!("document {}: {e}", k + 1)))?;
            docs.push(Named { id, doc });
        }
        format::serialize(f, &docs).map_err(err)
    }

    /// Applies the page's journal of edits, undos and redos made since the document was last
    /// saved whole (see [`Document::replay`]); returns the view. All or nothing.
    pub fn replay(&mut self, journal: &str) -> Result<String, JsError> {
        self.doc.replay(journal, Unit::Utf16).map_err(err)?;
        Ok(self.view())
    }

    /// Replaces the document with an imported one; on error the current one stays.
    #[wasm_bindgen(js_name = importJson)]
    pub fn import_json(&mut self, text: &str) -> Result<String, JsError> {
        self.doc = json::parse(text).map_err(err)?;
        Ok(self.view())
    }
}

impl Default for Session {
    fn default() -> Session {
        Session::new()
    }
}
