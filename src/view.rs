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

#[derive(Debug, Serialize, Clone, PartialEq, Eq, Hash)]
pub struct Piece {
    pub start: usize,
    pub end: usize,
    pub ids: Vec<String>,
    /// Page furniture or a line repeated from earlier: shown dimmed.
    pub dim: bool,
}

#[derive(Debug, Serialize, Clone, PartialEq, Eq, Hash)]
pub struct Chunk {
    pub start: usize,
    pub end: usize,
    pub pieces: Vec<Piece>,
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
    /// The user has changed what the machine suggested (annotating again would lose it).
    pub user_work: bool,
    pub annotations: Vec<ViewAnnotation>,
    pub entities: Vec<ExportEntity>,
    /// The text in chunks (a block, or a part of a long one, cut at a sentence), each with its
    /// pieces: the page renders a chunk as one element and after an edit redraws only the
    /// chunks that changed.
    pub chunks: Vec<Chunk>,
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
    // Chunk edges: every block start, and sentence starts inside blocks longer than 4 KB.
    const CHUNK: usize = 4096;
    let mut cuts: Vec<usize> = vec![0];
    let seg = doc.segmentation();
    let mut sent = seg.sentences.iter().peekable();
    for b in &seg.blocks {
        if b.start > 0 {
            cuts.push(b.start);
        }
        let mut last = b.start;
        while let Some(s) = sent.peek() {
            if s.start >= b.end {
                break;
            }
            if s.start > last + CHUNK {
                cuts.push(s.start);
                last = s.start;
            }
            sent.next();
        }
    }
    let mut cuts: Vec<usize> = cuts.into_iter().map(|b| map.from_byte(b, unit)).collect();
    cuts.push(map.len(unit));
    cuts.sort_unstable();
    cuts.dedup();
    edges.extend(cuts.iter().copied());
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
    let mut chunks: Vec<Chunk> = cuts.windows(2).map(|w| Chunk { start: w[0], end: w[1], pieces: Vec::new() }).collect();
    let mut k = 0;
    for p in pieces {
        while k + 1 < chunks.len() && p.start >= chunks[k].end {
            k += 1;
        }
        if let Some(c) = chunks.get_mut(k) {
            c.pieces.push(p);
        }
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
        user_work: doc.has_user_work(),
        can_redo: doc.can_redo(),
        annotations: anns.into_iter().map(|a| ViewAnnotation { details: details(&a), annotation: a }).collect(),
        entities,
        chunks,
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
        let v = view(&Document::annotate(text, None));
        let pieces: Vec<&Piece> = v.chunks.iter().flat_map(|c| &c.pieces).collect();
        let dim: Vec<&str> = pieces.iter().filter(|p| p.dim).map(|p| &text[p.start..p.end]).collect();
        assert_eq!(dim.concat(), "ShareFighting in Sweida halted");
        assert!(pieces.iter().any(|p| p.dim && !p.ids.is_empty()), "highlights inside a repeated line stay");
        // One chunk a line, each holding exactly its pieces.
        assert_eq!(v.chunks.len(), 4);
        assert!(v.chunks.iter().all(|c| c.pieces.first().unwrap().start == c.start && c.pieces.last().unwrap().end == c.end));
    }
}

/// What the page showed last: a fingerprint of each chunk (its pieces and the annotations in
/// it) and of each annotation, to send only what an edit changed.
#[derive(Debug, Default, Clone)]
pub struct Snapshot {
    chunks: Vec<(usize, usize, u64)>,
    anns: std::collections::HashMap<String, u64>,
}

/// A view after an edit: the chunks and annotations that changed (all of them when the chunk
/// layout moved), with the side panels' data whole.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Delta {
    /// The chunk layout changed: the page redraws the whole article from `chunks`.
    pub full: bool,
    pub chunk_count: usize,
    /// Changed chunks with their index.
    pub chunks: Vec<(usize, Chunk)>,
    /// Annotations new or changed.
    pub annotations: Vec<ViewAnnotation>,
    /// Ids of annotations gone.
    pub removed: Vec<String>,
    pub reference_date: Option<String>,
    pub reference_source: ReferenceSource,
    pub user_date: Option<String>,
    pub can_undo: bool,
    pub can_redo: bool,
    pub user_work: bool,
    pub entities: Vec<ExportEntity>,
    pub labels: Vec<LabelCount>,
    pub review: Review,
    pub casualty_summary: Vec<crate::summary::CategorySummary>,
    pub timeline: Vec<crate::summary::TimelineEntry>,
}

