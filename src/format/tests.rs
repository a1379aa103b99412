//! Every format on a text whose units all differ (emoji, a flag, Arabic, a combining mark,
//! CRLF): round trips, offsets checked against quotes, review and attributes carried, clear
//! import errors, detection from name and content.

use serde_json::{Value, json};

use super::*;
use crate::annotation::{Label, Status};
use crate::document::Edit;

/// Emoji (a ZWJ family and a flag), Arabic, a combining mark, CRLF: every offset unit differs.
const TEXT: &str = "👨‍👩‍👧 🇸🇾 Erdogan met Vladimir Putin in Sochi on Saturday.\r\nMore than 900 people were killed in Sweida, café owners said. قال أردوغان إن تركيا";

fn doc() -> Document {
    let mut d = crate::annotate_dated(TEXT, Some(crate::text::calendar::parse_iso("2025-07-20").unwrap()));
    // One decided each way, and an Arabic span by hand.
    let first = d.annotations()[0].id_string();
    d.apply(Edit::Accept { id: first }, Unit::Byte).unwrap();
    let b = TEXT.find("أردوغان").unwrap();
    d.apply(Edit::Add { start: b, end: b + "أردوغان".len(), label: "PERSON".into() }, Unit::Byte).unwrap();
    d
}

fn key(d: &Document) -> Vec<(String, Label)> {
    d.live().map(|a| (d.text()[a.start..a.end].to_string(), a.label)).collect()
}

/// Every span of a written file, by its code-point offsets, is the text it names.
fn check_quotes(spans: &[(usize, usize, String)]) {
    let chars: Vec<char> = TEXT.chars().collect();
    assert!(!spans.is_empty());
    for (s, e, q) in spans {
        assert_eq!(&chars[*s..*e].iter().collect::<String>(), q, "{s}..{e}");
    }
}

#[test]
fn names_parse() {
    for f in Format::ALL {
        assert_eq!(Format::parse(f.name()).unwrap(), f);
    }
    assert_eq!(Format::parse("Label-Studio").unwrap(), Format::LabelStudio);
    assert!(Format::parse("docx").unwrap_err().message().contains("use one of"));
}

#[test]
fn importable_formats_round_trip() {
    let d = doc();
    let want = key(&d);
    for f in Format::ALL.into_iter().filter(|f| f.can_import()) {
        let out = serialize(f, &[Named { id: Some(json!("doc-1")), doc: d.clone() }]).unwrap();
        let back = deserialize(f, &out, Some(TEXT)).unwrap_or_else(|e| panic!("{}: {e}\n{out}", f.name()));
        assert_eq!(back.len(), 1, "{}", f.name());
        assert_eq!(key(&back[0].doc), want, "{}", f.name());
        assert_eq!(back[0].doc.text(), TEXT, "{}", f.name());
        // Writing what was read gives the same file.
        let again = serialize(f, &back).unwrap();
        if matches!(f, Format::W3c | Format::Brat | Format::Doccano | Format::LabelStudio) {
            assert_eq!(again, out, "{}", f.name());
        }
    }
}

#[test]
fn attributes_and_review_survive_the_formats_that_carry_them() {
    let d = doc();
    for f in [Format::Gloss, Format::Jsonl, Format::W3c, Format::Brat] {
        let back = &deserialize(f, &serialize(f, &[Named::new(d.clone())]).unwrap(), Some(TEXT)).unwrap()[0].doc;
        for (a, b) in d.live().zip(back.live()) {
            assert_eq!((a.id, a.status, &a.date, &a.casualty), (b.id, b.status, &b.date, &b.casualty), "{}", f.name());
        }
    }
    // Label Studio keeps the review: reviewed in `annotations`, waiting in `predictions`.
    let back = &deserialize(Format::LabelStudio, &serialize(Format::LabelStudio, &[Named::new(d.clone())]).unwrap(), None).unwrap()[0].doc;
    let statuses = |d: &Document| d.live().map(|a| a.status).collect::<Vec<_>>();
    assert_eq!(statuses(back), statuses(&d));
}

