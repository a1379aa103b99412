//! The rule-based reading of a sentence: runs of capitalised words, known names and connectors,
//! split at titles and listed names, each chunk classified by its shape (a given name first, an
//! organisation or place word last, an acronym) and its context (`President …`, `in …`, `Photo: …`).

use super::mention::{Mention, title_at};
use super::words::*;
use crate::annotation::Label;
use crate::hash::FxHashMap as HashMap;
use crate::recognize::gazetteer::{Gazetteer, Hit};
use crate::text::segment::{Sentence, TokenKind};

pub(super) struct Sentences<'a> {
    pub(super) text: &'a str,
    pub(super) g: &'a Gazetteer,
    pub(super) hit_at: &'a HashMap<usize, Hit>,
    pub(super) token_hits: &'a [Option<(Hit, usize)>],
    pub(super) s: &'a Sentence,
    pub(super) out: &'a mut Vec<Mention>,
}

impl Sentences<'_> {
    fn word(&self, i: usize) -> &str {
        self.s.tokens.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    /// Is token `i` the first word of its sentence (after quotes, brackets or a colon)?
    fn initial(&self, i: usize) -> bool {
        (0..i).all(|k| self.s.tokens[k].kind == TokenKind::Punct)
            || matches!(self.word(i - 1), ":" | "“" | "\"" | "—" | "–" | "(" | "‘")
    }

    fn capitalised(w: &str) -> bool {
        let mut cs = w.chars();
        match cs.next() {
            Some(c) if c.is_uppercase() => true,
            // al-Assad, el-Sisi, bin-Laden: a particle joined to a capitalised name.
            Some(_) => w.split_once('-').is_some_and(|(p, rest)| {
                matches!(p, "al" | "el" | "bin" | "ibn" | "abu" | "ul" | "ad" | "as" | "ash" | "at" | "az")
                    && rest.chars().next().is_some_and(char::is_uppercase)
            }),
            None => false,
        }
    }

    fn name_word(&self, i: usize) -> bool {
        let Some(t) = self.s.tokens.get(i) else { return false };
        if t.kind != TokenKind::Word {
            return false;
        }
        let w = self.word(i);
        if !Self::capitalised(w) {
            return false;
        }
        if self.hit_at.contains_key(&t.start) {
            return true;
        }
        let common = self.g.is_common(w);
        !(common && (self.s.title_case || self.initial(i) || w.len() > 1 && w.chars().all(char::is_uppercase) && w.chars().count() > 4))
    }

    fn title_at(&self, i: usize) -> usize {
        title_at(self.text, self.s, self.g, i)
    }

    /// The listed name starting at token `i`, with the index after its last token (it must end
    /// on a token end inside this sentence).
    fn hit(&self, i: usize) -> Option<(Hit, usize)> {
        *self.token_hits.get(i)?
    }

    pub(super) fn run(&mut self) {
        let n = self.s.tokens.len();
        let mut i = 0;
        while i < n {
            if !(self.name_word(i) || self.hit(i).is_some()) {
                i += 1;
                continue;
            }
            // The maximal run: name words, known names and connectors between name words.
            let mut j = i;
            loop {
                if let Some((_, e)) = self.hit(j) {
                    j = e;
                } else if self.name_word(j) {
                    j += 1;
                } else if j > i && CONNECTORS.contains(self.word(j)) && (self.name_word(j + 1) || self.hit(j + 1).is_some()) {
                    j += 1;
                } else if j > i && self.word(j) == "." && self.title_at(i) > 0 && j < i + self.title_at(i) {
                    j += 1;
                } else {
                    break;
                }
            }
            if j == i {
                i += 1;
                continue;
            }
            self.split_run(i, j);
            i = j;
        }
    }

    /// Splits a run of capitalised words into titles, known names and unknown chunks.
    fn split_run(&mut self, from: usize, to: usize) {
        let prev = if from > 0 { self.word(from - 1).to_lowercase() } else { String::new() };
        // (`by` credits only at a byline's start or after a credit word: `By Ann Lee`, `Photo by
        // …`, `reporting by …`; elsewhere it is just a preposition: `defined by CJTF-OIR`.)
        let by_credit = |k: usize| k == 0 || self.s.tokens[..k].iter().all(|t| t.kind == TokenKind::Punct) || matches!(self.word(k - 1).to_lowercase().as_str(), "photo" | "photos" | "photograph" | "written" | "reporting" | "video" | "edited" | "produced" | "story" | "image" | "images" | "illustration" | "graphic");
        let credit = (1..=3).any(|d| {
            from >= d && CREDIT.iter().any(|c| c.eq_ignore_ascii_case(self.word(from - d))) && (d == 1 || self.word(from - 1) == ":") && (self.word(from - d) != "by" && self.word(from - d) != "By" || by_credit(from - d))
        });
        let mut after_title = ROLES.contains(prev.as_str()) && prev != "said" && prev != "told" || prev == "by" && credit;
        // An organisation word at the end makes the whole run one organisation, demonyms and
        // places included (`Syrian Interior Ministry`), unless a title splits it.
        let last = self.word(to - 1);
        let title_inside = (from..to).any(|k| self.title_at(k) > 0);
        let known_org_at_end = (from..to).any(|k| self.hit(k).is_some_and(|(h, e)| e == to && h.entry.label == Label::Org));
        if ORG_WORDS.contains(last) && !title_inside && !known_org_at_end && to - from > 1 && self.hit(from).is_none_or(|(_, e)| e < to) {
            let start = if self.word(from) == "The" { from + 1 } else { from };
            self.push(start, to, Some(Label::Org), "org-word", true, false);
            return;
        }
        let mut i = from;
        let mut chunk_start = None;
        while i < to {
            let t = self.title_at(i);
            // (A title wins over a shorter listed name inside it: `Sen.` is not the place `Sen`.)
            let h = self.hit(i).filter(|&(_, e)| e <= to && e - i >= t);
            // After a title, or from a given name on, the words are one person's name even
            // where a word is also a place (`Vladimir`, `Marco Rubio`).
            let person_here = chunk_start.is_none()
                && t == 0
                && h.is_none_or(|(hh, e)| hh.entry.label == Label::Place && e < to || hh.entry.label == Label::Person)
                // (`North` and `West` are given names too, but not before a place: `North Darfur`.)
                && (after_title || (self.g.first_names.contains(self.word(i)) && !(COMPASS.contains(self.word(i)) && h.is_some()) && i + 1 < to && !CONNECTORS.contains(self.word(i + 1))));
            if person_here {
                let mut e = i + 1;
                while e < to && self.title_at(e) == 0 && !CONNECTORS.contains(self.word(e)) && self.hit(e).is_none_or(|(hh, _)| matches!(hh.entry.label, Label::Place | Label::Person)) {
                    e += 1;
                }
                let rule = if credit { "entity/photo-credit" } else if after_title { "entity/title-person" } else { "given-name" };
                self.push(i, e, Some(Label::Person), rule, true, false);
                after_title = false;
                i = e;
                continue;
            }
            if t > 0 || h.is_some() {
                if let Some(cs) = chunk_start.take() {
                    self.classify(cs, i, after_title, credit, &prev, from);
                }
                after_title = false;
                if t > 0 && h.is_none_or(|(hh, _)| hh.entry.label != Label::Place && hh.entry.label != Label::Org) {
                    after_title = true;
                    i += t;
                    continue;
                }
                let (hit, e) = h.unwrap();
                self.push(i, e, Some(hit.entry.label), hit.entry.rule, true, false);
                i = e;
                continue;
            }
            if chunk_start.is_none() {
                if CONNECTORS.contains(self.word(i)) || self.word(i) == "." {
                    i += 1;
                    continue;
                }
                chunk_start = Some(i);
            }
            i += 1;
        }
        if let Some(cs) = chunk_start {
            // Drop trailing connectors.
            let mut end = to;
            while end > cs + 1 && CONNECTORS.contains(self.word(end - 1)) {
                end -= 1;
            }
            self.classify(cs, end, after_title, credit, &prev, from);
        }
    }


    fn classify(&mut self, from: usize, to: usize, after_title: bool, credit: bool, prev: &str, run_start: usize) {
        let words: Vec<&str> = (from..to).map(|k| self.word(k)).filter(|w| *w != ".").collect();
        if words.is_empty() {
            return;
        }
        let first = words[0];
        let last = *words.last().unwrap();
        let single = words.len() == 1;
        let weak_position = self.s.title_case || self.initial(from);
        let ctx_prev = if from == run_start { prev.to_string() } else { String::new() };
        let acronym = single && (2..=6).contains(&first.chars().count()) && first.chars().all(|c| c.is_uppercase() || c == '.') && !self.s.title_case;
        let (label, rule, strong) = if after_title {
            (Some(Label::Person), "entity/title-person", true)
        } else if credit && !single {
            (Some(Label::Person), "entity/photo-credit", true)
        } else if !single && first.chars().next().is_some_and(char::is_uppercase) && last.split_once('-').is_some_and(|(p, _)| matches!(p, "al" | "el" | "bin" | "ibn" | "abu" | "ul")) {
            // `Bashar al-Assad`, `Noureddine al-Baba`: a given name and a family name with its
            // particle (organisations of that shape are in the lists).
            (Some(Label::Person), "entity/particle-name", true)
        } else if (PLACE_WORDS.contains(last) || PLACE_FIRST.contains(first)) && !single {
            (Some(Label::Place), "entity/place-word", true)
        } else if ORG_WORDS.contains(last) && !single {
            (Some(Label::Org), "org-word", true)
        } else if !single && self.g.first_names.contains(first) {
            (Some(Label::Person), "given-name", true)
        } else if acronym {
            (Some(Label::Org), "acronym", false)
        } else if PLACE_KINDS.contains(&ctx_prev.as_str()) && from > 1 && self.word(from - 1) == "of" {
            (Some(Label::Place), "entity/place-context", true)
        } else if LOCATIVE.contains(&ctx_prev.as_str()) && words.len() <= 2 {
            (Some(Label::Place), "after-locative", false)
        } else if !single {
            (Some(Label::Person), "name-shape", false)
        } else {
            (None, "capitalised", false)
        };
        // `of` before a city name: `the city of Sweida` (the run starts after `of`).
        let (label, rule, strong) = if label.is_none_or(|l| l != Label::Place) && single && from >= 2 && self.word(from - 1) == "of" && PLACE_KINDS.contains(&self.word(from - 2)) {
            (Some(Label::Place), "entity/place-context", true)
        } else {
            (label, rule, strong)
        };
        self.push(from, to, label, rule, strong, weak_position);
    }

    fn push(&mut self, from: usize, to: usize, label: Option<Label>, rule: &'static str, strong: bool, weak_position: bool) {
        if from >= to {
            return;
        }
        let (start, end) = (self.s.tokens[from].start, self.s.tokens[to - 1].end);
        self.out.push(Mention { start, end, label, rule, strong, weak_position });
    }
}
