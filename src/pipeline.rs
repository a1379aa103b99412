//! Runs every recognizer over a segmented text and resolves their proposals into one set.

use jiff::civil::Date;

use crate::annotation::Candidate;
use crate::segment::Segmentation;
use crate::{casualty, date, entity, resolve};

pub fn recognize(text: &str, seg: &Segmentation, reference: Option<Date>) -> Vec<Candidate> {
    let mut all = entity::recognize(text, seg);
    all.extend(date::recognize(text, seg, reference));
    all.extend(casualty::recognize(text, seg));
    resolve::resolve(all)
}
