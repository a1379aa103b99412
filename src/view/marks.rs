//! The highlights as the page draws them: each annotation's id, its span in UTF-16 units, its
//! label (an index into a table of label names) and its state (review status, and whether the
//! user made or changed it), in flat arrays.

use crate::annotation::{Annotation, Origin, Status};
use crate::document::Document;
use crate::text::offset::Unit;

/// The state's review status (its two low bits).
pub const SUGGESTED: u8 = 0;
pub const ACCEPTED: u8 = 1;
pub const REJECTED: u8 = 2;
/// Set in the state when the user made or changed the annotation.
pub const USER: u8 = 4;

/// The review statuses by their code in a mark's state.
pub const STATUSES: [&str; 3] = ["suggested", "accepted", "rejected"];

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marks {
    /// The label names the marks' `label` indexes point into.
    pub labels: Vec<String>,
    pub id: Vec<u32>,
    pub start: Vec<u32>,
    pub end: Vec<u32>,
    pub label: Vec<u16>,
    pub state: Vec<u8>,
}

impl Marks {
    pub fn len(&self) -> usize {
        self.id.len()
    }

    pub fn is_empty(&self) -> bool {
        self.id.is_empty()
    }
}

/// The marks of `anns`, annotations of `doc`.
pub fn marks<'a>(doc: &Document, anns: impl IntoIterator<Item = &'a Annotation>) -> Marks {
    let map = doc.offsets();
    let mut m = Marks::default();
    for a in anns {
        let name = a.label.as_str();
        let label = match m.labels.iter().position(|l| l == name) {
            Some(i) => i,
            None => {
                m.labels.push(name.to_string());
                m.labels.len() - 1
            }
        };
        let status = match a.status {
            Status::Suggested => SUGGESTED,
            Status::Accepted => ACCEPTED,
            Status::Rejected => REJECTED,
        };
        m.id.push(a.id);
        m.start.push(map.from_byte(a.start, Unit::Utf16) as u32);
        m.end.push(map.from_byte(a.end, Unit::Utf16) as u32);
        m.label.push(label as u16);
        m.state.push(status | if a.origin == Origin::User { USER } else { 0 });
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Edit;

    #[test]
    fn marks_carry_utf16_spans_labels_and_states() {
        let text = "🎉 Erdogan met Vladimir Putin in Sochi.";
        let mut doc = crate::annotate_dated(text, None);
        let putin = doc.annotations().iter().find(|a| &text[a.start..a.end] == "Vladimir Putin").unwrap().id_string();
        doc.apply(Edit::Reject { id: putin.clone() }, Unit::Utf16).unwrap();
        let m = marks(&doc, doc.annotations());
        assert_eq!(m.len(), doc.annotations().len());
        let k = m.id.iter().position(|&i| format!("a{i}") == putin).unwrap();
        assert_eq!((m.start[k], m.end[k]), (15, 29), "🎉 is two UTF-16 units");
        assert_eq!(m.labels[m.label[k] as usize], "PERSON");
        assert_eq!(m.state[k], REJECTED);
        let b = doc.annotations()[0].id_string();
        doc.apply(Edit::Relabel { id: b, label: "ORG".into() }, Unit::Utf16).unwrap();
        let m = marks(&doc, doc.annotations());
        assert_eq!(m.state[0], ACCEPTED | USER);
        assert_eq!(STATUSES[(m.state[k] & 3) as usize], "rejected");
    }
}
