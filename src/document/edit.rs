//! Every edit a user can make, as the page and tests send it (JSON with an `op` key), checked
//! and applied all or nothing, with undo and redo; a date or casualty span the user marks gets
//! its attributes read from the text.

use serde::{Deserialize, Serialize};

use super::{Document, check_labels};
use crate::annotation::{Annotation, CasualtyAttrs, DateAttrs, Label, LabelDef, Origin, Status};
use crate::error::{Error, Result};
use crate::recognize::{casualty, date};
use crate::text::calendar;
use crate::text::offset::Unit;

/// Which end of a span an edit moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Edge {
    Start,
    End,
}

/// An edit, as the page and tests send it (JSON with an `op` key, camelCase); written back in
/// the same form (the page's journal, the fuzzers).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "camelCase", deny_unknown_fields)]
pub enum Edit {
    Add { start: usize, end: usize, label: String },
    Remove { id: String },
    Relabel { id: String, label: String },
    Resize { id: String, start: usize, end: usize },
    /// Moves one edge of a span by one word: `by` is -1 (left) or 1 (right).
    Nudge { id: String, edge: Edge, by: i32 },
    SetDate {
        id: String,
        #[serde(rename = "type")]
        kind: String,
        value: String,
    },
    SetCasualty {
        id: String,
        category: String,
        count: Option<u64>,
        qualifier: String,
        min: Option<u64>,
        max: Option<u64>,
        victims: Option<String>,
        /// A new scope, or the figure's own when absent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        scope: Option<String>,
        /// A new incident, or the figure's own when absent (an empty string: none).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        incident: Option<String>,
    },
    SetReferenceDate { date: Option<String> },
    /// The reviewer keeps a suggestion as it is.
    Accept { id: String },
    /// The reviewer turns a suggestion down: it stays in the document (and can be accepted
    /// again) but leaves the entities, summaries and export.
    Reject { id: String },
    /// Defines a label of the user's (or changes its colour and key).
    DefineLabel { name: String, color: String, key: String },
    /// Removes a label of the user's that no annotation uses.
    DeleteLabel { name: String },
    /// Puts the entities of two mentions together.
    MergeEntities { a: String, b: String },
    /// Takes a mention out of its entity, to stand alone.
    SplitMention { id: String },
}

impl Document {
    /// Checks a span given in `unit` and returns it in bytes, trimmed of surrounding spaces.
    fn span(&self, start: usize, end: usize, unit: Unit, skip: Option<u32>) -> Result<(usize, usize)> {
        if start >= end {
            return Err(Error::edit("the span is empty: select some text first"));
        }
        let (s, e) = (self.offsets().to_byte(start, unit)?, self.offsets().to_byte(end, unit)?);
        let inner = &self.text[s..e];
        let trimmed = inner.trim();
        if trimmed.is_empty() {
            return Err(Error::edit("the span holds only spaces: select a word"));
        }
        let s = s + (inner.len() - inner.trim_start().len());
        let e = s + trimmed.len();
        for a in self.state.annotations.iter().filter(|a| Some(a.id) != skip) {
            let crosses = a.start < e && s < a.end && !(a.start <= s && e <= a.end) && !(s <= a.start && a.end <= e);
            if crosses {
                return Err(Error::edit(format!(
                    "the span overlaps {} ({} “{}”) without containing it: resize or delete that one first",
                    a.id_string(),
                    a.label.as_str(),
                    &self.text[a.start..a.end]
                )));
            }
        }
        Ok((s, e))
    }

    fn attrs_for(&self, label: Label, start: usize, end: usize) -> (Option<DateAttrs>, Option<CasualtyAttrs>) {
        match label {
            Label::Date => (Some(date::resolve_span(&self.text, start, end, self.reference_date())), None),
            Label::Casualty => (None, Some(casualty::infer(&self.text, self.segmentation(), start, end))),
            _ => (None, None),
        }
    }

