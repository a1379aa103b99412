//! What a date rule reads around its match: the reference date, whether the article reports
//! quarters, and the sentence before and after, from which the tense (past, future or open)
//! that decides between last Friday and next Friday is read.

use jiff::civil::Date;

crate::word_list!(
    /// Irregular past-tense verbs (`said`, `met`); regular ones are told by their `-ed`.
    PAST_VERBS = "past-verbs.txt"
);

/// Which way the sentence looks from the reference date.
#[derive(Clone, Copy, PartialEq, Debug)]
pub(super) enum Tense {
    Past,
    Future,
    /// No tense cue: the nearest occurrence, the past preferred.
    Open,
}

/// What a rule needs to know besides its match.
pub(super) struct Ctx<'a> {
    pub(super) reference: Option<Date>,
    /// The sentence speaks of quarters (a report of results).
    pub(super) quarterly: bool,
    /// The sentence before the match, lower-cased: for tense and signal words.
    pub(super) before: &'a str,
    pub(super) after: &'a str,
}

impl Ctx<'_> {
    pub(super) fn future(&self) -> bool {
        let b = self.before;
        // A deadline moved or set points ahead (`postponed until Tuesday morning`, `gave them
        // until 9 a.m. Tuesday`).
        let mut back = b.split_whitespace().rev();
        if matches!(back.next(), Some("until" | "till")) && back.any(|w| matches!(w, "postponed" | "extended" | "delayed" | "deferred" | "adjourned" | "given" | "gave" | "set")) {
            return true;
        }
        // A past-tense verb right before the date wins over a future word earlier in the
        // sentence (`… will …, Mr. Gerstner said Friday`).
        if self.past_verb_before() {
            return false;
        }
        const CUES: &[&str] = &[
            " will ", "'ll ", "’ll ", " shall ", " scheduled ", " plans to ", " plan to ", " planned to ", " planning to ",
            " expected to ", " expects to ", " due to ", " set to ", " to be held", " going to ", " as soon as ",
            " would be ", " would still be ", " is to ", " are to ", " intends to ",
        ];
        // (A cue in the past perfect looks back: `it had been due to expire Friday`.)
        let cue_in = |text: &str| {
            CUES.iter().any(|c| text.match_indices(c).any(|(i, _)| !text[..i].ends_with(" had been")))
        };
        if cue_in(b) {
            return true;
        }
        // A date at the head of its sentence takes the tense of the clause after it (`On
        // Tuesday, the league plans to …`), when no past verb comes first.
        if b.split_whitespace().count() <= 2 {
            let after = self.after.to_lowercase();
            let words: Vec<&str> = after.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')).collect();
            for (i, w) in words.iter().enumerate() {
                if is_past_verb(w) || matches!(*w, "had" | "has" | "have" | "when") {
                    return false;
                }
                // (`plans to` as a verb, not the noun of `Turkey's plans to launch`.)
                let verb = i > 0 && !words[i - 1].ends_with("'s") && !words[i - 1].ends_with("’s") && !matches!(words[i - 1], "the" | "its" | "their" | "his" | "her" | "our" | "new" | "no");
                let to_follows = words.get(i + 1) == Some(&"to");
                if matches!(*w, "will" | "shall") || w.ends_with("'ll") || matches!(*w, "plans" | "plan") && to_follows && verb {
                    return true;
                }
            }
        }
        false
    }

    pub(super) fn tense(&self) -> Tense {
        // A deadline or a start points ahead whatever the verb (`extended to Nov. 20`,
        // `payable Dec. 7`, `effective Feb. 1`).
        let last = self.before.split_whitespace().next_back().unwrap_or("");
        let forward = matches!(last, "by" | "until" | "till" | "through" | "to" | "effective" | "payable" | "before" | "around");
        if self.future() {
            Tense::Future
        } else if !forward && self.past() {
            Tense::Past
        } else {
            Tense::Open
        }
    }

    /// Does the sentence tell of the past (a past-tense verb anywhere in it, no future cue)?
    /// `resigned in March` is last March; `will open in March` the next one.
    pub(super) fn past(&self) -> bool {
        if self.future() {
            return false;
        }
        let after = self.after.to_lowercase();
        let words: Vec<&str> = self.before.split_whitespace().chain(after.split_whitespace()).map(|w| w.trim_matches(|c: char| !c.is_alphanumeric())).collect();
        words.iter().enumerate().any(|(i, w)| {
            let prev = if i > 0 { words[i - 1] } else { "" };
            is_past_verb(w) && !matches!(prev, "be" | "been" | "being" | "is" | "are" | "to" | "will" | "would" | "the" | "a" | "an")
        })
    }

    /// Does a past-tense verb stand right before the date (`said Friday`, `met on Monday`)?
    pub(super) fn past_verb_before(&self) -> bool {
        let mut words = self.before.split_whitespace().rev();
        let mut w = words.next().unwrap_or("");
        if w == "on" || w == "late" || w == "early" {
            w = words.next().unwrap_or("");
        }
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        // (`will be held`, `to be signed`: a participle, not a past tense.)
        if words.next().is_some_and(|p| matches!(p, "be" | "been" | "being" | "to" | "will" | "would")) {
            return false;
        }
        is_past_verb(w)
    }
}

/// A past-tense verb form: an irregular one, or a word in `-ed` that is not a noun or a
/// future signal (`need`, `hundred`, `scheduled`, `expected`).
pub(super) fn is_past_verb(w: &str) -> bool {
    PAST_VERBS.contains(w)
        || (w.len() > 4 && w.ends_with("ed") && !w.ends_with("eed") && !matches!(w, "hundred" | "united" | "limited" | "scheduled" | "expected" | "planned" | "proposed" | "intended"))
}

