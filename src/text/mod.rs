//! Text as the recognizers read it, before anything is recognized: segmentation into blocks,
//! sentences and tokens, numbers as news writes them, HTML turned into text, positions in the
//! three units the project counts in, calendar dates written `YYYY-MM-DD`, and the word lists
//! that reading needs. Nothing here knows a label or a recognizer.

pub mod calendar;
pub mod html;
pub mod number;
pub mod offset;
pub mod segment;
pub mod words;
