//! Moving through the text as a reader does: a keyboard caret that steps over what the eye sees
//! as one character (an emoji with its joiners, a letter with its combining marks, a flag) or
//! over a word, and a search that ignores case.

use super::Document;
use crate::text::offset::Unit;

impl Document {
    /// Where a keyboard caret at `pos` (in `unit`) goes one step forward or back: by a
    /// character that the eye sees as one (an emoji with its joiners and modifiers, a letter
    /// with its combining marks, a flag), or by a word. Stays inside the text.
    pub fn step(&self, pos: usize, unit: Unit, forward: bool, word: bool) -> usize {
        let at = self.offsets().to_byte(pos.min(self.offsets().len(unit)), unit).unwrap_or(0);
        let t = &self.text;
        let byte = if word {
            let tokens = self.segmentation().sentences.iter().flat_map(|s| s.tokens.iter());
            if forward {
                let mut e = tokens.map(|k| k.end).find(|&e| e > at).unwrap_or(t.len());
                // Never inside an emoji sequence or before a combining mark.
                while t[e..].chars().next().is_some_and(extends) || t[..e].ends_with('\u{200d}') {
                    e += t[e..].chars().next().map_or(0, char::len_utf8);
                }
                e
            } else {
                tokens.map(|k| k.start).filter(|&b| b < at).last().unwrap_or(0)
            }
        } else if forward {
            let mut it = t[at..].char_indices().peekable();
            let mut end = t.len();
            let mut prev: Option<char> = None;
            let mut regional = 0;
            while let Some((i, c)) = it.next() {
                let joined = prev.is_some_and(|p| p == '\u{200d}') || extends(c) || (is_regional(c) && regional == 1);
                if prev.is_some() && !joined {
                    end = at + i;
                    break;
                }
                if is_regional(c) {
                    regional += 1;
                }
                prev = Some(c);
            }
            end
        } else {
            let before: Vec<(usize, char)> = t[..at].char_indices().collect();
            let mut k = before.len();
            while k > 0 {
                k -= 1;
                let c = before[k].1;
                let joins_prev = extends(c) || (k > 0 && before[k - 1].1 == '\u{200d}') || c == '\u{200d}';
                let flag_pair = is_regional(c) && k > 0 && is_regional(before[k - 1].1) && before[..k].iter().rev().take_while(|(_, c)| is_regional(*c)).count() % 2 == 1;
                if !joins_prev && !flag_pair {
                    break;
                }
            }
            before.get(k).map_or(0, |(i, _)| *i)
        };
        self.offsets().from_byte(byte, unit)
    }

    /// Where `query` occurs in the text, ignoring case, as spans in `unit` (at most `limit`).
    pub fn search(&self, query: &str, unit: Unit, limit: usize) -> Vec<(usize, usize)> {
        let q: Vec<char> = query.chars().flat_map(char::to_lowercase).collect();
        if q.is_empty() {
            return Vec::new();
        }
        let chars: Vec<(usize, char)> = self.text.char_indices().collect();
        let lower: Vec<char> = chars.iter().map(|&(_, c)| c.to_lowercase().next().unwrap_or(c)).collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i + q.len() <= lower.len() && out.len() < limit {
            if lower[i..i + q.len()] == q[..] {
                let (s, e) = (chars[i].0, chars.get(i + q.len()).map_or(self.text.len(), |c| c.0));
                out.push((self.offsets().from_byte(s, unit), self.offsets().from_byte(e, unit)));
                i += q.len();
            } else {
                i += 1;
            }
        }
        out
    }
}

/// A character that joins the one before it: combining marks (Latin, Arabic, Hebrew,
/// Devanagari…), variation selectors, emoji skin tones, the zero-width joiner itself.
fn extends(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x05BF | 0x05C1..=0x05C2 | 0x05C4..=0x05C5 | 0x05C7
        | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06DC | 0x06DF..=0x06E4 | 0x06E7..=0x06E8 | 0x06EA..=0x06ED
        | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0951..=0x0957 | 0x0962..=0x0963 | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF
        | 0x200C..=0x200D | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F | 0xE0100..=0xE01EF)
}

fn is_regional(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
}
