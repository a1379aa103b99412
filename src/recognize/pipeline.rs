//! Runs every recognizer over a segmented text and resolves their proposals into one set. The
//! work is in two steps: what each sentence holds ([`part`]: names before the document pass,
//! dates before anaphora, counts), which can be done for some sentences at a time (two threads
//! share a long text in the page), then the passes over the whole document ([`finish`]).
//! Parts joined in order give exactly what one pass over the whole text gives.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::annotation::{Candidate, Label};
use crate::recognize::{casualty, date, entity, resolve};
use crate::text::segment::Segmentation;

pub fn recognize(text: &str, seg: &Segmentation, reference: Option<Date>) -> Vec<Candidate> {
    recognize_with(text, seg, reference, &mut |_| {})
}

/// [`recognize`], telling `progress` the share of the work done (0 to 1) now and then: names
/// take about four fifths of the time, dates and casualty counts the rest.
pub fn recognize_with(text: &str, seg: &Segmentation, reference: Option<Date>, progress: &mut dyn FnMut(f64)) -> Vec<Candidate> {
    let whole = part(text, seg, reference, 0..seg.sentences.len(), progress);
    finish(text, vec![whole])
}

/// What some sentences of a text hold, before the passes over the whole document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Part {
    names: entity::Mentions,
    dates: Vec<Candidate>,
    counts: Vec<casualty::Count>,
}

/// The part of `sentences` (indexes into the segmentation), telling `progress` the share done.
pub fn part(text: &str, seg: &Segmentation, reference: Option<Date>, sentences: std::ops::Range<usize>, progress: &mut dyn FnMut(f64)) -> Part {
    let names = entity::mentions(text, seg, sentences.clone(), &mut |p| progress(0.8 * p));
    progress(0.8);
    let dates = date::sentences(text, seg, reference, sentences.clone());
    progress(0.9);
    let mut counts = casualty::sentences(text, seg, sentences, reference);
    casualty::dated(text, &mut counts, &dates);
    progress(1.0);
    Part { names, dates, counts }
}

/// Every proposal, from the parts of all the sentences in order, resolved into one set.
pub fn finish(text: &str, parts: Vec<Part>) -> Vec<Candidate> {
    let mut names = Vec::with_capacity(parts.len());
    let mut dates = Vec::with_capacity(parts.len());
    let mut counts = Vec::new();
    for p in parts {
        names.push(p.names);
        dates.push(p.dates);
        counts.extend(p.counts);
    }
    let mut all = entity::finish(text, names);
    let places: Vec<(usize, usize)> = all.iter().filter(|c| c.label == Label::Place).map(|c| (c.start, c.end)).collect();
    casualty::placed(text, &mut counts, &places);
    all.extend(date::finish(text, dates));
    all.extend(casualty::finish(counts));
    resolve::resolve(all)
}

/// The sentences cut in two, near the middle of the text, for two threads.
pub fn halves(seg: &Segmentation, len: usize) -> [std::ops::Range<usize>; 2] {
    let n = seg.sentences.len();
    let mid = seg.sentences.partition_point(|s| s.start < len / 2);
    [0..mid, mid..n]
}
