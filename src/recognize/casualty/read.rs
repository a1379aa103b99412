//! Reading one casualty mention around a number: negations, ages and numbers in names left
//! out; the qualifier or range; the victim noun and the words before it; the category from the
//! nearest harm word in either direction, lists and subsets sharing one.

use serde::{Deserialize, Serialize};

use super::words::*;
use crate::annotation::{CasualtyAttrs, Label};
use crate::recognize::gazetteer;
use crate::text::number::{self, Number};
use crate::text::segment::TokenKind;

/// The first and last token of a mention, its attributes and rule, and what its category rests on.
pub(super) type Read = (usize, usize, (CasualtyAttrs, &'static str), Basis);

/// What a figure's category rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Basis {
    /// A harm word or a noun that says it (`killed`, `bodies`).
    Harm,
    /// Only its noun, `victims`: the harm the article told last (`killing four … [three of the
    /// victims] were officers`), injured when it told none.
    Victims,
    /// Nothing in its sentence, but it names people counted before (`[the five teens] are
    /// recovering` after `five teens were shot`): theirs, or no figure when none was.
    Anaphor,
    /// A definite count of people hit (`[the three officers] were stabbed`): the harm of the last
    /// figure with that number when there is one (they were the dead), else its own.
    Named,
    /// `casualties` (`suffered [thousands of casualties]`, `the number of casualties rose to
    /// [1,035]`): the dead and the hurt together; the hurt when the article has counted its
    /// dead before, else the dead.
    Casualties,
    /// Nothing near it, but it follows a figure in a list (`the deaths are fourteen civilians,
    /// five soldiers, and [one member] of the Coast Guard`): that figure's, or no figure.
    List,
}

/// What `casualties` says until the document is read: the dead and the hurt together, so the
/// hurt where the article counts its dead apart ([`Basis::Casualties`]).
const CASUALTIES: &str = "casualties";

/// The category a harm word gives, `casualties` its own.
fn harm_of(word: &str) -> Option<&'static str> {
    if word == "casualties" { Some(CASUALTIES) } else { cue_of(word) }
}

/// The distance a harm that only `victims` gives is read at: any harm word beats it.
const VICTIMS_ONLY: usize = usize::MAX - 1;

