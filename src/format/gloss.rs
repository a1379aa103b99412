//! The gloss JSON document of the export contract (annotation-guidelines.md): what the page
//! downloads and the command line prints, and its import with clear messages. Offsets are code
//! points in the file, converted once here.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::build::{SpanIn, build_document_with};
use crate::annotation::{CasualtyAttrs, DateAttrs, Label, LabelDef, Origin, Status};
use crate::document::Document;
use crate::document::export::{ExportAnnotation, ExportEntity};
use crate::document::summary::{self, CasualtySummary};
use crate::error::{Error, Result};
use crate::text::calendar;
use crate::text::offset::Unit;

pub const FORMAT: &str = "gloss";
pub const VERSION: u64 = 1;

#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ExportDocument {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<Value>,
    pub format: &'static str,
    pub version: u64,
    pub offset_unit: &'static str,
    pub text: String,
    pub reference_date: Option<String>,
    /// Labels the user defined (name, colour, key); the six built-in ones are not listed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<LabelDef>,
    pub annotations: Vec<ExportAnnotation>,
    pub entities: Vec<ExportEntity>,
    /// The user's corrections to entities, kept so a reload or import gives the same entities.
    #[serde(skip_serializing_if = "EntityEdits::is_empty")]
    pub entity_edits: EntityEdits,
    /// Per incident and category the distinct figures, lowest, highest and best estimate, the
    /// article's totals and the cumulative figures apart (`summary.rs`).
    pub casualty_summary: CasualtySummary,
}

/// Mentions split out of their entity and pairs merged, by annotation id.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
pub struct EntityEdits {
    #[serde(default)]
    pub split: Vec<String>,
    #[serde(default)]
    pub merged: Vec<(String, String)>,
}

impl EntityEdits {
    pub fn is_empty(&self) -> bool {
        self.split.is_empty() && self.merged.is_empty()
    }
    fn of(doc: &Document) -> EntityEdits {
        let (s, m) = doc.entity_edits();
        EntityEdits { split: s.iter().map(|i| format!("a{i}")).collect(), merged: m.iter().map(|(a, b)| (format!("a{a}"), format!("a{b}"))).collect() }
    }
}

/// The export document of `doc` (rejected suggestions left out).
pub fn export(doc: &Document) -> ExportDocument {
    export_with(doc, false)
}

/// The export document of `doc`, with the rejected suggestions when asked.
pub fn export_with(doc: &Document, include_rejected: bool) -> ExportDocument {
    let (annotations, entities) = doc.exported(Unit::CodePoint, include_rejected);
    ExportDocument {
        id: None,
        format: FORMAT,
        version: VERSION,
        offset_unit: "codepoint",
        text: doc.text().to_string(),
        reference_date: doc.reference_date().map(calendar::iso),
        labels: doc.custom_labels().to_vec(),
        annotations,
        entities,
        entity_edits: EntityEdits::of(doc),
        casualty_summary: summary::summary(doc),
    }
}

/// An annotation as the page keeps it: no quote, no entity (an import computes both again).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SavedAnnotation<'a> {
    id: String,
    label: Label,
    start: usize,
    end: usize,
    origin: Origin,
    status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a DateAttrs>,
    #[serde(skip_serializing_if = "Option::is_none")]
    casualty: Option<&'a CasualtyAttrs>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Saved<'a> {
    format: &'static str,
    version: u64,
    offset_unit: &'static str,
    text: &'a str,
    reference_date: Option<String>,
    #[serde(skip_serializing_if = "<[LabelDef]>::is_empty")]
    labels: &'a [LabelDef],
    annotations: Vec<SavedAnnotation<'a>>,
    #[serde(skip_serializing_if = "EntityEdits::is_empty")]
    entity_edits: EntityEdits,
}

/// The form the page keeps a document in: the gloss document with its rejected suggestions,
/// less what an import computes again (quotes, entities, the casualty summary): about half the
/// size, so longer documents fit in the browser's storage. Written straight from the document.
pub fn save_json(doc: &Document) -> String {
    let map = doc.offsets();
    let cp = |b: usize| map.from_byte(b, Unit::CodePoint);
    let saved = Saved {
        format: FORMAT,
        version: VERSION,
        offset_unit: "codepoint",
        text: doc.text(),
        reference_date: doc.reference_date().map(calendar::iso),
        labels: doc.custom_labels(),
        annotations: doc
            .annotations()
            .iter()
            .map(|a| SavedAnnotation { id: a.id_string(), label: a.label, start: cp(a.start), end: cp(a.end), origin: a.origin, status: a.status, rule: a.rule.as_deref(), date: a.date.as_ref(), casualty: a.casualty.as_ref() })
            .collect(),
        entity_edits: EntityEdits::of(doc),
    };
    serde_json::to_string(&saved).expect("the saved form serializes")
}

pub fn to_json(doc: &Document) -> String {
    serde_json::to_string(&export(doc)).expect("export serializes")
}

