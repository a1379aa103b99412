//! Adapters to the files of neighbouring tools (`../shared/spec/interop-formats.md`): gloss JSON
//! and JSONL, W3C Web Annotation, doccano, Label Studio, Prodigy/spaCy, brat standoff, CoNLL-2003
//! BIO and CSV. Every adapter counts code points and carries the span's text where the format
//! has room for it; every importer checks spans through [`json::build_document`], so a bad file
//! gives a clear message and no document.

use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};

use crate::annotation::{CasualtyAttrs, DateAttrs, Label, Origin, Status};
use crate::document::Document;
use crate::error::{Error, Result};
use crate::json::{self, ExportAnnotation, SpanIn};
use crate::offset::Unit;

/// A file format gloss reads or writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Gloss,
    Jsonl,
    W3c,
    Doccano,
    LabelStudio,
    Prodigy,
    Brat,
    Conll,
    Csv,
    /// A self-contained HTML report to share and print (written only).
    Report,
}

impl Format {
    pub const ALL: [Format; 10] = [
        Format::Gloss,
        Format::Jsonl,
        Format::W3c,
        Format::Doccano,
        Format::LabelStudio,
        Format::Prodigy,
        Format::Brat,
        Format::Conll,
        Format::Csv,
        Format::Report,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Format::Gloss => "gloss",
            Format::Jsonl => "jsonl",
            Format::W3c => "w3c",
            Format::Doccano => "doccano",
            Format::LabelStudio => "labelstudio",
            Format::Prodigy => "prodigy",
            Format::Brat => "brat",
            Format::Conll => "conll",
            Format::Csv => "csv",
            Format::Report => "report",
        }
    }

    /// # Errors
    /// When `name` is not one of the formats.
    pub fn parse(name: &str) -> Result<Format> {
        let n = name.trim().to_lowercase();
        let n = match n.as_str() {
            "json" => "gloss",
            "label-studio" | "label_studio" => "labelstudio",
            "spacy" => "prodigy",
            "conll2003" | "bio" => "conll",
            "ann" => "brat",
            "webannotation" | "web-annotation" => "w3c",
            "html" => "report",
            other => other,
        };
        Format::ALL.into_iter().find(|f| f.name() == n).ok_or_else(|| {
            Error::input(format!("unknown format {name:?}: use one of {}", Format::ALL.map(Format::name).join(", ")))
        })
    }

    /// Whether gloss reads this format (the others are written only).
    pub fn can_import(self) -> bool {
        matches!(self, Format::Gloss | Format::Jsonl | Format::W3c | Format::Doccano | Format::LabelStudio | Format::Brat)
    }

    /// The format to write several documents in: this one if it holds a collection, else
    /// gloss JSONL.
    pub fn for_collection(self) -> Format {
        match self {
            Format::Gloss | Format::W3c | Format::Brat | Format::Report => Format::Jsonl,
            f => f,
        }
    }

    /// The file name extension for a download.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Gloss | Format::W3c | Format::LabelStudio => "json",
            Format::Jsonl | Format::Doccano | Format::Prodigy => "jsonl",
            Format::Brat => "ann",
            Format::Conll => "conll",
            Format::Csv => "csv",
            Format::Report => "html",
        }
    }
}

/// The format of a file from its name and first bytes: `.ann` is brat, `.csv` and `.conll`
/// theirs, JSON by its shape (a gloss document, a list of Label Studio tasks, a W3C
/// collection), JSON lines by their first line (gloss or doccano).
pub fn detect(name: &str, content: &str) -> Format {
    let lower = name.to_lowercase();
    let ext = lower.rsplit('.').next().unwrap_or("");
    match ext {
        "ann" => return Format::Brat,
        "csv" => return Format::Csv,
        "conll" => return Format::Conll,
        _ => {}
    }
    let head = content.trim_start();
    let parsed = if ext == "jsonl" { None } else { serde_json::from_str::<Value>(content).ok() };
    if let Some(v) = parsed {
        return match &v {
            Value::Array(_) => if head[1..].trim_start().starts_with('{') && v[0].get("type").and_then(Value::as_str) == Some("Annotation") { Format::W3c } else { Format::LabelStudio },
            Value::Object(o) if o.get("format").and_then(Value::as_str) == Some("gloss") => Format::Gloss,
            Value::Object(o) if o.contains_key("@context") || matches!(o.get("type").and_then(Value::as_str), Some("AnnotationCollection" | "AnnotationPage" | "Annotation")) => Format::W3c,
            Value::Object(o) if o.contains_key("data") => Format::LabelStudio,
            _ => Format::Doccano,
        };
    }
    let first = head.lines().next().unwrap_or("");
    match serde_json::from_str::<Value>(first) {
        Ok(v) if v.get("format").and_then(Value::as_str) == Some("gloss") => Format::Jsonl,
        Ok(_) => Format::Doccano,
        Err(_) if head.starts_with('T') && first.contains('\t') => Format::Brat,
        Err(_) => Format::Gloss,
    }
}

/// What an opened file is: `text` or `html` (a new document from its text), or the annotation
/// format [`detect`] finds.
pub fn file_kind(name: &str, content: &str) -> &'static str {
    let lower = name.to_lowercase();
    let ext = lower.rsplit_once('.').map_or("", |(_, e)| e);
    match ext {
        "txt" | "text" | "md" => "text",
        "html" | "htm" | "xhtml" => "html",
        "json" | "jsonl" | "ann" | "csv" | "conll" => detect(name, content).name(),
        // No telling extension: markup by its first tag, annotations by their shape, else text.
        _ => {
            let head = content.trim_start().to_lowercase();
            if head.starts_with("<!doctype html") || head.starts_with("<html") {
                "html"
            } else if head.starts_with('{') || head.starts_with('[') || (head.starts_with('t') && head.lines().next().is_some_and(|l| l.contains('\t'))) {
                detect(name, content).name()
            } else {
                "text"
            }
        }
    }
}

