//! What no single rule example can state: negative cases, anaphora across sentences, the
//! dateline, odd input that once broke the span rules.

use super::*;
use crate::text::calendar::iso;

// Each rule's own examples are in its definition (`rules.rs`) and run as one test
// (`recognize::catalogue`); what follows are the cases no single example can state.


#[test]
fn date049_current_before_a_noun_is_no_date() {
    // TimeML marks the adverb (`currently`) and `now`, not the adjective (`the current situation`).
    let text = "The current situation is calm. It is currently calm.";
    let seg = crate::text::segment::segment(text);
    let got: Vec<&str> = recognize(text, &seg, None).iter().map(|c| &text[c.start..c.end]).collect();
    assert_eq!(got, ["currently"]);
}

#[test]
fn date087_rates_and_ordinals_are_no_durations() {
    for text in ["This will add nearly 700 seats a week on the route.", "It pays $1.76 a year in dividends.", "Guards stood there 24 hours a day.", "It will be a second betrayal, she said."] {
        let seg = crate::text::segment::segment(text);
        let found = recognize(text, &seg, None);
        assert!(!found.iter().any(|c| text[c.start..c.end].starts_with("a ")), "{text}: {found:?}");
    }
}
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
#[test]
fn date099_same_period_last_year() {
    let text = "Sales rose 43% in February compared to the same period last year, the firm said.";
    let seg = crate::text::segment::segment(text);
    let got: Vec<(&str, String)> = recognize(text, &seg, parse_iso("2010-03-03").ok()).iter().map(|c| (&text[c.start..c.end], c.date.as_ref().unwrap().value.clone())).collect();
    assert!(got.contains(&("the same period last year", "2009-02".into())), "{got:?}");
}

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

