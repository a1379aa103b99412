//! The document being annotated: the text, its annotations with stable ids and origins, the
//! reference date, and every edit a user can make, validated and undoable. Positions are bytes
//! here; callers give and get other units through [`crate::offset`].

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::annotation::{Annotation, CasualtyAttrs, DateAttrs, Label, LabelDef, Origin, Status};
use crate::error::{Error, Result};
use crate::offset::{OffsetMap, Unit};
use crate::segment::{self, Segmentation};
use crate::{casualty, date, pipeline};

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

/// The longest text the page annotates at once (2 MiB of UTF-8, about 350,000 words): beyond
/// it the page's view and the browser's storage (5 to 10 MB) cannot keep up, and the command
/// line (`gloss annotate --jsonl`, constant memory, every core) is the tool.
pub const PAGE_LIMIT: usize = 2 << 20;

/// Whether the page can take `text`, with a message that says what to do when it cannot.
///
/// # Errors
/// When `text` is longer than [`PAGE_LIMIT`].
pub fn check_page_size(text: &str) -> Result<()> {
    if text.len() <= PAGE_LIMIT {
        return Ok(());
    }
    Err(Error::input(format!(
        "this text is {:.1} MB; the page annotates up to {} MB at once. Split it into articles, or run `gloss annotate --jsonl` on the command line for large collections.",
        text.len() as f64 / 1_048_576.0,
        PAGE_LIMIT >> 20
    )))
}