/// A document with the id it has in a collection (a line of a JSONL file, a task).
#[derive(Debug, Clone)]
pub struct Named {
    pub id: Option<Value>,
    pub doc: Document,
}

impl Named {
    pub fn new(doc: Document) -> Named {
        Named { id: None, doc }
    }
}

/// The annotations that leave gloss: all but rejected suggestions, positions in code points.
fn spans(doc: &Document) -> Vec<ExportAnnotation> {
    json::annotations_in(doc, Unit::CodePoint, false).0
}

fn line(v: &Value) -> String {
    serde_json::to_string(v).expect("JSON serializes")
}

/// Writes `docs` in `format`. Formats for one document (gloss JSON, W3C, brat) take the first.
///
/// # Errors
/// When a one-document format is given several documents.
pub fn serialize(format: Format, docs: &[Named]) -> Result<String> {
    let one = || -> Result<&Named> {
        match docs {
            [d] => Ok(d),
            [] => Err(Error::input("there is no document to export")),
            _ => Err(Error::input(format!("{} holds one document; use jsonl, doccano, labelstudio, prodigy, conll or csv for {}", format.name(), docs.len()))),
        }
    };
    Ok(match format {
        Format::Gloss => {
            let d = one()?;
            let mut e = json::export(&d.doc);
            e.id = d.id.clone();
            serde_json::to_string_pretty(&e).expect("export serializes") + "\n"
        }
        Format::Jsonl => docs
            .iter()
            .map(|d| {
                let mut e = json::export(&d.doc);
                e.id = d.id.clone();
                serde_json::to_string(&e).expect("export serializes") + "\n"
            })
            .collect(),
        Format::W3c => w3c(one()?),
        Format::Doccano => docs.iter().map(|d| line(&doccano(d)) + "\n").collect(),
        Format::LabelStudio => serde_json::to_string_pretty(&Value::Array(docs.iter().map(label_studio).collect())).expect("JSON serializes") + "\n",
        Format::Prodigy => docs.iter().map(|d| line(&prodigy(d)) + "\n").collect(),
        Format::Brat => brat(&one()?.doc),
        Format::Conll => docs.iter().map(|d| conll(&d.doc)).collect(),
        Format::Csv => csv(docs),
        Format::Report => crate::report::report(&one()?.doc),
    })
}

/// Reads `input` in `format`. W3C and brat files hold no text: `text` gives it (the page's
/// current text, or the `.txt` beside the `.ann`).
///
/// # Errors
/// A format that is written only, input that is not that format, spans that do not fit the
/// text, a W3C target whose hash is another text's.
pub fn deserialize(format: Format, input: &str, text: Option<&str>) -> Result<Vec<Named>> {
    let need_text = || text.ok_or_else(|| Error::import(format!("a {} file holds no text: give the text it annotates", format.name())));
    match format {
        Format::Gloss => {
            let v: Value = serde_json::from_str(input).map_err(|e| Error::import(format!("this file is not valid JSON ({e})")))?;
            let id = v.get("id").cloned();
            Ok(vec![Named { id, doc: json::import(input)? }])
        }
        Format::Jsonl => jsonl_lines(input, |v, raw| Ok(Named { id: v.get("id").cloned(), doc: json::import(raw)? })),
        Format::Doccano => jsonl_lines(input, read_doccano),
        Format::LabelStudio => read_label_studio(input),
        Format::W3c => Ok(vec![Named::new(read_w3c(input, need_text()?)?)]),
        Format::Brat => Ok(vec![Named::new(read_brat(input, need_text()?)?)]),
        Format::Prodigy | Format::Conll | Format::Csv | Format::Report => {
            Err(Error::import(format!("gloss writes {} but does not read it; import gloss, jsonl, w3c, doccano, labelstudio or brat", format.name())))
        }
    }
}

fn jsonl_lines(input: &str, mut each: impl FnMut(&Value, &str) -> Result<Named>) -> Result<Vec<Named>> {
    let mut out = Vec::new();
    for (n, raw) in input.lines().enumerate() {
        if raw.trim().is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(raw).map_err(|e| Error::import(format!("line {}: not JSON ({e})", n + 1)))?;
        out.push(each(&v, raw).map_err(|e| Error::import(format!("line {}: {}", n + 1, e.message())))?);
    }
    if out.is_empty() {
        return Err(Error::import("the file holds no documents"));
    }
    Ok(out)
}

fn text_of(v: &Value, key: &str) -> Result<String> {
    v.get(key).and_then(Value::as_str).map(str::to_string).ok_or_else(|| Error::import(format!("no \"{key}\" string")))
}

fn offset(v: &Value, what: &str) -> Result<usize> {
    v.as_u64().map(|n| n as usize).ok_or_else(|| Error::import(format!("{what} must be a whole number, not {v}")))
}

// ---- doccano -------------------------------------------------------------------------------

fn doccano(d: &Named) -> Value {
    let label: Vec<Value> = spans(&d.doc).iter().map(|a| json!([a.start, a.end, a.label.as_str()])).collect();
    let mut o = Map::new();
    if let Some(id) = &d.id {
        o.insert("id".into(), id.clone());
    }
    o.insert("text".into(), Value::String(d.doc.text().to_string()));
    o.insert("label".into(), Value::Array(label));
    Value::Object(o)
}

