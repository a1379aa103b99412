//! What the tagger knows of a word, found with one look-up of the hash its features already
//! computed: its cluster, and whether it is a given name, a common word or a title.
//!
//! Word clusters: the frequent words of English news and Wikipedia grouped by the company they
//! keep (`data/word-clusters.txt`, made by `scripts/gen-clusters.py` from GloVe vectors), so the
//! tagger reads a word it never saw in training as one of a kind it did see. A word's cluster is
//! a path in a tree; its prefixes are the coarser clusters.

use std::sync::LazyLock;

use crate::hash::FxHashMap;

pub const CLUSTERS: &str = include_str!("../../../data/word-clusters.txt");

/// A word's entry: its cluster (`NONE` when not listed) and flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    pub path: u16,
    pub flags: u8,
}

pub const NONE: u16 = u16::MAX;
/// A given name, as written (`Marco`).
pub const GIVEN_NAME: u8 = 1;
/// A common lower-case word.
pub const COMMON: u8 = 2;
/// A title that precedes a name, as written (`President`).
pub const TITLE: u8 = 4;
const EMPTY: Entry = Entry { path: NONE, flags: 0 };

/// Words by their FNV-1a 64 (what the features hash a word by: the cluster and the common-word
/// flag under the lower-cased word, the given-name and title flags under the word as written).
/// A collision among the listed words' 64-bit hashes is as good as impossible; the test checks
/// there is none.
pub struct Lexicon {
    words: FxHashMap<u64, Entry>,
    /// The lengths of the path's levels, coarsest first, as the file's `# bits` line gives them.
    bits: [u32; 3],
}

impl Lexicon {
    fn parse(src: &'static str) -> Lexicon {
        let mut words: FxHashMap<u64, Entry> = FxHashMap::default();
        let mut bits = [0; 3];
        for line in src.lines() {
            if let Some(b) = line.strip_prefix("# bits ") {
                for (slot, n) in bits.iter_mut().zip(b.split_whitespace()) {
                    *slot = n.parse().expect("data/word-clusters.txt: bad `# bits` line");
                }
                continue;
            }
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let mut it = line.split(' ');
            let path: u16 = it.next().and_then(|p| p.parse().ok()).expect("data/word-clusters.txt: a line without its path");
            for w in it {
                words.entry(super::fnv64(w.as_bytes())).or_insert(EMPTY).path = path;
            }
        }
        assert!(bits.iter().sum::<u32>() > 0 && bits.iter().sum::<u32>() <= 16, "data/word-clusters.txt: no `# bits` line");
        let g = crate::recognize::gazetteer::get();
        let mut flag = |w: &str, f: u8| words.entry(super::fnv64(w.as_bytes())).or_insert(EMPTY).flags |= f;
        g.first_names.iter().for_each(|w| flag(w, GIVEN_NAME));
        crate::text::words::common().iter().for_each(|w| flag(w, COMMON));
        g.model_titles.iter().for_each(|w| flag(w, TITLE));
        Lexicon { words, bits }
    }

    /// The entry of the word whose FNV-1a 64 is `h`.
    #[inline]
    pub fn get(&self, h: u64) -> Entry {
        self.words.get(&h).copied().unwrap_or(EMPTY)
    }

    /// The cluster of a lower-case word, if it is among the listed words.
    pub fn path(&self, lower: &str) -> Option<u16> {
        Some(self.get(super::fnv64(lower.as_bytes())).path).filter(|&p| p != NONE)
    }

    /// The path cut to its first `levels` levels (1 to 3).
    pub fn prefix(&self, path: u16, levels: usize) -> u16 {
        let drop: u32 = self.bits[levels..].iter().sum();
        path >> drop
    }

}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::parse(CLUSTERS));

pub fn get() -> &'static Lexicon {
    &LEXICON
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_a_kind_share_a_cluster() {
        let c = get();
        let listed: Vec<&str> = CLUSTERS.lines().filter(|l| !l.starts_with('#')).flat_map(|l| l.split(' ').skip(1)).collect();
        assert!(listed.len() > 10_000);
        let distinct: crate::hash::FxHashSet<u64> = listed.iter().map(|w| super::super::fnv64(w.as_bytes())).collect();
        assert_eq!(distinct.len(), listed.len(), "two words with one hash, or a word listed twice");
        let p = |w: &str| c.path(w).unwrap_or_else(|| panic!("{w} not listed"));
        // Cities of one region share a leaf or at least the coarser levels; a city and a
        // weekday do not share even the coarsest.
        assert_eq!(c.prefix(p("kharkiv"), 2), c.prefix(p("donetsk"), 2));
        assert_eq!(c.prefix(p("khartoum"), 1), c.prefix(p("nairobi"), 1));
        assert_ne!(c.prefix(p("nairobi"), 1), c.prefix(p("tuesday"), 1));
        assert_eq!(c.prefix(p("tuesday"), 3), p("tuesday"));
        assert_eq!(c.path("Tuesday"), None, "the list is lower case");
        assert_eq!(c.path("qwertyuiopasdf"), None);
    }

    #[test]
    fn flags_follow_the_lists_and_their_case() {
        let c = get();
        let e = |w: &str| c.get(super::super::fnv64(w.as_bytes()));
        assert_eq!(e("Marco").flags & GIVEN_NAME, GIVEN_NAME);
        assert_eq!(e("marco").flags & GIVEN_NAME, 0, "given names are looked up as written");
        assert_eq!(e("says").flags & COMMON, COMMON);
        assert_eq!(e("President").flags & TITLE, TITLE);
        assert_eq!(e("Erdogan").flags, 0);
        assert_ne!(e("says").path, NONE);
    }
}
