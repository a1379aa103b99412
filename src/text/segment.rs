//! Pasted news is not clean prose: menus, share prompts, repeated headlines, captions and photo
//! credits come along. Segmentation splits the text into blocks (one a line) of a known kind,
//! sentences inside them, and word tokens, all as byte spans, so recognizers can treat a Title
//! Case headline or a repeated caption differently from body text.

use serde::Serialize;

/// What a line of pasted text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    Headline,
    Paragraph,
    Caption,
    Credit,
    Boilerplate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    pub start: usize,
    pub end: usize,
    pub kind: BlockKind,
    /// Index of an earlier block with the same text, when this line repeats it.
    pub repeat_of: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub block: usize,
    /// Most words capitalised: capitals say little about names here.
    pub title_case: bool,
    pub tokens: Vec<Token>,
}

/// Blocks and sentences of one text.
#[derive(Debug, Clone, Default)]
pub struct Segmentation {
    pub blocks: Vec<Block>,
    pub sentences: Vec<Sentence>,
}

crate::word_list!(
    /// Lines of page furniture pasted with news (menus, share prompts), lower case.
    BOILERPLATE = "boilerplate.txt"
);

/// Splits `text` into blocks, sentences and tokens.
pub fn segment(text: &str) -> Segmentation {
    let mut seg = Segmentation::default();
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    // Non-empty lines as trimmed byte ranges; `None` marks a blank line.
    let mut lines: Vec<Option<(usize, usize)>> = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let start = line_start;
        line_start += line.len();
        let lead = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        lines.push((!trimmed.is_empty()).then(|| (start + lead, start + lead + trimmed.len())));
    }
    let wrapped = hard_wrapped(text, &lines);
    let mut i = 0;
    while i < lines.len() {
        let Some((s, mut e)) = lines[i] else {
            i += 1;
            continue;
        };
        i += 1;
        // Hard-wrapped text (wire copy, e-mail): a paragraph runs on to the next blank line.
        while wrapped && i < lines.len() {
            match lines[i] {
                Some((_, e2)) => {
                    e = e2;
                    i += 1;
                }
                None => break,
            }
        }
        let block_text = &text[s..e];
        let kind = block_kind(block_text);
        let index = seg.blocks.len();
        let repeat_of = seen.get(block_text).copied();
        if repeat_of.is_none() {
            seen.insert(block_text, index);
        }
        seg.blocks.push(Block { start: s, end: e, kind, repeat_of });
        split_sentences(text, s, e, index, &mut seg.sentences);
    }
    seg
}

/// Is the text wrapped at a fixed width, with lines that run on into the next? Such lines are
/// of a similar, middling length and most do not end a sentence.
fn hard_wrapped(text: &str, lines: &[Option<(usize, usize)>]) -> bool {
    let len = |(s, e): (usize, usize)| text[s..e].chars().count();
    // The wrap width: no line is longer, and lines that run on come close to it.
    let width = lines.iter().flatten().map(|&r| len(r)).max().unwrap_or(0);
    if !(40..=100).contains(&width) {
        return false;
    }
    let mut runs_on = 0;
    let mut nonempty = 0;
    for w in lines.windows(2) {
        let Some(r) = w[0] else { continue };
        nonempty += 1;
        let ends = text[r.0..r.1].ends_with(['.', '!', '?', '"', '”', ':']);
        if w[1].is_some() && len(r) + 20 >= width && !ends {
            runs_on += 1;
        }
    }
    runs_on >= 3 && runs_on * 10 >= nonempty * 3
}

