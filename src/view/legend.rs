//! The legend: each label with its key, how many annotations carry it, and its colours, computed
//! so that text on a highlight stays readable in both themes.

use serde::Serialize;

use crate::annotation::Label;
use crate::color::{self, BUILTIN};
use crate::document::Document;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LabelCount {
    pub label: Label,
    /// The key that applies it (`1`–`6` for the built-in ones; may be empty).
    pub key: String,
    pub count: usize,
    /// Defined by the user (can be changed and deleted).
    pub custom: bool,
    /// The base colour, and highlight colours for both themes that keep text readable.
    pub color: String,
    pub theme: crate::color::Theme,
}

/// The built-in labels (keys 1–6), then the user's, with how many annotations that count
/// (rejected suggestions do not) carry each.
pub fn labels(doc: &Document) -> Vec<LabelCount> {
    let count = |label: Label| doc.live().filter(|a| a.label == label).count();
    let mut labels: Vec<LabelCount> = Label::ALL
        .iter()
        .enumerate()
        .map(|(k, &label)| {
            let base = BUILTIN[k];
            LabelCount { label, key: (k + 1).to_string(), count: count(label), custom: false, color: base.hex(), theme: color::theme(base) }
        })
        .collect();
    for d in doc.custom_labels() {
        let (Ok(label), Ok(base)) = (Label::named(&d.name), color::parse_hex(&d.color)) else { continue };
        labels.push(LabelCount { label, key: d.key.clone(), count: count(label), custom: true, color: base.hex(), theme: color::theme(base) });
    }
    labels
}
