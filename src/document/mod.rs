//! The document being annotated: the text, its annotations with stable ids and origins, the
//! reference date, and every edit a user can make, validated and undoable (`edit`), the
//! caret's steps and search (`caret`), the journal replayed after a reload (`journal`), the
//! annotations and entities as they leave the core (`export`) and the casualty table and
//! timeline (`summary`). Positions are bytes here; callers give and get other units through
//! [`crate::text::offset`]. The document never starts recognition: its callers run the
//! pipeline and hand it the proposals ([`Document::suggest`]).

mod caret;
mod edit;
pub mod export;
pub mod handover;
mod journal;
pub mod reanchor;
pub mod summary;
#[cfg(test)]
mod tests;

use std::sync::OnceLock;

use jiff::civil::Date;
use serde::Serialize;

pub use self::edit::{Edge, Edit};
use crate::annotation::{Annotation, Candidate, Label, LabelDef, Origin, Status};
use crate::error::{Error, Result};
use crate::recognize::date;
use crate::text::offset::OffsetMap;
use crate::text::segment::{self, Segmentation};

/// Where the reference date for relative dates comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ReferenceSource {
    /// Given by the user (or by an imported file).
    User,
    /// A dateline or date line found in the text.
    Dateline,
    /// None known: relative dates keep `X` in their values.
    None,
}

/// The part of a document that edits change and undo restores (compared whole by tests
/// and the fuzzers: an undo must give back exactly the state before).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State {
    annotations: Vec<Annotation>,
    next_id: u32,
    user_date: Option<Date>,
    /// Labels the user defined, in the order of definition.
    labels: Vec<LabelDef>,
    /// Mentions the user split out of their entity (annotation ids).
    split: Vec<u32>,
    /// Pairs of mentions whose entities the user merged.
    merged: Vec<(u32, u32)>,
}

/// A document. Its segmentation, position tables and dateline are computed when first asked
/// for: a document handed over by the page's worker, or read from a file, is ready before
/// anything has to read its text again.
#[derive(Debug, Clone)]
pub struct Document {
    text: String,
    offsets: OnceLock<OffsetMap>,
    seg: OnceLock<Segmentation>,
    dateline: OnceLock<Option<Date>>,
    state: State,
    undo: Vec<State>,
    redo: Vec<State>,
}

impl Document {
    /// A document with no annotations.
    pub fn new(text: impl Into<String>) -> Document {
        Document::dated(text, None)
    }

