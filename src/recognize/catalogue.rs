//! The catalogue of every rule (dates, names, casualty counts) with its description and
//! examples, for `gloss rules` and for the test that runs every example, shifted right by a
//! character so no rule can assume it starts at offset 0, and checks that each is found by that
//! very rule.

use jiff::civil::Date;

use crate::recognize::rule::{Example, Rule, describe};
use crate::recognize::{casualty, date, entity, pipeline};
use crate::text::{calendar, segment};

/// Every rule: dates, names, casualty counts.
pub fn all() -> Vec<Rule> {
    let mut out = date::rules();
    out.extend_from_slice(entity::RULES);
    out.extend_from_slice(casualty::RULES);
    out
}

/// The character every example is shifted by: a no-break space, two bytes of UTF-8.
pub const SHIFT: &str = "\u{a0}";

/// Runs one example through the whole pipeline (after [`SHIFT`]) and says what went wrong: the
/// span (at any of its occurrences) not found by that rule, or found saying something else.
///
/// # Errors
/// A message naming the rule, the example and what was found instead.
pub fn check(rule: &Rule, ex: &Example) -> Result<(), String> {
    let text = format!("{SHIFT}{}", ex.text);
    let reference: Option<Date> = match ex.reference {
        Some(r) => Some(calendar::parse_iso(r).map_err(|e| format!("{}: bad reference date: {e}", rule.id))?),
        None => None,
    };
    let spans: Vec<(usize, usize)> = text.match_indices(ex.span).map(|(at, _)| (at, at + ex.span.len())).collect();
    if spans.is_empty() {
        return Err(format!("{}: the span {:?} is not in {:?}", rule.id, ex.span, ex.text));
    }
    let found = pipeline::recognize(&text, &segment::segment(&text), reference);
    let by_rule: Vec<String> = found.iter().filter(|c| spans.contains(&(c.start, c.end)) && c.rule == rule.id).map(describe).collect();
    if by_rule.iter().any(|d| d == ex.expect) {
        return Ok(());
    }
    if let Some(d) = by_rule.first() {
        return Err(format!("{}: in {:?}, {:?} is {d} where the example says {}", rule.id, ex.text, ex.span, ex.expect));
    }
    let here: Vec<String> = found
        .iter()
        .filter(|c| spans.iter().any(|&(s, e)| c.start < e && s < c.end))
        .map(|c| format!("{:?} {} by {}", &text[c.start..c.end], describe(c), c.rule))
        .collect();
    Err(format!("{}: in {:?}, {:?} is not found by this rule; found there: {here:?}", rule.id, ex.text, ex.span))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recognize::rule::example;

    #[test]
    fn every_rule_has_examples_and_each_is_found_by_its_rule() {
        let rules = all();
        let mut failures = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for r in &rules {
            assert!(seen.insert(r.id), "{} is listed twice", r.id);
            assert!(!r.description.is_empty(), "{} has no description", r.id);
            if r.examples.is_empty() {
                failures.push(format!("{} has no example", r.id));
            }
            for ex in r.examples {
                if let Err(e) = check(r, ex) {
                    failures.push(e);
                }
            }
        }
        assert!(failures.is_empty(), "{} of the examples fail:\n{}", failures.len(), failures.join("\n"));
        let n: usize = rules.iter().map(|r| r.examples.len()).sum();
        assert!(rules.len() >= 60 && n >= 180, "{} rules, {n} examples", rules.len());
    }

    /// Every rule id the recognizers write is in the catalogue: the ids in their source, and
    /// the ids of what they find on the examples.
    #[test]
    fn every_rule_id_in_the_source_is_catalogued() {
        let ids: std::collections::HashSet<&str> = all().iter().map(|r| r.id).collect();
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/src/recognize");
        let mut missing = Vec::new();
        let mut stack = vec![std::path::PathBuf::from(root)];
        while let Some(p) = stack.pop() {
            if p.is_dir() {
                stack.extend(std::fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()));
                continue;
            }
            let src = std::fs::read_to_string(&p).unwrap();
            let code = src.split("#[cfg(test)]\nmod tests {").next().unwrap();
            for family in ["\"entity/", "\"date/", "\"casualty/"] {
                for (k, _) in code.match_indices(family) {
                    let id: String = code[k + 1..].chars().take_while(|&c| c != '"').collect();
                    if !ids.contains(id.as_str()) && !p.ends_with("catalogue.rs") {
                        missing.push(format!("{id} ({})", p.display()));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "rule ids without a catalogue entry: {missing:?}");
    }

    #[test]
    fn a_wrong_example_is_caught() {
        let r = Rule { id: "date/weekday", description: "test", examples: &[] };
        assert!(check(&r, &example!("Erdogan said Saturday that", Some("2025-07-20"), "Saturday", "DATE 2025-07-19")).is_ok());
        assert!(check(&r, &example!("Erdogan said Saturday that", Some("2025-07-20"), "Saturday", "DATE 2025-07-26")).unwrap_err().contains("where the example says"));
        let other = Rule { id: "date/month", ..r };
        assert!(check(&other, &example!("Erdogan said Saturday that", Some("2025-07-20"), "Saturday", "DATE 2025-07-19")).unwrap_err().contains("not found by this rule"));
    }
}