/// One suggestion as the page's worker hands it over (see [`Document::found_json`]).
#[derive(Serialize, Deserialize)]
struct Found {
    s: usize,
    e: usize,
    l: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    r: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    d: Option<DateAttrs>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    c: Option<CasualtyAttrs>,
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

#[derive(Debug, Clone)]
pub struct Document {
    text: String,
    offsets: OffsetMap,
    seg: Segmentation,
    dateline: Option<Date>,
    state: State,
    undo: Vec<State>,
    redo: Vec<State>,
}

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
    /// A document with no annotations.
    pub fn new(text: impl Into<String>) -> Document {
        let text = text.into();
        let seg = segment::segment(&text);
        let dateline = date::find_dateline(&text, &seg);
        Document {
            offsets: OffsetMap::new(&text),
            text,
            seg,
            dateline,
            state: State { annotations: Vec::new(), next_id: 1, user_date: None, labels: Vec::new(), split: Vec::new(), merged: Vec::new() },
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }

    /// Annotates `text` with every recognizer, against `reference` or a dateline in the text.
    pub fn annotate(text: impl Into<String>, reference: Option<Date>) -> Document {
        Document::annotate_with(text, reference, &mut |_| {})
    }

    /// [`Document::annotate`], telling `progress` the share of the work done (0 to 1) now and
    /// then, for a progress bar on long texts.
    pub fn annotate_with(text: impl Into<String>, reference: Option<Date>, progress: &mut dyn FnMut(f64)) -> Document {
        let mut doc = Document::new(text);
        doc.state.user_date = reference;
        let found = pipeline::recognize_with(&doc.text, &doc.seg, doc.reference_date(), progress);
        for c in found {
            let id = doc.state.next_id;
            doc.state.next_id += 1;
            doc.state.annotations.push(Annotation {
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
        doc
    }

    /// The machine's suggestions in a compact form (byte positions) for [`Document::adopt`]:
    /// how the page's worker hands what it found to the page, which keeps the document.
    pub fn found_json(&self) -> String {
        let found: Vec<Found> = self
            .state
            .annotations
            .iter()
            .map(|a| Found { s: a.start, e: a.end, l: a.label.as_str().to_string(), r: a.rule.clone(), d: a.date.clone(), c: a.casualty.clone() })
            .collect();
        serde_json::to_string(&found).expect("found serializes")
    }

    /// A fresh document of `text` holding the suggestions of [`Document::found_json`] (made
    /// from the same text), with `reference` as the user's date.
    ///
    /// # Errors
    /// When `found` is not such a list, or a span is out of the text or not on character
    /// boundaries: nothing is taken then.
    pub fn adopt(text: impl Into<String>, reference: Option<Date>, found: &str) -> Result<Document> {
        let found: Vec<Found> = serde_json::from_str(found).map_err(|e| Error::input(format!("bad suggestions: {e}")))?;
        let mut doc = Document::new(text);
        doc.state.user_date = reference;
        let mut annotations = Vec::with_capacity(found.len());
        for (k, f) in found.into_iter().enumerate() {
            if f.s >= f.e || f.e > doc.text.len() || !doc.text.is_char_boundary(f.s) || !doc.text.is_char_boundary(f.e) {
                return Err(Error::input(format!("suggestion {}: span {}..{} does not fit the text", k + 1, f.s, f.e)));
            }
            let id = u32::try_from(k + 1).map_err(|_| Error::input("too many suggestions"))?;
            annotations.push(Annotation { id, label: Label::parse(&f.l)?, start: f.s, end: f.e, origin: Origin::Auto, status: Status::Suggested, rule: f.r, date: f.d, casualty: f.c });
        }
        doc.state.next_id = u32::try_from(annotations.len() + 1).map_err(|_| Error::input("too many suggestions"))?;
        doc.state.annotations = annotations;
        doc.sort();
        Ok(doc)
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
    pub fn offsets(&self) -> &OffsetMap {
        &self.offsets
    }
    pub fn segmentation(&self) -> &Segmentation {
        &self.seg
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
        self.state.user_date.or(self.dateline)
    }

    pub fn reference_source(&self) -> ReferenceSource {
        match (self.state.user_date, self.dateline) {
            (Some(_), _) => ReferenceSource::User,
            (None, Some(_)) => ReferenceSource::Dateline,
            _ => ReferenceSource::None,
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

    /// Checks a span given in `unit` and returns it in bytes, trimmed of surrounding spaces.
    fn span(&self, start: usize, end: usize, unit: Unit, skip: Option<u32>) -> Result<(usize, usize)> {
        if start >= end {
            return Err(Error::edit("the span is empty: select some text first"));
        }
        let (s, e) = (self.offsets.to_byte(start, unit)?, self.offsets.to_byte(end, unit)?);
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
            Label::Casualty => (None, Some(casualty::infer(&self.text, &self.seg, start, end))),
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
                a.origin = Origin::User;
                a.status = Status::Accepted;
            }
            Edit::Resize { id, start, end } => {
                let i = self.index_of(&id)?;
                let skip = self.state.annotations[i].id;
                let (s, e) = self.span(start, end, unit, Some(skip))?;
                let a = &mut self.state.annotations[i];
                a.start = s;
                a.end = e;
                a.origin = Origin::User;
                a.status = Status::Accepted;
            }
            Edit::Nudge { id, edge, by } => {
                let i = self.index_of(&id)?;
                let a = &self.state.annotations[i];
                let (s, e) = self.nudged(a.start, a.end, edge, by)?;
                let skip = a.id;
                let (s, e) = self.span(s, e, Unit::Byte, Some(skip))?;
                let a = &mut self.state.annotations[i];
                a.start = s;
                a.end = e;
                a.origin = Origin::User;
                a.status = Status::Accepted;
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
                a.origin = Origin::User;
                a.status = Status::Accepted;
            }
            Edit::SetCasualty { id, category, count, qualifier, min, max, victims } => {
                let i = self.index_of(&id)?;
                let victims = victims.map(|v| v.trim().to_lowercase()).filter(|v| !v.is_empty());
                let attrs = CasualtyAttrs { category, count, qualifier, min, max, victims };
                attrs.validate().map_err(|e| Error::edit(e.message()))?;
                let a = &mut self.state.annotations[i];
                if a.label != Label::Casualty {
                    return Err(Error::edit(format!("{id} is a {}, not a CASUALTY", a.label.as_str())));
                }
                a.casualty = Some(attrs);
                a.origin = Origin::User;
                a.status = Status::Accepted;
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
                let d = match date.as_deref().map(str::trim) {
                    None | Some("") => None,
                    Some(s) => Some(date::parse_iso(s).map_err(|e| Error::edit(e.message()))?),
                };
                self.state.user_date = d;
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

    /// The span with one edge moved to the neighbouring word boundary.
    fn nudged(&self, start: usize, end: usize, edge: Edge, by: i32) -> Result<(usize, usize)> {
        let tokens: Vec<(usize, usize)> = self.seg.sentences.iter().flat_map(|s| s.tokens.iter().map(|t| (t.start, t.end))).collect();
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
        let found = date::recognize(&self.text, &self.seg, self.reference_date());
        for a in self.state.annotations.iter_mut().filter(|a| a.label == Label::Date && a.origin == Origin::Auto) {
            if let Some(c) = found.iter().find(|c| c.start == a.start && c.end == a.end) {
                a.date = c.date.clone();
            }
        }
    }

    /// Where a keyboard caret at `pos` (in `unit`) goes one step forward or back: by a
    /// character that the eye sees as one (an emoji with its joiners and modifiers, a letter
    /// with its combining marks, a flag), or by a word. Stays inside the text.
    pub fn step(&self, pos: usize, unit: Unit, forward: bool, word: bool) -> usize {
        let at = self.offsets.to_byte(pos.min(self.offsets.len(unit)), unit).unwrap_or(0);
        let t = &self.text;
        let byte = if word {
            let tokens = self.seg.sentences.iter().flat_map(|s| s.tokens.iter());
            if forward {
                let mut e = tokens.map(|k| k.end).find(|&e| e > at).unwrap_or(t.len());
                // Never inside an emoji sequence or before a combining mark.
                while t[e..].chars().next().is_some_and(extends) || t[..e].ends_with('\u{200d}') {
                    e += t[e..].chars().next().map_or(0, char::len_utf8);
                }
                e
            } else {
                tokens.map(|k| k.start).filter(|&b| b < at).last().unwrap_or(0)
            }
        } else if forward {
            let mut it = t[at..].char_indices().peekable();
            let mut end = t.len();
            let mut prev: Option<char> = None;
            let mut regional = 0;
            while let Some((i, c)) = it.next() {
                let joined = prev.is_some_and(|p| p == '\u{200d}') || extends(c) || (is_regional(c) && regional == 1);
                if prev.is_some() && !joined {
                    end = at + i;
                    break;
                }
                if is_regional(c) {
                    regional += 1;
                }
                prev = Some(c);
            }
            end
        } else {
            let before: Vec<(usize, char)> = t[..at].char_indices().collect();
            let mut k = before.len();
            while k > 0 {
                k -= 1;
                let c = before[k].1;
                let joins_prev = extends(c) || (k > 0 && before[k - 1].1 == '\u{200d}') || c == '\u{200d}';
                let flag_pair = is_regional(c) && k > 0 && is_regional(before[k - 1].1) && before[..k].iter().rev().take_while(|(_, c)| is_regional(*c)).count() % 2 == 1;
                if !joins_prev && !flag_pair {
                    break;
                }
            }
            before.get(k).map_or(0, |(i, _)| *i)
        };
        self.offsets.from_byte(byte, unit)
    }

    /// Where `query` occurs in the text, ignoring case, as spans in `unit` (at most `limit`).
    pub fn search(&self, query: &str, unit: Unit, limit: usize) -> Vec<(usize, usize)> {
        let q: Vec<char> = query.chars().flat_map(char::to_lowercase).collect();
        if q.is_empty() {
            return Vec::new();
        }
        let chars: Vec<(usize, char)> = self.text.char_indices().collect();
        let lower: Vec<char> = chars.iter().map(|&(_, c)| c.to_lowercase().next().unwrap_or(c)).collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i + q.len() <= lower.len() && out.len() < limit {
            if lower[i..i + q.len()] == q[..] {
                let (s, e) = (chars[i].0, chars.get(i + q.len()).map_or(self.text.len(), |c| c.0));
                out.push((self.offsets.from_byte(s, unit), self.offsets.from_byte(e, unit)));
                i += q.len();
            } else {
                i += 1;
            }
        }
        out
    }

    /// Undoes the last edit; false when there is none.
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

    /// Applies a journal of the user's actions since the document was last saved whole (a
    /// JSON list of edits, `"undo"` and `"redo"`), as the page does to restore work after a
    /// reload or a crash. All or nothing: on error the document is as it was.
    ///
    /// # Errors
    /// When the journal is not such a list, or an edit in it fails.
    pub fn replay(&mut self, journal: &str, unit: Unit) -> Result<usize> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Entry {
            Step(String),
            Edit(Edit),
        }
        let entries: Vec<Entry> = serde_json::from_str(journal).map_err(|e| Error::import(format!("bad journal: {e}")))?;
        let mut doc = self.clone();
        for (k, e) in entries.iter().enumerate() {
            match e {
                Entry::Step(s) if s == "undo" => {
                    doc.undo();
                }
                Entry::Step(s) if s == "redo" => {
                    doc.redo();
                }
                Entry::Step(s) => return Err(Error::import(format!("journal entry {}: unknown step {s:?}", k + 1))),
                Entry::Edit(edit) => {
                    doc.apply(edit.clone(), unit).map_err(|e| Error::import(format!("journal entry {}: {}", k + 1, e.message())))?;
                }
            }
        }
        *self = doc;
        Ok(entries.len())
    }

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

/// A character that joins the one before it: combining marks (Latin, Arabic, Hebrew,
/// Devanagari…), variation selectors, emoji skin tones, the zero-width joiner itself.
fn extends(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x05BF | 0x05C1..=0x05C2 | 0x05C4..=0x05C5 | 0x05C7
        | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06DC | 0x06DF..=0x06E4 | 0x06E7..=0x06E8 | 0x06EA..=0x06ED
        | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0951..=0x0957 | 0x0962..=0x0963 | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF
        | 0x200C..=0x200D | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F | 0xE0100..=0xE01EF)
}

fn is_regional(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "🎉 Erdogan met Vladimir Putin in Sochi on Saturday. More than 900 people have been killed.";

    fn doc() -> Document {
        Document::annotate(TEXT, Some(date::parse_iso("2025-07-20").unwrap()))
    }

    fn u16(s: &str) -> (usize, usize) {
        let b = TEXT.find(s).unwrap();
        (TEXT[..b].encode_utf16().count(), TEXT[..b + s.len()].encode_utf16().count())
    }

    fn quotes(d: &Document) -> Vec<(String, Label, Origin)> {
        d.annotations().iter().map(|a| (d.text()[a.start..a.end].to_string(), a.label, a.origin)).collect()
    }

    /// Found by the property tests (tests/properties.rs) and kept as regression tests.
    #[test]
    fn findings_of_the_property_tests() {
        let text = "Vladimir Putin met Erdogan (Putin) in Sochi.";
        let at = |s: &str| (text.find(s).unwrap(), text.find(s).unwrap() + s.len());
        // A name of the user's inside another of the same label: clustering looked for
        // `Name (ABBR)` between them, sliced the text backwards and panicked.
        let mut d = Document::new(text);
        for (a, b) in [at("Vladimir Putin"), (at("Vladimir Putin").0 + 9, at("Vladimir Putin").1)] {
            d.apply(Edit::Add { start: a, end: b, label: "PERSON".into() }, Unit::Byte).unwrap();
        }
        assert_eq!(crate::json::export(&d).entities.len(), 1);
        d.check().unwrap();
        // Removing a mention the user had split out of its entity left the split pointing at
        // nothing.
        let id = d.annotations()[1].id_string();
        d.apply(Edit::SplitMention { id: id.clone() }, Unit::Byte).unwrap();
        d.apply(Edit::Remove { id }, Unit::Byte).unwrap();
        d.check().unwrap();
        // A relabel or resize that makes two annotations alike is refused, as an add is.
        let (a, b) = at("Erdogan");
        d.apply(Edit::Add { start: a, end: b, label: "PERSON".into() }, Unit::Byte).unwrap();
        d.apply(Edit::Add { start: a, end: b, label: "ORG".into() }, Unit::Byte).unwrap();
        let org = d.annotations().iter().find(|x| x.label == Label::Org).unwrap().id_string();
        let before = d.state().clone();
        let e = d.apply(Edit::Relabel { id: org, label: "PERSON".into() }, Unit::Byte).unwrap_err();
        assert!(e.message().contains("already annotated as PERSON"), "{}", e.message());
        assert_eq!(d.state(), &before);
    }

    #[test]
    fn the_page_takes_texts_up_to_its_limit_and_says_what_to_do_beyond() {
        assert!(check_page_size(&"a".repeat(PAGE_LIMIT)).is_ok());
        let e = check_page_size(&"a".repeat(PAGE_LIMIT + 1)).unwrap_err();
        assert!(e.message().contains("up to 2 MB") && e.message().contains("--jsonl"), "{}", e.message());
    }

    #[test]
    fn adopting_what_a_worker_found_gives_the_same_document() {
        let r = Some(date::parse_iso("2025-07-20").unwrap());
        let a = Document::annotate(TEXT, r);
        let mut seen = Vec::new();
        let b = Document::adopt(TEXT, r, &Document::annotate_with(TEXT, r, &mut |p| seen.push(p)).found_json()).unwrap();
        assert_eq!(a.state, b.state);
        assert!(seen.len() >= 3 && seen.windows(2).all(|w| w[0] <= w[1]) && seen.last() == Some(&1.0), "{seen:?}");
        // Spans that do not fit the text are refused whole.
        for bad in [r#"[{"s":0,"e":999,"l":"PERSON"}]"#, r#"[{"s":1,"e":3,"l":"PERSON"}]"#, r#"[{"s":5,"e":5,"l":"PERSON"}]"#, r#"[{"s":5,"e":9,"l":"NOPE"}]"#, "{", ""] {
            assert!(Document::adopt(TEXT, r, bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn an_edit_written_as_json_reads_back_the_same() {
        for json in [
            r#"{"op":"add","start":1,"end":4,"label":"PERSON"}"#,
            r#"{"op":"nudge","id":"a1","edge":"start","by":-1}"#,
            r#"{"op":"setDate","id":"a2","type":"DATE","value":"2025-07-18"}"#,
            r#"{"op":"setCasualty","id":"a3","category":"killed","count":3,"qualifier":"exact","min":null,"max":null,"victims":null}"#,
            r#"{"op":"setReferenceDate","date":null}"#,
            r#"{"op":"mergeEntities","a":"a1","b":"a2"}"#,
        ] {
            let e: Edit = serde_json::from_str(json).unwrap();
            assert_eq!(serde_json::to_string(&e).unwrap(), json);
        }
    }

    #[test]
    fn a_journal_replayed_restores_the_work_and_a_bad_one_changes_nothing() {
        let mut work = doc();
        assert!(!work.has_user_work());
        let sochi = u16("Sochi");
        let erdogan = work.annotations().iter().find(|a| &TEXT[a.start..a.end] == "Erdogan").unwrap().id_string();
        let journal = format!(
            r#"[{{"op":"reject","id":"{erdogan}"}},{{"op":"add","start":{},"end":{},"label":"ORG"}},"undo","redo",{{"op":"add","start":{},"end":{},"label":"GROUP"}},"undo"]"#,
            sochi.0, sochi.1, sochi.0, sochi.0 + 2
        );
        // The same actions done one by one...
        let mut by_hand = doc();
        by_hand.apply(Edit::Reject { id: erdogan.clone() }, Unit::Utf16).unwrap();
        by_hand.apply(Edit::Add { start: sochi.0, end: sochi.1, label: "ORG".into() }, Unit::Utf16).unwrap();
        by_hand.undo();
        by_hand.redo();
        by_hand.apply(Edit::Add { start: sochi.0, end: sochi.0 + 2, label: "GROUP".into() }, Unit::Utf16).unwrap();
        by_hand.undo();
        // ...and replayed from the journal give the same document.
        assert_eq!(work.replay(&journal, Unit::Utf16).unwrap(), 6);
        assert_eq!(work.state, by_hand.state);
        assert!(work.has_user_work());
        // A journal that fails part way leaves the document as it was.
        let before = work.state.clone();
        for bad in [r#"[{"op":"reject","id":"a1"},{"op":"remove","id":"a999"}]"#, r#"["sideways"]"#, "[{", r#"{"op":"undo"}"#] {
            assert!(work.replay(bad, Unit::Utf16).is_err(), "{bad}");
            assert_eq!(work.state, before);
        }
    }

    #[test]
    fn add_relabel_remove_undo_redo() {
        let mut d = doc();
        let original = quotes(&d);
        let (s, e) = u16("met");
        let id = d.apply(Edit::Add { start: s, end: e, label: "ORG".into() }, Unit::Utf16).unwrap().unwrap();
        assert!(quotes(&d).contains(&("met".into(), Label::Org, Origin::User)));
        d.apply(Edit::Relabel { id: id.clone(), label: "PLACE".into() }, Unit::Utf16).unwrap();
        assert!(quotes(&d).contains(&("met".into(), Label::Place, Origin::User)));
        d.apply(Edit::Remove { id: id.clone() }, Unit::Utf16).unwrap();
        assert_eq!(quotes(&d), original);
        assert!(d.undo());
        assert!(quotes(&d).contains(&("met".into(), Label::Place, Origin::User)));
        assert!(d.undo());
        assert!(d.undo());
        assert_eq!(quotes(&d), original);
        assert!(!d.undo());
        assert!(d.redo());
        assert!(quotes(&d).contains(&("met".into(), Label::Org, Origin::User)));
    }

    #[test]
    fn edit_errors_change_nothing() {
        let mut d = doc();
        let before = quotes(&d);
        let putin = u16("Vladimir Putin");
        let cases: Vec<(&str, Edit, Unit, &str)> = vec![
            ("empty", Edit::Add { start: 5, end: 5, label: "PERSON".into() }, Unit::Utf16, "empty"),
            ("spaces", Edit::Add { start: u16("met").1, end: u16("met").1 + 1, label: "PERSON".into() }, Unit::Utf16, "only spaces"),
            ("out of bounds", Edit::Add { start: 3, end: 900, label: "PERSON".into() }, Unit::Utf16, "past the end"),
            ("splits emoji", Edit::Add { start: 1, end: 6, label: "PERSON".into() }, Unit::Utf16, "surrogate"),
            ("unknown label", Edit::Add { start: 3, end: 9, label: "THING".into() }, Unit::Utf16, "unknown label"),
            ("crossing", Edit::Add { start: putin.0 - 4, end: putin.0 + 2, label: "ORG".into() }, Unit::Utf16, "overlaps"),
            ("unknown id", Edit::Remove { id: "a999".into() }, Unit::Utf16, "no annotation"),
            ("bad date", Edit::SetReferenceDate { date: Some("20/07/2025".into()) }, Unit::Utf16, "YYYY-MM-DD"),
        ];
        for (name, edit, unit, msg) in cases {
            let err = d.apply(edit, unit).unwrap_err();
            assert!(err.message().contains(msg), "{name}: {err}");
            assert_eq!(quotes(&d), before, "{name}");
        }
        assert!(!d.can_undo());
    }

    #[test]
    fn resize_and_nudge() {
        let mut d = doc();
        let id = d.annotations().iter().find(|a| &TEXT[a.start..a.end] == "Vladimir Putin").unwrap().id_string();
        d.apply(Edit::Nudge { id: id.clone(), edge: Edge::End, by: 1 }, Unit::Utf16).unwrap();
        assert!(quotes(&d).iter().any(|q| q.0 == "Vladimir Putin in"));
        d.apply(Edit::Nudge { id: id.clone(), edge: Edge::End, by: -1 }, Unit::Utf16).unwrap();
        assert!(quotes(&d).iter().any(|q| q.0 == "Vladimir Putin" && q.2 == Origin::User));
        let (s, e) = u16("met Vladimir Putin");
        d.apply(Edit::Resize { id, start: s, end: e }, Unit::Utf16).unwrap();
        assert!(quotes(&d).iter().any(|q| q.0 == "met Vladimir Putin"));
    }

    #[test]
    fn reference_date_reresolves_auto_dates_only() {
        let mut d = doc();
        let sat = d.annotations().iter().find(|a| &TEXT[a.start..a.end] == "Saturday").unwrap().id_string();
        assert_eq!(d.annotations()[d.index_of(&sat).unwrap()].date.as_ref().unwrap().value, "2025-07-19");
        d.apply(Edit::SetReferenceDate { date: Some("2025-08-01".into()) }, Unit::Utf16).unwrap();
        assert_eq!(d.annotations()[d.index_of(&sat).unwrap()].date.as_ref().unwrap().value, "2025-07-26");
        d.apply(Edit::SetDate { id: sat.clone(), kind: "DATE".into(), value: "2025-07-12".into() }, Unit::Utf16).unwrap();
        d.apply(Edit::SetReferenceDate { date: Some("2025-07-20".into()) }, Unit::Utf16).unwrap();
        assert_eq!(d.annotations()[d.index_of(&sat).unwrap()].date.as_ref().unwrap().value, "2025-07-12");
        assert!(d.undo());
        assert_eq!(d.reference_date().map(date::iso).as_deref(), Some("2025-08-01"));
    }

    #[test]
    fn caret_steps_over_what_the_eye_sees_as_one_character() {
        // A ZWJ family, a flag, e + combining acute, Arabic with a vowel mark, CJK.
        let text = "👨‍👩‍👧🇸🇾e\u{301} قَالَ 中文 end";
        let d = Document::new(text);
        let stops = |unit: Unit| {
            let mut v = vec![0];
            loop {
                let n = d.step(*v.last().unwrap(), unit, true, false);
                if n == *v.last().unwrap() {
                    break v;
                }
                v.push(n);
            }
        };
        let u16 = stops(Unit::Utf16);
        let pieces: Vec<String> = u16.windows(2).map(|w| String::from_utf16(&text.encode_utf16().collect::<Vec<_>>()[w[0]..w[1]]).unwrap()).collect();
        assert_eq!(pieces[..5], ["👨‍👩‍👧", "🇸🇾", "e\u{301}", " ", "قَ"]);
        assert!(pieces.contains(&"中".to_string()));
        // Backwards visits the same stops.
        let mut back = vec![*u16.last().unwrap()];
        while *back.last().unwrap() > 0 {
            back.push(d.step(*back.last().unwrap(), Unit::Utf16, false, false));
        }
        back.reverse();
        assert_eq!(back, u16);
        // By word: to the end of the next word, or the start of the previous one.
        let cp = Unit::CodePoint;
        let end = d.offsets().len(cp);
        assert_eq!(d.step(end, cp, false, true), end - 3);
        assert_eq!(d.step(0, cp, true, true), 5); // past the whole family, never inside it
        let after_flag = d.offsets().from_byte(text.find("e\u{301}").unwrap(), cp);
        assert_eq!(d.step(after_flag, cp, true, true), after_flag + 2);
        assert_eq!(d.step(end, cp, true, false), end);
    }

    #[test]
    fn review_accept_reject_and_walk_in_text_order() {
        let mut d = doc();
        let n = d.annotations().len();
        assert_eq!(d.review_counts(), (n, 0, 0));
        let first = d.next_in_review(None, false, true).unwrap();
        assert_eq!(first, d.annotations()[0].id_string());
        let second = d.next_in_review(Some(&first), false, true).unwrap();
        assert_eq!(second, d.annotations()[1].id_string());
        // Backwards from the first wraps to the last.
        assert_eq!(d.next_in_review(Some(&first), true, true).unwrap(), d.annotations()[n - 1].id_string());
        d.apply(Edit::Accept { id: first.clone() }, Unit::Utf16).unwrap();
        d.apply(Edit::Reject { id: second.clone() }, Unit::Utf16).unwrap();
        assert_eq!(d.review_counts(), (n - 2, 1, 1));
        // Pending review skips what is decided; all review visits everything.
        assert_eq!(d.next_in_review(None, false, true).unwrap(), d.annotations()[2].id_string());
        assert_eq!(d.next_in_review(Some(&first), false, false).unwrap(), second);
        // A rejected suggestion leaves the export and the entities, but stays in the document.
        let export = crate::json::export(&d);
        assert!(!export.annotations.iter().any(|a| a.id == second));
        assert!(!export.entities.iter().any(|e| e.mentions.contains(&second)));
        assert!(crate::json::export_with(&d, true).annotations.iter().any(|a| a.id == second && a.status == Status::Rejected));
        // Relabelling is a decision too; undo brings the suggestion back.
        let third = d.annotations()[2].id_string();
        d.apply(Edit::Relabel { id: third.clone(), label: "ORG".into() }, Unit::Utf16).unwrap();
        assert_eq!(d.annotations()[2].status, Status::Accepted);
        assert!(d.undo());
        assert_eq!(d.annotations()[2].status, Status::Suggested);
        assert!(d.undo());
        assert_eq!(d.review_counts(), (n - 1, 1, 0));
    }

    #[test]
    fn custom_labels_define_use_refuse_and_round_trip() {
        let mut d = doc();
        let def = |name: &str, color: &str, key: &str| Edit::DefineLabel { name: name.into(), color: color.into(), key: key.into() };
        // Bad definitions change nothing.
        for (edit, msg) in [
            (def("WEAPON", "red", "w"), "#rrggbb"),
            (def("WEAPON", "#aa0000", "1"), "taken by the page"),
            (def("PERSON", "#aa0000", "w"), "built-in"),
            (def("two words", "#aa0000", "w"), "letters, digits"),
            (def("WEAPON", "#aa0000", "ww"), "one character"),
        ] {
            assert!(d.apply(edit, Unit::Byte).unwrap_err().message().contains(msg), "{msg}");
        }
        assert!(!d.can_undo());
        d.apply(def("WEAPON", "#AA0000", "w"), Unit::Byte).unwrap();
        assert!(d.apply(def("VEHICLE", "#0000aa", "w"), Unit::Byte).unwrap_err().message().contains("already WEAPON's"));
        let b = TEXT.find("people").unwrap();
        let id = d.apply(Edit::Add { start: b, end: b + 6, label: "WEAPON".into() }, Unit::Byte).unwrap().unwrap();
        assert!(d.apply(Edit::Add { start: b, end: b + 6, label: "VEHICLE".into() }, Unit::Byte).unwrap_err().message().contains("define it first"));
        assert!(d.apply(Edit::DeleteLabel { name: "WEAPON".into() }, Unit::Byte).unwrap_err().message().contains("1 annotations use WEAPON"));
        // The export carries the definition; the import brings both back.
        let json = crate::json::to_json(&d);
        assert!(json.contains(r##""labels":[{"name":"WEAPON","color":"#aa0000","key":"w"}]"##), "{json}");
        let back = crate::json::import(&json).unwrap();
        assert_eq!(back.custom_labels(), d.custom_labels());
        assert!(back.annotations().iter().any(|a| a.id_string() == id && a.label.as_str() == "WEAPON"));
        // Unused, it can go; undo brings it back.
        d.apply(Edit::Remove { id }, Unit::Byte).unwrap();
        d.apply(Edit::DeleteLabel { name: "WEAPON".into() }, Unit::Byte).unwrap();
        assert!(d.custom_labels().is_empty());
        assert!(d.undo());
        assert_eq!(d.custom_labels()[0].name, "WEAPON");
    }

    #[test]
    fn entities_merge_and_split_by_hand_and_survive_export() {
        let text = "Vladimir Putin met Erdogan in Sochi. Putin left. Recep Tayyip Erdogan stayed. Putin returned.";
        let mut d = Document::annotate(text, None);
        let id = |d: &Document, q: &str, n: usize| d.annotations().iter().filter(|a| &text[a.start..a.end] == q).nth(n).unwrap().id_string();
        let entities = |d: &Document| {
            let e = crate::json::export(d);
            let mut v: Vec<(String, usize)> = e.entities.iter().map(|e| (e.name.clone(), e.mentions.len())).collect();
            v.sort();
            v
        };
        let auto = entities(&d);
        assert!(auto.contains(&("Vladimir Putin".into(), 3)) && auto.contains(&("Recep Tayyip Erdogan".into(), 2)), "{auto:?}");
        // Split the last `Putin` out: it stands alone; the others stay together.
        let last = id(&d, "Putin", 1);
        let vp = id(&d, "Vladimir Putin", 0);
        d.apply(Edit::SplitMention { id: last.clone() }, Unit::Byte).unwrap();
        let e = entities(&d);
        assert!(e.contains(&("Vladimir Putin".into(), 2)) && e.contains(&("Putin".into(), 1)), "{e:?}");
        // Merge it back by hand; a merge across labels is refused.
        let sochi = id(&d, "Sochi", 0);
        assert!(d.apply(Edit::MergeEntities { a: last.clone(), b: sochi }, Unit::Byte).unwrap_err().message().contains("one label"));
        d.apply(Edit::MergeEntities { a: last.clone(), b: vp }, Unit::Byte).unwrap();
        assert!(entities(&d).contains(&("Vladimir Putin".into(), 3)));
        d.apply(Edit::SplitMention { id: last.clone() }, Unit::Byte).unwrap();
        let json = crate::json::to_json(&d);
        assert!(json.contains(&format!(r#""entityEdits":{{"split":["{last}"],"merged":[]}}"#)), "{json}");
        assert_eq!(entities(&crate::json::import(&json).unwrap()), entities(&d));
        assert!(d.undo() && d.undo());
        assert_eq!(entities(&d), e);
    }

    #[test]
    fn search_ignores_case_and_counts_utf16() {
        let d = doc();
        let hits = d.search("PUTIN", Unit::Utf16, 10);
        assert_eq!(hits, vec![u16("Putin")]);
        assert_eq!(d.search("e", Unit::Utf16, 3).len(), 3);
        assert!(d.search("", Unit::Utf16, 10).is_empty());
        assert!(d.search("nowhere", Unit::Utf16, 10).is_empty());
    }

    #[test]
    fn user_casualty_and_date_get_attributes() {
        let mut d = Document::new("Officials said 12 people were killed last Sunday.");
        d.apply(Edit::SetReferenceDate { date: Some("2025-07-20".into()) }, Unit::Byte).unwrap();
        d.apply(Edit::Add { start: 15, end: 24, label: "CASUALTY".into() }, Unit::Byte).unwrap();
        d.apply(Edit::Add { start: 37, end: 48, label: "DATE".into() }, Unit::Byte).unwrap();
        let c = d.annotations()[0].casualty.clone().unwrap();
        assert_eq!((c.category.as_str(), c.count), ("killed", Some(12)));
        assert_eq!(d.annotations()[1].date.as_ref().unwrap().value, "2025-07-13");
        let err = d.apply(Edit::SetCasualty { id: "a1".into(), category: "eaten".into(), count: None, qualifier: "exact".into(), min: None, max: None, victims: None }, Unit::Byte).unwrap_err();
        assert!(err.message().contains("category"));
    }
}