/// Reads one casualty mention around `num`: qualifier, range, victim noun and category.
pub(super) fn read_mention(w: &Words, num: Number) -> Option<Read> {
    let num = all_but(w, num).unwrap_or(num);
    // A scale word alone (`million refugees` after a number we cannot read) counts nobody.
    if num.last == num.first + 1 && !num.vague && number::scale(&w.lower(num.first)).is_some() {
        return None;
    }
    let n = w.tokens.len();
    let prev = |k: usize| if k == 0 { String::new() } else { w.lower(k - 1) };
    // Negations give no count (`no one`), nor does a pronoun use without its harm (`one of the
    // victims was a nurse`); `one of whom was pronounced dead` counts one.
    let one_of = w.lower(num.first) == "one" && w.lower(num.last) == "of";
    // A part of the victims: `four of the deceased`, `two of Khan's victims`, `five of them`
    // (`one of …` only when a harm word follows within three words: `one of them died`, `one of
    // the victims had been shot`.)
    let part = partitive(w, num);
    // (Or one governed by a harm word before it: `the loss of one of our own`, `the death of one
    // of the hostages`.)
    let harm_before = || num.first >= 2 && prev(num.first) == "of" && (cue_of(&prev(num.first - 1)).is_some() || prev(num.first - 1) == "loss");
    let harm_next = part.is_some_and(|e| harm_before() || (e..e + 3).any(|k| cue_of(&w.lower(k)).is_some()));
    if prev(num.first) == "no" || (one_of && w.lower(num.last + 1) != "whom" && !harm_next) {
        return None;
    }
    // Who did the harm is not who suffered it: `shot to death by [two men]`, `was shot in the
    // capital by [several unidentified men]` (a harm word in the clause before `by`).
    let clause_harm_before = |at: usize| (1..=5).map_while(|d| at.checked_sub(d)).take_while(|&k| !matches!(w.lower(k).as_str(), "," | "." | ";")).any(|k| cue_of(&w.lower(k)).is_some());
    if num.first >= 1 && prev(num.first) == "by" && clause_harm_before(num.first - 1) {
        return None;
    }
    // Ages: `Monica Bates, 16, was killed`; and numbers inside names: `WSIL-TV 3 Southern`.
    let raw = |k: usize| w.tokens.get(k).map_or("", |t| &w.text[t.start..t.end]);
    // Capitalised, not shouted (wire copy in capitals says nothing by its case).
    let capital = |k: usize| raw(k).chars().next().is_some_and(char::is_uppercase) && raw(k).chars().any(char::is_lowercase);
    if num.first >= 2 && prev(num.first) == "," && w.lower(num.last) == "," && capital(num.first - 2) {
        return None;
    }
    let digits = w.tokens[num.first].kind == TokenKind::Number;
    // `Cafe 54,`, `Channel 2 Action News`: a number right after a name is part of it.
    // (But a qualifier in a Title Case headline is none: `Over 50 Dead`, `At Least 12 Killed`.)
    let qualified = || qualifiers().iter().any(|(phrase, _)| phrase.len() <= num.first && phrase.iter().enumerate().all(|(j, p)| w.lower(num.first - phrase.len() + j) == *p));
    if num.first >= 2 && digits && capital(num.first - 1) && !matches!(prev(num.first - 1).as_str(), "." | "" | "\"" | "“") && cue_of(&prev(num.first)).is_none() && !qualified() {
        return None;
    }
    if num.first >= 1 && raw(num.first - 1).chars().next().is_some_and(char::is_uppercase) && capital(num.last) && w.tokens[num.first].kind == TokenKind::Number && cue_of(&prev(num.first)).is_none() && !qualified() {
        return None;
    }
    let value = num.value;
    // Years and clock times are not counts.
    if let Some(v) = value {
        if (1900..=2100).contains(&v) && !num.vague && w.lower(num.first).len() == 4 {
            return None;
        }
    }
    let mut first = num.first;
    let mut last = num.last;
    let mut qualifier = if num.vague { "atLeast" } else if value.is_none() { "about" } else { "exact" };
    let (mut min, mut max) = (None, None);
    // Range: `between 10 and 15`, `10 to 15`, `10-15` (but not `from 50 to 65`, an update).
    if let Some(second) = range_end(w, num) {
        if w.lower(num.first.wrapping_sub(1)) == "between" {
            first -= 1;
        }
        qualifier = "range";
        min = value;
        max = second.value;
        last = second.last;
    } else {
        for (phrase, q) in qualifiers() {
            let k = phrase.len();
            if first >= k && (0..k).all(|j| w.lower(first - k + j) == phrase[j]) {
                first -= k;
                qualifier = q;
                break;
            }
        }
    }
    // A bound after the number: `107 or more`, `30 or so`.
    if qualifier == "exact" && w.lower(last) == "or" {
        let q = match w.lower(last + 1).as_str() {
            "more" => Some("atLeast"),
            "so" => Some("about"),
            _ => None,
        };
        if let Some(q) = q {
            qualifier = q;
            last += 2;
        }
    }
    // `all six victims`: the `all` is part of the mention.
    if first > 0 && w.lower(first - 1) == "all" && qualifier == "exact" {
        first -= 1;
    }
    // Victim noun: `people`, `more people`, `Tanzanian peacekeepers`, `dozens of civilians`.
    // (A partitive's noun does not follow the number directly: the span is the number alone,
    // `[four] of the deceased`, but its noun names the victims and its harm is read after it.)
    let mut victims = None;
    let mut span_last = None;
    if let Some(end) = part.filter(|_| qualifier != "range") {
        victims = Some(w.lower(end - 1));
        span_last = Some(last);
        last = end;
    }
    let mut k = if victims.is_some() { n } else { last };
    if w.lower(k) == "of" && (num.vague || value.is_none()) {
        k += 1;
    }
    // (A noun that also modifies, `police`, or a people, `Yemeni`, gives way to a victim noun
    // after it: `four senior police officers`, `two Yemeni fishermen`.)
    let noun_next = |k: usize| (k + 1..k + 3).find(|&j| VICTIMS.contains(&w.lower(j)) && (k + 1..j).all(|i| VICTIM_ADJ.contains(&w.lower(i))));
    for _ in 0..3 {
        let word = w.lower(k);
        if word.is_empty() {
            break;
        }
        // (`held several ambassadors hostage`: `hostage` is said of them, not their noun.)
        if word != "of" && VICTIMS.contains(&word) && !(word == "hostage" && k > num.last) {
            let j = if VICTIM_ADJ.contains(&word) { noun_next(k).unwrap_or(k) } else { k };
            victims = Some(w.lower(j));
            last = j + 1;
            break;
        }
        let raw = w.tokens.get(k).map(|t| &w.text[t.start..t.end]).unwrap_or("");
        let demonym = raw.chars().next().is_some_and(char::is_uppercase)
            && (["ans", "is", "ese", "ons", "ers"].iter().any(|e| word.ends_with(e))
                || gazetteer::get().lookup(raw).is_some_and(|e| e.label == Label::Group || (e.label == Label::Org && w.lower(k.wrapping_sub(1)) == "of")));
        // (`hundreds of Taliban`: an armed organisation's members; `thousands of [ethnic]
        // Ndebele`: a people, named after `of` in a count with no number.)
        let people = (num.vague || value.is_none()) && raw.chars().next().is_some_and(char::is_uppercase) && raw.chars().any(char::is_lowercase) && (w.lower(k - 1) == "of" || VICTIM_ADJ.contains(&w.lower(k - 1)) && w.lower(k - 2) == "of");
        let demonym = demonym || people;
        if demonym {
            let j = noun_next(k).unwrap_or(k);
            victims = Some(w.lower(j));
            last = j + 1;
            break;
        }
        let adjective = VICTIM_ADJ.contains(&word) || raw.chars().next().is_some_and(char::is_uppercase) && k > last.saturating_sub(1);
        if !adjective {
            break;
        }
        k += 1;
    }
    // `around twenty more`, `five others`: more of the people counted before.
    if victims.is_none() && w.lower(last) == "more" && w.lower(last + 1) != "than" && !VICTIMS.contains(&w.lower(last + 1)) {
        victims = Some("more".into());
        last += 1;
    }
    let after = w.lower(last);
    if victims.is_none() && (NOT_PEOPLE.contains(&after) || after == "-" || (after == "of" && !one_of) || after == ":") {
        return None;
    }
    if value.is_none() && victims.is_none() {
        return None;
    }
    // `3135 West Broward Blvd.`: a number before a name is an address or a name's part.
    if victims.is_none() && digits && capital(last) && cue_of(&w.lower(last)).is_none() {
        return None;
    }
    // What would have happened is no count: `the toll would have been more than a thousand`,
    // `hundreds would have died` (the words of its clause only).
    let clause_before = (num.first.saturating_sub(6)..num.first).rev().take_while(|&k| !matches!(w.lower(k).as_str(), "." | ";" | "," | "if"));
    let would = |k: usize| w.lower(k) == "would" && w.lower(k + 1) == "have";
    if clause_before.into_iter().any(would) || (num.last..num.last + 3).any(would) {
        return None;
    }
    // Category: the nearest harm word, closer windows when there is no victim noun.
    let mut reach = if victims.is_some() { 14 } else if one_of { 6 } else { 3 };
    let mut best: Option<(usize, &'static str)> = None;
    let mut consider = |dist: usize, cat: &'static str| {
        if best.is_none_or(|(d, _)| dist < d) {
            best = Some((dist, cat));
        }
    };
    // (Whether the harm after the count is only that they were hit: `shot`, `stabbed`.)
    let (mut hit, mut after_dist) = (false, None);
    // A harm word among the victim's adjectives decides: `30 dead civilians`.
    for k in num.last..last {
        let word = w.lower(k);
        if VICTIM_ADJ.contains(&word) {
            if let Some(c) = cue_of(&word) {
                consider(0, c);
            }
        }
    }
    // A harm told of them in a clause of their own beats their noun's: `[one hostage] who was
    // beheaded` (read with the words after).
    let aux = (last + 1..last + 4).find(|&k| !matches!(w.lower(k).as_str(), "was" | "were" | "had" | "has" | "have" | "been" | "later"));
    let clause_harm = matches!(w.lower(last).as_str(), "who" | "that") && aux.is_some_and(|k| k > last + 1 && cue_of(&w.lower(k)).is_some());
    // Some victim nouns carry the category; `victims` alone says little (any word beats it).
    if let Some(v) = victims.as_ref().filter(|_| !clause_harm) {
        match v.as_str() {
            "bodies" | "deceased" | "dead" => consider(0, "killed"),
            "hostages" | "hostage" | "captives" => consider(0, "kidnapped"),
            "prisoners" | "detainees" | "inmates" => consider(0, "detained"),
            "refugees" | "evacuees" => consider(0, "displaced"),
            "victims" | "victim" => consider(VICTIMS_ONLY, "injured"),
            "casualties" => consider(0, CASUALTIES),
            _ => {}
        }
    }
    // (A loop with a bound that a hedge may push further.)
    let (mut step, mut second) = (0, 0);
    while step < reach {
        let d = step;
        step += 1;
        let k = last + d;
        if k >= n {
            break;
        }
        let word = w.lower(k);
        let listed = k > 0 && matches!(w.lower(k - 1).as_str(), "and" | "," | "(" | "including");
        // (`one` is a count when a partitive follows: `three men and a woman, [one] of whom died`.)
        let one_of = word == "one" && w.lower(k + 1) == "of";
        // (A hedge joins two counts of the same harm: `[thousands] if not tens of thousands
        // killed`, `[40] or even 50 dead`.)
        let hedged = k >= 2 && matches!((w.lower(k - 2).as_str(), w.lower(k - 1).as_str()), ("if", "not") | ("or", "even") | ("or", "perhaps") | ("or", "possibly"));
        // (The words read reach past the second count, to its noun and harm.)
        if hedged && let Some(x) = number::parse_at(w.text, w.tokens, k) {
            reach = reach.max(d + (x.last - k) + 6);
            second = x.last;
        }
        if d > 0 && (!listed || one_of) && !hedged && k >= second && number::parse_at(w.text, w.tokens, k).is_some_and(|x| x.value.is_some()) && (one_of || !matches!(word.as_str(), "one" | "a" | "an")) {
            break; // the next count has its own cue (but `two men and three women were shot`)
        }
        // `[one adult] was taken to hospital in stable condition`: hurt.
        if word == "condition" && d <= 6 && matches!(w.lower(k - 1).as_str(), "stable" | "critical" | "serious" | "fair" | "grave" | "satisfactory") {
            consider(d + 1, "injured");
            break;
        }
        // `[36 people] under the rubble`: trapped, so missing.
        if matches!(word.as_str(), "rubble" | "debris") && (1..=2).any(|j| k >= j && matches!(w.lower(k - j).as_str(), "under" | "beneath")) {
            consider(d + 1, "missing");
            break;
        }
        // A harm word that governs a count right after it is that count's (`opened fire on
        // [about six protesters], hitting five of them`; `killed [5], injuring 10`).
        if d > 0 && governs(&word) && number::parse_at(w.text, w.tokens, k + 1).is_some_and(|x| x.value.is_some()) {
            break;
        }
        if let Some(mut c) = harm_of(&word) {
            // `shot dead`, `shot and killed`: the count is of the dead.
            // `fighting for their lives` are the injured; `lost their lives` the dead.
            if word == "lives" && w.lower(k.saturating_sub(2)) == "for" {
                c = "injured";
            }
            if matches!(word.as_str(), "shot" | "stabbed") && (w.lower(k + 1) == "dead" || (w.lower(k + 1) == "and" && w.lower(k + 2) == "killed") || (w.lower(k + 1) == "to" && w.lower(k + 2) == "death")) {
                c = "killed";
            }
            consider(d + 1, c);
            hit = c == "injured" && matches!(word.as_str(), "shot" | "stabbed" | "struck" | "hit");
            after_dist = Some(d + 1);
            break;
        }
    }
    // A toll told as a level reaches further back: `the death toll, officials said, has
    // risen to [40]`, `death tolls given by officials exceeded [100]`.
    let level = first > 0 && matches!(w.lower(first - 1).as_str(), "to" | "at" | "reached" | "hit") || matches!(w.lower(first).as_str(), "exceeded" | "exceeding" | "surpassed" | "topped" | "past" | "passed");
    // (Or to the harm it counts: `the number of dead passed [300]`, `of injured reached [40]`.)
    let toll_back = || {
        (1..=15).take_while(|&d| d <= first && !matches!(w.lower(first - d).as_str(), "." | ";")).find_map(|d| match w.lower(first - d).as_str() {
            "toll" | "tolls" => Some((d, "killed")),
            word if first > d && w.lower(first - d - 1) == "of" => harm_of(word).map(|c| (d, c)),
            _ => None,
        })
    };
    if level {
        if let Some((d, c)) = toll_back() {
            consider(d + 5, c);
        }
    }
    let before_reach = if victims.is_some() { 10 } else { 5 };
    for d in 1..=before_reach {
        if d > first {
            break;
        }
        let k = first - d;
        let word = w.lower(k);
        if matches!(word.as_str(), "." | ";") {
            break;
        }
        // `the victims were [two men] and five women`: who the victims were, their harm the
        // article's.
        if matches!(word.as_str(), "victims" | "dead") && d <= 2 && matches!(w.lower(k + 1).as_str(), "were" | "are" | "included" | "include") {
            consider(if word == "dead" { d } else { VICTIMS_ONLY }, if word == "dead" { "killed" } else { "injured" });
            break;
        }
        // `the loss of [one of our own]`: a death.
        if word == "loss" && w.lower(k + 1) == "of" {
            consider(d, "killed");
            break;
        }
        if let Some(c) = harm_of(&word) {
            // A cue before the count must govern it: `killing 20`, `death toll rose to 65`,
            // `killed 15 people, including four children`; not `dead` of another clause.
            // A passive cue (`one civilian was killed and five …`) closes its own clause.
            // (A subset, `… were killed, including 15 children`, shares the clause's harm word.)
            let subset = (k + 1..first).any(|j| matches!(w.lower(j).as_str(), "including" | "among"));
            // (`90 were wounded, as were [seventeen] soldiers` shares the clause's harm.)
            let as_were = first >= 2 && w.lower(first - 2) == "as" && matches!(w.lower(first - 1).as_str(), "were" | "was" | "did");
            let passive = !subset && !as_were && k > 0 && matches!(w.lower(k - 1).as_str(), "was" | "were" | "been" | "is" | "are" | "be");
            let joined = !subset && (k + 1..first).any(|j| w.lower(j) == "and");
            // (Across a comma a harm word after the count, in its own clause, is nearer:
            // `in addition to the deaths, 33 were hospitalised`.)
            let apart = !subset && (k + 1..first).any(|j| w.lower(j) == ",");
            // (`claimed the lives of [100 people]`.)
            let lives_of = word == "lives" && w.lower(k + 1) == "of";
            // (`shot` governs only the count right after it: `shot two men`, not `shot at three
            // centres` or `shot down 12 planes`.)
            let shot = word == "shot" && d == 1;
            // (`stabbed [four people] to death`, `shot [two men] dead`.)
            let fatal = matches!(word.as_str(), "shot" | "stabbed") && (w.lower(last) == "dead" || w.lower(last) == "to" && w.lower(last + 1) == "death");
            if !passive && (governs(&word) || lives_of || shot) {
                consider(if joined || apart { d + 10 } else { d }, if fatal { "killed" } else { c });
            }
            break;
        }
    }
    // (`the five teens`, `all three women`: a definite count of people, with no harm said.)
    let definite = matches!(w.lower(first).as_str(), "all" | "both") || first > 0 && matches!(w.lower(first - 1).as_str(), "the" | "all" | "both");
    let best_is_after = best.map(|(d, _)| d) == after_dist;
    let (category, basis) = match best {
        Some((d, c)) if d == VICTIMS_ONLY => (c, Basis::Victims),
        Some((_, CASUALTIES)) => ("killed", Basis::Casualties),
        // (`the two others that were shot` are not the dead named before.)
        Some((_, c)) if hit && definite && best_is_after && !(first..last).any(|k| matches!(w.lower(k).as_str(), "other" | "others")) => (c, Basis::Named),
        Some((_, c)) => (c, Basis::Harm),
        None if definite && victims.is_some() && value.is_some() && span_last.is_none() => ("injured", Basis::Anaphor),
        None if value.is_some() && listed(w, first, last, victims.is_some()) => ("injured", Basis::List),
        None => return None,
    };
    let count = value;
    match qualifier {
        "atLeast" | "moreThan" => min = count,
        "atMost" => max = count,
        _ => {}
    }
    let rule = match (qualifier, num.vague) {
        (_, true) => "casualty/vague-count",
        ("range", _) => "casualty/range",
        ("exact", _) => "casualty/count",
        _ => "casualty/qualified-count",
    };
    Some((first, span_last.unwrap_or(last), (CasualtyAttrs { category: category.into(), count, qualifier: qualifier.into(), min, max, victims, scope: None, incident: None }, rule), basis))
}