fn block_kind(line: &str) -> BlockKind {
    let lower = line.to_lowercase();
    let bare = lower.trim_matches(|c: char| !c.is_alphanumeric());
    if BOILERPLATE.contains(bare) || line.chars().all(|c| !c.is_alphabetic()) && line.len() < 12 {
        return BlockKind::Boilerplate;
    }
    // A menu: `iPhone | iPad | Android | Email Alerts | Facebook`.
    let items: Vec<&str> = line.split(['|', '•', '·']).collect();
    if items.len() >= 4 && items.iter().all(|x| x.split_whitespace().count() <= 4) {
        return BlockKind::Boilerplate;
    }
    let words = line.split_whitespace().count();
    let credit = ["photo:", "photo by", "credit:", "photograph:", "image:", "(ap photo", "getty images", "/afp", "/reuters", "/ap)"]
        .iter()
        .any(|c| lower.contains(c));
    if credit {
        return if words <= 6 { BlockKind::Credit } else { BlockKind::Caption };
    }
    let last = line.chars().last().unwrap_or(' ');
    if words <= 25 && !matches!(last, '.' | '!' | '?' | '"' | '”' | '’' | ':' | ',' | ';') {
        return BlockKind::Headline;
    }
    BlockKind::Paragraph
}

crate::word_list!(
    /// Abbreviations after which a full stop does not end a sentence, lower case.
    ABBREV = "abbreviations.txt"
);

/// Tokens after which a sentence without a full stop is cut (at the next comma or conjunction;
/// at twice as many, anywhere). Real sentences are far shorter.
const MAX_SENTENCE_TOKENS: usize = 200;

fn split_sentences(text: &str, start: usize, end: usize, block: usize, out: &mut Vec<Sentence>) {
    let tokens = tokenize(text, start, end);
    let mut first = 0;
    for i in 0..tokens.len() {
        let t = tokens[i];
        let tok = &text[t.start..t.end];
        let ends = match tok {
            "!" | "?" => true,
            "." | "…" => {
                let prev = if i > 0 { Some(tokens[i - 1]) } else { None };
                let abbrev = prev.is_some_and(|p| {
                    p.end == t.start && {
                        let w = text[p.start..p.end].to_lowercase();
                        ABBREV.contains(w.as_str())
                            || (w.chars().count() == 1 && w.chars().all(char::is_alphabetic))
                    }
                });
                !abbrev
            }
            _ => false,
        };
        // A run-on "sentence" (a list, a table, text without stops) is cut after a comma, a
        // semicolon or a conjunction once it is long, so the work per sentence stays bounded.
        let length = (i + 1).saturating_sub(first);
        if length >= MAX_SENTENCE_TOKENS && matches!(tok, "," | ";" | "and" | "or" | "|" | "•") || length >= 2 * MAX_SENTENCE_TOKENS {
            push_sentence(text, &tokens[first..=i], block, out);
            first = i + 1;
            continue;
        }
        // A sentence ends at the stop, or after closing quotes that follow it.
        if ends {
            let mut j = i + 1;
            while j < tokens.len() && matches!(&text[tokens[j].start..tokens[j].end], "\"" | "”" | "’" | "'" | ")" | "." | "…") {
                j += 1;
            }
            let next_starts = j >= tokens.len() || {
                let n = &text[tokens[j].start..tokens[j].end];
                n.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric() || "\"“‘'(".contains(c))
            };
            if next_starts && j > first {
                push_sentence(text, &tokens[first..j], block, out);
                first = j;
            }
        }
    }
    if first < tokens.len() {
        push_sentence(text, &tokens[first..], block, out);
    }
}

fn push_sentence(text: &str, tokens: &[Token], block: usize, out: &mut Vec<Sentence>) {
    // Title Case shows on words that are normally written in lower case (`Says`, `Halted`),
    // not on names, which a sentence may be full of.
    let common = crate::text::words::common();
    let words: Vec<&str> = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| &text[t.start..t.end])
        .filter(|w| w.chars().count() > 3 && common.contains(w.to_lowercase().as_str()))
        .collect();
    let caps = words.iter().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count();
    let title_case = words.len() >= 2 && caps * 10 >= words.len() * 6;
    out.push(Sentence {
        start: tokens[0].start,
        end: tokens[tokens.len() - 1].end,
        block,
        title_case,
        tokens: tokens.to_vec(),
    });
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F | 0x64B..=0x65F | 0x670)
}

