//! Prodigy / spaCy JSONL: `{"text", "spans": [{start, end, label, text}]}` a line, what
//! spaCy's `Doc.char_span` reads (written only).

use serde_json::{Map, Value, json};

use super::{Named, spans};

pub fn serialize(d: &Named) -> Value {
    let spans: Vec<Value> = spans(&d.doc).iter().map(|a| json!({"start": a.start, "end": a.end, "label": a.label.as_str(), "text": a.quote})).collect();
    let mut o = Map::new();
    o.insert("text".into(), Value::String(d.doc.text().to_string()));
    o.insert("spans".into(), Value::Array(spans));
    if let Some(id) = &d.id {
        o.insert("meta".into(), json!({"id": id}));
    }
    Value::Object(o)
}
