//! Streets and addresses, which crime reports are full of: street names with their type,
//! number and direction, what follows `the 100 block of`, house numbers, quadrants, and a
//! state's postal code after a city.

use super::mention::{Mention, claim};
use super::words::*;
use crate::annotation::Label;
use crate::recognize::gazetteer::Gazetteer;
use crate::text::segment::{Sentence, TokenKind};

/// Streets and addresses, which crime reports are full of: a street's name with its type, number
/// and direction (`Morgan Avenue N.`, `County Road 664`), what follows `the 100 block of`
/// (`N. Mead`), a city's quadrant after a street (`, Southeast`), and a state's postal code after
/// a city (`Manchester, IL`).
pub(super) fn addresses(text: &str, s: &Sentence, g: &Gazetteer, found: &mut Vec<Mention>) {
    let n = s.tokens.len();
    let word = |k: usize| s.tokens.get(k).map_or("", |t| &text[t.start..t.end]);
    let spaced = |k: usize| k + 1 < n && s.tokens[k + 1].start == s.tokens[k].end + 1;
    let dotted = |k: usize| word(k + 1) == "." && k + 1 < n && s.tokens[k + 1].start == s.tokens[k].end;
    let ordinal = |w: &str| w.len() >= 3 && w.starts_with(|c: char| c.is_ascii_digit()) && ["st", "nd", "rd", "th"].iter().any(|x| w.ends_with(x));
    let capital = |k: usize| s.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word) && word(k).starts_with(|c: char| c.is_uppercase());
    let compass_abbr = |w: &str| matches!(w, "N" | "S" | "E" | "W" | "NE" | "NW" | "SE" | "SW");
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for k in 0..n {
        let w = word(k);
        if k == 0 || !w.starts_with(|c: char| c.is_ascii_uppercase()) || !STREET_WORDS.contains(w) {
            continue;
        }
        // (`St` and `Way` are also a saint and a word: they need a full stop or a capitalised name.)
        if (w == "St" || w == "Ave" || w == "Rd" || w == "Blvd") && !dotted(k) && k + 1 < n {
            continue;
        }
        let mut a = k;
        let opener = |j: usize| (j == 0 || s.tokens[j - 1].kind == TokenKind::Punct) && g.is_common(word(j));
        while a > 0 && spaced(a - 1) && (capital(a - 1) || ordinal(word(a - 1))) && a + 4 > k && !STREET_WORDS.contains(word(a - 1)) && !opener(a - 1) {
            a -= 1;
        }
        // `N. Main St.`: a compass letter with its full stop.
        if a >= 2 && word(a - 1) == "." && compass_abbr(word(a - 2)) {
            a -= 2;
        }
        if word(a) == "The" {
            a += 1;
        }
        // (`Highway Patrol`, `Street Journal`: the name goes on as another kind of name.)
        let next = word(k + 1);
        if spaced(k) && capital(k + 1) && !TIME_WORDS.contains(&next) && !compass_abbr(next) && !STATE_CODES.contains(next) {
            continue;
        }
        let numbered = matches!(w, "Route" | "Highway" | "Hwy" | "Interstate" | "Road");
        if a == k && !numbered {
            continue;
        }
        let mut e = k + 1;
        if dotted(k) && ABBREVIATED.contains(&w) {
            e += 1;
        }
        if numbered && spaced(e - 1) && s.tokens.get(e).is_some_and(|t| t.kind == TokenKind::Number) {
            e += 1;
        }
        if a == k && e == k + 1 {
            continue;
        }
        // `Morgan Avenue N.`, `Main Street NW`.
        if spaced(e - 1) && compass_abbr(word(e)) && (word(e).len() == 2 || dotted(e)) {
            e += if dotted(e) { 2 } else { 1 };
        }
        spans.push((a, e));
        // `, Southeast`: a quadrant of the city.
        if word(e) == "," && matches!(word(e + 1), "Northeast" | "Northwest" | "Southeast" | "Southwest") {
            spans.push((e + 1, e + 2));
        }
    }
    // `at 3379 Broadway`: a house number, then a name, is an address.
    for k in 1..n.saturating_sub(1) {
        let t = s.tokens[k];
        let digits = t.kind == TokenKind::Number && (3..=5).contains(&(t.end - t.start)) && text[t.start..t.end].bytes().all(|c| c.is_ascii_digit());
        if !(digits && matches!(word(k - 1), "at" | "on") && spaced(k) && capital(k + 1)) || spans.iter().any(|&(a, b)| a <= k + 1 && k + 1 < b) {
            continue;
        }
        let mut e = k + 2;
        while e < k + 4 && spaced(e - 1) && capital(e) {
            e += 1;
        }
        if matches!(word(e), "," | "." | "when" | "and" | "in" | "near") || e >= n {
            spans.push((k + 1, e));
        }
    }
    // `the 100 block of N. Mead`: whatever is named there is a street.
    for k in 1..n.saturating_sub(2) {
        if !(word(k) == "block" && word(k + 1) == "of" && s.tokens[k - 1].kind == TokenKind::Number) || spans.iter().any(|&(a, _)| a == k + 2 || a == k + 3) {
            continue;
        }
        let mut a = k + 2;
        let mut e = a;
        if compass_abbr(word(e)) && dotted(e) {
            e += 2;
        }
        while capital(e) && (e == a || spaced(e - 1)) {
            e += 1;
        }
        if e > a && capital(e - 1) {
            if word(a) == "The" {
                a += 1;
            }
            spans.push((a, e));
        }
    }
    // `Manchester, IL`, `CARUTHERSVILLE, MO`: a state's code after a city.
    for k in 2..n {
        if word(k - 1) == "," && word(k).len() == 2 && STATE_CODES.contains(word(k)) && capital(k - 2) && (k + 1 >= n || !capital(k + 1)) {
            spans.push((k, k + 1));
        }
    }
    // (A listed place inside a longer street name gives way: `[Illinois Route 106]`.)
    for span in spans.into_iter().filter(|&(a, b)| a < b) {
        claim(found, s, span, Label::Place, "entity/address");
    }
    found.sort_by_key(|m| m.start);
}
