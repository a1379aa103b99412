//! Time expressions (TIMEX3) with TimeML values. Each rule is a regular expression with an id
//! and a function that turns its match into a type and value; relative expressions are resolved
//! against the reference date with jiff's calendar arithmetic. The reference date is the user's,
//! else a dateline found in the text, else unknown (values then keep `X` for what is unknown).

mod absolute;
mod calendar;
mod context;
mod periods;
mod relative;
mod rule;
mod span;
#[cfg(test)]
mod tests;

use std::sync::LazyLock;

use jiff::civil::Date;

use self::context::Ctx;
use self::rule::Rule;
use self::span::{anaphora, widen};
use crate::annotation::{Candidate, DateAttrs, Label};
use crate::text::calendar::parse_iso;
use crate::text::segment::Segmentation;

/// Every date rule, in the order ties between equal matches are settled in.
static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| [absolute::rules(), relative::rules(), periods::rules()].into_iter().flatten().collect());

/// The trigger words of every rule in one automaton: `words[0]` is `#` (any digit), the others
/// are found by `finder` (pattern `k` is word `k + 1`); `rules[r]` lists rule `r`'s words.
struct Gate {
    words: Vec<&'static str>,
    finder: aho_corasick::AhoCorasick,
    rules: Vec<Vec<usize>>,
}

static GATE: LazyLock<Gate> = LazyLock::new(|| {
    let mut words: Vec<&'static str> = vec!["#"];
    let rules = RULES
        .iter()
        .map(|r| {
            r.triggers
                .iter()
                .map(|w| match words.iter().position(|x| x == w) {
                    Some(i) => i,
                    None => {
                        words.push(w);
                        words.len() - 1
                    }
                })
                .collect()
        })
        .collect();
    let finder = aho_corasick::AhoCorasick::new(&words[1..]).expect("trigger words build an automaton");
    Gate { words, finder, rules }
});

/// The date rules as the catalogue shows them, each with its description and examples.
pub fn rules() -> Vec<crate::recognize::rule::Rule> {
    RULES.iter().map(|r| r.about).collect()
}

/// Date candidates in `text`, resolved against `reference`.
pub fn recognize(text: &str, seg: &Segmentation, reference: Option<Date>) -> Vec<Candidate> {
    finish(text, [sentences(text, seg, reference, 0..seg.sentences.len())])
}

