//! Adapters to the files of neighbouring tools (`../shared/spec/interop-formats.md`), one file
//! each with `serialize` and, where gloss reads the format, `parse`: gloss JSON and JSONL, W3C
//! Web Annotation, doccano, Label Studio, Prodigy/spaCy, brat standoff, CoNLL-2003 BIO, CSV and
//! the HTML report. Every adapter counts code points and carries the span's text where the
//! format has room for it; every importer checks spans through [`build::build_document`], so a
//! bad file gives a clear message and no document.

pub mod brat;
pub mod build;
pub mod conll;
pub mod csv;
pub mod doccano;
pub mod gloss;
pub mod labelstudio;
pub mod prodigy;
pub mod report;
#[cfg(test)]
mod tests;
pub mod w3c;

use serde_json::Value;

use crate::document::Document;
use crate::document::export::ExportAnnotation;
use crate::error::{Error, Result};
use crate::text::offset::Unit;

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

    /// What the format is called where people choose it.
    pub fn title(self) -> &'static str {
        match self {
            Format::Gloss => "gloss JSON",
            Format::Jsonl => "gloss JSONL",
            Format::W3c => "W3C Web Annotation",
            Format::Doccano => "doccano JSONL",
            Format::LabelStudio => "Label Studio",
            Format::Prodigy => "Prodigy / spaCy",
            Format::Brat => "brat .ann",
            Format::Conll => "CoNLL-2003 BIO",
            Format::Csv => "CSV",
            Format::Report => "Report to share (HTML)",
        }
    }

    /// The media type of a download.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Gloss | Format::W3c | Format::LabelStudio => "application/json",
            Format::Jsonl | Format::Doccano | Format::Prodigy => "application/x-ndjson",
            Format::Brat | Format::Conll => "text/plain",
            Format::Csv => "text/csv",
            Format::Report => "text/html",
        }
    }

    /// Whether a file of this format holds no text of its own: it annotates a text given
    /// beside it (the page's current text, brat's `.txt`).
    pub fn needs_text(self) -> bool {
        matches!(self, Format::W3c | Format::Brat)
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

/// A download's file name for the article `text`: its first line (the headline) as words joined
/// by hyphens, lower case, at most 60 characters (letters of any script kept; `untitled` when it
/// has none), then `what` (`-casualties`), the article's date when it has one, and `extension`:
/// `drone-strike-on-mosque-kills-31-2025-03-16.ann`.
pub fn file_name(text: &str, date: Option<&str>, what: &str, extension: &str) -> String {
    let first = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
    let mut slug = String::new();
    for word in first.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        let word = word.to_lowercase();
        if slug.chars().count() + word.chars().count() + 1 > 60 {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(&word);
    }
    if slug.is_empty() {
        slug.push_str("untitled");
    }
    let date = date.map(|d| format!("-{d}")).unwrap_or_default();
    format!("{slug}{what}{date}.{extension}")
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
    doc.exported(Unit::CodePoint, false).0
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
            let mut e = gloss::export(&d.doc);
            e.id = d.id.clone();
            serde_json::to_string_pretty(&e).expect("export serializes") + "\n"
        }
        Format::Jsonl => docs
            .iter()
            .map(|d| {
                let mut e = gloss::export(&d.doc);
                e.id = d.id.clone();
                serde_json::to_string(&e).expect("export serializes") + "\n"
            })
            .collect(),
        Format::W3c => w3c::serialize(one()?),
        Format::Doccano => docs.iter().map(|d| line(&doccano::serialize(d)) + "\n").collect(),
        Format::LabelStudio => serde_json::to_string_pretty(&Value::Array(docs.iter().map(labelstudio::serialize).collect())).expect("JSON serializes") + "\n",
        Format::Prodigy => docs.iter().map(|d| line(&prodigy::serialize(d)) + "\n").collect(),
        Format::Brat => brat::serialize(&one()?.doc),
        Format::Conll => docs.iter().map(|d| conll::serialize(&d.doc)).collect(),
        Format::Csv => csv::serialize(docs),
        Format::Report => report::serialize(&one()?.doc),
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
            Ok(vec![Named { id, doc: gloss::parse(input)? }])
        }
        Format::Jsonl => jsonl_lines(input, |v, raw| Ok(Named { id: v.get("id").cloned(), doc: gloss::parse(raw)? })),
        Format::Doccano => jsonl_lines(input, doccano::parse),
        Format::LabelStudio => labelstudio::parse(input),
        Format::W3c => Ok(vec![Named::new(w3c::parse(input, need_text()?)?)]),
        Format::Brat => Ok(vec![Named::new(brat::parse(input, need_text()?)?)]),
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

