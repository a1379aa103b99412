//! The statistical tagger's spans made into name mentions: hyphenated modifiers and loose
//! punctuation trimmed, titles and family words splitting a span (what follows is a person),
//! a listed place before a given name made its own name, a group word opening a MISC span, and
//! names in Title Case lines cut at words capitalised only by the style.

use super::mention::{Mention, title_at};
use super::words::*;
use crate::annotation::Label;
use crate::hash::FxHashMap as HashMap;
use crate::recognize::gazetteer::{Gazetteer, Hit};
use crate::recognize::tagger;
use crate::text::segment::{Sentence, TokenKind};

/// The rule of a mention without a label that counts only as the surname of a person the
/// document names.
pub(super) const SURNAME_ONLY: &str = "entity/surname";

/// Mentions from the tagger's `tags` of sentence `s`, and the spans of other kinds of names
/// (events, products) inside which no place or organisation stands on its own.
pub(super) fn mentions(text: &str, s: &Sentence, g: &Gazetteer, hit_at: &HashMap<usize, Hit>, tags: &[usize], title_case: bool) -> (Vec<Mention>, Vec<(usize, usize)>) {
    let mut found = Vec::new();
    let mut blocked: Vec<(usize, usize)> = Vec::new();
    for (a, b, class) in tagger::spans(tags) {
        let word = |k: usize| &text[s.tokens[k].start..s.tokens[k].end];
        // In a hyphenated modifier only the name is marked: `[ISIL]-held`, `[U.S.]-led`.
        let mut b = (a + 1..b).find(|&k| word(k) == "-" && MODIFIERS.contains(&word(k + 1))).unwrap_or(b);
        let mut a = a;
        // No punctuation at either end: `“Around` is `Around`.
        // `Chen Chun-yeh`: a name's own hyphenated syllable belongs to it.
        if b > a + 1 && word(b - 1) == "-" && s.tokens.get(b).is_some_and(|t| t.start == s.tokens[b - 1].end && t.kind == TokenKind::Word) && !MODIFIERS.contains(&word(b)) {
            b += 1;
        }
        let loose = |k: usize| matches!(word(k), "“" | "”" | "\"" | "‘" | "’" | "'" | "—" | "–" | "-" | "…" | "«" | "»");
        while a < b && loose(a) {
            a += 1;
        }
        while b > a && loose(b - 1) {
            b -= 1;
        }
        // A prefix is no part of the name (`pro-[Beijing]`, `anti-[Houthi]`): the tokenizer
        // splits it off, the model may keep it (as an event or a kind of thing).
        while a + 2 < b && word(a).starts_with(char::is_lowercase) && word(a + 1) == "-" {
            a += 2;
        }
        if a == b {
            continue;
        }
        let mut class = class;
        // Titles and roles split a span: what follows them is a person (`Jefferson Parish
        // Sheriff [Newell Normand]`, `Army Lt. Gen. [Stephen J. Townsend]`), what comes
        // before is a name of its own or nothing (`[Navy] Capt.`, `Defense Secretary`).
        let mut cut: Option<(usize, usize)> = None;
        let mut k = a;
        while k < b {
            let t = title_at(text, s, g, k).max(usize::from(k == a && RELATIVES.contains(&word(k))));
            // (A title word that ends a person's name is the name: `John Major`, `Billie Jean King`.)
            let abbreviated = t > 0 && (word(k + t - 1) == "." || g.titles.contains(format!("{}.", word(k)).as_str()));
            if t > 0 && word(k).starts_with(char::is_uppercase) && (k + t < b || class != 0 || abbreviated) {
                cut = Some((k, (k + t).min(b)));
                k += t;
            } else {
                k += 1;
            }
        }
        // A listed place, then a given name: `Minister for the [Middle East] [Tobias Ellwood]`.
        if cut.is_none() && matches!(class, 0 | 2) {
            if let Some(h) = hit_at.get(&s.tokens[a].start).filter(|h| h.entry.label == Label::Place) {
                if let Some(e) = (a + 1..b.saturating_sub(1)).find(|&e| s.tokens[e - 1].end == h.end) {
                    if g.first_names.contains(word(e)) {
                        found.push(Mention { start: s.tokens[a].start, end: h.end, label: Some(Label::Place), rule: "entity/tagger", strong: true, weak_position: false });
                        a = e;
                        class = 0;
                    }
                }
            }
        }
        if let Some((k, e)) = cut.filter(|&(k, _)| k > a || class == 0) {
            let initial = |w: &str| w.len() <= 2 && w.starts_with(char::is_uppercase);
            let person_next = e < b && (class == 0 || g.first_names.contains(word(e)) || initial(word(e)));
            if person_next || e >= b {
                let pa = if word(a) == "The" { a + 1 } else { a };
                if pa < k {
                    let (ps, pe) = (s.tokens[pa].start, s.tokens[k - 1].end);
                    let name = &text[ps..pe];
                    let last = word(k - 1);
                    let label = if SERVICES.contains(&name) {
                        Some(Label::Org)
                    } else if let Some(x) = g.lookup(name) {
                        Some(x.label)
                    } else if PLACE_WORDS.contains(last) || last == "Parish" {
                        Some(Label::Place)
                    } else if ORG_WORDS.contains(last) {
                        Some(Label::Org)
                    } else {
                        None
                    };
                    // (Anything else counts only where the document knows it.)
                    found.push(Mention { start: ps, end: pe, label, rule: "entity/tagger", strong: label.is_some() && !title_case, weak_position: label.is_none() || title_case });
                }
                if e >= b {
                    continue;
                }
                a = e;
                class = 0;
            }
        }
        // A capitalised preposition opening the sentence is not part of the name (`Near Palmyra`).
        if b > a + 1 && (0..a).all(|j| s.tokens[j].kind == TokenKind::Punct) && matches!(word(a), "Near" | "In" | "At" | "On" | "From" | "Outside" | "Inside" | "After" | "Before" | "During" | "Across") {
            a += 1;
        }
        let (start, end) = (s.tokens[a].start, s.tokens[b - 1].end);
        // A name has a capital somewhere (`interior ministry` is a description).
        if !text[start..end].chars().any(char::is_uppercase) {
            continue;
        }
        let label = match class {
            0 => Some(Label::Person),
            1 => Some(Label::Org),
            2 => Some(Label::Place),
            // MISC: a nationality or group when it starts with words of the group lists
            // (`Syrian Kurdish`, `Saudi` of `Saudi-led`).
            _ => None,
        };
        let groups = s.tokens[a..b].iter().take_while(|t| g.lookup(&text[t.start..t.end]).is_some_and(|e| e.label == Label::Group)).count();
        let (label, end) = if class == 3 && groups > 0 { (Some(Label::Group), s.tokens[a + groups - 1].end) } else { (label, end) };
        // MISC of several words that ends in an organisation's word is an organisation
        // (`Missouri State Highway Patrol`, `Kurdistan Workers Party`).
        // (Not an opening `The`: `The League` is no name.)
        let org = class == 3 && groups == 0 && word(a) != "The" && b > a + 1 && ORG_WORDS.contains(word(b - 1));
        // Nor is it another kind of name when it ends in a word of places (`Lower Shabelle
        // Region`, `Jebel Marra Mountains`): a place.
        let place = class == 3 && groups == 0 && word(a) != "The" && b > a + 1 && PLACE_WORDS.contains(word(b - 1));
        let label = if org { Some(Label::Org) } else if place { Some(Label::Place) } else { label };
        // A lone sentence-initial word that is mostly written in lower case is not a name
        // (`Photo: …`, `Sale of …`).
        let lone = b == a + 1 && (0..a).all(|k| s.tokens[k].kind == TokenKind::Punct);
        let credit_word = CREDIT.iter().any(|c| c.eq_ignore_ascii_case(word(a))) && s.tokens.get(b).is_some_and(|t| &text[t.start..t.end] == ":");
        if credit_word || lone && crate::text::words::is_common(word(a)) && !hit_at.contains_key(&s.tokens[a].start) {
            continue;
        }
        // In a Title Case line a name the model found may hold words capitalised only by
        // the style (`Erdogan Says Putin Asked`): cut at them and let the document decide.
        let common = |k: usize| {
            let t = s.tokens[k];
            let w = &text[t.start..t.end];
            crate::text::words::is_common(w) && !hit_at.contains_key(&t.start)
        };
        let Some(label) = label else {
            // Another kind of name (an event, a product, `U.S. Open`): nothing inside it is
            // a place or an organisation of its own. But in a Title Case line a lone word
            // beside words capitalised only by the style may be the surname of a person the
            // document names (`Assad Regime`): the document decides.
            if title_case && (a..b).any(common) {
                for k in (a..b).filter(|&k| !common(k) && s.tokens[k].kind == TokenKind::Word && (k == a || common(k - 1)) && (k + 1 == b || common(k + 1))) {
                    found.push(Mention { start: s.tokens[k].start, end: s.tokens[k].end, label: None, rule: SURNAME_ONLY, strong: false, weak_position: true });
                }
            }
            blocked.push((start, end));
            continue;
        };
        if title_case && (a..b).any(common) {
            let mut k = a;
            while k < b {
                if common(k) || s.tokens[k].kind != TokenKind::Word {
                    k += 1;
                    continue;
                }
                let mut e = k + 1;
                while e < b && !common(e) {
                    e += 1;
                }
                found.push(Mention { start: s.tokens[k].start, end: s.tokens[e - 1].end, label: Some(label), rule: "entity/tagger", strong: false, weak_position: true });
                k = e;
            }
        } else {
            found.push(Mention { start, end, label: Some(label), rule: "entity/tagger", strong: !title_case, weak_position: title_case });
        }
    }
    (found, blocked)
}
