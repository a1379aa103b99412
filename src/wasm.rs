//! The WebAssembly binding: converts and forwards, nothing else. One `Session` handle holds the
//! document and what the page shows of it. The bulk of a view (pieces of the article, marks)
//! crosses as typed arrays, which the page reads as they come and a worker hands over without
//! copying (`js-sys`); edits, options and the small results (panels, the selected annotation,
//! the vocabulary) cross as plain objects (`serde-wasm-bindgen`); files and the stored document
//! stay JSON text, since they go to disk or storage as text. The worker's progress goes out
//! through the worker's own `postMessage`, timed by `performance.now()` (`web-sys`). A panic
//! is logged with its stack (`console_error_panic_hook`) and told to the page
//! (`glossPanicked`), which offers to reload. Positions to and from JavaScript are UTF-16 units.

use js_sys::{Array, Object, Reflect, Uint8Array, Uint16Array, Uint32Array};
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::annotation::LabelDef;
use crate::document::handover::{Attrs, Handover};
use crate::document::{Document, Edit};
use crate::format::{self, Format, Named, gloss as json};
use crate::text::calendar;
use crate::text::offset::Unit;
use crate::view::{self, Delta, Layout, Marks, Page, Pieces, Screen, limit};

fn err(e: impl std::fmt::Display) -> JsError {
    JsError::new(&e.to_string())
}

fn reference(date: &str) -> Result<Option<jiff::civil::Date>, JsError> {
    calendar::parse_reference(Some(date)).map_err(err)
}

fn to_js<T: Serialize>(v: &T) -> JsValue {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).expect("plain values convert")
}

fn from_js<T: DeserializeOwned>(v: JsValue, what: &str) -> Result<T, JsError> {
    serde_wasm_bindgen::from_value(v).map_err(|e| err(format!("bad {what}: {e}")))
}

fn object(fields: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in fields {
        Reflect::set(&o, &JsValue::from_str(k), v).expect("a plain object takes fields");
    }
    o.into()
}

fn get(o: &JsValue, k: &str) -> JsValue {
    Reflect::get(o, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED)
}

fn u32s(o: &JsValue, k: &str) -> Result<Vec<u32>, JsError> {
    get(o, k).dyn_into::<Uint32Array>().map(|a| a.to_vec()).map_err(|_| err(format!("{k} is not a Uint32Array")))
}

fn u16s(o: &JsValue, k: &str) -> Result<Vec<u16>, JsError> {
    get(o, k).dyn_into::<Uint16Array>().map(|a| a.to_vec()).map_err(|_| err(format!("{k} is not a Uint16Array")))
}

fn pieces_js(p: &Pieces) -> JsValue {
    let u = |v: &[u32]| JsValue::from(Uint32Array::from(v));
    object(&[("chunks", u(&p.chunks)), ("first", u(&p.first)), ("ends", u(&p.ends)), ("cover", u(&p.cover)), ("ids", u(&p.ids)), ("dim", Uint8Array::from(&p.dim[..]).into())]).into()
}

fn marks_js(m: &Marks) -> JsValue {
    let u = |v: &[u32]| JsValue::from(Uint32Array::from(v));
    let labels: Array = m.labels.iter().map(|l| JsValue::from_str(l)).collect();
    object(&[("labels", labels.into()), ("id", u(&m.id)), ("start", u(&m.start)), ("end", u(&m.end)), ("label", Uint16Array::from(&m.label[..]).into()), ("state", Uint8Array::from(&m.state[..]).into())]).into()
}

fn layout_js(l: &Layout) -> JsValue {
    object(&[("cuts", Uint32Array::from(&l.cuts[..]).into()), ("dim", Uint32Array::from(&l.dim[..]).into())]).into()
}

/// The panels as JSON text: on a long document they hold tens of thousands of mention ids,
/// which JSON carries several times faster than objects made one by one across the boundary
/// (measured: see the README's design section).
fn panels_js(p: &view::Panels) -> JsValue {
    serde_json::to_string(p).expect("panels serialize").into()
}

fn page_js(p: &Page) -> JsValue {
    object(&[("layout", layout_js(&p.layout)), ("pieces", pieces_js(&p.pieces)), ("marks", marks_js(&p.marks)), ("panels", panels_js(&p.panels))]).into()
}

fn delta_js(d: &Delta) -> JsValue {
    object(&[("pieces", pieces_js(&d.pieces)), ("marks", marks_js(&d.marks)), ("removed", Uint32Array::from(&d.removed[..]).into()), ("focus", d.focus.map_or(JsValue::NULL, JsValue::from)), ("panels", panels_js(&d.panels))]).into()
}

