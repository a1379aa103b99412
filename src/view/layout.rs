//! The article as the page draws it: the text cut into pieces at every edge of a highlight or
//! a dimmed line, each with the ids of the highlights covering it (outermost first), grouped in
//! chunks (a block, or a part of a long one cut at a sentence) that the page draws as one
//! element and, after an edit, redraws only when they changed.

use serde::Serialize;

use crate::document::Document;
use crate::document::export::ExportAnnotation;
use crate::text::offset::Unit;
use crate::text::segment::BlockKind;

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

/// The chunks and blocks of `doc` with its annotations `anns` (sorted by start), in `unit`.
pub fn layout(doc: &Document, anns: &[ExportAnnotation], unit: Unit) -> (Vec<Chunk>, Vec<ViewBlock>) {
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
    (chunks, blocks)
}
