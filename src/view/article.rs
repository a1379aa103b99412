//! The article as the page draws it: the text of some chunks cut into pieces at every edge of a
//! highlight or a dimmed stretch, each piece with the ids of the highlights covering it,
//! outermost first, in flat arrays (typed arrays in the browser: the page reads them as they
//! come, with no parsing).

use super::layout::Layout;
use crate::document::Document;
use crate::text::offset::Unit;

/// An annotation's span in UTF-16 units, with its id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: u32,
    pub end: u32,
    pub id: u32,
}

/// Every annotation's span (rejected ones too: the page shows them struck through), in the
/// document's order: by start, the longer first.
pub fn spans(doc: &Document) -> Vec<Span> {
    let map = doc.offsets();
    let u16 = |b: usize| map.from_byte(b, Unit::Utf16) as u32;
    doc.annotations().iter().map(|a| Span { start: u16(a.start), end: u16(a.end), id: a.id }).collect()
}

/// The pieces of some chunks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pieces {
    /// The chunks drawn, by index, in order.
    pub chunks: Vec<u32>,
    /// Chunk `chunks[k]`'s pieces are `first[k]..first[k + 1]`.
    pub first: Vec<u32>,
    /// Where each piece ends; a piece starts where the one before it in its chunk ends, the
    /// first at its chunk's start.
    pub ends: Vec<u32>,
    /// Piece `p` is covered by `ids[cover[p]..cover[p + 1]]`, outermost first.
    pub cover: Vec<u32>,
    pub ids: Vec<u32>,
    /// 1 for a dimmed piece.
    pub dim: Vec<u8>,
}

/// The pieces of `chunks` (indexes, in increasing order) of a text laid out as `layout`, with
/// the annotations `spans` (in the order of [`spans`]).
pub fn pieces(layout: &Layout, spans: &[Span], chunks: &[u32]) -> Pieces {
    let longest = spans.iter().map(|s| s.end - s.start).max().unwrap_or(0);
    let mut out = Pieces { first: vec![0], cover: vec![0], ..Pieces::default() };
    let mut edges: Vec<u32> = Vec::new();
    let mut active: Vec<Span> = Vec::new();
    for &k in chunks {
        let (cs, ce) = (layout.cuts[k as usize], layout.cuts[k as usize + 1]);
        // The spans that reach into the chunk, in order: none starts more than `longest` before it.
        let from = spans.partition_point(|s| s.start + longest <= cs);
        let here: Vec<Span> = spans[from..].iter().take_while(|s| s.start < ce).filter(|s| s.end > cs).copied().collect();
        // (Dimmed stretches are in order and do not overlap: those ending after the chunk's start.)
        let (mut d0, mut hi) = (0, layout.dim.len() / 2);
        while d0 < hi {
            let mid = (d0 + hi) / 2;
            if layout.dim[2 * mid + 1] <= cs { d0 = mid + 1 } else { hi = mid }
        }
        let dims: Vec<(u32, u32)> = layout.dim[2 * d0..].chunks(2).map(|p| (p[0], p[1])).take_while(|&(s, _)| s < ce).collect();
        edges.clear();
        edges.extend([cs, ce]);
        edges.extend(here.iter().flat_map(|s| [s.start, s.end]).chain(dims.iter().flat_map(|&(s, e)| [s, e])).filter(|&x| x > cs && x < ce));
        edges.sort_unstable();
        edges.dedup();
        // Sweep: at each edge drop the spans that ended, take in those that start; in the
        // document's order, so the outermost comes first.
        active.clear();
        let mut next = 0;
        for w in edges.windows(2) {
            let (s, e) = (w[0], w[1]);
            active.retain(|a| a.end > s);
            while next < here.len() && here[next].start <= s {
                if here[next].end > s {
                    active.push(here[next]);
                }
                next += 1;
            }
            out.ends.push(e);
            out.ids.extend(active.iter().map(|a| a.id));
            out.cover.push(out.ids.len() as u32);
            out.dim.push(u8::from(dims.iter().any(|&(ds, de)| ds <= s && e <= de)));
        }
        out.chunks.push(k);
        out.first.push(out.ends.len() as u32);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::layout::layout;
    use super::*;

    /// The pieces as (text, ids, dim), chunk by chunk.
    fn read(text: &str, p: &Pieces, cuts: &[u32]) -> Vec<Vec<(String, Vec<u32>, bool)>> {
        let units: Vec<u16> = text.encode_utf16().collect();
        (0..p.chunks.len())
            .map(|k| {
                let mut start = cuts[p.chunks[k] as usize];
                (p.first[k]..p.first[k + 1])
                    .map(|i| {
                        let i = i as usize;
                        let piece = (String::from_utf16(&units[start as usize..p.ends[i] as usize]).unwrap(), p.ids[p.cover[i] as usize..p.cover[i + 1] as usize].to_vec(), p.dim[i] == 1);
                        start = p.ends[i];
                        piece
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn pieces_cover_the_text_nest_outermost_first_and_keep_dimmed_lines() {
        let text = "🎉 Two Palestinians were killed in Gaza.\nShare\nTwo more died.";
        let doc = crate::annotate_dated(text, None);
        let l = layout(&doc);
        let all: Vec<u32> = (0..l.chunk_count() as u32).collect();
        let p = pieces(&l, &spans(&doc), &all);
        let got = read(text, &p, &l.cuts);
        let flat: String = got.iter().flatten().map(|x| x.0.as_str()).collect();
        assert_eq!(flat, text, "the pieces are the whole text");
        // `Palestinians` inside the CASUALTY `Two Palestinians`: the casualty first.
        let id_of = |q: &str, l: crate::Label| doc.annotations().iter().find(|a| &text[a.start..a.end] == q && a.label == l).unwrap().id;
        let nested = got[0].iter().find(|x| x.0 == "Palestinians").unwrap();
        assert_eq!(nested.1, [id_of("Two Palestinians", crate::Label::Casualty), id_of("Palestinians", crate::Label::Group)]);
        assert!(got[1].iter().any(|x| x.0 == "Share" && x.2), "the share prompt is dimmed: {:?}", got[1]);
        // Only the chunks asked for.
        let one = pieces(&l, &spans(&doc), &[2]);
        assert_eq!(read(text, &one, &l.cuts), vec![got[2].clone()]);
    }
}