/// `text` annotated (reference date `YYYY-MM-DD` or empty) with the user's `labels`, refused
/// past the page's size.
fn annotated(text: &str, date: &str, labels: JsValue) -> Result<Document, JsError> {
    limit::check_page_size(text).map_err(err)?;
    let labels: Vec<LabelDef> = from_js(labels, "labels")?;
    let mut doc = crate::annotate_dated(text, reference(date)?);
    doc.set_custom_labels(labels).map_err(err)?;
    Ok(doc)
}

fn handover_js(h: &Handover) -> JsValue {
    let u = |v: &[u32]| JsValue::from(Uint32Array::from(v));
    let w = |v: &[u16]| JsValue::from(Uint16Array::from(v));
    object(&[
        ("id", u(&h.id)),
        ("start", u(&h.start)),
        ("end", u(&h.end)),
        ("label", w(&h.label)),
        ("rule", w(&h.rule)),
        ("labels", to_js(&h.labels)),
        ("rules", to_js(&h.rules)),
        ("attrs", to_js(&h.attrs)),
        ("dateline", to_js(&h.dateline)),
    ])
    .into()
}

fn handover_from(o: &JsValue) -> Result<Handover, JsError> {
    Ok(Handover {
        id: u32s(o, "id")?,
        start: u32s(o, "start")?,
        end: u32s(o, "end")?,
        label: u16s(o, "label")?,
        rule: u16s(o, "rule")?,
        labels: from_js(get(o, "labels"), "label table")?,
        rules: from_js(get(o, "rules"), "rule table")?,
        attrs: from_js::<Vec<Attrs>>(get(o, "attrs"), "attributes")?,
        dateline: from_js(get(o, "dateline"), "dateline")?,
    })
}

#[wasm_bindgen]
extern "C" {
    /// The page's (and the worker's) global `glossPanicked(message)`: told why the core
    /// stopped, before the panic aborts the call (which then throws a `RuntimeError`).
    #[wasm_bindgen(js_name = glossPanicked)]
    fn gloss_panicked(message: &str);
}

/// Tells the worker's page how far an annotation is (0 to 1), at most every 50 ms; nothing
/// outside a worker.
struct Progress {
    scope: Option<web_sys::DedicatedWorkerGlobalScope>,
    job: u32,
    last: f64,
}

impl Progress {
    fn report(&mut self, done: f64) {
        let Some(scope) = &self.scope else { return };
        let now = scope.performance().map_or(0.0, |p| p.now());
        if now - self.last < 50.0 && done < 1.0 {
            return;
        }
        self.last = now;
        let _ = scope.post_message(&object(&[("type", "progress".into()), ("id", self.job.into()), ("done", done.into())]));
    }
}

/// The one long-lived handle: the document, and what the page shows of it (and in the
/// page's worker, the first half of a text whose second half another worker is reading).
#[wasm_bindgen]
pub struct Session {
    doc: Document,
    screen: Screen,
    first_half: Option<(crate::FirstHalf, Vec<LabelDef>, f64)>,
}

#[wasm_bindgen]
impl Session {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Session {
        static HOOK: std::sync::Once = std::sync::Once::new();
        HOOK.call_once(|| {
            std::panic::set_hook(Box::new(|info| {
                console_error_panic_hook::hook(info);
                gloss_panicked(&info.to_string());
            }))
        });
        Session { doc: Document::new(""), screen: Screen::default(), first_half: None }
    }

    /// The words the page takes from the core (labels, date types, categories, formats…).
    pub fn vocabulary(&self) -> JsValue {
        to_js(&crate::vocabulary::vocabulary())
    }

    /// Refuses a text longer than the page takes, with a message saying what to do.
    #[wasm_bindgen(js_name = checkSize)]
    pub fn check_size(&self, text: &str) -> Result<(), JsError> {
        limit::check_page_size(text).map_err(err)
    }

    /// Annotates `text` (reference date `YYYY-MM-DD` or empty) with the user's `labels`, opens
    /// it, and returns the page to draw.
    pub fn open(&mut self, text: &str, date: &str, labels: JsValue) -> Result<JsValue, JsError> {
        let doc = annotated(text, date, labels)?;
        Ok(self.show(doc))
    }

