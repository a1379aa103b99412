//! The calendar side of dates: the words of months, weekdays, parts of day and units with
//! their TimeML codes, years said in words, holidays computed per year, quarters and ISO weeks,
//! and the occurrence of a month or weekday nearest to the reference date.

use jiff::civil::{Date, Weekday};
use jiff::{Span, ToSpan};
use regex::Captures;

use super::context::Tense;
use crate::annotation::DateAttrs;
use crate::text::calendar::iso;

pub(super) const MONTH: &str = r"(?P<mon>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)";
pub(super) const WEEKDAY: &str = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
pub(super) const NUM: &str = r"(?P<n>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred|several|a\s+few|(?:a\s+)?couple\s+of|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[-\s](?:one|two|three|four|five|six|seven|eight|nine))";
pub(super) const UNIT: &str = r"(?P<unit>second|minute|hour|day|week|month|quarter|year|decade|century|centuries)";
/// A year said in words (`nineteen ninety-four`, `two thousand and one`).
pub(super) const SPOKEN_YEAR: &str = r"nineteen[\s-]+(?:hundred[\s-]+(?:and[\s-]+)?)?(?:ninety|eighty|seventy|sixty|fifty|forty|thirty|twenty|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|two[\s-]+thousand(?:[\s-]+(?:and[\s-]+)?(?:one|two|three|four|five|six|seven|eight|nine|ten))?";
pub(super) const PART: &str = r"(?P<part>morning|afternoon|evening|night)";

pub(super) fn month_number(m: &str) -> i8 {
    let m = m.to_lowercase();
    const P: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    P.iter().position(|p| m.starts_with(p)).map_or(1, |i| i as i8 + 1)
}

pub(super) fn weekday_of(s: &str) -> Weekday {
    match &s.to_lowercase()[..3] {
        "mon" => Weekday::Monday,
        "tue" => Weekday::Tuesday,
        "wed" => Weekday::Wednesday,
        "thu" => Weekday::Thursday,
        "fri" => Weekday::Friday,
        "sat" => Weekday::Saturday,
        _ => Weekday::Sunday,
    }
}

pub(super) fn part_code(p: &str) -> &'static str {
    match p.to_lowercase().as_str() {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        _ => "NI",
    }
}

pub(super) fn unit_code(u: &str) -> (&'static str, bool, u64) {
    // (TimeML letter, is a time unit (needs `T`), multiplier)
    let u = u.to_lowercase();
    match u.trim_end_matches('s') {
        "second" => ("S", true, 1),
        "minute" => ("M", true, 1),
        "hour" => ("H", true, 1),
        "day" => ("D", false, 1),
        "week" => ("W", false, 1),
        "month" => ("M", false, 1),
        "quarter" => ("Q", false, 1),
        "decade" => ("DE", false, 1),
        "century" | "centurie" => ("CE", false, 1),
        _ => ("Y", false, 1),
    }
}

pub(super) fn small_number(n: &str) -> Option<u64> {
    let n = n.to_lowercase();
    if n == "a" || n == "an" {
        return Some(1);
    }
    if n.split_whitespace().any(|w| w == "couple") {
        return Some(2);
    }
    if n.chars().all(|c| c.is_ascii_digit()) {
        return n.parse().ok();
    }
    crate::text::number::parse_number(&n)
}

pub(super) fn d(kind: &str, value: impl Into<String>) -> Option<DateAttrs> {
    Some(DateAttrs { kind: kind.to_string(), value: value.into() })
}

pub(super) fn ymd(y: i64, m: i8, day: i8) -> Option<String> {
    Date::new(y as i16, m, day).ok().map(iso)
}

/// A year said in words: `nineteen ninety-seven`, `two thousand`, `two thousand and one`.
pub(super) fn spoken_year(words: &str) -> Option<i64> {
    let w: Vec<String> = words.to_lowercase().split(|c: char| c == ' ' || c == '-' || c.is_whitespace()).filter(|x| !x.is_empty() && *x != "and" && *x != "hundred").map(String::from).collect();
    let unit = |x: &str| ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"].iter().position(|u| *u == x).map(|p| p as i64 + 1);
    let teen = |x: &str| ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"].iter().position(|u| *u == x).map(|p| p as i64 + 10);
    let tens = |x: &str| ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"].iter().position(|u| *u == x).map(|p| 10 * (p as i64 + 2));
    match w.first().map(String::as_str)? {
        "nineteen" => {
            let rest = &w[1..];
            let low = match rest {
                [t] => tens(t).or_else(|| teen(t))?,
                [t, u] => tens(t)? + unit(u)?,
                _ => return None,
            };
            Some(1900 + low)
        }
        "two" if w.get(1).map(String::as_str) == Some("thousand") => match &w[2..] {
            [] => Some(2000),
            [u] => Some(2000 + unit(u).or_else(|| teen(u))?),
            _ => None,
        },
        _ => None,
    }
}

