//! The WebAssembly binding: converts and forwards, nothing else. Results cross as JSON text
//! (plain objects once parsed), so nothing needs freeing and everything survives
//! `structuredClone`. Positions from and to JavaScript are UTF-16 units.

use wasm_bindgen::prelude::*;

use crate::document::{Document, Edit};
use crate::offset::Unit;
use crate::{json, view};

fn err(e: impl std::fmt::Display) -> JsError {
    JsError::new(&e.to_string())
}

/// The one long-lived handle: the document being edited.
#[wasm_bindgen]
pub struct Session {
    doc: Document,
}

#[wasm_bindgen]
impl Session {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Session {
        Session { doc: Document::new("") }
    }

    /// Annotates `text` (reference date `YYYY-MM-DD` or empty) and returns the view.
    pub fn annotate(&mut self, text: &str, reference: &str) -> Result<String, JsError> {
        let reference = Some(reference).filter(|r| !r.trim().is_empty());
        self.doc = crate::annotate(text, reference).map_err(err)?;
        Ok(self.view())
    }

    /// Applies one edit (JSON, UTF-16 positions); returns the view.
    pub fn edit(&mut self, edit: &str) -> Result<String, JsError> {
        let edit: Edit = serde_json::from_str(edit).map_err(|e| err(format!("bad edit: {e}")))?;
        self.doc.apply(edit, Unit::Utf16).map_err(err)?;
        Ok(self.view())
    }

    pub fn undo(&mut self) -> String {
        self.doc.undo();
        self.view()
    }

    pub fn redo(&mut self) -> String {
        self.doc.redo();
        self.view()
    }

    pub fn view(&self) -> String {
        serde_json::to_string(&view::view(&self.doc)).expect("view serializes")
    }

    pub fn text(&self) -> String {
        self.doc.text().to_string()
    }

    #[wasm_bindgen(js_name = exportJson)]
    pub fn export_json(&self) -> String {
        json::to_json(&self.doc)
    }

    /// The casualty annotations as CSV.
    #[wasm_bindgen(js_name = casualtyCsv)]
    pub fn casualty_csv(&self) -> String {
        crate::summary::casualty_csv(&self.doc)
    }

    /// Replaces the document with an imported one; on error the current one stays.
    #[wasm_bindgen(js_name = importJson)]
    pub fn import_json(&mut self, text: &str) -> Result<String, JsError> {
        self.doc = json::import(text).map_err(err)?;
        Ok(self.view())
    }
}

impl Default for Session {
    fn default() -> Session {
        Session::new()
    }
}
