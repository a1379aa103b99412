//! What the page shows, decided here so the page only draws: the article cut into chunks and
//! pieces (`layout`, `article`), the highlights (`marks`), the bar and side panels (`panels`,
//! `legend`), and after an edit only what it changed. The bulk (pieces and marks) is flat arrays
//! of numbers, which cross into the browser as typed arrays; the panels are small plain
//! objects. [`Screen`] remembers what the page shows, to send only what an edit changed. The
//! page's size limit is here too (`limit`).

pub mod article;
pub mod layout;
pub mod legend;
pub mod library;
pub mod limit;
pub mod marks;
pub mod panels;

use serde::Serialize;

pub use self::article::Pieces;
pub use self::layout::Layout;
pub use self::legend::LabelCount;
pub use self::marks::Marks;
pub use self::panels::Panels;
use crate::annotation::Annotation;
use crate::document::Document;
use crate::document::export::ExportAnnotation;
use crate::text::offset::Unit;

/// Everything the page draws when a document opens.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub layout: Layout,
    pub pieces: Pieces,
    pub marks: Marks,
    pub panels: Panels,
}

/// What an edit changed on screen: the chunks it touched, drawn again, the highlights new or
/// changed, those gone, and the panels.
#[derive(Debug, Clone, PartialEq)]
pub struct Delta {
    pub pieces: Pieces,
    pub marks: Marks,
    pub removed: Vec<u32>,
    /// The annotations that were not on screen before (the one a selection just made, or one
    /// an undo brings back), for the page to select.
    pub added: Vec<u32>,
    /// The annotation the page should select and focus: the one just added (by a selection, or
    /// brought back by an undo), or after an undo or a redo the one it changed.
    pub focus: Option<u32>,
    pub panels: Panels,
}

/// What the page shows now: its layout and the annotations as last drawn.
#[derive(Debug, Clone, Default)]
pub struct Screen {
    layout: Layout,
    shown: Vec<Annotation>,
}

impl Screen {
    /// Opens `doc`: lays it out and draws it all.
    pub fn open(doc: &Document) -> (Screen, Page) {
        let layout = layout::layout(doc);
        let screen = Screen { layout, shown: doc.annotations().to_vec() };
        let page = screen.page(doc);
        (screen, page)
    }

    /// What the page shows of `doc` laid out as `layout` (computed elsewhere, as the page's
    /// worker does for a long text), without drawing it here.
    pub fn adopt(doc: &Document, layout: Layout) -> Screen {
        Screen { layout, shown: doc.annotations().to_vec() }
    }

    /// All of `doc` as this screen lays it out.
    pub fn page(&self, doc: &Document) -> Page {
        let all: Vec<u32> = (0..self.layout.chunk_count() as u32).collect();
        Page { layout: self.layout.clone(), pieces: article::pieces(&self.layout, &article::spans(doc), &all), marks: marks::marks(doc, doc.annotations()), panels: panels::panels(doc) }
    }

    /// What changed since the page last drew `doc` after an undo or a redo: [`Screen::delta`],
    /// the focus on the one annotation it changed when it changed one (so the next key acts on
    /// it, not on its neighbour).
    pub fn step(&mut self, doc: &Document) -> Delta {
        let mut d = self.delta(doc);
        if d.focus.is_none() && d.removed.is_empty() && d.marks.id.len() == 1 {
            d.focus = Some(d.marks.id[0]);
        }
        d
    }

    /// What changed since the page last drew `doc` (after an edit, an undo, a redo).
    pub fn delta(&mut self, doc: &Document) -> Delta {
        let map = doc.offsets();
        let u16 = |b: usize| map.from_byte(b, Unit::Utf16) as u32;
        let before: std::collections::HashMap<u32, &Annotation> = self.shown.iter().map(|a| (a.id, a)).collect();
        let now: std::collections::HashSet<u32> = doc.annotations().iter().map(|a| a.id).collect();
        let mut touched = std::collections::BTreeSet::new();
        let mut changed = Vec::new();
        let mut added = Vec::new();
        for a in doc.annotations() {
            let old = before.get(&a.id);
            if old.is_none() {
                added.push(a.id);
            }
            if old.is_some_and(|o| *o == a) {
                continue;
            }
            changed.push(a);
            touched.extend(self.layout.chunks_of(u16(a.start), u16(a.end)));
            if let Some(o) = old {
                touched.extend(self.layout.chunks_of(u16(o.start), u16(o.end)));
            }
        }
        let mut removed = Vec::new();
        for o in self.shown.iter().filter(|o| !now.contains(&o.id)) {
            removed.push(o.id);
            touched.extend(self.layout.chunks_of(u16(o.start), u16(o.end)));
        }
        let chunks: Vec<u32> = touched.into_iter().map(|k| k as u32).collect();
        let focus = (added.len() == 1 && removed.is_empty()).then(|| added[0]);
        let delta = Delta { pieces: article::pieces(&self.layout, &article::spans(doc), &chunks), marks: marks::marks(doc, changed), removed, added, focus, panels: panels::panels(doc) };
        self.shown = doc.annotations().to_vec();
        delta
    }
}

/// One annotation as the editor and the tooltip show it: its fields (positions in UTF-16
/// units) and rows of details.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Selected {
    #[serde(flatten)]
    pub annotation: ExportAnnotation,
    /// (name, value) rows for the tooltip and the details panel.
    pub details: Vec<(String, String)>,
}

