//! The vocabulary shared by recognizers, the document and the export: labels, origins and the
//! attributes a DATE or CASUALTY annotation carries.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// A label: one of the six of the annotation guidelines, or one the user defined (`WEAPON`),
/// interned so that a label stays a small `Copy` value. The built-in ones keep the names of
/// an enum's variants (`Label::Person`), so recognizers read as before.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Label(u16);

/// Names of user-defined labels, by `Label(6 + index)`. Each distinct name is stored once for
/// the life of the program (a handful at most), so `as_str` can hand out `&'static str`.
static CUSTOM: std::sync::Mutex<Vec<&'static str>> = std::sync::Mutex::new(Vec::new());

const BUILTIN: [&str; 6] = ["PERSON", "ORG", "PLACE", "GROUP", "DATE", "CASUALTY"];

#[allow(non_upper_case_globals)]
impl Label {
    pub const Person: Label = Label(0);
    pub const Org: Label = Label(1);
    pub const Place: Label = Label(2);
    pub const Group: Label = Label(3);
    pub const Date: Label = Label(4);
    pub const Casualty: Label = Label(5);

    /// The built-in labels, in the order of the page's keys 1–6.
    pub const ALL: [Label; 6] =
        [Label::Person, Label::Org, Label::Place, Label::Group, Label::Date, Label::Casualty];

    pub fn as_str(self) -> &'static str {
        match BUILTIN.get(self.0 as usize) {
            Some(n) => n,
            None => CUSTOM.lock().map(|c| c.get(self.0 as usize - 6).copied().unwrap_or("?")).unwrap_or("?"),
        }
    }

    /// One of the six built-in labels.
    ///
    /// # Errors
    /// When `s` is not one of the six labels.
    pub fn parse(s: &str) -> Result<Label> {
        Label::ALL.into_iter().find(|l| l.as_str() == s).ok_or_else(|| {
            Error::input(format!(
                "unknown label {s:?}: use one of PERSON, ORG, PLACE, GROUP, DATE, CASUALTY"
            ))
        })
    }

    /// The label called `name`: a built-in one, or a user-defined one (interned on first use).
    ///
    /// # Errors
    /// When the name is empty, longer than 24 characters, or has characters other than
    /// letters, digits, `_` and `-`.
    pub fn named(name: &str) -> Result<Label> {
        let name = name.trim();
        if let Ok(l) = Label::parse(name) {
            return Ok(l);
        }
        let ok = !name.is_empty() && name.chars().count() <= 24 && name.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-');
        if !ok {
            return Err(Error::input(format!("label name {name:?} must be 1 to 24 letters, digits, _ or -")));
        }
        let mut custom = CUSTOM.lock().map_err(|_| Error::input("label table unavailable"))?;
        let i = match custom.iter().position(|n| *n == name) {
            Some(i) => i,
            None => {
                if custom.len() >= 1000 {
                    return Err(Error::input("too many label names in this session"));
                }
                custom.push(Box::leak(name.to_string().into_boxed_str()));
                custom.len() - 1
            }
        };
        Ok(Label(6 + i as u16))
    }

    /// One of the six of the guidelines (as opposed to one the user defined).
    pub fn is_builtin(self) -> bool {
        (self.0 as usize) < BUILTIN.len()
    }

    /// Names of people, organisations, places and groups, and user-defined labels (as opposed
    /// to dates and counts): what entities are made of.
    pub fn is_name(self) -> bool {
        !matches!(self, Label::Date | Label::Casualty)
    }
}

