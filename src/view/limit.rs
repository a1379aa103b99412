//! What the page can take at once. Beyond it the page's view and the browser's storage cannot
//! keep up, and the command line is the tool.

use crate::error::{Error, Result};

/// The longest text the page annotates at once (2 MiB of UTF-8, about 350,000 words): beyond
/// it the page's view and the browser's storage (5 to 10 MB) cannot keep up, and the command
/// line (`gloss annotate --jsonl`, constant memory, every core) is the tool.
pub const PAGE_LIMIT: usize = 2 << 20;

/// Whether the page can take `text`, with a message that says what to do when it cannot.
///
/// # Errors
/// When `text` is longer than [`PAGE_LIMIT`].
pub fn check_page_size(text: &str) -> Result<()> {
    if text.len() <= PAGE_LIMIT {
        return Ok(());
    }
    Err(Error::input(format!(
        "this text is {:.1} MB; the page annotates up to {} MB at once. Split it into articles, or run `gloss annotate --jsonl` on the command line for large collections.",
        text.len() as f64 / 1_048_576.0,
        PAGE_LIMIT >> 20
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_takes_texts_up_to_its_limit_and_says_what_to_do_beyond() {
        assert!(check_page_size(&"a".repeat(PAGE_LIMIT)).is_ok());
        let e = check_page_size(&"a".repeat(PAGE_LIMIT + 1)).unwrap_err();
        assert!(e.message().contains("up to 2 MB") && e.message().contains("--jsonl"), "{}", e.message());
    }
}
