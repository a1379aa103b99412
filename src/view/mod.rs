//! What the page shows, decided here so the page only renders: annotations with UTF-16
//! positions and a list of details for their tooltips, the article cut into chunks and pieces
//! (`layout`), the legend with contrast-safe colours (`legend`), the side panels' data, and after
//! an edit only what changed (`delta`). The page's size limit is here too (`page`).

mod delta;
pub mod layout;
pub mod legend;
pub mod page;

use serde::Serialize;

pub use self::delta::{Delta, Snapshot, delta, snapshot};
pub use self::layout::{Chunk, Piece, ViewBlock};
pub use self::legend::LabelCount;
use crate::document::export::{ExportAnnotation, ExportEntity};
use crate::document::summary::{self, CategorySummary, TimelineEntry};
use crate::document::{Document, ReferenceSource};
use crate::text::calendar;
use crate::text::offset::Unit;

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ViewAnnotation {
    #[serde(flatten)]
    pub annotation: ExportAnnotation,
    /// (name, value) rows for the tooltip and the details panel.
    pub details: Vec<(String, String)>,
}

#[derive(Debug, Serialize)]
pub struct Review {
    pub suggested: usize,
    pub accepted: usize,
    pub rejected: usize,
}

/// The side panels and the bar: what both a whole view and a delta carry in full.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Panels {
    pub reference_date: Option<String>,
    pub reference_source: ReferenceSource,
    pub user_date: Option<String>,
    pub can_undo: bool,
    pub can_redo: bool,
    /// The user has changed what the machine suggested (annotating again would lose it).
    pub user_work: bool,
    pub entities: Vec<ExportEntity>,
    pub labels: Vec<LabelCount>,
    /// Suggestions still to review, accepted, rejected.
    pub review: Review,
    pub casualty_summary: Vec<CategorySummary>,
    pub timeline: Vec<TimelineEntry>,
}

impl Panels {
    fn of(doc: &Document, anns: &[ExportAnnotation], entities: Vec<ExportEntity>) -> Panels {
        let (suggested, accepted, rejected) = doc.review_counts();
        Panels {
            reference_date: doc.reference_date().map(calendar::iso),
            reference_source: doc.reference_source(),
            user_date: doc.user_date().map(calendar::iso),
            can_undo: doc.can_undo(),
            can_redo: doc.can_redo(),
            user_work: doc.has_user_work(),
            entities,
            labels: legend::labels(doc, anns),
            review: Review { suggested, accepted, rejected },
            casualty_summary: summary::summarize(doc),
            timeline: summary::timeline(doc),
        }
    }
}

/// The whole view of a document.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct View {
    pub annotations: Vec<ViewAnnotation>,
    /// The text in chunks (a block, or a part of a long one, cut at a sentence), each with its
    /// pieces: the page renders a chunk as one element and after an edit redraws only the
    /// chunks that changed.
    pub chunks: Vec<Chunk>,
    pub blocks: Vec<ViewBlock>,
    #[serde(flatten)]
    pub panels: Panels,
}

fn details(a: &ExportAnnotation) -> Vec<(String, String)> {
    let mut d = vec![("label".to_string(), a.label.as_str().to_string())];
    d.push(("text".into(), a.quote.clone()));
    d.push(("origin".into(), format!("{:?}", a.origin).to_lowercase()));
    d.push(("status".into(), format!("{:?}", a.status).to_lowercase()));
    if let Some(r) = &a.rule {
        d.push(("rule".into(), r.clone()));
    }
    if let Some(dt) = &a.date {
        d.push(("type".into(), dt.kind.clone()));
        d.push(("value".into(), dt.value.clone()));
    }
    if let Some(c) = &a.casualty {
        let n = |v: Option<u64>| v.map_or("—".to_string(), |v| v.to_string());
        d.push(("category".into(), c.category.clone()));
        d.push(("count".into(), n(c.count)));
        d.push(("qualifier".into(), c.qualifier.clone()));
        d.push(("min".into(), n(c.min)));
        d.push(("max".into(), n(c.max)));
        d.push(("victims".into(), c.victims.clone().unwrap_or_else(|| "—".into())));
    }
    d
}

/// The view of `doc` for the page, positions in UTF-16 units.
pub fn view(doc: &Document) -> View {
    let unit = Unit::Utf16;
    let (anns, entities) = doc.exported(unit, true);
    let (chunks, blocks) = layout::layout(doc, &anns, unit);
    let panels = Panels::of(doc, &anns, entities);
    View { annotations: anns.into_iter().map(|a| ViewAnnotation { details: details(&a), annotation: a }).collect(), chunks, blocks, panels }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::Label;

    #[test]
    fn pieces_cover_text_and_nest() {
        let doc = crate::annotate_dated("🎉 Two Palestinians were killed in Gaza.", None);
        let v = view(&doc);
        let pieces: Vec<&Piece> = v.chunks.iter().flat_map(|c| &c.pieces).collect();
        let len = "🎉 Two Palestinians were killed in Gaza.".encode_utf16().count();
        assert_eq!(pieces.first().unwrap().start, 0);
        assert_eq!(pieces.last().unwrap().end, len);
        assert!(pieces.windows(2).all(|w| w[0].end == w[1].start));
        // `Palestinians` sits inside the CASUALTY `Two Palestinians`: outer id first.
        let nested = pieces.iter().find(|p| p.ids.len() == 2).expect("a nested piece");
        let outer = v.annotations.iter().find(|a| a.annotation.id == nested.ids[0]).unwrap();
        assert_eq!(outer.annotation.label, Label::Casualty);
        assert_eq!(outer.annotation.start, 3); // 🎉 is two UTF-16 units, then a space
    }

    #[test]
    fn repeated_lines_and_furniture_are_dim() {
        let text = "Share\nFighting in Sweida halted\nFighting in Sweida halted\nBody text here.";
        let v = view(&crate::annotate_dated(text, None));
        let pieces: Vec<&Piece> = v.chunks.iter().flat_map(|c| &c.pieces).collect();
        let dim: Vec<&str> = pieces.iter().filter(|p| p.dim).map(|p| &text[p.start..p.end]).collect();
        assert_eq!(dim.concat(), "ShareFighting in Sweida halted");
        assert!(pieces.iter().any(|p| p.dim && !p.ids.is_empty()), "highlights inside a repeated line stay");
        // One chunk a line, each holding exactly its pieces.
        assert_eq!(v.chunks.len(), 4);
        assert!(v.chunks.iter().all(|c| c.pieces.first().unwrap().start == c.start && c.pieces.last().unwrap().end == c.end));
    }
}
