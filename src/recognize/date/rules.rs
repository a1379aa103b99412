//! The date rules: each a regular expression with an id and a function that turns its match
//! into a TimeML type and value, with the trigger words that gate it cheaply.

use std::sync::LazyLock;

use jiff::civil::{Date, Weekday};
use jiff::ToSpan;
use regex::{Captures, Regex};

use super::calendar::*;
use super::span::{MONTHS, UNITS};
use super::context::{Ctx, Tense};
use crate::annotation::DateAttrs;
use crate::text::calendar::iso;

pub(super) type Resolve = fn(&Captures, &Ctx) -> Option<DateAttrs>;

pub(super) struct Rule {
    pub(super) id: &'static str,
    pub(super) re: Regex,
    pub(super) resolve: Resolve,
}

pub(super) static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    let r = |id: &'static str, pat: String, resolve: Resolve| Rule {
        id,
        re: Regex::new(&pat).unwrap_or_else(|e| panic!("date rule {id}: {e}")),
        resolve,
    };
    vec![
        r("date/iso", r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b".into(), |c, _| {
            ymd(c["y"].parse().ok()?, c["m"].parse().ok()?, c["d"].parse().ok()?).and_then(|v| d("DATE", v))
        }),
        r("date/day-month-year", format!(r"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}(?:\s*,)?\s+(?P<y>\d{{4}})\b"), |c, _| {
            ymd(c["y"].parse().ok()?, month_number(&c["mon"]), c["d"].parse().ok()?).and_then(|v| d("DATE", v))
        }),
        r("date/month-day-year", format!(r"\b{MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*,)?\s+(?P<y>\d{{4}})\b"), |c, _| {
            ymd(c["y"].parse().ok()?, month_number(&c["mon"]), c["d"].parse().ok()?).and_then(|v| d("DATE", v))
        }),
        r("date/numeric", r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})\b".into(), |c, _| {
            let (a, b): (i8, i8) = (c["a"].parse().ok()?, c["b"].parse().ok()?);
            // Day first when the first number cannot be a month, else month first (US news).
            let (m, day) = if a > 12 { (b, a) } else { (a, b) };
            ymd(c["y"].parse().ok()?, m, day).and_then(|v| d("DATE", v))
        }),
        r("date/month-day", format!(r"\b{MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b"), |c, x| {
            let day: i8 = c["d"].parse().ok()?;
            let m = month_number(&c["mon"]);
            if !(1..=31).contains(&day) || x.after.starts_with(':') && x.after[1..].starts_with(|ch: char| ch.is_ascii_digit()) || x.after.starts_with(",000") {
                return None;
            }
            match x.reference {
                Some(r) => ymd(year_near(r, m, Some(day), x.tense()), m, day).and_then(|v| d("DATE", v)),
                None => d("DATE", format!("XXXX-{m:02}-{day:02}")),
            }
        }),
        r("date/day-month", format!(r"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}\b"), |c, x| {
            let day: i8 = c["d"].parse().ok()?;
            let m = month_number(&c["mon"]);
            match x.reference {
                Some(r) => ymd(year_near(r, m, Some(day), x.tense()), m, day).and_then(|v| d("DATE", v)),
                None => d("DATE", format!("XXXX-{m:02}-{day:02}")),
            }
        }),
        r("date/month-year", format!(r"\b(?:(?:early|mid|late)[- ])?{MONTH}\s+(?:of\s+)?(?P<y>\d{{4}})\b"), |c, _| {
            d("DATE", format!("{}-{:02}", &c["y"], month_number(&c["mon"])))
        }),
        r("date/month", r"\b(?:(?P<mod>(?i:last|this|next|early|mid|late|in|since|until|by|of|from|through|during))[- ])?(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December)\b".into(), |c, x| {
            let modifier = c.name("mod").map(|m| m.as_str().to_lowercase());
            if &c["mon"] == "May" && modifier.is_none() {
                return None; // the modal verb
            }
            let m = month_number(&c["mon"]);
            let Some(r) = x.reference else { return d("DATE", format!("XXXX-{m:02}")) };
            let y = match modifier.as_deref() {
                Some("last") => if m >= r.month() { r.year() - 1 } else { r.year() },
                Some("next") => if m <= r.month() { r.year() + 1 } else { r.year() },
                Some("this") => r.year(),
                Some("by" | "until" | "through") if x.tense() == Tense::Past => year_near(r, m, None, Tense::Open) as i16,
                Some("since") => year_near(r, m, None, Tense::Past) as i16,
                _ => year_near(r, m, None, x.tense()) as i16,
            };
            d("DATE", format!("{y:04}-{m:02}"))
        }),
        r("date/year", r"\b(?i:in|since|until|by|before|after|during|from|of|through|to|early|late|mid)[- ](?P<y>(?:1[89]|20)\d\d)\b".into(), |c, x| {
            if x.after.trim_start().starts_with(|ch: char| ch.is_ascii_digit()) {
                return None;
            }
            d("DATE", &c["y"])
        }),
        r("date/bare-year", r"(?P<y>\b(?:19|20)\d\d\b)".into(), |c, x| {
            // A year standing alone (`the 1990 budget`, `in fiscal 1990`): not an amount, a
            // street number or a count of things.
            let before = x.before.trim_end();
            let after = x.after.trim_start();
            if before.ends_with(['$', '#', '£', '€']) || before.ends_with("no.") || before.ends_with(|ch: char| ch.is_ascii_digit())
                || x.after.starts_with('.') && x.after[1..].starts_with(|ch: char| ch.is_ascii_digit())
                || after.starts_with(|ch: char| ch.is_ascii_digit() || ch == '%' || ch == ',' && after[1..].starts_with(|c: char| c.is_ascii_digit()))
            {
                return None;
            }
            // Before a lower-case word a year needs a determiner (`the 1990 budget`); without
            // one it counts something (`2000 people`, `1990 cars`).
            let next = after.split(|ch: char| !ch.is_alphanumeric()).next().unwrap_or("");
            let determined = ["the", "its", "his", "her", "their", "fiscal", "of", "in", "since", "by", "a", "due", "both"].iter().any(|w| before.ends_with(&format!(" {w}")))
                || before.ends_with("'s") || before.ends_with("’s");
            // (`1990 and 1991`, `1993 or later`: a year in a list of years.)
            let listed = matches!(next, "and" | "or" | "to" | "through") && after.split_whitespace().nth(1).map(|w| w.trim_end_matches(|ch: char| !ch.is_alphanumeric())).is_some_and(|w| w.len() == 4 && w.starts_with(['1', '2']) && w.bytes().all(|b| b.is_ascii_digit()) || matches!(next, "or") && w.starts_with("later"));
            let mut back = before.split_whitespace().rev();
            let follows_year = matches!(back.next(), Some("and" | "or" | "to" | "through")) && back.next().is_some_and(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()));
            if next.starts_with(|ch: char| ch.is_lowercase()) && !determined && !listed && !follows_year {
                return None;
            }
            d("DATE", &c["y"])
        }),
        r("date/decade", r"\b(?:(?i:the)\s+)?(?:(?i:early|mid|late)[\s-]+)?(?P<y>(?:1[89]|20)\d)0s\b".into(), |c, _| d("DATE", &c["y"])),
        // `the 80s`, `since '82`: the century left out, as news means it (the twentieth, or
        // the twenty-first for years up to the reference's).
        r("date/short-year", r"(?i)\b(?:(?P<the>the)\s+['’]?(?P<d>[2-9]0)s\b|(?:in|since|of|from|until)\s+['’](?P<yy>\d\d)\b)".into(), |c, x| {
            if let Some(dd) = c.name("d") {
                return d("DATE", format!("19{}", &dd.as_str()[..1]));
            }
            let yy: i64 = c["yy"].parse().ok()?;
            let now = x.reference.map_or(2000, |r| r.year() as i64 % 100);
            d("DATE", format!("{}", if yy <= now { 2000 + yy } else { 1900 + yy }))
        }),
        // `to end the day`, `later in the day`, `for the day`: the day of the report.
        r("date/the-day", r"(?i)\b(?:(?:end(?:ed|ing|s)?|finish(?:ed|ing|es)?|clos(?:e|ed|ing)|start(?:ed|ing)?|for|(?:earlier|later|late|early)\s+in)\s+)(?P<span>the\s+day)\b".into(), |_, x| {
            if x.after.trim_start().starts_with(|ch: char| ch.is_ascii_alphanumeric()) && !x.after.trim_start().starts_with("at") && !x.after.trim_start().starts_with("with") && !x.after.trim_start().starts_with("down") && !x.after.trim_start().starts_with("up") {
                return None;
            }
            d("DATE", iso(x.reference?))
        }),
        r("date/decade-words", r"(?i)\bthe\s+(?:(?:early|mid|late)[\s-])?(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b".into(), |c, _| {
            // `the nineties`: of the twentieth century, as news means it.
            let k = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"].iter().position(|w| c["w"].eq_ignore_ascii_case(w))?;
            d("DATE", format!("19{}", k + 2))
        }),
        r("date/century", r"(?i)\b(?:the\s+)?(?:(?:early|mid|late)[\s-])?(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]century\b".into(), |c, _| {
            let n: i64 = c["n"].parse().ok()?;
            (1..=21).contains(&n).then(|| d("DATE", format!("{:02}", n - 1)))?
        }),
        r("date/weekday", format!(r"\b(?:(?P<mod>(?i:last|next|this|coming|past|early|late))\s+)?{WEEKDAY}(?:\s+{PART})?\b"), |c, x| {
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
        }),
        r("date/relative-day", format!(r"(?i)\b(?:(?:early|late)\s+)?(?P<w>yesterday|today|tomorrow|tonight)(?:\s+{PART})?\b"), |c, x| {
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
        }),
        // `mid-afternoon yesterday`, `morning today`.
        r("date/part-relative-day", format!(r"(?i)\b(?:(?:early|late|mid)[- ]?)?{PART}\s+(?P<w>yesterday|today)\b"), |c, x| {
            let day = if c["w"].eq_ignore_ascii_case("yesterday") { x.reference?.yesterday().ok()? } else { x.reference? };
            d("TIME", format!("{}T{}", iso(day), part_code(&c["part"])))
        }),
        // `the week of March 6`: the week holding that day.
        r("date/week-of", format!(r"(?i)\bthe\s+week\s+of\s+(?-i:{MONTH})\s+(?P<d>\d{{1,2}})\b"), |c, x| {
            let (m, day): (i8, i8) = (month_number(&c["mon"]), c["d"].parse().ok()?);
            let r = x.reference?;
            d("DATE", week_of(Date::new(year_near(r, m, Some(day), x.tense()) as i16, m, day).ok()?))
        }),
        r("date/overnight", r"(?i)\bovernight\b".into(), |_, x| {
            // News written in the morning: the night before the reference date.
            let r = x.reference?;
            d("TIME", format!("{}TNI", iso(r.yesterday().ok()?)))
        }),
        r("date/vague-span", r"(?i)\b(?:(?P<recent>recent)\s+|(?:for|within|over)\s+)(?P<unit>days|weeks|months|years|decades|hours)\b".into(), |c, _| {
            // `for weeks`, `in recent years`: a duration of unknown length.
            let (letter, time, _) = unit_code(c["unit"].trim_end_matches('s'));
            let letter = if letter == "DE" { "DE" } else { letter };
            d("DURATION", format!("P{}X{letter}", if time { "T" } else { "" }))
        }),
        r("date/vague-future", r"(?i)\b(?:(?:the\s+)?(?:next|coming|past|last)\s+(?:few|several)\s+|(?:the\s+)?coming\s+|in\s+the\s+)(?P<unit>days|weeks|months|years|decades|hours)(?P<ahead>\s+ahead)?\b".into(), |c, _| {
            // `the next few days`, `coming weeks`, `the weeks ahead`: a duration of unknown length.
            let whole = c.get(0)?.as_str().to_lowercase();
            if whole.starts_with("in the") && c.name("ahead").is_none() {
                return None;
            }
            let (letter, time, _) = unit_code(c["unit"].trim_end_matches('s'));
            d("DURATION", format!("P{}X{letter}", if time { "T" } else { "" }))
        }),
        r("date/vague-ago", r"(?i)\b(?:(?:several|a\s+few|many|some)\s+)?(?:years|months|weeks|days)\s+ago\b".into(), |_, _| d("DATE", "PAST_REF")),
        r("date/part-of-day", format!(r"(?i)\b(?P<mod>this|last|early|late)\s+{PART}\b"), |c, x| {
            let r = x.reference?;
            let last = c["mod"].eq_ignore_ascii_case("last");
            let part = part_code(&c["part"]);
            let date = if last && part == "NI" { r.yesterday().ok()? } else if last { return None } else { r };
            d("TIME", format!("{}T{part}", iso(date)))
        }),
        r("date/relative-unit", r"(?i)\b(?:(?P<pre>earlier|later|early|late|mid)[\s-])?(?P<mod>last|this|next|coming|previous)\s+(?P<unit>week|month|year|weekend|decade|century|quarter)\b".into(), |c, x| {
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
        }),
        r("date/earlier-this", r"(?i)\b(?P<pre>earlier|later)\s+(?:this|in\s+the)\s+(?P<unit>week|month|year)\b".into(), |c, x| {
            let Some(r) = x.reference else { return d("DATE", "XXXX") };
            match c["unit"].to_lowercase().as_str() {
                "week" => d("DATE", week_of(r)),
                "month" => d("DATE", format!("{:04}-{:02}", r.year(), r.month())),
                _ => d("DATE", format!("{:04}", r.year())),
            }
        }),
        r("date/ago", format!(r"(?i)\b(?:(?:almost|nearly|about|some|roughly|approximately|more\s+than|over|just|only|less\s+than)\s+)?{NUM}\s+{UNIT}s?\s+(?:ago|earlier)\b"), |c, x| {
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
        }),
        r("date/same-period", r"(?i)\bthe\s+(?:same|corresponding|comparable|year-earlier|year-ago)\s+(?:period|month|quarter|week|day)\s+(?:(?:of\s+)?last\s+year|a\s+year\s+(?:ago|earlier)|(?:of\s+)?the\s+(?:previous|prior)\s+year)\b".into(), |_, _| {
            // `the same period last year`: the period just named, a year back (filled in later).
            d("DATE", "XXXX")
        }),
        r("date/anaphor", r"(?i)\b(?:(?P<pre>earlier|later)\s+)?(?:that\s+(?:same\s+)?|the\s+(?P<rel>following|next|previous|same)\s+)(?P<unit>year|month|day|week|quarter)\b".into(), |c, _| {
            // `that year`, `the following month`, `the next day`: counted from the date the text
            // named last (filled in after the sentence pass; unknown until then).
            if c.name("pre").is_some() && c.name("rel").is_some() {
                return None;
            }
            let v = match c["unit"].to_lowercase().as_str() { "year" => "XXXX", "month" => "XXXX-XX", "week" => "XXXX-WXX", "quarter" => "XXXX-QX", _ => "XXXX-XX-XX" };
            d("DATE", v)
        }),
        r("date/duration", format!(r"(?i)\b(?:the\s+)?(?:(?:past|last|next|previous|first|coming)\s+)?(?:(?:over|more\s+than|nearly|about|almost|at\s+least|some|around|less\s+than|up\s+to|roughly)\s+)?{NUM}(?P<half>\s+1/2|\s*½|\s+and\s+a\s+half)?[\s-](?:(?:trading|business|working|straight|consecutive)\s+)?{UNIT}s?(?P<half2>\s+and\s+a\s+half)?(?P<old>-olds?|-long)?\b"), |c, x| {
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
        }),
        r("date/past-unit", r"(?i)\bthe\s+(?:past|last|previous|next|coming)\s+(?P<unit>year|month|week|day|decade|century)\b".into(), |c, _| {
            let (letter, _, _) = unit_code(&c["unit"]);
            let v = match letter { "DE" => "P10Y".to_string(), "CE" => "P100Y".to_string(), l => format!("P1{l}") };
            d("DURATION", v)
        }),
        r("date/ref", r"(?i)\b(?P<w>now|currently|current|recently|nowadays|the\s+past|(?:the\s+(?:near\s+)?)?future|lately)\b".into(), |c, x| {
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
        }),
        r("date/clock", r"(?i)\b(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b)".into(), |c, x| {
            let (h, m) = clock(c)?;
            let day = x.reference.map_or("XXXX-XX-XX".to_string(), iso);
            d("TIME", format!("{day}T{h:02}:{m:02}"))
        }),
        r("date/clock-utc", format!(r"\b(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)\s*(?P<z>UTC|GMT|Z)\b(?:\s+(?:on\s+)?(?:{WEEKDAY}|(?P<today>today)))?"), |c, x| {
            // A 24-hour clock with its zone (`18:00 UTC`, `12:00 UTC Monday`): UTC, marked `Z`.
            let (h, m): (u32, u32) = (c["h"].parse().ok()?, c["m"].parse().ok()?);
            let day = match (x.reference, c.name("wd")) {
                (Some(r), Some(wd)) => iso(weekday_near(r, weekday_of(wd.as_str()), false, x.future())?),
                (Some(r), None) => iso(r),
                (None, _) => "XXXX-XX-XX".to_string(),
            };
            d("TIME", format!("{day}T{h:02}:{m:02}Z"))
        }),
        r("date/holiday", r"\b(?:(?P<mod>(?i:last|this|next))\s+)?(?P<h>Thanksgiving(?:\s+Day)?|Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s\s+(?:Day|Eve)|Independence\s+Day|Fourth\s+of\s+July|Halloween|Valentine['’]s\s+Day|Veterans\s+Day|Labor\s+Day|Memorial\s+Day|Election\s+Day|Easter(?:\s+Sunday)?)(?P<week>\s+week)?\b".into(), |c, x| {
            let name = c["h"].split_whitespace().collect::<Vec<_>>().join(" ");
            let Some(r) = x.reference else {
                // Without a year only a fixed holiday has a known day (`XXXX-12-25`); one counted by
                // weekday keeps only its month.
                let (a, b) = (holiday(&name, 2001)?, holiday(&name, 2002)?);
                let v = if (a.month(), a.day()) == (b.month(), b.day()) { format!("XXXX-{:02}-{:02}", a.month(), a.day()) } else { format!("XXXX-{:02}", a.month()) };
                return if c.name("week").is_some() { None } else { d("DATE", v) };
            };
            let modifier = c.name("mod").map(|m| m.as_str().to_lowercase());
            let this = holiday(&name, r.year())?;
            let day = match modifier.as_deref() {
                Some("last") => if this < r { this } else { holiday(&name, r.year() - 1)? },
                Some("next") => if this > r { this } else { holiday(&name, r.year() + 1)? },
                Some(_) => this,
                // The nearest one: the past by default, the coming one when the sentence looks ahead.
                None => {
                    let (prev, next) = if this <= r { (this, holiday(&name, r.year() + 1)?) } else { (holiday(&name, r.year() - 1)?, this) };
                    if x.future() { next } else if r.until(next).ok()?.get_days() < 21 && this > r { next } else { prev }
                }
            };
            if c.name("week").is_some() {
                return d("DATE", week_of(day));
            }
            d("DATE", iso(day))
        }),
        r("date/season", format!(r"(?i)\b(?P<mod>last|this(?:\s+past)?|next|the|early|late)\s+(?P<s>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?P<y>\d{{4}})|\s+of\s+(?P<sy>{SPOKEN_YEAR}))?\b"), |c, x| {
            let s = match c["s"].to_lowercase().as_str() { "spring" => "SP", "summer" => "SU", "winter" => "WI", _ => "FA" };
            if let Some(y) = c.name("y") {
                return d("DATE", format!("{}-{s}", y.as_str()));
            }
            if let Some(y) = c.name("sy") {
                return d("DATE", format!("{:04}-{s}", spoken_year(y.as_str())?));
            }
            let m = c["mod"].to_lowercase();
            if m == "the" && !["in", "during", "over", "through", "into", "since", "until"].iter().any(|p| x.before.trim_end().rsplit(' ').next() == Some(*p)) {
                return None;
            }
            let Some(r) = x.reference else { return d("DATE", format!("XXXX-{s}")) };
            let y = r.year() as i64;
            // `last summer` is the latest one that has ended: this year's once it is over (in
            // October, the summer just past), else last year's. A winter is named by the year
            // it begins in.
            let end_month = match s { "SP" => 5, "SU" => 8, "FA" => 11, _ => 2 };
            let last = if s == "WI" {
                if r.month() >= 3 && r.month() <= 11 { y - 1 } else if r.month() == 12 { y - 1 } else { y - 2 }
            } else if r.month() > end_month {
                y
            } else {
                y - 1
            };
            let y = match m.split_whitespace().collect::<Vec<_>>().as_slice() {
                ["last"] | ["this", "past"] => last,
                // The next one to begin.
                ["next"] => if r.month() < end_month - 2 || s == "WI" && r.month() < 12 { y } else { y + 1 },
                _ => y,
            };
            d("DATE", format!("{y:04}-{s}"))
        }),
        r("date/quarter", r"(?i)\b(?:the\s+)?(?:(?P<y0>\d{4})\s+|(?P<rel0>last|this|next)\s+year['’]s\s+)?(?P<q>first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]quarter(?:\s+of\s+(?:(?P<y>\d{4})|(?P<rel>last|this|next)\s+year))?\b".into(), |c, x| {
            let q = match &c["q"].to_lowercase()[..2] { "fi" if c["q"].eq_ignore_ascii_case("first") => 1, "1s" => 1, "se" | "2n" => 2, "th" | "3r" => 3, _ => 4 };
            // `the first quarter of last year`, `next year's first quarter`, `the 1988 third quarter`.
            let rel = c.name("rel").or(c.name("rel0"));
            if let Some(y) = c.name("y").or(c.name("y0")) {
                return d("DATE", format!("{}-Q{q}", y.as_str()));
            }
            let Some(r) = x.reference else { return d("DATE", format!("XXXX-Q{q}")) };
            let current = (r.month() as i64 - 1) / 3 + 1;
            let step = match rel.map(|m| m.as_str().to_lowercase()).as_deref() {
                Some("last") => -1,
                Some("next") => 1,
                Some(_) => 0,
                // No year: in the first quarter, a later quarter told of as past is last
                // year's (`profits fell in the fourth quarter`, reported in January). (A
                // quarter already over stays this year's even in the future tense: `expects
                // to report a third-quarter loss`.)
                None => -i64::from(current == 1 && q > current && x.tense() != Tense::Future),
            };
            d("DATE", format!("{:04}-Q{q}", r.year() as i64 + step))
        }),
        // `last year's quarter`, `the 1988 period`: the reported quarter of that year (or the
        // year itself outside a report of quarterly results).
        r("date/year-quarter", r"(?i)\b(?:the\s+(?P<y>\d{4})|(?P<rel>last|this|next)\s+year['’]s)\s+(?P<unit>quarter|period)\b".into(), |c, x| {
            let y = match c.name("y") {
                Some(y) => y.as_str().parse::<i64>().ok()?,
                None => x.reference?.year() as i64 + match c["rel"].to_lowercase().as_str() { "last" => -1, "next" => 1, _ => 0 },
            };
            if !c["unit"].eq_ignore_ascii_case("quarter") && !x.quarterly {
                return d("DATE", format!("{y:04}"));
            }
            let q = match x.reference {
                Some(r) => reported_quarter(r, 0, 0)?.rsplit('Q').next()?.to_string(),
                None => "X".into(),
            };
            d("DATE", format!("{y:04}-Q{q}"))
        }),
        // `the first half of 1990`, `the second half`, `the first two quarters of 1990`.
        r("date/half", r"(?i)\b(?:the\s+)?(?P<h>first|second|last|latter)\s+(?:half|two\s+quarters)(?:\s+of\s+(?:(?P<y>\d{4})|(?P<rel>last|this|next)\s+year|the\s+year))?\b".into(), |c, x| {
            // `the second half` of a match, of a film: only with a year or in a business report.
            if c.name("y").is_none() && c.name("rel").is_none() && !x.quarterly && !c[0].to_lowercase().ends_with("year") {
                return None;
            }
            let h = if c["h"].eq_ignore_ascii_case("first") { 1 } else { 2 };
            let y = match (c.name("y"), x.reference) {
                (Some(y), _) => y.as_str().to_string(),
                (None, Some(r)) => format!("{:04}", r.year() as i64 + c.name("rel").map_or(0, |m| match m.as_str().to_lowercase().as_str() { "last" => -1, "next" => 1, _ => 0 })),
                (None, None) => "XXXX".into(),
            };
            d("DATE", format!("{y}-H{h}"))
        }),
        // TempEval-3 gives a fiscal year the calendar year's value.
        r("date/fiscal", r"(?i)\bfiscal\s+(?:year\s+)?(?P<y>\d{4})\b".into(), |c, _| d("DATE", &c["y"])),
        r("date/the-unit", r"(?i)\b(?:(?P<pre>early|late|mid)[- ])?the\s+(?:(?P<mod>latest|current|same|full|fiscal|coming)\s+)?(?P<unit>quarter|year|week|weekend|month)\b".into(), |c, x| {
            // `the quarter`, `the year`: the period the report is about, the reference's own
            // (a quarter just ended when the month has barely begun).
            if x.after.trim_start().starts_with(|ch: char| ch.is_ascii_digit()) || x.after.starts_with("-") || x.after.starts_with("'") || x.after.starts_with("’") {
                return None;
            }
            // `the year ended March 31`, `the fiscal year`: a year's length, not a calendar year.
            let fiscal = c.name("mod").is_some_and(|m| m.as_str().eq_ignore_ascii_case("fiscal"));
            if c["unit"].eq_ignore_ascii_case("year") && (fiscal || x.after.starts_with(" ended") || x.after.starts_with(" ending")) {
                return d("DURATION", "P1Y");
            }
            let Some(r) = x.reference else { return None };
            let current = c.name("mod").is_some_and(|m| m.as_str().eq_ignore_ascii_case("current"));
            match c["unit"].to_lowercase().as_str() {
                "quarter" => {
                    d("DATE", if current { quarter_value(r, 0, 0)? } else { reported_quarter(r, 0, 0)? })
                }
                "year" => d("DATE", format!("{:04}", r.year())),
                "month" => d("DATE", format!("{:04}-{:02}", r.year(), r.month())),
                "week" => d("DATE", week_of(r)),
                // The weekend just past, or the coming one when the sentence looks ahead.
                _ => d("DATE", format!("{}-WE", week_of(weekday_near(r, Weekday::Saturday, false, x.future())?))),
            }
        }),
        r("date/year-earlier", r"(?i)\b(?:the\s+)?year[- ](?:earlier|ago)(?:\s+(?:(?P<q>first|second|third|fourth)\s+)?(?P<unit>quarter|period|month|year))?\b".into(), |c, x| {
            // `the year-earlier quarter`, `the year-ago period`, a `year-earlier loss`: the
            // report's period a year back.
            let r = x.reference?;
            let unit = c.name("unit").map(|u| u.as_str().to_lowercase());
            // `the year-ago third quarter`: that quarter of the year before.
            if let Some(q) = c.name("q") {
                let n = ["first", "second", "third", "fourth"].iter().position(|w| q.as_str().eq_ignore_ascii_case(w))? + 1;
                return d("DATE", format!("{:04}-Q{n}", r.year() as i64 - 1));
            }
            if x.quarterly || unit.as_deref() == Some("quarter") {
                d("DATE", reported_quarter(r, -1, 0)?)
            } else {
                d("DATE", format!("{:04}", r.year() as i64 - 1))
            }
        }),
        r("date/latest-period", r"(?i)\bthe\s+(?:latest|most\s+recent|recent)\s+(?:period|quarter)\b".into(), |_, x| {
            d("DATE", reported_quarter(x.reference?, 0, 0)?)
        }),
        r("date/spoken-year", format!(r"(?i)\b(?:(?-i:{MONTH})\s+)?(?:the\s+year\s+)?(?P<sy>{SPOKEN_YEAR})\b"), |c, _| {
            let y = spoken_year(&c["sy"])?;
            match c.name("mon") {
                Some(m) => d("DATE", format!("{y:04}-{:02}", month_number(m.as_str()))),
                None => d("DATE", format!("{y:04}")),
            }
        }),
        r("date/month-relative-year", format!(r"\b{MONTH}\s+(?:of\s+)?(?P<mod>(?i:this|last|next))\s+year\b"), |c, x| {
            let r = x.reference?;
            let y = r.year() as i64 + match c["mod"].to_lowercase().as_str() { "last" => -1, "next" => 1, _ => 0 };
            d("DATE", format!("{y:04}-{:02}", month_number(&c["mon"])))
        }),
        r("date/clock-weekday", format!(r"(?i)\b(?:(?P<h>\d{{1,2}})(?::(?P<m>\d{{2}}))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b)|(?P<noon>noon|midnight))\s+(?:on\s+)?(?-i:{WEEKDAY})"), |c, x| {
            let r = x.reference?;
            let day = weekday_near(r, weekday_of(&c["wd"]), false, x.future())?;
            let (h, m) = match c.name("noon") {
                Some(n) => (if n.as_str().eq_ignore_ascii_case("noon") { 12 } else { 24 }, 0),
                None => clock(c)?,
            };
            d("TIME", format!("{}T{h:02}:{m:02}", iso(day)))
        }),
        r("date/set", r"(?i)\b(?:(?:every|each)\s+(?P<u>day|week|month|year|morning|night|evening)|(?P<a>daily|weekly|monthly|annually|yearly))\b".into(), |c, _| {
            let u = c.name("u").or(c.name("a")).map(|m| m.as_str().to_lowercase())?;
            let v = match u.as_str() {
                "day" | "daily" => "P1D",
                "week" | "weekly" => "P1W",
                "month" | "monthly" => "P1M",
                "morning" => "TMO",
                "night" => "TNI",
                "evening" => "TEV",
                _ => "P1Y",
            };
            d("SET", v)
        }),
        r("date/set-named", format!(r"\b(?i:every|each)\s+(?:{WEEKDAY}|(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December))\b"), |c, _| {
            // `each Thursday`, `every July`: a weekday or a month of every week or year.
            match (c.name("wd"), c.name("mon")) {
                (Some(wd), _) => d("SET", format!("XXXX-WXX-{}", weekday_of(wd.as_str()).to_monday_one_offset())),
                (_, Some(m)) => d("SET", format!("XXXX-{:02}", month_number(m.as_str()))),
                _ => None,
            }
        }),
    ]
});

