//! Word lists compiled in from `data/` (plain text, one entry a line, a `#` header naming the
//! source and licence), parsed once on first use. Bad built-in data panics naming its file.
//! The common lower-case words live here because segmentation reads them (a Title Case line
//! shows on words normally written in lower case); the recognizers' own lists build on
//! [`entries`] and [`List`].

use std::sync::LazyLock;

use crate::hash::FxHashSet;

/// `data/common-words.txt`: lower-case words of the CoNLL-2003 training split.
pub const COMMON_WORDS: &str = include_str!("../../data/common-words.txt");

/// The entries of a list: one a line, `#` lines are its header (source and licence).
pub fn entries(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// A set of words from a data file, built on first use: a short list is scanned (faster than
/// hashing for a handful of words), a longer one tested by hash.
pub struct List {
    set: LazyLock<Set>,
}

/// A list's words, kept as fits their number.
pub enum Set {
    Few(Vec<&'static str>),
    Many(FxHashSet<&'static str>),
}

/// Lists up to this long are scanned.
const FEW: usize = 16;

impl List {
    /// The list of a data file's entries (its contents by `include_str!`, read by `entries`).
    pub const fn new(read: fn() -> Set) -> List {
        List { set: LazyLock::new(read) }
    }

    pub fn contains(&self, w: &str) -> bool {
        match &*self.set {
            Set::Few(v) => v.contains(&w),
            Set::Many(h) => h.contains(w),
        }
    }
}

impl Set {
    pub fn of(words: impl Iterator<Item = &'static str>) -> Set {
        let v: Vec<&'static str> = words.collect();
        if v.len() <= FEW { Set::Few(v) } else { Set::Many(v.into_iter().collect()) }
    }
}

/// Declares a [`List`] of the data file at `$path` (relative to `data/`).
#[macro_export]
macro_rules! word_list {
    ($(#[$doc:meta])* $vis:vis $name:ident = $path:literal) => {
        $(#[$doc])*
        $vis static $name: $crate::text::words::List = $crate::text::words::List::new(|| {
            $crate::text::words::Set::of($crate::text::words::entries(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/", $path))))
        });
    };
}

static COMMON: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| entries(COMMON_WORDS).collect());

/// The common lower-case words.
pub fn common() -> &'static FxHashSet<&'static str> {
    &COMMON
}

/// Is `w`, lower-cased, one of the common words? (No allocation for short ASCII words.)
pub fn is_common(w: &str) -> bool {
    is_in(&COMMON, w)
}

/// Is `w`, lower-cased, in `set` (of lower-case words)? For callers that hold the set already.
#[inline]
pub fn is_in(set: &FxHashSet<&'static str>, w: &str) -> bool {
    let mut buf = [0u8; 32];
    if w.len() <= buf.len() && w.is_ascii() {
        let b = &mut buf[..w.len()];
        b.copy_from_slice(w.as_bytes());
        b.make_ascii_lowercase();
        // (ASCII in, ASCII out: still UTF-8.)
        std::str::from_utf8(b).is_ok_and(|l| set.contains(l))
    } else {
        set.contains(w.to_lowercase().as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_are_loaded_and_case_is_ignored() {
        assert!(common().contains("says"));
        assert!(is_common("Says") && is_common("SAYS") && !is_common("Erdogan"));
        assert_eq!(entries("# header\n a \n\nb\n").collect::<Vec<_>>(), ["a", "b"]);
    }
}