fn field<'a>(obj: &'a serde_json::Map<String, Value>, key: &str, what: &str) -> Result<&'a Value> {
    obj.get(key).ok_or_else(|| Error::import(format!("{what} has no \"{key}\"")))
}

/// Reads a gloss JSON export. Unknown keys are ignored; a newer version is refused.
///
/// # Errors
/// Text that is not JSON, not a gloss document, a newer version, or annotations with bad
/// labels, offsets out of range, quotes that do not match the text, or duplicate ids.
pub fn parse(json: &str) -> Result<Document> {
    let value: Value = serde_json::from_str(json).map_err(|e| Error::import(format!("this file is not valid JSON ({e})")))?;
    let obj = value.as_object().ok_or_else(|| Error::import("this file is not a gloss document: expected a JSON object"))?;
    match obj.get("format").and_then(Value::as_str) {
        Some(FORMAT) => {}
        Some(other) => return Err(Error::import(format!("this is a {other:?} file, not a gloss document (\"format\": \"gloss\")"))),
        None => return Err(Error::import("this file is not a gloss document: it has no \"format\": \"gloss\"")),
    }
    let version = field(obj, "version", "the document")?.as_u64().ok_or_else(|| Error::import("\"version\" must be a whole number"))?;
    if version > VERSION {
        return Err(Error::import(format!("this document was made by a newer gloss (version {version}); this one reads version {VERSION}")));
    }
    if let Some(unit) = obj.get("offsetUnit") {
        if unit.as_str() != Some("codepoint") {
            return Err(Error::import(format!("offsetUnit {unit} is not supported: gloss documents count code points")));
        }
    }
    let text = field(obj, "text", "the document")?.as_str().ok_or_else(|| Error::import("\"text\" must be a string"))?.to_string();
    let user_date = match obj.get("referenceDate") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => calendar::parse_reference(Some(s)).map_err(|e| Error::import(format!("referenceDate: {e}")))?,
        Some(other) => return Err(Error::import(format!("referenceDate must be a date string or null, not {other}"))),
    };
    let list = match obj.get("annotations") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(a)) => a.clone(),
        Some(_) => return Err(Error::import("\"annotations\" must be a list")),
    };
    let mut spans = Vec::with_capacity(list.len());
    for (k, v) in list.into_iter().enumerate() {
        let a: ExportAnnotationIn = serde_json::from_value(v).map_err(|e| Error::import(format!("annotation {}: {e}", k + 1)))?;
        spans.push(SpanIn {
            id: a.id,
            label: a.label,
            start: a.start,
            end: a.end,
            quote: a.quote,
            origin: a.origin,
            status: a.status,
            rule: a.rule,
            date: a.date,
            casualty: a.casualty,
        });
    }
    let labels: Vec<LabelDef> = match obj.get("labels") {
        None | Some(Value::Null) => Vec::new(),
        Some(v) => serde_json::from_value(v.clone()).map_err(|e| Error::import(format!("\"labels\": {e}")))?,
    };
    let edits: EntityEdits = match obj.get("entityEdits") {
        None | Some(Value::Null) => EntityEdits::default(),
        Some(v) => serde_json::from_value(v.clone()).map_err(|e| Error::import(format!("\"entityEdits\": {e}")))?,
    };
    let mut doc = build_document_with(text, user_date, spans, labels)?;
    let num = |s: &str| s.strip_prefix('a').and_then(|n| n.parse::<u32>().ok());
    doc.set_entity_edits(edits.split.iter().filter_map(|s| num(s)).collect(), edits.merged.iter().filter_map(|(a, b)| Some((num(a)?, num(b)?))).collect());
    Ok(doc)
}

/// The documents the page keeps (a JSON list of stored gloss documents), each named by its
/// `id` or, without one, by its place in the list.
///
/// # Errors
/// Text that is not a JSON list, or a document that does not import, named by its place.
pub fn parse_list(json: &str) -> Result<Vec<super::Named>> {
    let list: Vec<Value> = serde_json::from_str(json).map_err(|e| Error::import(format!("bad document list: {e}")))?;
    list.into_iter()
        .enumerate()
        .map(|(k, v)| {
            let id = v.get("id").cloned().or_else(|| Some(Value::from(k + 1)));
            let doc = parse(&v.to_string()).map_err(|e| Error::import(format!("document {}: {e}", k + 1)))?;
            Ok(super::Named { id, doc })
        })
        .collect()
}

