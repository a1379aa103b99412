//! Random edit sequences against the document model: after each step the document is sound
//! (spans in bounds and on character boundaries, ids unique, entity edits pointing at
//! annotations that exist), a failed edit changes nothing, an undo gives back exactly the
//! state before and a redo the state after; the journal of the steps replays to the same state.
#![no_main]
use gloss::document::{Document, Edge, Edit};
use gloss::text::offset::Unit;
use libfuzzer_sys::{arbitrary, fuzz_target};

#[derive(arbitrary::Arbitrary, Debug)]
enum Act {
    Add(u16, u8, u8),
    Remove(u16),
    Relabel(u16, u8),
    Resize(u16, u16, u8),
    Nudge(u16, bool, i8),
    Accept(u16),
    Reject(u16),
    SetDate(u16, bool),
    SetCasualty(u16, u8),
    Split(u16),
    Merge(u16, u16),
    Reference(Option<u8>),
    Define(u8),
    DeleteLabel,
    Undo,
    Redo,
}

const LABELS: [&str; 8] = ["PERSON", "ORG", "PLACE", "GROUP", "DATE", "CASUALTY", "WEAPON", "nope"];

fn edit_for(doc: &Document, act: &Act) -> Option<Edit> {
    let anns = doc.annotations();
    let len = doc.offsets().len(Unit::Utf16);
    let id = |i: u16| anns.get(i as usize % anns.len().max(1)).map(|a| a.id_string());
    let pos = |p: u16| p as usize % (len + 2);
    Some(match *act {
        Act::Add(s, l, k) => Edit::Add { start: pos(s), end: pos(s) + l as usize % 16, label: LABELS[k as usize % 8].into() },
        Act::Remove(i) => Edit::Remove { id: id(i)? },
        Act::Relabel(i, k) => Edit::Relabel { id: id(i)?, label: LABELS[k as usize % 8].into() },
        Act::Resize(i, s, l) => Edit::Resize { id: id(i)?, start: pos(s), end: pos(s) + l as usize % 16 },
        Act::Nudge(i, e, by) => Edit::Nudge { id: id(i)?, edge: if e { Edge::Start } else { Edge::End }, by: by.into() },
        Act::Accept(i) => Edit::Accept { id: id(i)? },
        Act::Reject(i) => Edit::Reject { id: id(i)? },
        Act::SetDate(i, ok) => Edit::SetDate { id: id(i)?, kind: "DATE".into(), value: if ok { "2025-07-18".into() } else { "yesterday-ish".into() } },
        Act::SetCasualty(i, n) => Edit::SetCasualty { id: id(i)?, category: ["killed", "injured", "bogus"][n as usize % 3].into(), count: Some(n.into()), qualifier: "exact".into(), min: None, max: None, victims: None },
        Act::Split(i) => Edit::SplitMention { id: id(i)? },
        Act::Merge(a, b) => Edit::MergeEntities { a: id(a)?, b: id(b)? },
        Act::Reference(d) => Edit::SetReferenceDate { date: d.map(|d| format!("2025-07-{:02}", d % 40)) },
        Act::Define(k) => Edit::DefineLabel { name: "WEAPON".into(), color: "#0f766e".into(), key: ["w", "1", "?", "ww"][k as usize % 4].into() },
        Act::DeleteLabel => Edit::DeleteLabel { name: "WEAPON".into() },
        Act::Undo | Act::Redo => return None,
    })
}

fuzz_target!(|input: (String, Vec<Act>)| {
    let (text, acts) = input;
    let mut doc = gloss::annotate_dated(text, None);
    doc.check().unwrap();
    let start = doc.clone();
    let mut journal = Vec::new();
    for a in acts.iter().take(64) {
        let before = doc.state().clone();
        match a {
            Act::Undo => {
                doc.undo();
                journal.push(serde_json::json!("undo"));
            }
            Act::Redo => {
                doc.redo();
                journal.push(serde_json::json!("redo"));
            }
            _ => {
                let Some(edit) = edit_for(&doc, a) else { continue };
                match doc.apply(edit.clone(), Unit::Utf16) {
                    Err(_) => assert_eq!(doc.state(), &before, "a failed {edit:?} changed the document"),
                    Ok(_) => {
                        journal.push(serde_json::to_value(&edit).unwrap());
                        if doc.state() != &before {
                            let after = doc.state().clone();
                            assert!(doc.undo());
                            assert_eq!(doc.state(), &before, "undo of {edit:?}");
                            assert!(doc.redo());
                            assert_eq!(doc.state(), &after, "redo of {edit:?}");
                        }
                    }
                }
            }
        }
        doc.check().unwrap();
    }
    // The page's journal of these steps, replayed on the document as it started, gives the
    // same state (each undo/redo pair above is left out: it changes nothing).
    let mut replayed = start;
    replayed.replay(&serde_json::Value::Array(journal).to_string(), Unit::Utf16).unwrap();
    assert_eq!(replayed.state(), doc.state());
});

