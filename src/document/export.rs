//! The annotations and entities of a document as they leave the core, for every reader of it
//! (the export formats, the page's view, the report): positions in the unit the reader counts
//! in, the span's text, and the entity each name belongs to. Rejected suggestions stay out
//! unless asked for, and never join an entity.

use serde::{Deserialize, Serialize};

use super::Document;
use crate::annotation::{Annotation, CasualtyAttrs, DateAttrs, Label, Origin, Status};
use crate::recognize::cluster;
use crate::text::offset::Unit;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "camelCase")]
pub struct ExportAnnotation {
    pub id: String,
    pub label: Label,
    pub start: usize,
    pub end: usize,
    pub quote: String,
    pub origin: Origin,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<DateAttrs>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub casualty: Option<CasualtyAttrs>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ExportEntity {
    pub id: String,
    pub label: Label,
    pub name: String,
    pub mentions: Vec<String>,
}

impl Document {
    /// Annotations and entities of `doc` with positions in `unit`, in text order. Rejected
    /// suggestions are left out unless `include_rejected`; they never join an entity.
    pub fn exported(&self, unit: Unit, include_rejected: bool) -> (Vec<ExportAnnotation>, Vec<ExportEntity>) {
        let (entities, entity_of) = self.clusters();
        let out = self
            .annotations()
            .iter()
            .filter(|a| include_rejected || a.status != Status::Rejected)
            .map(|a| self.export_one(a, unit, entity_of.get(&a.id).cloned()))
            .collect();
        (out, entities)
    }

    /// One annotation as it leaves the core, positions in `unit`, in `entity`.
    pub fn export_one(&self, a: &Annotation, unit: Unit, entity: Option<String>) -> ExportAnnotation {
        let map = self.offsets();
        ExportAnnotation {
            id: a.id_string(),
            label: a.label,
            start: map.from_byte(a.start, unit),
            end: map.from_byte(a.end, unit),
            quote: self.text()[a.start..a.end].to_string(),
            origin: a.origin,
            status: a.status,
            rule: a.rule.clone(),
            entity,
            date: a.date.clone(),
            casualty: a.casualty.clone(),
        }
    }

    /// The entities: the annotations that count (rejected suggestions do not), grouped by the
    /// user's merges and splits and [`cluster`]'s rules.
    pub fn entities(&self) -> Vec<ExportEntity> {
        self.clusters().0
    }

    /// The entities, and each mention's entity id.
    fn clusters(&self) -> (Vec<ExportEntity>, std::collections::HashMap<u32, String>) {
        // The annotations that count; a copy only when some were rejected.
        let all = self.annotations();
        let live: std::borrow::Cow<[Annotation]> =
            if all.iter().any(|a| a.status == Status::Rejected) { self.live().cloned().collect::<Vec<_>>().into() } else { all.into() };
        let (split, merged) = self.entity_edits();
        let clusters = cluster::clusters_with(self.text(), &live, split, merged);
        let mut entity_of = std::collections::HashMap::new();
        let entities = clusters
            .iter()
            .map(|c| {
                // Named by its first annotation, so an edit elsewhere does not rename it.
                let id = format!("e{}", c.mentions.iter().map(|&m| live[m].id).min().unwrap_or(0));
                for &m in &c.mentions {
                    entity_of.insert(live[m].id, id.clone());
                }
                ExportEntity { id, label: c.label, name: c.name.clone(), mentions: c.mentions.iter().map(|&m| live[m].id_string()).collect() }
            })
            .collect();
        (entities, entity_of)
    }
}
