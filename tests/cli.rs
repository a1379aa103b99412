//! The command line as a user runs it: output on stdout, errors on stderr with a non-zero exit.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn gloss(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let _ = child.stdin.take().unwrap().write_all(stdin); // the program may exit before reading
    child.wait_with_output().unwrap()
}

fn json(out: &Output) -> serde_json::Value {
    assert!(out.status.success(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn annotate_file_with_date() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/examples/syria-two-articles.txt");
    let doc = json(&gloss(&["annotate", "--date", "2025-07-20", path], b""));
    assert_eq!(doc["format"], "gloss");
    assert_eq!(doc["referenceDate"], "2025-07-20");
    let anns = doc["annotations"].as_array().unwrap();
    let find = |q: &str| anns.iter().find(|a| a["quote"] == q).unwrap_or_else(|| panic!("no {q}"));
    assert_eq!(find("last Sunday")["date"]["value"], "2025-07-13");
    assert_eq!(find("Saturday")["date"]["value"], "2025-07-19");
    assert_eq!(find("four hours")["date"]["value"], "PT4H");
    let c = &find("more than 900 people")["casualty"];
    assert_eq!((c["category"].as_str(), c["count"].as_u64(), c["qualifier"].as_str()), (Some("killed"), Some(900), Some("moreThan")));
    for (label, q) in [("PERSON", "Recep Tayyip Erdogan"), ("PERSON", "Bashar al-Assad"), ("ORG", "Kurdistan Workers' Party"), ("GROUP", "Druze"), ("PLACE", "Black Sea")] {
        assert!(anns.iter().any(|a| a["label"] == label && a["quote"] == q), "{label} {q}");
    }
    // No casualty for the 30-km zone or the stray `20` line.
    assert!(!anns.iter().any(|a| a["label"] == "CASUALTY" && (a["quote"] == "20" || a["quote"].as_str().unwrap().contains("30"))));
}

#[test]
fn annotate_stdin_without_date_uses_dateline() {
    let doc = json(&gloss(&["annotate"], "19 July 2025, Syria: fighters left on Saturday.".as_bytes()));
    assert_eq!(doc["referenceDate"], "2025-07-19");
    let sat = doc["annotations"].as_array().unwrap().iter().find(|a| a["quote"] == "Saturday").unwrap().clone();
    assert_eq!(sat["date"]["value"], "2025-07-19");
}

#[test]
fn jsonl_keeps_order_and_ids() {
    let input = "{\"id\": \"b\", \"text\": \"Putin met 🎉 Erdogan on Saturday.\", \"referenceDate\": \"2025-07-20\", \"extra\": 1}\n\n{\"id\": 7, \"text\": \"Nothing here.\", \"referenceDate\": null}\n";
    let out = gloss(&["annotate", "--jsonl"], input.as_bytes());
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "b");
    assert_eq!(lines[1]["id"], 7);
    let sat = lines[0]["annotations"].as_array().unwrap().iter().find(|a| a["quote"] == "Saturday").unwrap().clone();
    // Code points: the emoji counts one.
    assert_eq!((sat["start"].as_u64(), sat["end"].as_u64()), (Some(23), Some(31)));
}

#[test]
fn errors_go_to_stderr_with_non_zero_exit() {
    let cases: &[(&[&str], &[u8], &str)] = &[
        (&["annotate", "--date", "20/07/2025"], b"x", "YYYY-MM-DD"),
        (&["annotate", "--date"], b"x", "needs a value"),
        (&["annotate", "--bogus"], b"x", "unknown option"),
        (&["frobnicate"], b"", "unknown command"),
        (&["annotate", "/no/such/file.txt"], b"", "/no/such/file.txt"),
        (&["annotate"], b"caf\xff text", "not UTF-8"),
        (&["annotate", "--jsonl"], b"{\"id\": 1, \"text\": \"ok\"}\nnot json\n", "line 2: not JSON"),
        (&["annotate", "--jsonl"], b"{\"id\": 1}\n", "no \"text\""),
    ];
    for (args, stdin, msg) in cases {
        let out = gloss(args, stdin);
        assert!(!out.status.success(), "{args:?} succeeded");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(msg), "{args:?}: {err}");
    }
}

