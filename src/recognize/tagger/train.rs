//! Deterministic training: averaged structured perceptron, fixed epochs and shuffle seed.
use std::collections::HashMap;

use super::features::{DocInfo, Features, features};
use super::{Model, MAGIC, TAGS, b_tag, spans, tag_name, viterbi};
use crate::text::segment::Sentence;

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
        let map = crate::text::offset::OffsetMap::new(text);
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
            let unit = crate::text::offset::Unit::CodePoint;
            let (s, e) = (map.to_byte(cp("start")?, unit).map_err(|e| e.to_string())?, map.to_byte(cp("end")?, unit).map_err(|e| e.to_string())?);
            spans.push((s, e, class));
        }
        let seg = crate::text::segment::segment(text);
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
