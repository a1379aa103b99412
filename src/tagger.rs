//! A compact statistical name tagger: a first-order structured perceptron over hashed features
//! (word, lower-cased word, shape, prefixes, suffixes, neighbours, capitalisation in context,
//! gazetteer membership, how the word is written elsewhere in the document), decoded with
//! Viterbi under BIO constraints. Trained by `gloss train` on the CoNLL-2003 training split;
//! the weights are quantised to one byte and embedded with `include_bytes!`.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::gazetteer;
use crate::segment::{Segmentation, Sentence, TokenKind};

/// Entity classes the model knows; MISC is learnt so it does not pollute the others.
pub const CLASSES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];
/// Tags: O, then B and I of each class.
pub const TAGS: usize = 1 + 2 * CLASSES.len();

fn tag_name(t: usize) -> String {
    if t == 0 { "O".into() } else { format!("{}-{}", if t % 2 == 1 { "B" } else { "I" }, CLASSES[(t - 1) / 2]) }
}

/// Tag index of B-class (c) and I-class.
pub fn b_tag(c: usize) -> usize {
    1 + 2 * c
}

fn allowed(prev: usize, cur: usize) -> bool {
    // I-X only after B-X or I-X.
    cur == 0 || cur % 2 == 1 || (prev != 0 && (prev - 1) / 2 == (cur - 1) / 2)
}

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
    s.as_bytes().iter().fold(0xcbf29ce484222325u64, |h, &b| (h ^ b as u64).wrapping_mul(0x100000001b3))
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
    /// Gazetteer names of the whole text, in order.
    pub hits: Vec<gazetteer::Hit>,
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
        DocInfo { hits: gazetteer::get().find(text), cap_mid, lower }
    }
}

/// Gazetteer hits per token: (label letter, begins) for each token of the sentence.
fn gazetteer_marks(s: &Sentence, hits: &[gazetteer::Hit]) -> Vec<Option<(u8, bool)>> {
    let mut marks = vec![None; s.tokens.len()];
    let from = hits.partition_point(|h| h.start < s.start);
    for hit in hits[from..].iter().take_while(|h| h.end <= s.end) {
        if hit.entry.rule == "entity/known-name" {
            continue; // learnt from the same training data: the model must not lean on it
        }
        let letter = match hit.entry.label {
            crate::Label::Place => b'P',
            crate::Label::Org => b'O',
            crate::Label::Group => b'G',
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
    let g = gazetteer::get();
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
    let first: Vec<bool> = words.iter().map(|w| w.starts_with(char::is_uppercase) && g.first_names.contains(w)).collect();
    let lwh = |i: isize| -> u64 { if i < 0 { start_h } else if i as usize >= n { end_h } else { lh[i as usize] } };
    let shh_at = |i: isize| -> u64 { if i < 0 { start_h } else if i as usize >= n { end_h } else { shh[i as usize] } };
    let gaz = gazetteer_marks(s, &doc.hits);
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
                    f.push(H::new(3 + k).h(prefix).done());
                }
                None => break,
            }
        }
        let mut starts = l.char_indices().rev().map(|(b, _)| b);
        for k in 1..=4u8 {
            match starts.next() {
                Some(b) if b > 0 => f.push(H::new(8 + k).h(str_hash(&l[b..])).done()),
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
        if g.common_words.contains(l) {
            f.push(H::new(29).h(si).done());
        }
        if i > 0 && g.model_titles.contains(words[i - 1]) {
            f.push(H::new(30).done());
        }
        if w.chars().next().is_some_and(char::is_uppercase) {
            f.push(H::new(31).s(if doc.cap_mid.contains(l) { "m" } else { "-" }).s(if doc.lower.contains(l) { "l" } else { "-" }).done());
        }
        out.bounds.push(out.hashes.len() as u32);
    }
    out
}

/// Feature hash → weights, in one open-addressed table whose slots hold the key beside its
/// weights, so a look-up, hit or miss, usually reads a single cache line. At most half full.
struct FeatureTable {
    slots: Vec<Slot>,
    shift: u32,
    /// The weights of the one key that equals the empty marker, if the model has it.
    max_key: Option<[i8; TAGS]>,
}

#[derive(Clone, Copy)]
#[repr(C)]
struct Slot {
    key: u32,
    w: [i8; TAGS],
}

const EMPTY: u32 = u32::MAX;