    /// The kept documents (`entries`: id, title, saved, pending, reviewed) whose title holds
    /// the words of `query`, in the order `sort` names (`added`, `recent`, `title`, `to-review`).
    #[wasm_bindgen(js_name = listDocuments)]
    pub fn list_documents(&self, entries: JsValue, query: &str, sort: &str) -> Result<JsValue, JsError> {
        let entries: Vec<crate::view::library::Entry> = from_js(entries, "entries")?;
        Ok(to_js(&crate::view::library::list(entries, query, sort)))
    }

    /// Whether `text` is an edit of the document's text (most of it kept), so annotating it
    /// carries the work over ([`Session::carry_open`]) rather than starting another document.
    #[wasm_bindgen(js_name = isEdit)]
    pub fn is_edit(&self, text: &str) -> bool {
        crate::document::reanchor::is_edit(self.doc.text(), text)
    }

    /// Annotates `text`, an edit of the document's text (or the same text again), carrying
    /// over every annotation the user made or reviewed whose words are unchanged; returns the
    /// page to draw and how many were kept and could not be placed (`kept`, `lost`).
    #[wasm_bindgen(js_name = carryOpen)]
    pub fn carry_open(&mut self, text: &str, date: &str, labels: JsValue) -> Result<JsValue, JsError> {
        let (doc, carried) = crate::document::reanchor::carry_over(&self.doc, annotated(text, date, labels)?);
        let page = self.show(doc);
        Ok(object(&[("page", page), ("kept", carried.kept.into()), ("lost", carried.lost.into())]).into())
    }

    /// In the page's second worker: the second half of the first pass on `text` (the
    /// sentences past its middle), as JSON text for the first worker.
    #[wasm_bindgen(js_name = secondHalf)]
    pub fn second_half(&self, text: &str, date: &str) -> Result<String, JsError> {
        limit::check_page_size(text).map_err(err)?;
        let doc = Document::dated(text, reference(date)?);
        Ok(serde_json::to_string(&crate::half(&doc, 1, &mut |_| {})).expect("a part serializes"))
    }

    /// In the page's worker: annotates `text` with the user's `labels`, or the first half of it
    /// with `split` (the other worker reads the rest), telling the page how far it is (`job`
    /// names the request); kept until [`Session::end_halves`].
    #[wasm_bindgen(js_name = beginHalves)]
    pub fn begin_halves(&mut self, text: &str, date: &str, labels: JsValue, job: u32, split: bool) -> Result<(), JsError> {
        limit::check_page_size(text).map_err(err)?;
        let labels: Vec<LabelDef> = from_js(labels, "labels")?;
        let scope = js_sys::global().dyn_into::<web_sys::DedicatedWorkerGlobalScope>().ok();
        let t0 = scope.as_ref().and_then(|s| s.performance()).map_or(0.0, |p| p.now());
        let mut progress = Progress { scope, job, last: f64::NEG_INFINITY };
        let first = crate::FirstHalf::begin(text, reference(date)?, split, &mut |p| progress.report(0.9 * p));
        self.first_half = Some((first, labels, t0));
        Ok(())
    }

    /// In the page's worker: joins the kept first half with the second (JSON text from the
    /// other worker; none when the whole text was read here, or to read it here after all),
    /// keeps the document, and returns what the page needs to open it without reading it again:
    /// the suggestions (`handover`), the page to draw (`page`) and how long the core took
    /// (`ms`). The stored form follows ([`Session::save_json`]).
    #[wasm_bindgen(js_name = endHalves)]
    pub fn end_halves(&mut self, second: Option<String>, job: u32) -> Result<JsValue, JsError> {
        let (first, labels, t0) = self.first_half.take().ok_or_else(|| err("no first half to join"))?;
        let second = second.map(|json| serde_json::from_str(&json)).transpose().map_err(|e| err(format!("bad second half: {e}")))?;
        let mut doc = first.end(second);
        doc.set_custom_labels(labels).map_err(err)?;
        let (_, page) = Screen::open(&doc);
        let scope = js_sys::global().dyn_into::<web_sys::DedicatedWorkerGlobalScope>().ok();
        let _ = scope.as_ref().map(|s| s.post_message(&object(&[("type", "progress".into()), ("id", job.into()), ("done", 1.0.into())])));
        let ms = scope.as_ref().and_then(|s| s.performance()).map_or(0.0, |p| p.now()) - t0;
        let out = object(&[("handover", handover_js(&doc.handover())), ("page", page_js(&page)), ("ms", ms.into())]);
        self.doc = doc;
        Ok(out.into())
    }

