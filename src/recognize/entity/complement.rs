//! Organisations named with a complement: a head word, then `of`, `for`, `on` or `to` and a
//! name (`Ministry of Defence`, `University of Cambridge`, `Tunisian League for the Defence of
//! Human Rights`, `Committee to Protect Journalists`): one organisation, whatever the model or
//! the lists read in its pieces.

use super::mention::{Mention, claim, title_at};
use super::words::*;
use crate::annotation::Label;
use crate::recognize::gazetteer::Gazetteer;
use crate::text::segment::{Sentence, TokenKind};

const DETERMINERS: [&str; 10] = ["Our", "My", "His", "Her", "Their", "Its", "This", "That", "These", "Those"];

/// The longest such names of `s`, claimed over the mentions they cover.
pub(super) fn organisations(text: &str, s: &Sentence, g: &Gazetteer, found: &mut Vec<Mention>) {
    // (In a Title Case line `Of` and `For` say nothing of where a name ends.)
    if s.title_case {
        return;
    }
    let n = s.tokens.len();
    let word = |k: usize| s.tokens.get(k).map_or("", |t| &text[t.start..t.end]);
    let capital = |k: usize| k < n && s.tokens[k].kind == TokenKind::Word && word(k).starts_with(|c: char| c.is_uppercase());
    let joins = |k: usize| matches!(word(k), "of" | "for" | "on" | "to");
    let mut spans = Vec::new();
    let mut k = 0;
    while k + 2 < n {
        // (A lower-case head is none; a head alone at the start of a sentence is still a name:
        // `Parliament of Iraq`.)
        if !(joins(k + 1) && capital(k) && ORG_HEADS.contains(word(k))) {
            k += 1;
            continue;
        }
        // The complement: capitalised words, `the` first, `of` or `for` between them; a title
        // ends it (`Department of Defense [Secretary]`).
        let mut c = k + 2 + usize::from(word(k + 2) == "the");
        let from = c;
        while c < n && capital(c) && title_at(text, s, g, c) == 0 {
            c += 1;
            if matches!(word(c), "of" | "for") && capital(c + 1) && c + 1 - from < 6 {
                c += 1;
            }
        }
        // (`on Friday` is a date; after `for` and `to` a place or a person is no complement
        // (`from the camp to Jerusalem`), a listed name neither; `of Our Lady` is no name.)
        let first = word(from);
        let placed_or_person = |j: usize| found.iter().any(|m| m.strong && m.start == s.tokens[j].start && matches!(m.label, Some(Label::Place) | Some(Label::Person)));
        let rejected = c == from
            || c - from > 6
            || word(k + 1) == "on" && TIME_WORDS.contains(&first)
            || matches!(word(k + 1), "for" | "to") && (placed_or_person(from) || !g.is_common(first) && g.lookup(first).is_some())
            || DETERMINERS.contains(&first)
            || word(c) == "." && s.tokens[c].start == s.tokens[c - 1].end;
        if rejected {
            k += 1;
            continue;
        }
        // The head's own name: the mention that ends on it, or the capitalised words before it.
        let head_end = s.tokens[k].end;
        let start = match found.iter().find(|m| m.start <= s.tokens[k].start && s.tokens[k].start < m.end) {
            Some(m) if m.end != head_end || m.label == Some(Label::Place) && g.lookup(&text[m.start..m.end]).is_some_and(|x| x.label == Label::Place) => {
                // The head is inside a longer name (`Coast Guard Commandant`) or ends a listed
                // place (`from the West Bank to Jerusalem`).
                k += 1;
                continue;
            }
            Some(m) => s.tokens.iter().position(|t| t.start == m.start).unwrap_or(k),
            None => {
                let mut a = k;
                while a > 0 && capital(a - 1) && s.tokens[a - 1].end + 1 == s.tokens[a].start && word(a - 1) != "The" {
                    a -= 1;
                }
                a
            }
        };
        spans.push((start, c));
        k = c;
    }
    for (a, b) in spans {
        claim(found, s, (a, b), Label::Org, "entity/org-complement");
    }
    found.sort_by_key(|m| m.start);
}

/// Words that make a listed organisation's name before them a thing of its own, not a longer
/// organisation: `[UN Security Council] Resolution 2254`, `[UNESCO] World Heritage Site`, `[G7]
/// Summit`.
const THINGS: [&str; 14] =
    ["Resolution", "Resolutions", "World", "Summit", "Summits", "Conference", "Convention", "Charter", "Report", "Award", "Awards", "Prize", "Declaration", "Resettlement"];

/// Cuts a name that a listed organisation begins and a thing word continues back to the
/// organisation.
pub(super) fn listed_before_things(text: &str, g: &Gazetteer, found: &mut [Mention]) {
    for m in found.iter_mut().filter(|m| m.label.is_some() && m.rule != "entity/gazetteer-org") {
        let name = &text[m.start..m.end];
        let mut cut = None;
        for (i, _) in name.match_indices(' ') {
            let next = name[i + 1..].split(' ').next().unwrap_or("");
            if THINGS.contains(&next) && g.lookup(&name[..i]).is_some_and(|e| e.label == Label::Org) {
                cut = Some(i);
            }
        }
        if let Some(i) = cut {
            m.end = m.start + i;
            m.label = Some(Label::Org);
            m.rule = "entity/gazetteer-org";
        }
    }
}
