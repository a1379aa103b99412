//! Which harm a casualty figure counts (the guidelines' `scope`), read from the words around it:
//! a war's, a campaign's or a period's total is `cumulative` (`since the war began`, `so far`,
//! `this year`, `a total of`, `the conflict has killed`, a vague count of hundreds of
//! thousands); an earlier event named for context is `background` (a past year, `last March`,
//! `a year ago`, `not the first`), as is a figure in a headline linking to another story
//! (`Related: …`); anything else is the `incident` the article reports.

use std::sync::LazyLock;

use jiff::civil::Date;

use super::words::Words;
use crate::text::segment::{BlockKind, Segmentation};
use crate::text::words::entries;

/// The cue phrases of `data/scope-cues.tsv`, as words, with their scope.
static CUES: LazyLock<Vec<(Vec<&'static str>, &'static str)>> = LazyLock::new(|| {
    entries(include_str!("../../../data/scope-cues.tsv"))
        .map(|line| {
            let (phrase, scope) = line.split_once('\t').unwrap_or_else(|| panic!("data/scope-cues.tsv: {line:?} has no scope"));
            assert!(matches!(scope, "cumulative" | "background"), "data/scope-cues.tsv: {scope:?} is not a scope");
            (phrase.split(' ').collect(), scope)
        })
        .collect()
});

const MONTHS: [&str; 12] = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const SHORT_SPANS: [&str; 8] = ["hour", "hours", "day", "days", "night", "nights", "weekend", "morning"];

/// The scope that the cues in the words `lo..hi` give the figure at tokens `first..last` (its
/// sentence, cut short of the figures beside it; `first == last` for words with no figure),
/// `None` when they give none; `reference` is the article's date.
pub(super) fn cue(w: &Words, first: usize, last: usize, lo: usize, hi: usize, reference: Option<Date>) -> Option<&'static str> {
    let words: Vec<String> = (lo..hi).map(|k| w.lower(k)).collect();
    let at = |k: usize| words.get(k).map_or("", String::as_str);
    let mut found: Option<&'static str> = None;
    let mut whole_year = false;
    for k in 0..words.len() {
        // (Inside the figure no cue is read: `a total of` is part of no figure's span, but
        // `hundreds of thousands` is.)
        if (first - lo..last - lo).contains(&k) {
            continue;
        }
        // `since` a year, a month or a named beginning: a total over a period.
        if at(k) == "since" {
            let next = at(k + 1);
            let year = next.len() == 4 && next.bytes().all(|b| b.is_ascii_digit());
            if year || MONTHS.contains(&next) {
                return Some("cumulative");
            }
        }
        for (phrase, scope) in CUES.iter() {
            if phrase.iter().enumerate().all(|(j, p)| at(k + j) == *p) {
                // `over the past 24 hours` is the incident's own span of time.
                let period = phrase.last().is_some_and(|p| matches!(*p, "past" | "last"));
                if period && (1..=3).any(|j| SHORT_SPANS.contains(&at(k + phrase.len() + j - 1))) {
                    continue;
                }
                // A cumulative cue wins over a background one (`since 2015` beats `2015`).
                if found != Some("cumulative") {
                    found = Some(scope);
                }
            }
        }
        // A past year or `last March`: an earlier event, unless a cue says it is a period's total.
        let word = at(k);
        // (A year is a date after `in`, `the`, a month: not `a 2006 silver-colored car`.)
        let dated = k == 0 || matches!(at(k - 1), "in" | "during" | "the" | "of" | ";" | "," | "." | "(") || MONTHS.contains(&at(k - 1)) || at(k - 1).bytes().all(|b| b.is_ascii_digit());
        let year = dated && word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()) && matches!(&word[..2], "19" | "20");
        let past_year = year && reference.is_none_or(|r| word.parse::<i16>().is_ok_and(|y| y < r.year()));
        let last_month = word == "last" && MONTHS.contains(&at(k + 1));
        if (past_year || last_month || long_ago(&words, k, reference)) && found.is_none() {
            found = Some("background");
            whole_year |= past_year;
        }
    }
    // A past year of many events is a period's total: `2018 saw 11,187 accidents leading to
    // [750] deaths`, not one earlier event.
    if found == Some("background") && whole_year && words.iter().any(|x| MANY_EVENTS.contains(&x.as_str())) {
        return Some("cumulative");
    }
    found
}

