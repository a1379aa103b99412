//! Casualty counts: a number (digits, words or a vague count), its qualifier (`at least`,
//! `more than`, `between … and …`), the victim noun that follows, and the category read from
//! the words around it in either order (`killing 20 people`, `20 people were killed`,
//! `the death toll rose to 65`). Counts of missiles, years or kilometres have no victim noun
//! and no harm word beside them, so they are left alone.

mod read;
mod scope;
mod words;
#[cfg(test)]
mod tests;

use self::read::Basis;
use self::words::Words;
use crate::annotation::{Candidate, CasualtyAttrs, Label};
use crate::recognize::rule::{Rule, example};
use crate::text::number;
use crate::text::segment::{Segmentation, Sentence};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// Every casualty rule: its id (as in the export's `rule`), what it does, and examples (run by
/// `recognize::catalogue`; the tests below check whole sentences, what is left out included).
pub const RULES: &[Rule] = &[
    Rule {
        id: "casualty/count",
        description: "a number of people with a harm word before or after it, its category from the nearest: `killed 15 people`, `Three killed`, `24 bodies`; or listed after such a figure in its sentence (`-- seven civilians and two soldiers`, `two in the garage`)",
        examples: &[
            example!("The strike killed 15 people, including four children.", None, "15 people", "killed 15 exact"),
            example!("The strike killed 15 people, including four children.", None, "four children", "killed 4 exact"),
            example!("Three killed in Israeli airstrike", None, "Three", "killed 3 exact"),
            example!("the hospital received 24 bodies", None, "24 bodies", "killed 24 exact"),
            example!("twenty-three soldiers were killed", None, "twenty-three soldiers", "killed 23 exact"),
            example!("Police arrested 14 protesters", None, "14 protesters", "detained 14 exact"),
            example!("gunmen took 240 people hostage", None, "240 people", "kidnapped 240 exact"),
            example!("2,000 displaced by the fighting", None, "2,000", "displaced 2000 exact"),
            example!("1 Dead, 3 Hospitalized in Lauderhill Club Shooting", None, "3", "injured 3 exact"),
            example!("seven people were shot, one fatally", None, "one", "killed 1 exact"),
            example!("All but two of the 40 passengers died.", None, "All but two of the 40 passengers", "killed 38 exact"),
            example!("Five died; twenty more were injured.", None, "twenty more", "injured 20 exact"),
            example!("Three of the victims were police officers.", None, "Three", "injured 3 exact"),
            example!("Nine people were wounded -- seven civilians and two soldiers.", None, "seven civilians", "injured 7 exact"),
            example!("Three bodies were found in the kitchen and two in the garage.", None, "two", "killed 2 exact"),
        ],
    },
    Rule {
        id: "casualty/qualified-count",
        description: "the same with a qualifier before the number: `at least 20`, `more than 900 people`, `up to 50`, `nearly 1.2 million`",
        examples: &[
            example!("where more than 900 people have been killed in violence", None, "more than 900 people", "killed 900 moreThan"),
            example!("an attack killing at least 20 people on Monday", None, "at least 20 people", "killed 20 atLeast"),
            example!("up to 50 people may have died", None, "up to 50 people", "killed 50 atMost"),
            example!("nearly 1.2 million people displaced", None, "nearly 1.2 million people", "displaced 1200000 about"),
            example!("a crane fell, killing 107 or more", None, "107 or more", "killed 107 atLeast"),
            example!("The death toll, officials said on Monday, exceeded 300.", None, "exceeded 300", "killed 300 moreThan"),
        ],
    },
    Rule {
        id: "casualty/vague-count",
        description: "a vague count at its conventional value, at least: `dozens` 12, `scores` 20, `hundreds` 100, `hundreds of thousands` 100,000",
        examples: &[
            example!("dozens of people were injured", None, "dozens of people", "injured 12 atLeast"),
            example!("hundreds of thousands of people have been killed", None, "hundreds of thousands of people", "killed 100000 atLeast"),
        ],
    },
    Rule {
        id: "casualty/range",
        description: "a range, counted from its lower end: `between 10 and 15 civilians`, `10 to 15`",
        examples: &[example!("between 10 and 15 civilians were wounded", None, "between 10 and 15 civilians", "injured 10 range")],
    },
];

