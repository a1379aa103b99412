//! The one way into a document from any file: spans read by an importer, each checked (a known
//! label or one the file defines, offsets inside the text and on character boundaries, the
//! quote matching the text, valid attributes, unique ids) before a document is made.

use jiff::civil::Date;

use crate::annotation::{Annotation, CasualtyAttrs, DateAttrs, Label, LabelDef, Origin, Status};
use crate::document::Document;
use crate::error::{Error, Result};
use crate::text::offset::Unit;

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
pub fn build_document(text: String, user_date: Option<Date>, spans: Vec<SpanIn>) -> Result<Document> {
    build_document_with(text, user_date, spans, Vec::new())
}

/// [`build_document`] for a file that also defines labels of the user's.
///
/// # Errors
/// As [`build_document`], and label definitions that do not validate; a span whose label is
/// neither built in nor defined.
pub fn build_document_with(text: String, user_date: Option<Date>, spans: Vec<SpanIn>, labels: Vec<LabelDef>) -> Result<Document> {
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
