//! Entity clusters: the mentions of one person, organisation, place or group gathered under one
//! canonical name (the longest mention). A surname joins the full name that ends with it, an
//! abbreviation joins its expansion (from the gazetteer, or written `Name (ABBR)`), identical
//! names join; labels never mix, so `Turkish` (GROUP) stays apart from `Turkey` (PLACE).

use crate::annotation::{Annotation, Label};
use crate::recognize::gazetteer;

/// A cluster: the label, canonical name and the indexes of its mentions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cluster {
    pub label: Label,
    pub name: String,
    pub mentions: Vec<usize>,
}

fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

fn bare(word: &str) -> &str {
    word.split_once('-').filter(|(p, _)| p.chars().all(char::is_lowercase)).map_or(word, |(_, b)| b)
}

/// Clusters of the name annotations in `anns`, in order of first mention.
pub fn clusters(text: &str, anns: &[Annotation]) -> Vec<Cluster> {
    clusters_with(text, anns, &[], &[])
}

/// [`clusters`] with the user's corrections: mentions split out (by annotation id) join
/// nothing by themselves, and merged pairs of mentions put their clusters together.
pub fn clusters_with(text: &str, anns: &[Annotation], split: &[u32], merged: &[(u32, u32)]) -> Vec<Cluster> {
    let g = gazetteer::get();
    let name = |i: usize| &text[anns[i].start..anns[i].end];
    let names: Vec<usize> = (0..anns.len()).filter(|&i| anns[i].label.is_name()).collect();
    // Union-find over mentions.
    let mut parent: Vec<usize> = (0..anns.len()).collect();
    fn find(p: &mut Vec<usize>, x: usize) -> usize {
        let mut r = x;
        while p[r] != r {
            r = p[r];
        }
        p[x] = r;
        r
    }
    let alone: Vec<bool> = anns.iter().map(|a| split.contains(&a.id)).collect();
    let join = |p: &mut Vec<usize>, a: usize, b: usize| {
        if alone[a] || alone[b] {
            return;
        }
        let (ra, rb) = (find(p, a), find(p, b));
        if ra != rb {
            p[ra.max(rb)] = ra.min(rb);
        }
    };
    // Indexes by key, so a long document costs about as much per mention as a short one: the
    // same name in any case; a person's surname (with and without its particle); an
    // organisation's initials and its listed expansion.
    use std::collections::HashMap;
    let mut by_name: HashMap<(Label, String), usize> = HashMap::new();
    let mut by_surname: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_initials: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_exact: HashMap<(Label, &str), Vec<usize>> = HashMap::new();
    for &i in &names {
        let n = name(i);
        let label = anns[i].label;
        match by_name.entry((label, n.to_lowercase())) {
            std::collections::hash_map::Entry::Occupied(e) => join(&mut parent, i, *e.get()),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(i);
            }
        }
        by_exact.entry((label, n)).or_default().push(i);
        if label == Label::Person && n.contains(' ') {
            if let Some(last) = n.split_whitespace().last() {
                by_surname.entry(last).or_default().push(i);
                if bare(last) != last {
                    by_surname.entry(bare(last)).or_default().push(i);
                }
            }
        }
        if label == Label::Org {
            by_initials.entry(initials(n)).or_default().push(i);
        }
    }
    for &i in &names {
        let n = name(i);
        // `Erdogan` joins `Recep Tayyip Erdogan`.
        if anns[i].label == Label::Person && !n.contains(' ') {
            for &j in by_surname.get(n).map_or(&[][..], Vec::as_slice) {
                join(&mut parent, i, j);
            }
        }
        // `PKK` joins `Kurdistan Workers' Party`.
        if anns[i].label == Label::Org && n.chars().all(|c| c.is_uppercase() || c == '.') {
            let expanded = g.expansions.get(n).and_then(|e| by_exact.get(&(Label::Org, *e)));
            for &j in by_initials.get(n).into_iter().flatten().chain(expanded.into_iter().flatten()) {
                if name(j).len() >= n.len() {
                    join(&mut parent, i, j);
                }
            }
        }
    }
    // `Name (ABBR)`: the abbreviation in brackets right after a name.
    for w in names.windows(2) {
        let (i, j) = (w[0], w[1]);
        // (The user's spans may overlap: then there is nothing between them.)
        let between = text.get(anns[i].end..anns[j].start);
        if anns[i].label == anns[j].label && between.is_some_and(|b| b.trim() == "(") && text[anns[j].end..].starts_with(')') {
            join(&mut parent, i, j);
        }
    }
    // The user's merges, whatever the rules said.
    for &(x, y) in merged {
        let (Some(a), Some(b)) = (anns.iter().position(|m| m.id == x), anns.iter().position(|m| m.id == y)) else { continue };
        if anns[a].label.is_name() && anns[a].label == anns[b].label {
            let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
            if ra != rb {
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
    }
    let mut out: Vec<Cluster> = Vec::new();
    let mut index_of_root = std::collections::HashMap::new();
    for &i in &names {
        let r = find(&mut parent, i);
        let k = *index_of_root.entry(r).or_insert_with(|| {
            out.push(Cluster { label: anns[i].label, name: String::new(), mentions: Vec::new() });
            out.len() - 1
        });
        out[k].mentions.push(i);
    }
    for c in &mut out {
        let best = c.mentions.iter().copied().max_by_key(|&i| (name(i).chars().count(), name(i).chars().any(char::is_lowercase), std::cmp::Reverse(i))).unwrap();
        c.name = name(best).to_string();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::Origin;

    #[test]
    fn joins_surnames_acronyms_and_keeps_labels_apart() {
        let text = "Recep Tayyip Erdogan met Putin. Erdogan said the Kurdistan Workers' Party (PKK) and the PKK. Turkish troops left Turkey. Bashar al-Assad and Assad.";
        let spans = [
            ("Recep Tayyip Erdogan", Label::Person), ("Putin", Label::Person), ("Erdogan", Label::Person),
            ("Kurdistan Workers' Party", Label::Org), ("PKK", Label::Org), ("the PKK", Label::Org),
            ("Turkish", Label::Group), ("Turkey", Label::Place), ("Bashar al-Assad", Label::Person), ("Assad.", Label::Person),
        ];
        let mut anns = Vec::new();
        let mut from = 0;
        for (id, (s, label)) in spans.iter().enumerate() {
            let s = s.trim_start_matches("the ").trim_end_matches('.');
            let start = from + text[from..].find(s).unwrap();
            from = start + s.len();
            anns.push(Annotation { id: id as u32, label: *label, start, end: start + s.len(), origin: Origin::Auto, status: crate::annotation::Status::Suggested, rule: None, date: None, casualty: None });
        }
        let got: Vec<(String, Vec<usize>)> = clusters(text, &anns).into_iter().map(|c| (c.name, c.mentions)).collect();
        assert_eq!(
            got,
            vec![
                ("Recep Tayyip Erdogan".to_string(), vec![0, 2]),
                ("Putin".to_string(), vec![1]),
                ("Kurdistan Workers' Party".to_string(), vec![3, 4, 5]),
                ("Turkish".to_string(), vec![6]),
                ("Turkey".to_string(), vec![7]),
                ("Bashar al-Assad".to_string(), vec![8, 9]),
            ]
        );
    }
}