/// doccano's sequence-labelling line (`label: [[start, end, LABEL]]`) or its relation-project
/// line (`entities: [{start_offset, end_offset, label}]`).
fn read_doccano(v: &Value, _: &str) -> Result<Named> {
    let text = text_of(v, "text")?;
    let mut spans = Vec::new();
    if let Some(list) = v.get("label").and_then(Value::as_array) {
        for (k, l) in list.iter().enumerate() {
            let a = l.as_array().filter(|a| a.len() == 3).ok_or_else(|| Error::import(format!("label {}: expected [start, end, label]", k + 1)))?;
            spans.push(SpanIn { start: offset(&a[0], "start")?, end: offset(&a[1], "end")?, label: a[2].as_str().unwrap_or("").to_string(), ..SpanIn::default() });
        }
    } else if let Some(list) = v.get("entities").and_then(Value::as_array) {
        for e in list {
            spans.push(SpanIn {
                start: offset(e.get("start_offset").unwrap_or(&Value::Null), "start_offset")?,
                end: offset(e.get("end_offset").unwrap_or(&Value::Null), "end_offset")?,
                label: e.get("label").and_then(Value::as_str).unwrap_or("").to_string(),
                ..SpanIn::default()
            });
        }
    } else if v.get("label").is_some() {
        return Err(Error::import("\"label\" must be a list of [start, end, label]"));
    }
    Ok(Named { id: v.get("id").cloned(), doc: json::build_document(text, None, spans)? })
}

// ---- Label Studio --------------------------------------------------------------------------

fn ls_result(a: &ExportAnnotation) -> Value {
    json!({"id": a.id, "from_name": "label", "to_name": "text", "type": "labels", "origin": if a.origin == Origin::Auto { "prediction" } else { "manual" },
           "value": {"start": a.start, "end": a.end, "text": a.quote, "labels": [a.label.as_str()]}})
}

/// One task: suggestions still to review are `predictions`, reviewed spans `annotations`.
fn label_studio(d: &Named) -> Value {
    let all = spans(&d.doc);
    let pending: Vec<Value> = all.iter().filter(|a| a.status == Status::Suggested).map(ls_result).collect();
    let done: Vec<Value> = all.iter().filter(|a| a.status != Status::Suggested).map(ls_result).collect();
    let mut data = Map::new();
    data.insert("text".into(), Value::String(d.doc.text().to_string()));
    if let Some(r) = d.doc.reference_date() {
        data.insert("referenceDate".into(), Value::String(crate::date::iso(r)));
    }
    let mut task = Map::new();
    if let Some(id) = &d.id {
        task.insert("id".into(), id.clone());
    }
    task.insert("data".into(), Value::Object(data));
    task.insert("predictions".into(), json!([{"model_version": concat!("gloss ", env!("CARGO_PKG_VERSION")), "result": pending}]));
    task.insert("annotations".into(), if done.is_empty() { json!([]) } else { json!([{"result": done}]) });
    Value::Object(task)
}

fn read_label_studio(input: &str) -> Result<Vec<Named>> {
    let v: Value = serde_json::from_str(input).map_err(|e| Error::import(format!("this file is not valid JSON ({e})")))?;
    let tasks = match &v {
        Value::Array(a) => a.clone(),
        Value::Object(_) => vec![v.clone()],
        _ => return Err(Error::import("a Label Studio file is a list of tasks")),
    };
    if tasks.is_empty() {
        return Err(Error::import("the file holds no tasks"));
    }
    let mut out = Vec::new();
    for (k, task) in tasks.iter().enumerate() {
        let what = format!("task {}", k + 1);
        let text = task.get("data").and_then(|d| d.get("text")).and_then(Value::as_str).ok_or_else(|| Error::import(format!("{what}: no data.text string")))?;
        let reference = task.get("data").and_then(|d| d.get("referenceDate")).and_then(Value::as_str).map(crate::date::parse_iso).transpose().ok().flatten();
        let mut spans = Vec::new();
        let mut seen = std::collections::HashSet::new();
        // Reviewed results first, so a span both predicted and reviewed keeps the review.
        for (key, status) in [("annotations", Status::Accepted), ("predictions", Status::Suggested)] {
            for group in task.get(key).and_then(Value::as_array).into_iter().flatten() {
                for r in group.get("result").and_then(Value::as_array).into_iter().flatten() {
                    if r.get("type").and_then(Value::as_str).is_some_and(|t| t != "labels") {
                        continue;
                    }
                    let val = r.get("value").ok_or_else(|| Error::import(format!("{what}: a result has no value")))?;
                    let label = val.get("labels").and_then(Value::as_array).and_then(|l| l.first()).and_then(Value::as_str).unwrap_or("").to_string();
                    let (start, end) = (offset(val.get("start").unwrap_or(&Value::Null), "start")?, offset(val.get("end").unwrap_or(&Value::Null), "end")?);
                    if !seen.insert((start, end, label.clone())) {
                        continue;
                    }
                    // Label Studio marks a result kept from a prediction `"origin": "prediction"`.
                    let auto = status == Status::Suggested || r.get("origin").and_then(Value::as_str) == Some("prediction");
                    spans.push(SpanIn {
                        id: r.get("id").and_then(Value::as_str).map(str::to_string),
                        start,
                        end,
                        label,
                        quote: val.get("text").and_then(Value::as_str).map(str::to_string),
                        origin: Some(if auto { Origin::Auto } else { Origin::User }),
                        status: Some(status),
                        ..SpanIn::default()
                    });
                }
            }
        }
        let doc = json::build_document(text.to_string(), reference, spans).map_err(|e| Error::import(format!("{what}: {}", e.message())))?;
        out.push(Named { id: task.get("id").cloned(), doc });
    }
    Ok(out)
}

