//! The tagger's features: each token's word, lower-case form and shape, its prefixes and
//! suffixes, its neighbours, where it stands in the sentence, the word lists it is in and how
//! the document writes it elsewhere, hashed once and combined per feature template.

use super::lexicon;
use crate::recognize::gazetteer;
use crate::text::segment::{Segmentation, Sentence, TokenKind};

/// FNV-1a over a template id and string parts, folded to 32 bits.
#[derive(Clone, Copy)]
struct H(u64);

impl H {
    fn new(template: u8) -> H {
        H((0xcbf29ce484222325u64 ^ template as u64).wrapping_mul(0x100000001b3))
    }
    fn s(mut self, s: &str) -> H {
        for &b in s.as_bytes() {
            self.0 = (self.0 ^ b as u64).wrapping_mul(0x100000001b3);
        }
        self.0 = (self.0 ^ 0xff).wrapping_mul(0x100000001b3);
        self
    }
    /// Mixes in a string already hashed with [`str_hash`], so a word hashed once serves every
    /// feature that names it.
    fn h(mut self, x: u64) -> H {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x517c_c1b7_2722_0a95);
        self
    }
    fn done(self) -> u32 {
        (self.0 ^ (self.0 >> 32)) as u32
    }
}

/// FNV-1a 64 of a string, for [`H::h`].
fn str_hash(s: &str) -> u64 {
    super::fnv64(s.as_bytes())
}

/// Appends the shape of `w` to `out`: classes of characters, repeats collapsed (`Xx`, `X.X.`).
fn push_shape(out: &mut String, w: &str) {
    let mut last = ' ';
    for c in w.chars() {
        let k = if c.is_uppercase() { 'X' } else if c.is_lowercase() { 'x' } else if c.is_numeric() { 'd' } else { c };
        if k != last {
            out.push(k);
            last = k;
        }
    }
}

#[cfg(test)]
fn shape(w: &str) -> String {
    let mut out = String::new();
    push_shape(&mut out, w);
    out
}

/// Per-document facts that help one name keep one reading.
pub struct DocInfo<'a> {
    /// Names of the lists the model reads, in order.
    pub hits: Vec<gazetteer::Hit>,
    /// Names of every list, in order (what the rules read).
    pub all_hits: Vec<gazetteer::Hit>,
    /// Lower-cased words seen capitalised away from a sentence start.
    cap_mid: crate::hash::FxHashSet<String>,
    /// Words seen in lower case.
    lower: crate::hash::FxHashSet<&'a str>,
}

