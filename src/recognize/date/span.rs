//! Span rules that run after the matches of a sentence are chosen: a weekday joined to the
//! date after it, approximations and parts of a period taken in, and anaphoric dates (`that
//! year`, `the following month`) resolved against the last date the text named.

use jiff::ToSpan;
use jiff::civil::Date;

use super::calendar::{quarter_value, shift, week_of};
use crate::annotation::Candidate;
use crate::text::calendar::{iso, parse_iso};

pub(super) const MONTHS: &[&str] = &["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
pub(super) const UNITS: &[&str] = &["second", "minute", "hour", "day", "week", "month", "quarter", "year", "decade", "centur"];

/// `that year`, `the following month`, `the next day`: resolved against the last date the text
/// named before them (a calendar date, month or year, not a duration or a clock time).
pub(super) fn anaphora(text: &str, out: &mut [Candidate]) {
    let mut last: Option<String> = None;
    for c in out.iter_mut() {
        let Some(d) = c.date.as_mut() else { continue };
        if c.rule == "date/same-period" {
            // The last period named, a year back, at its own precision (`2009-02` → `2008-02`).
            if let Some(prev) = last.as_deref() {
                if let Some(y) = prev.get(..4).and_then(|y| y.parse::<i64>().ok()) {
                    d.value = format!("{:04}{}", y - 1, &prev[4..]);
                }
            }
            continue;
        }
        if c.rule != "date/anaphor" {
            let v = &d.value;
            let concrete = d.kind == "DATE" && v.len() >= 4 && v[..4].bytes().all(|b| b.is_ascii_digit()) && !v.contains('W') && !v.contains('X');
            if concrete {
                last = Some(v.clone());
            }
            continue;
        }
        let Some(prev) = last.as_deref() else { continue };
        let words = text[c.start..c.end].to_lowercase();
        let step: i64 = if words.contains("following") || words.contains("next") { 1 } else if words.contains("previous") { -1 } else { 0 };
        let unit = words.split_whitespace().last().unwrap_or("");
        let year: Option<i64> = prev.get(..4).and_then(|y| y.parse().ok());
        let month: Option<i8> = prev.get(5..7).and_then(|m| m.parse().ok());
        let day = (prev.len() >= 10).then(|| parse_iso(&prev[..10]).ok()).flatten();
        let value = match unit {
            "year" => year.map(|y| format!("{:04}", y + step)),
            "month" => year.zip(month).and_then(|(y, m)| Date::new(y as i16, m, 1).ok()).and_then(|dt| shift(dt, step.months())).map(|dt| format!("{:04}-{:02}", dt.year(), dt.month())),
            "day" => day.and_then(|dt| shift(dt, step.days())).map(iso),
            "week" => day.and_then(|dt| shift(dt, (7 * step).days())).map(week_of),
            "quarter" => year.zip(month).and_then(|(y, m)| Date::new(y as i16, m, 1).ok()).and_then(|dt| quarter_value(dt, 0, step)),
            _ => None,
        };
        if let Some(v) = value {
            d.value = v;
        }
    }
}

/// Span rules that look at a found expression's neighbours: a weekday and the date after it are
/// one expression (`Thursday, Feb. 23, 2017`); an approximation before a point in time is part
/// of it (`around 3:50 a.m.`, `right now`, `earlier today`), as is `just` before a duration
/// (`just over a week`) and `old` after an age (`35 years old`).
pub(super) fn widen(sentence: &str, offset: usize, kept: &mut Vec<Candidate>) {
    let mut k = 0;
    while k + 1 < kept.len() {
        let (a, b) = (&kept[k], &kept[k + 1]);
        let weekday = a.rule == "date/weekday" && a.date.as_ref().is_some_and(|d| d.kind == "DATE");
        let gap = &sentence[a.end - offset..b.start - offset];
        let dated = b.date.as_ref().is_some_and(|d| d.kind == "DATE" && d.value.len() >= 10);
        if weekday && dated && (gap == ", " || gap == " ") {
            let end = b.end;
            let next = kept.remove(k + 1);
            kept[k].end = end;
            kept[k].date = next.date;
            kept[k].rule = next.rule;
        }
        k += 1;
    }
    for c in kept.iter_mut() {
        let (a, b) = (c.start - offset, c.end - offset);
        let text = &sentence[a..b];
        let before = &sentence[..a];
        let Some(d) = c.date.as_ref() else { continue };
        let point = d.kind != "DURATION" && d.kind != "SET";
        let first = text.chars().next().unwrap_or(' ');
        let lower = text.to_lowercase();
        let relative_day = matches!(lower.as_str(), "today" | "tonight" | "yesterday" | "tomorrow") || c.rule == "date/weekday";
        let prefix = |words: &[&str]| {
            words.iter().find_map(|w| {
                let cut = before.len().checked_sub(w.len() + 1)?;
                let tail = before.get(cut..)?;
                (tail.get(..w.len()).is_some_and(|x| x.eq_ignore_ascii_case(w)) && tail.ends_with(' ') && (cut == 0 || !before[..cut].ends_with(|ch: char| ch.is_alphanumeric()))).then_some(cut)
            })
        };
        let cut = if point && (first.is_ascii_digit() || first.is_uppercase() && !relative_day || lower.starts_with("noon") || lower.starts_with("midnight")) {
            prefix(&["about", "around", "approximately", "roughly"])
        } else if lower == "now" {
            prefix(&["right", "just"])
        } else if point && relative_day {
            prefix(&["earlier", "later"])
        } else if !point && (lower.starts_with("over ") || lower.starts_with("under ") || lower.starts_with("more ") || lower.starts_with("less ")) {
            prefix(&["just"])
        } else {
            None
        };
        if let Some(cut) = cut {
            c.start = offset + cut;
        }
        // `the end of November`, `the beginning of the year`: the part of the period is inside.
        let a = c.start - offset;
        for part in ["the end of ", "the beginning of ", "the start of ", "the middle of ", "the turn of "] {
            if a >= part.len() && sentence.is_char_boundary(a - part.len()) && sentence[a - part.len()..a].eq_ignore_ascii_case(part) {
                c.start -= part.len();
                break;
            }
        }
        // `35 years old`, `17 month old`: an age.
        if d.kind == "DURATION" {
            let rest = &sentence[b..];
            let word_ends = |n: usize| !rest[n..].starts_with(|ch: char| ch.is_alphanumeric());
            if rest.starts_with(" olds") && word_ends(5) {
                c.end = offset + b + 5;
            } else if rest.starts_with(" old") && word_ends(4) {
                c.end = offset + b + 4;
            }
        }
    }
}

