//! What the page shows, decided here so the page only renders: annotations with UTF-16
//! positions and a list of details for their tooltips, the text cut into pieces with the ids
//! of the highlights that cover each piece (outermost first), blocks, counts per label, and the
//! reference date with its source.

use serde::Serialize;

use crate::annotation::{Label, Status};
use crate::date;
use crate::document::{Document, ReferenceSource};
use crate::json::{self, ExportAnnotation, ExportEntity};
use crate::offset::Unit;
use crate::segment::BlockKind;

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ViewAnnotation {
    #[serde(flatten)]
    pub annotation: ExportAnnotation,
    /// (name, value) rows for the tooltip and the details panel.
    pub details: Vec<(String, String)>,
}

#[derive(Debug, Serialize)]
pub struct Piece {
    pub start: usize,
    pub end: usize,
    pub ids: Vec<String>,
    /// Page furniture or a line repeated from earlier: shown dimmed.
    pub dim: bool,
}

#[derive(Debug, Serialize)]
pub struct ViewBlock {
    pub start: usize,
    pub end: usize,
    pub kind: BlockKind,
    pub repeated: bool,
}

#[derive(Debug, Serialize)]
pub struct LabelCount {
    pub label: Label,
    /// The key that applies it (`1`–`6` for the built-in ones; may be empty).
    pub key: String,
    pub count: usize,
    /// Defined by the user (can be changed and deleted).
    pub custom: bool,
    /// The base colour, and highlight colours for both themes that keep text readable.
    pub color: String,
    pub theme: crate::color::Theme,
}

#[derive(Debug, Serialize)]
pub struct Review {
    pub suggested: usize,
    pub accepted: usize,
    pub rejected: usize,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct View {
    pub reference_date: Option<String>,
    pub reference_source: ReferenceSource,
    pub user_date: Option<String>,
    pub can_undo: bool,
    pub can_redo: bool,
    pub annotations: Vec<ViewAnnotation>,
    pub entities: Vec<ExportEntity>,
    pub pieces: Vec<Piece>,
    pub blocks: Vec<ViewBlock>,
    pub labels: Vec<LabelCount>,
    /// Suggestions still to review, accepted, rejected.
    pub review: Review,
    pub casualty_summary: Vec<crate::summary::CategorySummary>,
    pub timeline: Vec<crate::summary::TimelineEntry>,
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
    let (anns, entities) = json::annotations_in(doc, unit, true);
    let map = doc.offsets();
    // Sweep over span edges; the covering ids, outermost first, change only at an edge.
    let blocks: Vec<ViewBlock> = doc
        .segmentation()
        .blocks
        .iter()
        .map(|b| ViewBlock { start: map.from_byte(b.start, unit), end: map.from_byte(b.end, unit), kind: b.kind, repeated: b.repeat_of.is_some() })
        .collect();
    let dim: Vec<&ViewBlock> = blocks.iter().filter(|b| b.repeated || b.kind == BlockKind::Boilerplate).collect();
    let mut edges: Vec<usize> = anns.iter().flat_map(|a| [a.start, a.end]).chain(dim.iter().flat_map(|b| [b.start, b.end])).collect();
    edges.push(0);
    edges.push(map.len(unit));
    edges.sort_unstable();
    edges.dedup();
    let mut pieces = Vec::with_capacity(edges.len());
    let mut next = 0; // anns are sorted by start
    let mut active: Vec<usize> = Vec::new();
    let mut next_dim = 0;
    for w in edges.windows(2) {
        let (s, e) = (w[0], w[1]);
        active.retain(|&i| anns[i].end > s);
        while next < anns.len() && anns[next].start <= s {
            if anns[next].end > s {
                active.push(next);
            }
            next += 1;
        }
        active.sort_by_key(|&i| (anns[i].start, std::cmp::Reverse(anns[i].end)));
        while next_dim < dim.len() && dim[next_dim].end <= s {
            next_dim += 1;
        }
        let is_dim = dim.get(next_dim).is_some_and(|b| b.start <= s && e <= b.end);
        pieces.push(Piece { start: s, end: e, ids: active.iter().map(|&i| anns[i].id.clone()).collect(), dim: is_dim });
    }
    let count = |label: Label| anns.iter().filter(|a| a.label == label && a.status != Status::Rejected).count();
    let mut labels: Vec<LabelCount> = Label::ALL
        .iter()
        .enumerate()
        .map(|(k, &label)| {
            let base = crate::color::builtin_base(label);
            LabelCount { label, key: (k + 1).to_string(), count: count(label), custom: false, color: base.hex(), theme: crate::color::theme(base) }
        })
        .collect();
    for d in doc.custom_labels() {
        let (Ok(label), Ok(base)) = (Label::named(&d.name), crate::color::parse_hex(&d.color)) else { continue };
        labels.push(LabelCount { label, key: d.key.clone(), count: count(label), custom: true, color: base.hex(), theme: crate::color::theme(base) });
    }
    View {
        reference_date: doc.reference_date().map(date::iso),
        reference_source: doc.reference_source(),
        user_date: doc.user_date().map(date::iso),
        can_undo: doc.can_undo(),
        can_redo: doc.can_redo(),
        annotations: anns.into_iter().map(|a| ViewAnnotation { details: details(&a), annotation: a }).collect(),
        entities,
        pieces,
        blocks,
        labels,
        review: {
            let (suggested, accepted, rejected) = doc.review_counts();
            Review { suggested, accepted, rejected }
        },
        casualty_summary: crate::summary::summarize(doc),
        timeline: crate::summary::timeline(doc),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_cover_text_and_nest() {
        let doc = Document::annotate("🎉 Two Palestinians were killed in Gaza.", None);
        let v = view(&doc);
        let len = "🎉 Two Palestinians were killed in Gaza.".encode_utf16().count();
        assert_eq!(v.pieces.first().unwrap().start, 0);
        assert_eq!(v.pieces.last().unwrap().end, len);
        assert!(v.pieces.windows(2).all(|w| w[0].end == w[1].start));
        // `Palestinians` sits inside the CASUALTY `Two Palestinians`: outer id first.
        let nested = v.pieces.iter().find(|p| p.ids.len() == 2).expect("a nested piece");
        let outer = v.annotations.iter().find(|a| a.annotation.id == nested.ids[0]).unwrap();
        assert_eq!(outer.annotation.label, Label::Casualty);
        assert_eq!(outer.annotation.start, 3); // 🎉 is two UTF-16 units, then a space
    }

    #[test]
    fn repeated_lines_and_furniture_are_dim() {
        let text = "Share\nFighting in Sweida halted\nFighting in Sweida halted\nBody text here.";
        let v = view(&Document::annotate(text, None));
        let dim: Vec<&str> = v.pieces.iter().filter(|p| p.dim).map(|p| &text[p.start..p.end]).collect();
        assert_eq!(dim.concat(), "ShareFighting in Sweida halted");
        assert!(v.pieces.iter().any(|p| p.dim && !p.ids.is_empty()), "highlights inside a repeated line stay");
    }
}
