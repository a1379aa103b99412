//! The casualty table of one article, as a conflict-data coder copies it into an event record
//! (the guidelines' "Casualty summary"): per incident and category the distinct figures
//! reported (a figure repeated by the paste, such as a headline printed twice, counts once,
//! with all its mentions), their lowest and highest, and a best estimate; per category the
//! article's total, the sum of the incidents' best; and the cumulative figures apart, each with
//! the words that bound it, never added to an incident. Background figures are not summarised.
//!
//! Conventions: a figure is a (count, qualifier) pair; ranges and bounds give their `min`/`max`
//! to the lowest and highest; the best estimate is the largest figure that is not an upper
//! bound (tolls are revised upwards and a subset, `including four children`, is smaller than
//! its total), else the highest. A count of people shot or struck that holds the dead counts
//! only the survivors as injured (`[seven people] were shot, [one] fatally`: 6 injured), unless
//! it counts `others`. Parts are added: a figure of more people (`[two other officers] were
//! injured`) right after one of the same category (`[one officer] was shot`) counts with it (3),
//! unless it names the same people again (`the [two others]`). Counts without a number
//! (`several`) are left out. An earlier toll the article says was revised (`an earlier toll of
//! [27]`) counts only when nothing else does. A figure made before
//! scopes were read counts as the first incident's.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::annotation::{Annotation, CATEGORIES, Label};
use crate::document::Document;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Figure {
    pub count: u64,
    pub qualifier: String,
    pub mentions: Vec<String>,
}

/// The figures of one category, with their lowest, highest and best.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CategorySummary {
    pub category: String,
    pub figures: Vec<Figure>,
    pub low: u64,
    pub high: u64,
    pub best: u64,
}

/// One incident's figures by category, with its place and date where the article gives them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IncidentSummary {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Category → its figures (`killed`, `injured` … as keys in the export).
    #[serde(flatten)]
    pub categories: BTreeMap<String, CategoryFigures>,
}

/// [`CategorySummary`] without its category, as an incident's key holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CategoryFigures {
    pub figures: Vec<Figure>,
    pub low: u64,
    pub high: u64,
    pub best: u64,
}

/// A cumulative figure, listed apart with the words that bound it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CumulativeFigure {
    pub category: String,
    pub count: u64,
    pub qualifier: String,
    pub mentions: Vec<String>,
    pub bound: String,
}

/// The export's `casualtySummary`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct CasualtySummary {
    pub incidents: Vec<IncidentSummary>,
    pub total: BTreeMap<String, u64>,
    pub cumulative: Vec<CumulativeFigure>,
}

fn scope_of(a: &Annotation) -> &str {
    a.casualty.as_ref().and_then(|c| c.scope.as_deref()).unwrap_or("incident")
}

fn incident_of(a: &Annotation) -> String {
    a.casualty.as_ref().and_then(|c| c.incident.clone()).unwrap_or_else(|| "i1".to_string())
}

/// The words of the document's sentence before and after the span `a` (the span alone when it
/// crosses sentences).
fn sentence_around<'d>(doc: &'d Document, a: &Annotation) -> (&'d str, &'d str) {
    let sentences = &doc.segmentation().sentences;
    let k = sentences.partition_point(|s| s.end < a.end);
    let (from, to) = sentences.get(k).filter(|s| s.start <= a.start).map_or((a.start, a.end), |s| (s.start, s.end));
    (&doc.text()[from..a.start], &doc.text()[a.end..to])
}

/// Up to `before` words of `a`'s sentence before it (nearest first) and `after` words after it,
/// lower case, without their punctuation.
fn near_words(doc: &Document, a: &Annotation, before: usize, after: usize) -> (Vec<String>, Vec<String>) {
    let (b, f) = sentence_around(doc, a);
    let clean = |w: &str| w.trim_matches(|ch: char| !ch.is_alphanumeric()).to_lowercase();
    (b.split_whitespace().rev().take(before).map(clean).collect(), f.split_whitespace().take(after).map(clean).collect())
}

