//! The whole first pass on a text: the recognizers' proposals (the pipeline) opened as a
//! document of suggestions. What the command line, the binding and scripts call; the document
//! itself never starts recognition.

use jiff::civil::Date;

use crate::document::Document;
use crate::error::Result;
use crate::recognize::pipeline;
use crate::text::calendar;

/// Annotates `text`, with relative dates resolved against `reference` (`YYYY-MM-DD`, or empty
/// for none), else a dateline found in the text.
///
/// # Errors
/// When `reference` is not a date in the form `YYYY-MM-DD`.
///
/// # Examples
/// ```
/// let doc = gloss::annotate("Erdogan met Vladimir Putin in Sochi on Saturday.", Some("2025-07-20")).unwrap();
/// let json = gloss::format::gloss::to_json(&doc);
/// assert!(json.contains("\"quote\":\"Vladimir Putin\""));
/// assert!(json.contains("\"value\":\"2025-07-19\""));
/// ```
pub fn annotate(text: &str, reference: Option<&str>) -> Result<Document> {
    Ok(annotate_dated(text, calendar::parse_reference(reference)?))
}

/// [`annotate`] with the reference date already parsed.
pub fn annotate_dated(text: impl Into<String>, reference: Option<Date>) -> Document {
    annotate_with(text, reference, &mut |_| {})
}

/// [`annotate_dated`], telling `progress` the share of the work done (0 to 1) now and then, for
/// a progress bar on long texts.
pub fn annotate_with(text: impl Into<String>, reference: Option<Date>, progress: &mut dyn FnMut(f64)) -> Document {
    let mut doc = Document::dated(text, reference);
    let found = pipeline::recognize_with(doc.text(), doc.segmentation(), doc.reference_date(), progress);
    doc.suggest(found);
    doc
}
