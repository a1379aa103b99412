//! After an edit, only what changed on screen: a fingerprint of each chunk and annotation the
//! page shows, compared with the next view, gives the chunks and annotations to send again.

use serde::Serialize;

use super::{Chunk, Panels, View, ViewAnnotation, view};
use crate::document::Document;

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
    #[serde(flatten)]
    pub panels: Panels,
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
        panels: v.panels,
    };
    (d, after)
}

#[cfg(test)]
mod delta_tests {
    use super::*;
    use crate::document::Edit;
    use crate::text::offset::Unit;

    #[test]
    fn an_edit_sends_only_the_chunks_and_annotations_it_touched() {
        let text = "Putin met Erdogan in Sochi.\n\nTwo people were killed in Gaza.\n\nThe talks in Ankara ended.";
        let mut doc = crate::annotate_dated(text, None);
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
        let other = crate::annotate_dated("One line only.", None);
        let (d, _) = delta(&other, &snap2);
        assert!(d.full && d.chunks.len() == d.chunk_count);
    }
}
