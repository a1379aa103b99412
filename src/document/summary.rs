//! The casualty table of one article, as a conflict-data coder copies it into an event record:
//! for each category the distinct figures reported (a figure repeated by the paste, such as a
//! headline printed twice, counts once, with all its mentions), their lowest and highest, and a
//! best estimate.
//!
//! Conventions: a figure is a (count, qualifier) pair; ranges and bounds give their `min`/`max`
//! to the lowest and highest; the best estimate is the largest figure that is not an upper
//! bound (tolls are revised upwards and a subset, `including four children`, is smaller than
//! its total), else the highest. Counts without a number (`several`) are left out.

use serde::Serialize;

use crate::annotation::{CATEGORIES, Label};
use crate::document::Document;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Figure {
    pub count: u64,
    pub qualifier: String,
    pub mentions: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CategorySummary {
    pub category: String,
    pub figures: Vec<Figure>,
    pub low: u64,
    pub high: u64,
    pub best: u64,
}

/// The casualty summary of `doc`, one entry per category that has a figure.
pub fn summarize(doc: &Document) -> Vec<CategorySummary> {
    let mut out = Vec::new();
    for category in CATEGORIES {
        let mut figures: Vec<Figure> = Vec::new();
        let (mut low, mut high, mut best) = (u64::MAX, 0u64, None::<u64>);
        for a in doc.live().filter(|a| a.label == Label::Casualty) {
            let Some(c) = a.casualty.as_ref().filter(|c| c.category == category) else { continue };
            let Some(count) = c.count else { continue };
            low = low.min(c.min.unwrap_or(count));
            high = high.max(c.max.unwrap_or(count));
            if c.qualifier != "atMost" && c.qualifier != "range" {
                best = Some(best.map_or(count, |b| b.max(count)));
            }
            match figures.iter_mut().find(|f| f.count == count && f.qualifier == c.qualifier) {
                Some(f) => f.mentions.push(a.id_string()),
                None => figures.push(Figure { count, qualifier: c.qualifier.clone(), mentions: vec![a.id_string()] }),
            }
        }
        if !figures.is_empty() {
            out.push(CategorySummary { category: category.to_string(), figures, low, high, best: best.unwrap_or(high) });
        }
    }
    out
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
        let s = summarize(&doc);
        let killed = s.iter().find(|c| c.category == "killed").unwrap();
        assert_eq!(killed.figures.len(), 2, "{killed:?}");
        assert_eq!(killed.figures[0].count, 900);
        assert_eq!(killed.figures[0].mentions.len(), 3);
        assert_eq!((killed.low, killed.high, killed.best), (15, 900, 900));
        let injured = s.iter().find(|c| c.category == "injured").unwrap();
        assert_eq!((injured.low, injured.high), (10, 50));
        assert_eq!(injured.best, 50, "only bounds: the highest");
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