/// The date of a holiday in year `y`: fixed ones, and those counted by weekday (`Thanksgiving`
/// is the fourth Thursday of November) or from Easter.
pub(super) fn holiday(name: &str, y: i16) -> Option<Date> {
    let nth = |m: i8, wd: Weekday, n: i8| Date::new(y, m, 1).ok()?.nth_weekday_of_month(n, wd).ok();
    let n = name.to_lowercase();
    let n = n.trim_end_matches(" day").trim_end_matches(" sunday");
    match n {
        "thanksgiving" => nth(11, Weekday::Thursday, 4),
        "christmas" => Date::new(y, 12, 25).ok(),
        "christmas eve" => Date::new(y, 12, 24).ok(),
        "new year's" | "new year’s" => Date::new(y, 1, 1).ok(),
        "new year's eve" | "new year’s eve" => Date::new(y, 12, 31).ok(),
        "independence" | "fourth of july" => Date::new(y, 7, 4).ok(),
        "halloween" => Date::new(y, 10, 31).ok(),
        "valentine's" | "valentine’s" => Date::new(y, 2, 14).ok(),
        "veterans" => Date::new(y, 11, 11).ok(),
        "labor" => nth(9, Weekday::Monday, 1),
        "memorial" => nth(5, Weekday::Monday, -1),
        // The Tuesday after the first Monday of November.
        "election" => nth(11, Weekday::Monday, 1)?.checked_add(1.day()).ok(),
        "easter" => {
            // The anonymous Gregorian computus.
            let y = y as i32;
            let (a, b, c) = (y % 19, y / 100, y % 100);
            let (d, e) = (b / 4, b % 4);
            let f = (b + 8) / 25;
            let g = (b - f + 1) / 3;
            let h = (19 * a + b - d - g + 15) % 30;
            let (i, k) = (c / 4, c % 4);
            let l = (32 + 2 * e + 2 * i - h - k) % 7;
            let m = (a + 11 * h + 22 * l) / 451;
            let month = (h + l - 7 * m + 114) / 31;
            let day = (h + l - 7 * m + 114) % 31 + 1;
            Date::new(y as i16, month as i8, day as i8).ok()
        }
        _ => None,
    }
}

/// The quarter a report dated `r` speaks of (the one just ended when its month has barely
/// begun), moved by `years` and `quarters`: `1989-Q3` for a report of 1989-11-02.
pub(super) fn reported_quarter(r: Date, years: i64, quarters: i64) -> Option<String> {
    let q = shift(r, (-45).days())?;
    quarter_value(q, years, quarters)
}

/// The quarter of `date`, moved by `years` and `quarters`, in TimeML form.
pub(super) fn quarter_value(date: Date, years: i64, quarters: i64) -> Option<String> {
    let n = (date.year() as i64 + years) * 4 + (date.month() as i64 - 1) / 3 + quarters;
    Some(format!("{:04}-Q{}", n.div_euclid(4), n.rem_euclid(4) + 1))
}

pub(super) fn week_of(date: Date) -> String {
    let w = date.iso_week_date();
    format!("{:04}-W{:02}", w.year(), w.week())
}

pub(super) fn shift(date: Date, span: Span) -> Option<Date> {
    date.checked_add(span).ok()
}

/// The year of month `m` (and `day`) for a reference date: the occurrence nearest to it (news
/// reports the last few months and announces the next few), or the next one on or after it
/// when the sentence looks ahead.
pub(super) fn year_near(r: Date, m: i8, day: Option<i8>, tense: Tense) -> i64 {
    let y = r.year() as i64;
    let at = |year: i64| Date::new(year as i16, m, day.unwrap_or(15).min(28)).ok();
    let dist = |year: i64| at(year).and_then(|d| r.until(d).ok()).map(|s| s.get_days() as i64);
    match tense {
        Tense::Future => return if dist(y).is_some_and(|d| d >= if day.is_some() { 0 } else { -15 }) { y } else { y + 1 },
        Tense::Past | Tense::Open => {}
    }
    // News is mostly about the past: a past occurrence counts as three quarters as far, and
    // in a sentence told in the past a future one counts four times as far (`resigned in
    // March`, said in November, is last March; `extended to Nov. 20` is still ahead).
    let ahead = if tense == Tense::Past { 12 } else { 4 };
    [y - 1, y, y + 1]
        .into_iter()
        .filter_map(|c| dist(c).map(|d| (if d > 0 { ahead * d } else { -3 * d }, c)))
        .min()
        .map_or(y, |(_, c)| c)
}

/// Hour (0–23) and minute of a 12-hour clock match with groups `h`, `m` and `ap`.
pub(super) fn clock(c: &Captures) -> Option<(u32, u32)> {
    let h: u32 = c["h"].parse().ok()?;
    let m: u32 = c.name("m").map_or(Some(0), |m| m.as_str().parse().ok())?;
    if h == 0 || h > 12 || m > 59 {
        return None;
    }
    let pm = c["ap"].to_lowercase().starts_with('p');
    Some((h % 12 + if pm { 12 } else { 0 }, m))
}

/// Most recent `wd` on or before `r` (or strictly before, or on/after when forward).
pub(super) fn weekday_near(r: Date, wd: Weekday, strict: bool, forward: bool) -> Option<Date> {
    let cur = r.weekday().to_monday_zero_offset() as i64;
    let want = wd.to_monday_zero_offset() as i64;
    let delta = if forward {
        let mut k = (want - cur).rem_euclid(7);
        if k == 0 && strict {
            k = 7;
        }
        k
    } else {
        let mut k = -((cur - want).rem_euclid(7));
        if k == 0 && strict {
            k = -7;
        }
        k
    };
    shift(r, delta.days())
}