impl FeatureTable {
    fn with_capacity(n: usize) -> FeatureTable {
        let bits = (2 * n.max(1)).next_power_of_two().trailing_zeros().max(4);
        FeatureTable { slots: vec![Slot { key: EMPTY, w: [0; TAGS] }; 1 << bits], shift: 32 - bits, max_key: None }
    }

    fn home(&self, key: u32) -> usize {
        (key.wrapping_mul(0x9E37_79B1) >> self.shift) as usize
    }

    fn insert(&mut self, key: u32, w: [i8; TAGS]) {
        if key == EMPTY {
            self.max_key = Some(w);
            return;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        while self.slots[i].key != EMPTY && self.slots[i].key != key {
            i = (i + 1) & mask;
        }
        self.slots[i] = Slot { key, w };
    }

    #[inline]
    fn get(&self, key: &u32) -> Option<&[i8; TAGS]> {
        let key = *key;
        if key == EMPTY {
            return self.max_key.as_ref();
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        loop {
            let slot = &self.slots[i];
            if slot.key == key {
                return Some(&slot.w);
            }
            if slot.key == EMPTY {
                return None;
            }
            i = (i + 1) & mask;
        }
    }
}

/// Trained weights: per feature, one byte per tag, and transition scores.
pub struct Model {
    /// Feature hash → one weight per tag, kept together so a lookup touches one place.
    index: FeatureTable,
    scale: f32,
    trans: Vec<f32>,
}

const MAGIC: &[u8; 8] = b"GLOSSTG1";

impl Model {
    /// Reads the binary form written by [`Model::to_bytes`].
    ///
    /// # Panics
    /// On a malformed file: the model is built in, so that is a build error.
    pub fn from_bytes(b: &[u8]) -> Model {
        assert!(b.len() >= 20 && &b[..8] == MAGIC, "data/tagger.bin: not a gloss tagger model");
        let u32_at = |o: usize| u32::from_le_bytes(b[o..o + 4].try_into().unwrap());
        let tags = u32_at(8) as usize;
        assert_eq!(tags, TAGS, "data/tagger.bin: model has {tags} tags, code expects {TAGS}");
        let n = u32_at(12) as usize;
        let scale = f32::from_le_bytes(b[16..20].try_into().unwrap());
        let mut o = 20;
        let mut trans = Vec::with_capacity((TAGS + 1) * TAGS);
        for _ in 0..(TAGS + 1) * TAGS {
            trans.push(f32::from_le_bytes(b[o..o + 4].try_into().unwrap()));
            o += 4;
        }
        assert_eq!(o + n * 4 + n * TAGS, b.len(), "data/tagger.bin: truncated or padded");
        let w = o + 4 * n;
        let mut index = FeatureTable::with_capacity(n);
        for k in 0..n {
            let mut row = [0i8; TAGS];
            for (t, r) in row.iter_mut().enumerate() {
                *r = b[w + k * TAGS + t] as i8;
            }
            index.insert(u32_at(o + 4 * k), row);
        }
        Model { index, scale, trans }
    }

    fn emissions(&self, feats: &[u32], out: &mut [f32; TAGS]) {
        let mut acc = [0i32; TAGS];
        for f in feats {
            if let Some(w) = self.index.get(f) {
                for t in 0..TAGS {
                    acc[t] += w[t] as i32;
                }
            }
        }
        for t in 0..TAGS {
            out[t] = acc[t] as f32 * self.scale;
        }
    }

    /// Best tag sequence for a sentence's features.
    pub fn tag(&self, feats: &Features) -> Vec<usize> {
        let mut em = vec![[0f32; TAGS]; feats.len()];
        for (i, e) in em.iter_mut().enumerate() {
            self.emissions(feats.token(i), e);
        }
        viterbi(&em, &self.trans)
    }
}

/// Viterbi under BIO constraints; `trans[(prev + 1) * TAGS + cur]`, prev = -1 at the start.
fn viterbi(em: &[[f32; TAGS]], trans: &[f32]) -> Vec<usize> {
    let n = em.len();
    if n == 0 {
        return Vec::new();
    }
    // Forbidden transitions cost minus infinity, so the inner loop has no branch on them.
    let mut t2 = [[f32::NEG_INFINITY; TAGS]; TAGS + 1];
    for (p, row) in t2.iter_mut().enumerate() {
        for (c, x) in row.iter_mut().enumerate() {
            let ok = if p == 0 { c == 0 || c % 2 == 1 } else { allowed(p - 1, c) };
            if ok {
                *x = trans[p * TAGS + c];
            }
        }
    }
    let mut score = [0f32; TAGS];
    for (t, s) in score.iter_mut().enumerate() {
        *s = em[0][t] + t2[0][t];
    }
    let mut back = vec![[0u8; TAGS]; n];
    for i in 1..n {
        let mut next = [f32::NEG_INFINITY; TAGS];
        for t in 0..TAGS {
            // (An I tag can only follow the B or I of its class; the rest is minus infinity.)
            let candidates = if t != 0 && t % 2 == 0 { t - 1..t + 1 } else { 0..TAGS };
            let mut best = f32::NEG_INFINITY;
            let mut arg = candidates.start;
            for p in candidates {
                let s = score[p] + t2[p + 1][t];
                if s > best {
                    best = s;
                    arg = p;
                }
            }
            next[t] = best + em[i][t];
            back[i][t] = arg as u8;
        }
        score = next;
    }
    let mut t = (0..TAGS).max_by(|&a, &b| score[a].total_cmp(&score[b])).unwrap();
    let mut out = vec![0; n];
    for i in (0..n).rev() {
        out[i] = t;
        t = back[i][t] as usize;
    }
    out
}

/// FNV-1a 64 of some bytes, for the model's recorded checksums.
pub fn fnv64(b: &[u8]) -> u64 {
    b.iter().fold(0xcbf29ce484222325u64, |h, &x| (h ^ x as u64).wrapping_mul(0x100000001b3))
}

/// Checksum of the word lists the features read.
pub fn lists_fnv64() -> u64 {
    fnv64(gazetteer::SOURCES.concat().as_bytes())
}

/// The lines recorded beside the model: checksums of the training data, of the word lists the
/// features read, and of the model itself.
pub fn checksum_line(train: &[u8], model: &[u8]) -> String {
    format!("train-fnv64 {:016x}\nlists-fnv64 {:016x}\nmodel-fnv64 {:016x}\n", fnv64(train), lists_fnv64(), fnv64(model))
}

static MODEL: LazyLock<Model> = LazyLock::new(|| Model::from_bytes(include_bytes!("../data/tagger.bin")));

pub fn model() -> &'static Model {
    &MODEL
}

/// Spans (token range, class index) of a tag sequence.
pub fn spans(tags: &[usize]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        if tags[i] != 0 {
            let c = (tags[i] - 1) / 2;
            let mut j = i + 1;
            while j < tags.len() && tags[j] == b_tag(c) + 1 {
                j += 1;
            }
            out.push((i, j, c));
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

pub mod train {
    //! Deterministic training: averaged structured perceptron, fixed epochs and shuffle seed.
    use super::*;

    /// One training sentence: features and gold tags.
    pub struct Example {
        pub feats: Features,
        pub gold: Vec<usize>,
    }

    pub struct Trainer {
        w: HashMap<u32, [f32; TAGS]>,
        total: HashMap<u32, [f32; TAGS]>,
        stamp: HashMap<u32, u32>,
        trans: Vec<f32>,
        trans_total: Vec<f32>,
        trans_stamp: Vec<u32>,
        clock: u32,
    }

    impl Default for Trainer {
        fn default() -> Self {
            Trainer {
                w: HashMap::new(),
                total: HashMap::new(),
                stamp: HashMap::new(),
                trans: vec![0.0; (TAGS + 1) * TAGS],
                trans_total: vec![0.0; (TAGS + 1) * TAGS],
                trans_stamp: vec![0; (TAGS + 1) * TAGS],
                clock: 0,
            }
        }
    }

    impl Trainer {
        fn em(&self, feats: &Features) -> Vec<[f32; TAGS]> {
            (0..feats.len())
                .map(|i| {
                    let fs = feats.token(i);
                    let mut e = [0f32; TAGS];
                    for f in fs {
                        if let Some(w) = self.w.get(f) {
                            for t in 0..TAGS {
                                e[t] += w[t];
                            }
                        }
                    }
                    e
                })
                .collect()
        }

        fn bump(&mut self, f: u32, t: usize, by: f32) {
            let c = self.clock;
            let last = *self.stamp.get(&f).unwrap_or(&0);
            let w = self.w.entry(f).or_insert([0.0; TAGS]);
            let tot = self.total.entry(f).or_insert([0.0; TAGS]);
            for k in 0..TAGS {
                tot[k] += (c - last) as f32 * w[k];
            }
            w[t] += by;
            self.stamp.insert(f, c);
        }

        fn bump_trans(&mut self, k: usize, by: f32) {
            self.trans_total[k] += (self.clock - self.trans_stamp[k]) as f32 * self.trans[k];
            self.trans[k] += by;
            self.trans_stamp[k] = self.clock;
        }

        pub fn learn(&mut self, ex: &Example) {
            self.clock += 1;
            let guess = viterbi(&self.em(&ex.feats), &self.trans);
            if guess == ex.gold {
                return;
            }
            for i in 0..ex.gold.len() {
                let (g, p) = (ex.gold[i], guess[i]);
                let (gp, pp) = if i == 0 { (0, 0) } else { (ex.gold[i - 1] + 1, guess[i - 1] + 1) };
                if g != p {
                    for &f in ex.feats.token(i) {
                        self.bump(f, g, 1.0);
                        self.bump(f, p, -1.0);
                    }
                }
                if g != p || gp != pp {
                    self.bump_trans(gp * TAGS + g, 1.0);
                    self.bump_trans(pp * TAGS + p, -1.0);
                }
            }
        }

        /// Averaged, quantised, pruned weights in the binary form of [`Model::from_bytes`].
        pub fn finish(mut self) -> Vec<u8> {
            let c = self.clock.max(1) as f32;
            let keys: Vec<u32> = self.w.keys().copied().collect();
            for f in keys {
                let last = self.stamp[&f];
                let w = self.w[&f];
                let tot = self.total.get_mut(&f).unwrap();
                for k in 0..TAGS {
                    tot[k] += (self.clock - last) as f32 * w[k];
                }
            }
            for k in 0..self.trans.len() {
                self.trans_total[k] += (self.clock - self.trans_stamp[k]) as f32 * self.trans[k];
            }
            let avg: Vec<(u32, [f32; TAGS])> = {
                let mut v: Vec<(u32, [f32; TAGS])> = self.total.iter().map(|(&f, t)| (f, t.map(|x| x / c))).collect();
                v.sort_by_key(|x| x.0);
                v
            };
            let max = avg.iter().flat_map(|(_, w)| w.iter()).fold(0f32, |m, &x| m.max(x.abs()));
            let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
            let kept: Vec<(u32, [i8; TAGS])> = avg
                .iter()
                .map(|(f, w)| (*f, w.map(|x| (x / scale).round().clamp(-127.0, 127.0) as i8)))
                .filter(|(_, q)| q.iter().any(|&x| x != 0))
                .collect();
            let mut out = Vec::new();
            out.extend_from_slice(MAGIC);
            out.extend_from_slice(&(TAGS as u32).to_le_bytes());
            out.extend_from_slice(&(kept.len() as u32).to_le_bytes());
            out.extend_from_slice(&scale.to_le_bytes());
            for k in 0..self.trans_total.len() {
                out.extend_from_slice(&(self.trans_total[k] / c).to_le_bytes());
            }
            for (f, _) in &kept {
                out.extend_from_slice(&f.to_le_bytes());
            }
            for (_, q) in &kept {
                out.extend(q.iter().map(|&x| x as u8));
            }
            out
        }
    }

    /// Gold tags of a sentence from labelled byte spans (label as CoNLL class name).
    pub fn gold_tags(s: &Sentence, spans: &[(usize, usize, usize)]) -> Vec<usize> {
        let mut prev = None;
        s.tokens
            .iter()
            .map(|t| match spans.iter().position(|(a, b, _)| t.start >= *a && t.end <= *b) {
                Some(k) => {
                    let tag = if prev == Some(k) { b_tag(spans[k].2) + 1 } else { b_tag(spans[k].2) };
                    prev = Some(k);
                    tag
                }
                None => {
                    prev = None;
                    0
                }
            })
            .collect()
    }

    /// Deterministic shuffle (a fixed linear congruential generator).
    pub fn shuffle<T>(v: &mut [T], seed: u64) {
        let mut x = seed;
        for i in (1..v.len()).rev() {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let j = (x >> 33) as usize % (i + 1);
            v.swap(i, j);
        }
    }

    pub fn tag_name_of(t: usize) -> String {
        tag_name(t)
    }

    /// Sentences of a JSONL file of gold documents, as training examples.
    ///
    /// # Errors
    /// A line that is not a document with `text` and `annotations`.
    pub fn examples(jsonl: &str) -> Result<Vec<Example>, String> {
        let mut out = Vec::new();
        for (n, line) in jsonl.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let v: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("line {}: {e}", n + 1))?;
            let text = v["text"].as_str().ok_or_else(|| format!("line {}: no text", n + 1))?;
            let map = crate::offset::OffsetMap::new(text);
            let mut spans = Vec::new();
            for a in v["annotations"].as_array().ok_or_else(|| format!("line {}: no annotations", n + 1))? {
                let class = match a["label"].as_str() {
                    Some("PERSON") => 0,
                    Some("ORG") => 1,
                    Some("PLACE") => 2,
                    Some("MISC") => 3,
                    _ => continue,
                };
                let cp = |k: &str| a[k].as_u64().map(|x| x as usize).ok_or_else(|| format!("line {}: bad offset", n + 1));
                let unit = crate::offset::Unit::CodePoint;
                let (s, e) = (map.to_byte(cp("start")?, unit).map_err(|e| e.to_string())?, map.to_byte(cp("end")?, unit).map_err(|e| e.to_string())?);
                spans.push((s, e, class));
            }
            let seg = crate::segment::segment(text);
            let doc = DocInfo::new(text, &seg);
            for s in &seg.sentences {
                out.push(Example { feats: features(text, s, &doc), gold: gold_tags(s, &spans) });
            }
        }
        Ok(out)
    }

    /// Exact-span F1 of PER, ORG and LOC on `examples` with the averaged model `bytes`.
    pub fn span_f1(bytes: &[u8], examples: &[Example]) -> f64 {
        let m = Model::from_bytes(bytes);
        let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
        for ex in examples {
            let keep = |v: Vec<(usize, usize, usize)>| v.into_iter().filter(|x| x.2 < 3).collect::<std::collections::HashSet<_>>();
            let g = keep(spans(&ex.gold));
            let p = keep(spans(&m.tag(&ex.feats)));
            tp += g.intersection(&p).count();
            fp += p.difference(&g).count();
            fn_ += g.difference(&p).count();
        }
        let (p, r) = (tp as f64 / (tp + fp).max(1) as f64, tp as f64 / (tp + fn_).max(1) as f64);
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }

    /// Trains for `epochs` passes with a fixed shuffle; `log` hears about each epoch.
    pub fn train(mut examples: Vec<Example>, epochs: usize, dev: Option<&[Example]>, mut log: impl FnMut(String)) -> Vec<u8> {
        let mut t = Trainer::default();
        for epoch in 0..epochs {
            shuffle(&mut examples, 0x5eed + epoch as u64);
            for ex in &examples {
                t.learn(ex);
            }
            if let Some(dev) = dev {
                let snapshot = Trainer { w: t.w.clone(), total: t.total.clone(), stamp: t.stamp.clone(), trans: t.trans.clone(), trans_total: t.trans_total.clone(), trans_stamp: t.trans_stamp.clone(), clock: t.clock };
                log(format!("epoch {}: dev span F1 {:.4}", epoch + 1, span_f1(&snapshot.finish(), dev)));
            } else {
                log(format!("epoch {} done", epoch + 1));
            }
        }
        t.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viterbi_respects_bio() {
        // Emissions favour I-PER at the start; the constraint forces B-PER.
        let mut em = vec![[0f32; TAGS]; 2];
        em[0][b_tag(0) + 1] = 5.0;
        em[0][b_tag(0)] = 1.0;
        em[1][b_tag(0) + 1] = 5.0;
        let trans = vec![0f32; (TAGS + 1) * TAGS];
        assert_eq!(viterbi(&em, &trans), vec![b_tag(0), b_tag(0) + 1]);
        assert_eq!(spans(&[0, b_tag(1), b_tag(1) + 1, 0, b_tag(0)]), vec![(1, 3, 1), (4, 5, 0)]);
    }

    /// The committed model is the one training produced from the committed data: the
    /// checksums recorded by `make train` agree with the training file, the word lists and the
    /// model. Run `make train` after changing any of them.
    #[test]
    fn committed_model_matches_its_training_data() {
        let root = env!("CARGO_MANIFEST_DIR");
        let train = std::fs::read(format!("{root}/../shared/eval/conll2003-train.jsonl")).expect("../shared/eval/conll2003-train.jsonl");
        let model = std::fs::read(format!("{root}/data/tagger.bin")).unwrap();
        let recorded = std::fs::read_to_string(format!("{root}/data/tagger.bin.sum")).unwrap();
        assert_eq!(recorded, checksum_line(&train, &model), "data/tagger.bin is stale: run `make train`");
        assert_eq!(model, include_bytes!("../data/tagger.bin"));
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("Erdogan"), "Xx");
        assert_eq!(shape("PKK"), "X");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("1,200"), "d,d");
        assert_eq!(shape("al-Assad"), "x-Xx");
    }
}
