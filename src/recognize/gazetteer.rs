//! Word lists compiled into the binary: plain text files in `data/` (each with its source and
//! licence in its header), parsed once on first use. Names are found with one aho-corasick
//! automaton (leftmost-longest, case-sensitive, since capitals carry meaning in names).

use std::collections::HashMap;

use crate::hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::annotation::Label;

/// A gazetteer entry: its label and the rule id it is reported under (`known-name`, the names
/// learnt from CoNLL-2003 train, is no rule of the catalogue: such a name waits for the
/// document pass).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub label: Label,
    pub rule: &'static str,
    /// A list added after the model was trained: the rules read it, the tagger's features do
    /// not (they read the lists it was trained beside).
    pub later: bool,
}

pub struct Gazetteer {
    /// The lists the tagger was trained beside (what its features read).
    automaton: AhoCorasick,
    entries: Vec<Entry>,
    /// The lists added after the model: read by the rules only, so a longer name here never
    /// hides a shorter one the model reads (`Western Australia` over `Australia`).
    later: AhoCorasick,
    later_entries: Vec<Entry>,
    /// The first words of the later lists' names, a cheap test before the automaton.
    later_starts: FxHashSet<&'static str>,
    /// The same names for exact look-ups, which the rules make many of.
    exact: FxHashMap<&'static str, Entry>,
    pub first_names: FxHashSet<&'static str>,
    /// The common lower-case words ([`crate::text::words::common`]), held for the hot look-ups.
    common: &'static FxHashSet<&'static str>,
    pub titles: FxHashSet<&'static str>,
    /// The titles the model reads as a feature (`data/titles.txt`); `titles` adds the ranks and
    /// roles of `data/ranks.txt`, which only the rules use.
    pub model_titles: FxHashSet<&'static str>,
    /// First words of the titles, without a full stop: a cheap test before the phrase one.
    pub title_starts: FxHashSet<&'static str>,
    /// Abbreviation → expansion (`PKK` → `Kurdistan Workers' Party`), for clusters.
    pub expansions: HashMap<&'static str, &'static str>,
}

/// The entries of a list: one a line, `#` lines are its header (source and licence).
fn lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    crate::text::words::entries(text)
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(build);

const GIVEN_NAMES_WORLD: &str = include_str!("../../data/given-names-world.txt");
const CONLL_NAMES: &str = include_str!("../../data/conll-names.tsv");
const PLACES: &str = include_str!("../../data/places.txt");
const DEMONYMS: &str = include_str!("../../data/demonyms.txt");
const GROUPS: &str = include_str!("../../data/groups.txt");
const PLACES_EXTRA: &str = include_str!("../../data/places-extra.txt");
const ORGS: &str = include_str!("../../data/orgs.txt");
const FIRST_NAMES: &str = include_str!("../../data/first-names.txt");
const TITLES: &str = include_str!("../../data/titles.txt");
const GEONAMES: &str = include_str!("../../data/geonames-names.txt");
const PEOPLE: &str = include_str!("../../data/people.txt");
const ORGS_WORLD: &str = include_str!("../../data/orgs-world.txt");
const RANKS: &str = include_str!("../../data/ranks.txt");

/// Every built-in list, in a fixed order: what the tagger's features read, so its checksum is
/// recorded with the trained model.
pub const SOURCES: [&str; 10] = [GIVEN_NAMES_WORLD, CONLL_NAMES, PLACES, DEMONYMS, GROUPS, PLACES_EXTRA, ORGS, FIRST_NAMES, crate::text::words::COMMON_WORDS, TITLES];

/// The built-in gazetteer.
pub fn get() -> &'static Gazetteer {
    &GAZETTEER
}