// ---- Prodigy / spaCy -----------------------------------------------------------------------

fn prodigy(d: &Named) -> Value {
    let spans: Vec<Value> = spans(&d.doc).iter().map(|a| json!({"start": a.start, "end": a.end, "label": a.label.as_str(), "text": a.quote})).collect();
    let mut o = Map::new();
    o.insert("text".into(), Value::String(d.doc.text().to_string()));
    o.insert("spans".into(), Value::Array(spans));
    if let Some(id) = &d.id {
        o.insert("meta".into(), json!({"id": id}));
    }
    Value::Object(o)
}

// ---- W3C Web Annotation --------------------------------------------------------------------

fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// The attributes that travel in a `describing` body.
fn attributes(a: &ExportAnnotation) -> Value {
    let mut o = Map::new();
    o.insert("id".into(), Value::String(a.id.clone()));
    o.insert("origin".into(), json!(a.origin));
    o.insert("status".into(), json!(a.status));
    if let Some(d) = &a.date {
        o.insert("date".into(), json!(d));
    }
    if let Some(c) = &a.casualty {
        o.insert("casualty".into(), json!(c));
    }
    Value::Object(o)
}

fn w3c(d: &Named) -> String {
    let text = d.doc.text();
    let chars: Vec<char> = text.chars().collect();
    let source = format!("urn:sha256:{}", sha256_hex(text));
    let context = |s: usize, e: usize| -> (String, String) {
        (chars[s.saturating_sub(32)..s].iter().collect(), chars[e..(e + 32).min(chars.len())].iter().collect())
    };
    let items: Vec<Value> = spans(&d.doc)
        .iter()
        .map(|a| {
            let (prefix, suffix) = context(a.start, a.end);
            json!({
                "id": format!("#{}", a.id),
                "type": "Annotation",
                "motivation": "classifying",
                "body": [
                    {"type": "TextualBody", "purpose": "tagging", "value": a.label.as_str()},
                    {"type": "TextualBody", "purpose": "describing", "format": "application/json", "value": line(&attributes(a))}
                ],
                "target": {"source": source, "selector": [
                    {"type": "TextQuoteSelector", "exact": a.quote, "prefix": prefix, "suffix": suffix},
                    {"type": "TextPositionSelector", "start": a.start, "end": a.end}
                ]}
            })
        })
        .collect();
    let total = items.len();
    serde_json::to_string_pretty(&json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationCollection",
        "label": "gloss annotations",
        "total": total,
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items}
    }))
    .expect("JSON serializes")
        + "\n"
}

fn read_w3c(input: &str, text: &str) -> Result<Document> {
    let v: Value = serde_json::from_str(input).map_err(|e| Error::import(format!("this file is not valid JSON ({e})")))?;
    let items: Vec<Value> = match v.get("type").and_then(Value::as_str) {
        Some("AnnotationCollection") => v.get("first").and_then(|p| p.get("items")).and_then(Value::as_array).cloned().unwrap_or_default(),
        Some("AnnotationPage") => v.get("items").and_then(Value::as_array).cloned().unwrap_or_default(),
        Some("Annotation") => vec![v.clone()],
        _ if v.is_array() => v.as_array().cloned().unwrap_or_default(),
        _ => return Err(Error::import("this is not a W3C Web Annotation file (an AnnotationCollection, AnnotationPage or Annotation)")),
    };
    let want = format!("urn:sha256:{}", sha256_hex(text));
    let mut spans = Vec::new();
    for (k, item) in items.iter().enumerate() {
        let what = format!("annotation {}", k + 1);
        let target = item.get("target").ok_or_else(|| Error::import(format!("{what}: no target")))?;
        if let Some(src) = target.get("source").and_then(Value::as_str) {
            if src.starts_with("urn:sha256:") && src != want {
                return Err(Error::import(format!("{what}: it annotates another text (its source is {src}, this text is {want})")));
            }
        }
        let selectors: Vec<Value> = match target.get("selector") {
            Some(Value::Array(a)) => a.clone(),
            Some(o @ Value::Object(_)) => vec![o.clone()],
            _ => Vec::new(),
        };
        let find = |t: &str| selectors.iter().find(|s| s.get("type").and_then(Value::as_str) == Some(t));
        let pos = find("TextPositionSelector").ok_or_else(|| Error::import(format!("{what}: no TextPositionSelector")))?;
        let bodies: Vec<Value> = match item.get("body") {
            Some(Value::Array(a)) => a.clone(),
            Some(o @ Value::Object(_)) => vec![o.clone()],
            _ => Vec::new(),
        };
        let body = |p: &str| bodies.iter().find(|b| b.get("purpose").and_then(Value::as_str) == Some(p)).and_then(|b| b.get("value")).and_then(Value::as_str);
        let label = body("tagging").ok_or_else(|| Error::import(format!("{what}: no tagging body with the label")))?;
        let attrs: Value = body("describing").and_then(|s| serde_json::from_str(s).ok()).unwrap_or(Value::Null);
        let date: Option<DateAttrs> = attrs.get("date").map(|d| serde_json::from_value(d.clone())).transpose().map_err(|e| Error::import(format!("{what}: date: {e}")))?;
        let casualty: Option<CasualtyAttrs> = attrs.get("casualty").map(|d| serde_json::from_value(d.clone())).transpose().map_err(|e| Error::import(format!("{what}: casualty: {e}")))?;
        spans.push(SpanIn {
            id: attrs.get("id").and_then(Value::as_str).map(str::to_string),
            label: label.to_string(),
            start: offset(pos.get("start").unwrap_or(&Value::Null), "start")?,
            end: offset(pos.get("end").unwrap_or(&Value::Null), "end")?,
            quote: find("TextQuoteSelector").and_then(|q| q.get("exact")).and_then(Value::as_str).map(str::to_string),
            origin: attrs.get("origin").and_then(|o| serde_json::from_value(o.clone()).ok()),
            status: attrs.get("status").and_then(|o| serde_json::from_value(o.clone()).ok()),
            rule: None,
            date,
            casualty,
        });
    }
    json::build_document(text.to_string(), None, spans)
}

