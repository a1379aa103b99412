//! Casualty counts: a number (digits, words or a vague count), its qualifier (`at least`,
//! `more than`, `between … and …`), the victim noun that follows, and the category read from
//! the words around it in either order (`killing 20 people`, `20 people were killed`,
//! `the death toll rose to 65`). Counts of missiles, years or kilometres have no victim noun
//! and no harm word beside them, so they are left alone.

mod read;
mod words;
#[cfg(test)]
mod tests;

use self::words::Words;
use crate::annotation::{Candidate, CasualtyAttrs, Label};
use crate::text::number;
use crate::text::segment::{Segmentation, Sentence};

/// Every casualty rule: its id (as in the export's `rule`) and what it does. Each has examples
/// among the tests below.
pub const RULES: &[(&str, &str)] = &[
    ("casualty/count", "a number of people with a harm word before or after it: `killed 15 people`, `Three killed`"),
    ("casualty/qualified-count", "the same with a qualifier: `at least 20`, `more than 900 people`, `up to 50`, `nearly 1.2 million`"),
    ("casualty/vague-count", "a vague count at its conventional value, at least: `dozens` 12, `scores` 20, `hundreds` 100"),
    ("casualty/range", "a range: `between 10 and 15 civilians`, `10 to 15`"),
];

/// Casualty candidates in `text`.
pub fn recognize(text: &str, seg: &Segmentation) -> Vec<Candidate> {
    let mut out = Vec::new();
    for s in &seg.sentences {
        sentence_casualties(text, s, &mut out);
    }
    out
}

fn sentence_casualties(text: &str, s: &Sentence, out: &mut Vec<Candidate>) {
    let w = Words { text, tokens: &s.tokens };
    let n = s.tokens.len();
    let mut i = 0;
    while i < n {
        let Some(num) = number::parse_at(text, &s.tokens, i) else {
            i += 1;
            continue;
        };
        match read::read_mention(&w, num) {
            Some((first, last, attrs)) => {
                let mut c = Candidate::new(s.tokens[first].start, s.tokens[last - 1].end, Label::Casualty, attrs.1);
                c.casualty = Some(attrs.0);
                out.push(c);
                i = last;
            }
            None => i = num.last,
        }
    }
}

/// Attributes for a span the user marked as CASUALTY, read with its sentence as context.
pub fn infer(text: &str, seg: &Segmentation, start: usize, end: usize) -> CasualtyAttrs {
    let found = seg
        .sentences
        .iter()
        .filter(|s| s.start <= start && end <= s.end)
        .flat_map(|s| {
            let mut v = Vec::new();
            sentence_casualties(text, s, &mut v);
            v
        })
        .find(|c| c.start < end && start < c.end);
    found.and_then(|c| c.casualty).unwrap_or_else(|| {
        let count = number::parse_number(text[start..end].split_whitespace().next().unwrap_or(""));
        CasualtyAttrs { category: "killed".into(), count, qualifier: "exact".into(), min: None, max: None, victims: None }
    })
}
