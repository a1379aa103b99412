//! A compact statistical name tagger: a first-order structured perceptron over hashed features
//! (word, lower-cased word, shape, prefixes, suffixes, neighbours, capitalisation in context,
//! gazetteer membership, how the word is written elsewhere in the document), decoded with
//! Viterbi under BIO constraints. Trained by `gloss train` on the CoNLL-2003 training split;
//! the weights are quantised to one byte and embedded with `include_bytes!`.

use std::sync::LazyLock;

pub mod lexicon;
pub mod features;
pub mod train;

pub use features::{DocInfo, Features, features};

/// Entity classes the model knows; MISC is learnt so it does not pollute the others.
pub const CLASSES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];
/// Tags: O, then B and I of each class.
pub const TAGS: usize = 1 + 2 * CLASSES.len();

pub(crate) fn tag_name(t: usize) -> String {
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

pub(crate) const MAGIC: &[u8; 8] = b"GLOSSTG1";

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
pub(crate) fn viterbi(em: &[[f32; TAGS]], trans: &[f32]) -> Vec<usize> {
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
    fnv64((crate::recognize::gazetteer::SOURCES.concat() + lexicon::CLUSTERS).as_bytes())
}

/// The lines recorded beside the model: checksums of the training data, of the word lists the
/// features read, and of the model itself.
pub fn checksum_line(train: &[u8], model: &[u8]) -> String {
    format!("train-fnv64 {:016x}\nlists-fnv64 {:016x}\nmodel-fnv64 {:016x}\n", fnv64(train), lists_fnv64(), fnv64(model))
}

static MODEL: LazyLock<Model> = LazyLock::new(|| Model::from_bytes(include_bytes!("../../../data/tagger.bin")));

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
        assert_eq!(model, include_bytes!("../../../data/tagger.bin"));
    }
}
