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
}

pub struct Gazetteer {
    automaton: AhoCorasick,
    entries: Vec<Entry>,
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
        names.insert(name, Entry { label, rule: "known-name" });
    }
    for name in lines(PLACES) {
        names.insert(name, Entry { label: Label::Place, rule: "entity/gazetteer-place" });
    }
    for name in lines(DEMONYMS)
        .chain(lines(GROUPS))
    {
        names.insert(name, Entry { label: Label::Group, rule: "entity/gazetteer-group" });
    }
    for name in lines(PLACES_EXTRA) {
        names.insert(name, Entry { label: Label::Place, rule: "entity/gazetteer-place" });
    }
    let mut expansions = HashMap::new();
    for line in lines(ORGS) {
        let (full, abbr) = match line.split_once(" | ") {
            Some((f, a)) => (f.trim(), Some(a.trim())),
            None => (line, None),
        };
        names.insert(full, Entry { label: Label::Org, rule: "entity/gazetteer-org" });
        if let Some(a) = abbr {
            names.insert(a, Entry { label: Label::Org, rule: "entity/gazetteer-org" });
            expansions.insert(a, full);
        }
    }
    let mut keys: Vec<&'static str> = names.keys().copied().collect();
    keys.sort_unstable();
    let entries = keys.iter().map(|k| names[k]).collect();
    let exact = names.iter().map(|(k, v)| (*k, *v)).collect();
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&keys)
        .expect("gazetteer automaton");
    Gazetteer {
        automaton,
        entries,
        exact,
        first_names: lines(FIRST_NAMES).chain(lines(GIVEN_NAMES_WORLD)).collect(),
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

/// A gazetteer name found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub entry: Entry,
}

impl Gazetteer {
    /// Names in `text` that stand as whole words.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
        self.automaton
            .find_iter(text)
            .filter(|m| !word(text[..m.start()].chars().next_back()) && !word(text[m.end()..].chars().next()))
            .map(|m| Hit { start: m.start(), end: m.end(), entry: self.entries[m.pattern().as_usize()] })
            .collect()
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