#[test]
fn written_offsets_are_code_points_checked_against_their_quotes() {
    let d = [Named::new(doc())];
    let w3c: Value = serde_json::from_str(&serialize(Format::W3c, &d).unwrap()).unwrap();
    let items = w3c["first"]["items"].as_array().unwrap();
    check_quotes(&items.iter().map(|i| {
        let s = &i["target"]["selector"];
        (s[1]["start"].as_u64().unwrap() as usize, s[1]["end"].as_u64().unwrap() as usize, s[0]["exact"].as_str().unwrap().to_string())
    }).collect::<Vec<_>>());
    assert!(items.iter().any(|i| i["target"]["selector"][0]["exact"] == "أردوغان"));
    let brat = serialize(Format::Brat, &d).unwrap();
    check_quotes(&brat.lines().filter(|l| l.starts_with('T')).map(|l| {
        let c: Vec<&str> = l.split('\t').collect();
        let p: Vec<&str> = c[1].split(' ').collect();
        (p[1].parse().unwrap(), p[2].parse().unwrap(), c[2].to_string())
    }).collect::<Vec<_>>());
    let doccano: Value = serde_json::from_str(serialize(Format::Doccano, &d).unwrap().trim()).unwrap();
    let chars: Vec<char> = TEXT.chars().collect();
    check_quotes(&doccano["label"].as_array().unwrap().iter().map(|l| {
        let (s, e) = (l[0].as_u64().unwrap() as usize, l[1].as_u64().unwrap() as usize);
        (s, e, chars[s..e].iter().collect())
    }).collect::<Vec<_>>());
    let prodigy: Value = serde_json::from_str(serialize(Format::Prodigy, &d).unwrap().trim()).unwrap();
    check_quotes(&prodigy["spans"].as_array().unwrap().iter().map(|s| (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize, s["text"].as_str().unwrap().to_string())).collect::<Vec<_>>());
    let ls: Value = serde_json::from_str(&serialize(Format::LabelStudio, &d).unwrap()).unwrap();
    let results: Vec<&Value> = ["predictions", "annotations"].iter().flat_map(|k| ls[0][*k].as_array().unwrap().iter().flat_map(|g| g["result"].as_array().unwrap())).collect();
    check_quotes(&results.iter().map(|r| (r["value"]["start"].as_u64().unwrap() as usize, r["value"]["end"].as_u64().unwrap() as usize, r["value"]["text"].as_str().unwrap().to_string())).collect::<Vec<_>>());
}

#[test]
fn rejected_suggestions_are_not_exported() {
    let mut d = doc();
    let putin = d.annotations().iter().find(|a| &TEXT[a.start..a.end] == "Vladimir Putin").unwrap().id_string();
    d.apply(Edit::Reject { id: putin }, Unit::Byte).unwrap();
    for f in Format::ALL {
        let out = serialize(f, &[Named::new(d.clone())]).unwrap();
        assert!(!out.contains("Vladimir Putin\"") && !out.contains("\tVladimir Putin") && !out.contains("Vladimir B-PER"), "{}", f.name());
    }
}

#[test]
fn every_collection_format_takes_several_documents() {
    let docs = [Named::new(doc()), Named::new(crate::annotate_dated("Putin spoke.", None))];
    for f in Format::ALL {
        assert!(serialize(f.for_collection(), &docs).is_ok(), "{}", f.name());
    }
    assert!(serialize(Format::Brat, &docs).unwrap_err().message().contains("holds one document"));
}