// ---- brat standoff -------------------------------------------------------------------------

/// brat `.ann` text: a `T` line per span (brat counts characters, as gloss does), the casualty
/// category as an `A` attribute, and the other attributes as annotator notes.
fn brat(doc: &Document) -> String {
    let mut out = String::new();
    let (mut attr, mut note) = (0, 0);
    for (k, a) in spans(doc).iter().enumerate() {
        let t = k + 1;
        // A line break inside a span would break the line format: brat writes a space.
        let quote: String = a.quote.chars().map(|c| if c == '\n' || c == '\r' || c == '\t' { ' ' } else { c }).collect();
        out += &format!("T{t}\t{} {} {}\t{quote}\n", a.label.as_str(), a.start, a.end);
        let mut notes = vec![format!("id={}", a.id), format!("status={}", serde_json::to_value(a.status).unwrap().as_str().unwrap_or(""))];
        if let Some(d) = &a.date {
            notes.push(format!("type={}", d.kind));
            notes.push(format!("value={}", d.value));
        }
        if let Some(c) = &a.casualty {
            attr += 1;
            out += &format!("A{attr}\tCategory T{t} {}\n", c.category);
            let n = |v: Option<u64>| v.map_or("null".to_string(), |v| v.to_string());
            notes.push(format!("count={}", n(c.count)));
            notes.push(format!("qualifier={}", c.qualifier));
            notes.push(format!("min={}", n(c.min)));
            notes.push(format!("max={}", n(c.max)));
            if let Some(v) = &c.victims {
                notes.push(format!("victims={}", v.replace(' ', "_")));
            }
        }
        note += 1;
        out += &format!("#{note}\tAnnotatorNotes T{t}\t{}\n", notes.join(" "));
    }
    out
}

fn read_brat(ann: &str, text: &str) -> Result<Document> {
    let mut spans: Vec<(String, SpanIn)> = Vec::new();
    let mut category: Vec<(String, String)> = Vec::new();
    let mut notes: Vec<(String, String)> = Vec::new();
    for (n, raw) in ann.lines().enumerate() {
        let what = format!("line {}", n + 1);
        let l = raw.trim_end_matches('\r');
        if l.trim().is_empty() {
            continue;
        }
        let mut cols = l.splitn(3, '\t');
        let (id, mid, rest) = (cols.next().unwrap_or(""), cols.next().unwrap_or(""), cols.next());
        match id.chars().next() {
            Some('T') => {
                let mut parts = mid.split(' ');
                let label = parts.next().unwrap_or("").to_string();
                let joined = parts.collect::<Vec<_>>().join(" ");
                let loc: Vec<&str> = joined.split(';').collect();
                if loc.len() != 1 {
                    return Err(Error::import(format!("{what}: {id} is a discontinuous span, which gloss does not support")));
                }
                let nums: Vec<&str> = loc[0].split(' ').collect();
                let num = |s: &str| s.parse::<usize>().map_err(|_| Error::import(format!("{what}: {s:?} is not an offset")));
                if nums.len() != 2 {
                    return Err(Error::import(format!("{what}: expected \"LABEL START END\" after {id}")));
                }
                let (start, end) = (num(nums[0])?, num(nums[1])?);
                // The quote in the file has line breaks as spaces: compare with that in mind.
                let quote = rest.map(str::to_string);
                spans.push((id.to_string(), SpanIn { label, start, end, quote, ..SpanIn::default() }));
            }
            Some('A') | Some('M') => {
                let p: Vec<&str> = mid.split(' ').collect();
                if p.len() == 3 && p[0] == "Category" {
                    category.push((p[1].to_string(), p[2].to_string()));
                }
            }
            Some('#') => {
                let p: Vec<&str> = mid.split(' ').collect();
                if p.len() == 2 && p[0] == "AnnotatorNotes" {
                    notes.push((p[1].to_string(), rest.unwrap_or("").to_string()));
                }
            }
            // Relations, events, equivalences, normalizations: not gloss's to keep.
            _ => {}
        }
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(spans.len());
    for (tid, mut s) in spans {
        if let Some(q) = s.quote.take() {
            if s.end <= chars.len() && s.start < s.end {
                let actual: String = chars[s.start..s.end].iter().map(|&c| if c == '\n' || c == '\r' || c == '\t' { ' ' } else { c }).collect();
                if actual != q {
                    return Err(Error::import(format!("{tid}: its text “{q}” does not match the text at {}..{} (“{actual}”)", s.start, s.end)));
                }
            }
        }
        let kv: Vec<(String, String)> = notes
            .iter()
            .filter(|(t, _)| *t == tid)
            .flat_map(|(_, n)| n.split(' ').filter_map(|p| p.split_once('=').map(|(k, v)| (k.to_string(), v.to_string()))).collect::<Vec<_>>())
            .collect();
        let get = |k: &str| kv.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone());
        let num = |k: &str| get(k).and_then(|v| v.parse::<u64>().ok());
        s.id = get("id");
        s.status = get("status").and_then(|v| serde_json::from_value(Value::String(v)).ok());
        if let (Some(kind), Some(value)) = (get("type"), get("value")) {
            s.date = Some(DateAttrs { kind, value });
        }
        if let Some((_, cat)) = category.iter().find(|(t, _)| *t == tid) {
            s.casualty = Some(CasualtyAttrs {
                category: cat.clone(),
                count: num("count"),
                qualifier: get("qualifier").unwrap_or_else(|| "exact".into()),
                min: num("min"),
                max: num("max"),
                victims: get("victims").map(|v| v.replace('_', " ")),
            });
        }
        out.push(s);
    }
    json::build_document(text.to_string(), None, out)
}

