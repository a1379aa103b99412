//! gloss: marks people, organisations, places, groups, dates (resolved to calendar values) and
//! casualty counts in pasted news text, and keeps the user's corrections with undo/redo.
//!
//! The modules follow the way a text travels, each calling only those listed before it:
//! `error`, `hash` and `color` (foundations), [`text`] (segmentation, offsets, numbers, HTML,
//! word lists), [`annotation`] (the shared vocabulary of labels and attributes), [`recognize`]
//! (the recognizers, their rules and the pipeline), [`document`] (the document, its edits and
//! summaries), [`view`] (what the page shows), [`format`] (every file format in and out), and
//! at the top [`annotate`] (pipeline and document together), [`vocabulary`] (the words the page
//! takes from the core), the command line and the WebAssembly binding.
//!
//! ```
//! let doc = gloss::annotate("Erdogan met Vladimir Putin in Sochi on Saturday.", Some("2025-07-20")).unwrap();
//! let json = gloss::format::gloss::to_json(&doc);
//! assert!(json.contains("\"quote\":\"Vladimir Putin\""));
//! assert!(json.contains("\"value\":\"2025-07-19\""));
//! ```

pub mod error;
pub mod hash;
pub mod color;
pub mod text;
pub mod annotation;
pub mod recognize;
pub mod document;
pub mod view;
pub mod format;
mod annotate;
pub mod vocabulary;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use annotate::{FirstHalf, annotate, annotate_dated, annotate_with, half};
pub use annotation::Label;
pub use document::{Document, Edit};
pub use error::{Error, ErrorKind, Result};
