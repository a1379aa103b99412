//! One consistent set out of the recognizers' proposals: annotations do not overlap, except that
//! names may sit inside a CASUALTY span (`[Two [Palestinians]]`); a DATE never overlaps a
//! CASUALTY. Between overlapping proposals the longer wins, counts and dates before names.

use crate::annotation::{Candidate, Label};

fn compatible(a: &Candidate, b: &Candidate) -> bool {
    let disjoint = a.end <= b.start || b.end <= a.start;
    if disjoint {
        return true;
    }
    let inside = |x: &Candidate, y: &Candidate| y.start <= x.start && x.end <= y.end;
    (a.label.is_name() && b.label == Label::Casualty && inside(a, b))
        || (b.label.is_name() && a.label == Label::Casualty && inside(b, a))
}

/// Resolves overlaps; the result is sorted by start (outer spans first).
pub fn resolve(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    // Counts and dates claim their text first, longest first; names fill in around them.
    candidates.sort_by_key(|c| (c.label.is_name(), std::cmp::Reverse(c.end - c.start), c.start));
    // Kept spans by start, so a candidate is checked only against those that can reach it
    // (none is longer than the longest candidate): linear in the number of candidates, where
    // checking every kept span made a long text with many names quadratic.
    let longest = candidates.iter().map(|c| c.end - c.start).max().unwrap_or(0);
    let mut by_start: std::collections::BTreeMap<usize, Vec<usize>> = std::collections::BTreeMap::new();
    let mut kept: Vec<Candidate> = Vec::with_capacity(candidates.len());
    for c in candidates {
        let near = by_start.range(c.start.saturating_sub(longest)..c.end.max(c.start + 1));
        if near.flat_map(|(_, ks)| ks).all(|&k| compatible(&kept[k], &c)) {
            by_start.entry(c.start).or_default().push(kept.len());
            kept.push(c);
        }
    }
    kept.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(start: usize, end: usize, label: Label) -> Candidate {
        Candidate::new(start, end, label, "test")
    }

    #[test]
    #[allow(non_snake_case)]
    fn rules() {
        let (Casualty, Group, Date, Person, Org, Place) = (Label::Casualty, Label::Group, Label::Date, Label::Person, Label::Org, Label::Place);
        let cases: &[(&str, Vec<Candidate>, Vec<(usize, usize, Label)>)] = &[
            ("name inside casualty stays", vec![c(0, 15, Casualty), c(4, 15, Group)], vec![(0, 15, Casualty), (4, 15, Group)]),
            ("date and casualty: longer wins", vec![c(0, 10, Date), c(5, 20, Casualty)], vec![(5, 20, Casualty)]),
            ("name crossing casualty dropped", vec![c(0, 10, Casualty), c(8, 14, Person)], vec![(0, 10, Casualty)]),
            ("date beats shorter name", vec![c(0, 6, Org), c(0, 12, Date)], vec![(0, 12, Date)]),
            ("disjoint all kept", vec![c(10, 12, Place), c(0, 5, Person)], vec![(0, 5, Person), (10, 12, Place)]),
        ];
        for (name, input, want) in cases {
            let got: Vec<(usize, usize, Label)> = resolve(input.clone()).iter().map(|c| (c.start, c.end, c.label)).collect();
            assert_eq!(&got, want, "{name}");
        }
    }
}