/// Is the injured figure `a` a count of people hit (`four shot`, `struck by gunfire`, `the
/// seven victims`) rather than of survivors (`six hurt`, `two others wounded`)?
fn counts_the_hit(doc: &Document, a: &Annotation) -> bool {
    let c = a.casualty.as_ref().unwrap();
    if c.victims.as_deref() == Some("others") {
        return false;
    }
    let (near_before, near_after) = near_words(doc, a, 3, 5);
    let other = near_before.first().is_some_and(|w| w == "other") || near_after.first().is_some_and(|w| w == "others" || w == "other");
    let hit = near_after.iter().chain(&near_before).any(|w| matches!(w.as_str(), "shot" | "struck" | "gunfire" | "shooting"));
    let hurt = near_after.iter().chain(&near_before).any(|w| matches!(w.as_str(), "wounded" | "injured" | "hurt" | "injuries" | "wounds"));
    // (`the seven victims`: everyone harmed, the dead among them.)
    let victims = matches!(c.victims.as_deref(), Some("victims" | "victim"));
    (hit || victims) && !hurt && !other
}

/// Does the figure `a` count people besides those counted just before it (`[two other
/// officers]`, `[twenty more]`, `another [five]`, `[19] in Greece` after `1,035 in Turkey`; not
/// `the [two others]`)?
fn adds_to_the_last(doc: &Document, a: &Annotation) -> bool {
    let quote = doc.text()[a.start..a.end].to_lowercase();
    let (near, _) = near_words(doc, a, 2, 0);
    let at = |k: usize| near.get(k).map_or("", String::as_str);
    // (`the two others` are those already counted, named again.)
    let definite = matches!(at(0), "the" | "all" | "both") || quote.starts_with("the ") || quote.starts_with("all ");
    // (`90 were wounded, as were [seventeen] soldiers`.)
    let as_were = matches!(at(0), "were" | "was") && at(1) == "as";
    // (`[1,035] in Turkey and [19] in Greece`, `two in one room, [two] in another`: a list's
    // parts told by place, with no noun of their own.)
    let (before, after) = sentence_around(doc, a);
    let listed = before.trim_end().ends_with(',') || at(0) == "and";
    let by_place = a.casualty.as_ref().is_some_and(|c| c.victims.is_none()) && listed && matches!(after.split_whitespace().next(), Some("in" | "from" | "at" | "on"));
    !definite && (quote.split_whitespace().any(|w| matches!(w, "other" | "others" | "more" | "additional")) || at(0) == "another" || as_were || by_place)
}

/// Is `a` a figure that a later one outweighs: an earlier toll the article says was revised
/// (`an earlier toll of [27]`)?
fn outweighed(doc: &Document, a: &Annotation) -> bool {
    let (near, _) = near_words(doc, a, 4, 0);
    let at = |k: usize| near.get(k).map_or("", String::as_str);
    let earlier = |w: &str| matches!(w, "earlier" | "initial" | "previous" | "preliminary" | "original" | "first");
    matches!(at(0), "of" | "at") && matches!(at(1), "toll" | "figure" | "count" | "estimate") && (earlier(at(2)) || at(2) == "death" && earlier(at(3)))
}

