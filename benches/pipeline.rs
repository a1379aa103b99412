//! Throughput of the core, per stage, in words per second (criterion's `Elements` throughput),
//! on the example article and on the CoNLL-2003 dev text (216 Reuters articles).
//!
//!     cargo bench --bench pipeline

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

fn corpus() -> Vec<String> {
    let root = env!("CARGO_MANIFEST_DIR");
    let dev = std::fs::read_to_string(format!("{root}/../shared/eval/conll2003-dev.jsonl")).expect("../shared/eval");
    dev.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["text"].as_str().unwrap().to_string())
        .collect()
}

fn words(texts: &[String]) -> u64 {
    texts.iter().map(|t| t.split_whitespace().count() as u64).sum()
}

fn stages(c: &mut Criterion) {
    let example = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/examples/syria-two-articles.txt")).unwrap();
    let dev = corpus();
    let segs: Vec<_> = dev.iter().map(|t| gloss::text::segment::segment(t)).collect();
    let reference = gloss::text::calendar::parse_iso("2025-07-20").ok();
    // Build the lazily loaded data first so no stage pays for it.
    let _ = gloss::annotate("warm up", None);

    let mut g = c.benchmark_group("conll2003-dev");
    g.sample_size(10);
    g.throughput(Throughput::Elements(words(&dev)));
    g.bench_function("segment", |b| b.iter(|| dev.iter().map(|t| gloss::text::segment::segment(black_box(t)).sentences.len()).sum::<usize>()));
    g.bench_function("entities", |b| b.iter(|| dev.iter().zip(&segs).map(|(t, s)| gloss::recognize::entity::recognize(black_box(t), s).len()).sum::<usize>()));
    g.bench_function("dates", |b| b.iter(|| dev.iter().zip(&segs).map(|(t, s)| gloss::recognize::date::recognize(black_box(t), s, reference).len()).sum::<usize>()));
    g.bench_function("casualties", |b| b.iter(|| dev.iter().zip(&segs).map(|(t, s)| gloss::recognize::casualty::recognize(black_box(t), s).len()).sum::<usize>()));
    // Resolution of the recognizers' proposals into one set, export and the page's view, apart.
    let proposals: Vec<Vec<gloss::annotation::Candidate>> = dev
        .iter()
        .zip(&segs)
        .map(|(t, s)| {
            let mut all = gloss::recognize::entity::recognize(t, s);
            all.extend(gloss::recognize::date::recognize(t, s, reference));
            all.extend(gloss::recognize::casualty::recognize(t, s));
            all
        })
        .collect();
    g.bench_function("resolve", |b| b.iter(|| proposals.iter().map(|p| gloss::recognize::resolve::resolve(black_box(p.clone())).len()).sum::<usize>()));
    let docs: Vec<_> = dev.iter().map(|t| gloss::annotate(t, Some("2025-07-20")).unwrap()).collect();
    g.bench_function("export", |b| b.iter(|| docs.iter().map(|d| gloss::format::gloss::to_json(black_box(d)).len()).sum::<usize>()));
    // The page's data for a document: layout, pieces and marks (typed arrays in the page), panels.
    g.bench_function("view", |b| b.iter(|| docs.iter().map(|d| gloss::view::Screen::open(black_box(d)).1.pieces.ends.len()).sum::<usize>()));
    g.bench_function("annotate+export", |b| {
        b.iter(|| dev.iter().map(|t| gloss::format::gloss::to_json(&gloss::annotate(black_box(t), Some("2025-07-20")).unwrap()).len()).sum::<usize>())
    });
    g.finish();

    let mut g = c.benchmark_group("example-article");
    g.throughput(Throughput::Elements(words(std::slice::from_ref(&example))));
    g.bench_function("annotate+export", |b| b.iter(|| gloss::format::gloss::to_json(&gloss::annotate(black_box(&example), Some("2025-07-20")).unwrap()).len()));
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