fn details(a: &ExportAnnotation) -> Vec<(String, String)> {
    let name = |v: serde_json::Value| v.as_str().unwrap_or_default().to_string();
    let mut d = vec![("label".to_string(), a.label.as_str().to_string()), ("text".into(), a.quote.clone())];
    d.push(("origin".into(), name(serde_json::json!(a.origin))));
    d.push(("status".into(), name(serde_json::json!(a.status))));
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
        d.push(("scope".into(), c.scope.clone().unwrap_or_else(|| "—".into())));
        if let Some(i) = &c.incident {
            d.push(("incident".into(), i.clone()));
        }
    }
    d
}

/// Annotation `id` of `doc` as the editor shows it (with its entity when `entity`: the tooltip
/// does without, since finding it groups every name of the document).
pub fn selected(doc: &Document, id: &str, entity: bool) -> Option<Selected> {
    let n: u32 = id.strip_prefix('a')?.parse().ok()?;
    let a = doc.annotations().iter().find(|a| a.id == n)?;
    let entity = if !entity || a.status == crate::annotation::Status::Rejected { None } else { doc.entities().into_iter().find(|e| e.mentions.iter().any(|m| m == id)).map(|e| e.id) };
    let annotation = doc.export_one(a, Unit::Utf16, entity);
    Some(Selected { details: details(&annotation), annotation })
}

/// The whole view of a document as one plain object, for scripts and tests
/// (`window.gloss.view()`): every annotation with its details, and the panels.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct View {
    pub annotations: Vec<Selected>,
    #[serde(flatten)]
    pub panels: Panels,
}

/// The whole view of `doc`, positions in UTF-16 units.
pub fn view(doc: &Document) -> View {
    let (anns, _) = doc.exported(Unit::Utf16, true);
    View { annotations: anns.into_iter().map(|a| Selected { details: details(&a), annotation: a }).collect(), panels: panels::panels(doc) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Edit;

    #[test]
    fn an_edit_sends_only_the_chunks_and_marks_it_touched() {
        let text = "Putin met Erdogan in Sochi.\n\nTwo people were killed in Gaza.\n\nThe talks in Ankara ended.";
        let mut doc = crate::annotate_dated(text, None);
        let (mut screen, page) = Screen::open(&doc);
        assert_eq!(page.pieces.chunks.len(), page.layout.chunk_count());
        assert_eq!(page.marks.len(), doc.annotations().len());
        let gaza = doc.annotations().iter().find(|a| &text[a.start..a.end] == "Gaza").unwrap();
        let (gaza_id, gaza_num) = (gaza.id_string(), gaza.id);
        doc.apply(Edit::Relabel { id: gaza_id.clone(), label: "ORG".into() }, Unit::Byte).unwrap();
        let d = screen.delta(&doc);
        let gaza_chunk = page.layout.chunk_of(text[..text.find("Gaza").unwrap()].encode_utf16().count() as u32) as u32;
        assert_eq!(d.pieces.chunks, [gaza_chunk], "only the paragraph of Gaza");
        assert_eq!(d.marks.id, [gaza_num]);
        assert_eq!(d.marks.labels[d.marks.label[0] as usize], "ORG");
        assert!(d.removed.is_empty() && d.added.is_empty() && d.panels.can_undo);
        // Nothing changed: nothing sent. A removal is listed, and its chunk drawn again.
        let d = screen.delta(&doc);
        assert!(d.pieces.chunks.is_empty() && d.marks.is_empty());
        doc.apply(Edit::Remove { id: gaza_id }, Unit::Byte).unwrap();
        let d = screen.delta(&doc);
        assert_eq!((d.removed.clone(), d.pieces.chunks.clone()), (vec![gaza_num], vec![gaza_chunk]));
        // Undo brings it back, as a new mark, for the page to select.
        assert!(doc.undo());
        let d = screen.delta(&doc);
        assert_eq!(d.marks.id, [gaza_num]);
        assert_eq!(d.added, [gaza_num]);
        // A span the user adds is listed as added.
        let at = text.find("The talks").unwrap();
        doc.apply(Edit::Add { start: at, end: at + 9, label: "ORG".into() }, Unit::Byte).unwrap();
        let d = screen.delta(&doc);
        assert_eq!((d.added.len(), d.removed.len()), (1, 0));
        assert_eq!(d.focus, Some(d.added[0]), "the new span is the one to select");
        // After an undo the one annotation it changed is focused; a plain edit moves no focus.
        let gaza = doc.annotations().iter().find(|a| &text[a.start..a.end] == "Gaza").unwrap().id;
        doc.apply(Edit::Reject { id: format!("a{gaza}") }, Unit::Byte).unwrap();
        assert_eq!(screen.delta(&doc).focus, None);
        assert!(doc.undo());
        assert_eq!(screen.step(&doc).focus, Some(gaza));
        assert_eq!(doc.annotations().iter().find(|a| a.id == d.added[0]).map(|a| &text[a.start..a.end]), Some("The talks"));
    }

    #[test]
    fn the_selected_annotation_has_its_entity_and_details() {
        let text = "🎉 Vladimir Putin met Erdogan. Putin left.";
        let doc = crate::annotate_dated(text, None);
        let putin = doc.annotations().iter().find(|a| &text[a.start..a.end] == "Putin").unwrap().id_string();
        let s = selected(&doc, &putin, true).unwrap();
        assert!(s.annotation.entity.is_some());
        assert!(selected(&doc, &putin, false).unwrap().annotation.entity.is_none());
        assert_eq!(s.annotation.quote, "Putin");
        assert!(s.details.iter().any(|(k, v)| k == "origin" && v == "auto"));
        assert!(selected(&doc, "a999", true).is_none() && selected(&doc, "x", true).is_none());
        let v = view(&doc);
        assert_eq!(v.annotations.len(), doc.annotations().len());
        assert_eq!(v.annotations[0].annotation.start, 3, "UTF-16 units");
    }
}