/// The figures of `anns` (in text order) in `category`, with their lowest, highest and best;
/// `killed` is the best count of the dead beside them (a count of people hit holds them).
/// Parts are added: a figure of more people (`two other officers were hurt`) right after one of
/// the same category (`one officer was shot`) counts with it.
fn figures(doc: &Document, anns: &[&Annotation], category: &str, killed: u64) -> Option<CategoryFigures> {
    let mut figures: Vec<Figure> = Vec::new();
    let (mut low, mut high, mut best, mut weak) = (u64::MAX, 0u64, None::<u64>, None::<u64>);
    // The parts so far, and whether the figure before (of any category) was of this one.
    let (mut parts, mut last_ours) = (0u64, false);
    for a in anns {
        let Some(c) = a.casualty.as_ref() else { continue };
        if c.category != category {
            last_ours = false;
            continue;
        }
        let Some(count) = c.count else { continue };
        low = low.min(c.min.unwrap_or(count));
        high = high.max(c.max.unwrap_or(count));
        let seen = figures.iter().position(|f| f.count == count && f.qualifier == c.qualifier);
        if c.qualifier != "atMost" && c.qualifier != "range" {
            let survivors = if category == "injured" && killed > 0 && count >= killed && counts_the_hit(doc, a) { count - killed } else { count };
            parts = if last_ours && seen.is_none() && adds_to_the_last(doc, a) { parts + survivors } else { survivors };
            let slot = if outweighed(doc, a) { &mut weak } else { &mut best };
            *slot = Some(slot.map_or(parts, |b| b.max(parts)));
        }
        last_ours = true;
        match seen {
            Some(k) => figures[k].mentions.push(a.id_string()),
            None => figures.push(Figure { count, qualifier: c.qualifier.clone(), mentions: vec![a.id_string()] }),
        }
    }
    (!figures.is_empty()).then(|| CategoryFigures { figures, low, high, best: best.or(weak).unwrap_or(high) })
}

/// Per category, the figures of `anns` (the incidents' figures of one incident or of all).
fn by_category(doc: &Document, anns: &[&Annotation]) -> Vec<CategorySummary> {
    // (The dead first: a count of people hit holds them.)
    let mut killed = figures(doc, anns, "killed", 0);
    let dead = killed.as_ref().map_or(0, |f| f.best);
    CATEGORIES
        .iter()
        .filter_map(|&category| {
            let f = if category == "killed" { killed.take() } else { figures(doc, anns, category, if category == "injured" { dead } else { 0 }) }?;
            Some(CategorySummary { category: category.to_string(), figures: f.figures, low: f.low, high: f.high, best: f.best })
        })
        .collect()
}

fn casualties(doc: &Document) -> impl Iterator<Item = &Annotation> {
    doc.live().filter(|a| a.label == Label::Casualty && a.casualty.is_some())
}

