//! The bar and the side panels: the reference date and where it comes from, undo and redo, the
//! review count, the legend, the entities with their mentions, the casualty table, the timeline
//! and the annotations grouped by label and text. Sent whole with every view and every edit
//! (they are small next to the article), as plain objects.

use serde::Serialize;

use super::legend::{self, LabelCount};
use crate::annotation::Label;
use crate::document::export::ExportEntity;
use crate::document::summary::{self, CasualtySummary, TimelineEntry};
use crate::document::{Document, ReferenceSource};
use crate::text::calendar;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Review {
    pub suggested: usize,
    pub accepted: usize,
    pub rejected: usize,
}

/// An entity with its mentions and the distinct ways the text writes it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityRow {
    pub id: String,
    pub label: Label,
    pub name: String,
    pub mentions: Vec<String>,
    pub quotes: Vec<String>,
}

/// A distinct text (and value) of a label, with its first mention and how often it occurs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub id: String,
    pub quote: String,
    /// A date's value, or a count's category and number.
    pub extra: String,
    pub n: usize,
}

/// The annotations of one label, by distinct text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LabelGroup {
    pub label: Label,
    pub count: usize,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Panels {
    pub reference_date: Option<String>,
    pub reference_source: ReferenceSource,
    pub user_date: Option<String>,
    pub can_undo: bool,
    pub can_redo: bool,
    /// Suggestions still to review, accepted, rejected.
    pub review: Review,
    pub labels: Vec<LabelCount>,
    pub entities: Vec<EntityRow>,
    /// The casualty summary as the export gives it: the incidents (each with where and when
    /// the article says it), the article's totals, and the totals over a war or a period,
    /// listed apart and never added to the incidents.
    pub casualties: CasualtySummary,
    /// The id a figure moved to a new incident takes.
    pub new_incident: String,
    pub timeline: Vec<TimelineEntry>,
    pub by_label: Vec<LabelGroup>,
}

/// The entities of `doc` with their quotes.
pub fn entities(doc: &Document, entities: Vec<ExportEntity>) -> Vec<EntityRow> {
    let by_id: std::collections::HashMap<u32, &str> = doc.annotations().iter().map(|a| (a.id, &doc.text()[a.start..a.end])).collect();
    entities
        .into_iter()
        .map(|e| {
            let mut quotes: Vec<String> = Vec::new();
            for m in &e.mentions {
                let q = m.strip_prefix('a').and_then(|n| n.parse::<u32>().ok()).and_then(|n| by_id.get(&n)).copied().unwrap_or("");
                if !quotes.iter().any(|x| x == q) {
                    quotes.push(q.to_string());
                }
            }
            EntityRow { id: e.id, label: e.label, name: e.name, mentions: e.mentions, quotes }
        })
        .collect()
}

/// The annotations that count, by label and distinct text and value, labels in legend order.
fn by_label(doc: &Document, labels: &[LabelCount]) -> Vec<LabelGroup> {
    let mut out = Vec::new();
    for l in labels {
        let mut rows: Vec<Row> = Vec::new();
        let mut count = 0;
        for a in doc.live().filter(|a| a.label == l.label) {
            count += 1;
            let quote = &doc.text()[a.start..a.end];
            let extra = match (&a.date, &a.casualty) {
                (Some(d), _) => d.value.clone(),
                (_, Some(c)) => format!("{} {}", c.category, c.count.map_or("?".to_string(), |n| n.to_string())),
                _ => String::new(),
            };
            match rows.iter_mut().find(|r| r.quote == quote && r.extra == extra) {
                Some(r) => r.n += 1,
                None => rows.push(Row { id: a.id_string(), quote: quote.to_string(), extra, n: 1 }),
            }
        }
        if count > 0 {
            out.push(LabelGroup { label: l.label, count, rows });
        }
    }
    out
}

/// The panels of `doc`.
pub fn panels(doc: &Document) -> Panels {
    let (suggested, accepted, rejected) = doc.review_counts();
    let labels = legend::labels(doc);
    Panels {
        reference_date: doc.reference_date().map(calendar::iso),
        reference_source: doc.reference_source(),
        user_date: doc.user_date().map(calendar::iso),
        can_undo: doc.can_undo(),
        can_redo: doc.can_redo(),
        review: Review { suggested, accepted, rejected },
        entities: entities(doc, doc.entities()),
        casualties: summary::summary(doc),
        new_incident: summary::new_incident(doc),
        timeline: summary::timeline(doc),
        by_label: by_label(doc, &labels),
        labels,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panels_group_entities_and_labels_by_text() {
        let text = "Vladimir Putin met Erdogan. Putin left. Putin returned on Saturday and Saturday.";
        let doc = crate::annotate_dated(text, crate::text::calendar::parse_iso("2025-07-20").ok());
        let p = panels(&doc);
        let putin = p.entities.iter().find(|e| e.name == "Vladimir Putin").unwrap();
        assert_eq!(putin.mentions.len(), 3);
        assert_eq!(putin.quotes, ["Vladimir Putin", "Putin"]);
        let dates = p.by_label.iter().find(|g| g.label == Label::Date).unwrap();
        assert_eq!((dates.count, dates.rows.len(), dates.rows[0].n, dates.rows[0].extra.as_str()), (2, 1, 2, "2025-07-19"));
        assert_eq!(p.review.suggested, doc.annotations().len());
        assert_eq!(p.reference_source, ReferenceSource::User);
    }
}