fn build() -> Gazetteer {
    // Later lists win over earlier ones for the same name: curated lists last.
    let mut names: HashMap<&'static str, Entry> = HashMap::new();
    for line in lines(CONLL_NAMES) {
        let (label, name) = line
            .split_once('\t')
            .unwrap_or_else(|| panic!("data/conll-names.tsv: line {line:?} has no tab"));
        let label = Label::parse(label).unwrap_or_else(|e| panic!("data/conll-names.tsv: {e}"));
        names.insert(name, Entry { label, rule: "known-name", later: false });
    }
    for name in lines(PLACES) {
        names.insert(name, Entry { label: Label::Place, rule: "entity/gazetteer-place", later: false });
    }
    for name in lines(DEMONYMS)
        .chain(lines(GROUPS))
    {
        names.insert(name, Entry { label: Label::Group, rule: "entity/gazetteer-group", later: false });
    }
    for name in lines(GEONAMES) {
        names.entry(name).or_insert(Entry { label: Label::Place, rule: "entity/geonames-place", later: true });
    }
    // People in the news, by full name and by a last word nothing else is (`Putin`; not `May`,
    // `Francis`, `Austin`), after every other list so that those keep their names.
    let mut people: Vec<&'static str> = Vec::new();
    for name in lines(PEOPLE) {
        people.push(name);
        let last = name.rsplit(' ').find(|w| !matches!(*w, "Jr." | "II" | "XIV" | "XVI")).unwrap_or(name);
        // (Not the family name without its particle: `al-Houthi` is a person, `Houthi` a movement.)
        if last != name && last.chars().count() >= 4 && !crate::text::words::is_common(last) {
            people.push(last);
        }
    }
    for name in lines(PLACES_EXTRA) {
        names.insert(name, Entry { label: Label::Place, rule: "entity/curated-place", later: false });
    }
    let first_names: FxHashSet<&'static str> = lines(FIRST_NAMES).chain(lines(GIVEN_NAMES_WORLD)).collect();
    for name in people {
        if name.contains(' ') || !first_names.contains(name) {
            names.entry(name).or_insert(Entry { label: Label::Person, rule: "entity/known-person", later: true });
        }
    }
    let mut expansions = HashMap::new();
    for (list, later) in [(ORGS, false), (ORGS_WORLD, true)] {
        for line in lines(list) {
            let (full, abbr) = match line.split_once(" | ") {
                Some((f, a)) => (f.trim(), Some(a.trim())),
                None => (line, None),
            };
            let entry = Entry { label: Label::Org, rule: "entity/gazetteer-org", later };
            // (A later list adds names; it changes none the model reads.)
            for name in std::iter::once(full).chain(abbr) {
                if later {
                    names.entry(name).or_insert(entry);
                } else {
                    names.insert(name, entry);
                }
            }
            if let Some(a) = abbr {
                expansions.entry(a).or_insert(full);
            }
        }
    }
    let exact = names.iter().map(|(k, v)| (*k, *v)).collect();
    let (automaton, entries) = build_automaton(&names, false);
    let (later, later_entries) = build_automaton(&names, true);
    Gazetteer {
        automaton,
        entries,
        later_starts: names.iter().filter(|(_, e)| e.later).map(|(k, _)| first_word(k)).collect(),
        later,
        later_entries,
        exact,
        first_names,
        common: crate::text::words::common(),
        model_titles: lines(TITLES).collect(),
        titles: lines(TITLES).chain(lines(RANKS)).collect(),
        title_starts: lines(TITLES)
            .chain(lines(RANKS))
            .map(|t| t.split(' ').next().unwrap_or(t).trim_end_matches('.'))
            .collect(),
        expansions,
    }
}

/// One leftmost-longest automaton over the names whose entries' `later` is `later`, and the
/// entries in pattern order.
fn build_automaton(names: &HashMap<&'static str, Entry>, later: bool) -> (AhoCorasick, Vec<Entry>) {
    let mut keys: Vec<&'static str> = names.iter().filter(|(_, e)| e.later == later).map(|(k, _)| *k).collect();
    keys.sort_unstable();
    let entries = keys.iter().map(|k| names[k]).collect();
    let start = if later { aho_corasick::StartKind::Anchored } else { aho_corasick::StartKind::Unanchored };
    let automaton = AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).start_kind(start).build(&keys).expect("gazetteer automaton");
    (automaton, entries)
}

/// A gazetteer name found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub entry: Entry,
}

/// The text up to the first character that is neither a letter nor a digit.
fn first_word(s: &str) -> &str {
    &s[..s.find(|c: char| !c.is_alphanumeric()).unwrap_or(s.len())]
}

/// Matches of `automaton` in `text` that stand as whole words.
fn whole_words(text: &str, automaton: &AhoCorasick, entries: &[Entry]) -> Vec<Hit> {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    automaton
        .find_iter(text)
        .filter(|m| !word(text[..m.start()].chars().next_back()) && !word(text[m.end()..].chars().next()))
        .map(|m| Hit { start: m.start(), end: m.end(), entry: entries[m.pattern().as_usize()] })
        .collect()
}

