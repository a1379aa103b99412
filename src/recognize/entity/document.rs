//! The document pass: every name keeps one label through the document (a vote of its mentions,
//! rules weighing more than the model), a surname follows its full name, and a name known from
//! elsewhere is found inside a Title Case line; what stays unknown is dropped.

use super::mention::Mention;
use super::words::LOCATIVE;
use crate::annotation::{Candidate, Label};
use crate::hash::FxHashMap as HashMap;
use crate::recognize::gazetteer;

/// Gives each name one label through the document and drops what stays unknown.
pub(super) fn document_pass(text: &str, mentions: Vec<Mention>) -> Vec<Candidate> {
    let slot = |l: Label| match l {
        Label::Person => 0,
        Label::Org => 1,
        Label::Place => 2,
        _ => 3,
    };
    const BY_SLOT: [Label; 4] = [Label::Person, Label::Org, Label::Place, Label::Group];
    let g = gazetteer::get();
    let mut votes: HashMap<&str, [usize; 4]> = HashMap::default();
    let mut surnames: HashMap<&str, usize> = HashMap::default();
    // Surnames of full names that start with a given name (`Scott C. Dayton`): these win even
    // over a listed place of the same name.
    let mut given_surnames: HashMap<&str, usize> = HashMap::default();
    for m in mentions.iter().filter(|m| m.strong) {
        if m.label != Some(Label::Person) {
            continue;
        }
        let name = &text[m.start..m.end];
        {
            let parts: Vec<&str> = name.split_whitespace().collect();
            if parts.len() >= 2 {
                let last = parts[parts.len() - 1];
                *surnames.entry(last).or_default() += 1;
                if g.first_names.contains(parts[0]) {
                    *given_surnames.entry(last).or_default() += 1;
                }
                // `al-Assad` is also `Assad`.
                if let Some((_, bare)) = last.split_once('-') {
                    *surnames.entry(bare).or_default() += 1;
                }
            }
        }
    }
    for m in mentions.iter().filter(|m| m.strong) {
        let Some(label) = m.label else { continue };
        let name = &text[m.start..m.end];
        // Context rules and lists say more than the model's guess; the model's other label for
        // a known person's surname is a person's (`Abernathy` after `Donnie Lee Abernathy`).
        let weight = if m.rule == "entity/tagger" { 1 } else { 2 };
        let label = if m.rule == "entity/tagger" && !name.contains(' ') && given_surnames.contains_key(name) && g.lookup(name).is_none_or(|x| x.label != Label::Org) { Label::Person } else { label };
        votes.entry(name).or_default()[slot(label)] += weight;
    }
    let mut out = Vec::new();
    for m in mentions {
        let name = &text[m.start..m.end];
        let majority = votes.get(name).map(|v| {
            let best = (0..4).max_by_key(|&k| (v[k], std::cmp::Reverse(k))).unwrap();
            (BY_SLOT[best], v[best])
        });
        let surname = surnames.contains_key(name) && !name.contains(' ');
        let (label, rule) = if m.strong {
            let own = m.label.unwrap();
            let own_votes = votes.get(name).map_or(0, |v| v[slot(own)]);
            // (A listed place keeps its label after `in`, `near`, `from`, `of` … : `in Dayton`.)
            let unlisted = || {
                let before = text[..m.start].trim_end().rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
                let placed = LOCATIVE.contains(&before) || before == "of";
                g.lookup(name).is_none_or(|x| x.label == Label::Person || x.label == Label::Place && !placed && given_surnames.contains_key(name))
            };
            if surname && own != Label::Person && m.rule == "entity/tagger" && unlisted() {
                (Some(Label::Person), "entity/surname")
            } else {
                match majority {
                    Some((best, n)) if n > own_votes => (Some(best), "entity/same-name"),
                    _ => (Some(own), m.rule),
                }
            }
        } else if m.rule == super::model::SURNAME_ONLY && m.label.is_none() {
            (surname.then_some(Label::Person), "entity/surname")
        } else if let Some((best, _)) = majority {
            (Some(best), "entity/same-name")
        } else if surname {
            (Some(Label::Person), "entity/surname")
        } else if m.weak_position {
            // Maybe a known name sits inside: `Sweida` of a headline's `Sweida Halted`.
            if let Some((s, e, label)) = known_inside(text, m.start, m.end, &votes, &surnames) {
                out.push(Candidate::new(s, e, label, "entity/same-name"));
            }
            (None, m.rule)
        } else {
            (m.label, m.rule)
        };
        if let Some(label) = label {
            out.push(Candidate::new(m.start, m.end, label, rule));
        }
    }
    out
}

/// The longest run of whole words inside `start..end` that the document knows as a name.
pub(super) fn known_inside(text: &str, start: usize, end: usize, votes: &HashMap<&str, [usize; 4]>, surnames: &HashMap<&str, usize>) -> Option<(usize, usize, Label)> {
    const BY_SLOT: [Label; 4] = [Label::Person, Label::Org, Label::Place, Label::Group];
    let words: Vec<(usize, usize)> = text[start..end]
        .split_whitespace()
        .map(|w| {
            let s = w.as_ptr() as usize - text.as_ptr() as usize;
            (s, s + w.len())
        })
        .collect();
    for len in (1..words.len()).rev() {
        for i in 0..=words.len() - len {
            let (s, e) = (words[i].0, words[i + len - 1].1);
            let name = &text[s..e];
            if let Some(v) = votes.get(name) {
                let best = (0..4).max_by_key(|&k| (v[k], std::cmp::Reverse(k))).unwrap();
                return Some((s, e, BY_SLOT[best]));
            }
            if len == 1 && surnames.contains_key(name) {
                return Some((s, e, Label::Person));
            }
        }
    }
    None
}
