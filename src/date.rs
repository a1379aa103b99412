//! Time expressions (TIMEX3) with TimeML values. Each rule is a regular expression with an id
//! and a function that turns its match into a type and value; relative expressions are resolved
//! against the reference date with jiff's calendar arithmetic. The reference date is the user's,
//! else a dateline found in the text, else unknown (values then keep `X` for what is unknown).

use std::sync::LazyLock;

use jiff::civil::{Date, Weekday};
use jiff::{Span, ToSpan};
use regex::{Captures, Regex};

use crate::annotation::{Candidate, DateAttrs, Label};
use crate::error::{Error, Result};
use crate::segment::Segmentation;

/// Parses `YYYY-MM-DD`.
///
/// # Errors
/// When the string is not a valid calendar date in that form.
pub fn parse_iso(s: &str) -> Result<Date> {
    let s = s.trim();
    let ok = s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-';
    let parsed = ok.then(|| Date::new(s[0..4].parse().ok()?, s[5..7].parse().ok()?, s[8..10].parse().ok()?).ok()).flatten();
    parsed.ok_or_else(|| Error::input(format!("{s:?} is not a date in the form YYYY-MM-DD")))
}

pub fn iso(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

const MONTH: &str = r"(?P<mon>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)";
const WEEKDAY: &str = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const NUM: &str = r"(?P<n>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred|several|a\s+few|(?:a\s+)?couple\s+of|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[-\s](?:one|two|three|four|five|six|seven|eight|nine))";
const UNIT: &str = r"(?P<unit>second|minute|hour|day|week|month|quarter|year|decade|century|centuries)";
/// A year said in words (`nineteen ninety-four`, `two thousand and one`).
const SPOKEN_YEAR: &str = r"nineteen[\s-]+(?:hundred[\s-]+(?:and[\s-]+)?)?(?:ninety|eighty|seventy|sixty|fifty|forty|thirty|twenty|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|two[\s-]+thousand(?:[\s-]+(?:and[\s-]+)?(?:one|two|three|four|five|six|seven|eight|nine|ten))?";
const PART: &str = r"(?P<part>morning|afternoon|evening|night)";

fn month_number(m: &str) -> i8 {
    let m = m.to_lowercase();
    const P: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    P.iter().position(|p| m.starts_with(p)).map_or(1, |i| i as i8 + 1)
}

fn weekday_of(s: &str) -> Weekday {
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

fn part_code(p: &str) -> &'static str {
    match p.to_lowercase().as_str() {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        _ => "NI",
    }
}

fn unit_code(u: &str) -> (&'static str, bool, u64) {
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

fn small_number(n: &str) -> Option<u64> {
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
    crate::number::parse_number(&n)
}

/// Which way the sentence looks from the reference date.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Tense {
    Past,
    Future,
    /// No tense cue: the nearest occurrence, the past preferred.
    Open,
}

/// What a rule needs to know besides its match.
struct Ctx<'a> {
    reference: Option<Date>,
    /// The sentence speaks of quarters (a report of results).
    quarterly: bool,
    /// The sentence before the match, lower-cased: for tense and signal words.
    before: &'a str,
    after: &'a str,
}

