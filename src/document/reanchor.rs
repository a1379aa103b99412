//! Carrying the reader's work over to an edited text (a typo fixed, a paragraph added, the same
//! text annotated again): the two texts are compared word by word (a Myers diff over words,
//! spaces and punctuation), and every annotation the user made or reviewed whose words are
//! unchanged moves with them; the fresh suggestions take the place of the old ones. What cannot
//! be placed (its words were edited) is counted, never dropped without a word.

use crate::annotation::{Origin, Status};

use super::Document;

/// The edits beyond which two texts are not compared word by word: only their common start and
/// end are kept (a rewrite, not an edit).
const MAX_EDITS: usize = 1000;

/// Runs of bytes the two texts share, in order: (start in the old text, start in the new,
/// length).
pub fn matching_runs(old: &str, new: &str) -> Vec<(usize, usize, usize)> {
    let a = tokens(old);
    let b = tokens(new);
    fn word<'t>(t: &'t str, r: &(usize, usize)) -> &'t str {
        &t[r.0..r.1]
    }
    // The common start and end first: an edit is usually small.
    let pre = a.iter().zip(&b).take_while(|(x, y)| word(old, x) == word(new, y)).count();
    let suf = a[pre..].iter().rev().zip(b[pre..].iter().rev()).take_while(|(x, y)| word(old, x) == word(new, y)).count();
    let (am, bm) = (&a[pre..a.len() - suf], &b[pre..b.len() - suf]);
    let mut pairs: Vec<(usize, usize)> = (0..pre).map(|k| (k, k)).collect();
    if let Some(mid) = myers(am.len(), bm.len(), |i, j| word(old, &am[i]) == word(new, &bm[j])) {
        pairs.extend(mid.into_iter().map(|(i, j)| (pre + i, pre + j)));
    }
    pairs.extend((0..suf).map(|k| (a.len() - suf + k, b.len() - suf + k)));
    // Matched words to byte runs, joined where they follow each other in both texts.
    let mut runs: Vec<(usize, usize, usize)> = Vec::new();
    for (i, j) in pairs {
        let (s, e) = a[i];
        let t = b[j].0;
        match runs.last_mut() {
            Some((os, ns, len)) if *os + *len == s && *ns + *len == t => *len += e - s,
            _ => runs.push((s, t, e - s)),
        }
    }
    runs
}

/// The text cut into words, runs of spaces, and single other characters (byte ranges).
fn tokens(text: &str) -> Vec<(usize, usize)> {
    let class = |c: char| if c.is_alphanumeric() { 0 } else if c.is_whitespace() { 1 } else { 2 };
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut last = None;
    for (i, c) in text.char_indices() {
        let k = class(c);
        match out.last_mut() {
            Some(r) if last == Some(k) && k != 2 => r.1 = i + c.len_utf8(),
            _ => out.push((i, i + c.len_utf8())),
        }
        last = Some(k);
    }
    out
}

/// The pairs (i, j) of a longest common subsequence of two sequences of lengths `n` and `m`
/// (`same(i, j)` compares their items), by Myers' O(ND) algorithm; `None` past [`MAX_EDITS`].
fn myers(n: usize, m: usize, same: impl Fn(usize, usize) -> bool) -> Option<Vec<(usize, usize)>> {
    let max = (n + m).min(MAX_EDITS);
    let off = max as isize + 1;
    let mut v = vec![0isize; 2 * max + 3];
    let mut trace: Vec<Vec<isize>> = Vec::new();
    let (n, m) = (n as isize, m as isize);
    for d in 0..=max as isize {
        // (What step d reads of the step before: diagonals -d-1 to d+1.)
        trace.push(v[(off - d - 1) as usize..=(off + d + 1) as usize].to_vec());
        let mut k = -d;
        while k <= d {
            let down = k == -d || (k != d && v[(off + k - 1) as usize] < v[(off + k + 1) as usize]);
            let mut x = if down { v[(off + k + 1) as usize] } else { v[(off + k - 1) as usize] + 1 };
            let mut y = x - k;
            while x < n && y < m && same(x as usize, y as usize) {
                x += 1;
                y += 1;
            }
            v[(off + k) as usize] = x;
            if x >= n && y >= m {
                return Some(backtrack(&trace, n, m, d, &same));
            }
            k += 2;
        }
    }
    None
}

