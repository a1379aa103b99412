//! The journal: the user's edits, undos and redos since the document was last saved whole, as
//! the page writes them, replayed all or nothing after a reload or a crash.

use serde::Deserialize;

use super::{Document, Edit};
use crate::error::{Error, Result};
use crate::text::offset::Unit;

impl Document {
    /// Applies a journal of the user's actions since the document was last saved whole (a
    /// JSON list of edits, `"undo"` and `"redo"`), as the page does to restore work after a
    /// reload or a crash. All or nothing: on error the document is as it was.
    ///
    /// # Errors
    /// When the journal is not such a list, or an edit in it fails.
    pub fn replay(&mut self, journal: &str, unit: Unit) -> Result<usize> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Entry {
            Step(String),
            Edit(Edit),
        }
        let entries: Vec<Entry> = serde_json::from_str(journal).map_err(|e| Error::import(format!("bad journal: {e}")))?;
        let mut doc = self.clone();
        for (k, e) in entries.iter().enumerate() {
            match e {
                Entry::Step(s) if s == "undo" => {
                    doc.undo();
                }
                Entry::Step(s) if s == "redo" => {
                    doc.redo();
                }
                Entry::Step(s) => return Err(Error::import(format!("journal entry {}: unknown step {s:?}", k + 1))),
                Entry::Edit(edit) => {
                    doc.apply(edit.clone(), unit).map_err(|e| Error::import(format!("journal entry {}: {}", k + 1, e.message())))?;
                }
            }
        }
        *self = doc;
        Ok(entries.len())
    }
}
