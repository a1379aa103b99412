//! Names of people, organisations, places and groups. The statistical tagger's spans, refined by
//! rules for what it cannot know (titles, outlets, streets, credits, lists of names), and
//! rule-based readings of capitalised runs; then one pass over the whole document so a name keeps
//! its label everywhere (`Erdogan` after `Recep Tayyip Erdogan`), including in Title Case
//! headlines, where capitals alone prove nothing. Each step has its own file; `rules.rs` lists
//! every rule id with its description and examples.

mod address;
mod complement;
mod demonym;
mod list;
mod credit;
mod document;
mod mention;
mod model;
mod outlet;
mod refine;
mod rules;
mod sentence;
mod words;
#[cfg(test)]
mod tests;

pub use self::rules::RULES;
use self::mention::Mention;
use self::sentence::Sentences;
use self::words::*;
use serde::{Deserialize, Serialize};

use crate::annotation::{Candidate, Label};
use crate::hash::FxHashMap as HashMap;
use crate::recognize::gazetteer::{self, Hit};
use crate::recognize::tagger;
use crate::text::segment::{BlockKind, Segmentation};

/// Name candidates in `text`.
pub fn recognize(text: &str, seg: &Segmentation) -> Vec<Candidate> {
    recognize_with(text, seg, &mut |_| {})
}

/// [`recognize`], telling `progress` the share of sentences done (0 to 1) now and then.
pub fn recognize_with(text: &str, seg: &Segmentation, progress: &mut dyn FnMut(f64)) -> Vec<Candidate> {
    finish(text, [mentions(text, seg, 0..seg.sentences.len(), progress)])
}

/// The names some sentences hold before the document pass: what one thread hands another when
/// two share a long text (the sentence-by-sentence work is most of the time).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Mentions(Vec<Mention>);

/// The mentions of `sentences` of `text` (the whole text is read for what the model learns of
/// the document), telling `progress` the share done now and then.
pub fn mentions(text: &str, seg: &Segmentation, sentences: std::ops::Range<usize>, progress: &mut dyn FnMut(f64)) -> Mentions {
    let g = gazetteer::get();
    let model = tagger::model();
    let doc = tagger::DocInfo::new(text, seg);
    let hit_at: HashMap<usize, Hit> = doc.all_hits.iter().map(|h| (h.start, *h)).collect();
    let mut mentions = Vec::new();
    let n = sentences.len().max(1) as f64;
    let first = sentences.start;
    for (i, s) in seg.sentences[sentences].iter().enumerate() {
        if (first + i) % 512 == 0 {
            progress(i as f64 / n);
        }
        let mut rules = Vec::new();
        // Per token: the listed name starting there, if it ends on a token end (and where).
        let token_hits: Vec<Option<(Hit, usize)>> = s
            .tokens
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let h = *hit_at.get(&t.start)?;
                let k = (i..s.tokens.len()).find(|&k| s.tokens[k].end == h.end)?;
                Some((h, k + 1))
            })
            .collect();
        Sentences { text, g, hit_at: &hit_at, token_hits: &token_hits, s, out: &mut rules }.run();
        // Menus and share prompts: only names from the curated lists (`Twitter`, `Reuters`).
        if seg.blocks[s.block].kind == BlockKind::Boilerplate {
            mentions.extend(rules.into_iter().filter(|r| r.rule == "entity/gazetteer-org" && r.end - r.start > 2));
            continue;
        }
        // Title Case lines: capitals say nothing there, so the model's names in them count only
        // where the rest of the document knows them (below).
        let shouting = s.tokens.iter().map(|t| &text[t.start..t.end]).filter(|w| w.chars().any(char::is_alphabetic)).all(|w| !w.chars().any(char::is_lowercase));
        let title_case = s.title_case && !shouting;
        let (found, blocked) = model::mentions(text, s, g, &hit_at, &model.tag(&tagger::features(text, s, &doc)), title_case);
        let mut found = found;
        refine::refine(text, s, g, &mut found);
        for r in rules {
            // A photo credit is a person's name, whatever the model read there; a listed name
            // wins over shorter pieces of it (`Islamic State of Iraq` inside `… and the Levant`).
            let listed = matches!(r.rule, "entity/gazetteer-org" | "entity/gazetteer-place" | "entity/curated-place" | "entity/geonames-place" | "entity/known-person");
            // (The model read the generated lists and still chose its label for the same words;
            // the curated lists are surer than its guess, and it never read GeoNames' regions
            // and other spellings.)
            let unread = matches!(r.rule, "entity/gazetteer-org" | "entity/curated-place" | "entity/geonames-place" | "entity/known-person");
            let covers = found.iter().filter(|m| m.start < r.end && r.start < m.end).all(|m| r.start <= m.start && m.end <= r.end && ((m.start, m.end) != (r.start, r.end) || unread));
            let context = matches!(r.rule, "entity/photo-credit" | "entity/place-context")
                || (matches!(r.rule, "entity/particle-name" | "entity/title-person") && found.iter().any(|m| (m.start, m.end) == (r.start, r.end)));
            if context || (listed && covers) {
                found.retain(|m| !(m.start < r.end && r.start < m.end));
            } else if listed && r.strong {
                // The model's guesses in a Title Case line give way to a listed name.
                found.retain(|m| m.strong || !(m.start < r.end && r.start < m.end));
            }
            // (Another kind of name holds no name of its own, unless a list the model never
            // read names its opening words as an organisation, `[UNESCO] World Heritage Site`
            // (but `U.S. Open`), or all of it but a compass word, `Eastern [Mediterranean]`.)
            let named = |a: usize, b: usize| unread && (a == r.start && r.label == Some(Label::Org) || b == r.end && COMPASS.contains(text[a..r.start].trim_end()));
            let free = !found.iter().any(|m| m.start < r.end && r.start < m.end) && !blocked.iter().any(|&(a, b)| a < r.end && r.start < b && b - a > r.end - r.start && !named(a, b));
            let name = &text[r.start..r.end];
            let common = !name.contains(' ') && name.chars().any(char::is_lowercase) && g.is_common(name);
            let keep = r.label == Some(Label::Group) || context || listed || r.rule == "entity/place-word" && !r.weak_position;
            if free && keep && !(listed && common) {
                found.push(r);
            } else if free {
                // Anything else the rules saw counts only where the document knows the name
                // (`Sweida` at the start of a sentence, found as a place elsewhere).
                found.push(Mention { strong: false, weak_position: true, ..r });
            }
        }
        complement::organisations(text, s, g, &mut found);
        complement::listed_before_things(text, g, &mut found);
        demonym::peoples(text, s, g, &mut found);
        found.sort_by_key(|m| m.start);
        list::places(text, g, &mut found);
        list::joined(text, g, &mut found);
        // (A line of one or two words in capitals is not shouting: `© 2017 KHOU-TV`.)
        let loud = shouting && s.tokens.iter().filter(|t| text[t.start..t.end].chars().any(char::is_alphabetic)).count() >= 3;
        outlet::outlets(text, s, g, loud, &mut found);
        if !shouting {
            credit::shouted_names(text, s, g, &mut found);
        }
        credit::credits_and_suffixes(text, s, g, &mut found);
        address::addresses(text, s, g, &mut found);
        // Nothing of a military operation's name is a name of its own (`Operation Steel Curtain`);
        // holidays, interjections and page furniture are not names (`Thanksgiving`, `Oh my God`).
        found.retain(|m| {
            // (Every rule keeps its spans non-empty; this is the last guard before slicing.)
            let Some(name) = text.get(m.start..m.end).filter(|n| !n.is_empty()) else { return false };
            let first = name.split([' ', '-']).next().unwrap_or(name);
            let not_a_name_here = name.starts_with("Operation ")
                || text[..m.start].trim_end_matches([' ', ':', '"', '“', '\'', '‘']).ends_with("Operation")
                || NOT_NAMES.contains(name)
                || HOLIDAYS.contains(first)
                || name == "God" && text.get(m.start.saturating_sub(3)..m.start).is_some_and(|x| x.eq_ignore_ascii_case("my "))
                // (A social-media handle or hashtag is not a name: `@WTOP`, `#PrayForManchester`.)
                || text[..m.start].ends_with(['@', '#']);
            !not_a_name_here
        });
        mentions.extend(found);
    }
    Mentions(mentions)
}

