//! Property tests (proptest): offsets, overlap resolution, import/export round trips, and edit
//! sequences with undo and redo, on texts built from pieces that stress positions (accents
//! written both ways, combining marks, CJK, right-to-left letters and marks, emoji with
//! surrogate pairs, ZWJ families, flags, CRLF) mixed with words the recognizers react to.

use gloss::annotation::{Candidate, Label, Status};
use gloss::format::{self, Format, Named};
use gloss::text::offset::{OffsetMap, Unit};
use gloss::{Document, Edit};
use proptest::prelude::*;

const PIECES: &[&str] = &[
    "a", "Z", " ", ".", ",", "\n", "\r\n", "é", "e\u{301}", "中", "文", "ش", "م", "\u{200f}", "😀", "👨\u{200d}👩\u{200d}👧", "🇫🇷", "\u{200d}",
    "Putin", " met ", "Erdogan", " in ", "Sochi", " on Friday", " 12 people were killed", " the UN said", "Ο", "\t", "\"", "'",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.concat())
}

const LABELS: [Label; 6] = [Label::Person, Label::Org, Label::Place, Label::Group, Label::Date, Label::Casualty];

/// `cases` runs each (`PROPTEST_CASES` sets another number, for a longer search).
fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(cases);
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

/// Every span of the document's live annotations, as (start, end, label) in code points.
fn spans(doc: &Document) -> Vec<(usize, usize, String)> {
    let map = doc.offsets();
    let mut v: Vec<_> = doc
        .annotations()
        .iter()
        .filter(|a| a.status != Status::Rejected)
        .map(|a| (map.from_byte(a.start, Unit::CodePoint), map.from_byte(a.end, Unit::CodePoint), a.label.as_str().to_string()))
        .collect();
    v.sort();
    v
}

/// One user action, drawn at random: which kind, and numbers it picks its target and span by.
#[derive(Debug, Clone)]
enum Act {
    Add(usize, usize, usize),
    Remove(usize),
    Relabel(usize, usize),
    Resize(usize, usize, usize),
    Nudge(usize, bool, i8),
    Accept(usize),
    Reject(usize),
    SetDate(usize),
    Split(usize),
    Merge(usize, usize),
    Reference(bool),
    Undo,
    Redo,
}

fn act() -> impl Strategy<Value = Act> {
    prop_oneof![
        (any::<usize>(), 0usize..12, 0usize..6).prop_map(|(s, l, k)| Act::Add(s, l, k)),
        any::<usize>().prop_map(Act::Remove),
        (any::<usize>(), 0usize..6).prop_map(|(i, k)| Act::Relabel(i, k)),
        (any::<usize>(), any::<usize>(), 0usize..12).prop_map(|(i, s, l)| Act::Resize(i, s, l)),
        (any::<usize>(), any::<bool>(), -3i8..4).prop_map(|(i, e, b)| Act::Nudge(i, e, b)),
        any::<usize>().prop_map(Act::Accept),
        any::<usize>().prop_map(Act::Reject),
        any::<usize>().prop_map(Act::SetDate),
        any::<usize>().prop_map(Act::Split),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Act::Merge(a, b)),
        any::<bool>().prop_map(Act::Reference),
        Just(Act::Undo),
        Just(Act::Redo),
    ]
}

/// The edit an action stands for on `doc` (positions in UTF-16 units, as the page sends them).
fn edit_for(doc: &Document, act: &Act) -> Option<Edit> {
    let anns = doc.annotations();
    let len = doc.offsets().len(Unit::Utf16);
    let id = |i: usize| anns.get(i % anns.len().max(1)).map(|a| a.id_string());
    Some(match *act {
        Act::Add(s, l, k) => {
            let start = s % (len + 1);
            Edit::Add { start, end: (start + l).min(len), label: LABELS[k].as_str().into() }
        }
        Act::Remove(i) => Edit::Remove { id: id(i)? },
        Act::Relabel(i, k) => Edit::Relabel { id: id(i)?, label: LABELS[k].as_str().into() },
        Act::Resize(i, s, l) => {
            let start = s % (len + 1);
            Edit::Resize { id: id(i)?, start, end: (start + l).min(len) }
        }
        Act::Nudge(i, e, by) => Edit::Nudge { id: id(i)?, edge: if e { gloss::document::Edge::Start } else { gloss::document::Edge::End }, by: by.into() },
        Act::Accept(i) => Edit::Accept { id: id(i)? },
        Act::Reject(i) => Edit::Reject { id: id(i)? },
        Act::SetDate(i) => Edit::SetDate { id: id(i)?, kind: "DATE".into(), value: "2025-07-18".into() },
        Act::Split(i) => Edit::SplitMention { id: id(i)? },
        Act::Merge(a, b) => Edit::MergeEntities { a: id(a)?, b: id(b)? },
        Act::Reference(set) => Edit::SetReferenceDate { date: set.then(|| "2025-07-20".into()) },
        Act::Undo | Act::Redo => return None,
    })
}