impl Gazetteer {
    /// Names of the lists the model reads that stand as whole words in `text`, leftmost-longest.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        whole_words(text, &self.automaton, &self.entries)
    }

    /// Names of every list that stand as whole words in `text`, leftmost-longest: [`find`]'s
    /// hits and the later lists' merged, a longer name winning where two overlap.
    ///
    /// [`find`]: Gazetteer::find
    pub fn find_all(&self, text: &str, model_hits: &[Hit]) -> Vec<Hit> {
        let later = self.find_later(text);
        if later.is_empty() {
            return model_hits.to_vec();
        }
        let mut out: Vec<Hit> = Vec::with_capacity(model_hits.len() + later.len());
        let (mut a, mut b) = (model_hits.iter().peekable(), later.iter().peekable());
        loop {
            let next = match (a.peek(), b.peek()) {
                (Some(x), Some(y)) => if (x.start, std::cmp::Reverse(x.end)) <= (y.start, std::cmp::Reverse(y.end)) { a.next() } else { b.next() },
                (Some(_), None) => a.next(),
                (None, Some(_)) => b.next(),
                (None, None) => break,
            };
            let h = *next.unwrap();
            match out.last_mut() {
                Some(last) if h.start < last.end => {
                    // Overlap: the earlier one started first (or at the same place and is no
                    // shorter); a later, longer one that starts inside it is dropped too.
                }
                _ => out.push(h),
            }
        }
        out
    }

    /// The later lists' names in `text`, leftmost-longest. Each of them begins with a capital
    /// A–Z, so the automaton runs anchored at each word that does, not over the whole text.
    fn find_later(&self, text: &str) -> Vec<Hit> {
        let b = text.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < b.len() {
            if b[i].is_ascii_uppercase() && !text[..i].chars().next_back().is_some_and(char::is_alphanumeric) && self.later_starts.contains(first_word(&text[i..])) {
                let input = aho_corasick::Input::new(text).span(i..text.len()).anchored(aho_corasick::Anchored::Yes);
                // (The longest name here that ends on a word's end.)
                let end_ok = |e: usize| !text[e..].chars().next().is_some_and(char::is_alphanumeric);
                if let Some(m) = self.later.find(input).filter(|m| end_ok(m.end())) {
                    out.push(Hit { start: m.start(), end: m.end(), entry: self.later_entries[m.pattern().as_usize()] });
                    i = m.end();
                    continue;
                }
            }
            i += 1;
        }
        out
    }

    /// Is `w`, lower-cased, one of the common words? (See [`crate::text::words`].)
    pub fn is_common(&self, w: &str) -> bool {
        crate::text::words::is_in(self.common, w)
    }

    /// The entry for exactly this name.
    pub fn lookup(&self, name: &str) -> Option<Entry> {
        self.exact.get(name).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_whole_words_only() {
        let g = get();
        let text = "é Romania and Syria met in Sochi near the Black Sea; the PKK and EU.";
        let found: Vec<(&str, Label)> = g.find(text).iter().map(|h| (&text[h.start..h.end], h.entry.label)).collect();
        assert!(found.contains(&("Syria", Label::Place)), "{found:?}");
        assert!(found.contains(&("Sochi", Label::Place)));
        assert!(found.contains(&("Black Sea", Label::Place)));
        assert!(found.contains(&("PKK", Label::Org)));
        assert!(!found.iter().any(|(s, _)| *s == "Oman"));
    }

    #[test]
    fn later_lists_join_without_hiding_the_models() {
        let g = get();
        let text = "Clashes in North Darfur and Western Australia; Khartum, Zhejiang.";
        let model: Vec<&str> = g.find(text).iter().map(|h| &text[h.start..h.end]).collect();
        let all: Vec<(&str, bool)> = g.find_all(text, &g.find(text)).iter().map(|h| (&text[h.start..h.end], h.entry.later)).collect();
        // The model's features still see `Australia` and `Darfur`, as when it was trained.
        assert!(model.contains(&"Australia") && model.contains(&"Darfur"), "{model:?}");
        assert!(!model.contains(&"North Darfur"));
        // The rules see the longer names of the later lists, in order and without overlaps.
        assert_eq!(all, vec![("North Darfur", true), ("Western Australia", true), ("Khartum", true), ("Zhejiang", true)]);
        // Whole words only, and a name that starts inside a word is no name.
        let text = "MidNorth Darfurian Khartumese";
        assert!(g.find_all(text, &g.find(text)).is_empty());
    }

    #[test]
    fn lists_are_loaded() {
        let g = get();
        assert!(g.first_names.contains("Marco"));
        assert!(g.is_common("says"));
        assert!(g.titles.contains("President"));
        assert_eq!(g.expansions.get("PKK"), Some(&"Kurdistan Workers' Party"));
        assert_eq!(g.lookup("Druze").map(|e| e.label), Some(Label::Group));
        assert_eq!(g.lookup("Turkish").map(|e| e.label), Some(Label::Group));
    }
}
