//! The gloss JSON document of the export contract (annotation-guidelines.md): what the page
//! downloads and the command line prints, and its import with clear messages. Offsets are code
//! points in the file, converted once here.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::annotation::{Annotation, CasualtyAttrs, DateAttrs, Label, LabelDef, Origin, Status};
use crate::cluster;
use crate::date;
use crate::document::Document;
use crate::error::{Error, Result};
use crate::offset::Unit;

pub const FORMAT: &str = "gloss";
pub const VERSION: u64 = 1;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "camelCase")]
pub struct ExportAnnotation {
    pub id: String,
    pub label: Label,
    pub start: usize,
    pub end: usize,
    pub quote: String,
    pub origin: Origin,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<DateAttrs>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub casualty: Option<CasualtyAttrs>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ExportEntity {
    pub id: String,
    pub label: Label,
    pub name: String,
    pub mentions: Vec<String>,
}

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
    /// Per category: the distinct figures, lowest, highest and best estimate (`summary.rs`).
    pub casualty_summary: Vec<crate::summary::CategorySummary>,
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

/// Annotations and entities of `doc` with positions in `unit`, in text order. Rejected
/// suggestions are left out unless `include_rejected`; they never join an entity.
pub fn annotations_in(doc: &Document, unit: Unit, include_rejected: bool) -> (Vec<ExportAnnotation>, Vec<ExportEntity>) {
    // The annotations that count; a copy only when some were rejected.
    let all = doc.annotations();
    let live: std::borrow::Cow<[Annotation]> =
        if all.iter().any(|a| a.status == Status::Rejected) { doc.live().cloned().collect::<Vec<_>>().into() } else { all.into() };
    let (split, merged) = doc.entity_edits();
    let clusters = cluster::clusters_with(doc.text(), &live, split, merged);
    let mut entity_of: std::collections::HashMap<u32, String> = std::collections::HashMap::new();
    let entities = clusters
        .iter()
        .map(|c| {
            // Named by its first annotation, so an edit elsewhere does not rename it.
            let id = format!("e{}", c.mentions.iter().map(|&m| live[m].id).min().unwrap_or(0));
            for &m in &c.mentions {
                entity_of.insert(live[m].id, id.clone());
            }
            ExportEntity { id, label: c.label, name: c.name.clone(), mentions: c.mentions.iter().map(|&m| live[m].id_string()).collect() }
        })
        .collect();
    let map = doc.offsets();
    let out = doc
        .annotations()
        .iter()
        .filter(|a| include_rejected || a.status != Status::Rejected)
        .map(|a| ExportAnnotation {
            id: a.id_string(),
            label: a.label,
            start: map.from_byte(a.start, unit),
            end: map.from_byte(a.end, unit),
            quote: doc.text()[a.start..a.end].to_string(),
            origin: a.origin,
            status: a.status,
            rule: a.rule.clone(),
            entity: entity_of.get(&a.id).cloned(),
            date: a.date.clone(),
            casualty: a.casualty.clone(),
        })
        .collect();
    (out, entities)
}

/// The export document of `doc` (rejected suggestions left out).
pub fn export(doc: &Document) -> ExportDocument {
    export_with(doc, false)
}

/// The export document of `doc`, with the rejected suggestions when asked.
pub fn export_with(doc: &Document, include_rejected: bool) -> ExportDocument {
    let (annotations, entities) = annotations_in(doc, Unit::CodePoint, include_rejected);
    ExportDocument {
        id: None,
        format: FORMAT,
        version: VERSION,
        offset_unit: "codepoint",
        text: doc.text().to_string(),
        reference_date: doc.reference_date().map(date::iso),
        labels: doc.custom_labels().to_vec(),
        annotations,
        entities,
        entity_edits: EntityEdits::of(doc),
        casualty_summary: crate::summary::summarize(doc),
    }
}

/// The form the page keeps a document in: the gloss document with its rejected suggestions,
/// less what an import computes again (quotes, entities, the casualty summary): about half the
/// size, so longer documents fit in the browser's storage.
pub fn save_json(doc: &Document) -> String {
    let mut v = serde_json::to_value(export_with(doc, true)).expect("export serializes");
    if let Value::Object(o) = &mut v {
        o.remove("entities");
        o.remove("casualtySummary");
        if let Some(Value::Array(anns)) = o.get_mut("annotations") {
            for a in anns.iter_mut().filter_map(Value::as_object_mut) {
                a.remove("quote");
                a.remove("entity");
            }
        }
    }
    v.to_string()
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
pub fn import(json: &str) -> Result<Document> {
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
        Some(Value::String(s)) => Some(date::parse_iso(s).map_err(|e| Error::import(format!("referenceDate: {e}")))?),
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

/// A span read from any format, positions in code points, checked by [`build_document`].
#[derive(Debug, Clone, Default)]
pub struct SpanIn {
    pub id: Option<String>,
    pub label: String,
    pub start: usize,
    pub end: usize,
    /// The span's text as the file gives it, checked against the text.
    pub quote: Option<String>,
    pub origin: Option<Origin>,
    pub status: Option<Status>,
    pub rule: Option<String>,
    pub date: Option<DateAttrs>,
    pub casualty: Option<CasualtyAttrs>,
}

/// A document from `text` and spans read from a file, every span checked: a known label,
/// offsets inside the text and on character boundaries, the quote matching, attributes
/// valid, ids unique. Spans without an id get fresh ones.
///
/// # Errors
/// The first span that fails a check, named by its id or position in the file.
pub fn build_document(text: String, user_date: Option<jiff::civil::Date>, spans: Vec<SpanIn>) -> Result<Document> {
    build_document_with(text, user_date, spans, Vec::new())
}

/// [`build_document`] for a file that also defines labels of the user's.
///
/// # Errors
/// As [`build_document`], and label definitions that do not validate; a span whose label is
/// neither built in nor defined.
pub fn build_document_with(text: String, user_date: Option<jiff::civil::Date>, spans: Vec<SpanIn>, labels: Vec<LabelDef>) -> Result<Document> {
    // Labels another tool used that gloss does not know: defined here, with a colour and no key.
    let mut labels = labels;
    for sp in &spans {
        let name = sp.label.trim();
        if Label::parse(name).is_err() && !labels.iter().any(|d| d.name == name) && Label::named(name).is_ok() {
            let palette = ["#0f766e", "#be185d", "#4d7c0f", "#7c3aed", "#b45309", "#0369a1", "#9f1239", "#334155"];
            labels.push(LabelDef { name: name.to_string(), color: palette[labels.len() % palette.len()].to_string(), key: String::new() });
        }
    }
    let mut doc = Document::new(text);
    doc.set_custom_labels(labels.clone()).map_err(|e| Error::import(format!("labels: {e}")))?;
    let map = doc.offsets();
    let len = map.len(Unit::CodePoint);
    let mut anns: Vec<Annotation> = Vec::with_capacity(spans.len());
    let mut seen = std::collections::HashSet::new();
    let mut next_free = spans.len() as u32 + 1;
    for (k, a) in spans.into_iter().enumerate() {
        let what = match &a.id {
            Some(id) => format!("annotation {id}"),
            None => format!("annotation {}", k + 1),
        };
        let label = match Label::parse(&a.label) {
            Ok(l) => l,
            Err(e) if labels.iter().any(|d| d.name == a.label.trim()) => Label::named(&a.label).map_err(|_| Error::import(format!("{what}: {e}")))?,
            Err(e) => return Err(Error::import(format!("{what}: {e}"))),
        };
        if a.start >= a.end || a.end > len {
            return Err(Error::import(format!("{what}: offsets {}..{} are not a span inside the text ({len} code points)", a.start, a.end)));
        }
        let s = map.to_byte(a.start, Unit::CodePoint).map_err(|e| Error::import(format!("{what}: {e}")))?;
        let e = map.to_byte(a.end, Unit::CodePoint).map_err(|e| Error::import(format!("{what}: {e}")))?;
        if let Some(q) = &a.quote {
            if *q != doc.text()[s..e] {
                return Err(Error::import(format!("{what}: its quote “{q}” does not match the text at {}..{} (“{}”)", a.start, a.end, &doc.text()[s..e])));
            }
        }
        let id = match a.id.as_deref().and_then(|i| i.strip_prefix('a')).and_then(|n| n.parse::<u32>().ok()) {
            Some(n) if n < 100_000 => n,
            _ => {
                next_free += 1;
                next_free + 100_000
            }
        };
        if !seen.insert(id) {
            return Err(Error::import(format!("{what}: the id is used twice")));
        }
        if let Some(d) = &a.date {
            d.validate().map_err(|e| Error::import(format!("{what}: {e}")))?;
        }
        if let Some(c) = &a.casualty {
            c.validate().map_err(|e| Error::import(format!("{what}: {e}")))?;
        }
        anns.push(Annotation {
            id,
            label,
            start: s,
            end: e,
            origin: a.origin.unwrap_or(Origin::User),
            // Files without review states: the machine's annotations still wait for review.
            status: a.status.unwrap_or(if a.origin == Some(Origin::Auto) { Status::Suggested } else { Status::Accepted }),
            rule: a.rule,
            date: if label == Label::Date { a.date } else { None },
            casualty: if label == Label::Casualty { a.casualty } else { None },
        });
    }
    let text = doc.text().to_string();
    Ok(Document::from_parts(text, user_date, anns, labels))
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
        Document::annotate("👨‍👩‍👧 Erdogan met Vladimir Putin in Sochi on Saturday; more than 900 people were killed. قال أردوغان", Some(date::parse_iso("2025-07-20").unwrap()))
    }

    #[test]
    fn export_round_trip() {
        let doc = sample();
        let json = to_json(&doc);
        let back = import(&json).unwrap();
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
        let back = import(&saved).unwrap();
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
            let err = import(&json).err().unwrap_or_else(|| panic!("{name}: imported"));
            assert!(err.message().contains(msg), "{name}: {err}");
        }
    }

    #[test]
    fn import_ignores_unknown_keys_and_keeps_user_edits() {
        let json = r#"{"format":"gloss","version":1,"offsetUnit":"codepoint","text":"é Putin spoke","future":true,
            "annotations":[{"id":"a7","label":"PERSON","start":2,"end":7,"quote":"Putin","origin":"user","extra":1}]}"#;
        let doc = import(json).unwrap();
        let a = &doc.annotations()[0];
        assert_eq!((a.id, &doc.text()[a.start..a.end], a.origin), (7, "Putin", Origin::User));
    }
}