/// Word, number and punctuation tokens of `text[start..end]`. Hyphens, apostrophes and inner
/// full stops join letters (`al-Assad`, `O'Brien`, `U.S.`), separators join digits (`1,200`,
/// `2.5`); a possessive `'s` / `’s` is a token of its own.
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Token> {
    let s = &text[start..end];
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (b, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if !is_word_char(c) {
            let e = b + c.len_utf8();
            out.push(Token { start: start + b, end: start + e, kind: TokenKind::Punct });
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let digit_start = c.is_ascii_digit();
        while j < chars.len() {
            let (_, d) = chars[j];
            if is_word_char(d) {
                j += 1;
                continue;
            }
            let next = chars.get(j + 1).map(|x| x.1);
            let prev = chars[j - 1].1;
            let joins = match d {
                '-' | '‐' => {
                    next.is_some_and(is_word_char)
                        && !(chars[i].1.is_uppercase() && next.is_some_and(char::is_lowercase))
                        // `counter-ISIL`, `anti-Assad`, `pro-Russian`: the name is a word of its own.
                        && !(next.is_some_and(char::is_uppercase) && PREFIXES.contains(&&s[chars[i].0..chars[j].0]))
                }
                '\'' | '’' => next.is_some_and(is_word_char) && !possessive(&chars, j) && !clitic(&chars, j),
                '.' => next.is_some_and(|n| n.is_alphanumeric()) && (prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()) || (prev.is_alphabetic() && next.is_some_and(char::is_alphabetic) && chars.get(j + 2).is_some_and(|x| x.1 == '.'))),
                ',' => prev.is_ascii_digit() && digit_start && chars.get(j + 1..j + 4).is_some_and(|w| w.iter().all(|x| x.1.is_ascii_digit())) && chars.get(j + 4).is_none_or(|x| !x.1.is_ascii_digit()),
                _ => false,
            };
            if !joins {
                break;
            }
            j += 1;
        }
        // Keep the final period of an abbreviation with inner periods: `U.S.`
        let mut e = chars.get(j).map_or(s.len(), |x| x.0);
        let word = &s[chars[i].0..e];
        if word.contains('.') && chars.get(j).is_some_and(|x| x.1 == '.') && word.chars().all(|c| c.is_alphabetic() || c == '.') {
            e += 1;
            j += 1;
        }
        let kind = if s[b..e].chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.') {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        out.push(Token { start: start + b, end: start + e, kind });
        i = j;
    }
    out
}

/// Prefixes written with a hyphen before a name.
const PREFIXES: &[&str] = &["anti", "counter", "pro", "non", "post", "pre", "ex", "mid", "pan", "neo", "trans", "un", "all", "inter", "intra", "sub"];

/// Is the apostrophe at `j` the start of a verb's clitic (`I've`, `I'm`, `we'll`, `they'd`,
/// `you're`)? It is a token of its own, so `I` is not read as a name.
fn clitic(chars: &[(usize, char)], j: usize) -> bool {
    let rest: String = chars[j + 1..].iter().map(|x| x.1).take_while(|&c| is_word_char(c)).collect();
    matches!(rest.as_str(), "ve" | "m" | "ll" | "d" | "re")
}

