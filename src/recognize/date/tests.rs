use super::*;
use crate::text::calendar::iso;

/// (case, sentence, reference, expected span, type, value)
fn check(text: &str, reference: Option<&str>, span: &str, kind: &str, value: &str) {
    // Shifted right by one character so no rule can assume it starts at offset 0.
    let text = format!("¶ {text}");
    let seg = crate::text::segment::segment(&text);
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
    let seg = crate::text::segment::segment(text);
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
        let seg = crate::text::segment::segment(text);
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
        let seg = crate::text::segment::segment(text);
        let _ = recognize(text, &seg, parse_iso("2016-11-24").ok());
    }
}
#[test]
fn date093_anaphora_count_from_the_last_date() {
    let text = "Police arrived on March 3, 2016. He died the next day. That year was hard. The following month, he left.";
    let seg = crate::text::segment::segment(text);
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
    let seg = crate::text::segment::segment(text);
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
        let seg = crate::text::segment::segment(text);
        let found = recognize(text, &seg, None);
        assert!(!found.iter().any(|c| c.rule == "date/bare-year"), "{text}: {found:?}");
    }
}

#[test]
fn date035_may_the_verb_is_not_a_month() {
    let text = "Officials May resign. They may resign.";
    let seg = crate::text::segment::segment(text);
    assert!(recognize(text, &seg, None).is_empty());
}

#[test]
fn date036_dateline_found() {
    let text = "Syrian Govt Says Fighting Halted\n\n19 July 2025, Syria, Sweida: fighters gather.";
    let seg = crate::text::segment::segment(text);
    assert_eq!(find_dateline(text, &seg).map(iso).as_deref(), Some("2025-07-19"));
}