    /// Applies an edit given with positions in `unit`. On error nothing changes.
    ///
    /// # Errors
    /// Empty or whitespace-only spans, offsets out of bounds or inside a character, spans that
    /// cross another annotation, unknown ids or labels, invalid attributes.
    pub fn apply(&mut self, edit: Edit, unit: Unit) -> Result<Option<String>> {
        let before = self.state.clone();
        let mut created = None;
        match edit {
            Edit::Add { start, end, label } => {
                let label = self.label_named(&label)?;
                let (s, e) = self.span(start, end, unit, None)?;
                if self.state.annotations.iter().any(|a| a.start == s && a.end == e && a.label == label) {
                    return Err(Error::edit(format!("“{}” is already annotated as {}", &self.text[s..e], label.as_str())));
                }
                let (date, casualty) = self.attrs_for(label, s, e);
                let id = self.state.next_id;
                self.state.next_id += 1;
                self.state.annotations.push(Annotation { id, label, start: s, end: e, origin: Origin::User, status: Status::Accepted, rule: None, date, casualty });
                created = Some(format!("a{id}"));
            }
            Edit::Remove { id } => {
                let i = self.index_of(&id)?;
                let gone = self.state.annotations.remove(i).id;
                // The user's entity edits about it go with it.
                self.state.split.retain(|&x| x != gone);
                self.state.merged.retain(|&(a, b)| a != gone && b != gone);
            }
            Edit::Relabel { id, label } => {
                let i = self.index_of(&id)?;
                let label = self.label_named(&label)?;
                let a = &self.state.annotations[i];
                if a.label == label {
                    return Ok(None);
                }
                let (date, casualty) = self.attrs_for(label, a.start, a.end);
                let a = &mut self.state.annotations[i];
                a.label = label;
                a.date = date;
                a.casualty = casualty;
                corrected(a);
            }
            Edit::Resize { id, start, end } => {
                let i = self.index_of(&id)?;
                let span = self.span(start, end, unit, Some(self.state.annotations[i].id))?;
                self.move_to(i, span);
            }
            Edit::Nudge { id, edge, by } => {
                let i = self.index_of(&id)?;
                let a = &self.state.annotations[i];
                let (s, e) = self.nudged(a.start, a.end, edge, by)?;
                let span = self.span(s, e, Unit::Byte, Some(a.id))?;
                self.move_to(i, span);
            }
            Edit::SetDate { id, kind, value } => {
                let i = self.index_of(&id)?;
                let attrs = DateAttrs { kind, value: value.trim().to_string() };
                attrs.validate().map_err(|e| Error::edit(e.message()))?;
                let a = &mut self.state.annotations[i];
                if a.label != Label::Date {
                    return Err(Error::edit(format!("{id} is a {}, not a DATE", a.label.as_str())));
                }
                a.date = Some(attrs);
                corrected(a);
            }
            Edit::SetCasualty { id, category, count, qualifier, min, max, victims, scope, incident } => {
                let i = self.index_of(&id)?;
                let victims = victims.map(|v| v.trim().to_lowercase()).filter(|v| !v.is_empty());
                let own = self.state.annotations[i].casualty.as_ref();
                let scope = scope.or_else(|| own.and_then(|c| c.scope.clone()));
                let incident = match incident {
                    Some(i) if i.is_empty() => None,
                    Some(i) => Some(i),
                    None => own.and_then(|c| c.incident.clone()),
                };
                // (Only an incident's figure belongs to an incident.)
                let incident = incident.filter(|_| scope.as_deref().is_none_or(|s| s == "incident"));
                let attrs = CasualtyAttrs { category, count, qualifier, min, max, victims, scope, incident };
                attrs.validate().map_err(|e| Error::edit(e.message()))?;
                let a = &mut self.state.annotations[i];
                if a.label != Label::Casualty {
                    return Err(Error::edit(format!("{id} is a {}, not a CASUALTY", a.label.as_str())));
                }
                a.casualty = Some(attrs);
                corrected(a);
            }
            Edit::Accept { id } => {
                let i = self.index_of(&id)?;
                self.state.annotations[i].status = Status::Accepted;
            }
            Edit::Reject { id } => {
                let i = self.index_of(&id)?;
                self.state.annotations[i].status = Status::Rejected;
            }
            Edit::DefineLabel { name, color, key } => {
                let def = LabelDef { name: name.trim().to_string(), color: color.trim().to_lowercase(), key };
                let mut labels = self.state.labels.clone();
                match labels.iter_mut().find(|d| d.name == def.name) {
                    Some(d) => *d = def,
                    None => labels.push(def),
                }
                check_labels(&labels).map_err(|e| Error::edit(e.message()))?;
                self.state.labels = labels;
            }
            Edit::DeleteLabel { name } => {
                let i = self.state.labels.iter().position(|d| d.name == name).ok_or_else(|| Error::edit(format!("no label of yours is called {name:?}")))?;
                let l = Label::named(&name).map_err(|e| Error::edit(e.message()))?;
                let used = self.state.annotations.iter().filter(|a| a.label == l).count();
                if used > 0 {
                    return Err(Error::edit(format!("{used} annotations use {name}: relabel or remove them first")));
                }
                self.state.labels.remove(i);
            }
            Edit::MergeEntities { a, b } => {
                let (i, j) = (self.index_of(&a)?, self.index_of(&b)?);
                let (x, y) = (&self.state.annotations[i], &self.state.annotations[j]);
                if !x.label.is_name() || x.label != y.label {
                    return Err(Error::edit(format!("only entities of one label merge: {} is {}, {} is {}", a, x.label.as_str(), b, y.label.as_str())));
                }
                let pair = (x.id, y.id);
                self.state.split.retain(|s| *s != pair.0 && *s != pair.1);
                self.state.merged.push(pair);
            }
            Edit::SplitMention { id } => {
                let i = self.index_of(&id)?;
                let n = self.state.annotations[i].id;
                self.state.merged.retain(|(a, b)| *a != n && *b != n);
                if !self.state.split.contains(&n) {
                    self.state.split.push(n);
                }
            }
            Edit::SetReferenceDate { date } => {
                self.state.user_date = calendar::parse_reference(date.as_deref()).map_err(|e| Error::edit(e.message()))?;
                self.reresolve_dates();
            }
        }
        self.sort();
        // No two annotations with the same span and label (a resize or relabel could make one).
        let anns = &self.state.annotations;
        let mut run = 0;
        for i in 1..anns.len() {
            if (anns[i].start, anns[i].end) != (anns[run].start, anns[run].end) {
                run = i;
            } else if anns[run..i].iter().any(|a| a.label == anns[i].label) {
                let msg = format!("“{}” is already annotated as {}", &self.text[anns[i].start..anns[i].end], anns[i].label.as_str());
                self.state = before;
                return Err(Error::edit(msg));
            }
        }
        if self.state != before {
            self.undo.push(before);
            self.redo.clear();
        }
        Ok(created)
    }

