//! What the page's worker hands to the page after annotating a long text: the suggestions in
//! flat arrays (ids, byte spans, label and rule indexes: typed arrays in the browser, which
//! cross between threads without copying or parsing), the few attributes of dates and counts as
//! small structured values, and the dateline the worker read. The page opens the same text with
//! them ([`Document::adopt`]) without segmenting or annotating it again.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{Document, State};
use crate::annotation::{Annotation, CasualtyAttrs, DateAttrs, Label, LabelDef, Origin, Status};
use crate::error::{Error, Result};
use crate::text::calendar;

/// The attributes of one suggestion, by its index in the [`Handover`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attrs {
    pub at: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<DateAttrs>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub casualty: Option<CasualtyAttrs>,
}

/// A document's suggestions, as the worker hands them over.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Handover {
    /// Ids and byte spans of the suggestions, in text order.
    pub id: Vec<u32>,
    pub start: Vec<u32>,
    pub end: Vec<u32>,
    /// Each suggestion's label, as an index into `labels`, and its rule, into `rules`.
    pub label: Vec<u16>,
    pub rule: Vec<u16>,
    pub labels: Vec<String>,
    pub rules: Vec<String>,
    /// The attributes of dates and casualty counts.
    pub attrs: Vec<Attrs>,
    /// The date written near the top of the text (`YYYY-MM-DD`), if any.
    pub dateline: Option<String>,
}

/// The index of `name` in `table`, added when missing.
fn index_in(table: &mut Vec<String>, name: &str) -> u16 {
    match table.iter().position(|n| n == name) {
        Some(i) => i as u16,
        None => {
            table.push(name.to_string());
            (table.len() - 1) as u16
        }
    }
}

impl Document {
    /// The suggestions of a freshly annotated document, for [`Document::adopt`].
    pub fn handover(&self) -> Handover {
        let mut h = Handover { dateline: self.dateline().map(calendar::iso), ..Handover::default() };
        for (k, a) in self.state.annotations.iter().enumerate() {
            h.id.push(a.id);
            h.start.push(a.start as u32);
            h.end.push(a.end as u32);
            h.label.push(index_in(&mut h.labels, a.label.as_str()));
            h.rule.push(index_in(&mut h.rules, a.rule.as_deref().unwrap_or("")));
            if a.date.is_some() || a.casualty.is_some() {
                h.attrs.push(Attrs { at: k as u32, date: a.date.clone(), casualty: a.casualty.clone() });
            }
        }
        h
    }

    /// A fresh document of `text` holding the suggestions a worker found in the same text, with
    /// `user_date` as the user's reference date and `labels` as the user's own labels. Nothing
    /// is read from the text again: its segmentation waits until something needs it.
    ///
    /// # Errors
    /// When the arrays disagree in length, a span is out of the text or not on character
    /// boundaries, an index or label is unknown, ids repeat, or the dateline is not a date:
    /// nothing is taken then.
    pub fn adopt(text: impl Into<String>, user_date: Option<Date>, h: Handover, labels: Vec<LabelDef>) -> Result<Document> {
        let bad = |m: String| Error::input(format!("bad suggestions: {m}"));
        let n = h.id.len();
        if [h.start.len(), h.end.len(), h.label.len(), h.rule.len()].iter().any(|&l| l != n) {
            return Err(bad("the arrays differ in length".into()));
        }
        let text = text.into();
        let dateline = calendar::parse_reference(h.dateline.as_deref()).map_err(|e| bad(e.to_string()))?;
        let mut attrs: Vec<(Option<DateAttrs>, Option<CasualtyAttrs>)> = vec![(None, None); n];
        for a in h.attrs {
            let slot = attrs.get_mut(a.at as usize).ok_or_else(|| bad(format!("attributes for suggestion {} of {n}", a.at)))?;
            *slot = (a.date, a.casualty);
        }
        let labels_known: Vec<Label> = h.labels.iter().map(|l| Label::named(l)).collect::<Result<_>>()?;
        let mut annotations = Vec::with_capacity(n);
        let mut seen = std::collections::HashSet::with_capacity(n);
        for (k, (date, casualty)) in attrs.into_iter().enumerate() {
            let (s, e) = (h.start[k] as usize, h.end[k] as usize);
            if s >= e || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
                return Err(bad(format!("suggestion {}: span {s}..{e} does not fit the text", k + 1)));
            }
            if !seen.insert(h.id[k]) || h.id[k] == 0 {
                return Err(bad(format!("suggestion {}: id {} repeated", k + 1, h.id[k])));
            }
            let label = *labels_known.get(h.label[k] as usize).ok_or_else(|| bad(format!("suggestion {}: no label {}", k + 1, h.label[k])))?;
            let rule = h.rules.get(h.rule[k] as usize).ok_or_else(|| bad(format!("suggestion {}: no rule {}", k + 1, h.rule[k])))?;
            annotations.push(Annotation {
                id: h.id[k],
                label,
                start: s,
                end: e,
                origin: Origin::Auto,
                status: Status::Suggested,
                rule: Some(rule.clone()).filter(|r| !r.is_empty()),
                date,
                casualty,
            });
        }
        let next_id = annotations.iter().map(|a| a.id + 1).max().unwrap_or(1);
        let mut doc = Document::dated(text, user_date);
        doc.dateline = dateline.into();
        doc.state = State { annotations, next_id, ..doc.state };
        doc.set_custom_labels(labels)?;
        doc.sort();
        Ok(doc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "🎉 19 July 2025\nErdogan met Vladimir Putin in Sochi on Saturday. More than 900 people have been killed.";

    #[test]
    fn adopting_what_a_worker_handed_over_gives_the_same_document() {
        let a = crate::annotate_dated(TEXT, None);
        let b = Document::adopt(TEXT, None, a.handover(), Vec::new()).unwrap();
        assert_eq!(a.state, b.state);
        assert_eq!(a.reference_date(), b.reference_date());
        assert!(b.seg.get().is_none(), "adopting does not segment the text");
        assert_eq!(crate::format::gloss::to_json(&a), crate::format::gloss::to_json(&b));
        // Bad hand-overs are refused whole.
        let good = a.handover();
        let cases: Vec<(&str, Box<dyn Fn(&mut Handover)>)> = vec![
            ("lengths", Box::new(|h| h.end.pop().map(|_| ()).unwrap_or(()))),
            ("out of the text", Box::new(|h| h.end[0] = 9999)),
            ("inside a character", Box::new(|h| h.start[0] = 1)),
            ("empty", Box::new(|h| h.end[0] = h.start[0])),
            ("label", Box::new(|h| h.label[0] = 99)),
            ("rule", Box::new(|h| h.rule[0] = 99)),
            ("repeated id", Box::new(|h| h.id[1] = h.id[0])),
            ("attributes", Box::new(|h| h.attrs[0].at = 9999)),
            ("dateline", Box::new(|h| h.dateline = Some("July".into()))),
            ("label name", Box::new(|h| h.labels[0] = "not a label!".into())),
        ];
        for (name, spoil) in cases {
            let mut h = good.clone();
            spoil(&mut h);
            assert!(Document::adopt(TEXT, None, h, Vec::new()).is_err(), "{name}");
        }
    }
}