impl<'a> DocInfo<'a> {
    pub fn new(text: &'a str, seg: &Segmentation) -> DocInfo<'a> {
        let mut cap_mid = crate::hash::FxHashSet::default();
        let mut lower = crate::hash::FxHashSet::default();
        for s in &seg.sentences {
            for (i, t) in s.tokens.iter().enumerate() {
                if t.kind != TokenKind::Word {
                    continue;
                }
                let w = &text[t.start..t.end];
                let first = w.chars().next().unwrap_or(' ');
                if first.is_lowercase() {
                    lower.insert(w);
                } else if first.is_uppercase() && i > 0 && !s.title_case && !w.chars().all(|c| !c.is_lowercase()) {
                    cap_mid.insert(w.to_lowercase());
                }
            }
        }
        let g = gazetteer::get();
        let hits = g.find(text);
        let all_hits = g.find_all(text, &hits);
        DocInfo { hits, all_hits, cap_mid, lower }
    }
}

/// Gazetteer hits per token: (label letter, begins) for each token of the sentence.
fn gazetteer_marks(s: &Sentence, hits: &[gazetteer::Hit]) -> Vec<Option<(u8, bool)>> {
    let mut marks = vec![None; s.tokens.len()];
    let from = hits.partition_point(|h| h.start < s.start);
    for hit in hits[from..].iter().take_while(|h| h.end <= s.end) {
        if hit.entry.rule == "known-name" {
            continue; // learnt from the same training data: the model must not lean on it
        }
        let letter = match hit.entry.label {
            crate::annotation::Label::Place => b'P',
            crate::annotation::Label::Org => b'O',
            crate::annotation::Label::Group => b'G',
            _ => b'N',
        };
        let (a, b) = (hit.start, hit.end);
        let mut first = true;
        for (k, t) in s.tokens.iter().enumerate() {
            if t.start >= a && t.end <= b {
                marks[k] = Some((letter, first));
                first = false;
            }
        }
    }
    marks
}

/// The feature hashes of a sentence's tokens, stored flat.
#[derive(Debug, Clone, Default)]
pub struct Features {
    hashes: Vec<u32>,
    /// Token `i`'s features are `hashes[bounds[i]..bounds[i + 1]]`.
    bounds: Vec<u32>,
}

impl Features {
    pub fn len(&self) -> usize {
        self.bounds.len().saturating_sub(1)
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn token(&self, i: usize) -> &[u32] {
        &self.hashes[self.bounds[i] as usize..self.bounds[i + 1] as usize]
    }
}

/// Feature hashes of every token of a sentence.
pub fn features(text: &str, s: &Sentence, doc: &DocInfo<'_>) -> Features {
    let n = s.tokens.len();
    let words: Vec<&str> = s.tokens.iter().map(|t| &text[t.start..t.end]).collect();
    // Lower-cased words and shapes, each in one buffer.
    let mut lower_buf = String::with_capacity(s.end - s.start + 8);
    let mut shape_buf = String::with_capacity(s.end - s.start + 8);
    let mut lr = Vec::with_capacity(n);
    let mut sr = Vec::with_capacity(n);
    for w in &words {
        let a = lower_buf.len();
        lower_buf.extend(w.chars().flat_map(char::to_lowercase));
        lr.push((a, lower_buf.len()));
        let a = shape_buf.len();
        push_shape(&mut shape_buf, w);
        sr.push((a, shape_buf.len()));
    }
    let lower = |i: usize| &lower_buf[lr[i].0..lr[i].1];
    let shape_of = |i: usize| &shape_buf[sr[i].0..sr[i].1];
    // Each word, lower-cased word and shape hashed once; `<s>` and `</s>` at the ends.
    let (start_h, end_h) = (str_hash("<s>"), str_hash("</s>"));
    let wh: Vec<u64> = words.iter().map(|w| str_hash(w)).collect();
    let lh: Vec<u64> = (0..n).map(|i| str_hash(lower(i))).collect();
    let shh: Vec<u64> = (0..n).map(|i| str_hash(shape_of(i))).collect();
    // What the lexicon knows of each word: its cluster and common-word flag under the word
    // lower-cased, its given-name and title flags under the word as written.
    let lex = lexicon::get();
    let low: Vec<lexicon::Entry> = lh.iter().map(|&h| lex.get(h)).collect();
    let written: Vec<u8> = (0..n).map(|i| if wh[i] == lh[i] { low[i].flags } else { lex.get(wh[i]).flags }).collect();
    let first: Vec<bool> = (0..n).map(|i| written[i] & lexicon::GIVEN_NAME != 0 && words[i].starts_with(char::is_uppercase)).collect();
    let lwh = |i: isize| -> u64 { if i < 0 { start_h } else if i as usize >= n { end_h } else { lh[i as usize] } };
    let shh_at = |i: isize| -> u64 { if i < 0 { start_h } else if i as usize >= n { end_h } else { shh[i as usize] } };
    let gaz = gazetteer_marks(s, &doc.hits);
    let cw_at = |i: isize| -> u64 { if i < 0 { start_h } else if i as usize >= n { end_h } else { u64::from(low[i as usize].path) } };
    let all_caps_sentence = words.iter().filter(|w| w.chars().any(char::is_alphabetic)).all(|w| !w.chars().any(char::is_lowercase));
    let mut out = Features { hashes: Vec::with_capacity(n * 30), bounds: Vec::with_capacity(n + 1) };
    out.bounds.push(0);
    let mut initial = true;
    for i in 0..n {
        let ii = i as isize;
        let w = words[i];
        let l = lower(i);
        let f = &mut out.hashes;
        f.push(H::new(0).done());
        let (wi, li, si) = (wh[i], lh[i], shh[i]);
        f.push(H::new(1).h(wi).done());
        f.push(H::new(2).h(li).done());
        f.push(H::new(3).h(si).done());
        // Prefixes and suffixes of one to four characters, when the word is longer.
        // (The prefixes' hashes grow one character at a time.)
        let mut ends = l.char_indices().map(|(b, _)| b).skip(1);
        let mut prefix = 0xcbf29ce484222325u64;
        let mut done_to = 0;
        for k in 1..=4u8 {
            match ends.next() {
                Some(b) => {
                    prefix = l.as_bytes()[done_to..b].iter().fold(prefix, |h, &x| (h ^ x as u64).wrapping_mul(0x100000001b3));
                    done_to = b;
                    if k >= 3 {
                        f.push(H::new(3 + k).h(prefix).done());
                    }
                }
                None => break,
            }
        }
        let mut starts = l.char_indices().rev().map(|(b, _)| b);
        for k in 1..=4u8 {
            match starts.next() {
                Some(b) if b > 0 => {
                    if k >= 2 {
                        f.push(H::new(8 + k).h(str_hash(&l[b..])).done());
                    }
                }
                _ => break,
            }
        }
        f.push(H::new(13).h(lwh(ii - 1)).done());
        f.push(H::new(14).h(lwh(ii + 1)).done());
        f.push(H::new(15).h(lwh(ii - 2)).done());
        f.push(H::new(16).h(lwh(ii + 2)).done());
        f.push(H::new(17).h(shh_at(ii - 1)).h(si).done());
        f.push(H::new(18).h(si).h(shh_at(ii + 1)).done());
        f.push(H::new(19).h(lwh(ii - 1)).h(li).done());
        f.push(H::new(20).h(li).h(lwh(ii + 1)).done());
        f.push(H::new(21).h(u64::from(initial)).h(si).done());
        initial &= s.tokens[i].kind == TokenKind::Punct;
        if s.title_case {
            f.push(H::new(22).h(si).done());
        }
        if all_caps_sentence {
            f.push(H::new(23).h(li).done());
        }
        for (d, m) in [(-1isize, 24u8), (0, 25), (1, 26)] {
            let k = ii + d;
            if k >= 0 && (k as usize) < n {
                if let Some((letter, begins)) = gaz[k as usize] {
                    let code = [letter, if begins { b'B' } else { b'I' }];
                    f.push(H::new(m).s(std::str::from_utf8(&code).unwrap()).done());
                }
            }
        }
        if first[i] {
            f.push(H::new(27).done());
        }
        if i > 0 && first[i - 1] {
            f.push(H::new(28).done());
        }
        if low[i].flags & lexicon::COMMON != 0 {
            f.push(H::new(29).h(si).done());
        }
        if i > 0 && written[i - 1] & lexicon::TITLE != 0 {
            f.push(H::new(30).done());
        }
        // Clusters: the word's at three grains (with its shape at the finest), its neighbours'.
        if low[i].path == lexicon::NONE {
            f.push(H::new(32).h(si).done());
        } else {
            let c = low[i].path;
            f.push(H::new(33).h(u64::from(lex.prefix(c, 1))).done());
            f.push(H::new(34).h(u64::from(lex.prefix(c, 2))).done());
            f.push(H::new(35).h(u64::from(c)).h(si).done());
        }
        f.push(H::new(36).h(cw_at(ii - 1)).done());
        f.push(H::new(37).h(cw_at(ii + 1)).done());
        if w.chars().next().is_some_and(char::is_uppercase) {
            f.push(H::new(31).s(if doc.cap_mid.contains(l) { "m" } else { "-" }).s(if doc.lower.contains(l) { "l" } else { "-" }).done());
        }
        out.bounds.push(out.hashes.len() as u32);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(shape("Erdogan"), "Xx");
        assert_eq!(shape("PKK"), "X");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("1,200"), "d,d");
        assert_eq!(shape("al-Assad"), "x-Xx");
    }
}