    /// Gives annotation `i` the checked byte span `(start, end)`: the user's correction.
    fn move_to(&mut self, i: usize, (start, end): (usize, usize)) {
        let a = &mut self.state.annotations[i];
        a.start = start;
        a.end = end;
        corrected(a);
    }

    /// The span with one edge moved to the neighbouring word boundary.
    fn nudged(&self, start: usize, end: usize, edge: Edge, by: i32) -> Result<(usize, usize)> {
        let tokens: Vec<(usize, usize)> = self.segmentation().sentences.iter().flat_map(|s| s.tokens.iter().map(|t| (t.start, t.end))).collect();
        let r = match (edge, by.signum()) {
            (Edge::Start, -1) => tokens.iter().rev().find(|t| t.0 < start).map(|t| (t.0, end)),
            (Edge::Start, 1) => tokens.iter().find(|t| t.0 > start && t.0 < end).map(|t| (t.0, end)),
            (Edge::End, 1) => tokens.iter().find(|t| t.1 > end).map(|t| (start, t.1)),
            (Edge::End, -1) => tokens.iter().rev().find(|t| t.1 < end && t.1 > start).map(|t| (start, t.1)),
            _ => None,
        };
        r.ok_or_else(|| Error::edit("the span cannot move further that way"))
    }

    /// Gives automatic DATE annotations the values of the current reference date; user edits
    /// keep theirs.
    fn reresolve_dates(&mut self) {
        let found = date::recognize(&self.text, self.segmentation(), self.reference_date());
        for a in self.state.annotations.iter_mut().filter(|a| a.label == Label::Date && a.origin == Origin::Auto) {
            if let Some(c) = found.iter().find(|c| c.start == a.start && c.end == a.end) {
                a.date = c.date.clone();
            }
        }
    }
}

/// An annotation the user changed is theirs, and decided: `user` and accepted.
fn corrected(a: &mut Annotation) {
    a.origin = Origin::User;
    a.status = Status::Accepted;
}
