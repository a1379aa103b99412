//! W3C Web Annotation: an `AnnotationCollection` whose items target the text by
//! `TextQuoteSelector` and `TextPositionSelector`, the source named by the text's SHA-256, the
//! label in a `tagging` body and the other attributes in a `describing` body.

use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};

use super::{Named, line, offset, spans};
use super::build::{SpanIn, build_document};
use crate::annotation::{CasualtyAttrs, DateAttrs};
use crate::document::Document;
use crate::document::export::ExportAnnotation;
use crate::error::{Error, Result};

pub(super) fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// The attributes that travel in a `describing` body.
pub(super) fn attributes(a: &ExportAnnotation) -> Value {
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

pub fn serialize(d: &Named) -> String {
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

pub fn parse(input: &str, text: &str) -> Result<Document> {
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
    build_document(text.to_string(), None, spans)
}
