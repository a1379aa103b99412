//! Where the article is cut into chunks, and which stretches of it are dimmed. Both come from
//! the text's structure alone (blocks and sentences), never from the annotations, so an edit
//! never moves them: the page draws each chunk as one element and after an edit redraws only
//! the chunks the edit touched.

use crate::document::Document;
use crate::text::offset::Unit;
use crate::text::segment::BlockKind;

/// A long block is cut at the first sentence start past this many bytes.
const CHUNK: usize = 4096;

/// Chunk boundaries and dimmed stretches, in UTF-16 units.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    /// Chunk `k` is `cuts[k]..cuts[k + 1]`; the first cut is 0, the last the text's length.
    pub cuts: Vec<u32>,
    /// Stretches shown dimmed (page furniture, lines repeated from earlier): pairs of start and
    /// end, in text order.
    pub dim: Vec<u32>,
}

impl Layout {
    pub fn chunk_count(&self) -> usize {
        self.cuts.len().saturating_sub(1)
    }

    /// The chunk holding UTF-16 position `pos` (the last one for the text's end).
    pub fn chunk_of(&self, pos: u32) -> usize {
        self.cuts.partition_point(|&c| c <= pos).saturating_sub(1).min(self.chunk_count().saturating_sub(1))
    }

    /// The chunks a span `start..end` touches.
    pub fn chunks_of(&self, start: u32, end: u32) -> std::ops::RangeInclusive<usize> {
        self.chunk_of(start)..=self.chunk_of(end.saturating_sub(1).max(start))
    }
}

/// The layout of `doc`: a chunk for every block, long blocks cut at sentence starts.
pub fn layout(doc: &Document) -> Layout {
    let map = doc.offsets();
    let seg = doc.segmentation();
    let u16 = |b: usize| map.from_byte(b, Unit::Utf16) as u32;
    let mut cuts: Vec<usize> = vec![0];
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
    let mut cuts: Vec<u32> = cuts.into_iter().map(u16).collect();
    cuts.push(map.len(Unit::Utf16) as u32);
    cuts.sort_unstable();
    cuts.dedup();
    let dim = seg.blocks.iter().filter(|b| b.repeat_of.is_some() || b.kind == BlockKind::Boilerplate).flat_map(|b| [u16(b.start), u16(b.end)]).collect();
    Layout { cuts, dim }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_follow_blocks_and_never_split_a_character() {
        let text = "🎉 Share\nFighting in Sweida halted\nFighting in Sweida halted\nBody text here.";
        let l = layout(&Document::new(text));
        assert_eq!(l.chunk_count(), 4);
        assert_eq!(*l.cuts.last().unwrap() as usize, text.encode_utf16().count());
        // The boilerplate line and the repeated headline are dimmed.
        let units: Vec<u16> = text.encode_utf16().collect();
        let dimmed: Vec<String> = l.dim.chunks(2).map(|p| String::from_utf16(&units[p[0] as usize..p[1] as usize]).unwrap()).collect();
        assert_eq!(dimmed, ["🎉 Share", "Fighting in Sweida halted"]);
        assert_eq!(l.chunk_of(0), 0);
        assert_eq!(l.chunk_of(*l.cuts.last().unwrap()), 3);
        assert_eq!(l.chunks_of(l.cuts[1], l.cuts[2]), 1..=1);
        assert_eq!(l.chunks_of(l.cuts[1] - 1, l.cuts[2] + 1), 0..=2);
    }
}
