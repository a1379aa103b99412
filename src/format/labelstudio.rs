//! Label Studio tasks: `data.text`, suggestions still to review in `predictions`, reviewed
//! spans in `annotations`, each result a `labels` value with start, end and text.

use serde_json::{Map, Value, json};

use super::{Named, offset, spans};
use super::build::{SpanIn, build_document};
use crate::annotation::{Origin, Status};
use crate::document::export::ExportAnnotation;
use crate::error::{Error, Result};

pub(super) fn ls_result(a: &ExportAnnotation) -> Value {
    json!({"id": a.id, "from_name": "label", "to_name": "text", "type": "labels", "origin": if a.origin == Origin::Auto { "prediction" } else { "manual" },
           "value": {"start": a.start, "end": a.end, "text": a.quote, "labels": [a.label.as_str()]}})
}

/// One task: suggestions still to review are `predictions`, reviewed spans `annotations`.
pub fn serialize(d: &Named) -> Value {
    let all = spans(&d.doc);
    let pending: Vec<Value> = all.iter().filter(|a| a.status == Status::Suggested).map(ls_result).collect();
    let done: Vec<Value> = all.iter().filter(|a| a.status != Status::Suggested).map(ls_result).collect();
    let mut data = Map::new();
    data.insert("text".into(), Value::String(d.doc.text().to_string()));
    if let Some(r) = d.doc.reference_date() {
        data.insert("referenceDate".into(), Value::String(crate::text::calendar::iso(r)));
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

pub fn parse(input: &str) -> Result<Vec<Named>> {
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
        let date = task.get("data").and_then(|d| d.get("referenceDate")).and_then(Value::as_str);
        let reference = crate::text::calendar::parse_reference(date).map_err(|e| Error::import(format!("{what}: referenceDate: {e}")))?;
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
        let doc = build_document(text.to_string(), reference, spans).map_err(|e| Error::import(format!("{what}: {}", e.message())))?;
        out.push(Named { id: task.get("id").cloned(), doc });
    }
    Ok(out)
}