/// The dates of some sentences of `text`, before the pass that resolves anaphoric dates
/// against the last date named (see [`finish`]).
pub fn sentences(text: &str, seg: &Segmentation, reference: Option<Date>, range: std::ops::Range<usize>) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    // A report on quarterly results compares quarters throughout (`a year earlier` is the same
    // quarter a year back), also in sentences that do not say `quarter`.
    let quarterly = text.contains("quarter") || text.contains("Quarter");
    for s in &seg.sentences[range] {
        let sentence = &text[s.start..s.end];
        let lower = sentence.to_lowercase();
        let mut found: Vec<Candidate> = Vec::new();
        // Which trigger words the sentence holds, found in one pass for all rules.
        let gate = &*GATE;
        let mut present = vec![false; gate.words.len()];
        present[0] = sentence.bytes().any(|b| b.is_ascii_digit());
        for m in gate.finder.find_overlapping_iter(&lower) {
            present[m.pattern().as_usize() + 1] = true;
        }
        for (rule, wants) in RULES.iter().zip(&gate.rules) {
            if !wants.is_empty() && !wants.iter().any(|&i| present[i]) {
                continue;
            }
            for c in rule.re.captures_iter(sentence) {
                let m = c.get(0).unwrap();
                // The `before` window is lower case and padded so signals match whole words.
                let before = format!(" {} ", lower.get(..m.start()).unwrap_or(""));
                let ctx = Ctx { reference, quarterly, before: &before, after: &sentence[m.end()..] };
                if let Some(attrs) = (rule.resolve)(&c, &ctx) {
                    // A rule may match context around its expression and name the expression
                    // itself `span`.
                    let (mut a, b) = c.name("span").map_or((m.start(), m.end()), |g| (g.start(), g.end()));
                    // Signals such as `in`, `since` are matched for context but stay outside.
                    if let Some(lead) = sentence[a..b].split_whitespace().next() {
                        let l = lead.to_lowercase();
                        let l = l.split('-').next().unwrap_or("");
                        if ["in", "since", "until", "by", "before", "after", "during", "from", "of", "through", "to", "for", "within"].contains(&l) && rule.id() != "date/earlier-this" {
                            a += sentence[a..].find(char::is_whitespace).or_else(|| sentence[a..].find('-')).unwrap_or(0);
                            a += sentence[a..].len() - sentence[a..].trim_start_matches(|ch: char| ch.is_whitespace() || ch == '-').len();
                        }
                    }
                    // `the 6-year-old`, `the third-quarter results`: the article belongs to the noun.
                    if matches!(rule.id(), "date/duration" | "date/quarter") && sentence[a..b].to_lowercase().starts_with("the ") && sentence[a..b].contains('-') {
                        a += 4;
                    }
                    let mut cand = Candidate::new(s.start + a, s.start + b, Label::Date, rule.id());
                    cand.date = Some(attrs);
                    found.push(cand);
                }
            }
        }
        // Longest match first, then rule order; drop anything overlapping a kept match.
        found.sort_by_key(|c| (std::cmp::Reverse(c.end - c.start), c.start));
        let mut kept: Vec<Candidate> = Vec::new();
        for c in found {
            if !kept.iter().any(|k| k.start < c.end && c.start < k.end) {
                kept.push(c);
            }
        }
        kept.sort_by_key(|c| c.start);
        // A clock time takes the day the sentence names (`Saturday at 4:36 p.m.`).
        let day = kept.iter().filter_map(|c| c.date.as_ref()).find(|d| d.kind == "DATE" && d.value.len() == 10 && d.value.as_bytes()[4] == b'-' && !d.value.contains('X')).map(|d| d.value.clone());
        if let Some(day) = day {
            for c in kept.iter_mut().filter(|c| c.rule == "date/clock" || c.rule == "date/clock-utc" && !text[c.start..c.end].ends_with(|ch: char| ch.is_alphabetic() && ch != 'C' && ch != 'T' && ch != 'Z')) {
                if let Some(v) = c.date.as_mut().and_then(|d| d.value.split_once('T').map(|(_, t)| format!("{day}T{t}"))) {
                    c.date.as_mut().unwrap().value = v;
                }
            }
        }
        widen(sentence, s.start, &mut kept);
        out.extend(kept);
    }
    out
}

/// The dates of all a text's sentences (in order), anaphoric ones resolved (`that year`).
pub fn finish(text: &str, parts: impl IntoIterator<Item = Vec<Candidate>>) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = parts.into_iter().flatten().collect();
    anaphora(text, &mut out);
    out
}

/// Resolves a span the user marked as DATE, with its sentence for context.
pub fn resolve_span(text: &str, start: usize, end: usize, reference: Option<Date>) -> DateAttrs {
    let seg = crate::text::segment::segment(&text[start..end]);
    recognize(&text[start..end], &seg, reference)
        .into_iter()
        .find(|c| c.start == 0 && c.end == end - start)
        .and_then(|c| c.date)
        .unwrap_or(DateAttrs { kind: "DATE".into(), value: "XXXX-XX-XX".into() })
}

/// A reference date written in the text itself: a dateline or date line near the top
/// (`19 July 2025, Syria, Sweida:`, `Updated: July 20, 2025`, `date 2017-04-08`).
pub fn find_dateline(text: &str, seg: &Segmentation) -> Option<Date> {
    let top: Vec<_> = seg.blocks.iter().take(12).collect();
    for b in top {
        let line = &text[b.start..b.end];
        for id in ["date/iso", "date/day-month-year", "date/month-day-year"] {
            let rule = RULES.iter().find(|r| r.id() == id)?;
            if let Some(c) = rule.re.captures(line) {
                let ctx = Ctx { reference: None, quarterly: false, before: "", after: "" };
                if let Some(v) = (rule.resolve)(&c, &ctx) {
                    return parse_iso(&v.value).ok();
                }
            }
        }
    }
    None
}

