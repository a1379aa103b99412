//! Date rules for dates on the calendar: ISO and written dates in every common order, months,
//! years (in figures and in words), decades and centuries, and `the day` of the report. The
//! order of the rules of the three files is the order ties between equal matches are settled in.


use super::calendar::*;
use super::context::Tense;
use super::rule::{REF, Rule, r};
use super::span::MONTHS;
use crate::recognize::rule::example;
use crate::text::calendar::iso;

pub(super) fn rules() -> Vec<Rule> {
    vec![
        r(
            "date/iso",
            "an ISO date: `2017-04-08`",
            &["#"],
            r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b".into(), |c, _| {
                ymd(c["y"].parse().ok()?, c["m"].parse().ok()?, c["d"].parse().ok()?).and_then(|v| d("DATE", v))
            },
            &[
                example!("date 2017-04-08 report", None, "2017-04-08", "DATE 2017-04-08"),
            ],
        ),
        r(
            "date/day-month-year",
            "day, month and year: `19 July 2025`, `3rd of March, 2016`",
            MONTHS,
            format!(r"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}(?:\s*,)?\s+(?P<y>\d{{4}})\b"), |c, _| {
                ymd(c["y"].parse().ok()?, month_number(&c["mon"]), c["d"].parse().ok()?).and_then(|v| d("DATE", v))
            },
            &[
                example!("19 July 2025, Syria, Sweida:", None, "19 July 2025", "DATE 2025-07-19"),
            ],
        ),
        r(
            "date/month-day-year",
            "month, day and year: `July 19, 2025`, with the stray space of `July 24 , 2003`",
            MONTHS,
            format!(r"\b{MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*,)?\s+(?P<y>\d{{4}})\b"), |c, _| {
                ymd(c["y"].parse().ok()?, month_number(&c["mon"]), c["d"].parse().ok()?).and_then(|v| d("DATE", v))
            },
            &[
                example!("On July 19, 2025 the city fell.", None, "July 19, 2025", "DATE 2025-07-19"),
                example!("She was shot on Thursday, Feb. 23, 2017 at home.", REF, "Thursday, Feb. 23, 2017", "DATE 2017-02-23"),
                example!("Boeing had been suspended since July 24 , 2003 after that.", REF, "July 24 , 2003", "DATE 2003-07-24"),
            ],
        ),
        r(
            "date/numeric",
            "a date in figures with slashes, the month first unless the first number cannot be one: `19/07/2025`",
            &["#"],
            r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})\b".into(), |c, _| {
                let (a, b): (i8, i8) = (c["a"].parse().ok()?, c["b"].parse().ok()?);
                // Day first when the first number cannot be a month, else month first (US news).
                let (m, day) = if a > 12 { (b, a) } else { (a, b) };
                ymd(c["y"].parse().ok()?, m, day).and_then(|v| d("DATE", v))
            },
            &[
                example!("dated 19/07/2025 it said", REF, "19/07/2025", "DATE 2025-07-19"),
            ],
        ),
        r(
            "date/month-day",
            "month and day, in the year nearest the reference date (the next one when the sentence looks ahead): `Jan. 5`",
            MONTHS,
            format!(r"\b{MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b"), |c, x| {
                let day: i8 = c["d"].parse().ok()?;
                let m = month_number(&c["mon"]);
                if !(1..=31).contains(&day) || x.after.starts_with(':') && x.after[1..].starts_with(|ch: char| ch.is_ascii_digit()) || x.after.starts_with(",000") {
                    return None;
                }
                match x.reference {
                    Some(r) => ymd(year_near(r, m, Some(day), x.tense()), m, day).and_then(|v| d("DATE", v)),
                    None => d("DATE", format!("XXXX-{m:02}-{day:02}")),
                }
            },
            &[
                example!("He arrived on Jan. 5 in Baghdad.", REF, "Jan. 5", "DATE 2025-01-05"),
                example!("The deal was signed Nov. 25.", Some("2026-01-15"), "Nov. 25", "DATE 2025-11-25"),
                example!("The payment is due Dec. 15.", Some("1989-10-26"), "Dec. 15", "DATE 1989-12-15"),
                example!("The bid was extended to Nov. 20, the firm said.", Some("2024-11-02"), "Nov. 20", "DATE 2024-11-20"),
                example!("The Times said in an editorial on Thursday, April 6: the boy", REF, "Thursday, April 6", "DATE 2025-04-06"),
            ],
        ),
        r(
            "date/day-month",
            "day and month, in the year nearest the reference date: `5 January`, `the 3rd of May`",
            MONTHS,
            format!(r"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}\b"), |c, x| {
                let day: i8 = c["d"].parse().ok()?;
                let m = month_number(&c["mon"]);
                match x.reference {
                    Some(r) => ymd(year_near(r, m, Some(day), x.tense()), m, day).and_then(|v| d("DATE", v)),
                    None => d("DATE", format!("XXXX-{m:02}-{day:02}")),
                }
            },
            &[
                example!("The plane first flew on 11 December, years late.", Some("2025-01-25"), "11 December", "DATE 2024-12-11"),
            ],
        ),
        r(
            "date/month-year",
            "month and year: `March 2011`, `early June of 1990`",
            MONTHS,
            format!(r"\b(?:(?:early|mid|late)[- ])?{MONTH}\s+(?:of\s+)?(?P<y>\d{{4}})\b"), |c, _| {
                d("DATE", format!("{}-{:02}", &c["y"], month_number(&c["mon"])))
            },
            &[
                example!("in March 2011 protests began", REF, "March 2011", "DATE 2011-03"),
            ],
        ),
        r(
            "date/month",
            "a month's name, alone or after `last`, `since`, `in`…, its year from the reference date and the tense (bare `May` is the verb)",
            MONTHS,
            r"\b(?:(?P<mod>(?i:last|this|next|early|mid|late|in|since|until|by|of|from|through|during))[- ])?(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December)\b".into(), |c, x| {
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
            },
            &[
                example!("Since May, Erdogan has been talking", REF, "May", "DATE 2025-05"),
                example!("Sales fell in March, it said.", REF, "March", "DATE 2025-03"),
                example!("Sales fell in December, it said.", Some("2025-02-06"), "December", "DATE 2024-12"),
                example!("The vote will be held in February.", REF, "February", "DATE 2026-02"),
                example!("The plan is to expire at the end of November, the firm said.", Some("1989-11-02"), "the end of November", "DATE 1989-11"),
                example!("She resigned as treasurer in March, the club said.", Some("2024-11-02"), "March", "DATE 2024-03"),
                example!("The club holds its vote in March.", Some("2024-11-02"), "March", "DATE 2025-03"),
                example!("Since May, he has been talking about Turkey's plans to launch an operation.", REF, "May", "DATE 2025-05"),
            ],
        ),
        r(
            "date/year",
            "a year after a preposition or modifier: `in 2019`, `since 1990`, `mid-2003`",
            &["#"],
            r"\b(?i:in|since|until|by|before|after|during|from|of|through|to|early|late|mid)[- ](?P<y>(?:1[89]|20)\d\d)\b".into(), |c, x| {
                if x.after.trim_start().starts_with(|ch: char| ch.is_ascii_digit()) {
                    return None;
                }
                d("DATE", &c["y"])
            },
            &[
                example!("elected in 2019 and", REF, "2019", "DATE 2019"),
            ],
        ),
        r(
            "date/bare-year",
            "a year standing alone where it cannot be an amount, an address or a count: `the 1990 budget`, `1990 and 1991`",
            &["#"],
            r"(?P<y>\b(?:19|20)\d\d\b)".into(), |c, x| {
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
            },
            &[
                example!("The 1990 budget was cut.", REF, "1990", "DATE 1990"),
                example!("earnings rise by 9% in both 1990 and 1991 and less later", REF, "1991", "DATE 1991"),
            ],
        ),
        r(
            "date/decade",
            "a decade in figures: `the 1990s`, `the early 1980s`",
            &["#"],
            r"\b(?:(?i:the)\s+)?(?:(?i:early|mid|late)[\s-]+)?(?P<y>(?:1[89]|20)\d)0s\b".into(), |c, _| d("DATE", &c["y"]),
            &[
                example!("in the 1990s the town grew", REF, "the 1990s", "DATE 199"),
                example!("Prices peaked in the early 1980s.", REF, "the early 1980s", "DATE 198"),
            ],
        ),
        // `the 80s`, `since '82`: the century left out, as news means it (the twentieth, or
        // the twenty-first for years up to the reference's).
        r(
            "date/short-year",
            "a year or decade without its century: `the '80s`, `since '82`",
            &["0s", "'", "’"],
            r"(?i)\b(?:(?P<the>the)\s+['’]?(?P<d>[2-9]0)s\b|(?:in|since|of|from|until)\s+['’](?P<yy>\d\d)\b)".into(), |c, x| {
                if let Some(dd) = c.name("d") {
                    return d("DATE", format!("19{}", &dd.as_str()[..1]));
                }
                let yy: i64 = c["yy"].parse().ok()?;
                let now = x.reference.map_or(2000, |r| r.year() as i64 % 100);
                d("DATE", format!("{}", if yy <= now { 2000 + yy } else { 1900 + yy }))
            },
            &[
                example!("Shares hit their lowest level since '82 on Monday.", REF, "'82", "DATE 1982"),
                example!("boxy cars of the 70s and 80s", REF, "the 70s", "DATE 197"),
            ],
        ),
        // `to end the day`, `later in the day`, `for the day`: the day of the report.
        r(
            "date/the-day",
            "`the day` of the report: `to end the day`, `later in the day`",
            &[" the day"],
            r"(?i)\b(?:(?:end(?:ed|ing|s)?|finish(?:ed|ing|es)?|clos(?:e|ed|ing)|start(?:ed|ing)?|for|(?:earlier|later|late|early)\s+in)\s+)(?P<span>the\s+day)\b".into(), |_, x| {
                if x.after.trim_start().starts_with(|ch: char| ch.is_ascii_alphanumeric()) && !x.after.trim_start().starts_with("at") && !x.after.trim_start().starts_with("with") && !x.after.trim_start().starts_with("down") && !x.after.trim_start().starts_with("up") {
                    return None;
                }
                d("DATE", iso(x.reference?))
            },
            &[
                example!("The index fell 2% to end the day at 7,114.", REF, "the day", "DATE 2025-07-20"),
            ],
        ),
        r(
            "date/decade-words",
            "a decade in words: `the nineties`, `the late sixties`",
            &["ties"],
            r"(?i)\bthe\s+(?:(?:early|mid|late)[\s-])?(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b".into(), |c, _| {
                // `the nineties`: of the twentieth century, as news means it.
                let k = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"].iter().position(|w| c["w"].eq_ignore_ascii_case(w))?;
                d("DATE", format!("19{}", k + 2))
            },
            &[
                example!("hate groups dropped through the nineties, uh but", REF, "the nineties", "DATE 199"),
            ],
        ),
        r(
            "date/century",
            "a century: `the 20th century`, `the early 19th century`",
            &["#"],
            r"(?i)\b(?:the\s+)?(?:(?:early|mid|late)[\s-])?(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]century\b".into(), |c, _| {
                let n: i64 = c["n"].parse().ok()?;
                (1..=21).contains(&n).then(|| d("DATE", format!("{:02}", n - 1)))?
            },
            &[
                example!("events in the 20th century were many", REF, "the 20th century", "DATE 19"),
            ],
        ),
    ]
}
