//! doccano JSONL: `{"text", "label": [[start, end, LABEL]]}` a line (sequence labelling), and
//! the `entities` form of its relation projects on import.

use serde_json::{Map, Value, json};

use super::{Named, offset, spans, text_of};
use super::build::{SpanIn, build_document};
use crate::error::{Error, Result};

pub fn serialize(d: &Named) -> Value {
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
pub fn parse(v: &Value, _: &str) -> Result<Named> {
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
    Ok(Named { id: v.get("id").cloned(), doc: build_document(text, None, spans)? })
}