// ---- CoNLL-2003 BIO ------------------------------------------------------------------------

fn conll_label(l: Label) -> Option<&'static str> {
    match l {
        Label::Person => Some("PER"),
        Label::Org => Some("ORG"),
        Label::Place => Some("LOC"),
        Label::Group => Some("MISC"),
        Label::Date | Label::Casualty => None,
        // A label the user defined keeps its own name.
        l => Some(l.as_str()),
    }
}

/// One token a line with its BIO tag, a blank line between sentences, names only (CoNLL has
/// no dates or counts); nested names give way to the outermost.
fn conll(doc: &Document) -> String {
    let text = doc.text();
    let names: Vec<&crate::annotation::Annotation> =
        doc.live().filter(|a| conll_label(a.label).is_some()).collect();
    let mut out = String::from("-DOCSTART- -X- O O\n\n");
    for s in &doc.segmentation().sentences {
        if s.tokens.is_empty() {
            continue;
        }
        let mut prev: Option<u32> = None;
        for t in &s.tokens {
            let word: String = text[t.start..t.end].split_whitespace().collect::<Vec<_>>().join("_");
            if word.is_empty() {
                continue;
            }
            // The outermost name covering the token (annotations are sorted by start, longest first).
            let a = names.iter().find(|a| a.start <= t.start && t.end <= a.end);
            let tag = match a {
                Some(a) => {
                    let l = conll_label(a.label).unwrap_or("MISC");
                    let tag = if prev == Some(a.id) { format!("I-{l}") } else { format!("B-{l}") };
                    prev = Some(a.id);
                    tag
                }
                None => {
                    prev = None;
                    "O".into()
                }
            };
            out += &format!("{word} {tag}\n");
        }
        out.push('\n');
    }
    out
}

// ---- CSV -----------------------------------------------------------------------------------

fn csv_field(s: &str) -> String {
    // Quoted when needed; a leading = + - @ is prefixed so spreadsheets do not run it.
    let s = if s.starts_with(['=', '+', '-', '@']) && !s.parse::<f64>().is_ok() { format!("'{s}") } else { s.to_string() };
    if s.contains([',', '"', '\n', '\r']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s }
}

