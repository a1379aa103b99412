//! Calendar dates written `YYYY-MM-DD`: the one parser of a reference date, whoever gives it
//! (the command line, the page, an imported file, an edit), and its writer.

use jiff::civil::Date;

use crate::error::{Error, Result};

/// Parses `YYYY-MM-DD`.
///
/// # Errors
/// When the string is not a valid calendar date in that form.
///
/// # Examples
/// ```
/// let d = gloss::text::calendar::parse_iso("2025-07-20").unwrap();
/// assert_eq!(gloss::text::calendar::iso(d), "2025-07-20");
/// assert!(gloss::text::calendar::parse_iso("20/07/2025").is_err());
/// ```
pub fn parse_iso(s: &str) -> Result<Date> {
    let s = s.trim();
    let ok = s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-';
    let parsed = ok.then(|| Date::new(s[0..4].parse().ok()?, s[5..7].parse().ok()?, s[8..10].parse().ok()?).ok()).flatten();
    parsed.ok_or_else(|| Error::input(format!("{s:?} is not a date in the form YYYY-MM-DD")))
}

/// A reference date as users give it: `YYYY-MM-DD`, or nothing (an empty or blank string, or
/// none) when there is none.
///
/// # Errors
/// As [`parse_iso`], for a string that is not blank.
pub fn parse_reference(s: Option<&str>) -> Result<Option<Date>> {
    s.map(str::trim).filter(|s| !s.is_empty()).map(parse_iso).transpose()
}

pub fn iso(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date037_parse_iso_errors() {
        assert!(parse_iso("2025-02-30").is_err());
        assert!(parse_iso("20-07-2025").unwrap_err().message().contains("YYYY-MM-DD"));
        assert!(parse_iso("July 20").is_err());
        assert!(parse_iso("2025-7-20").is_err());
        assert_eq!(iso(parse_iso(" 2025-07-20 ").unwrap()), "2025-07-20");
        assert_eq!(parse_reference(Some("  ")).unwrap(), None);
        assert_eq!(parse_reference(None).unwrap(), None);
        assert!(parse_reference(Some("yesterday")).is_err());
    }
}
