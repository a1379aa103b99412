//! The word lists of casualty counts, from `data/` (each file names its source and licence):
//! victim nouns and the words that may stand before them, units that make a number a measure,
//! harm words with their category, and the qualifiers of a count.

use std::sync::LazyLock;

use crate::text::segment::Token;
use crate::text::words::entries;
use crate::word_list;

word_list!(
    /// Nouns of the people a count counts (`15 [civilians]`).
    pub(super) VICTIMS = "victim-nouns.txt"
);
word_list!(
    /// Words that modify the victim noun without ending the span (`15 [more] people`).
    pub(super) VICTIM_ADJ = "victim-modifiers.txt"
);
word_list!(
    /// Units that make a number a measure, not a count of people (`30 km`, `59 missiles`).
    pub(super) NOT_PEOPLE = "not-people.txt"
);

/// A harm word: the category it gives, and whether it governs a count after it.
struct Harm {
    category: &'static str,
    before: bool,
}

static HARM: LazyLock<crate::hash::FxHashMap<&'static str, Harm>> = LazyLock::new(|| {
    entries(include_str!("../../../data/harm-words.tsv"))
        .map(|line| {
            let mut cols = line.split('\t');
            let word = cols.next().unwrap_or("");
            let category = cols.next().unwrap_or_else(|| panic!("data/harm-words.tsv: {line:?} has no category"));
            assert!(crate::annotation::CATEGORIES.contains(&category), "data/harm-words.tsv: {category:?} is not a category");
            (word, Harm { category, before: cols.next() == Some("before") })
        })
        .collect()
});

/// The category a harm word gives (`killed` killed, `wounded` injured).
pub(super) fn cue_of(word: &str) -> Option<&'static str> {
    HARM.get(word).map(|h| h.category)
}

/// Does the harm word govern a count after it (`killing 20`, `the death toll rose to 65`)?
pub(super) fn governs(word: &str) -> bool {
    HARM.get(word).is_some_and(|h| h.before)
}

static QUALIFIERS: LazyLock<Vec<(Vec<&'static str>, &'static str)>> = LazyLock::new(|| {
    entries(include_str!("../../../data/casualty-qualifiers.tsv"))
        .map(|line| {
            let (phrase, q) = line.split_once('\t').unwrap_or_else(|| panic!("data/casualty-qualifiers.tsv: {line:?} has no qualifier"));
            assert!(crate::annotation::QUALIFIERS.contains(&q), "data/casualty-qualifiers.tsv: {q:?} is not a qualifier");
            (phrase.split(' ').collect(), q)
        })
        .collect()
});

/// Qualifier phrases that stand right before the number, longest first, with their qualifier.
pub(super) fn qualifiers() -> &'static [(Vec<&'static str>, &'static str)] {
    &QUALIFIERS
}

pub(super) struct Words<'a> {
    pub(super) text: &'a str,
    pub(super) tokens: &'a [Token],
}

impl Words<'_> {
    pub(super) fn lower(&self, i: usize) -> String {
        self.tokens.get(i).map_or(String::new(), |t| self.text[t.start..t.end].to_lowercase())
    }
}