impl std::fmt::Debug for Label {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Label {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Label {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Label, D::Error> {
        let s = String::deserialize(d)?;
        Label::named(&s).map_err(serde::de::Error::custom)
    }
}

/// A label the user defined: its name, colour (`#rrggbb`) and the key that applies it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabelDef {
    pub name: String,
    pub color: String,
    pub key: String,
}

/// Keys the page keeps for itself.
pub const RESERVED_KEYS: &str = "123456jkaxJKAX?";

impl LabelDef {
    /// # Errors
    /// A name that is not a label name or is a built-in one, a colour that is not `#rrggbb`, a
    /// key that is not one character or is one of the page's own.
    pub fn validate(&self) -> Result<()> {
        let l = Label::named(&self.name)?;
        if l.is_builtin() {
            return Err(Error::input(format!("{} is a built-in label", self.name)));
        }
        crate::color::parse_hex(&self.color)?;
        let mut k = self.key.chars();
        match (k.next(), k.next()) {
            // A label read from another tool's file may have no key yet.
            (None, _) => Ok(()),
            (Some(c), None) if !c.is_whitespace() && !RESERVED_KEYS.contains(c) => Ok(()),
            (Some(c), None) if RESERVED_KEYS.contains(c) => Err(Error::input(format!("the key {c:?} is taken by the page (1–6, j, k, a, x, ?)"))),
            _ => Err(Error::input(format!("a label's key is one character, not {:?}", self.key))),
        }
    }
}

/// Who made an annotation: the machine, or the user (including machine annotations the user
/// changed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    Auto,
    User,
}

/// Where an annotation stands in review: the machine's suggestions wait for the reviewer, who
/// accepts or rejects them; what the user makes or changes is accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Suggested,
    Accepted,
    Rejected,
}

/// TimeML type and value of a DATE annotation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateAttrs {
    #[serde(rename = "type")]
    pub kind: String,
    pub value: String,
}

pub const DATE_TYPES: [&str; 4] = ["DATE", "TIME", "DURATION", "SET"];
pub const CATEGORIES: [&str; 6] = ["killed", "injured", "missing", "kidnapped", "detained", "displaced"];
pub const QUALIFIERS: [&str; 6] = ["exact", "atLeast", "moreThan", "atMost", "about", "range"];

/// Attributes of a CASUALTY annotation, as the guidelines define them.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CasualtyAttrs {
    pub category: String,
    pub count: Option<u64>,
    pub qualifier: String,
    pub min: Option<u64>,
    pub max: Option<u64>,
    pub victims: Option<String>,
    /// Which harm the figure counts: `incident`, `cumulative` or `background` (the guidelines'
    /// `scope`); none on figures made before scopes were read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// The incident an `incident` figure belongs to: `i1`, `i2` … in text order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incident: Option<String>,
}

/// The guidelines' scopes of a casualty figure.
pub const SCOPES: [&str; 3] = ["incident", "cumulative", "background"];

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
        if let Some(s) = self.scope.as_deref().filter(|s| !SCOPES.contains(s)) {
            return Err(Error::input(format!("casualty scope {s:?} is not one of {}", SCOPES.join(", "))));
        }
        if let Some(i) = self.incident.as_deref() {
            let numbered = i.strip_prefix('i').is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) && !n.starts_with('0'));
            if !numbered {
                return Err(Error::input(format!("casualty incident {i:?} is not an incident id such as i1 or i2")));
            }
        }
        Ok(())
    }
}

/// Rule ids as `&'static str` when read back from text (a proposal handed from one thread to
/// another): each distinct id is kept once for the life of the program (a few dozen at most).
pub mod rule_id {
    static KNOWN: std::sync::Mutex<Vec<&'static str>> = std::sync::Mutex::new(Vec::new());

    /// The id `s`, kept.
    pub fn intern(s: &str) -> &'static str {
        let mut known = KNOWN.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(k) = known.iter().find(|k| **k == s) {
            return k;
        }
        let k: &'static str = Box::leak(s.to_string().into_boxed_str());
        known.push(k);
        k
    }

    pub fn serialize<S: serde::Serializer>(id: &&'static str, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(id)
    }

    pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<&'static str, D::Error> {
        let s: std::borrow::Cow<'de, str> = serde::Deserialize::deserialize(d)?;
        Ok(intern(&s))
    }
}

/// A rule's id (serialized through [`rule_id`]; an alias, so serde's derive does not take the
/// field for text borrowed from its input).
pub type RuleId = &'static str;

/// A recognizer's proposal: a byte span with a label, the rule that made it and its attributes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    pub start: usize,
    pub end: usize,
    pub label: Label,
    #[serde(with = "rule_id")]
    pub rule: RuleId,
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