/// Casualty candidates in `text`.
pub fn recognize(text: &str, seg: &Segmentation) -> Vec<Candidate> {
    finish(sentences(text, seg, 0..seg.sentences.len(), None))
}

/// A casualty figure as its sentence reads it, before the document's incidents are numbered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count {
    pub candidate: Candidate,
    /// Where words that open another incident (`in a separate incident`, `another explosion`)
    /// begin, when they stand before the figure in its sentence or in the sentence before.
    pub opens: Option<usize>,
    /// What its category rests on; [`finish`] reads it from the figures before when its
    /// sentence says nothing.
    pub basis: Basis,
    /// Its sentence, in bytes: where [`dated`] reads the day of its event.
    pub sentence: (usize, usize),
    /// Whether it tells an event of its own: a harm word of its own and no word of an update in
    /// its sentence (`the toll rose to`, `later died`), so that a day of its own other than its
    /// incident's starts another.
    pub fresh: bool,
    /// The day its sentence gives its event (`YYYY-MM-DD`), from the dates found ([`dated`]).
    pub day: Option<String>,
    /// The places its clause names, lower case ([`placed`]).
    pub places: Vec<String>,
    /// The place its clause opens with (`In Mosul, [five] died`, `…; in Mosul [five] died`).
    pub fronted: Option<String>,
    /// Whether it stands in a headline linking to another story (`Related: …`): background,
    /// unless the article counts the same figure itself ([`finish`]).
    pub related: bool,
}

/// Words of a sentence that updates a figure told before rather than telling a new event.
const UPDATE: [&str; 14] = ["toll", "tolls", "rose", "risen", "climbed", "climb", "rise", "increased", "raised", "later", "succumbed", "revised", "updated", "now"];

/// Words after which a date is when something was said, not when it happened (`police said
/// Monday`), or the bound of a period (`since last Sunday`, `by Monday`).
const SAID: [&str; 17] = ["said", "says", "told", "announced", "reported", "confirmed", "added", "stated", "tweeted", "wrote", "reports", "report", "since", "until", "till", "by", "through"];

/// Words that name a day in a date's text (a clock time alone is of the article's day, or of none).
const DAYS: [&str; 23] = [
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tonight", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "night",
];

/// Gives each fresh figure the day its sentence tells (the date naming a day nearest to it in
/// its sentence, not one of saying: its value, resolved or not, `XXXX-WXX-6` for a Saturday with
/// no reference), read from `dates` (the sentences' dates, in order).
pub fn dated(text: &str, counts: &mut [Count], dates: &[Candidate]) {
    for c in counts.iter_mut().filter(|c| c.fresh) {
        let (lo, hi) = c.sentence;
        let at = c.candidate.start;
        let from = dates.partition_point(|d| d.start < lo);
        c.day = dates[from..]
            .iter()
            .take_while(|d| d.end <= hi)
            .filter_map(|d| {
                let value = &d.date.as_ref()?.value;
                // (A day's value, its time of day cut: `2015-05-16`, `XXXX-WXX-6`, not a month's.)
                let day = value.split('T').next().filter(|v| v.len() >= 10 && v.matches('-').count() == 2)?;
                let named = text[d.start..d.end].split(|c: char| !c.is_alphabetic()).map(str::to_lowercase).find(|w| DAYS.contains(&w.as_str()));
                let said = text[..d.start].split_whitespace().rev().take(2).any(|w| SAID.contains(&w.to_lowercase().as_str()));
                // (With no reference `today` and `yesterday` are both `XXXX-XX-XX`: their words tell them apart.)
                let named = named.filter(|_| !said)?;
                let day = if day == "XXXX-XX-XX" { named } else { day.to_string() };
                Some((d.start.abs_diff(at), day))
            })
            .min()
            .map(|(_, day)| day);
    }
}

/// Casualty figures in some sentences of `text` (each sentence read with the one before it);
/// `reference` is the article's date, which tells a past year from this one.
pub fn sentences(text: &str, seg: &Segmentation, range: std::ops::Range<usize>, reference: Option<Date>) -> Vec<Count> {
    let mut out = Vec::new();
    for k in range {
        let before = k.checked_sub(1).map(|j| &seg.sentences[j]).filter(|p| p.block == seg.sentences[k].block);
        let from = out.len();
        sentence_casualties(text, &seg.sentences[k], before, reference, &mut out);
        if out.len() > from && scope::related(text, seg, seg.sentences[k].block) {
            for c in &mut out[from..] {
                c.related = true;
                if let Some(a) = c.candidate.casualty.as_mut().filter(|a| a.scope.as_deref() == Some("incident")) {
                    a.scope = Some("background".into());
                    a.incident = None;
                }
            }
        }
    }
    out
}