/// Is the apostrophe at `j` the start of a possessive `'s` that ends the word?
fn possessive(chars: &[(usize, char)], j: usize) -> bool {
    chars.get(j + 1).is_some_and(|x| x.1 == 's' || x.1 == 'S')
        && chars.get(j + 2).is_none_or(|x| !is_word_char(x.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, 0, text.len()).iter().map(|t| &text[t.start..t.end]).collect()
    }

    macro_rules! tok {
        ($name:ident, $text:expr, [$($w:expr),*]) => {
            #[test]
            fn $name() {
                // Shifted right by one character so no case can rely on starting at 0.
                let shifted = format!("é {}", $text);
                let got: Vec<&str> = words(&shifted).into_iter().skip(1).collect();
                assert_eq!(got, vec![$($w),*]);
            }
        };
    }

    tok!(tok_possessive, "Bashar al-Assad’s regime", ["Bashar", "al-Assad", "’", "s", "regime"]);
    tok!(tok_prefix, "the counter-ISIL and pro-Russian al-Assad", ["the", "counter", "-", "ISIL", "and", "pro", "-", "Russian", "al-Assad"]);
    tok!(tok_clitic, "I’ve heard O'Brien say we'll go", ["I", "’", "ve", "heard", "O'Brien", "say", "we", "'", "ll", "go"]);
    tok!(tok_possessive_ascii, "Russia's support", ["Russia", "'", "s", "support"]);
    tok!(tok_hyphen_name, "Noureddine al-Baba said", ["Noureddine", "al-Baba", "said"]);
    tok!(tok_plural_apostrophe, "Kurdistan Workers' Party", ["Kurdistan", "Workers", "'", "Party"]);
    tok!(tok_thousands, "killed 1,200 people", ["killed", "1,200", "people"]);
    tok!(tok_decimal, "2.5 million", ["2.5", "million"]);
    tok!(tok_abbrev, "the U.S. and", ["the", "U.S.", "and"]);
    tok!(tok_sentence_stop, "by Turkey.", ["by", "Turkey", "."]);
    tok!(tok_compound, "a 30-km zone", ["a", "30-km", "zone"]);
    tok!(tok_led_modifier, "the Saudi-led coalition", ["the", "Saudi", "-", "led", "coalition"]);
    tok!(tok_apostrophe_inside, "O'Brien said", ["O'Brien", "said"]);
    tok!(tok_list_comma, "10,20 and 30", ["10", ",", "20", "and", "30"]);

    fn kinds(text: &str) -> Vec<(BlockKind, Option<usize>)> {
        segment(text).blocks.iter().map(|b| (b.kind, b.repeat_of)).collect()
    }

    #[test]
    fn block_kinds() {
        use BlockKind::*;
        let text = "Skip to main content\nErdogan Says Putin Asked Him\n\nShare\nTT\n20\nThe minister said on Saturday that talks went well.\nErdogan Says Putin Asked Him\nPhoto: Moawia Atrash/dpa\nFighters gather in the city, as smoke rises. Photo: Moawia Atrash/dpa\n";
        assert_eq!(
            kinds(text),
            vec![
                (Boilerplate, None),
                (Headline, None),
                (Boilerplate, None),
                (Boilerplate, None),
                (Boilerplate, None),
                (Paragraph, None),
                (Headline, Some(1)),
                (Credit, None),
                (Caption, None),
            ]
        );
    }

    #[test]
    fn hard_wrapped_lines_join_into_paragraphs() {
        let text = "SAN SALVADOR, 21 MAY 90 -- [TEXT] A MILITARY SPOKESMAN HAS REPORTED\nTHAT ONE CIVILIAN WAS KILLED AND FIVE OTHER PEOPLE, INCLUDING A\nPOLICEMAN, WERE INJURED TODAY AS A RESULT OF THE EXPLOSION OF A\nBOMB IN THE CAPITAL.\n\nTHE ATTACK TOOK PLACE NEAR THE MARKET AND WAS CLAIMED BY NOBODY\nAS OF THIS EVENING, THE SPOKESMAN SAID.\n";
        let seg = segment(text);
        assert_eq!(seg.blocks.len(), 2);
        assert!(text[seg.sentences[0].start..seg.sentences[0].end].ends_with("IN THE CAPITAL."));
        // Short lines of a pasted page are not wrapping.
        let page = "Share\nTweet\nFighting in Sweida halted\nThe government said so on Sunday.\n";
        assert_eq!(segment(page).blocks.len(), 4);
    }

    #[test]
    fn sentences_split_and_keep_abbreviations() {
        let text = "Mr. Maliki met Gen. Atta in the U.S. on Monday. He left. “We agreed,” he said. Then 3 more came";
        let seg = segment(text);
        let got: Vec<&str> = seg.sentences.iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(
            got,
            vec![
                "Mr. Maliki met Gen. Atta in the U.S. on Monday.",
                "He left.",
                "“We agreed,” he said.",
                "Then 3 more came"
            ]
        );
    }

    #[test]
    fn title_case_is_detected() {
        let text = "Erdogan Says Putin Asked Him to Cooperate with Assad Regime\nErdogan said Putin asked him to cooperate.";
        let seg = segment(text);
        assert!(seg.sentences[0].title_case);
        assert!(!seg.sentences[1].title_case);
    }
}
