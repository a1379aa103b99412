//! Runs every recognizer over a segmented text and resolves their proposals into one set.

use jiff::civil::Date;

use crate::annotation::Candidate;
use crate::text::segment::Segmentation;
use crate::recognize::{casualty, date, entity, resolve};

pub fn recognize(text: &str, seg: &Segmentation, reference: Option<Date>) -> Vec<Candidate> {
    recognize_with(text, seg, reference, &mut |_| {})
}

/// [`recognize`], telling `progress` the share of the work done (0 to 1) now and then: names
/// take about four fifths of the time, dates and casualty counts the rest.
pub fn recognize_with(text: &str, seg: &Segmentation, reference: Option<Date>, progress: &mut dyn FnMut(f64)) -> Vec<Candidate> {
    let mut all = entity::recognize_with(text, seg, &mut |p| progress(0.8 * p));
    progress(0.8);
    all.extend(date::recognize(text, seg, reference));
    progress(0.9);
    all.extend(casualty::recognize(text, seg));
    let all = resolve::resolve(all);
    progress(1.0);
    all
}
