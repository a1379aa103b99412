//! The whole first pass on a text: the recognizers' proposals (the pipeline) opened as a
//! document of suggestions. What the command line, the binding and scripts call; the document
//! itself never starts recognition.

use jiff::civil::Date;

use crate::document::Document;
use crate::error::Result;
use crate::recognize::pipeline::{self, Part};
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

/// A text whose first pass is under way in two threads: this one holds the document and the
/// part of the sentences it read, until the other brings the rest.
pub struct FirstHalf {
    doc: Document,
    part: Part,
    /// The other thread reads the second half (else this one read everything).
    split: bool,
}

impl FirstHalf {
    /// Reads the first half of `text`'s sentences (or all of them, without `split`), telling
    /// `progress` the share done.
    pub fn begin(text: impl Into<String>, reference: Option<Date>, split: bool, progress: &mut dyn FnMut(f64)) -> FirstHalf {
        let doc = Document::dated(text, reference);
        let part = if split {
            half(&doc, 0, progress)
        } else {
            pipeline::part(doc.text(), doc.segmentation(), doc.reference_date(), 0..doc.segmentation().sentences.len(), progress)
        };
        FirstHalf { doc, part, split }
    }

    /// The document with its suggestions, from this half and the other thread's (`None` when
    /// this one read everything, or when the other failed: the rest is read here then).
    pub fn end(self, second: Option<Part>) -> Document {
        let FirstHalf { mut doc, part, split } = self;
        let parts = match (split, second) {
            (false, _) => vec![part],
            (true, Some(s)) => vec![part, s],
            (true, None) => {
                let rest = half(&doc, 1, &mut |_| {});
                vec![part, rest]
            }
        };
        let found = pipeline::finish(doc.text(), parts);
        doc.suggest(found);
        doc
    }
}

/// Half `which` (0 or 1) of the first pass on `doc`'s text, for two threads sharing it (see
/// [`pipeline::halves`]); [`FirstHalf::end`] puts the halves together.
pub fn half(doc: &Document, which: usize, progress: &mut dyn FnMut(f64)) -> Part {
    let sentences = pipeline::halves(doc.segmentation(), doc.text().len())[which.min(1)].clone();
    pipeline::part(doc.text(), doc.segmentation(), doc.reference_date(), sentences, progress)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_halves_joined_give_what_one_pass_gives() {
        let example = include_str!("../../shared/examples/syria-two-articles.txt");
        let news = "Putin met Erdogan in Sochi on Saturday. That year was hard. Two people were killed in Gaza.\n\nPutin left. The following month, 12 people were wounded.";
        for text in [example, news, "", "One sentence only."] {
            let reference = crate::text::calendar::parse_iso("2025-07-20").ok();
            let whole = annotate_dated(text, reference);
            // The second half crosses as JSON, as between the page's two workers.
            let other = half(&Document::dated(text, reference), 1, &mut |_| {});
            let second: Part = serde_json::from_str(&serde_json::to_string(&other).unwrap()).unwrap();
            let doc = FirstHalf::begin(text, reference, true, &mut |_| {}).end(Some(second));
            assert_eq!(crate::format::gloss::to_json(&doc), crate::format::gloss::to_json(&whole), "{text}");
            // Begun here and ended with the other half, or without it (read here after all),
            // or read whole here: the same.
            let other = half(&Document::dated(text, reference), 1, &mut |_| {});
            for (split, second) in [(true, Some(other)), (true, None), (false, None)] {
                let d = FirstHalf::begin(text, reference, split, &mut |_| {}).end(second);
                assert_eq!(crate::format::gloss::to_json(&d), crate::format::gloss::to_json(&whole), "{text}");
            }
        }
    }
}