    /// Opens `text` with what the worker found in it (see [`Session::end_halves`]) and
    /// the layout it drew it with. On error the current document stays.
    /// With `carry`, the text is an edit of the document on screen: its work is carried over
    /// as in [`Session::carry_open`] (the page must then draw [`Session::page`]) and the
    /// counts are returned.
    pub fn adopt(&mut self, text: &str, date: &str, handover: JsValue, layout: JsValue, labels: JsValue, carry: bool) -> Result<JsValue, JsError> {
        let doc = Document::adopt(text, reference(date)?, handover_from(&handover)?, from_js(labels, "labels")?).map_err(err)?;
        let layout = Layout { cuts: u32s(&layout, "cuts")?, dim: u32s(&layout, "dim")? };
        let (doc, carried) = match carry {
            true => {
                let (doc, carried) = crate::document::reanchor::carry_over(&self.doc, doc);
                (doc, Some(carried))
            }
            false => (doc, None),
        };
        self.screen = Screen::adopt(&doc, layout);
        self.doc = doc;
        Ok(carried.map_or(JsValue::UNDEFINED, |c| to_js(&c)))
    }

    fn show(&mut self, doc: Document) -> JsValue {
        let (screen, page) = Screen::open(&doc);
        self.doc = doc;
        self.screen = screen;
        page_js(&page)
    }

    /// The page of the current document, whole.
    pub fn page(&mut self) -> JsValue {
        page_js(&self.screen.page(&self.doc))
    }

    /// Applies one edit (`{op, …}`, UTF-16 positions); returns what changed on screen.
    pub fn edit(&mut self, edit: JsValue) -> Result<JsValue, JsError> {
        let edit: Edit = from_js(edit, "edit")?;
        self.doc.apply(edit, Unit::Utf16).map_err(err)?;
        Ok(delta_js(&self.screen.delta(&self.doc)))
    }

    pub fn undo(&mut self) -> JsValue {
        self.doc.undo();
        delta_js(&self.screen.step(&self.doc))
    }

    pub fn redo(&mut self) -> JsValue {
        self.doc.redo();
        delta_js(&self.screen.step(&self.doc))
    }

    /// Gives the document the user's own labels (`[{name, color, key}]`), kept by the page
    /// across documents; not an edit to undo. Returns what changed on screen.
    #[wasm_bindgen(js_name = setLabels)]
    pub fn set_labels(&mut self, labels: JsValue) -> Result<JsValue, JsError> {
        self.doc.set_custom_labels(from_js(labels, "labels")?).map_err(err)?;
        Ok(delta_js(&self.screen.delta(&self.doc)))
    }

    /// Applies the page's journal (JSON text) of edits, undos and redos made since the
    /// document was last saved whole; returns the page. All or nothing.
    pub fn replay(&mut self, journal: &str) -> Result<JsValue, JsError> {
        self.doc.replay(journal, Unit::Utf16).map_err(err)?;
        Ok(page_js(&self.screen.page(&self.doc)))
    }

    /// Annotation `id` as the editor shows it (fields, details, and with `entity` its entity),
    /// or undefined.
    pub fn selected(&self, id: &str, entity: bool) -> JsValue {
        view::selected(&self.doc, id, entity).map_or(JsValue::UNDEFINED, |s| to_js(&s))
    }

    /// The whole view as one plain object, for scripts and tests.
    pub fn view(&self) -> JsValue {
        to_js(&view::view(&self.doc))
    }

    pub fn text(&self) -> String {
        self.doc.text().to_string()
    }

    /// The id of the next (or previous) annotation after `from` in text order; with `pending`
    /// only suggestions still to review. Empty when there is none.
    #[wasm_bindgen(js_name = nextInReview)]
    pub fn next_in_review(&self, from: &str, backwards: bool, pending: bool) -> String {
        self.doc.next_in_review(Some(from).filter(|f| !f.is_empty()), backwards, pending).unwrap_or_default()
    }

    /// A keyboard caret's next position one character or word forward or back.
    pub fn step(&self, pos: usize, forward: bool, word: bool) -> usize {
        self.doc.step(pos, Unit::Utf16, forward, word)
    }

    /// Where `query` occurs (ignoring case): start and end of each match, one after the other.
    pub fn search(&self, query: &str) -> Uint32Array {
        let flat: Vec<u32> = self.doc.search(query, Unit::Utf16, 10_000).into_iter().flat_map(|(s, e)| [s as u32, e as u32]).collect();
        Uint32Array::from(&flat[..])
    }

    /// The readable text of an HTML file (markup dropped, never run).
    #[wasm_bindgen(js_name = htmlToText)]
    pub fn html_to_text(&self, html: &str) -> String {
        crate::text::html::to_text(html)
    }

