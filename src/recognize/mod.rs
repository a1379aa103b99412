//! Recognition: every recognizer's proposals for a segmented text, each with the id of the rule
//! that made it, and what turns them into one consistent set. Names (`entity`, with the
//! statistical `tagger` and the `gazetteer`), dates (`date`), casualty counts (`casualty`);
//! overlap resolution (`resolve`) and the `pipeline` that runs them all; the entity clusters
//! (`cluster`) that group a name's mentions; the catalogue of every rule with its examples
//! (`rule`). Nothing here knows the document, its edits or any file format.

pub mod casualty;
pub mod catalogue;
pub mod cluster;
pub mod date;
pub mod entity;
pub mod gazetteer;
pub mod pipeline;
pub mod resolve;
pub mod rule;
pub mod tagger;