/// Gives each figure the places its clause names and the place it opens with (`In
/// Mosul, five people died`; a clause starts its sentence or follows `;`), read from `places`
/// (the document's PLACE spans, in order).
pub fn placed(text: &str, counts: &mut [Count], places: &[(usize, usize)]) {
    for c in counts.iter_mut() {
        let (lo, hi) = c.sentence;
        let from = places.partition_point(|p| p.0 < lo);
        let at = c.candidate.start;
        let clause = text[lo..at].rfind(';').map_or(lo, |k| lo + k + 1);
        let clause_end = text[at..hi].find(';').map_or(hi, |k| at + k);
        let here: Vec<(usize, usize)> = places[from..].iter().take_while(|p| p.1 <= hi).filter(|p| clause <= p.0 && p.1 <= clause_end).copied().collect();
        c.places = here.iter().map(|p| text[p.0..p.1].to_lowercase()).collect();
        let opening = text[clause..at].trim_start();
        let start = at - opening.len();
        let prep = ["in ", "at ", "near "].iter().find(|p| opening.get(..p.len()).is_some_and(|o| o.eq_ignore_ascii_case(p))).map(|p| p.len());
        c.fronted = prep.and_then(|n| here.iter().find(|p| p.0 == start + n)).map(|p| text[p.0..p.1].to_lowercase());
    }
}

/// The figures of the whole document in text order, their incidents numbered: the first
/// incident's figures are `i1`, and words that open another incident start the next, as does a
/// fresh figure told on another day than its incident's ([`dated`]: `On Saturday, an attack
/// killed 28 people. Today, attacks killed 35 more`) or in a clause that opens with another
/// place than any its incident's clauses name ([`placed`]: `In Baghdad a bomb killed three;
/// in Mosul five died`). A figure
/// whose sentence states no harm takes it from the figures before: `victims` the harm told last,
/// a definite count of people (`the five teens`) that of the last figure of the same number (or
/// is no figure when none was). A related story's figure (`Related: …`) is background unless
/// the article counts the same figure outside such lines.
pub fn finish(counts: Vec<Count>) -> Vec<Candidate> {
    // (The figures the article counts itself, outside lines linking to other stories: a related
    // headline that repeats one, `Related: Neighbours rally after [six people] shot`, is the
    // article's own incident told again.)
    let own: Vec<(Option<u64>, &str)> = counts.iter().filter(|c| !c.related).filter_map(|c| c.candidate.casualty.as_ref().map(|a| (a.count, a.category.as_str()))).collect();
    let told_here: Vec<bool> = counts.iter().map(|c| c.related && c.candidate.casualty.as_ref().is_some_and(|a| own.contains(&(a.count, a.category.as_str())))).collect();
    let (mut n, mut cue, mut any) = (1, None, false);
    // (The day of the incident the figures are counted for, once a figure has told it.)
    let mut day: Option<String> = None;
    let mut seen: Vec<(Option<u64>, String)> = Vec::new();
    let mut places: Vec<String> = Vec::new();
    let mut last_harm: Option<String> = None;
    let mut any_dead = false;
    let mut by_count: Vec<(u64, String)> = Vec::new();
    counts
        .into_iter()
        .zip(told_here)
        .filter_map(|(c, told_here)| {
            let mut candidate = c.candidate;
            let attrs = candidate.casualty.as_mut()?;
            if told_here && attrs.scope.as_deref() == Some("background") {
                attrs.scope = Some("incident".into());
            }
            // (The category of the last figure with this one's number.)
            let count = attrs.count;
            let same_count = || by_count.iter().rev().find(|(k, _)| Some(*k) == count).map(|(_, c): &(u64, String)| c.clone());
            match c.basis {
                // (A list's figure took its category from the figure before, in its sentence.)
                Basis::Harm | Basis::List => {}
                Basis::Victims => attrs.category = last_harm.clone().unwrap_or_else(|| "injured".into()),
                Basis::Casualties => attrs.category = if any_dead { "injured" } else { "killed" }.into(),
                Basis::Anaphor => attrs.category = same_count()?,
                Basis::Named => {
                    if let Some(c) = same_count() {
                        attrs.category = c;
                    }
                }
            }
            if c.basis == Basis::Harm {
                last_harm = Some(attrs.category.clone());
                any_dead |= attrs.category == "killed";
            }
            if let Some(k) = attrs.count {
                by_count.push((k, attrs.category.clone()));
            }
            if attrs.scope.as_deref() == Some("incident") {
                // (A figure the incident already holds, told again, is no other event.)
                let again = seen.contains(&(attrs.count, attrs.category.clone()));
                let other_day = c.day.is_some() && day.is_some() && c.day != day && !again;
                // (`Guwahati` and `Guwahati city` are one place.)
                let same = |p: &String, q: &String| p.contains(q.as_str()) || q.contains(p.as_str());
                let other_place = c.fresh && !places.is_empty() && c.fronted.as_ref().is_some_and(|p| !places.iter().any(|q| same(p, q))) && !again;
                if c.opens.is_some() && c.opens != cue || other_day || other_place {
                    n += usize::from(any);
                    if c.opens.is_some() {
                        cue = c.opens;
                    }
                    day = None;
                    seen.clear();
                    places.clear();
                }
                places.extend(c.places.iter().cloned());
                seen.push((attrs.count, attrs.category.clone()));
                if day.is_none() {
                    day = c.day.clone();
                }
                any = true;
                attrs.incident = Some(format!("i{n}"));
            }
            Some(candidate)
        })
        .collect()
}