fn fingerprint<T: std::hash::Hash>(t: &T) -> u64 {
    use std::hash::Hasher;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    t.hash(&mut h);
    h.finish()
}

/// The snapshot of a full view.
pub fn snapshot(v: &View) -> Snapshot {
    let anns: std::collections::HashMap<String, u64> = v.annotations.iter().map(|a| (a.annotation.id.clone(), fingerprint(&a.annotation))).collect();
    let chunks = v
        .chunks
        .iter()
        .map(|c| {
            let mut h = fingerprint(c);
            for id in c.pieces.iter().flat_map(|p| &p.ids) {
                h = h.rotate_left(5) ^ anns.get(id).copied().unwrap_or(0);
            }
            (c.start, c.end, h)
        })
        .collect();
    Snapshot { chunks, anns }
}

/// What changed in `doc`'s view since `before`, and the new snapshot.
pub fn delta(doc: &Document, before: &Snapshot) -> (Delta, Snapshot) {
    let v = view(doc);
    let after = snapshot(&v);
    let same_layout = before.chunks.len() == after.chunks.len() && before.chunks.iter().zip(&after.chunks).all(|(a, b)| a.0 == b.0 && a.1 == b.1);
    let chunk_count = v.chunks.len();
    let chunks: Vec<(usize, Chunk)> = v
        .chunks
        .into_iter()
        .enumerate()
        .filter(|(k, _)| !same_layout || before.chunks[*k].2 != after.chunks[*k].2)
        .collect();
    let annotations: Vec<ViewAnnotation> = v.annotations.into_iter().filter(|a| before.anns.get(&a.annotation.id) != after.anns.get(&a.annotation.id)).collect();
    let mut removed: Vec<String> = before.anns.keys().filter(|id| !after.anns.contains_key(*id)).cloned().collect();
    removed.sort();
    let d = Delta {
        full: !same_layout,
        chunk_count,
        chunks,
        annotations,
        removed,
        reference_date: v.reference_date,
        reference_source: v.reference_source,
        user_date: v.user_date,
        can_undo: v.can_undo,
        can_redo: v.can_redo,
        user_work: v.user_work,
        entities: v.entities,
        labels: v.labels,
        review: v.review,
        casualty_summary: v.casualty_summary,
        timeline: v.timeline,
    };
    (d, after)
}

#[cfg(test)]
mod delta_tests {
    use super::*;
    use crate::document::Edit;
    use crate::offset::Unit;

    #[test]
    fn an_edit_sends_only_the_chunks_and_annotations_it_touched() {
        let text = "Putin met Erdogan in Sochi.\n\nTwo people were killed in Gaza.\n\nThe talks in Ankara ended.";
        let mut doc = Document::annotate(text, None);
        let snap = snapshot(&view(&doc));
        let gaza = doc.annotations().iter().find(|a| &text[a.start..a.end] == "Gaza").unwrap().id_string();
        doc.apply(Edit::Relabel { id: gaza.clone(), label: "ORG".into() }, Unit::Byte).unwrap();
        let (d, snap2) = delta(&doc, &snap);
        assert!(!d.full);
        assert_eq!(d.chunk_count, 3);
        assert_eq!(d.chunks.iter().map(|(k, _)| *k).collect::<Vec<_>>(), vec![1], "only the second paragraph");
        assert_eq!(d.annotations.iter().map(|a| a.annotation.id.clone()).collect::<Vec<_>>(), vec![gaza.clone()]);
        assert!(d.removed.is_empty());
        // Nothing changed: nothing sent. A removal is listed.
        let (d, _) = delta(&doc, &snap2);
        assert!(d.chunks.is_empty() && d.annotations.is_empty());
        doc.apply(Edit::Remove { id: gaza.clone() }, Unit::Byte).unwrap();
        let (d, _) = delta(&doc, &snap2);
        assert_eq!(d.removed, vec![gaza]);
        assert_eq!(d.chunks.len(), 1);
        // A new text: the layout moved, everything is sent.
        let other = Document::annotate("One line only.", None);
        let (d, _) = delta(&other, &snap2);
        assert!(d.full && d.chunks.len() == d.chunk_count);
    }
}
