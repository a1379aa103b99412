//! The list of documents kept in the browser, as the Documents drawer shows it: each with its
//! title, when it was last saved and how far its review is; found by words of the title and
//! sorted by the reader's choice. The page keeps the entries; the order and the filter are here.

use serde::{Deserialize, Serialize};

/// One kept document, as the page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub id: String,
    pub title: String,
    /// When it was last written whole (ISO 8601, from the page's clock), if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub saved: Option<String>,
    /// Suggestions still to review, and those reviewed (accepted or rejected), if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed: Option<u32>,
}

/// The orders the list offers.
pub const SORTS: [&str; 4] = ["added", "recent", "title", "to-review"];

/// The entries whose title holds every word of `query` (case ignored), in the order `sort`
/// names: `added` (the order they were added in, as kept), `recent` (last saved first), `title`
/// (alphabetical), `to-review` (most suggestions waiting first); among equals, as kept.
pub fn list(mut entries: Vec<Entry>, query: &str, sort: &str) -> Vec<Entry> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    entries.retain(|e| {
        let title = e.title.to_lowercase();
        words.iter().all(|w| title.contains(w.as_str()))
    });
    match sort {
        "recent" => entries.sort_by_key(|e| std::cmp::Reverse(e.saved.clone())),
        "title" => entries.sort_by_key(|e| e.title.to_lowercase()),
        "to-review" => entries.sort_by_key(|e| std::cmp::Reverse(e.pending.unwrap_or(0))),
        _ => {}
    }
    entries
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(id: &str, title: &str, saved: &str, pending: u32) -> Entry {
        Entry { id: id.into(), title: title.into(), saved: Some(saved.into()), pending: Some(pending), reviewed: Some(0) }
    }

    #[test]
    fn found_by_the_words_of_the_title_and_sorted_as_asked() {
        let all = vec![e("a", "Strike on Gaza market", "2026-12-01T10:00", 3), e("b", "Quake in Turkey", "2026-12-03T09:00", 40), e("c", "Gaza ceasefire talks", "2026-12-02T08:00", 0)];
        let ids = |v: Vec<Entry>| v.into_iter().map(|e| e.id).collect::<Vec<_>>();
        assert_eq!(ids(list(all.clone(), "gaza", "recent")), ["c", "a"]);
        assert_eq!(ids(list(all.clone(), "GAZA market", "recent")), ["a"]);
        assert_eq!(ids(list(all.clone(), "", "title")), ["c", "b", "a"]);
        assert_eq!(ids(list(all.clone(), "", "to-review")), ["b", "a", "c"]);
        assert_eq!(ids(list(all.clone(), "", "recent")), ["b", "c", "a"]);
        assert_eq!(ids(list(all.clone(), "", "added")), ["a", "b", "c"]);
        // An entry of an older page has no date or counts: last among the recent, kept in place.
        let mut old = all.clone();
        old.push(Entry { id: "d".into(), title: "Older".into(), saved: None, pending: None, reviewed: None });
        assert_eq!(ids(list(old, "", "recent")).last().map(String::as_str), Some("d"));
        // Words in any script.
        assert_eq!(ids(list(vec![e("x", "قتل في غزة", "2026-12-01", 1)], "غزة", "title")), ["x"]);
    }
}