/// Names from the mentions of all a text's sentences (in order): one pass over the document
/// gives each name one label.
pub fn finish(text: &str, parts: impl IntoIterator<Item = Mentions>) -> Vec<Candidate> {
    // A storm's name is an event's, not a person's, wherever the document uses it
    // (`Hurricane Dorian` … `Dorian made landfall`).
    let storms = storm_names(text);
    // An abbreviation of lower-case words is no name anywhere in the document either
    // (`exclusive economic zone (EEZ)` … `within the EEZ of Cyprus`).
    let common = common_abbreviations(text);
    let mentions = parts
        .into_iter()
        .flat_map(|m| m.0)
        .filter(|m| !storms.iter().any(|&(a, b)| text[m.start..m.end] == text[a..b] || m.start <= a && b <= m.end) && !common.contains(&&text[m.start..m.end]))
        .collect();
    document::document_pass(text, mentions)
}

/// Abbreviations that `text` defines in brackets after the lower-case words they shorten, one
/// initial a word (`improvised explosive devices (IEDs)`, `exclusive economic zone (EEZ)`).
fn common_abbreviations(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for (open, _) in text.match_indices(" (") {
        let inner = &text[open + 2..];
        let Some(close) = inner.find(')') else { continue };
        let abbr = &inner[..close];
        let letters = abbr.strip_suffix('s').unwrap_or(abbr);
        if !(2..=6).contains(&letters.len()) || !letters.chars().all(|c| c.is_ascii_uppercase()) {
            continue;
        }
        let words: Vec<&str> = text[..open].rsplit(' ').take(letters.len()).collect();
        let lower = words.len() == letters.len() && words.iter().all(|w| w.starts_with(|c: char| c.is_lowercase()));
        let initials = words.iter().rev().map(|w| w.chars().next().unwrap_or(' ').to_ascii_uppercase()).eq(letters.chars());
        if lower && initials {
            out.push(abbr);
            out.push(letters);
        }
    }
    out
}

/// Words that name a storm before its name.
const STORMS: [&str; 5] = ["Hurricane ", "Typhoon ", "Cyclone ", "Tropical Storm ", "Storm "];

/// Where the names of storms are in `text` (the name after `Hurricane`, `Typhoon` …), found in
/// one pass over the text.
fn storm_names(text: &str) -> Vec<(usize, usize)> {
    static KINDS: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder().match_kind(aho_corasick::MatchKind::LeftmostLongest).build(STORMS).expect("storm words build an automaton")
    });
    let mut out = Vec::new();
    for m in KINDS.find_iter(text) {
        let from = m.end();
        let len = text[from..].find(|c: char| !c.is_alphabetic()).unwrap_or(text.len() - from);
        // (Not an organisation's word: `National Hurricane Center`.)
        if len > 1 && text[from..].starts_with(char::is_uppercase) && !ORG_WORDS.contains(&text[from..from + len]) {
            out.push((from, from + len));
        }
    }
    out
}