/// An annotation as read from a file: lenient where the contract allows.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ExportAnnotationIn {
    id: Option<String>,
    label: String,
    start: usize,
    end: usize,
    quote: Option<String>,
    origin: Option<Origin>,
    status: Option<Status>,
    rule: Option<String>,
    date: Option<DateAttrs>,
    casualty: Option<CasualtyAttrs>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Document {
        crate::annotate_dated("👨‍👩‍👧 Erdogan met Vladimir Putin in Sochi on Saturday; more than 900 people were killed. قال أردوغان", Some(calendar::parse_iso("2025-07-20").unwrap()))
    }

    #[test]
    fn export_round_trip() {
        let doc = sample();
        let json = to_json(&doc);
        let back = parse(&json).unwrap();
        assert_eq!(to_json(&back), json);
        let v: Value = serde_json::from_str(&json).unwrap();
        let text: Vec<char> = v["text"].as_str().unwrap().chars().collect();
        for a in v["annotations"].as_array().unwrap() {
            let (s, e) = (a["start"].as_u64().unwrap() as usize, a["end"].as_u64().unwrap() as usize);
            assert_eq!(text[s..e].iter().collect::<String>(), a["quote"].as_str().unwrap());
        }
        assert_eq!(v["format"], "gloss");
        assert_eq!(v["offsetUnit"], "codepoint");
        assert_eq!(v["referenceDate"], "2025-07-20");
    }

    #[test]
    fn the_saved_form_is_smaller_and_comes_back_the_same() {
        let mut doc = crate::annotate("🎉 Erdogan met Vladimir Putin in Sochi on Saturday. More than 900 people have been killed.", Some("2025-07-20")).unwrap();
        let id = doc.annotations()[1].id_string();
        doc.apply(crate::Edit::Reject { id }, Unit::Utf16).unwrap();
        let saved = save_json(&doc);
        let full = serde_json::to_string(&export_with(&doc, true)).unwrap();
        assert!(saved.len() * 10 < full.len() * 7, "{} against {}", saved.len(), full.len());
        let back = parse(&saved).unwrap();
        assert_eq!(serde_json::to_string(&export_with(&back, true)).unwrap(), full);
    }

    #[test]
    fn import_errors() {
        let good = to_json(&sample());
        let cases: Vec<(&str, String, &str)> = vec![
            ("not json", "{\"format\": \"gloss\",".into(), "not valid JSON"),
            ("not an object", "[1, 2]".into(), "expected a JSON object"),
            ("other format", r#"{"format":"brat","version":1,"text":"x"}"#.into(), "not a gloss document"),
            ("newer version", good.replace("\"version\":1", "\"version\":2"), "newer gloss"),
            ("no text", r#"{"format":"gloss","version":1}"#.into(), "no \"text\""),
            ("bad label", r#"{"format":"gloss","version":1,"text":"abc","annotations":[{"label":"THING!","start":0,"end":1}]}"#.into(), "unknown label"),
            ("out of range", r#"{"format":"gloss","version":1,"text":"abc","annotations":[{"label":"ORG","start":1,"end":9}]}"#.into(), "not a span inside"),
            ("quote mismatch", r#"{"format":"gloss","version":1,"text":"abc","annotations":[{"label":"ORG","start":0,"end":2,"quote":"bc"}]}"#.into(), "does not match"),
            ("duplicate ids", r#"{"format":"gloss","version":1,"text":"abc","annotations":[{"id":"a1","label":"ORG","start":0,"end":1},{"id":"a1","label":"ORG","start":1,"end":2}]}"#.into(), "used twice"),
            ("bad date", r#"{"format":"gloss","version":1,"text":"abc","referenceDate":"July 20"}"#.into(), "YYYY-MM-DD"),
            ("bad casualty", r#"{"format":"gloss","version":1,"text":"abc","annotations":[{"label":"CASUALTY","start":0,"end":1,"casualty":{"category":"eaten","count":1,"qualifier":"exact","min":null,"max":null,"victims":null}}]}"#.into(), "category"),
        ];
        for (name, json, msg) in cases {
            let err = parse(&json).err().unwrap_or_else(|| panic!("{name}: imported"));
            assert!(err.message().contains(msg), "{name}: {err}");
        }
    }

    #[test]
    fn a_list_of_kept_documents_reads_back_with_ids() {
        let one = save_json(&sample());
        let list = format!(r#"[{}, {{"id": "d7", {}]"#, one, &one[1..]);
        let docs = parse_list(&list).unwrap();
        assert_eq!((docs[0].id.clone(), docs[1].id.clone()), (Some(Value::from(1)), Some(Value::from("d7"))));
        assert_eq!(to_json(&docs[1].doc), to_json(&sample()));
        assert!(parse_list("{}").unwrap_err().message().contains("bad document list"));
        assert!(parse_list(r#"[{"format":"gloss","version":1}]"#).unwrap_err().message().contains("document 1"));
    }

    #[test]
    fn import_ignores_unknown_keys_and_keeps_user_edits() {
        let json = r#"{"format":"gloss","version":1,"offsetUnit":"codepoint","text":"é Putin spoke","future":true,
            "annotations":[{"id":"a7","label":"PERSON","start":2,"end":7,"quote":"Putin","origin":"user","extra":1}]}"#;
        let doc = parse(json).unwrap();
        let a = &doc.annotations()[0];
        assert_eq!((a.id, &doc.text()[a.start..a.end], a.origin), (7, "Putin", Origin::User));
    }
}