/// Does the count from `first` to `last` name some of the people counted before it in its
/// sentence, by its place in a list? After a list's comma or `and` (`two men, [three women]`),
/// with no noun when a place or source follows as in the figure before (`two in one bedroom,
/// [two] in another`), or after words that open a list of those counted (`five people were
/// shot -- [three men] and a woman`, `they were [two Danes]`, `among them [two children]`).
/// Which figure it follows is the sentence's to say ([`List`](Basis::List)).
pub(super) fn listed(w: &Words, first: usize, last: usize, noun: bool) -> bool {
    let before = |d: usize| if d > first { String::new() } else { w.lower(first - d) };
    // (`[two] each from the Coast Guard and the police`.)
    let at = last + usize::from(w.lower(last) == "each");
    let elliptic = !noun && matches!(w.lower(at).as_str(), "in" | "from" | "at" | "on" | "inside" | "near");
    let opens = match before(1).as_str() {
        "," | "and" => return noun || elliptic,
        "-" | "—" | "–" | ":" | "including" => true,
        "were" | "are" => matches!(before(2).as_str(), "they" | "these" | "those"),
        "them" | "whom" => before(2) == "among",
        _ => false,
    };
    opens && (noun || elliptic)
}

/// Does a figure [`listed`] by a comma or `and` need the figure before it right beside it
/// (`two men, [three women]`), or may it follow anywhere later in the sentence (after `--`,
/// `they were`, or with a place for a noun)?
pub(super) fn listed_beside(w: &Words, first: usize, noun: bool) -> bool {
    noun && first > 0 && matches!(w.lower(first - 1).as_str(), "," | "and")
}