/// The matches of the path found at step `d`, walked back through the steps kept in `trace`.
fn backtrack(trace: &[Vec<isize>], n: isize, m: isize, d: isize, same: &impl Fn(usize, usize) -> bool) -> Vec<(usize, usize)> {
    let (mut x, mut y) = (n, m);
    let mut out = Vec::new();
    for d in (1..=d).rev() {
        let v = |k: isize| trace[d as usize][(k + d + 1) as usize];
        let k = x - y;
        let down = k == -d || (k != d && v(k - 1) < v(k + 1));
        let pk = if down { k + 1 } else { k - 1 };
        let px = v(pk);
        let py = px - pk;
        // (The snake of this step runs back to where its one insertion or deletion ended.)
        let from = if down { px } else { px + 1 };
        while x > from && y > py {
            x -= 1;
            y -= 1;
            debug_assert!(same(x as usize, y as usize));
            out.push((x as usize, y as usize));
        }
        x = px;
        y = py;
    }
    while x > 0 && y > 0 {
        x -= 1;
        y -= 1;
        out.push((x as usize, y as usize));
    }
    out.reverse();
    out
}

/// Where the old span `start..end` lies in the new text: inside one shared run, moved with it.
fn place(runs: &[(usize, usize, usize)], start: usize, end: usize) -> Option<(usize, usize)> {
    let k = runs.partition_point(|r| r.0 + r.2 < end);
    let &(os, ns, len) = runs.get(k)?;
    (os <= start && end <= os + len).then(|| (ns + start - os, ns + end - os))
}

/// Is `new` an edit of `old` (most of the old text is still there) rather than another text?
pub fn is_edit(old: &str, new: &str) -> bool {
    if old.is_empty() || new.is_empty() {
        return false;
    }
    let shared: usize = matching_runs(old, new).iter().map(|r| r.2).sum();
    shared * 2 >= old.len().max(new.len())
}

/// What carrying the work over did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Carried {
    /// The user's annotations (made or reviewed) placed in the new text.
    pub kept: usize,
    /// Those whose words were edited, so could not be placed.
    pub lost: usize,
}