impl Ctx<'_> {
    fn future(&self) -> bool {
        let b = self.before;
        // A deadline moved or set points ahead (`postponed until Tuesday morning`, `gave them
        // until 9 a.m. Tuesday`).
        let mut back = b.split_whitespace().rev();
        if matches!(back.next(), Some("until" | "till")) && back.any(|w| matches!(w, "postponed" | "extended" | "delayed" | "deferred" | "adjourned" | "given" | "gave" | "set")) {
            return true;
        }
        // A past-tense verb right before the date wins over a future word earlier in the
        // sentence (`… will …, Mr. Gerstner said Friday`).
        if self.past_verb_before() {
            return false;
        }
        const CUES: &[&str] = &[
            " will ", "'ll ", "’ll ", " shall ", " scheduled ", " plans to ", " plan to ", " planned to ", " planning to ",
            " expected to ", " expects to ", " due to ", " set to ", " to be held", " going to ", " as soon as ",
            " would be ", " would still be ", " is to ", " are to ", " intends to ",
        ];
        // (A cue in the past perfect looks back: `it had been due to expire Friday`.)
        let cue_in = |text: &str| {
            CUES.iter().any(|c| text.match_indices(c).any(|(i, _)| !text[..i].ends_with(" had been")))
        };
        if cue_in(b) {
            return true;
        }
        // A date at the head of its sentence takes the tense of the clause after it (`On
        // Tuesday, the league plans to …`), when no past verb comes first.
        if b.split_whitespace().count() <= 2 {
            let after = self.after.to_lowercase();
            let words: Vec<&str> = after.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')).collect();
            for (i, w) in words.iter().enumerate() {
                if is_past_verb(w) || matches!(*w, "had" | "has" | "have" | "when") {
                    return false;
                }
                // (`plans to` as a verb, not the noun of `Turkey's plans to launch`.)
                let verb = i > 0 && !words[i - 1].ends_with("'s") && !words[i - 1].ends_with("’s") && !matches!(words[i - 1], "the" | "its" | "their" | "his" | "her" | "our" | "new" | "no");
                let to_follows = words.get(i + 1) == Some(&"to");
                if matches!(*w, "will" | "shall") || w.ends_with("'ll") || matches!(*w, "plans" | "plan") && to_follows && verb {
                    return true;
                }
            }
        }
        false
    }

    fn tense(&self) -> Tense {
        // A deadline or a start points ahead whatever the verb (`extended to Nov. 20`,
        // `payable Dec. 7`, `effective Feb. 1`).
        let last = self.before.split_whitespace().next_back().unwrap_or("");
        let forward = matches!(last, "by" | "until" | "till" | "through" | "to" | "effective" | "payable" | "before" | "around");
        if self.future() {
            Tense::Future
        } else if !forward && self.past() {
            Tense::Past
        } else {
            Tense::Open
        }
    }

    /// Does the sentence tell of the past (a past-tense verb anywhere in it, no future cue)?
    /// `resigned in March` is last March; `will open in March` the next one.
    fn past(&self) -> bool {
        if self.future() {
            return false;
        }
        let after = self.after.to_lowercase();
        let words: Vec<&str> = self.before.split_whitespace().chain(after.split_whitespace()).map(|w| w.trim_matches(|c: char| !c.is_alphanumeric())).collect();
        words.iter().enumerate().any(|(i, w)| {
            let prev = if i > 0 { words[i - 1] } else { "" };
            is_past_verb(w) && !matches!(prev, "be" | "been" | "being" | "is" | "are" | "to" | "will" | "would" | "the" | "a" | "an")
        })
    }

    /// Does a past-tense verb stand right before the date (`said Friday`, `met on Monday`)?
    fn past_verb_before(&self) -> bool {
        let mut words = self.before.split_whitespace().rev();
        let mut w = words.next().unwrap_or("");
        if w == "on" || w == "late" || w == "early" {
            w = words.next().unwrap_or("");
        }
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        // (`will be held`, `to be signed`: a participle, not a past tense.)
        if words.next().is_some_and(|p| matches!(p, "be" | "been" | "being" | "to" | "will" | "would")) {
            return false;
        }
        is_past_verb(w)
    }
}

/// A past-tense verb form: an irregular one, or a word in `-ed` that is not a noun or a
/// future signal (`need`, `hundred`, `scheduled`, `expected`).
fn is_past_verb(w: &str) -> bool {
    const IRREGULAR: &[&str] = &[
        "said", "told", "met", "held", "went", "came", "took", "gave", "made", "began", "left", "saw", "heard",
        "wrote", "spoke", "found", "won", "lost", "sent", "fell", "rose", "struck", "hit", "shot", "led", "fled",
        "broke", "became", "brought", "bought", "sold", "paid", "fought", "caught", "ran", "was", "were",
    ];
    IRREGULAR.contains(&w)
        || (w.len() > 4 && w.ends_with("ed") && !w.ends_with("eed") && !matches!(w, "hundred" | "united" | "limited" | "scheduled" | "expected" | "planned" | "proposed" | "intended"))
}

type Resolve = fn(&Captures, &Ctx) -> Option<DateAttrs>;

struct Rule {
    id: &'static str,
    re: Regex,
    resolve: Resolve,
}

fn d(kind: &str, value: impl Into<String>) -> Option<DateAttrs> {
    Some(DateAttrs { kind: kind.to_string(), value: value.into() })
}

fn ymd(y: i64, m: i8, day: i8) -> Option<String> {
    Date::new(y as i16, m, day).ok().map(iso)
}

