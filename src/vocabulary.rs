//! The words the page needs from the core, so it repeats none of them: the labels and their
//! keys, the TimeML date types, the casualty categories and qualifiers, the review statuses of
//! the marks, the formats (what each is called, its extension and media type, whether gloss
//! reads it, what a collection of documents is written in, whether a file of it brings its
//! own text), and the longest text the page takes.

use serde::Serialize;

use crate::annotation::{CATEGORIES, DATE_TYPES, Label, QUALIFIERS, RESERVED_KEYS, SCOPES};
use crate::format::Format;
use crate::view::{limit, marks};

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FormatInfo {
    pub name: &'static str,
    pub title: &'static str,
    pub extension: &'static str,
    pub mime: &'static str,
    pub reads: bool,
    pub collection: &'static str,
    pub needs_text: bool,
}

#[derive(Debug, Serialize)]
pub struct LabelInfo {
    pub name: &'static str,
    pub key: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Vocabulary {
    pub labels: Vec<LabelInfo>,
    pub date_types: &'static [&'static str],
    pub categories: &'static [&'static str],
    pub qualifiers: &'static [&'static str],
    /// What a casualty figure counts: the incident reported, a cumulative total, a background one.
    pub scopes: &'static [&'static str],
    pub statuses: &'static [&'static str],
    /// Keys the page keeps for itself (a label of the user's cannot take them).
    pub reserved_keys: &'static str,
    pub formats: Vec<FormatInfo>,
    /// The longest text the page annotates, in bytes of UTF-8.
    pub page_limit: usize,
}

pub fn vocabulary() -> Vocabulary {
    Vocabulary {
        labels: Label::ALL.iter().enumerate().map(|(k, l)| LabelInfo { name: l.as_str(), key: (k + 1).to_string() }).collect(),
        date_types: &DATE_TYPES,
        categories: &CATEGORIES,
        qualifiers: &QUALIFIERS,
        scopes: &SCOPES,
        statuses: &marks::STATUSES,
        reserved_keys: RESERVED_KEYS,
        formats: Format::ALL
            .iter()
            .map(|&f| FormatInfo { name: f.name(), title: f.title(), extension: f.extension(), mime: f.mime(), reads: f.can_import(), collection: f.for_collection().name(), needs_text: f.needs_text() })
            .collect(),
        page_limit: limit::PAGE_LIMIT,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vocabulary_names_every_format_and_label() {
        let v = vocabulary();
        assert_eq!(v.labels.len(), 6);
        assert_eq!(v.labels[0].key, "1");
        assert_eq!(v.formats.len(), Format::ALL.len());
        let brat = v.formats.iter().find(|f| f.name == "brat").unwrap();
        assert!(brat.needs_text && brat.reads && brat.collection == "jsonl");
        let csv = v.formats.iter().find(|f| f.name == "csv").unwrap();
        assert_eq!((csv.mime, csv.reads), ("text/csv", false));
    }
}