/// `fresh` (the edited text, its suggestions read already) with `old`'s work carried over:
/// every annotation the user made or reviewed, with its id, status and attributes, where its
/// words are unchanged (a fresh suggestion of the same span gives way to it); the user's labels
/// and the entity corrections between carried annotations. The machine's unreviewed
/// suggestions are the fresh ones, with the old ids where they are the same as before. Not an
/// edit: the new document starts a history of its own.
pub fn carry_over(old: &Document, mut fresh: Document) -> (Document, Carried) {
    let runs = matching_runs(old.text(), fresh.text());
    let mut carried = Carried { kept: 0, lost: 0 };
    // The user's annotations keep their ids; a fresh suggestion that an old one made again
    // (its words unchanged, the same label) keeps the old id too; the rest get new ones.
    let mut moved = Vec::new();
    let mut again: Vec<(usize, usize, crate::annotation::Label, u32)> = Vec::new();
    for a in &old.state.annotations {
        let worked = a.origin == Origin::User || a.status != Status::Suggested;
        match place(&runs, a.start, a.end) {
            Some((start, end)) if worked => {
                moved.push(crate::annotation::Annotation { start, end, ..a.clone() });
                carried.kept += 1;
            }
            Some((start, end)) => again.push((start, end, a.label, a.id)),
            None if worked => carried.lost += 1,
            None => {}
        }
    }
    let mut next = old.state.next_id;
    fresh.state.annotations.retain(|s| !moved.iter().any(|b| b.start == s.start && b.end == s.end));
    for s in &mut fresh.state.annotations {
        match again.iter().position(|g| (g.0, g.1, g.2) == (s.start, s.end, s.label)) {
            Some(k) => s.id = again.swap_remove(k).3,
            None => {
                s.id = next;
                next += 1;
            }
        }
    }
    fresh.state.next_id = next;
    fresh.state.annotations.extend(moved);
    fresh.sort();
    let (split, merged) = old.entity_edits();
    fresh.set_entity_edits(split.to_vec(), merged.to_vec());
    if fresh.state.labels.is_empty() {
        fresh.state.labels = old.state.labels.clone();
    }
    (fresh, carried)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::Label;
    use crate::document::Edit;
    use crate::text::offset::Unit;

    fn runs_text(old: &str, new: &str) -> Vec<String> {
        matching_runs(old, new).into_iter().map(|(s, _, n)| old[s..s + n].to_string()).collect()
    }

    #[test]
    fn the_words_two_texts_share_in_order() {
        assert_eq!(runs_text("Putin met Erdgan in Sochi.", "Putin met Erdogan in Sochi."), ["Putin met ", " in Sochi."]);
        assert_eq!(runs_text("a b c", "a b c"), ["a b c"]);
        assert_eq!(runs_text("one two", "three four"), [" "]);
        // A paragraph added at the start moves everything after it.
        let runs = matching_runs("Kabul: 3 dead.", "Update.\n\nKabul: 3 dead.");
        assert_eq!(runs, [(0, 9, 14)]);
        // Emoji, CJK, combining marks and right-to-left text are words like any other.
        assert_eq!(runs_text("北京 👍🏽 café قتل", "北京 👍🏽 cafe\u{301} قتل"), ["北京 👍🏽 ", " قتل"]);
    }

    #[test]
    fn runs_are_shared_in_order_whatever_the_texts() {
        let long_a: String = (0..3000).map(|k| format!("w{} ", k % 97)).collect();
        let long_b: String = (0..3000).map(|k| format!("w{} ", (k * 7) % 89)).collect();
        let pairs = [("", "x"), ("x", ""), ("a a a b", "b a a a"), ("The toll rose to 40.", "The toll, officials said, rose to 41."), (long_a.as_str(), long_b.as_str())];
        for (old, new) in pairs {
            let runs = matching_runs(old, new);
            for w in runs.windows(2) {
                assert!(w[0].0 + w[0].2 <= w[1].0 && w[0].1 + w[0].2 <= w[1].1, "{runs:?}");
            }
            for (s, t, n) in runs {
                assert_eq!(old[s..s + n], new[t..t + n]);
            }
        }
        // Past the limit of edits, the common start and end only.
        let runs = matching_runs(&format!("Start. {long_a} End."), &format!("Start. {long_b} End."));
        assert_eq!((runs.first().map(|r| r.0), runs.last().map(|r| r.0 + r.2)), (Some(0), Some(long_a.len() + 12)));
    }

    #[test]
    fn an_edit_is_most_of_the_text_kept() {
        assert!(is_edit("Three people were killed in Homs.", "Three people were killed in Hama."));
        assert!(!is_edit("Three people were killed in Homs.", "A storm hit the coast of Japan on Monday."));
        assert!(!is_edit("", "Anything."));
    }

    #[test]
    fn work_moves_with_its_words_and_what_cannot_be_placed_is_counted() {
        let old_text = "Putin met Erdgan in Sochi. Three people died in Homs.";
        let mut old = crate::annotate_dated(old_text, None);
        let id = |d: &Document, q: &str| d.annotations().iter().find(|a| &d.text()[a.start..a.end] == q).map(|a| a.id_string()).unwrap();
        // The user accepts Putin, rejects Sochi, adds a span on the misspelt name.
        old.apply(Edit::Accept { id: id(&old, "Putin") }, Unit::Byte).unwrap();
        old.apply(Edit::Reject { id: id(&old, "Sochi") }, Unit::Byte).unwrap();
        let s = old_text.find("Erdgan").unwrap();
        old.apply(Edit::Add { start: s, end: s + 6, label: "PERSON".into() }, Unit::Byte).unwrap();
        // The typo is fixed and a paragraph added before: the text is annotated again.
        let new_text = "Moscow, Monday.\n\nPutin met Erdogan in Sochi. Three people died in Homs.";
        let fresh = crate::annotate_dated(new_text, None);
        let (doc, carried) = carry_over(&old, fresh);
        assert_eq!(carried, Carried { kept: 2, lost: 1 });
        let at = |q: &str| doc.annotations().iter().filter(|a| &doc.text()[a.start..a.end] == q).map(|a| (a.label, a.status, a.origin)).collect::<Vec<_>>();
        assert_eq!(at("Putin"), [(Label::Person, Status::Accepted, Origin::Auto)]);
        assert_eq!(at("Sochi"), [(Label::Place, Status::Rejected, Origin::Auto)], "the rejection stays, the fresh suggestion gives way");
        assert!(doc.annotations().iter().any(|a| &doc.text()[a.start..a.end] == "Homs" && a.status == Status::Suggested), "fresh suggestions elsewhere");
        doc.check().unwrap();
        // Ids stay: the reviewed ones, and suggestions made again of unchanged words.
        let ids = |d: &Document, q: &str| d.annotations().iter().filter(|a| &d.text()[a.start..a.end] == q).map(|a| a.id).collect::<Vec<_>>();
        assert_eq!(ids(&doc, "Putin"), ids(&old, "Putin"));
        assert_eq!(ids(&doc, "Homs"), ids(&old, "Homs"));
        // The same text again keeps everything.
        let (again, carried) = carry_over(&old, crate::annotate_dated(old_text, None));
        assert_eq!(carried, Carried { kept: 3, lost: 0 });
        // (Every id an old one; a suggestion under the user's own span of the same words goes.)
        let old_ids: Vec<u32> = old.annotations().iter().map(|a| a.id).collect();
        assert!(again.annotations().iter().all(|a| old_ids.contains(&a.id)));
        let under_user = old.annotations().iter().filter(|a| a.origin == Origin::Auto && old.annotations().iter().any(|u| u.origin == Origin::User && (u.start, u.end) == (a.start, a.end))).count();
        assert_eq!(again.annotations().len(), old_ids.len() - under_user);
        assert_eq!(again.annotations().iter().filter(|a| a.origin == Origin::User).count(), 1);
        again.check().unwrap();
    }
}
