//! CoNLL-2003 BIO: one token a line with its tag, a blank line between sentences, names only
//! (written only).


use crate::annotation::Label;
use crate::document::Document;

pub(super) fn conll_label(l: Label) -> Option<&'static str> {
    match l {
        Label::Person => Some("PER"),
        Label::Org => Some("ORG"),
        Label::Place => Some("LOC"),
        Label::Group => Some("MISC"),
        Label::Date | Label::Casualty => None,
        // A label the user defined keeps its own name.
        l => Some(l.as_str()),
    }
}

/// One token a line with its BIO tag, a blank line between sentences, names only (CoNLL has
/// no dates or counts); nested names give way to the outermost.
pub fn serialize(doc: &Document) -> String {
    let text = doc.text();
    let names: Vec<&crate::annotation::Annotation> =
        doc.live().filter(|a| conll_label(a.label).is_some()).collect();
    let mut out = String::from("-DOCSTART- -X- O O\n\n");
    for s in &doc.segmentation().sentences {
        if s.tokens.is_empty() {
            continue;
        }
        let mut prev: Option<u32> = None;
        for t in &s.tokens {
            let word: String = text[t.start..t.end].split_whitespace().collect::<Vec<_>>().join("_");
            if word.is_empty() {
                continue;
            }
            // The outermost name covering the token (annotations are sorted by start, longest first).
            let a = names.iter().find(|a| a.start <= t.start && t.end <= a.end);
            let tag = match a {
                Some(a) => {
                    let l = conll_label(a.label).unwrap_or("MISC");
                    let tag = if prev == Some(a.id) { format!("I-{l}") } else { format!("B-{l}") };
                    prev = Some(a.id);
                    tag
                }
                None => {
                    prev = None;
                    "O".into()
                }
            };
            out += &format!("{word} {tag}\n");
        }
        out.push('\n');
    }
    out
}
