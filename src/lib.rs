//! gloss: marks people, organisations, places, groups, dates (resolved to calendar values) and
//! casualty counts in pasted news text, and keeps the user's corrections with undo/redo.
//!
//! ```
//! let doc = gloss::annotate("Erdogan met Vladimir Putin in Sochi on Saturday.", Some("2025-07-20")).unwrap();
//! let json = gloss::json::to_json(&doc);
//! assert!(json.contains("\"quote\":\"Vladimir Putin\""));
//! assert!(json.contains("\"value\":\"2025-07-19\""));
//! ```

pub mod annotation;
pub mod casualty;
pub mod cluster;
pub mod color;
pub mod date;
pub mod document;
pub mod entity;
pub mod error;
pub mod formats;
pub mod gazetteer;
pub mod hash;
pub mod html;
pub mod json;
pub mod number;
pub mod offset;
pub mod pipeline;
pub mod report;
pub mod resolve;
pub mod segment;
pub mod summary;
pub mod tagger;
pub mod view;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use annotation::Label;
pub use document::{Document, Edit};
pub use error::{Error, ErrorKind, Result};

/// Annotates `text`, with relative dates resolved against `reference` (`YYYY-MM-DD`), else a
/// dateline found in the text.
///
/// # Errors
/// When `reference` is not a date in the form `YYYY-MM-DD`.
pub fn annotate(text: &str, reference: Option<&str>) -> Result<Document> {
    let reference = reference.map(date::parse_iso).transpose()?;
    Ok(Document::annotate(text, reference))
}