/// Events in the plural: a figure over them counts many events.
const MANY_EVENTS: [&str; 14] = ["accidents", "attacks", "incidents", "bombings", "shootings", "clashes", "crashes", "raids", "airstrikes", "strikes", "massacres", "killings", "purges", "pogroms"];

/// An earlier time carried from the sentence before, over a figure whose own words name many
/// events (`[thousands] were killed in the massacres`): a period's total, not one earlier event.
pub(super) fn many_events(w: &Words, lo: usize, hi: usize) -> bool {
    (lo..hi).any(|k| MANY_EVENTS.contains(&w.lower(k).as_str()))
}

/// Does the month named at `words[k]` lie more than a month before the article's date (`on 25
/// June` in a November report; `in March` in a July one), in the year before when it comes
/// after the article's month?
fn long_ago(words: &[String], k: usize, reference: Option<Date>) -> bool {
    let (Some(r), Some(m)) = (reference, MONTHS.iter().position(|m| *m == words[k])) else { return false };
    // (`may` is a verb more often than a month.)
    let day = |j: Option<usize>| j.and_then(|j| words.get(j)).and_then(|w| w.parse::<i8>().ok()).filter(|d| (1..=31).contains(d));
    let day = day(k.checked_sub(1)).or(day(Some(k + 1)));
    if m == 4 && day.is_none() {
        return false;
    }
    let month = m as i8 + 1;
    let year = if month > r.month() { r.year() - 1 } else { r.year() };
    match day {
        Some(d) => Date::new(year, month, d.min(28)).is_ok_and(|date| r.since(date).is_ok_and(|span| span.get_days() > 31)),
        None => (r.month() - month).rem_euclid(12) >= 2,
    }
}

/// Words of a sentence that give it a time of its own (`on Monday`, `yesterday`): the scope of
/// the sentence before does not carry over to its figures.
const OWN_TIME: [&str; 11] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tonight", "overnight"];

/// Does the sentence of words `lo..hi` say when its own events happened?
pub(super) fn has_own_time(w: &Words, lo: usize, hi: usize) -> bool {
    (lo..hi).any(|k| OWN_TIME.contains(&w.lower(k).as_str()))
}

/// The phrases of `data/incident-cues.txt`, as words.
static INCIDENT_CUES: LazyLock<Vec<Vec<&'static str>>> =
    LazyLock::new(|| entries(include_str!("../../../data/incident-cues.txt")).map(|line| line.split(' ').collect()).collect());

/// Where, among the words `lo..hi`, a phrase that opens another incident begins (`in a
/// separate incident`, `another explosion`), as a token index.
pub(super) fn opens_incident(w: &Words, lo: usize, hi: usize) -> Option<usize> {
    let words: Vec<String> = (lo..hi).map(|k| w.lower(k)).collect();
    (0..words.len()).find(|&k| INCIDENT_CUES.iter().any(|p| k + p.len() <= words.len() && p.iter().enumerate().all(|(j, x)| words[k + j] == *x))).map(|k| lo + k)
}

/// How a line that links to another story begins (`Related: Four killed in crash`).
const RELATED_PREFIXES: [&str; 14] = [
    "related:", "related story:", "related stories:", "related coverage:", "related link:", "read more:", "read also:", "also read:", "see also:", "more:", "recommended:", "watch:", "more on this:", "previously:",
];

/// Lines of page furniture under which the short lines are other stories' headlines.
const RELATED_HEADERS: [&str; 12] = [
    "related", "related articles", "related stories", "related coverage", "read more", "more stories", "more news", "you may also like", "recommended", "most read", "most popular", "top stories",
];

/// Is block `b` of the segmentation a headline of another story: a line that begins
/// `Related:`, or one of the headlines listed under a `Related stories` line?
pub(super) fn related(text: &str, seg: &Segmentation, b: usize) -> bool {
    let line = |k: usize| text[seg.blocks[k].start..seg.blocks[k].end].trim().to_lowercase();
    if RELATED_PREFIXES.iter().any(|p| line(b).starts_with(p)) {
        return true;
    }
    // (Up the run of headlines and furniture above it, to a header that lists stories.)
    seg.blocks[b].kind == BlockKind::Headline
        && (0..b)
            .rev()
            .take_while(|&k| matches!(seg.blocks[k].kind, BlockKind::Headline | BlockKind::Boilerplate))
            .any(|k| seg.blocks[k].kind == BlockKind::Boilerplate && RELATED_HEADERS.contains(&line(k).trim_matches(|c: char| !c.is_alphanumeric())))
}
