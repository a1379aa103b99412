//! Peoples named from places: forms of a listed place or nationality that the lists do not hold
//! (`Argentinians`, `Parisians`, `Londoners`, `Belarusian`, `Saudis`), and names joined by
//! hyphens, each a name of its own (`Syrian-Turkish`, `Kenya-Somalia`, `Israeli-Cypriot-Greek`).

use super::mention::Mention;
use crate::annotation::Label;
use crate::recognize::gazetteer::Gazetteer;
use crate::text::segment::{Sentence, TokenKind};

/// Endings of a people's name, and what the place's name ends in instead (`Argentin-ians` of
/// `Argentin-a`, `Paris-ians` of `Paris`, `London-ers` of `London`, `Saudi-s` of `Saudi`).
const ENDINGS: [(&str, &[&str]); 9] = [
    ("ians", &["", "ia", "a"]),
    ("ian", &["", "ia", "a"]),
    ("eans", &["e", "ea"]),
    ("ean", &["e", "ea"]),
    ("ans", &["a", ""]),
    ("an", &["a", ""]),
    ("ers", &[""]),
    ("er", &[""]),
    ("s", &[""]),
];

/// The label of `w` as a people's name or a place: listed as a place or nationality, or a
/// people's form of one (never a given name: `Adrian`, `Brian`).
fn listed_or_people(g: &Gazetteer, w: &str) -> Option<Label> {
    // (Not GeoNames' regions and other spellings: `Waldorf-Astoria` is a hotel.)
    if let Some(e) = g.lookup(w).filter(|e| matches!(e.label, Label::Place | Label::Group) && e.rule != "known-name" && !e.later) {
        return Some(e.label);
    }
    people(g, w).then_some(Label::Group)
}

/// Is `w` a people's name formed from a listed place or nationality (`Arabian` of `Arab`)?
fn people(g: &Gazetteer, w: &str) -> bool {
    // (The endings first: most capitalised words have none, and that costs no look-up.)
    let ends = |e: &&(&str, &[&str])| w.len() > e.0.len() + 3 && w.ends_with(e.0);
    if !ENDINGS.iter().any(|e| ends(&e)) {
        return false;
    }
    // (Nor a common word: `Traders`, `Further`.)
    if !w.starts_with(|c: char| c.is_uppercase()) || !w.chars().any(char::is_lowercase) || g.first_names.contains(w) || g.lookup(w).is_some() || g.is_common(w) {
        return false;
    }
    let mut base = String::with_capacity(w.len() + 2);
    ENDINGS.iter().filter(ends).any(|(ending, adds)| {
        let stem = &w[..w.len() - ending.len()];
        stem.chars().count() >= 4
            && adds.iter().any(|add| {
                base.clear();
                base.push_str(stem);
                base.push_str(add);
                // (A plural `s` makes a people only of a people: `Saudi-s`, not `Paris`; nor a
                // form of GeoNames' smaller names: `Trad-ers`.)
                g.lookup(&base).is_some_and(|e| e.rule != "known-name" && !e.later && (e.label == Label::Group || *ending != "s" && e.label == Label::Place))
            })
    })
}

/// Every place name `w` could be a people's name of, listed or not (`Arabian`: `Arab`, `Arabia`, …).
fn stems(w: &str) -> impl Iterator<Item = String> + '_ {
    ENDINGS.iter().flat_map(move |(ending, adds)| {
        let stem = w.strip_suffix(ending).filter(|stem| stem.chars().count() >= 4);
        adds.iter().filter_map(move |add| Some(format!("{}{add}", stem?)))
    })
}

/// Claims peoples' names and splits hyphenated names in `s`, unless a longer name holds them
/// (`Indonesian Navy`, `Syrian-Turkish Friendship Association`).
pub(super) fn peoples(text: &str, s: &Sentence, g: &Gazetteer, found: &mut Vec<Mention>) {
    // A longer name holds `start..end` unless it is only the model's reading with common words
    // around (`[Two Argentinians]` at the start of a sentence).
    let inside_longer = |found: &[Mention], start: usize, end: usize| {
        found.iter().any(|m| {
            let longer = m.start < end && start < m.end && (m.start < start || m.end > end) && m.label != Some(Label::Group);
            let padding = || text[m.start..start].split_whitespace().chain(text[end..m.end].split_whitespace()).all(|w| g.is_common(w));
            longer && !(m.rule == "entity/tagger" && padding())
        })
    };
    let mut claims: Vec<(usize, usize, Label, &'static str)> = Vec::new();
    for t in s.tokens.iter().filter(|t| t.kind == TokenKind::Word) {
        let w = &text[t.start..t.end];
        if !w.starts_with(|c: char| c.is_uppercase()) {
            continue;
        }
        if w.contains('-') {
            // `A-B(-C…)`, each part capitalised and a place or a people.
            if g.lookup(w).is_some() || inside_longer(found, t.start, t.end) {
                continue;
            }
            let mut parts = Vec::new();
            let mut at = t.start;
            for part in w.split('-') {
                parts.push((at, at + part.len(), part));
                at += part.len() + 1;
            }
            let labels: Option<Vec<Label>> = parts.iter().map(|&(_, _, p)| listed_or_people(g, p)).collect();
            if let Some(labels) = labels.filter(|_| parts.len() >= 2) {
                claims.extend(parts.iter().zip(labels).map(|(&(a, b, _), label)| (a, b, label, "entity/hyphen-names")));
            }
        } else if people(g, w) {
            if inside_longer(found, t.start, t.end) {
                continue;
            }
            // The place's first word before it belongs to it: `Saudi Arabian` of `Saudi Arabia`.
            let prev = text[..t.start].strip_suffix(' ').and_then(|b| b.rsplit(' ').next()).filter(|p| !p.is_empty());
            let start = match prev {
                Some(p) if stems(w).any(|base| g.lookup(&format!("{p} {base}")).is_some_and(|e| e.label == Label::Place)) => t.start - 1 - p.len(),
                _ => t.start,
            };
            claims.push((start, t.end, Label::Group, "entity/people-form"));
        }
    }
    for (start, end, label, rule) in claims {
        found.retain(|m| !(m.start < end && start < m.end));
        found.push(Mention { start, end, label: Some(label), rule, strong: true, weak_position: false });
    }
    found.sort_by_key(|m| m.start);
}