/// How far from a figure its scope's cues are read, in words before and after.
const CUE_REACH: (usize, usize) = (12, 10);

fn sentence_casualties(text: &str, s: &Sentence, before: Option<&Sentence>, reference: Option<Date>, out: &mut Vec<Count>) {
    let w = Words { text, tokens: &s.tokens };
    let n = s.tokens.len();
    let mut found = Vec::new();
    let mut i = 0;
    while i < n {
        let Some(num) = number::parse_at(text, &s.tokens, i) else {
            i += 1;
            continue;
        };
        match read::read_mention(&w, num) {
            Some((first, last, attrs, basis)) => {
                found.push((first, last, attrs, basis));
                i = last;
            }
            None => i = num.last,
        }
    }
    // A list's later figures with nothing near them take the category of the figure before
    // them (`, and` or `,` between, or anywhere before after `--` or `they were`), or are none.
    let mut k = 0;
    while k < found.len() {
        if found[k].3 == Basis::List {
            let beside = k > 0 && (found[k - 1].1..found[k].0).all(|j| matches!(w.lower(j).as_str(), "," | "and")) && found[k].0.saturating_sub(found[k - 1].1) <= 2;
            // (Not across another count: `[1,035] in Turkey and [19] in Greece` is a list of
            // two, whether the first is a figure or not; `in one bedroom` is a place.)
            let numbers_between = || (found[k - 1].1..found[k].0).any(|j| !matches!(w.lower(j.wrapping_sub(1)).as_str(), "in" | "on" | "at" | "from" | "of" | "with" | "by") && number::parse_at(text, &s.tokens, j).is_some_and(|x| x.value.is_some()));
            let listed = beside || k > 0 && !read::listed_beside(&w, found[k].0, found[k].2.0.victims.is_some()) && !numbers_between();
            if !listed {
                found.remove(k);
                continue;
            }
            let category = found[k - 1].2.0.category.clone();
            found[k].2.0.category = category;
            found[k].3 = found[k - 1].3;
        }
        k += 1;
    }
    if found.is_empty() {
        return;
    }
    // The sentence before (in the same paragraph): the words that open another incident, and
    // an earlier time that its cues give figures with no cue of their own, when it has no
    // figure and this sentence no time of its own (`Two bombs went off in Tunis last month.
    // Reportedly, [two people] were killed`). (Not a period: `one of the worst incidents of the
    // war so far. [Ten people] were killed` counts the incident.)
    let prev = before.map(|p| Words { text, tokens: &p.tokens });
    // (Read once, and only when a figure needs them.)
    let prev_opens = std::cell::OnceCell::new();
    let prev_opens = || *prev_opens.get_or_init(|| prev.as_ref().and_then(|p| scope::opens_incident(p, 0, p.tokens.len()).map(|k| p.tokens[k].start)));
    let carried = std::cell::OnceCell::new();
    let carried = || *carried.get_or_init(|| prev.as_ref().filter(|p| !scope::has_own_time(&w, 0, n) && !has_figure(p)).and_then(|p| scope::cue(p, 0, 0, 0, p.tokens.len(), reference)).filter(|&c| c == "background"));
    let headline = s.block == 0;
    // (Whether the sentence updates a figure told before.)
    let updates = (0..n).any(|k| UPDATE.contains(&w.lower(k).as_str()));
    // (The first words in this sentence that open another incident, read once.)
    let own_opens = scope::opens_incident(&w, 0, n);
    // Each figure's scope, from the words around it short of the figures beside it.
    for k in 0..found.len() {
        let (first, last, (mut attrs, rule), basis) = found[k].clone();
        // (Backwards the words are shared: `an attack in 2018 killed [150] soldiers and [95]
        // civilians`; forwards a figure's words end where the next figure begins.)
        let lo = first.saturating_sub(CUE_REACH.0);
        let hi = (last + CUE_REACH.1).min(found.get(k + 1).map_or(n, |f| f.0));
        // A count of hundreds or thousands told without a number is a war's or a period's
        // toll (`responsible for the deaths of hundreds`), unless the headline reports it as
        // the news (`Hundreds dead in stampede`); any count of 100,000 or more at least is.
        // (People driven from their homes are counted as the news reports them: `the storm
        // displaced [tens of thousands]`.)
        let vague = rule == "casualty/vague-count" && attrs.count.is_some_and(|c| c >= 100) && !headline && attrs.category != "displaced";
        // Refugees are counted where they live now, not as they flee: a total.
        let stock = attrs.victims.as_deref() == Some("refugees");
        let huge = vague || stock || attrs.qualifier == "atLeast" && attrs.count.is_some_and(|c| c >= 100_000);
        let scope = scope::cue(&w, first, last, lo, hi, reference).or_else(|| carried().map(|c| if scope::many_events(&w, lo, hi) { "cumulative" } else { c })).unwrap_or(if huge { "cumulative" } else { "incident" });
        attrs.incident = (scope == "incident").then(|| "i1".to_string());
        attrs.scope = Some(scope.to_string());
        let opens = own_opens.filter(|&k| k < first).map(|k| s.tokens[k].start).or_else(prev_opens);
        let mut c = Candidate::new(s.tokens[first].start, s.tokens[last - 1].end, Label::Casualty, rule);
        c.casualty = Some(attrs);
        // (A part of people counted before, `two of the victims died`, is no new event.)
        let fresh = basis == Basis::Harm && !updates && w.lower(last) != "of";
        out.push(Count { candidate: c, opens, basis, sentence: (s.start, s.end), fresh, day: None, places: Vec::new(), fronted: None, related: false });
    }
}

/// Does the sentence hold a casualty figure?
fn has_figure(w: &Words) -> bool {
    let mut i = 0;
    while i < w.tokens.len() {
        match number::parse_at(w.text, w.tokens, i) {
            Some(num) if read::read_mention(w, num).is_some() => return true,
            Some(num) => i = num.last.max(i + 1),
            None => i += 1,
        }
    }
    false
}

/// Attributes for a span the user marked as CASUALTY, read with its sentence as context.
pub fn infer(text: &str, seg: &Segmentation, start: usize, end: usize) -> CasualtyAttrs {
    let found = seg
        .sentences
        .iter()
        .filter(|s| s.start <= start && end <= s.end)
        .flat_map(|s| {
            let mut v = Vec::new();
            sentence_casualties(text, s, None, None, &mut v);
            v.into_iter().map(|c| c.candidate).collect::<Vec<_>>()
        })
        .find(|c| c.start < end && start < c.end);
    found.and_then(|c| c.casualty).unwrap_or_else(|| {
        let count = number::parse_number(text[start..end].split_whitespace().next().unwrap_or(""));
        CasualtyAttrs { category: "killed".into(), count, qualifier: "exact".into(), min: None, max: None, victims: None, scope: None, incident: None }
    })
}
