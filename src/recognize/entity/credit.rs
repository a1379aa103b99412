//! Credits and bylines: `Name/Outlet` and `Outlet/Name` credits, names in capitals, and a
//! person's generational suffix (`, Jr.`).

use super::mention::{Mention, claim};
use crate::annotation::Label;
use crate::recognize::gazetteer::Gazetteer;
use crate::text::segment::{Sentence, TokenKind};

/// Credits written `Name/Outlet` or `Outlet/Name` (`Dixon Hayes/WBRC`, `DNAinfo/Sybile Penhirin`),
/// and a person's generational suffix (`Freddie J. Rodgers, Jr.`).
pub(super) fn credits_and_suffixes(text: &str, s: &Sentence, g: &Gazetteer, found: &mut Vec<Mention>) {
    let n = s.tokens.len();
    let word = |k: usize| s.tokens.get(k).map_or("", |t| &text[t.start..t.end]);
    let capital = |k: usize| k < n && s.tokens[k].kind == TokenKind::Word && word(k).starts_with(|c: char| c.is_uppercase());
    let touching = |k: usize| k + 1 < n && s.tokens[k + 1].start == s.tokens[k].end;
    let spaced = |k: usize| k + 1 < n && s.tokens[k + 1].start == s.tokens[k].end + 1;
    let mut spans: Vec<(usize, usize, Label)> = Vec::new();
    for k in 1..n.saturating_sub(1) {
        if word(k) != "/" || !touching(k - 1) || !touching(k) || !capital(k - 1) && !word(k - 1).chars().any(char::is_uppercase) || !capital(k + 1) {
            continue;
        }
        let mut a = k - 1;
        while a > 0 && spaced(a - 1) && capital(a - 1) && a + 3 > k {
            a -= 1;
        }
        let mut b = k + 2;
        while b < n && spaced(b - 1) && capital(b) && b < k + 4 {
            b += 1;
        }
        let person = |from: usize, to: usize| to - from >= 2 && to - from <= 3 && g.first_names.contains(word(from));
        if person(a, k) {
            spans.push((a, k, Label::Person));
            spans.push((k + 1, b, Label::Org));
        } else if person(k + 1, b) {
            spans.push((k - 1, k, Label::Org));
            spans.push((k + 1, b, Label::Person));
        }
    }
    for (a, b, label) in spans.into_iter().filter(|&(a, b, _)| a < b) {
        claim(found, s, (a, b), label, "entity/photo-credit");
    }
    found.sort_by_key(|m| m.start);
    // A given name's lower-case part after a hyphen: `Kim Jong-un`, `Lee Cheuk-yan` (not a
    // modifier: `Smith-led`).
    for m in found.iter_mut().filter(|m| m.label == Some(Label::Person)) {
        let rest = &text[m.end..];
        let Some(tail) = rest.strip_prefix('-') else { continue };
        let part = &tail[..tail.find(|c: char| !c.is_alphabetic()).unwrap_or(tail.len())];
        if !part.is_empty() && part.chars().all(char::is_lowercase) && part.chars().count() <= 5 && !super::words::MODIFIERS.contains(part) {
            m.end += 1 + part.len();
        }
    }
    // `, Jr.`, ` Sr.`, ` III`.
    let index_of_end = |b: usize| s.tokens.iter().position(|t| t.end == b);
    for m in found.iter_mut().filter(|m| m.label == Some(Label::Person)) {
        let Some(e) = index_of_end(m.end) else { continue };
        let comma = usize::from(word(e + 1) == ",");
        let k = e + 1 + comma;
        if matches!(word(k), "Jr" | "Sr") && word(k + 1) == "." && touching(k) {
            m.end = s.tokens[k + 1].end;
        } else if matches!(word(k), "Jr." | "Sr." | "II" | "III" | "IV") && (comma == 0 || word(k).ends_with('.')) {
            m.end = s.tokens[k].end;
        }
    }
}

/// Names in capitals, as in bylines and credits (`MARY LYNN SMITH and CLAUDE PECK`): a listed
/// given name, then one or two more words in capitals that are not common words.
pub(super) fn shouted_names(text: &str, s: &Sentence, g: &Gazetteer, found: &mut Vec<Mention>) {
    let word = |k: usize| s.tokens.get(k).map_or("", |t| &text[t.start..t.end]);
    let caps = |k: usize| {
        let w = word(k);
        w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase() || c == '-' || c == '\'' || c == '’')
    };
    let titled = |w: &str| {
        let mut cs = w.chars();
        cs.next().map(|c| c.to_string() + &cs.as_str().to_lowercase()).unwrap_or_default()
    };
    let mut k = 0;
    while k < s.tokens.len() {
        if !(word(k).starts_with(|c: char| c.is_uppercase()) && caps(k) && g.first_names.contains(titled(word(k)).as_str()) && (k == 0 || !caps(k - 1))) {
            k += 1;
            continue;
        }
        let mut e = k + 1;
        while e < s.tokens.len() && e < k + 3 && caps(e) && s.tokens[e].start == s.tokens[e - 1].end + 1 && !g.is_common(word(e)) {
            e += 1;
        }
        let phrase = (k..e).map(|j| titled(word(j))).collect::<Vec<_>>().join(" ");
        let listed = |p: &str| g.lookup(p).is_some_and(|x| x.label != Label::Person);
        if e == k + 1 || listed(&titled(word(k))) || listed(&phrase) || g.is_common(word(k)) {
            k = e;
            continue;
        }
        claim(found, s, (k, e), Label::Person, "entity/shouted-name");
        k = e;
    }
    found.sort_by_key(|m| m.start);
}
