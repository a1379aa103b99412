//! What a date rule is: its catalogue entry (id, description, examples), the words one of
//! which a sentence must hold for it to be tried, its pattern, and the function that turns a
//! match into a TimeML type and value.

use regex::{Captures, Regex};

use super::context::Ctx;
use crate::annotation::DateAttrs;
use crate::recognize::rule::{Example, Rule as CatalogueRule};

pub(super) type Resolve = fn(&Captures, &Ctx) -> Option<DateAttrs>;

/// A date rule: what the catalogue shows of it (id, description, examples), the words one of
/// which a sentence must hold (lower-cased) for it to be tried at all, so the regular
/// expressions run only where they can match (`#` stands for any digit), its pattern, and the
/// function that turns a match into a type and value.
pub(super) struct Rule {
    pub(super) about: CatalogueRule,
    pub(super) triggers: &'static [&'static str],
    pub(super) re: Regex,
    pub(super) resolve: Resolve,
}

impl Rule {
    pub(super) fn id(&self) -> &'static str {
        self.about.id
    }
}

/// A rule from its parts, its pattern compiled (a bad pattern is a build error: it panics
/// naming the rule).
pub(super) fn r(id: &'static str, description: &'static str, triggers: &'static [&'static str], pat: String, resolve: Resolve, examples: &'static [Example]) -> Rule {
    Rule {
        about: CatalogueRule { id, description, examples },
        triggers,
        re: Regex::new(&pat).unwrap_or_else(|e| panic!("date rule {id}: {e}")),
        resolve,
    }
}

/// The reference date of most examples: a Sunday.
pub(super) const REF: Option<&str> = Some("2025-07-20");