#[test]
fn convert_between_formats_and_brat_text_beside_the_ann() {
    let dir = std::env::temp_dir().join(format!("gloss-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let txt = dir.join("a.txt");
    std::fs::write(&txt, "🇸🇾 Putin met Erdogan in Sochi; قال أردوغان.\r\n12 people were killed.").unwrap();
    let ann = gloss(&["annotate", "--date", "2025-07-20", "--to", "brat", txt.to_str().unwrap()], b"");
    assert!(ann.status.success(), "{}", String::from_utf8_lossy(&ann.stderr));
    let ann_path = dir.join("a.ann");
    std::fs::write(&ann_path, &ann.stdout).unwrap();
    // brat → doccano, the text read from a.txt beside a.ann.
    let out = gloss(&["convert", "--from", "brat", "--to", "doccano", ann_path.to_str().unwrap()], b"");
    let line = json(&out);
    let text: Vec<char> = line["text"].as_str().unwrap().chars().collect();
    let labels = line["label"].as_array().unwrap();
    assert!(labels.iter().any(|l| l[2] == "CASUALTY" && text[l[0].as_u64().unwrap() as usize..l[1].as_u64().unwrap() as usize].iter().collect::<String>() == "12 people"));
    // doccano → gloss JSON → W3C with the text given.
    let gl = gloss(&["convert", "--from", "doccano", "--to", "gloss"], &out.stdout);
    assert_eq!(json(&gl)["format"], "gloss");
    let w3c = gloss(&["convert", "--from", "gloss", "--to", "w3c"], &gl.stdout);
    assert_eq!(json(&w3c)["type"], "AnnotationCollection");
    let back = gloss(&["convert", "--from", "w3c", "--to", "gloss", "--text", txt.to_str().unwrap()], &w3c.stdout);
    assert_eq!(json(&back)["annotations"].as_array().unwrap().len(), labels.len());
    // Errors: a format gloss only writes, and W3C without its text.
    let e = gloss(&["convert", "--from", "conll", "--to", "gloss"], b"x");
    assert!(!e.status.success() && String::from_utf8_lossy(&e.stderr).contains("does not read it"));
    let e = gloss(&["convert", "--from", "w3c", "--to", "gloss"], &w3c.stdout);
    assert!(!e.status.success() && String::from_utf8_lossy(&e.stderr).contains("holds no text"));
    let e = gloss(&["convert", "--from", "docx", "--to", "gloss"], b"");
    assert!(String::from_utf8_lossy(&e.stderr).contains("unknown format"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn jsonl_on_several_threads_keeps_order_and_output() {
    let mut input = String::new();
    for k in 0..300 {
        input += &format!("{{\"id\":{k},\"text\":\"Putin met Erdogan in Sochi on Saturday; {k} people were killed.\",\"referenceDate\":\"2025-07-20\"}}\n");
        if k % 50 == 0 {
            input += "\n"; // blank lines are skipped
        }
    }
    let one = gloss(&["annotate", "--jsonl", "--threads", "1"], input.as_bytes());
    let four = gloss(&["annotate", "--jsonl", "--threads", "4"], input.as_bytes());
    assert!(one.status.success() && four.status.success(), "{}", String::from_utf8_lossy(&four.stderr));
    assert_eq!(one.stdout, four.stdout);
    let ids: Vec<u64> = String::from_utf8(four.stdout).unwrap().lines().map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_u64().unwrap()).collect();
    assert_eq!(ids, (0..300).collect::<Vec<_>>());
    // A bad line stops the batch with its number.
    let bad = gloss(&["annotate", "--jsonl", "--threads", "2"], b"{\"text\":\"ok\"}\nnot json\n");
    assert!(!bad.status.success() && String::from_utf8_lossy(&bad.stderr).contains("line 2: not JSON"));
}

#[test]
fn rules_lists_every_rule_with_its_examples() {
    let all = json(&gloss(&["rules", "--json"], b""));
    let rules = all.as_array().unwrap();
    for family in ["date/", "entity/", "casualty/"] {
        assert!(rules.iter().any(|r| r["id"].as_str().unwrap().starts_with(family)), "no {family} rule");
    }
    for r in rules {
        let examples = r["examples"].as_array().unwrap();
        assert!(!examples.is_empty(), "{} has no example", r["id"]);
        assert!(!r["description"].as_str().unwrap().is_empty());
        for e in examples {
            assert!(e["text"].as_str().unwrap().contains(e["span"].as_str().unwrap()), "{e}");
        }
    }
    // The plain listing: one line a rule, then the totals.
    let out = gloss(&["rules"], b"");
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), rules.len() + 1);
    assert!(text.lines().any(|l| l.starts_with("date/weekday ") && l.contains("examples")), "{text}");
    assert!(!gloss(&["rules", "--yaml"], b"").status.success());
}