fn csv(docs: &[Named]) -> String {
    let mut out = String::from("document,id,label,start,end,quote,origin,status,entity,date_type,date_value,category,count,qualifier,min,max,victims\n");
    for (k, d) in docs.iter().enumerate() {
        let doc_id = match &d.id {
            Some(Value::String(s)) => s.clone(),
            Some(v) => v.to_string(),
            None => (k + 1).to_string(),
        };
        for a in spans(&d.doc) {
            let n = |v: Option<u64>| v.map_or(String::new(), |v| v.to_string());
            let row = [
                doc_id.clone(),
                a.id.clone(),
                a.label.as_str().to_string(),
                a.start.to_string(),
                a.end.to_string(),
                a.quote.clone(),
                if a.origin == Origin::Auto { "auto".into() } else { "user".into() },
                serde_json::to_value(a.status).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default(),
                a.entity.clone().unwrap_or_default(),
                a.date.as_ref().map(|d| d.kind.clone()).unwrap_or_default(),
                a.date.as_ref().map(|d| d.value.clone()).unwrap_or_default(),
                a.casualty.as_ref().map(|c| c.category.clone()).unwrap_or_default(),
                n(a.casualty.as_ref().and_then(|c| c.count)),
                a.casualty.as_ref().map(|c| c.qualifier.clone()).unwrap_or_default(),
                n(a.casualty.as_ref().and_then(|c| c.min)),
                n(a.casualty.as_ref().and_then(|c| c.max)),
                a.casualty.as_ref().and_then(|c| c.victims.clone()).unwrap_or_default(),
            ];
            out += &row.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(",");
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Edit;

    /// Emoji (a ZWJ family and a flag), Arabic, a combining mark, CRLF: every offset unit differs.
    const TEXT: &str = "👨‍👩‍👧 🇸🇾 Erdogan met Vladimir Putin in Sochi on Saturday.\r\nMore than 900 people were killed in Sweida, café owners said. قال أردوغان إن تركيا";

    fn doc() -> Document {
        let mut d = Document::annotate(TEXT, Some(crate::date::parse_iso("2025-07-20").unwrap()));
        // One decided each way, and an Arabic span by hand.
        let first = d.annotations()[0].id_string();
        d.apply(Edit::Accept { id: first }, Unit::Byte).unwrap();
        let b = TEXT.find("أردوغان").unwrap();
        d.apply(Edit::Add { start: b, end: b + "أردوغان".len(), label: "PERSON".into() }, Unit::Byte).unwrap();
        d
    }

    fn key(d: &Document) -> Vec<(String, Label)> {
        d.live().map(|a| (d.text()[a.start..a.end].to_string(), a.label)).collect()
    }

    /// Every span of a written file, by its code-point offsets, is the text it names.
    fn check_quotes(spans: &[(usize, usize, String)]) {
        let chars: Vec<char> = TEXT.chars().collect();
        assert!(!spans.is_empty());
        for (s, e, q) in spans {
            assert_eq!(&chars[*s..*e].iter().collect::<String>(), q, "{s}..{e}");
        }
    }

    #[test]
    fn names_parse() {
        for f in Format::ALL {
            assert_eq!(Format::parse(f.name()).unwrap(), f);
        }
        assert_eq!(Format::parse("Label-Studio").unwrap(), Format::LabelStudio);
        assert!(Format::parse("docx").unwrap_err().message().contains("use one of"));
    }

    #[test]
    fn importable_formats_round_trip() {
        let d = doc();
        let want = key(&d);
        for f in Format::ALL.into_iter().filter(|f| f.can_import()) {
            let out = serialize(f, &[Named { id: Some(json!("doc-1")), doc: d.clone() }]).unwrap();
            let back = deserialize(f, &out, Some(TEXT)).unwrap_or_else(|e| panic!("{}: {e}\n{out}", f.name()));
            assert_eq!(back.len(), 1, "{}", f.name());
            assert_eq!(key(&back[0].doc), want, "{}", f.name());
            assert_eq!(back[0].doc.text(), TEXT, "{}", f.name());
            // Writing what was read gives the same file.
            let again = serialize(f, &back).unwrap();
            if matches!(f, Format::W3c | Format::Brat | Format::Doccano | Format::LabelStudio) {
                assert_eq!(again, out, "{}", f.name());
            }
        }
    }

    #[test]
    fn attributes_and_review_survive_the_formats_that_carry_them() {
        let d = doc();
        for f in [Format::Gloss, Format::Jsonl, Format::W3c, Format::Brat] {
            let back = &deserialize(f, &serialize(f, &[Named::new(d.clone())]).unwrap(), Some(TEXT)).unwrap()[0].doc;
            for (a, b) in d.live().zip(back.live()) {
                assert_eq!((a.id, a.status, &a.date, &a.casualty), (b.id, b.status, &b.date, &b.casualty), "{}", f.name());
            }
        }
        // Label Studio keeps the review: reviewed in `annotations`, waiting in `predictions`.
        let back = &deserialize(Format::LabelStudio, &serialize(Format::LabelStudio, &[Named::new(d.clone())]).unwrap(), None).unwrap()[0].doc;
        let statuses = |d: &Document| d.live().map(|a| a.status).collect::<Vec<_>>();
        assert_eq!(statuses(back), statuses(&d));
    }

    #[test]
    fn written_offsets_are_code_points_checked_against_their_quotes() {
        let d = [Named::new(doc())];
        let w3c: Value = serde_json::from_str(&serialize(Format::W3c, &d).unwrap()).unwrap();
        let items = w3c["first"]["items"].as_array().unwrap();
        check_quotes(&items.iter().map(|i| {
            let s = &i["target"]["selector"];
            (s[1]["start"].as_u64().unwrap() as usize, s[1]["end"].as_u64().unwrap() as usize, s[0]["exact"].as_str().unwrap().to_string())
        }).collect::<Vec<_>>());
        assert!(items.iter().any(|i| i["target"]["selector"][0]["exact"] == "أردوغان"));
        let brat = serialize(Format::Brat, &d).unwrap();
        check_quotes(&brat.lines().filter(|l| l.starts_with('T')).map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            let p: Vec<&str> = c[1].split(' ').collect();
            (p[1].parse().unwrap(), p[2].parse().unwrap(), c[2].to_string())
        }).collect::<Vec<_>>());
        let doccano: Value = serde_json::from_str(serialize(Format::Doccano, &d).unwrap().trim()).unwrap();
        let chars: Vec<char> = TEXT.chars().collect();
        check_quotes(&doccano["label"].as_array().unwrap().iter().map(|l| {
            let (s, e) = (l[0].as_u64().unwrap() as usize, l[1].as_u64().unwrap() as usize);
            (s, e, chars[s..e].iter().collect())
        }).collect::<Vec<_>>());
        let prodigy: Value = serde_json::from_str(serialize(Format::Prodigy, &d).unwrap().trim()).unwrap();
        check_quotes(&prodigy["spans"].as_array().unwrap().iter().map(|s| (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize, s["text"].as_str().unwrap().to_string())).collect::<Vec<_>>());
        let ls: Value = serde_json::from_str(&serialize(Format::LabelStudio, &d).unwrap()).unwrap();
        let results: Vec<&Value> = ["predictions", "annotations"].iter().flat_map(|k| ls[0][*k].as_array().unwrap().iter().flat_map(|g| g["result"].as_array().unwrap())).collect();
        check_quotes(&results.iter().map(|r| (r["value"]["start"].as_u64().unwrap() as usize, r["value"]["end"].as_u64().unwrap() as usize, r["value"]["text"].as_str().unwrap().to_string())).collect::<Vec<_>>());
    }

    #[test]
    fn rejected_suggestions_are_not_exported() {
        let mut d = doc();
        let putin = d.annotations().iter().find(|a| &TEXT[a.start..a.end] == "Vladimir Putin").unwrap().id_string();
        d.apply(Edit::Reject { id: putin }, Unit::Byte).unwrap();
        for f in Format::ALL {
            let out = serialize(f, &[Named::new(d.clone())]).unwrap();
            assert!(!out.contains("Vladimir Putin\"") && !out.contains("\tVladimir Putin") && !out.contains("Vladimir B-PER"), "{}", f.name());
        }
    }

    #[test]
    fn every_collection_format_takes_several_documents() {
        let docs = [Named::new(doc()), Named::new(Document::annotate("Putin spoke.", None))];
        for f in Format::ALL {
            assert!(serialize(f.for_collection(), &docs).is_ok(), "{}", f.name());
        }
        assert!(serialize(Format::Brat, &docs).unwrap_err().message().contains("holds one document"));
    }

    #[test]
    fn conll_and_csv_shapes() {
        let d = [Named { id: Some(json!("x")), doc: doc() }];
        let conll = serialize(Format::Conll, &d).unwrap();
        assert!(conll.starts_with("-DOCSTART- -X- O O\n\n"));
        assert!(conll.contains("Vladimir B-PER\nPutin I-PER\n"), "{conll}");
        assert!(conll.contains("Sochi B-LOC\n"));
        assert!(conll.contains("أردوغان B-PER\n"));
        let csv = serialize(Format::Csv, &d).unwrap();
        let mut lines = csv.lines();
        assert!(lines.next().unwrap().starts_with("document,id,label,start,end,quote"));
        assert!(csv.contains("x,") && csv.contains(",PLACE,") && csv.contains(",killed,900,moreThan,"), "{csv}");
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("-12"), "-12");
    }

    #[test]
    fn import_errors_are_clear() {
        let cases: Vec<(Format, &str, Option<&str>, &str)> = vec![
            (Format::Doccano, "{\"text\":\"abc\",\"label\":[[0,9,\"ORG\"]]}", None, "line 1: annotation 1: offsets 0..9"),
            (Format::Doccano, "{\"text\":\"abc\",\"label\":[[0,1]]}", None, "expected [start, end, label]"),
            (Format::Doccano, "not json", None, "line 1: not JSON"),
            (Format::LabelStudio, "[{\"data\":{}}]", None, "task 1: no data.text"),
            (Format::LabelStudio, "[{\"data\":{\"text\":\"abc\"},\"annotations\":[{\"result\":[{\"type\":\"labels\",\"value\":{\"start\":0,\"end\":2,\"text\":\"xy\",\"labels\":[\"ORG\"]}}]}]}]", None, "does not match"),
            (Format::W3c, "{\"type\":\"AnnotationCollection\",\"first\":{\"items\":[{\"target\":{\"source\":\"urn:sha256:00\",\"selector\":[]}}]}}", Some("abc"), "another text"),
            (Format::W3c, "{}", Some("abc"), "not a W3C"),
            (Format::W3c, "{}", None, "holds no text"),
            (Format::Brat, "T1\tORG 0 1;2 3\ta b", Some("abcd"), "discontinuous"),
            (Format::Brat, "T1\tORG 0 2\txy", Some("abcd"), "does not match"),
            (Format::Brat, "T1\tTHING! 0 2\tab", Some("abcd"), "unknown label"),
            (Format::Csv, "a,b", None, "does not read it"),
        ];
        for (f, input, text, msg) in cases {
            let err = deserialize(f, input, text).err().unwrap_or_else(|| panic!("{}: {input} imported", f.name()));
            assert!(err.message().contains(msg), "{}: {input}: {err}", f.name());
        }
    }

    #[test]
    fn formats_are_detected_from_name_and_content() {
        let d = [Named::new(doc())];
        for f in Format::ALL.into_iter().filter(|f| f.can_import()) {
            let out = serialize(f, &d).unwrap();
            assert_eq!(detect(&format!("x.{}", f.extension()), &out), f, "{}", f.name());
        }
        assert_eq!(detect("notes.txt", "T1\tORG 0 3\tabc\n"), Format::Brat);
    }

    #[test]
    fn opened_files_are_told_apart() {
        assert_eq!(file_kind("a.TXT", "{}"), "text");
        assert_eq!(file_kind("page.htm", "x"), "html");
        assert_eq!(file_kind("download", "<!DOCTYPE html><p>x"), "html");
        assert_eq!(file_kind("notes", "Putin met Erdogan."), "text");
        assert_eq!(file_kind("export", "{\"format\":\"gloss\",\"version\":1,\"text\":\"x\"}"), "gloss");
        assert_eq!(file_kind("a.jsonl", "{\"text\":\"x\",\"label\":[]}\n"), "doccano");
    }

    #[test]
    fn doccano_relation_projects_and_brat_extras_are_read() {
        let d = deserialize(Format::Doccano, "{\"id\":7,\"text\":\"Putin spoke.\",\"entities\":[{\"id\":1,\"label\":\"PERSON\",\"start_offset\":0,\"end_offset\":5}],\"relations\":[]}", None).unwrap();
        assert_eq!(key(&d[0].doc), vec![("Putin".to_string(), Label::Person)]);
        assert_eq!(d[0].id, Some(json!(7)));
        // Relations and events that gloss does not model are skipped, not refused.
        let d = deserialize(Format::Brat, "T1\tPERSON 0 5\tPutin\nR1\tSays Arg1:T1 Arg2:T1\nE1\tSpeak:T1\n", Some("Putin spoke.")).unwrap();
        assert_eq!(d[0].doc.annotations()[0].status, Status::Accepted);
    }
}
