//! Date rules for clock times, holidays, seasons, quarters, halves and fiscal years (the periods
//! of reports of results), years said in words, months of a relative year, and sets (`every
//! day`, `each Thursday`).

use jiff::civil::Weekday;

use super::calendar::*;
use super::context::Tense;
use super::rule::{REF, Rule, r};
use crate::recognize::rule::example;
use crate::text::calendar::iso;

pub(super) fn rules() -> Vec<Rule> {
    vec![
        r(
            "date/clock",
            "a 12-hour clock time on the day the sentence names, else the reference date: `9:30 p.m.`",
            &["#"],
            r"(?i)\b(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b)".into(), |c, x| {
                let (h, m) = clock(c)?;
                let day = x.reference.map_or("XXXX-XX-XX".to_string(), iso);
                d("TIME", format!("{day}T{h:02}:{m:02}"))
            },
            &[
                example!("at 9:30 p.m. on the road", REF, "9:30 p.m.", "TIME 2025-07-20T21:30"),
                example!("On Saturday at 4:36 p.m. police arrived.", REF, "4:36 p.m.", "TIME 2025-07-19T16:36"),
                example!("Police arrived around 3:50 a.m. at the club.", REF, "around 3:50 a.m.", "TIME 2025-07-20T03:50"),
            ],
        ),
        r(
            "date/clock-utc",
            "a 24-hour clock time in UTC, with its weekday or `today`: `08:30 UTC`, `12:00 UTC Monday`",
            &["utc", "gmt", "z"],
            format!(r"\b(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)\s*(?P<z>UTC|GMT|Z)\b(?:\s+(?:on\s+)?(?:{WEEKDAY}|(?P<today>today)))?"), |c, x| {
                // A 24-hour clock with its zone (`18:00 UTC`, `12:00 UTC Monday`): UTC, marked `Z`.
                let (h, m): (u32, u32) = (c["h"].parse().ok()?, c["m"].parse().ok()?);
                let day = match (x.reference, c.name("wd")) {
                    (Some(r), Some(wd)) => iso(weekday_near(r, weekday_of(wd.as_str()), false, x.future())?),
                    (Some(r), None) => iso(r),
                    (None, _) => "XXXX-XX-XX".to_string(),
                };
                d("TIME", format!("{day}T{h:02}:{m:02}Z"))
            },
            &[
                example!("The plane took off at 08:30 UTC from Toulouse.", REF, "08:30 UTC", "TIME 2025-07-20T08:30Z"),
                example!("It filed for protection at 12:00 UTC Monday in New York.", Some("2009-06-01"), "12:00 UTC Monday", "TIME 2009-06-01T12:00Z"),
            ],
        ),
        r(
            "date/holiday",
            "a holiday computed for its year: `Thanksgiving Day`, `last Christmas`, `Easter week`",
            &["thanksgiving", "christmas", "new year", "independence", "fourth of july", "halloween", "valentine", "veterans", "labor day", "memorial day", "election day", "easter"],
            r"\b(?:(?P<mod>(?i:last|this|next))\s+)?(?P<h>Thanksgiving(?:\s+Day)?|Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s\s+(?:Day|Eve)|Independence\s+Day|Fourth\s+of\s+July|Halloween|Valentine['’]s\s+Day|Veterans\s+Day|Labor\s+Day|Memorial\s+Day|Election\s+Day|Easter(?:\s+Sunday)?)(?P<week>\s+week)?\b".into(), |c, x| {
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
            },
            &[
                example!("Elian was found Thanksgiving Day clinging to a tube.", Some("2000-01-07"), "Thanksgiving Day", "DATE 1999-11-25"),
                example!("He was found last Thanksgiving off Florida.", Some("2000-01-07"), "last Thanksgiving", "DATE 1999-11-25"),
                example!("a theme of our campaign from now to Election Day.", Some("1998-10-20"), "Election Day", "DATE 1998-11-03"),
                example!("protesters prayed as Easter week began", Some("2000-04-17"), "Easter week", "DATE 2000-W16"),
            ],
        ),
        r(
            "date/season",
            "a season: `last summer`, `the spring of 2004`",
            &["spring", "summer", "autumn", "fall", "winter"],
            format!(r"(?i)\b(?P<mod>last|this(?:\s+past)?|next|the|early|late)\s+(?P<s>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?P<y>\d{{4}})|\s+of\s+(?P<sy>{SPOKEN_YEAR}))?\b"), |c, x| {
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
            },
            &[
                example!("fighting resumed last summer", REF, "last summer", "DATE 2024-SU"),
                example!("Sales were strong last summer, the firm said.", Some("1989-10-30"), "last summer", "DATE 1989-SU"),
                example!("It sold the unit this past spring, those costs were high.", Some("1989-10-30"), "this past spring", "DATE 1989-SP"),
                example!("Over the summer, competitors offered discounts.", Some("1989-10-30"), "the summer", "DATE 1989-SU"),
                example!("in the winter of nineteen ninety-four", REF, "the winter of nineteen ninety-four", "DATE 1994-WI"),
            ],
        ),
        r(
            "date/quarter",
            "a quarter: `the third quarter of 2024`, `last year's fourth quarter`",
            &["quarter"],
            r"(?i)\b(?:the\s+)?(?:(?P<y0>\d{4})\s+|(?P<rel0>last|this|next)\s+year['’]s\s+)?(?P<q>first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]quarter(?:\s+of\s+(?:(?P<y>\d{4})|(?P<rel>last|this|next)\s+year))?\b".into(), |c, x| {
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
            },
            &[
                example!("in the third quarter of 2024 profits", REF, "the third quarter of 2024", "DATE 2024-Q3"),
                example!("In the first quarter of last year, it lost money.", Some("2009-05-07"), "the first quarter of last year", "DATE 2008-Q1"),
                example!("For the final quarter of 2009, Ford made a profit.", Some("2010-01-28"), "the final quarter of 2009", "DATE 2009-Q4"),
                example!("Sales in this year's second quarter fell 4%.", Some("2024-08-01"), "this year's second quarter", "DATE 2024-Q2"),
                example!("It lost $2 million in the 2023 fourth quarter.", Some("2024-08-01"), "the 2023 fourth quarter", "DATE 2023-Q4"),
                example!("Profits dropped in the fourth quarter, it said.", Some("2024-01-20"), "the fourth quarter", "DATE 2023-Q4"),
            ],
        ),
        // `last year's quarter`, `the 1988 period`: the reported quarter of that year (or the
        // year itself outside a report of quarterly results).
        r(
            "date/year-quarter",
            "the quarter or period of a year: `the 1988 quarter`, `last year's period`",
            &["quarter", "period"],
            r"(?i)\b(?:the\s+(?P<y>\d{4})|(?P<rel>last|this|next)\s+year['’]s)\s+(?P<unit>quarter|period)\b".into(), |c, x| {
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
            },
            &[
                example!("Profit rose in the quarter; last year's quarter had a loss.", Some("2024-08-01"), "last year's quarter", "DATE 2023-Q2"),
            ],
        ),
        // `the first half of 1990`, `the second half`, `the first two quarters of 1990`.
        r(
            "date/half",
            "a half-year: `the first half of 2009`, `the second half`",
            &["half", "quarters"],
            r"(?i)\b(?:the\s+)?(?P<h>first|second|last|latter)\s+(?:half|two\s+quarters)(?:\s+of\s+(?:(?P<y>\d{4})|(?P<rel>last|this|next)\s+year|the\s+year))?\b".into(), |c, x| {
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
            },
            &[
                example!("Output will rise in the first half of 2025.", Some("2024-08-01"), "the first half of 2025", "DATE 2025-H1"),
            ],
        ),
        // TempEval-3 gives a fiscal year the calendar year's value.
        r(
            "date/fiscal",
            "a fiscal year: `fiscal 2026`",
            &["fiscal"],
            r"(?i)\bfiscal\s+(?:year\s+)?(?P<y>\d{4})\b".into(), |c, _| d("DATE", &c["y"]),
            &[
                example!("in fiscal 2026 spending", REF, "fiscal 2026", "DATE 2026"),
            ],
        ),
        r(
            "date/the-unit",
            "the quarter, year, week or month of the report: `for the year`, `in the quarter`, `the latest quarter`",
            &["quarter", "year", "week", "month"],
            r"(?i)\b(?:(?P<pre>early|late|mid)[- ])?the\s+(?:(?P<mod>latest|current|same|full|fiscal|coming)\s+)?(?P<unit>quarter|year|week|weekend|month)\b".into(), |c, x| {
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
            },
            &[
                example!("Profit rose in the quarter, the company said.", Some("1989-10-26"), "the quarter", "DATE 1989-Q3"),
                example!("Sales rose 5% for the year.", REF, "the year", "DATE 2025"),
                example!("revenue of $76 million for the year ended March 31.", Some("1989-11-01"), "the year", "DURATION P1Y"),
            ],
        ),
        r(
            "date/year-earlier",
            "the same period a year back in a report of results: `the year-earlier quarter`, `the year-ago third quarter`",
            &["year-", "year ago", "year earlier"],
            r"(?i)\b(?:the\s+)?year[- ](?:earlier|ago)(?:\s+(?:(?P<q>first|second|third|fourth)\s+)?(?P<unit>quarter|period|month|year))?\b".into(), |c, x| {
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
            },
            &[
                example!("Profit fell from the year-earlier quarter.", Some("1989-11-02"), "the year-earlier quarter", "DATE 1988-Q3"),
                example!("Intergroup in the year-ago third quarter earned $22.5 million.", Some("1989-11-02"), "the year-ago third quarter", "DATE 1988-Q3"),
            ],
        ),
        r(
            "date/latest-period",
            "the latest period of a report of results: `the latest period`, `the most recent quarter`",
            &["period", "quarter"],
            r"(?i)\bthe\s+(?:latest|most\s+recent|recent)\s+(?:period|quarter)\b".into(), |_, x| {
                d("DATE", reported_quarter(x.reference?, 0, 0)?)
            },
            &[
                example!("Sales in the latest period were flat.", Some("1989-11-02"), "the latest period", "DATE 1989-Q3"),
            ],
        ),
        r(
            "date/spoken-year",
            "a year said in words: `nineteen ninety-seven`, `the year two thousand`",
            &["nineteen", "thousand"],
            format!(r"(?i)\b(?:(?-i:{MONTH})\s+)?(?:the\s+year\s+)?(?P<sy>{SPOKEN_YEAR})\b"), |c, _| {
                let y = spoken_year(&c["sy"])?;
                match c.name("mon") {
                    Some(m) => d("DATE", format!("{y:04}-{:02}", month_number(m.as_str()))),
                    None => d("DATE", format!("{y:04}")),
                }
            },
            &[
                example!("January nineteen ninety-seven. Atlanta again.", REF, "January nineteen ninety-seven", "DATE 1997-01"),
                example!("by the year two thousand the plan ends", REF, "the year two thousand", "DATE 2000"),
            ],
        ),
        r(
            "date/month-relative-year",
            "a month of last, this or next year: `June last year`, `October of next year`",
            &["year"],
            format!(r"\b{MONTH}\s+(?:of\s+)?(?P<mod>(?i:this|last|next))\s+year\b"), |c, x| {
                let r = x.reference?;
                let y = r.year() as i64 + match c["mod"].to_lowercase().as_str() { "last" => -1, "next" => 1, _ => 0 };
                d("DATE", format!("{y:04}-{:02}", month_number(&c["mon"])))
            },
            &[
                example!("It began in June last year.", REF, "June last year", "DATE 2024-06"),
                example!("franchises won't be renewed after October of next year.", Some("2009-05-15"), "October of next year", "DATE 2010-10"),
            ],
        ),
        r(
            "date/clock-weekday",
            "a clock time before its weekday: `10 p.m. Wednesday`, `noon Monday`",
            &["day"],
            format!(r"(?i)\b(?:(?P<h>\d{{1,2}})(?::(?P<m>\d{{2}}))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b)|(?P<noon>noon|midnight))\s+(?:on\s+)?(?-i:{WEEKDAY})"), |c, x| {
                let r = x.reference?;
                let day = weekday_near(r, weekday_of(&c["wd"]), false, x.future())?;
                let (h, m) = match c.name("noon") {
                    Some(n) => (if n.as_str().eq_ignore_ascii_case("noon") { 12 } else { 24 }, 0),
                    None => clock(c)?,
                };
                d("TIME", format!("{}T{h:02}:{m:02}", iso(day)))
            },
            &[
                example!("The blast came at 10 p.m. Wednesday near the port.", REF, "10 p.m. Wednesday", "TIME 2025-07-16T22:00"),
                example!("shots at midnight Monday woke them", REF, "midnight Monday", "TIME 2025-07-14T24:00"),
            ],
        ),
        r(
            "date/set",
            "a repetition: `every day`, `each week`, `daily`, `annually`",
            &["every", "each", "daily", "weekly", "monthly", "annually", "yearly"],
            r"(?i)\b(?:(?:every|each)\s+(?P<u>day|week|month|year|morning|night|evening)|(?P<a>daily|weekly|monthly|annually|yearly))\b".into(), |c, _| {
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
            },
            &[
                example!("Patrols run every day.", REF, "every day", "SET P1D"),
            ],
        ),
        r(
            "date/set-named",
            "a weekday or month of every week or year: `every Thursday`, `each July`",
            &["every", "each"],
            format!(r"\b(?i:every|each)\s+(?:{WEEKDAY}|(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December))\b"), |c, _| {
                // `each Thursday`, `every July`: a weekday or a month of every week or year.
                match (c.name("wd"), c.name("mon")) {
                    (Some(wd), _) => d("SET", format!("XXXX-WXX-{}", weekday_of(wd.as_str()).to_monday_one_offset())),
                    (_, Some(m)) => d("SET", format!("XXXX-{:02}", month_number(m.as_str()))),
                    _ => None,
                }
            },
            &[
                example!("the third flight departs each Thursday from August 6.", REF, "each Thursday", "SET XXXX-WXX-4"),
                example!("Orangemen march each July from their church.", REF, "each July", "SET XXXX-07"),
            ],
        ),
    ]
}