/// Words one of which a sentence must hold (lower-cased) for a rule to be tried at all, so the
/// regular expressions run only where they can match; `#` stands for any digit.
pub(super) fn triggers(id: &str) -> &'static [&'static str] {
    match id {
        "date/iso" | "date/numeric" | "date/year" | "date/bare-year" | "date/decade" | "date/clock" | "date/century" => &["#"],
        "date/decade-words" => &["ties"],
        "date/short-year" => &["0s", "'", "’"],
        "date/the-day" => &[" the day"],
        "date/day-month-year" | "date/month-day-year" | "date/month-day" | "date/day-month" | "date/month-year" | "date/month" => MONTHS,
        "date/weekday" => &["day"],
        "date/relative-day" => &["day", "tomorrow", "tonight"],
        "date/part-of-day" => &["morning", "afternoon", "evening", "night"],
        "date/overnight" => &["overnight"],
        "date/part-relative-day" => &["yesterday", "today"],
        "date/week-of" => &["week of"],
        "date/vague-ago" => &["ago"],
        "date/anaphor" => &["that", "following", "next", "previous", "same"],
        "date/same-period" => &["same", "corresponding", "comparable", "year-earlier", "year-ago"],
        "date/vague-future" => &["few", "several", "coming", "ahead"],
        "date/vague-span" => &["days", "weeks", "months", "years", "decades", "hours"],
        "date/relative-unit" | "date/earlier-this" | "date/ago" | "date/duration" => UNITS,
        "date/ref" => &["now", "current", "recent", "past", "future", "lately"],
        "date/past-unit" => &["year", "month", "week", "day", "decade", "centur"],
        "date/clock-utc" => &["utc", "gmt", "z"],
        "date/holiday" => &["thanksgiving", "christmas", "new year", "independence", "fourth of july", "halloween", "valentine", "veterans", "labor day", "memorial day", "election day", "easter"],
        "date/season" => &["spring", "summer", "autumn", "fall", "winter"],
        "date/quarter" => &["quarter"],
        "date/year-quarter" => &["quarter", "period"],
        "date/half" => &["half", "quarters"],
        "date/fiscal" => &["fiscal"],
        "date/the-unit" => &["quarter", "year", "week", "month"],
        "date/month-relative-year" => &["year"],
        "date/year-earlier" => &["year-", "year ago", "year earlier"],
        "date/latest-period" => &["period", "quarter"],
        "date/spoken-year" => &["nineteen", "thousand"],
        "date/clock-weekday" => &["day"],
        "date/set" => &["every", "each", "daily", "weekly", "monthly", "annually", "yearly"],
        "date/set-named" => &["every", "each"],
        _ => &[],
    }
}

/// The trigger words of every rule in one automaton: `words[0]` is `#` (any digit), the others
/// are found by `finder` (pattern `k` is word `k + 1`); `rules[r]` lists rule `r`'s words.
pub(super) struct Gate {
    pub(super) words: Vec<&'static str>,
    pub(super) finder: aho_corasick::AhoCorasick,
    pub(super) rules: Vec<Vec<usize>>,
}

pub(super) static GATE: LazyLock<Gate> = LazyLock::new(|| {
    let mut words: Vec<&'static str> = vec!["#"];
    let rules = RULES
        .iter()
        .map(|r| {
            triggers(r.id)
                .iter()
                .map(|w| match words.iter().position(|x| x == w) {
                    Some(i) => i,
                    None => {
                        words.push(w);
                        words.len() - 1
                    }
                })
                .collect()
        })
        .collect();
    let finder = aho_corasick::AhoCorasick::new(&words[1..]).expect("trigger words build an automaton");
    Gate { words, finder, rules }
});