/// The words that bound a cumulative figure: its clause, the figure left out.
fn bound(doc: &Document, a: &Annotation) -> String {
    let (before, after) = sentence_around(doc, a);
    let clause = |s: &str, rev: bool| -> String {
        let cut: Vec<&str> = if rev { s.rsplit([',', ';', ':']).take(1).collect() } else { s.split([',', ';', ':']).take(1).collect() };
        cut.concat().split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let b = clause(before, true);
    let f = clause(after, false);
    [b, f].into_iter().filter(|x| !x.is_empty()).collect::<Vec<_>>().join(" … ")
}

/// Where and when an incident happened, as the article says it beside its figures: the first
/// place and the first calendar date in a sentence that holds one of them, in text order.
fn place_and_date(doc: &Document, anns: &[&Annotation]) -> (Option<String>, Option<String>) {
    let text = doc.text();
    // The places and calendar dates, read once, in text order.
    let mut places: Vec<&Annotation> = doc.live().filter(|b| b.label == Label::Place).collect();
    let mut dates: Vec<(&Annotation, &str)> = doc
        .live()
        .filter(|b| b.label == Label::Date)
        .filter_map(|b| b.date.as_ref().map(|d| (b, d)))
        .filter(|(_, d)| d.kind == "DATE" && d.value.starts_with(|c: char| c.is_ascii_digit()) && !d.value.contains('X'))
        .map(|(b, d)| (b, d.value.as_str()))
        .collect();
    places.sort_by_key(|b| b.start);
    dates.sort_by_key(|(b, _)| b.start);
    let mut figures: Vec<&&Annotation> = anns.iter().collect();
    figures.sort_by_key(|a| a.start);
    let (mut place, mut date) = (None, None);
    for a in figures {
        let (before, after) = sentence_around(doc, a);
        let (from, to) = (a.start - before.len(), a.end + after.len());
        if place.is_none() {
            let first = places.partition_point(|b| b.start < from);
            let inside: Vec<&Annotation> = places[first..].iter().copied().take_while(|b| b.end <= to).collect();
            // (The narrower of `Syria's Sweida`: the place after a possessive.)
            let mut k = 0;
            // (Places may nest or overlap, a user's span around a suggested one: no words between.)
            while k + 1 < inside.len() && text.get(inside[k].end..inside[k + 1].start).is_some_and(|between| matches!(between.trim(), "'s" | "’s")) {
                k += 1;
            }
            place = inside.get(k).map(|b| text[b.start..b.end].to_string());
        }
        if date.is_none() {
            let first = dates.partition_point(|(b, _)| b.start < from);
            date = dates[first..].first().filter(|(b, _)| b.end <= to).map(|(_, v)| v.to_string());
        }
        if place.is_some() && date.is_some() {
            break;
        }
    }
    (place, date)
}

/// The export's casualty summary of `doc`: the incidents in order, the article's totals and the
/// cumulative figures.
pub fn summary(doc: &Document) -> CasualtySummary {
    let mut ids: Vec<String> = Vec::new();
    for a in casualties(doc).filter(|a| scope_of(a) == "incident") {
        let id = incident_of(a);
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    let mut out = CasualtySummary::default();
    for id in ids {
        let mut anns: Vec<&Annotation> = casualties(doc).filter(|a| scope_of(a) == "incident" && incident_of(a) == id).collect();
        anns.sort_by_key(|a| a.start);
        let categories: BTreeMap<String, CategoryFigures> =
            by_category(doc, &anns).into_iter().map(|c| (c.category, CategoryFigures { figures: c.figures, low: c.low, high: c.high, best: c.best })).collect();
        // (A category whose best is none, `[three people] were shot` and all three died, adds
        // nothing to the article's total.)
        for (category, f) in categories.iter().filter(|(_, f)| f.best > 0) {
            *out.total.entry(category.clone()).or_default() += f.best;
        }
        let (place, date) = place_and_date(doc, &anns);
        out.incidents.push(IncidentSummary { id, place, date, categories });
    }
    for a in casualties(doc).filter(|a| scope_of(a) == "cumulative") {
        let c = a.casualty.as_ref().unwrap();
        let Some(count) = c.count else { continue };
        match out.cumulative.iter_mut().find(|f| f.category == c.category && f.count == count && f.qualifier == c.qualifier) {
            Some(f) => f.mentions.push(a.id_string()),
            None => out.cumulative.push(CumulativeFigure { category: c.category.clone(), count, qualifier: c.qualifier.clone(), mentions: vec![a.id_string()], bound: bound(doc, a) }),
        }
    }
    out
}

/// The lowest incident id no casualty figure of `doc` holds (rejected ones included): where the
/// reader moves a figure to start an incident of its own.
pub fn new_incident(doc: &Document) -> String {
    let used: std::collections::HashSet<&str> =
        doc.annotations().iter().filter_map(|a| a.casualty.as_ref()?.incident.as_deref()).collect();
    (1..).map(|k| format!("i{k}")).find(|id| !used.contains(id.as_str())).expect("an unused id")
}

/// A calendar value on the article's timeline, with the mentions that resolve to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimelineEntry {
    pub value: String,
    pub mentions: Vec<String>,
    pub quotes: Vec<String>,
}

/// Resolved DATE and TIME values in calendar order (`2025-07-13` before `2025-07-19T...`);
/// durations, sets and values that keep an `X` or are only references (`PAST_REF`) are left
/// out, since they have no place on a line of days.
pub fn timeline(doc: &Document) -> Vec<TimelineEntry> {
    let mut out: Vec<TimelineEntry> = Vec::new();
    for a in doc.live().filter(|a| a.label == Label::Date) {
        let Some(d) = &a.date else { continue };
        let placed = matches!(d.kind.as_str(), "DATE" | "TIME") && d.value.starts_with(|c: char| c.is_ascii_digit()) && !d.value.contains('X');
        if !placed {
            continue;
        }
        let quote = doc.text()[a.start..a.end].to_string();
        match out.iter_mut().find(|e| e.value == d.value) {
            Some(e) => {
                e.mentions.push(a.id_string());
                if !e.quotes.contains(&quote) {
                    e.quotes.push(quote);
                }
            }
            None => out.push(TimelineEntry { value: d.value.clone(), mentions: vec![a.id_string()], quotes: vec![quote] }),
        }
    }
    // ISO-like values sort as text within a granularity; `2025` before `2025-07` before `2025-07-13`.
    out.sort_by(|a, b| a.value.cmp(&b.value));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "More than 900 people killed in Sweida\n\nMore than 900 people killed in Sweida\n\nMore than 900 people have been killed since last Sunday, including 15 children. Up to 50 were wounded, and between 10 and 20 others were hurt.";

    #[test]
    fn repeated_figures_count_once_with_low_high_best() {
        let doc = crate::annotate_dated(TEXT, None);
        let s = summary(&doc);
        let killed = &s.incidents[0].categories["killed"];
        assert_eq!(killed.figures.len(), 2, "{killed:?}");
        assert_eq!(killed.figures[0].count, 900);
        assert_eq!(killed.figures[0].mentions.len(), 3);
        assert_eq!((killed.low, killed.high, killed.best), (15, 900, 900));
        let injured = &s.incidents[0].categories["injured"];
        assert_eq!((injured.low, injured.high), (10, 50));
        assert_eq!(injured.best, 50, "only bounds: the highest");
    }

    #[test]
    fn the_summary_keeps_a_war_total_apart_from_the_attacks_toll() {
        let doc = crate::annotate_dated(
            "A drone strike on a mosque killed 31 people on Friday, including 6 children. The war has killed more than 40,000 people since it began.",
            crate::text::calendar::parse_iso("2025-03-14").ok(),
        );
        let s = summary(&doc);
        assert_eq!(s.incidents.len(), 1);
        assert_eq!(s.incidents[0].categories["killed"].best, 31, "{s:?}");
        assert_eq!((s.incidents[0].place.as_deref(), s.incidents[0].date.as_deref()), (None, Some("2025-03-14")), "Friday before the 14th");
        assert_eq!(s.total.get("killed"), Some(&31));
        assert_eq!(s.cumulative.len(), 1);
        assert_eq!((s.cumulative[0].count, s.cumulative[0].qualifier.as_str()), (40000, "moreThan"));
        assert!(s.cumulative[0].bound.contains("since it began"), "{:?}", s.cumulative[0].bound);
        let json = serde_json::to_value(&s).unwrap();
        assert_eq!(json["incidents"][0]["killed"]["best"], 31);
        assert_eq!(json["total"]["killed"], 31);
    }

    #[test]
    fn nested_places_beside_a_figure_are_read_without_slicing_between_them() {
        let mut doc = crate::annotate_dated("In Sochi City, 12 people were killed.", None);
        let s = doc.text().find("Sochi City").unwrap();
        if !doc.annotations().iter().any(|a| (a.start, a.end) == (s, s + 10)) {
            doc.apply(crate::document::Edit::Add { start: s, end: s + 10, label: "PLACE".into() }, crate::text::offset::Unit::Byte).unwrap();
        }
        doc.apply(crate::document::Edit::Add { start: s, end: s + 5, label: "PLACE".into() }, crate::text::offset::Unit::Byte).unwrap();
        let s = summary(&doc);
        assert_eq!(s.incidents[0].place.as_deref(), Some("Sochi City"));
    }

    #[test]
    fn an_incident_takes_the_place_and_date_beside_its_figures() {
        let doc = crate::annotate_dated("Car bomb kills 12\n\nA car bomb killed 12 people in Idlib on Sunday, the monitor said.", crate::text::calendar::parse_iso("2025-07-20").ok());
        let s = summary(&doc);
        assert_eq!((s.incidents[0].place.as_deref(), s.incidents[0].date.as_deref()), (Some("Idlib"), Some("2025-07-20")), "{s:?}");
        let json = serde_json::to_value(&s).unwrap();
        assert_eq!(json["incidents"][0]["place"], "Idlib");
    }

    #[test]
    fn people_shot_with_the_dead_among_them_count_the_survivors_as_injured() {
        let doc = crate::annotate_dated("Seven people were shot, two fatally, police said. Officers found the victims outside.", None);
        let s = summary(&doc);
        assert_eq!(s.total.get("killed"), Some(&2), "{s:?}");
        assert_eq!(s.total.get("injured"), Some(&5), "{s:?}");
        let doc = crate::annotate_dated("Police found three people who were shot inside a car. All three died, bringing the death toll to three.", None);
        assert_eq!(summary(&doc).total.get("injured"), None, "all the people shot died");
        assert_eq!(summary(&doc).total.get("killed"), Some(&3));
        let doc = crate::annotate_dated("Two were killed and four others were shot.", None);
        assert_eq!(summary(&doc).total.get("injured"), Some(&4), "others are the survivors already");
    }

    #[test]
    fn separate_parts_are_added_a_breakdown_and_a_naming_again_are_not() {
        let total = |text: &str, cat: &str| summary(&crate::annotate_dated(text, None)).total.get(cat).copied();
        assert_eq!(total("One police officer was shot. Two other officers were injured by shrapnel.", "injured"), Some(3));
        assert_eq!(total("The bomb killed 10 union leaders and another 8 died in hospital.", "killed"), Some(18));
        assert_eq!(total("The strike killed 15 people, including four children.", "killed"), Some(15), "a breakdown");
        assert_eq!(total("Four shot, two dead in shooting. The two others that were shot are in hospital.", "injured"), Some(2), "named again");
        assert_eq!(total("Gunmen killed twelve and injured twelve more.", "injured"), Some(12), "more than the dead, not more injured");
        assert_eq!(total("Officials said 90 civilians were wounded, as were seventeen soldiers.", "injured"), Some(107));
        assert_eq!(total("The storm injured at least 300 in the north and about 20 in the south.", "injured"), Some(320), "parts by place");
        assert_eq!(total("Police found five people dead: two in the kitchen, two in the garage and one in the yard.", "killed"), Some(5), "a breakdown by place");
    }

    #[test]
    fn a_new_incident_takes_the_lowest_free_id() {
        let mut doc = crate::annotate_dated("A bomb killed 12 people. In a separate incident, four people were injured.", None);
        assert_eq!(new_incident(&doc), "i3");
        let four = doc.annotations().iter().find(|a| a.casualty.as_ref().is_some_and(|c| c.count == Some(4))).unwrap().id_string();
        doc.apply(crate::document::Edit::SetCasualty { id: four, category: "injured".into(), count: Some(4), qualifier: "exact".into(), min: None, max: None, victims: None, scope: None, incident: Some("i5".into()) }, crate::text::offset::Unit::Byte).unwrap();
        assert_eq!(new_incident(&doc), "i2");
    }

    #[test]
    fn an_earlier_toll_gives_way() {
        let total = |text: &str| summary(&crate::annotate_dated(text, None)).total.get("killed").copied();
        assert_eq!(total("The bombings killed at least 20 people. This revised downwards an earlier toll of 27 dead."), Some(20));
        assert_eq!(total("The first toll of 27 dead was revised. The bombings killed 20 people."), Some(20));
    }

    #[test]
    fn timeline_orders_resolved_dates_and_merges_mentions() {
        let doc = crate::annotate_dated("On Saturday talks ended. Fighting began last Sunday and resumed on Saturday; for four hours nothing moved.", crate::text::calendar::parse_iso("2025-07-20").ok());
        let t = timeline(&doc);
        let got: Vec<(&str, usize)> = t.iter().map(|e| (e.value.as_str(), e.mentions.len())).collect();
        assert_eq!(got, vec![("2025-07-13", 1), ("2025-07-19", 2)]);
        assert_eq!(t[1].quotes, vec!["Saturday"]);
    }
}