#[test]
fn conll_and_csv_shapes() {
    let d = [Named { id: Some(json!("x")), doc: doc() }];
    let conll = serialize(Format::Conll, &d).unwrap();
    assert!(conll.starts_with("-DOCSTART- -X- O O\n\n"));
    assert!(conll.contains("Vladimir B-PER\nPutin I-PER\n"), "{conll}");
    assert!(conll.contains("Sochi B-LOC\n"));
    assert!(conll.contains("أردوغان B-PER\n"));
    let csv = serialize(Format::Csv, &d).unwrap();
    let mut lines = csv.lines();
    assert!(lines.next().unwrap().starts_with("document,id,label,start,end,quote"));
    assert!(csv.contains("x,") && csv.contains(",PLACE,") && csv.contains(",killed,900,moreThan,"), "{csv}");
    assert_eq!(csv::field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    assert_eq!(csv::field("-12"), "-12");
}

#[test]
fn import_errors_are_clear() {
    let cases: Vec<(Format, &str, Option<&str>, &str)> = vec![
        (Format::Doccano, "{\"text\":\"abc\",\"label\":[[0,9,\"ORG\"]]}", None, "line 1: annotation 1: offsets 0..9"),
        (Format::Doccano, "{\"text\":\"abc\",\"label\":[[0,1]]}", None, "expected [start, end, label]"),
        (Format::Doccano, "not json", None, "line 1: not JSON"),
        (Format::LabelStudio, "[{\"data\":{}}]", None, "task 1: no data.text"),
        (Format::LabelStudio, "[{\"data\":{\"text\":\"abc\",\"referenceDate\":\"July 20\"}}]", None, "task 1: referenceDate"),
        (Format::LabelStudio, "[{\"data\":{\"text\":\"abc\"},\"annotations\":[{\"result\":[{\"type\":\"labels\",\"value\":{\"start\":0,\"end\":2,\"text\":\"xy\",\"labels\":[\"ORG\"]}}]}]}]", None, "does not match"),
        (Format::W3c, "{\"type\":\"AnnotationCollection\",\"first\":{\"items\":[{\"target\":{\"source\":\"urn:sha256:00\",\"selector\":[]}}]}}", Some("abc"), "another text"),
        (Format::W3c, "{}", Some("abc"), "not a W3C"),
        (Format::W3c, "{}", None, "holds no text"),
        (Format::Brat, "T1\tORG 0 1;2 3\ta b", Some("abcd"), "discontinuous"),
        (Format::Brat, "T1\tORG 0 2\txy", Some("abcd"), "does not match"),
        (Format::Brat, "T1\tTHING! 0 2\tab", Some("abcd"), "unknown label"),
        (Format::Csv, "a,b", None, "does not read it"),
    ];
    for (f, input, text, msg) in cases {
        let err = deserialize(f, input, text).err().unwrap_or_else(|| panic!("{}: {input} imported", f.name()));
        assert!(err.message().contains(msg), "{}: {input}: {err}", f.name());
    }
}

#[test]
fn formats_are_detected_from_name_and_content() {
    let d = [Named::new(doc())];
    for f in Format::ALL.into_iter().filter(|f| f.can_import()) {
        let out = serialize(f, &d).unwrap();
        assert_eq!(detect(&format!("x.{}", f.extension()), &out), f, "{}", f.name());
    }
    assert_eq!(detect("notes.txt", "T1\tORG 0 3\tabc\n"), Format::Brat);
}

#[test]
fn opened_files_are_told_apart() {
    assert_eq!(file_kind("a.TXT", "{}"), "text");
    assert_eq!(file_kind("page.htm", "x"), "html");
    assert_eq!(file_kind("download", "<!DOCTYPE html><p>x"), "html");
    assert_eq!(file_kind("notes", "Putin met Erdogan."), "text");
    assert_eq!(file_kind("export", "{\"format\":\"gloss\",\"version\":1,\"text\":\"x\"}"), "gloss");
    assert_eq!(file_kind("a.jsonl", "{\"text\":\"x\",\"label\":[]}\n"), "doccano");
}

#[test]
fn doccano_relation_projects_and_brat_extras_are_read() {
    let d = deserialize(Format::Doccano, "{\"id\":7,\"text\":\"Putin spoke.\",\"entities\":[{\"id\":1,\"label\":\"PERSON\",\"start_offset\":0,\"end_offset\":5}],\"relations\":[]}", None).unwrap();
    assert_eq!(key(&d[0].doc), vec![("Putin".to_string(), Label::Person)]);
    assert_eq!(d[0].id, Some(json!(7)));
    // Relations and events that gloss does not model are skipped, not refused.
    let d = deserialize(Format::Brat, "T1\tPERSON 0 5\tPutin\nR1\tSays Arg1:T1 Arg2:T1\nE1\tSpeak:T1\n", Some("Putin spoke.")).unwrap();
    assert_eq!(d[0].doc.annotations()[0].status, Status::Accepted);
}

#[test]
fn file_names_come_from_the_headline_date_and_format() {
    assert_eq!(file_name("\n  Drone strike on mosque kills 31\n\nA drone…", Some("2025-03-16"), "", "ann"), "drone-strike-on-mosque-kills-31-2025-03-16.ann");
    assert_eq!(file_name("Ataque en Alepo: 12 muertos / 戦闘で12人死亡", None, "-casualties", "csv"), "ataque-en-alepo-12-muertos-戦闘で12人死亡-casualties.csv");
    assert_eq!(file_name("<script>../../etc</script>", None, "", "json"), "script-etc-script.json");
    assert_eq!(file_name("", None, "", "json"), "untitled.json");
    let long = file_name(&"word ".repeat(40), None, "", "json");
    assert!(long.chars().count() <= 65 && long.ends_with("word.json"), "{long}");
}
