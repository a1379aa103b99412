//! A name found in a sentence before the document pass, and the title test that rules share.

use serde::{Deserialize, Serialize};

use crate::annotation::Label;
use crate::recognize::gazetteer::Gazetteer;
use crate::text::segment::Sentence;

/// One name found in a sentence before the document pass.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct Mention {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) label: Option<Label>,
    /// The rule that proposed it: an id of the catalogue (`entity/title-person`), or for a
    /// reading that only waits for the document pass, a bare name (`given-name`, `org-word`):
    /// such a mention becomes `entity/same-name` where the document knows the name, or nothing.
    #[serde(with = "crate::annotation::rule_id")]
    pub(super) rule: crate::annotation::RuleId,
    /// Evidence from the name itself or a list (not just its shape).
    pub(super) strong: bool,
    /// Sentence-initial or in a Title Case line: a capital here says little.
    pub(super) weak_position: bool,
}

/// Puts a rule's name over tokens `a..b` of `s` in place of whatever it overlaps (the caller
/// puts `found` back in text order when its rule is done).
pub(super) fn claim(found: &mut Vec<Mention>, s: &Sentence, (a, b): (usize, usize), label: Label, rule: &'static str) {
    let (start, end) = (s.tokens[a].start, s.tokens[b - 1].end);
    found.retain(|m| !(m.start < end && start < m.end));
    found.push(Mention { start, end, label: Some(label), rule, strong: true, weak_position: false });
}

/// A title at token `i` of `s` (`President`, `Maj. Gen.`, `Secretary of State`): its length in
/// tokens, counting the full stops of abbreviations.
pub(super) fn title_at(text: &str, s: &Sentence, g: &Gazetteer, i: usize) -> usize {
    let word = |k: usize| s.tokens.get(k).map_or("", |t| &text[t.start..t.end]);
    if !g.title_starts.contains(word(i)) {
        return 0;
    }
    let mut best = 0;
    let mut phrase = String::new();
    let mut k = i;
    while k < s.tokens.len() && k < i + 8 {
        let w = word(k);
        if w == "." {
            phrase.push('.');
        } else {
            if !phrase.is_empty() {
                phrase.push(' ');
            }
            phrase.push_str(w);
        }
        k += 1;
        if g.titles.contains(phrase.as_str()) {
            best = k - i;
            if word(k) == "." {
                best += 1;
            }
        }
    }
    best
}