/// The upper end of a range starting at `num`, if one follows.
pub(super) fn range_end(w: &Words, num: Number) -> Option<Number> {
    let between = w.lower(num.first.wrapping_sub(1)) == "between";
    let joiner = w.lower(num.last);
    let ok = (between && joiner == "and") || (!between && matches!(joiner.as_str(), "to" | "-" | "–") && w.lower(num.first.wrapping_sub(1)) != "from");
    if !ok || num.value.is_none() {
        return None;
    }
    let second = number::parse_at(w.text, w.tokens, num.last + 1)?;
    (second.value? > num.value?).then_some(second)
}

/// The end of a partitive after `num` (`four [of the deceased]`, `two [of Khan's victims]`,
/// `five [of them]`): `of`, a determiner or a possessive name, then a victim noun or `them`.
fn partitive(w: &Words, num: Number) -> Option<usize> {
    if num.vague || num.value.is_none() || w.lower(num.last) != "of" {
        return None;
    }
    let mut j = num.last + 1;
    if matches!(w.lower(j).as_str(), "them" | "those") {
        return Some(j + 1);
    }
    for _ in 0..3 {
        let word = w.lower(j);
        if matches!(word.as_str(), "the" | "our" | "his" | "her" | "their" | "its" | "these" | "whom") || word == "'" || word == "’" || word == "s" {
            j += 1;
            continue;
        }
        // A name's possessive: `Khan's`.
        let raw = w.tokens.get(j).map_or("", |t| &w.text[t.start..t.end]);
        if raw.starts_with(char::is_uppercase) && matches!(w.lower(j + 1).as_str(), "'" | "’") {
            j += 1;
            continue;
        }
        break;
    }
    let noun = |word: &str| word != "of" && (VICTIMS.contains(word) || matches!(word, "deceased" | "dead" | "injured" | "wounded" | "own"));
    // (Up to two words may describe the noun: `one of our brave service members`.)
    // (Not a clause: `one of whom was pronounced dead` has no noun.)
    let describes = |k: usize| {
        let word = w.lower(k);
        w.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word) && !matches!(word.as_str(), "was" | "were" | "is" | "are" | "had" | "has" | "have" | "been" | "be" | "who" | "which" | "that" | "whom" | "and" | "or")
    };
    let k = (0..3).map(|s| j + s).take_while(|&k| describes(k)).find(|&k| noun(&w.lower(k)))?;
    // (A compound ends at its last noun: `service [members]`.)
    Some(if VICTIMS.contains(&w.lower(k + 1)) { k + 2 } else { k + 1 })
}

/// `[all but one of the sixteen]` on board: the whole less the part, from the word `all`.
fn all_but(w: &Words, num: Number) -> Option<Number> {
    let part = num.value?;
    if num.first < 2 || w.lower(num.first - 1) != "but" || w.lower(num.first - 2) != "all" || w.lower(num.last) != "of" {
        return None;
    }
    let at = num.last + 1 + usize::from(w.lower(num.last + 1) == "the");
    let whole = number::parse_at(w.text, w.tokens, at)?;
    let value = whole.value?.checked_sub(part)?;
    Some(Number { first: num.first - 2, last: whole.last, value: Some(value), vague: false })
}
