//! The document's edits, undo and redo, review, labels, entities, journal and caret, checked
//! on a text with emoji; the property tests' findings kept as regressions.

use super::*;
use crate::text::offset::Unit;

const TEXT: &str = "🎉 Erdogan met Vladimir Putin in Sochi on Saturday. More than 900 people have been killed.";

fn doc() -> Document {
    crate::annotate_dated(TEXT, Some(crate::text::calendar::parse_iso("2025-07-20").unwrap()))
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
    assert_eq!(crate::format::gloss::export(&d).entities.len(), 1);
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
    assert_eq!(d.reference_date().map(crate::text::calendar::iso).as_deref(), Some("2025-08-01"));
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
    let export = crate::format::gloss::export(&d);
    assert!(!export.annotations.iter().any(|a| a.id == second));
    assert!(!export.entities.iter().any(|e| e.mentions.contains(&second)));
    assert!(crate::format::gloss::export_with(&d, true).annotations.iter().any(|a| a.id == second && a.status == Status::Rejected));
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
    let json = crate::format::gloss::to_json(&d);
    assert!(json.contains(r##""labels":[{"name":"WEAPON","color":"#aa0000","key":"w"}]"##), "{json}");
    let back = crate::format::gloss::parse(&json).unwrap();
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
    let mut d = crate::annotate_dated(text, None);
    let id = |d: &Document, q: &str, n: usize| d.annotations().iter().filter(|a| &text[a.start..a.end] == q).nth(n).unwrap().id_string();
    let entities = |d: &Document| {
        let e = crate::format::gloss::export(d);
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
    let json = crate::format::gloss::to_json(&d);
    assert!(json.contains(&format!(r#""entityEdits":{{"split":["{last}"],"merged":[]}}"#)), "{json}");
    assert_eq!(entities(&crate::format::gloss::parse(&json).unwrap()), entities(&d));
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
    let err = d.apply(Edit::SetCasualty { id: "a1".into(), category: "eaten".into(), count: None, qualifier: "exact".into(), min: None, max: None, victims: None, scope: None, incident: None }, Unit::Byte).unwrap_err();
    assert!(err.message().contains("category"));
}