    /// A document with no annotations and `user_date` as the user's reference date (else a
    /// dateline found in the text is used).
    pub fn dated(text: impl Into<String>, user_date: Option<Date>) -> Document {
        Document {
            text: text.into(),
            offsets: OnceLock::new(),
            seg: OnceLock::new(),
            dateline: OnceLock::new(),
            state: State { annotations: Vec::new(), next_id: 1, user_date, labels: Vec::new(), split: Vec::new(), merged: Vec::new() },
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }

    /// Adds the recognizers' proposals (byte spans of the text, as the pipeline gives them) as
    /// suggestions waiting for review, with fresh ids. Not an edit: nothing to undo.
    pub fn suggest(&mut self, found: Vec<Candidate>) {
        for c in found {
            let id = self.state.next_id;
            self.state.next_id += 1;
            self.state.annotations.push(Annotation {
                id,
                label: c.label,
                start: c.start,
                end: c.end,
                origin: Origin::Auto,
                status: Status::Suggested,
                rule: Some(c.rule.to_string()),
                date: c.date,
                casualty: c.casualty,
            });
        }
        self.sort();
    }

    pub(crate) fn from_parts(text: String, user_date: Option<Date>, annotations: Vec<Annotation>, labels: Vec<LabelDef>) -> Document {
        let mut doc = Document::new(text);
        doc.state.labels = labels;
        doc.state.next_id = annotations.iter().map(|a| a.id + 1).max().unwrap_or(1);
        doc.state.annotations = annotations;
        doc.state.user_date = user_date;
        doc.sort();
        doc
    }

    pub fn text(&self) -> &str {
        &self.text
    }
    /// The position tables (built on first use).
    pub fn offsets(&self) -> &OffsetMap {
        self.offsets.get_or_init(|| OffsetMap::new(&self.text))
    }
    /// Blocks, sentences and tokens (segmented on first use).
    pub fn segmentation(&self) -> &Segmentation {
        self.seg.get_or_init(|| segment::segment(&self.text))
    }
    /// A date written near the top of the text (found on first use).
    pub fn dateline(&self) -> Option<Date> {
        *self.dateline.get_or_init(|| date::find_dateline(&self.text, self.segmentation()))
    }
    pub fn annotations(&self) -> &[Annotation] {
        &self.state.annotations
    }
    /// The annotations that count: all but the rejected ones.
    pub fn live(&self) -> impl Iterator<Item = &Annotation> {
        self.state.annotations.iter().filter(|a| a.status != Status::Rejected)
    }

    /// How many annotations wait for review, and how many were accepted and rejected.
    pub fn review_counts(&self) -> (usize, usize, usize) {
        let n = |s: Status| self.state.annotations.iter().filter(|a| a.status == s).count();
        (n(Status::Suggested), n(Status::Accepted), n(Status::Rejected))
    }

    /// The next annotation in text order after `from` (or the first), or the previous one
    /// when `backwards`; with `pending`, only suggestions still waiting for review. Wraps
    /// around the ends.
    pub fn next_in_review(&self, from: Option<&str>, backwards: bool, pending: bool) -> Option<String> {
        let list: Vec<&Annotation> = self.state.annotations.iter().filter(|a| !pending || a.status == Status::Suggested).collect();
        if list.is_empty() {
            return None;
        }
        let here = from.and_then(|id| self.index_of(id).ok()).map(|i| &self.state.annotations[i]);
        let key = |a: &Annotation| (a.start, std::cmp::Reverse(a.end), a.id);
        let pick = match (here, backwards) {
            (None, false) => list.first(),
            (None, true) => list.last(),
            (Some(h), false) => list.iter().find(|a| key(a) > key(h)).or(list.first()),
            (Some(h), true) => list.iter().rev().find(|a| key(a) < key(h)).or(list.last()),
        };
        pick.map(|a| a.id_string())
    }
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The reference date in use: the user's, else the text's dateline.
    pub fn reference_date(&self) -> Option<Date> {
        self.state.user_date.or_else(|| self.dateline())
    }

    pub fn reference_source(&self) -> ReferenceSource {
        match self.state.user_date {
            Some(_) => ReferenceSource::User,
            None if self.dateline().is_some() => ReferenceSource::Dateline,
            None => ReferenceSource::None,
        }
    }

    pub fn user_date(&self) -> Option<Date> {
        self.state.user_date
    }

    /// The labels the user defined.
    pub fn custom_labels(&self) -> &[LabelDef] {
        &self.state.labels
    }

    /// The user's corrections to entities: mentions split out, mentions merged.
    pub fn entity_edits(&self) -> (&[u32], &[(u32, u32)]) {
        (&self.state.split, &self.state.merged)
    }

    /// Restores entity corrections read from a file (ids that no longer exist are dropped).
    pub(crate) fn set_entity_edits(&mut self, split: Vec<u32>, merged: Vec<(u32, u32)>) {
        let known = |id: &u32| self.state.annotations.iter().any(|a| a.id == *id);
        self.state.split = split.into_iter().filter(known).collect();
        self.state.merged = merged.into_iter().filter(|(a, b)| known(a) && known(b)).collect();
    }

    /// Gives a new document the user's labels without making it an edit to undo (the page
    /// keeps the user's labels across documents).
    ///
    /// # Errors
    /// The first definition that does not validate; then none is applied.
    pub fn set_custom_labels(&mut self, labels: Vec<LabelDef>) -> Result<()> {
        check_labels(&labels)?;
        self.state.labels = labels;
        Ok(())
    }

    /// The label named `name` if it is built in or defined in this document.
    fn label_named(&self, name: &str) -> Result<Label> {
        if let Ok(l) = Label::parse(name) {
            return Ok(l);
        }
        match self.state.labels.iter().find(|d| d.name == name.trim()) {
            Some(d) => Label::named(&d.name).map_err(|e| Error::edit(e.message())),
            None => {
                let mut names: Vec<&str> = Label::ALL.iter().map(|l| l.as_str()).collect();
                names.extend(self.state.labels.iter().map(|d| d.name.as_str()));
                Err(Error::edit(format!("unknown label {name:?}: use one of {}, or define it first", names.join(", "))))
            }
        }
    }

    fn sort(&mut self) {
        self.state.annotations.sort_by_key(|a| (a.start, std::cmp::Reverse(a.end), a.id));
    }

    fn index_of(&self, id: &str) -> Result<usize> {
        let n: Option<u32> = id.strip_prefix('a').and_then(|n| n.parse().ok());
        n.and_then(|n| self.state.annotations.iter().position(|a| a.id == n))
            .ok_or_else(|| Error::edit(format!("no annotation with id {id:?}")))
    }

    /// The state edits change and undo restores.
    pub fn state(&self) -> &State {
        &self.state
    }

    /// Checks what must hold whatever was done to the document, here and in its undo and
    /// redo history: every span inside the text, on character boundaries and not empty;
    /// annotations in text order; ids unique and below the next id; labels known; entity
    /// edits naming annotations that exist. Used by the property tests and the fuzzers.
    ///
    /// # Errors
    /// The first broken rule, in words.
    pub fn check(&self) -> std::result::Result<(), String> {
        for (k, st) in std::iter::once(&self.state).chain(&self.undo).chain(&self.redo).enumerate() {
            let mut ids = std::collections::HashSet::new();
            for (i, a) in st.annotations.iter().enumerate() {
                let at = format!("state {k}, annotation a{}", a.id);
                if a.start >= a.end || a.end > self.text.len() {
                    return Err(format!("{at}: span {}..{} outside the text of {} bytes or empty", a.start, a.end, self.text.len()));
                }
                if !self.text.is_char_boundary(a.start) || !self.text.is_char_boundary(a.end) {
                    return Err(format!("{at}: span {}..{} not on character boundaries", a.start, a.end));
                }
                if !ids.insert(a.id) || a.id >= st.next_id {
                    return Err(format!("{at}: id repeated or not below the next id {}", st.next_id));
                }
                if !a.label.is_builtin() && !st.labels.iter().any(|d| d.name == a.label.as_str()) {
                    return Err(format!("{at}: label {} is not defined", a.label.as_str()));
                }
                if i > 0 && (st.annotations[i - 1].start, std::cmp::Reverse(st.annotations[i - 1].end)) > (a.start, std::cmp::Reverse(a.end)) {
                    return Err(format!("{at}: out of text order"));
                }
            }
            if st.split.iter().chain(st.merged.iter().flat_map(|(a, b)| [a, b])).any(|id| !ids.contains(id)) {
                return Err(format!("state {k}: an entity edit names an annotation that is gone"));
            }
        }
        Ok(())
    }

    /// Whether the user has changed what the machine suggested (an edit, a review, an entity
    /// split or merge): what annotating the text again would throw away.
    pub fn has_user_work(&self) -> bool {
        self.can_undo()
            || !self.state.split.is_empty()
            || !self.state.merged.is_empty()
            || self.state.annotations.iter().any(|a| a.origin == Origin::User || a.status != Status::Suggested)
    }

    /// Undoes the last edit; false when there is none.
    pub fn undo(&mut self) -> bool {
        match self.undo.pop() {
            Some(s) => {
                self.redo.push(std::mem::replace(&mut self.state, s));
                true
            }
            None => false,
        }
    }

    /// Redoes the last undone edit; false when there is none.
    pub fn redo(&mut self) -> bool {
        match self.redo.pop() {
            Some(s) => {
                self.undo.push(std::mem::replace(&mut self.state, s));
                true
            }
            None => false,
        }
    }
}

/// Checks a set of user labels: each valid, names and keys unique.
fn check_labels(labels: &[LabelDef]) -> Result<()> {
    for (k, d) in labels.iter().enumerate() {
        d.validate()?;
        if let Some(o) = labels[..k].iter().find(|o| o.name == d.name || (!d.key.is_empty() && o.key == d.key)) {
            return Err(Error::input(if o.name == d.name { format!("the label {} is defined twice", d.name) } else { format!("the key {:?} is already {}'s", d.key, o.name) }));
        }
    }
    Ok(())
}

