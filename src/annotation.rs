//! The vocabulary shared by recognizers, the document and the export: labels, origins and the
//! attributes a DATE or CASUALTY annotation carries.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The built-in labels of the annotation guidelines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Label {
    Person,
    Org,
    Place,
    Group,
    Date,
    Casualty,
}

impl Label {
    /// In the order of the page's keys 1–6.
    pub const ALL: [Label; 6] =
        [Label::Person, Label::Org, Label::Place, Label::Group, Label::Date, Label::Casualty];

    pub fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Org => "ORG",
            Label::Place => "PLACE",
            Label::Group => "GROUP",
            Label::Date => "DATE",
            Label::Casualty => "CASUALTY",
        }
    }

    /// # Errors
    /// When `s` is not one of the six labels.
    pub fn parse(s: &str) -> Result<Label> {
        Label::ALL.into_iter().find(|l| l.as_str() == s).ok_or_else(|| {
            Error::input(format!(
                "unknown label {s:?}: use one of PERSON, ORG, PLACE, GROUP, DATE, CASUALTY"
            ))
        })
    }

    /// Names of people, organisations, places and groups (as opposed to dates and counts).
    pub fn is_name(self) -> bool {
        matches!(self, Label::Person | Label::Org | Label::Place | Label::Group)
    }
}

/// Who made an annotation: the machine, or the user (including machine annotations the user
/// changed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    Auto,
    User,
}

/// Where an annotation stands in review: the machine's suggestions wait for the reviewer, who
/// accepts or rejects them; what the user makes or changes is accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Suggested,
    Accepted,
    Rejected,
}

/// TimeML type and value of a DATE annotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateAttrs {
    #[serde(rename = "type")]
    pub kind: String,
    pub value: String,
}

pub const DATE_TYPES: [&str; 4] = ["DATE", "TIME", "DURATION", "SET"];
pub const CATEGORIES: [&str; 6] = ["killed", "injured", "missing", "kidnapped", "detained", "displaced"];
pub const QUALIFIERS: [&str; 6] = ["exact", "atLeast", "moreThan", "atMost", "about", "range"];

/// Attributes of a CASUALTY annotation, as the guidelines define them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CasualtyAttrs {
    pub category: String,
    pub count: Option<u64>,
    pub qualifier: String,
    pub min: Option<u64>,
    pub max: Option<u64>,
    pub victims: Option<String>,
}

impl DateAttrs {
    /// # Errors
    /// When the type is not a TimeML type or the value is empty.
    pub fn validate(&self) -> Result<()> {
        if !DATE_TYPES.contains(&self.kind.as_str()) {
            return Err(Error::input(format!(
                "date type {:?} is not one of DATE, TIME, DURATION, SET",
                self.kind
            )));
        }
        if self.value.trim().is_empty() || self.value.chars().any(char::is_whitespace) {
            return Err(Error::input(format!(
                "date value {:?} is not a TimeML value (e.g. 2025-07-19, PT4H)",
                self.value
            )));
        }
        Ok(())
    }
}

impl CasualtyAttrs {
    /// # Errors
    /// When the category or qualifier is not one of the guidelines', or min exceeds max.
    pub fn validate(&self) -> Result<()> {
        if !CATEGORIES.contains(&self.category.as_str()) {
            return Err(Error::input(format!(
                "casualty category {:?} is not one of {}",
                self.category,
                CATEGORIES.join(", ")
            )));
        }
        if !QUALIFIERS.contains(&self.qualifier.as_str()) {
            return Err(Error::input(format!(
                "casualty qualifier {:?} is not one of {}",
                self.qualifier,
                QUALIFIERS.join(", ")
            )));
        }
        if let (Some(lo), Some(hi)) = (self.min, self.max) {
            if lo > hi {
                return Err(Error::input(format!("casualty min {lo} is greater than max {hi}")));
            }
        }
        Ok(())
    }
}

/// A recognizer's proposal: a byte span with a label, the rule that made it and its attributes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub start: usize,
    pub end: usize,
    pub label: Label,
    pub rule: &'static str,
    pub date: Option<DateAttrs>,
    pub casualty: Option<CasualtyAttrs>,
}

impl Candidate {
    pub fn new(start: usize, end: usize, label: Label, rule: &'static str) -> Candidate {
        Candidate { start, end, label, rule, date: None, casualty: None }
    }
}

/// An annotation of a document. Positions are bytes of the document's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annotation {
    pub id: u32,
    pub label: Label,
    pub start: usize,
    pub end: usize,
    pub origin: Origin,
    pub status: Status,
    pub rule: Option<String>,
    pub date: Option<DateAttrs>,
    pub casualty: Option<CasualtyAttrs>,
}

impl Annotation {
    pub fn id_string(&self) -> String {
        format!("a{}", self.id)
    }
}
