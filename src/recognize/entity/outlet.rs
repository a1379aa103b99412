//! News outlets the model rarely knows: call signs with their channel and show, networks with a
//! number or market, `Channel 2`, and web addresses standing as names.

use super::mention::{Mention, claim};
use super::words::*;
use crate::annotation::Label;
use crate::recognize::gazetteer::Gazetteer;
use crate::text::segment::{Sentence, TokenKind};

/// Is `w` shaped like a North American broadcaster's call sign (`KHOU`, `WWL-TV`, `WTOP`)?
pub(super) fn call_sign(w: &str) -> bool {
    let (base, suffix) = w.split_once('-').unwrap_or((w, ""));
    (3..=4).contains(&base.len())
        && base.starts_with(['K', 'W'])
        && base.bytes().all(|c| c.is_ascii_uppercase())
        && matches!(suffix, "" | "TV" | "FM" | "AM" | "DT" | "CD" | "LP")
}

/// News outlets the model rarely knows: call signs with their channel and show (`KHOU 11 News`,
/// `WSIL-TV 3`), networks with a number or market (`NBC 6 South Florida`, `CBS San Francisco`),
/// `Channel 2`, `24-Hour News 8`, and web addresses standing as names (`wbaltv.com`).
pub(super) fn outlets(text: &str, s: &Sentence, g: &Gazetteer, shouting: bool, found: &mut Vec<Mention>) {
    let n = s.tokens.len();
    let word = |k: usize| s.tokens.get(k).map_or("", |t| &text[t.start..t.end]);
    let joined = |k: usize| k + 1 < n && s.tokens[k + 1].start == s.tokens[k].end;
    let spaced = |k: usize| k + 1 < n && s.tokens[k + 1].start == s.tokens[k].end + 1;
    let number = |k: usize| s.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Number && t.end - t.start <= 3);
    let capital = |k: usize| word(k).starts_with(|c: char| c.is_uppercase());
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < n {
        let w = word(i);
        if !w.starts_with(|c: char| c.is_ascii_uppercase()) {
            i += 1;
            continue;
        }
        let bracketed = i > 0 && word(i - 1) == "(" && word(i + 1) == ")";
        let shouted = |k: usize| s.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word) && word(k).chars().count() > 1 && !word(k).chars().any(char::is_lowercase);
        let sign = call_sign(w) && !(i > 0 && shouted(i - 1)) && !shouted(i + 1) && (bracketed || !shouting && (w.contains('-') || !g.is_common(w)));
        let network = NETWORKS.contains(w);
        let channel = w == "Channel" && spaced(i) && number(i + 1);
        if !(sign || network || channel) {
            i += 1;
            continue;
        }
        let mut e = i;
        // A channel number, then the show or the market: `11 News`, `Action News 5`, `South Florida`.
        if spaced(e) && number(e + 1) {
            e += 1;
        }
        let mut k = e;
        while spaced(k) && capital(k + 1) && matches!(word(k + 1), "News" | "Action" | "Eyewitness" | "Channel" | "TV" | "Now") {
            k += 1;
            if spaced(k) && number(k + 1) {
                k += 1;
            }
        }
        e = k;
        if network && e == i {
            // `CBS San Francisco`, `NBC New York`, `CBS SF`: a market right after the network.
            let market = (i + 1..(i + 4).min(n)).find(|&k| {
                let (a, b) = (s.tokens[i + 1].start, s.tokens[k].end);
                (i + 1..k).all(spaced) && g.lookup(&text[a..b]).is_some_and(|x| x.label == Label::Place)
            });
            let short = spaced(i) && word(i + 1).len() == 2 && word(i + 1).bytes().all(|c| c.is_ascii_uppercase()) && !g.is_common(word(i + 1));
            match (market, short) {
                (Some(k), _) if spaced(i) => e = k,
                (_, true) => e = i + 1,
                _ => {}
            }
        } else if network && e > i {
            // `NBC 6 South Florida`: a market after the channel number.
            let mut k = e;
            while spaced(k) && capital(k + 1) && (g.lookup(word(k + 1)).is_some_and(|x| x.label == Label::Place) || matches!(word(k + 1), "South" | "North" | "East" | "West" | "Southern" | "Northern" | "Eastern" | "Western" | "Central" | "Bay" | "Area")) {
                k += 1;
            }
            e = k;
        }
        if channel && e == i {
            i += 1;
            continue;
        }
        // (A bare network name is found by the lists and the model already.)
        if network && e == i {
            i += 1;
            continue;
        }
        spans.push((i, e + 1));
        i = e + 1;
    }
    // `24-Hour News 8`, `11 News`: a number or capitalised words, `News`, and a channel number.
    for k in 0..n {
        if word(k) != "News" || k == 0 || !spaced(k - 1) {
            continue;
        }
        let numbered_before = number(k - 1);
        let numbered_after = spaced(k) && number(k + 1);
        if !(numbered_before || numbered_after) || spans.iter().any(|&(a, b)| a <= k && k < b) {
            continue;
        }
        let mut a = k;
        while a > 0 && spaced(a - 1) && (capital(a - 1) || number(a - 1) || word(a - 1).starts_with(|c: char| c.is_ascii_digit()) && word(a - 1).contains('-')) && a + 3 > k {
            a -= 1;
        }
        if a == k || (numbered_after && !numbered_before && a + 1 == k && !capital(a) && !word(a).starts_with(|c: char| c.is_ascii_digit())) {
            continue;
        }
        let b = if numbered_after { k + 2 } else { k + 1 };
        spans.push((a, b));
    }
    // Web addresses standing as names: `wbaltv.com`, `NBCNews.com`, not an e-mail or a link.
    for k in 0..n.saturating_sub(2) {
        if !(joined(k) && word(k + 1) == "." && joined(k + 1) && matches!(word(k + 2), "com" | "org" | "net" | "tv" | "news")) {
            continue;
        }
        let before = if k > 0 && s.tokens[k - 1].end == s.tokens[k].start { word(k - 1) } else { "" };
        let after = if joined(k + 2) { word(k + 3) } else { "" };
        if before.is_empty() && after != "/" && !word(k).chars().all(|c| c.is_ascii_digit()) {
            spans.push((k, k + 3));
        }
    }
    for span in spans.into_iter().filter(|&(a, b)| a < b) {
        claim(found, s, span, Label::Org, "entity/outlet");
    }
    found.sort_by_key(|m| m.start);
}