proptest! {
    #![proptest_config(config(512))]

    /// Every character boundary converts to each unit and back; lengths agree with the
    /// standard library's; a position inside a surrogate pair or past the end is refused.
    #[test]
    fn offsets_round_trip(t in text()) {
        let m = OffsetMap::new(&t);
        prop_assert_eq!(m.len(Unit::Utf16), t.encode_utf16().count());
        prop_assert_eq!(m.len(Unit::CodePoint), t.chars().count());
        for b in t.char_indices().map(|(b, _)| b).chain([t.len()]) {
            for u in [Unit::Byte, Unit::Utf16, Unit::CodePoint] {
                let p = m.from_byte(b, u);
                prop_assert_eq!(m.to_byte(p, u).ok(), Some(b));
                prop_assert_eq!(m.convert(p, u, Unit::Byte).ok(), Some(b));
            }
            prop_assert_eq!(m.from_byte(b, Unit::Utf16), t[..b].encode_utf16().count());
        }
        let mut u16 = 0;
        for (b, ch) in t.char_indices() {
            if ch.len_utf16() == 2 {
                prop_assert!(m.to_byte(u16 + 1, Unit::Utf16).is_err());
            }
            if ch.len_utf8() > 1 {
                prop_assert!(m.to_byte(b + 1, Unit::Byte).is_err());
            }
            u16 += ch.len_utf16();
        }
        prop_assert!(m.to_byte(m.len(Unit::Utf16) + 1, Unit::Utf16).is_err());
        prop_assert!(m.to_byte(m.len(Unit::CodePoint) + 1, Unit::CodePoint).is_err());
    }

    /// What resolution keeps never conflicts (disjoint, or a name inside a casualty count),
    /// comes in text order, and everything it drops conflicts with something kept.
    #[test]
    fn resolution_keeps_a_consistent_maximal_set(cands in prop::collection::vec((0usize..60, 1usize..15, 0usize..6), 0..30)) {
        let input: Vec<Candidate> = cands.iter().map(|&(s, l, k)| Candidate::new(s, s + l, LABELS[k], "test")).collect();
        let kept = gloss::recognize::resolve::resolve(input.clone());
        let inside = |x: &Candidate, y: &Candidate| y.start <= x.start && x.end <= y.end;
        let fits = |a: &Candidate, b: &Candidate| {
            a.end <= b.start || b.end <= a.start
                || (a.label.is_name() && b.label == Label::Casualty && inside(a, b))
                || (b.label.is_name() && a.label == Label::Casualty && inside(b, a))
        };
        for (i, a) in kept.iter().enumerate() {
            prop_assert!(input.contains(a));
            for b in &kept[i + 1..] {
                prop_assert!(fits(a, b), "{a:?} and {b:?} both kept");
                prop_assert!((a.start, std::cmp::Reverse(a.end)) <= (b.start, std::cmp::Reverse(b.end)));
            }
        }
        for c in input.iter().filter(|c| !kept.contains(c)) {
            prop_assert!(kept.iter().any(|k| !fits(k, c)), "{c:?} dropped though nothing conflicts");
        }
    }

    /// Random edits, undos and redos keep the document sound; a failed edit changes nothing;
    /// an undo gives back exactly the state before the edit, and a redo the state after.
    #[test]
    fn edits_undo_and_redo_keep_the_document_sound(t in text(), acts in prop::collection::vec(act(), 1..40)) {
        let mut doc = gloss::annotate_dated(t.clone(), None);
        prop_assert!(doc.check().is_ok(), "{:?}", doc.check());
        for a in &acts {
            let before = doc.state().clone();
            match a {
                Act::Undo => { doc.undo(); }
                Act::Redo => { doc.redo(); }
                _ => {
                    let Some(edit) = edit_for(&doc, a) else { continue };
                    match doc.apply(edit.clone(), Unit::Utf16) {
                        Err(_) => prop_assert_eq!(doc.state(), &before, "failed {:?} changed the document", edit),
                        // (An edit that changes nothing leaves nothing to undo.)
                        Ok(_) if doc.state() == &before => {}
                        Ok(_) => {
                            let after = doc.state().clone();
                            prop_assert!(doc.undo());
                            prop_assert_eq!(doc.state(), &before, "undo of {:?}", edit);
                            prop_assert!(doc.redo());
                            prop_assert_eq!(doc.state(), &after, "redo of {:?}", edit);
                        }
                    }
                }
            }
            if let Err(e) = doc.check() {
                prop_assert!(false, "after {a:?}: {e}");
            }
        }
    }

    /// A document with the user's reviews and additions goes out and comes back the same in
    /// every format gloss reads: gloss JSON keeps everything, the others the live spans.
    #[test]
    fn import_export_round_trips(t in text(), acts in prop::collection::vec(act(), 0..15)) {
        let mut doc = gloss::annotate_dated(t.clone(), Some(gloss::text::calendar::parse_iso("2025-07-20").unwrap()));
        for a in &acts {
            if let Some(edit) = edit_for(&doc, a) {
                let _ = doc.apply(edit, Unit::Utf16);
            }
        }
        let back = gloss::format::gloss::parse(&gloss::format::gloss::to_json(&doc)).unwrap();
        prop_assert_eq!(back.text(), doc.text());
        prop_assert_eq!(spans(&back), spans(&doc));
        let saved = serde_json::to_string(&gloss::format::gloss::export_with(&doc, true)).unwrap();
        let restored = gloss::format::gloss::parse(&saved).unwrap();
        let review = |d: &Document| d.annotations().iter().map(|a| (a.start, a.end, a.label, a.status, a.origin, a.date.clone())).collect::<Vec<_>>();
        prop_assert_eq!(review(&restored), review(&doc));
        for f in [Format::Jsonl, Format::W3c, Format::Doccano, Format::LabelStudio, Format::Brat] {
            let out = format::serialize(f, &[Named::new(doc.clone())]).unwrap();
            let docs = format::deserialize(f, &out, Some(doc.text())).unwrap();
            prop_assert_eq!(docs.len(), 1);
            prop_assert_eq!(docs[0].doc.text(), doc.text(), "{}", f.name());
            prop_assert_eq!(spans(&docs[0].doc), spans(&doc), "{}", f.name());
        }
    }

    /// An edited text (any two texts) carries the work over soundly: the shared runs are the
    /// same bytes in both texts, in order; every carried annotation quotes the words it
    /// quoted; the document checks; kept and lost add up to the user's annotations.
    #[test]
    fn the_work_carried_to_an_edited_text_quotes_the_same_words(t in text(), u in text(), acts in prop::collection::vec(act(), 0..15)) {
        let mut doc = gloss::annotate_dated(t.clone(), None);
        for a in &acts {
            if let Some(edit) = edit_for(&doc, a) {
                let _ = doc.apply(edit, Unit::Utf16);
            }
        }
        let edited = format!("{u}\n\n{t}");
        let edited = if u.is_empty() { t.clone() } else { edited };
        let runs = gloss::document::reanchor::matching_runs(doc.text(), &edited);
        for w in runs.windows(2) {
            prop_assert!(w[0].0 + w[0].2 <= w[1].0 && w[0].1 + w[0].2 <= w[1].1);
        }
        for &(s, n, len) in &runs {
            prop_assert_eq!(&doc.text()[s..s + len], &edited[n..n + len]);
        }
        let worked: Vec<_> = doc.annotations().iter().filter(|a| a.origin == gloss::annotation::Origin::User || a.status != gloss::annotation::Status::Suggested).map(|a| (a.id, doc.text()[a.start..a.end].to_string())).collect();
        let (carried, counts) = gloss::document::reanchor::carry_over(&doc, gloss::annotate_dated(edited.clone(), None));
        prop_assert!(carried.check().is_ok(), "{:?}", carried.check());
        prop_assert_eq!(counts.kept + counts.lost, worked.len());
        for (id, quote) in worked {
            if let Some(a) = carried.annotations().iter().find(|a| a.id == id) {
                prop_assert_eq!(&carried.text()[a.start..a.end], quote.as_str());
            }
        }
        // The same text again keeps every one.
        if u.is_empty() {
            prop_assert_eq!(counts.lost, 0);
        }
    }
}