/// A year said in words: `nineteen ninety-seven`, `two thousand`, `two thousand and one`.
fn spoken_year(words: &str) -> Option<i64> {
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
fn holiday(name: &str, y: i16) -> Option<Date> {
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
fn reported_quarter(r: Date, years: i64, quarters: i64) -> Option<String> {
    let q = shift(r, (-45).days())?;
    quarter_value(q, years, quarters)
}

/// The quarter of `date`, moved by `years` and `quarters`, in TimeML form.
fn quarter_value(date: Date, years: i64, quarters: i64) -> Option<String> {
    let n = (date.year() as i64 + years) * 4 + (date.month() as i64 - 1) / 3 + quarters;
    Some(format!("{:04}-Q{}", n.div_euclid(4), n.rem_euclid(4) + 1))
}

fn week_of(date: Date) -> String {
    let w = date.iso_week_date();
    format!("{:04}-W{:02}", w.year(), w.week())
}

fn shift(date: Date, span: Span) -> Option<Date> {
    date.checked_add(span).ok()
}

/// The year of month `m` (and `day`) for a reference date: the occurrence nearest to it (news
/// reports the last few months and announces the next few), or the next one on or after it
/// when the sentence looks ahead.
fn year_near(r: Date, m: i8, day: Option<i8>, tense: Tense) -> i64 {
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
fn clock(c: &Captures) -> Option<(u32, u32)> {
    let h: u32 = c["h"].parse().ok()?;
    let m: u32 = c.name("m").map_or(Some(0), |m| m.as_str().parse().ok())?;
    if h == 0 || h > 12 || m > 59 {
        return None;
    }
    let pm = c["ap"].to_lowercase().starts_with('p');
    Some((h % 12 + if pm { 12 } else { 0 }, m))
}

/// Most recent `wd` on or before `r` (or strictly before, or on/after when forward).
fn weekday_near(r: Date, wd: Weekday, strict: bool, forward: bool) -> Option<Date> {
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

static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
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

const MONTHS: &[&str] = &["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const UNITS: &[&str] = &["second", "minute", "hour", "day", "week", "month", "quarter", "year", "decade", "centur"];

/// `that year`, `the following month`, `the next day`: resolved against the last date the text
/// named before them (a calendar date, month or year, not a duration or a clock time).
fn anaphora(text: &str, out: &mut [Candidate]) {
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
fn widen(sentence: &str, offset: usize, kept: &mut Vec<Candidate>) {
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

/// Words one of which a sentence must hold (lower-cased) for a rule to be tried at all, so the
/// regular expressions run only where they can match; `#` stands for any digit.
fn triggers(id: &str) -> &'static [&'static str] {
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
struct Gate {
    words: Vec<&'static str>,
    finder: aho_corasick::AhoCorasick,
    rules: Vec<Vec<usize>>,
}

static GATE: LazyLock<Gate> = LazyLock::new(|| {
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

/// Date candidates in `text`, resolved against `reference`.
pub fn recognize(text: &str, seg: &Segmentation, reference: Option<Date>) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    // A report on quarterly results compares quarters throughout (`a year earlier` is the same
    // quarter a year back), also in sentences that do not say `quarter`.
    let quarterly = text.contains("quarter") || text.contains("Quarter");
    for s in &seg.sentences {
        let sentence = &text[s.start..s.end];
        let lower = sentence.to_lowercase();
        let mut found: Vec<Candidate> = Vec::new();
        // Which trigger words the sentence holds, found in one pass for all rules.
        let gate = &*GATE;
        let mut present = vec![false; gate.words.len()];
        present[0] = sentence.bytes().any(|b| b.is_ascii_digit());
        for m in gate.finder.find_overlapping_iter(&lower) {
            present[m.pattern().as_usize() + 1] = true;
        }
        for (rule, wants) in RULES.iter().zip(&gate.rules) {
            if !wants.is_empty() && !wants.iter().any(|&i| present[i]) {
                continue;
            }
            for c in rule.re.captures_iter(sentence) {
                let m = c.get(0).unwrap();
                // The `before` window is lower case and padded so signals match whole words.
                let before = format!(" {} ", lower.get(..m.start()).unwrap_or(""));
                let ctx = Ctx { reference, quarterly, before: &before, after: &sentence[m.end()..] };
                if let Some(attrs) = (rule.resolve)(&c, &ctx) {
                    // A rule may match context around its expression and name the expression
                    // itself `span`.
                    let (mut a, b) = c.name("span").map_or((m.start(), m.end()), |g| (g.start(), g.end()));
                    // Signals such as `in`, `since` are matched for context but stay outside.
                    if let Some(lead) = sentence[a..b].split_whitespace().next() {
                        let l = lead.to_lowercase();
                        let l = l.split('-').next().unwrap_or("");
                        if ["in", "since", "until", "by", "before", "after", "during", "from", "of", "through", "to", "for", "within"].contains(&l) && rule.id != "date/earlier-this" {
                            a += sentence[a..].find(char::is_whitespace).or_else(|| sentence[a..].find('-')).unwrap_or(0);
                            a += sentence[a..].len() - sentence[a..].trim_start_matches(|ch: char| ch.is_whitespace() || ch == '-').len();
                        }
                    }
                    // `the 6-year-old`, `the third-quarter results`: the article belongs to the noun.
                    if matches!(rule.id, "date/duration" | "date/quarter") && sentence[a..b].to_lowercase().starts_with("the ") && sentence[a..b].contains('-') {
                        a += 4;
                    }
                    let mut cand = Candidate::new(s.start + a, s.start + b, Label::Date, rule.id);
                    cand.date = Some(attrs);
                    found.push(cand);
                }
            }
        }
        // Longest match first, then rule order; drop anything overlapping a kept match.
        found.sort_by_key(|c| (std::cmp::Reverse(c.end - c.start), c.start));
        let mut kept: Vec<Candidate> = Vec::new();
        for c in found {
            if !kept.iter().any(|k| k.start < c.end && c.start < k.end) {
                kept.push(c);
            }
        }
        kept.sort_by_key(|c| c.start);
        // A clock time takes the day the sentence names (`Saturday at 4:36 p.m.`).
        let day = kept.iter().filter_map(|c| c.date.as_ref()).find(|d| d.kind == "DATE" && d.value.len() == 10 && d.value.as_bytes()[4] == b'-' && !d.value.contains('X')).map(|d| d.value.clone());
        if let Some(day) = day {
            for c in kept.iter_mut().filter(|c| c.rule == "date/clock" || c.rule == "date/clock-utc" && !text[c.start..c.end].ends_with(|ch: char| ch.is_alphabetic() && ch != 'C' && ch != 'T' && ch != 'Z')) {
                if let Some(v) = c.date.as_mut().and_then(|d| d.value.split_once('T').map(|(_, t)| format!("{day}T{t}"))) {
                    c.date.as_mut().unwrap().value = v;
                }
            }
        }
        widen(sentence, s.start, &mut kept);
        out.extend(kept);
    }
    anaphora(text, &mut out);
    out
}

/// Resolves a span the user marked as DATE, with its sentence for context.
pub fn resolve_span(text: &str, start: usize, end: usize, reference: Option<Date>) -> DateAttrs {
    let seg = crate::segment::segment(&text[start..end]);
    recognize(&text[start..end], &seg, reference)
        .into_iter()
        .find(|c| c.start == 0 && c.end == end - start)
        .and_then(|c| c.date)
        .unwrap_or(DateAttrs { kind: "DATE".into(), value: "XXXX-XX-XX".into() })
}

/// A reference date written in the text itself: a dateline or date line near the top
/// (`19 July 2025, Syria, Sweida:`, `Updated: July 20, 2025`, `date 2017-04-08`).
pub fn find_dateline(text: &str, seg: &Segmentation) -> Option<Date> {
    let top: Vec<_> = seg.blocks.iter().take(12).collect();
    for b in top {
        let line = &text[b.start..b.end];
        for id in ["date/iso", "date/day-month-year", "date/month-day-year"] {
            let rule = RULES.iter().find(|r| r.id == id)?;
            if let Some(c) = rule.re.captures(line) {
                let ctx = Ctx { reference: None, quarterly: false, before: "", after: "" };
                if let Some(v) = (rule.resolve)(&c, &ctx) {
                    return parse_iso(&v.value).ok();
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (case, sentence, reference, expected span, type, value)
    fn check(text: &str, reference: Option<&str>, span: &str, kind: &str, value: &str) {
        // Shifted right by one character so no rule can assume it starts at offset 0.
        let text = format!("¶ {text}");
        let seg = crate::segment::segment(&text);
        let r = reference.map(|r| parse_iso(r).unwrap());
        let got = recognize(&text, &seg, r);
        let found: Vec<(&str, String, String)> = got
            .iter()
            .map(|c| (&text[c.start..c.end], c.date.as_ref().unwrap().kind.clone(), c.date.as_ref().unwrap().value.clone()))
            .collect();
        assert!(
            found.iter().any(|(s, k, v)| *s == span && k == kind && v == value),
            "{text:?}: wanted {span:?} {kind} {value}, got {found:?}"
        );
    }

    macro_rules! t {
        ($name:ident, $text:expr, $r:expr, $span:expr, $kind:expr, $value:expr) => {
            #[test]
            fn $name() {
                check($text, $r, $span, $kind, $value);
            }
        };
    }

    const REF: Option<&str> = Some("2025-07-20"); // a Sunday

    t!(date001_weekday_past, "Erdogan said Saturday that", REF, "Saturday", "DATE", "2025-07-19");
    t!(date002_weekday_same_day, "Fighting halted on Sunday, the government said.", REF, "Sunday", "DATE", "2025-07-20");
    t!(date003_last_weekday, "killed in Sweida since last Sunday as clashes", REF, "last Sunday", "DATE", "2025-07-13");
    t!(date004_weekday_future, "The talks will resume on Tuesday.", REF, "Tuesday", "DATE", "2025-07-22");
    t!(date005_next_weekday, "They meet next Friday.", REF, "next Friday", "DATE", "2025-07-25");
    t!(date006_earlier_this_week, "Israel intervened in the conflict earlier this week.", REF, "earlier this week", "DATE", "2025-W29");
    t!(date007_duration_hours, "talks that lasted four hours", REF, "four hours", "DURATION", "PT4H");
    t!(date008_duration_over_years, "rebelling for over 30 years.", REF, "over 30 years", "DURATION", "P30Y");
    t!(date009_day_month_year, "19 July 2025, Syria, Sweida:", None, "19 July 2025", "DATE", "2025-07-19");
    t!(date010_month_day_year, "On July 19, 2025 the city fell.", None, "July 19, 2025", "DATE", "2025-07-19");
    t!(date011_iso, "date 2017-04-08 report", None, "2017-04-08", "DATE", "2017-04-08");
    t!(date012_month_day_ref_year, "He arrived on Jan. 5 in Baghdad.", REF, "Jan. 5", "DATE", "2025-01-05");
    t!(date013_since_month, "Since May, Erdogan has been talking", REF, "May", "DATE", "2025-05");
    t!(date014_yesterday, "Officials said yesterday that", REF, "yesterday", "DATE", "2025-07-19");
    t!(date015_last_week, "The strike last week killed", REF, "last week", "DATE", "2025-W28");
    t!(date016_last_month, "It happened last month.", REF, "last month", "DATE", "2025-06");
    t!(date017_two_days_ago, "It happened two days ago.", REF, "two days ago", "DATE", "2025-07-18");
    t!(date018_past_hours, "in the past 24 hours, police said", REF, "the past 24 hours", "DURATION", "PT24H");
    t!(date019_age, "a 67-year-old man", REF, "67-year-old", "DURATION", "P67Y");
    t!(date020_decade, "in the 1990s the town grew", REF, "the 1990s", "DATE", "199");
    t!(date021_year, "elected in 2019 and", REF, "2019", "DATE", "2019");
    t!(date022_clock, "at 9:30 p.m. on the road", REF, "9:30 p.m.", "TIME", "2025-07-20T21:30");
    t!(date023_part_of_day, "early Saturday morning, residents", REF, "early Saturday morning", "TIME", "2025-07-19TMO");
    t!(date024_unresolved_weekday, "said Saturday that", None, "Saturday", "DATE", "XXXX-WXX-6");
    t!(date025_now, "The city is now calm.", REF, "now", "DATE", "PRESENT_REF");
    t!(date026_quarter, "in the third quarter of 2024 profits", REF, "the third quarter of 2024", "DATE", "2024-Q3");
    t!(date027_set, "Patrols run every day.", REF, "every day", "SET", "P1D");
    t!(date028_season, "fighting resumed last summer", REF, "last summer", "DATE", "2024-SU");
    t!(date029_month_year, "in March 2011 protests began", REF, "March 2011", "DATE", "2011-03");
    t!(date030_numeric_dmy, "dated 19/07/2025 it said", REF, "19/07/2025", "DATE", "2025-07-19");
    t!(date031_today, "Officials said today that", REF, "today", "DATE", "2025-07-20");
    t!(date032_tonight, "a vote tonight", REF, "tonight", "TIME", "2025-07-20TNI");
    t!(date033_fiscal, "in fiscal 2026 spending", REF, "fiscal 2026", "DATE", "2026");
    t!(date034_last_year, "since last year", REF, "last year", "DATE", "2024");

    t!(date038_bare_month_is_the_nearest, "Sales fell in March, it said.", REF, "March", "DATE", "2025-03");
    t!(date038b_bare_month_across_the_year, "Sales fell in December, it said.", Some("2025-02-06"), "December", "DATE", "2024-12");
    t!(date039_future_month_is_the_next_one, "The vote will be held in February.", REF, "February", "DATE", "2026-02");
    t!(date040_month_day_nearest, "The deal was signed Nov. 25.", Some("2026-01-15"), "Nov. 25", "DATE", "2025-11-25");
    t!(date040b_month_day_ahead, "The payment is due Dec. 15.", Some("1989-10-26"), "Dec. 15", "DATE", "1989-12-15");
    t!(date041_the_quarter, "Profit rose in the quarter, the company said.", Some("1989-10-26"), "the quarter", "DATE", "1989-Q3");
    t!(date042_the_year, "Sales rose 5% for the year.", REF, "the year", "DATE", "2025");
    t!(date043_month_last_year, "It began in June last year.", REF, "June last year", "DATE", "2024-06");
    t!(date044_clock_weekday, "The blast came at 10 p.m. Wednesday near the port.", REF, "10 p.m. Wednesday", "TIME", "2025-07-16T22:00");
    t!(date045_early_next_year, "Elections are due early next year.", REF, "early next year", "DATE", "2026");
    t!(date046_the_duration, "Output fell in the nine months to September.", REF, "the nine months", "DURATION", "P9M");

    t!(date047_bare_year, "The 1990 budget was cut.", REF, "1990", "DATE", "1990");
    t!(date048_quarterly_year_ago, "Profit rose from $3 million a year ago in the third quarter.", Some("1989-10-26"), "a year ago", "DATE", "1988-Q3");
    #[test]
    fn date049_current_before_a_noun_is_no_date() {
        // TimeML marks the adverb (`currently`) and `now`, not the adjective (`the current situation`).
        let text = "The current situation is calm. It is currently calm.";
        let seg = crate::segment::segment(text);
        let got: Vec<&str> = recognize(text, &seg, None).iter().map(|c| &text[c.start..c.end]).collect();
        assert_eq!(got, ["currently"]);
    }

    t!(date051_the_past_year, "Prices rose over the past year.", REF, "the past year", "DURATION", "P1Y");
    t!(date060_spoken_year, "January nineteen ninety-seven. Atlanta again.", REF, "January nineteen ninety-seven", "DATE", "1997-01");
    t!(date061_spoken_year_two_thousand, "by the year two thousand the plan ends", REF, "the year two thousand", "DATE", "2000");
    t!(date062_year_earlier_quarter, "Profit fell from the year-earlier quarter.", Some("1989-11-02"), "the year-earlier quarter", "DATE", "1988-Q3");
    t!(date063_latest_period, "Sales in the latest period were flat.", Some("1989-11-02"), "the latest period", "DATE", "1989-Q3");
    t!(date064_said_weekday_is_past, "He will go, Mr. Gerstner said Friday.", REF, "Friday", "DATE", "2025-07-18");
    t!(date065_planned_weekday_is_ahead, "The team planned to leave on Thursday for Dar es Salaam.", REF, "Thursday", "DATE", "2025-07-24");
    t!(date066_weekday_with_date, "She was shot on Thursday, Feb. 23, 2017 at home.", REF, "Thursday, Feb. 23, 2017", "DATE", "2017-02-23");
    t!(date067_around_a_time, "Police arrived around 3:50 a.m. at the club.", REF, "around 3:50 a.m.", "TIME", "2025-07-20T03:50");
    t!(date068_right_now, "We have detectives there right now, she said.", REF, "right now", "DATE", "PRESENT_REF");
    t!(date069_earlier_today, "He spoke with the minister earlier today and left.", REF, "earlier today", "DATE", "2025-07-20");
    t!(date070_years_old, "The victims were 35 years old and 9 years old.", REF, "35 years old", "DURATION", "P35Y");
    t!(date071_words_decade, "hate groups dropped through the nineties, uh but", REF, "the nineties", "DATE", "199");
    t!(date072_century, "events in the 20th century were many", REF, "the 20th century", "DATE", "19");
    t!(date073_this_quarter, "This quarter's loss includes charges.", Some("1989-11-01"), "This quarter", "DATE", "1989-Q3");
    t!(date074_years_in_a_list, "earnings rise by 9% in both 1990 and 1991 and less later", REF, "1991", "DATE", "1991");
    t!(date075_spaced_comma, "Boeing had been suspended since July 24 , 2003 after that.", REF, "July 24 , 2003", "DATE", "2003-07-24");
    t!(date076_utc_clock, "The plane took off at 08:30 UTC from Toulouse.", REF, "08:30 UTC", "TIME", "2025-07-20T08:30Z");
    t!(date077_utc_clock_weekday, "It filed for protection at 12:00 UTC Monday in New York.", Some("2009-06-01"), "12:00 UTC Monday", "TIME", "2009-06-01T12:00Z");
    t!(date078_last_quarter, "Profits rose during last quarter, the firm said.", Some("2007-01-18"), "last quarter", "DATE", "2006-Q4");
    t!(date079_the_year_ended, "revenue of $76 million for the year ended March 31.", Some("1989-11-01"), "the year", "DURATION", "P1Y");
    t!(date080_thanksgiving, "Elian was found Thanksgiving Day clinging to a tube.", Some("2000-01-07"), "Thanksgiving Day", "DATE", "1999-11-25");
    t!(date081_last_thanksgiving, "He was found last Thanksgiving off Florida.", Some("2000-01-07"), "last Thanksgiving", "DATE", "1999-11-25");
    t!(date082_election_day, "a theme of our campaign from now to Election Day.", Some("1998-10-20"), "Election Day", "DATE", "1998-11-03");
    t!(date083_easter_week, "protesters prayed as Easter week began", Some("2000-04-17"), "Easter week", "DATE", "2000-W16");
    t!(date084_next_few_days, "They may surrender over the next few days, officials said.", REF, "the next few days", "DURATION", "PXD");
    t!(date085_weeks_ahead, "Funds must sell junk in the weeks ahead to pay investors.", REF, "the weeks ahead", "DURATION", "PXW");
    t!(date086_end_of, "The plan is to expire at the end of November, the firm said.", Some("1989-11-02"), "the end of November", "DATE", "1989-11");
    #[test]
    fn date087_rates_and_ordinals_are_no_durations() {
        for text in ["This will add nearly 700 seats a week on the route.", "It pays $1.76 a year in dividends.", "Guards stood there 24 hours a day.", "It will be a second betrayal, she said."] {
            let seg = crate::segment::segment(text);
            let found = recognize(text, &seg, None);
            assert!(!found.iter().any(|c| text[c.start..c.end].starts_with("a ")), "{text}: {found:?}");
        }
    }
    t!(date088_year_ago_third_quarter, "Intergroup in the year-ago third quarter earned $22.5 million.", Some("1989-11-02"), "the year-ago third quarter", "DATE", "1988-Q3");
    t!(date089_quarter_of_last_year, "In the first quarter of last year, it lost money.", Some("2009-05-07"), "the first quarter of last year", "DATE", "2008-Q1");
    t!(date090_final_quarter, "For the final quarter of 2009, Ford made a profit.", Some("2010-01-28"), "the final quarter of 2009", "DATE", "2009-Q4");
    t!(date091_month_of_next_year, "franchises won't be renewed after October of next year.", Some("2009-05-15"), "October of next year", "DATE", "2010-10");
    #[test]
    fn date092_multibyte_before_a_date_does_not_break_the_span_rules() {
        // A found bug: the look-back for `about`/`right` sliced inside a dash.
        for text in ["s) —2 a.m.", "ab —now", "Él—Friday", "😀 3 p.m.", "—— Thursday, Feb. 23, 2017"] {
            let seg = crate::segment::segment(text);
            let _ = recognize(text, &seg, parse_iso("2016-11-24").ok());
        }
    }
    #[test]
    fn date093_anaphora_count_from_the_last_date() {
        let text = "Police arrived on March 3, 2016. He died the next day. That year was hard. The following month, he left.";
        let seg = crate::segment::segment(text);
        let got: Vec<(&str, String)> = recognize(text, &seg, parse_iso("2016-05-01").ok()).iter().map(|c| (&text[c.start..c.end], c.date.as_ref().unwrap().value.clone())).collect();
        assert!(got.contains(&("the next day", "2016-03-04".into())), "{got:?}");
        assert!(got.contains(&("That year", "2016".into())), "{got:?}");
        assert!(got.contains(&("The following month", "2016-04".into())), "{got:?}");
    }
    t!(date094_each_weekday, "the third flight departs each Thursday from August 6.", REF, "each Thursday", "SET", "XXXX-WXX-4");
    t!(date095_every_month, "Orangemen march each July from their church.", REF, "each July", "SET", "XXXX-07");
    t!(date096_last_summer_this_year, "Sales were strong last summer, the firm said.", Some("1989-10-30"), "last summer", "DATE", "1989-SU");
    t!(date097_this_past_spring, "It sold the unit this past spring, those costs were high.", Some("1989-10-30"), "this past spring", "DATE", "1989-SP");
    t!(date098_over_the_summer, "Over the summer, competitors offered discounts.", Some("1989-10-30"), "the summer", "DATE", "1989-SU");
    #[test]
    fn date099_same_period_last_year() {
        let text = "Sales rose 43% in February compared to the same period last year, the firm said.";
        let seg = crate::segment::segment(text);
        let got: Vec<(&str, String)> = recognize(text, &seg, parse_iso("2010-03-03").ok()).iter().map(|c| (&text[c.start..c.end], c.date.as_ref().unwrap().value.clone())).collect();
        assert!(got.contains(&("the same period last year", "2009-02".into())), "{got:?}");
    }
    t!(date052_article_stays_with_the_noun, "the 6-year-old was treated", REF, "6-year-old", "DURATION", "P6Y");

    t!(date053_overnight, "the overnight shooting left two hurt", REF, "overnight", "TIME", "2025-07-19TNI");
    t!(date054_clock_takes_the_sentence_day, "On Saturday at 4:36 p.m. police arrived.", REF, "4:36 p.m.", "TIME", "2025-07-19T16:36");
    t!(date055_midnight_ends_the_day, "shots at midnight Monday woke them", REF, "midnight Monday", "TIME", "2025-07-14T24:00");
    t!(date056_today_without_reference, "Officials said today that", None, "today", "DATE", "XXXX-XX-XX");
    t!(date057_years_ago, "she tried out years ago and won", REF, "years ago", "DATE", "PAST_REF");
    t!(date058_couple_of_years, "prices rose over the past couple of years", REF, "the past couple of years", "DURATION", "P2Y");
    t!(date059_early_evening, "at the site since early evening, police said", REF, "early evening", "TIME", "2025-07-20TEV");

    t!(date060_for_weeks, "The talks went on for weeks without result.", REF, "weeks", "DURATION", "PXW");
    t!(date100_month_in_a_past_sentence, "She resigned as treasurer in March, the club said.", Some("2024-11-02"), "March", "DATE", "2024-03");
    t!(date101_month_ahead_in_a_present_sentence, "The club holds its vote in March.", Some("2024-11-02"), "March", "DATE", "2025-03");
    t!(date102_deadline_in_a_past_sentence, "The bid was extended to Nov. 20, the firm said.", Some("2024-11-02"), "Nov. 20", "DATE", "2024-11-20");
    t!(date103_day_month_in_a_past_sentence, "The plane first flew on 11 December, years late.", Some("2025-01-25"), "11 December", "DATE", "2024-12-11");
    t!(date104_this_years_quarter, "Sales in this year's second quarter fell 4%.", Some("2024-08-01"), "this year's second quarter", "DATE", "2024-Q2");
    t!(date105_year_and_quarter, "It lost $2 million in the 2023 fourth quarter.", Some("2024-08-01"), "the 2023 fourth quarter", "DATE", "2023-Q4");
    t!(date106_last_years_quarter, "Profit rose in the quarter; last year's quarter had a loss.", Some("2024-08-01"), "last year's quarter", "DATE", "2023-Q2");
    t!(date107_first_half_of_year, "Output will rise in the first half of 2025.", Some("2024-08-01"), "the first half of 2025", "DATE", "2025-H1");
    t!(date108_fourth_quarter_told_in_january, "Profits dropped in the fourth quarter, it said.", Some("2024-01-20"), "the fourth quarter", "DATE", "2023-Q4");
    t!(date109_the_near_future, "Talks may resume in the near future.", REF, "the near future", "DATE", "FUTURE_REF");
    t!(date110_modifier_inside_ago, "The war ended almost four years ago.", REF, "almost four years ago", "DATE", "2021");
    t!(date111_part_of_a_decade, "Prices peaked in the early 1980s.", REF, "the early 1980s", "DATE", "198");
    t!(date112_several_years_ago, "The rate rose from 35% several years ago.", REF, "several years ago", "DATE", "PAST_REF");
    t!(date113_date_before_a_colon, "The Times said in an editorial on Thursday, April 6: the boy", REF, "Thursday, April 6", "DATE", "2025-04-06");
    t!(date114_half_years, "He spent 2 1/2 years in jail.", REF, "2 1/2 years", "DURATION", "P2Y6M");
    t!(date115_an_hour_and_a_half, "The talks lasted an hour and a half.", REF, "an hour and a half", "DURATION", "PT1H30M");
    t!(date116_number_words_with_a_space, "in the past twenty four hours", REF, "the past twenty four hours", "DURATION", "PT24H");
    t!(date117_deadline_moved, "Officials postponed until Tuesday morning any action.", REF, "Tuesday morning", "TIME", "2025-07-22TMO");
    t!(date118_past_perfect_cue, "It had been due to expire Friday evening.", REF, "Friday evening", "TIME", "2025-07-18TEV");
    t!(date119_fronted_weekday_future_clause, "On Tuesday, the league plans to hold a news conference.", REF, "Tuesday", "DATE", "2025-07-22");
    t!(date120_since_month_is_past, "Since May, he has been talking about Turkey's plans to launch an operation.", REF, "May", "DATE", "2025-05");
    t!(date121_until_weekday_ahead, "Markets will stay shut; trading is suspended until Friday.", Some("2025-07-17"), "Friday", "DATE", "2025-07-18");
    t!(date122_until_weekday_past, "Until Thursday, police had not named him.", Some("2025-07-19"), "Thursday", "DATE", "2025-07-17");
    t!(date123_end_the_day, "The index fell 2% to end the day at 7,114.", REF, "the day", "DATE", "2025-07-20");
    t!(date124_short_year, "Shares hit their lowest level since '82 on Monday.", REF, "'82", "DATE", "1982");
    t!(date125_short_decade, "boxy cars of the 70s and 80s", REF, "the 70s", "DATE", "197");
    t!(date126_trading_days, "For the past five trading days, stocks fell.", REF, "the past five trading days", "DURATION", "P5D");
    t!(date127_consecutive_quarters, "after two consecutive quarters of decline", REF, "two consecutive quarters", "DURATION", "P2Q");
    t!(date128_three_quarters_is_a_fraction_not_a_duration, "Iraq imports about three-quarters of its food; it fell two quarters in a row.", REF, "two quarters", "DURATION", "P2Q");
    t!(date129_season_of_a_spoken_year, "in the winter of nineteen ninety-four", REF, "the winter of nineteen ninety-four", "DATE", "1994-WI");
    t!(date130_decades_ago, "The army seized power more than four decades ago.", REF, "more than four decades ago", "DATE", "1985");
    t!(date131_part_before_yesterday, "Trading halted in mid-afternoon yesterday.", REF, "mid-afternoon yesterday", "TIME", "2025-07-19TAF");
    t!(date132_week_of, "Hearings are set for the week of March 6.", Some("2025-02-24"), "the week of March 6", "DATE", "2025-W10");
    t!(date061_recent_years, "Kidnappings rose in recent years, police said.", REF, "recent years", "DURATION", "PXY");

    #[test]
    fn date050_numbers_are_not_years() {
        for text in ["He paid $1990 for it.", "About 2000 people marched.", "It rose 2010% in value.", "Call 1990 2345 now"] {
            let seg = crate::segment::segment(text);
            let found = recognize(text, &seg, None);
            assert!(!found.iter().any(|c| c.rule == "date/bare-year"), "{text}: {found:?}");
        }
    }

    #[test]
    fn date035_may_the_verb_is_not_a_month() {
        let text = "Officials May resign. They may resign.";
        let seg = crate::segment::segment(text);
        assert!(recognize(text, &seg, None).is_empty());
    }

    #[test]
    fn date036_dateline_found() {
        let text = "Syrian Govt Says Fighting Halted\n\n19 July 2025, Syria, Sweida: fighters gather.";
        let seg = crate::segment::segment(text);
        assert_eq!(find_dateline(text, &seg).map(iso).as_deref(), Some("2025-07-19"));
    }

    #[test]
    fn date037_parse_iso_errors() {
        assert!(parse_iso("2025-02-30").is_err());
        assert!(parse_iso("20-07-2025").unwrap_err().message().contains("YYYY-MM-DD"));
        assert_eq!(iso(parse_iso("2025-07-20").unwrap()), "2025-07-20");
    }
}
