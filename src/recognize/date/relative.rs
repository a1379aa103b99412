//! Date rules for what is counted from the reference date: weekdays, `yesterday` and `today`,
//! parts of the day, `last week` and `two days ago`, vague spans, anaphoric periods (`that
//! year`), durations and the references `now`, `the past`, `the future`.

use jiff::ToSpan;
use jiff::civil::Date;

use super::calendar::*;
use super::rule::{REF, Rule, r};
use super::span::UNITS;
use crate::recognize::rule::example;
use crate::text::calendar::iso;

pub(super) fn rules() -> Vec<Rule> {
    vec![
        r(
            "date/weekday",
            "a weekday, past by default, ahead after a future cue, or as `last`, `next`, `this` say: `said Saturday`, `next Friday`, `Saturday morning`",
            &["day"],
            format!(r"\b(?:(?P<mod>(?i:last|next|this|coming|past|early|late))\s+)?{WEEKDAY}(?:\s+{PART})?\b"), |c, x| {
                let wd = weekday_of(&c["wd"]);
                let modifier = c.name("mod").map(|m| m.as_str().to_lowercase());
                let part = c.name("part").map(|p| part_code(p.as_str()));
                let Some(r) = x.reference else {
                    let v = format!("XXXX-WXX-{}", wd.to_monday_one_offset());
                    return match part { Some(p) => d("TIME", format!("{v}T{p}")), None => d("DATE", v) };
                };
                let date = match modifier.as_deref() {
                    Some("last") | Some("past") => weekday_near(r, wd, true, false),
                    Some("next") | Some("coming") => weekday_near(r, wd, true, true),
                    Some("this") => weekday_near(r, wd, false, x.future()),
                    // `closed until Friday`: ahead, unless the sentence is told in the past.
                    None if x.before.trim_end().ends_with(" until") && !x.past() => weekday_near(r, wd, false, true),
                    _ => weekday_near(r, wd, false, x.future()),
                }?;
                match part {
                    Some(p) => d("TIME", format!("{}T{p}", iso(date))),
                    None => d("DATE", iso(date)),
                }
            },
            &[
                example!("Erdogan said Saturday that", REF, "Saturday", "DATE 2025-07-19"),
                example!("Fighting halted on Sunday, the government said.", REF, "Sunday", "DATE 2025-07-20"),
                example!("killed in Sweida since last Sunday as clashes", REF, "last Sunday", "DATE 2025-07-13"),
                example!("The talks will resume on Tuesday.", REF, "Tuesday", "DATE 2025-07-22"),
                example!("They meet next Friday.", REF, "next Friday", "DATE 2025-07-25"),
                example!("early Saturday morning, residents", REF, "early Saturday morning", "TIME 2025-07-19TMO"),
                example!("said Saturday that", None, "Saturday", "DATE XXXX-WXX-6"),
                example!("He will go, Mr. Gerstner said Friday.", REF, "Friday", "DATE 2025-07-18"),
                example!("The team planned to leave on Thursday for Dar es Salaam.", REF, "Thursday", "DATE 2025-07-24"),
                example!("Officials postponed until Tuesday morning any action.", REF, "Tuesday morning", "TIME 2025-07-22TMO"),
                example!("It had been due to expire Friday evening.", REF, "Friday evening", "TIME 2025-07-18TEV"),
                example!("On Tuesday, the league plans to hold a news conference.", REF, "Tuesday", "DATE 2025-07-22"),
                example!("Markets will stay shut; trading is suspended until Friday.", Some("2025-07-17"), "Friday", "DATE 2025-07-18"),
                example!("Until Thursday, police had not named him.", Some("2025-07-19"), "Thursday", "DATE 2025-07-17"),
            ],
        ),
        r(
            "date/relative-day",
            "`yesterday`, `today`, `tomorrow`, `tonight`, with a part of the day: `yesterday morning`",
            &["day", "tomorrow", "tonight"],
            format!(r"(?i)\b(?:(?:early|late)\s+)?(?P<w>yesterday|today|tomorrow|tonight)(?:\s+{PART})?\b"), |c, x| {
                let w = c["w"].to_lowercase();
                let part = c.name("part").map(|p| part_code(p.as_str()));
                let Some(r) = x.reference else {
                    let v = if w == "tonight" || c.name("part").is_some() { "XXXX-XX-XXTNI" } else { "XXXX-XX-XX" };
                    return d(if v.contains('T') { "TIME" } else { "DATE" }, v);
                };
                let date = match w.as_str() {
                    "yesterday" => r.yesterday().ok()?,
                    "tomorrow" => r.tomorrow().ok()?,
                    _ => r,
                };
                match (w.as_str(), part) {
                    ("tonight", _) => d("TIME", format!("{}TNI", iso(date))),
                    (_, Some(p)) => d("TIME", format!("{}T{p}", iso(date))),
                    _ => d("DATE", iso(date)),
                }
            },
            &[
                example!("Officials said yesterday that", REF, "yesterday", "DATE 2025-07-19"),
                example!("Officials said today that", REF, "today", "DATE 2025-07-20"),
                example!("a vote tonight", REF, "tonight", "TIME 2025-07-20TNI"),
                example!("Officials said today that", None, "today", "DATE XXXX-XX-XX"),
                example!("He spoke with the minister earlier today and left.", REF, "earlier today", "DATE 2025-07-20"),
            ],
        ),
        // `mid-afternoon yesterday`, `morning today`.
        r(
            "date/part-relative-day",
            "a part of the day before `yesterday` or `today`: `late night yesterday`",
            &["yesterday", "today"],
            format!(r"(?i)\b(?:(?:early|late|mid)[- ]?)?{PART}\s+(?P<w>yesterday|today)\b"), |c, x| {
                let day = if c["w"].eq_ignore_ascii_case("yesterday") { x.reference?.yesterday().ok()? } else { x.reference? };
                d("TIME", format!("{}T{}", iso(day), part_code(&c["part"])))
            },
            &[
                example!("Trading halted in mid-afternoon yesterday.", REF, "mid-afternoon yesterday", "TIME 2025-07-19TAF"),
            ],
        ),
        // `the week of March 6`: the week holding that day.
        r(
            "date/week-of",
            "the week of a date: `the week of Oct. 9`",
            &["week of"],
            format!(r"(?i)\bthe\s+week\s+of\s+(?-i:{MONTH})\s+(?P<d>\d{{1,2}})\b"), |c, x| {
                let (m, day): (i8, i8) = (month_number(&c["mon"]), c["d"].parse().ok()?);
                let r = x.reference?;
                d("DATE", week_of(Date::new(year_near(r, m, Some(day), x.tense()) as i16, m, day).ok()?))
            },
            &[
                example!("Hearings are set for the week of March 6.", Some("2025-02-24"), "the week of March 6", "DATE 2025-W10"),
            ],
        ),
        r(
            "date/overnight",
            "`overnight`: the night before the reference date",
            &["overnight"],
            r"(?i)\bovernight\b".into(), |_, x| {
                // News written in the morning: the night before the reference date.
                let r = x.reference?;
                d("TIME", format!("{}TNI", iso(r.yesterday().ok()?)))
            },
            &[
                example!("the overnight shooting left two hurt", REF, "overnight", "TIME 2025-07-19TNI"),
            ],
        ),
        r(
            "date/vague-span",
            "a span without a number: `recent days`, `for years`, `over months`",
            &["days", "weeks", "months", "years", "decades", "hours"],
            r"(?i)\b(?:(?P<recent>recent)\s+|(?:for|within|over)\s+)(?P<unit>days|weeks|months|years|decades|hours)\b".into(), |c, _| {
                // `for weeks`, `in recent years`: a duration of unknown length.
                let (letter, time, _) = unit_code(c["unit"].trim_end_matches('s'));
                let letter = if letter == "DE" { "DE" } else { letter };
                d("DURATION", format!("P{}X{letter}", if time { "T" } else { "" }))
            },
            &[
                example!("The talks went on for weeks without result.", REF, "weeks", "DURATION PXW"),
                example!("Kidnappings rose in recent years, police said.", REF, "recent years", "DURATION PXY"),
            ],
        ),
        r(
            "date/vague-future",
            "a vague span ahead or just past: `the next few days`, `the coming weeks`, `the weeks ahead`",
            &["few", "several", "coming", "ahead"],
            r"(?i)\b(?:(?:the\s+)?(?:next|coming|past|last)\s+(?:few|several)\s+|(?:the\s+)?coming\s+|in\s+the\s+)(?P<unit>days|weeks|months|years|decades|hours)(?P<ahead>\s+ahead)?\b".into(), |c, _| {
                // `the next few days`, `coming weeks`, `the weeks ahead`: a duration of unknown length.
                let whole = c.get(0)?.as_str().to_lowercase();
                if whole.starts_with("in the") && c.name("ahead").is_none() {
                    return None;
                }
                let (letter, time, _) = unit_code(c["unit"].trim_end_matches('s'));
                d("DURATION", format!("P{}X{letter}", if time { "T" } else { "" }))
            },
            &[
                example!("They may surrender over the next few days, officials said.", REF, "the next few days", "DURATION PXD"),
                example!("Funds must sell junk in the weeks ahead to pay investors.", REF, "the weeks ahead", "DURATION PXW"),
            ],
        ),
        r(
            "date/vague-ago",
            "a time ago without a number: `years ago`, `several months ago`",
            &["ago"],
            r"(?i)\b(?:(?:several|a\s+few|many|some)\s+)?(?:years|months|weeks|days)\s+ago\b".into(), |_, _| d("DATE", "PAST_REF"),
            &[
                example!("she tried out years ago and won", REF, "years ago", "DATE PAST_REF"),
                example!("The rate rose from 35% several years ago.", REF, "several years ago", "DATE PAST_REF"),
            ],
        ),
        r(
            "date/part-of-day",
            "a part of the day of the reference date or the one before: `this morning`, `last night`",
            &["morning", "afternoon", "evening", "night"],
            format!(r"(?i)\b(?P<mod>this|last|early|late)\s+{PART}\b"), |c, x| {
                let r = x.reference?;
                let last = c["mod"].eq_ignore_ascii_case("last");
                let part = part_code(&c["part"]);
                let date = if last && part == "NI" { r.yesterday().ok()? } else if last { return None } else { r };
                d("TIME", format!("{}T{part}", iso(date)))
            },
            &[
                example!("at the site since early evening, police said", REF, "early evening", "TIME 2025-07-20TEV"),
            ],
        ),
        r(
            "date/relative-unit",
            "a week, month, year, weekend, decade, century or quarter named from the reference date: `last week`, `this year`, `earlier this week`",
            UNITS,
            r"(?i)\b(?:(?P<pre>earlier|later|early|late|mid)[\s-])?(?P<mod>last|this|next|coming|previous)\s+(?P<unit>week|month|year|weekend|decade|century|quarter)\b".into(), |c, x| {
                let m = c["mod"].to_lowercase();
                let step: i64 = match m.as_str() { "last" | "previous" => -1, "next" | "coming" => 1, _ => 0 };
                let unit = c["unit"].to_lowercase();
                let Some(r) = x.reference else {
                    return d("DATE", match unit.as_str() { "week" => "XXXX-WXX", "weekend" => "XXXX-WXX-WE", "month" => "XXXX-XX", _ => "XXXX" });
                };
                match unit.as_str() {
                    "week" => d("DATE", week_of(shift(r, (7 * step).days())?)),
                    "weekend" => d("DATE", format!("{}-WE", week_of(shift(r, (7 * step).days())?))),
                    "month" => {
                        let t = shift(r.first_of_month(), step.months())?;
                        d("DATE", format!("{:04}-{:02}", t.year(), t.month()))
                    }
                    "year" => d("DATE", format!("{:04}", r.year() as i64 + step)),
                    "decade" => d("DATE", format!("{:03}", (r.year() as i64 / 10) + step)),
                    // The quarter being reported on (just ended when the month has barely begun).
                    "quarter" => {
                        // `this quarter` in a report is the one reported on (just ended when the
                        // month has barely begun); `last` and `next` count from the calendar's.
                        let v = if step == 0 { reported_quarter(r, 0, 0)? } else { quarter_value(r, 0, step)? };
                        d("DATE", v)
                    }
                    _ => d("DATE", format!("{:02}", (r.year() as i64 / 100) + step)),
                }
            },
            &[
                example!("Israel intervened in the conflict earlier this week.", REF, "earlier this week", "DATE 2025-W29"),
                example!("The strike last week killed", REF, "last week", "DATE 2025-W28"),
                example!("It happened last month.", REF, "last month", "DATE 2025-06"),
                example!("since last year", REF, "last year", "DATE 2024"),
                example!("Elections are due early next year.", REF, "early next year", "DATE 2026"),
                example!("This quarter's loss includes charges.", Some("1989-11-01"), "This quarter", "DATE 1989-Q3"),
                example!("Profits rose during last quarter, the firm said.", Some("2007-01-18"), "last quarter", "DATE 2006-Q4"),
            ],
        ),
        r(
            "date/earlier-this",
            "earlier or later in the current week, month or year: `later in the month`",
            UNITS,
            r"(?i)\b(?P<pre>earlier|later)\s+(?:this|in\s+the)\s+(?P<unit>week|month|year)\b".into(), |c, x| {
                let Some(r) = x.reference else { return d("DATE", "XXXX") };
                match c["unit"].to_lowercase().as_str() {
                    "week" => d("DATE", week_of(r)),
                    "month" => d("DATE", format!("{:04}-{:02}", r.year(), r.month())),
                    _ => d("DATE", format!("{:04}", r.year())),
                }
            },
            &[
                example!("The deal was signed later in the month, officials said.", REF, "later in the month", "DATE 2025-07"),
                example!("Talks collapsed earlier in the week.", REF, "earlier in the week", "DATE 2025-W29"),
            ],
        ),
        r(
            "date/ago",
            "a quantity of time before the reference date: `two days ago`, `a year ago`, `three years earlier`",
            UNITS,
            format!(r"(?i)\b(?:(?:almost|nearly|about|some|roughly|approximately|more\s+than|over|just|only|less\s+than)\s+)?{NUM}\s+{UNIT}s?\s+(?:ago|earlier)\b"), |c, x| {
                let n = small_number(&c["n"])? as i64;
                let unit = c["unit"].to_lowercase();
                let Some(r) = x.reference else { return d("DATE", "PAST_REF") };
                match unit.trim_end_matches('s') {
                    "day" => d("DATE", iso(shift(r, (-n).days())?)),
                    "week" => d("DATE", week_of(shift(r, (-7 * n).days())?)),
                    "month" => {
                        let t = shift(r.first_of_month(), (-n).months())?;
                        d("DATE", format!("{:04}-{:02}", t.year(), t.month()))
                    }
                    // In a report on quarterly results, `a year ago` is the same quarter a year back.
                    "year" if x.quarterly => {
                        d("DATE", reported_quarter(r, -n, 0)?)
                    }
                    "year" => d("DATE", format!("{:04}", r.year() as i64 - n)),
                    "quarter" => d("DATE", quarter_value(r, 0, -n)?),
                    "decade" => d("DATE", format!("{:04}", r.year() as i64 - 10 * n)),
                    _ => d("DATE", "PAST_REF"),
                }
            },
            &[
                example!("It happened two days ago.", REF, "two days ago", "DATE 2025-07-18"),
                example!("Profit rose from $3 million a year ago in the third quarter.", Some("1989-10-26"), "a year ago", "DATE 1988-Q3"),
                example!("The war ended almost four years ago.", REF, "almost four years ago", "DATE 2021"),
                example!("The army seized power more than four decades ago.", REF, "more than four decades ago", "DATE 1985"),
            ],
        ),
        r(
            "date/same-period",
            "the period the text just named, a year back: `the same period last year`",
            &["same", "corresponding", "comparable", "year-earlier", "year-ago"],
            r"(?i)\bthe\s+(?:same|corresponding|comparable|year-earlier|year-ago)\s+(?:period|month|quarter|week|day)\s+(?:(?:of\s+)?last\s+year|a\s+year\s+(?:ago|earlier)|(?:of\s+)?the\s+(?:previous|prior)\s+year)\b".into(), |_, _| {
                // `the same period last year`: the period just named, a year back (filled in later).
                d("DATE", "XXXX")
            },
            &[
                example!("Sales rose 43% in February compared to the same period last year, the firm said.", Some("2010-03-03"), "the same period last year", "DATE 2009-02"),
            ],
        ),
        r(
            "date/anaphor",
            "a period counted from the last date the text named: `that year`, `the following month`, `the next day`",
            &["that", "following", "next", "previous", "same"],
            r"(?i)\b(?:(?P<pre>earlier|later)\s+)?(?:that\s+(?:same\s+)?|the\s+(?P<rel>following|next|previous|same)\s+)(?P<unit>year|month|day|week|quarter)\b".into(), |c, _| {
                // `that year`, `the following month`, `the next day`: counted from the date the text
                // named last (filled in after the sentence pass; unknown until then).
                if c.name("pre").is_some() && c.name("rel").is_some() {
                    return None;
                }
                let v = match c["unit"].to_lowercase().as_str() { "year" => "XXXX", "month" => "XXXX-XX", "week" => "XXXX-WXX", "quarter" => "XXXX-QX", _ => "XXXX-XX-XX" };
                d("DATE", v)
            },
            &[
                example!("Police arrived on March 3, 2016. He died the next day.", Some("2016-05-01"), "the next day", "DATE 2016-03-04"),
                example!("Police arrived on March 3, 2016. That year was hard.", Some("2016-05-01"), "That year", "DATE 2016"),
                example!("Police arrived on March 3, 2016. The following month, he left.", Some("2016-05-01"), "The following month", "DATE 2016-04"),
            ],
        ),
        r(
            "date/duration",
            "a duration: `four hours`, `over 30 years`, `the past 24 hours`, and ages (`67-year-old`)",
            UNITS,
            format!(r"(?i)\b(?:the\s+)?(?:(?:past|last|next|previous|first|coming)\s+)?(?:(?:over|more\s+than|nearly|about|almost|at\s+least|some|around|less\s+than|up\s+to|roughly)\s+)?{NUM}(?P<half>\s+1/2|\s*½|\s+and\s+a\s+half)?[\s-](?:(?:trading|business|working|straight|consecutive)\s+)?{UNIT}s?(?P<half2>\s+and\s+a\s+half)?(?P<old>-olds?|-long)?\b"), |c, x| {
                let n = c["n"].to_lowercase();
                if x.after.trim_start().starts_with("ago") {
                    return None;
                }
                let whole = c.get(0)?.as_str();
                // `a quarter of the vote`: a fraction, not three months.
                if c["unit"].eq_ignore_ascii_case("quarter") && (small_number(&n).is_none_or(|v| v < 2) || whole.to_lowercase().contains("-quarter")) {
                    return None;
                }
                if n == "a" || n == "an" {
                    // A rate, not a duration: `700 seats a week`, `$1.76 a year`, `24 hours a day`.
                    let mut back = x.before.trim_end().rsplit(' ');
                    let (prev, prev2) = (back.next().unwrap_or(""), back.next().unwrap_or(""));
                    let amount = |w: &str| w.ends_with(|ch: char| ch.is_ascii_digit()) || matches!(w, "hours" | "times" | "once" | "twice" | "million" | "billion" | "dollars" | "cents" | "percent");
                    if whole.len() <= 8 && (amount(prev) || amount(prev2)) {
                        return None;
                    }
                    // An ordinal: `a second betrayal`.
                    if c["unit"].eq_ignore_ascii_case("second") && x.after.trim_start().starts_with(|ch: char| ch.is_lowercase()) && !["later", "earlier", "ago", "or", "and", "to", "for", "in"].iter().any(|w| x.after.trim_start().starts_with(w)) {
                        return None;
                    }
                }
                let (letter, time, _) = unit_code(&c["unit"]);
                let count = match small_number(&n) { Some(v) => v.to_string(), None => "X".to_string() };
                let (letter, count) = match letter {
                    "DE" => ("Y", small_number(&n).map_or("X".into(), |v| (v * 10).to_string())),
                    "CE" => ("Y", small_number(&n).map_or("X".into(), |v| (v * 100).to_string())),
                    l => (l, count),
                };
                // `2 1/2 years`, `an hour and a half`: the half in the next smaller unit.
                if c.name("half").or(c.name("half2")).is_some() {
                    let half = match (letter, time) {
                        ("Y", _) => "6M",
                        ("H", true) => "30M",
                        ("M", true) => "30S",
                        ("D", false) => "T12H",
                        _ => return d("DURATION", format!("P{}{}.5{letter}", if time { "T" } else { "" }, small_number(&n)?)),
                    };
                    return d("DURATION", format!("P{}{count}{letter}{half}", if time { "T" } else { "" }));
                }
                d("DURATION", format!("P{}{count}{letter}", if time { "T" } else { "" }))
            },
            &[
                example!("talks that lasted four hours", REF, "four hours", "DURATION PT4H"),
                example!("rebelling for over 30 years.", REF, "over 30 years", "DURATION P30Y"),
                example!("in the past 24 hours, police said", REF, "the past 24 hours", "DURATION PT24H"),
                example!("a 67-year-old man", REF, "67-year-old", "DURATION P67Y"),
                example!("Output fell in the nine months to September.", REF, "the nine months", "DURATION P9M"),
                example!("the 6-year-old was treated", REF, "6-year-old", "DURATION P6Y"),
                example!("prices rose over the past couple of years", REF, "the past couple of years", "DURATION P2Y"),
                example!("The victims were 35 years old and 9 years old.", REF, "35 years old", "DURATION P35Y"),
                example!("He spent 2 1/2 years in jail.", REF, "2 1/2 years", "DURATION P2Y6M"),
                example!("The talks lasted an hour and a half.", REF, "an hour and a half", "DURATION PT1H30M"),
                example!("in the past twenty four hours", REF, "the past twenty four hours", "DURATION PT24H"),
                example!("For the past five trading days, stocks fell.", REF, "the past five trading days", "DURATION P5D"),
                example!("after two consecutive quarters of decline", REF, "two consecutive quarters", "DURATION P2Q"),
                example!("Iraq imports about three-quarters of its food; it fell two quarters in a row.", REF, "two quarters", "DURATION P2Q"),
            ],
        ),
        r(
            "date/past-unit",
            "one unit of time up to or from the reference date: `the past year`",
            &["year", "month", "week", "day", "decade", "centur"],
            r"(?i)\bthe\s+(?:past|last|previous|next|coming)\s+(?P<unit>year|month|week|day|decade|century)\b".into(), |c, _| {
                let (letter, _, _) = unit_code(&c["unit"]);
                let v = match letter { "DE" => "P10Y".to_string(), "CE" => "P100Y".to_string(), l => format!("P1{l}") };
                d("DURATION", v)
            },
            &[
                example!("Prices rose over the past year.", REF, "the past year", "DURATION P1Y"),
            ],
        ),
        r(
            "date/ref",
            "`now`, `currently`, `recently`, `the past`, `the future`: PRESENT_REF, PAST_REF, FUTURE_REF",
            &["now", "current", "recent", "past", "future", "lately"],
            r"(?i)\b(?P<w>now|currently|current|recently|nowadays|the\s+past|(?:the\s+(?:near\s+)?)?future|lately)\b".into(), |c, x| {
                let w = c["w"].to_lowercase();
                // `future` and `current` as words of time, not as in `future contracts`.
                // (An adjective before a noun: `the current system`, `future contracts`.)
                if (w == "future" || w == "current") && !x.after.trim_start().starts_with(|ch: char| !ch.is_alphanumeric()) && !x.after.trim_start().starts_with("levels") {
                    return None;
                }
                let v = match w.as_str() {
                    "now" | "currently" | "current" | "nowadays" => "PRESENT_REF",
                    // (`soon` is left out: the TimeML corpora mark it in one case of four.)
                    w if w.ends_with("future") => "FUTURE_REF",
                    _ => "PAST_REF",
                };
                d("DATE", v)
            },
            &[
                example!("The city is now calm.", REF, "now", "DATE PRESENT_REF"),
                example!("We have detectives there right now, she said.", REF, "right now", "DATE PRESENT_REF"),
                example!("Talks may resume in the near future.", REF, "the near future", "DATE FUTURE_REF"),
            ],
        ),
    ]
}
