//! What a rule is, for the catalogue: every rule that can make an annotation has a stable id
//! (the export's `rule`), a one-line description and examples, each a text, the span the rule
//! must find in it and what it must say of it. Each family of rules declares them beside its
//! definitions; [`crate::recognize::catalogue`] gathers and checks them.

use serde::Serialize;

use crate::annotation::Candidate;

/// One example of a rule.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Example {
    pub text: &'static str,
    /// The reference date (`YYYY-MM-DD`) the text is read against, when it matters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<&'static str>,
    /// The span the rule finds, as it appears in the text (at one of its occurrences).
    pub span: &'static str,
    /// What the rule says of it, as [`describe`] writes it: the label of a name (`PERSON`),
    /// a date's type and value (`DATE 2025-07-19`), a count's category, count and qualifier
    /// (`killed 900 moreThan`).
    pub expect: &'static str,
}

/// Writes an [`Example`]: `example!(text, reference, span, expect)`.
macro_rules! example {
    ($text:expr, $reference:expr, $span:expr, $expect:expr) => {
        $crate::recognize::rule::Example { text: $text, reference: $reference, span: $span, expect: $expect }
    };
}
pub(crate) use example;

/// A rule as the catalogue shows it.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Rule {
    pub id: &'static str,
    pub description: &'static str,
    pub examples: &'static [Example],
}

/// What a candidate says, in the form of [`Example::expect`].
pub fn describe(c: &Candidate) -> String {
    match (&c.date, &c.casualty) {
        (Some(d), _) => format!("{} {}", d.kind, d.value),
        (_, Some(k)) => format!("{} {} {}", k.category, k.count.map_or("?".to_string(), |n| n.to_string()), k.qualifier),
        _ => c.label.as_str().to_string(),
    }
}
