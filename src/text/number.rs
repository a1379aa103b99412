//! Counts as news writes them: digits with separators (`1,200`), decimals with a scale
//! (`2.5 million`), number words (`twenty-three`, `a hundred and five`) and the vague counts of
//! conflict reporting (`dozens`, `scores`, `hundreds`) with their conventional values.

use crate::text::segment::{Token, TokenKind};

/// A number found at some token, with the tokens it spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Number {
    /// First token (index into the sentence's tokens).
    pub first: usize,
    /// One past the last token.
    pub last: usize,
    /// None for `several`, `many`: a count that is not a number.
    pub value: Option<u64>,
    /// A vague count (`dozens`): at least this many.
    pub vague: bool,
}

fn unit_value(w: &str) -> Option<u64> {
    Some(match w {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// Value of one number word, including hyphenated tens (`twenty-three`).
fn small_value(w: &str) -> Option<u64> {
    if let Some(v) = unit_value(w) {
        return Some(v);
    }
    let (a, b) = w.split_once(['-', '‐'])?;
    let (a, b) = (unit_value(a)?, unit_value(b)?);
    (a >= 20 && a % 10 == 0 && b < 10 && b > 0).then_some(a + b)
}

pub fn scale(w: &str) -> Option<u64> {
    Some(match w {
        "hundred" => 100,
        "thousand" => 1_000,
        "million" => 1_000_000,
        "billion" => 1_000_000_000,
        _ => return None,
    })
}

/// Vague counts and their conventional values (conflict-data practice).
fn vague_value(w: &str) -> Option<Option<u64>> {
    Some(match w {
        "tens" => Some(10),
        "dozens" => Some(12),
        "scores" => Some(20),
        "hundreds" => Some(100),
        "thousands" => Some(1_000),
        "millions" => Some(1_000_000),
        "several" | "many" | "numerous" => None,
        _ => return None,
    })
}

/// Parses digits with optional thousands separators and decimals: `1,200`, `2.5`.
fn digits_value(w: &str) -> Option<f64> {
    let clean: String = w.chars().filter(|&c| c != ',').collect();
    if clean.is_empty() || !clean.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    clean.parse::<f64>().ok()
}

/// The number starting at token `i`, if any.
pub fn parse_at(text: &str, tokens: &[Token], i: usize) -> Option<Number> {
    let word = |k: usize| tokens.get(k).map(|t| text[t.start..t.end].to_lowercase());
    let w = word(i)?;
    let tok = tokens[i];
    if tok.kind == TokenKind::Number {
        let mut v = digits_value(&w)?;
        let mut last = i + 1;
        if let Some(s) = word(i + 1).and_then(|n| scale(&n)).filter(|&s| s >= 1_000) {
            v *= s as f64;
            last += 1;
        } else if w.contains('.') {
            return None; // 2.5 alone is not a count
        }
        if v > 1e15 {
            return None;
        }
        return Some(Number { first: i, last, value: Some(v.round() as u64), vague: false });
    }
    // `a dozen`, `a few dozen`, `a hundred and five`
    if w == "a" || w == "an" {
        let n = word(i + 1)?;
        if n == "dozen" {
            return Some(Number { first: i, last: i + 2, value: Some(12), vague: true });
        }
        // `a number of`, `a large number of`, `a handful of`: a count that is not a number.
        let sized = matches!(n.as_str(), "large" | "small" | "significant");
        let noun = if sized { word(i + 2) } else { Some(n.clone()) };
        if matches!(noun.as_deref(), Some("number" | "handful")) && word(i + 2 + usize::from(sized)).as_deref() == Some("of") {
            return Some(Number { first: i, last: i + 2 + usize::from(sized), value: None, vague: false });
        }
        if scale(&n).is_some() {
            let mut num = words_number(text, tokens, i + 1)?;
            num.first = i;
            return Some(num);
        }
        return None;
    }
    if w == "dozen" {
        return None;
    }
    // `three-and-a-half million`: a half of the scale after it added.
    if let Some(base) = w.strip_suffix("-and-a-half").and_then(small_value) {
        let s = word(i + 1).and_then(|n| scale(&n)).filter(|&s| s >= 1_000)?;
        return Some(Number { first: i, last: i + 2, value: Some(base * s + s / 2), vague: false });
    }
    if let Some(v) = vague_value(&w) {
        // `hundreds of thousands`
        if let (Some(a), Some(Some(Some(b)))) = (v, (word(i + 1).as_deref() == Some("of")).then(|| word(i + 2).and_then(|x| vague_value(&x)))) {
            return Some(Number { first: i, last: i + 3, value: Some(a * b), vague: true });
        }
        return Some(Number { first: i, last: i + 1, value: v, vague: v.is_some() });
    }
    let mut num = words_number(text, tokens, i)?;
    // `two and a half million`.
    let at = num.last;
    if (0..3).all(|j| word(at + j).as_deref() == Some(["and", "a", "half"][j])) {
        if let (Some(v), Some(s)) = (num.value, word(at + 3).and_then(|n| scale(&n)).filter(|&s| s >= 1_000)) {
            num.value = Some(v * s + s / 2);
            num.last = at + 4;
        }
    }
    Some(num)
}

/// `twenty-three`, `one hundred and five`, `three thousand two hundred`, `hundred` (after `a`).
fn words_number(text: &str, tokens: &[Token], i: usize) -> Option<Number> {
    let word = |k: usize| tokens.get(k).map(|t| text[t.start..t.end].to_lowercase());
    let mut total: u64 = 0;
    let mut current: u64 = 0;
    let mut k = i;
    let mut any = false;
    let mut last = i;
    while let Some(w) = word(k) {
        if let Some(v) = small_value(&w) {
            if any && (current % 10 != 0 || (v >= 10 && current % 100 != 0)) {
                break; // `five six` is two numbers
            }
            current += v;
            any = true;
            k += 1;
            last = k;
        } else if let Some(s) = scale(&w) {
            if !any && k != i {
                break;
            }
            let base = if current == 0 { 1 } else { current };
            if s == 100 {
                current = base * 100;
            } else {
                total += base * s;
                current = 0;
            }
            any = true;
            k += 1;
            last = k;
        } else if w == "and" && any && word(k + 1).is_some_and(|n| small_value(&n).is_some()) && (current >= 100 || total > 0) {
            k += 1;
        } else {
            break;
        }
    }
    any.then_some(Number { first: i, last, value: Some(total + current), vague: false })
}

/// The value of a whole string that is one number, for tests and for counts typed by hand.
pub fn parse_number(s: &str) -> Option<u64> {
    let tokens = crate::text::segment::tokenize(s, 0, s.len());
    let n = parse_at(s, &tokens, 0)?;
    (n.last == tokens.len()).then_some(n.value).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! num {
        ($name:ident, $text:expr, $want:expr) => {
            #[test]
            fn $name() {
                assert_eq!(parse_number($text), $want, "{:?}", $text);
            }
        };
    }

    num!(num_digits, "900", Some(900));
    num!(num_thousands, "1,200", Some(1200));
    num!(num_big, "12,345,678", Some(12_345_678));
    num!(num_decimal_million, "2.5 million", Some(2_500_000));
    num!(num_digits_million, "3 million", Some(3_000_000));
    num!(num_word, "four", Some(4));
    num!(num_capital_word, "Three", Some(3));
    num!(num_hyphen_tens, "twenty-three", Some(23));
    num!(num_hundred_and, "a hundred and five", Some(105));
    num!(num_compound, "one hundred twenty", Some(120));
    num!(num_thousands_words, "three thousand two hundred", Some(3200));
    num!(num_million_words, "two million", Some(2_000_000));
    num!(num_dozen, "a dozen", Some(12));
    num!(num_dozens, "dozens", Some(12));
    num!(num_scores, "scores", Some(20));
    num!(num_hundreds, "hundreds", Some(100));
    num!(num_thousands_vague, "thousands", Some(1000));
    num!(num_tens, "tens", Some(10));
    num!(num_vague_of_vague, "hundreds of thousands", Some(100_000));
    num!(num_several_has_no_value, "several", None);
    num!(num_and_a_half_hyphens, "three-and-a-half million", Some(3_500_000));
    num!(num_and_a_half_words, "two and a half million", Some(2_500_000));

    #[test]
    fn a_number_of_is_a_count_without_a_value() {
        for (text, last) in [("a number of people", 2), ("a large number of people", 3), ("a handful of people", 2)] {
            let tokens = crate::text::segment::tokenize(text, 0, text.len());
            let n = parse_at(text, &tokens, 0).unwrap();
            assert_eq!((n.value, n.last), (None, last), "{text}");
        }
        let text = "a number";
        assert!(parse_at(text, &crate::text::segment::tokenize(text, 0, text.len()), 0).is_none());
    }
    num!(num_bare_decimal_is_not_a_count, "2.5", None);
    num!(num_not_a_number, "people", None);

    #[test]
    fn vague_flag_and_span() {
        let text = "dozens of people";
        let toks = crate::text::segment::tokenize(text, 0, text.len());
        let n = parse_at(text, &toks, 0).unwrap();
        assert!(n.vague);
        assert_eq!((n.first, n.last), (0, 1));
        let text = "twenty three";
        let toks = crate::text::segment::tokenize(text, 0, text.len());
        assert_eq!(parse_at(text, &toks, 0).unwrap().value, Some(23));
    }
}
