//! brat standoff `.ann`: a `T` line per span (brat counts characters, as gloss does), the
//! casualty category as an `A` attribute, the other attributes as annotator notes; the text is
//! the `.txt` beside it.

use serde_json::Value;

use super::spans;
use super::build::{SpanIn, build_document};
use crate::annotation::{CasualtyAttrs, DateAttrs};
use crate::document::Document;
use crate::error::{Error, Result};

/// brat `.ann` text: a `T` line per span (brat counts characters, as gloss does), the casualty
/// category as an `A` attribute, and the other attributes as annotator notes.
pub fn serialize(doc: &Document) -> String {
    let mut out = String::new();
    let (mut attr, mut note) = (0, 0);
    for (k, a) in spans(doc).iter().enumerate() {
        let t = k + 1;
        // A line break inside a span would break the line format: brat writes a space.
        let quote: String = a.quote.chars().map(|c| if c == '\n' || c == '\r' || c == '\t' { ' ' } else { c }).collect();
        out += &format!("T{t}\t{} {} {}\t{quote}\n", a.label.as_str(), a.start, a.end);
        let mut notes = vec![format!("id={}", a.id), format!("status={}", serde_json::to_value(a.status).unwrap().as_str().unwrap_or(""))];
        if let Some(d) = &a.date {
            notes.push(format!("type={}", d.kind));
            notes.push(format!("value={}", d.value));
        }
        if let Some(c) = &a.casualty {
            attr += 1;
            out += &format!("A{attr}\tCategory T{t} {}\n", c.category);
            let n = |v: Option<u64>| v.map_or("null".to_string(), |v| v.to_string());
            notes.push(format!("count={}", n(c.count)));
            notes.push(format!("qualifier={}", c.qualifier));
            notes.push(format!("min={}", n(c.min)));
            notes.push(format!("max={}", n(c.max)));
            if let Some(v) = &c.victims {
                notes.push(format!("victims={}", v.replace(' ', "_")));
            }
            if let Some(v) = &c.scope {
                notes.push(format!("scope={v}"));
            }
            if let Some(v) = &c.incident {
                notes.push(format!("incident={v}"));
            }
        }
        note += 1;
        out += &format!("#{note}\tAnnotatorNotes T{t}\t{}\n", notes.join(" "));
    }
    out
}

pub fn parse(ann: &str, text: &str) -> Result<Document> {
    let mut spans: Vec<(String, SpanIn)> = Vec::new();
    let mut category: Vec<(String, String)> = Vec::new();
    let mut notes: Vec<(String, String)> = Vec::new();
    for (n, raw) in ann.lines().enumerate() {
        let what = format!("line {}", n + 1);
        let l = raw.trim_end_matches('\r');
        if l.trim().is_empty() {
            continue;
        }
        let mut cols = l.splitn(3, '\t');
        let (id, mid, rest) = (cols.next().unwrap_or(""), cols.next().unwrap_or(""), cols.next());
        match id.chars().next() {
            Some('T') => {
                let mut parts = mid.split(' ');
                let label = parts.next().unwrap_or("").to_string();
                let joined = parts.collect::<Vec<_>>().join(" ");
                let loc: Vec<&str> = joined.split(';').collect();
                if loc.len() != 1 {
                    return Err(Error::import(format!("{what}: {id} is a discontinuous span, which gloss does not support")));
                }
                let nums: Vec<&str> = loc[0].split(' ').collect();
                let num = |s: &str| s.parse::<usize>().map_err(|_| Error::import(format!("{what}: {s:?} is not an offset")));
                if nums.len() != 2 {
                    return Err(Error::import(format!("{what}: expected \"LABEL START END\" after {id}")));
                }
                let (start, end) = (num(nums[0])?, num(nums[1])?);
                // The quote in the file has line breaks as spaces: compare with that in mind.
                let quote = rest.map(str::to_string);
                spans.push((id.to_string(), SpanIn { label, start, end, quote, ..SpanIn::default() }));
            }
            Some('A') | Some('M') => {
                let p: Vec<&str> = mid.split(' ').collect();
                if p.len() == 3 && p[0] == "Category" {
                    category.push((p[1].to_string(), p[2].to_string()));
                }
            }
            Some('#') => {
                let p: Vec<&str> = mid.split(' ').collect();
                if p.len() == 2 && p[0] == "AnnotatorNotes" {
                    notes.push((p[1].to_string(), rest.unwrap_or("").to_string()));
                }
            }
            // Relations, events, equivalences, normalizations: not gloss's to keep.
            _ => {}
        }
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(spans.len());
    for (tid, mut s) in spans {
        if let Some(q) = s.quote.take() {
            if s.end <= chars.len() && s.start < s.end {
                let actual: String = chars[s.start..s.end].iter().map(|&c| if c == '\n' || c == '\r' || c == '\t' { ' ' } else { c }).collect();
                if actual != q {
                    return Err(Error::import(format!("{tid}: its text “{q}” does not match the text at {}..{} (“{actual}”)", s.start, s.end)));
                }
            }
        }
        let kv: Vec<(String, String)> = notes
            .iter()
            .filter(|(t, _)| *t == tid)
            .flat_map(|(_, n)| n.split(' ').filter_map(|p| p.split_once('=').map(|(k, v)| (k.to_string(), v.to_string()))).collect::<Vec<_>>())
            .collect();
        let get = |k: &str| kv.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone());
        let num = |k: &str| get(k).and_then(|v| v.parse::<u64>().ok());
        s.id = get("id");
        s.status = get("status").and_then(|v| serde_json::from_value(Value::String(v)).ok());
        if let (Some(kind), Some(value)) = (get("type"), get("value")) {
            s.date = Some(DateAttrs { kind, value });
        }
        if let Some((_, cat)) = category.iter().find(|(t, _)| *t == tid) {
            s.casualty = Some(CasualtyAttrs {
                category: cat.clone(),
                count: num("count"),
                qualifier: get("qualifier").unwrap_or_else(|| "exact".into()),
                min: num("min"),
                max: num("max"),
                victims: get("victims").map(|v| v.replace('_', " ")),
                scope: get("scope"),
                incident: get("incident"),
            });
        }
        out.push(s);
    }
    build_document(text.to_string(), None, out)
}