    /// What an opened file is: `text`, `html`, or an annotation format.
    #[wasm_bindgen(js_name = fileKind)]
    pub fn file_kind(&self, name: &str, content: &str) -> String {
        format::file_kind(name, content).to_string()
    }

    #[wasm_bindgen(js_name = exportJson)]
    pub fn export_json(&self) -> String {
        json::to_json(&self.doc)
    }

    /// The gloss JSON document with the rejected suggestions too (their `status` says so).
    #[wasm_bindgen(js_name = exportWithRejected)]
    pub fn export_with_rejected(&self) -> String {
        serde_json::to_string_pretty(&json::export_with(&self.doc, true)).expect("export serializes") + "\n"
    }

    /// The document in `format`.
    #[wasm_bindgen(js_name = exportAs)]
    pub fn export_as(&self, format: &str) -> Result<String, JsError> {
        format::serialize(Format::parse(format).map_err(err)?, &[Named::new(self.doc.clone())]).map_err(err)
    }

    /// The name of a download of this document: its headline, `what` (`-casualties`), its
    /// date and `extension`.
    #[wasm_bindgen(js_name = fileName)]
    pub fn file_name(&self, what: &str, extension: &str) -> String {
        let date = self.doc.reference_date().map(crate::text::calendar::iso);
        format::file_name(self.doc.text(), date.as_deref(), what, extension)
    }

    /// The casualty annotations as CSV.
    #[wasm_bindgen(js_name = casualtyCsv)]
    pub fn casualty_csv(&self) -> String {
        format::csv::casualties(&self.doc)
    }

    /// Several kept documents (a JSON list of stored documents) written in one `format`.
    #[wasm_bindgen(js_name = exportMany)]
    pub fn export_many(&self, saved: &str, format: &str) -> Result<String, JsError> {
        format::serialize(Format::parse(format).map_err(err)?, &json::parse_list(saved).map_err(err)?).map_err(err)
    }

    /// Everything, rejected suggestions included, in the compact form the page keeps.
    #[wasm_bindgen(js_name = saveJson)]
    pub fn save_json(&self) -> String {
        json::save_json(&self.doc)
    }

    /// Replaces the document with a gloss document (a file, or one kept by the page); returns
    /// the page. On error the current one stays.
    #[wasm_bindgen(js_name = importJson)]
    pub fn import_json(&mut self, text: &str) -> Result<JsValue, JsError> {
        let doc = json::parse(text).map_err(err)?;
        Ok(self.show(doc))
    }

    /// Replaces the document with one read in `format` (its first document); files without
    /// text (w3c, brat) annotate the current text. On error the current document stays.
    #[wasm_bindgen(js_name = importAs)]
    pub fn import_as(&mut self, format: &str, content: &str) -> Result<JsValue, JsError> {
        let docs = format::deserialize(Format::parse(format).map_err(err)?, content, Some(self.doc.text())).map_err(err)?;
        let first = docs.into_iter().next().ok_or_else(|| err("the file holds no documents"))?;
        Ok(self.show(first.doc))
    }

    /// Every document of a file in `format`, as a JSON list of stored documents for the page
    /// to keep; w3c and brat files annotate the current text.
    #[wasm_bindgen(js_name = importMany)]
    pub fn import_many(&self, format: &str, content: &str) -> Result<String, JsError> {
        let docs = format::deserialize(Format::parse(format).map_err(err)?, content, Some(self.doc.text())).map_err(err)?;
        let all: Vec<json::ExportDocument> = docs.iter().map(|d| json::export_with(&d.doc, true)).collect();
        Ok(serde_json::to_string(&all).expect("export serializes"))
    }

    /// Annotates `text` and returns the export document, without opening it (for scripts and
    /// the page benchmark: the core alone).
    #[wasm_bindgen(js_name = annotateToJson)]
    pub fn annotate_to_json(&self, text: &str, date: &str) -> Result<String, JsError> {
        Ok(json::to_json(&crate::annotate_dated(text, reference(date)?)))
    }

    /// Bytes of WebAssembly memory in use (it only grows: its peak).
    #[wasm_bindgen(js_name = memoryBytes)]
    pub fn memory_bytes(&self) -> f64 {
        (core::arch::wasm32::memory_size(0) * 65536) as f64
    }

    /// Panics on purpose: how the browser test checks that a failure of the core is shown as
    /// a message and the work is kept.
    #[wasm_bindgen(js_name = failForTest)]
    pub fn fail_for_test(&mut self) {
        panic!("the core was asked to fail (a test)");
    }
}

impl Default for Session {
    fn default() -> Session {
        Session::new()
    }
}
