//! Casualty counts: a number (digits, words or a vague count), its qualifier (`at least`,
//! `more than`, `between … and …`), the victim noun that follows, and the category read from
//! the words around it in either order (`killing 20 people`, `20 people were killed`,
//! `the death toll rose to 65`). Counts of missiles, years or kilometres have no victim noun
//! and no harm word beside them, so they are left alone.

use crate::annotation::{Candidate, CasualtyAttrs, Label};
use crate::number::{self, Number};
use crate::segment::{Segmentation, Sentence, Token};

const VICTIMS: &[&str] = &[
    "people", "persons", "person", "civilians", "civilian", "children", "child", "kids", "women",
    "woman", "men", "man", "soldiers", "soldier", "troops", "servicemen", "police", "policemen",
    "officers", "officer", "fighters", "militants", "rebels", "insurgents", "protesters",
    "demonstrators", "students", "student", "workers", "residents", "villagers", "migrants",
    "refugees", "journalists", "bodies", "others", "members", "passengers", "pilgrims",
    "worshippers", "guards", "personnel", "peacekeepers", "teenagers", "teens", "victims",
    "patients", "staff", "individuals", "family", "relatives", "boys", "girls", "infants",
    "babies", "adults", "adult", "hostages", "captives", "detainees", "prisoners", "inmates",
    "juveniles", "juvenile", "males", "male", "females", "female", "victim", "teen", "boy", "girl",
    "americans", "servicemen", "service", "employees", "tourists", "doctors", "nurses", "medics",
    "firefighters", "agents", "guerrillas", "terrorists", "jesuits", "priests", "peasants",
    "farmers", "youths", "teachers", "troopers", "marines", "sailors", "airmen", "deputies",
    "bystanders", "shoppers", "fans", "spectators", "maids", "leaders", "officials", "militants",
    "guerrillas", "peasants", "of",
];

/// Words that modify the victim noun without ending the span (`15 more people`).
const VICTIM_ADJ: &[&str] = &[
    "more", "other", "innocent", "young", "unarmed", "local", "foreign", "armed", "security",
    "police", "government", "pro-government", "rebel", "army", "military", "civilian", "injured",
    "wounded", "dead", "missing", "elderly", "school", "aid", "health", "medical", "unidentified",
    "surviving", "black", "white", "hispanic", "teenage", "adult", "male", "female", "additional",
];

/// Harm words and the category they give; several words can form one cue.
const CUES: &[(&str, &str)] = &[
    ("killed", "killed"), ("dead", "killed"), ("died", "killed"), ("die", "killed"),
    ("dies", "killed"), ("killing", "killed"), ("kills", "killed"), ("kill", "killed"),
    ("deaths", "killed"), ("death", "killed"), ("fatalities", "killed"), ("fatally", "killed"),
    ("slain", "killed"), ("murdered", "killed"), ("massacred", "killed"), ("executed", "killed"),
    ("bodies", "killed"), ("toll", "killed"), ("lives", "killed"), ("perished", "killed"),
    ("survived", "injured"), ("hitting", "injured"), ("maimed", "injured"), ("maiming", "injured"),
    ("assassination", "killed"), ("assassinations", "killed"), ("assassinated", "killed"),
    ("assassinating", "killed"),
    ("injured", "injured"), ("wounded", "injured"), ("hurt", "injured"), ("injuring", "injured"),
    ("wounding", "injured"), ("injuries", "injured"), ("hospitalized", "injured"),
    ("hospitalised", "injured"), ("shot", "injured"), ("injures", "injured"), ("wounds", "injured"),
    ("missing", "missing"), ("trapped", "missing"), ("unaccounted", "missing"),
    ("kidnapped", "kidnapped"), ("abducted", "kidnapped"), ("hostage", "kidnapped"),
    ("hostages", "kidnapped"), ("kidnapping", "kidnapped"), ("abducting", "kidnapped"),
    ("arrested", "detained"), ("detained", "detained"), ("detaining", "detained"),
    ("arresting", "detained"), ("jailed", "detained"), ("imprisoned", "detained"),
    ("arrests", "detained"), ("arrest", "detained"), ("custody", "detained"),
    ("transported", "injured"), ("hospital", "injured"), ("hospitals", "injured"),
    ("struck", "injured"), ("hit", "injured"), ("striking", "injured"), ("victims", "injured"),
    ("murder", "killed"), ("murders", "killed"), ("massacre", "killed"), ("killings", "killed"), ("displaced", "displaced"), ("fled", "displaced"),
    ("homeless", "displaced"), ("evacuated", "displaced"), ("displacing", "displaced"),
];

/// Units that make a number a measure, not a count of people.
const NOT_PEOPLE: &[&str] = &[
    "km", "kilometers", "kilometres", "miles", "mile", "meters", "metres", "feet", "years",
    "year", "months", "month", "weeks", "week", "days", "day", "hours", "hour", "minutes",
    "missiles", "rockets", "shells", "attacks", "strikes", "airstrikes", "bombs", "percent",
    "%", "dollars", "times", "tanks", "aircraft", "planes", "jets", "drones", "vehicles",
    "cars", "houses", "homes", "buildings", "jobs", "rounds", "shots", "bullets", "tons",
    "points", "votes", "seats", "am", "pm", "a.m.", "p.m.", "o'clock",
];

fn cue_of(word: &str) -> Option<&'static str> {
    CUES.iter().find(|(w, _)| *w == word).map(|(_, c)| *c)
}

/// Qualifier phrases that stand right before the number, longest first.
const QUALIFIERS: &[(&[&str], &str)] = &[
    (&["no", "fewer", "than"], "atLeast"),
    (&["no", "less", "than"], "atLeast"),
    (&["no", "more", "than"], "atMost"),
    (&["at", "least"], "atLeast"),
    (&["more", "than"], "moreThan"),
    (&["upwards", "of"], "moreThan"),
    (&["at", "most"], "atMost"),
    (&["up", "to"], "atMost"),
    (&["as", "many", "as"], "atMost"),
    (&["less", "than"], "atMost"),
    (&["fewer", "than"], "atMost"),
    (&["an", "estimated"], "about"),
    (&["close", "to"], "about"),
    (&["over"], "moreThan"),
    (&["past"], "moreThan"),
    (&["tops"], "moreThan"),
    (&["about"], "about"),
    (&["around"], "about"),
    (&["some"], "about"),
    (&["nearly"], "about"),
    (&["almost"], "about"),
    (&["roughly"], "about"),
    (&["approximately"], "about"),
    (&["estimated"], "about"),
];

struct Words<'a> {
    text: &'a str,
    tokens: &'a [Token],
}

impl Words<'_> {
    fn lower(&self, i: usize) -> String {
        self.tokens.get(i).map_or(String::new(), |t| self.text[t.start..t.end].to_lowercase())
    }
}

/// Every casualty rule: its id (as in the export's `rule`) and what it does. Each has examples
/// among the tests below.
pub const RULES: &[(&str, &str)] = &[
    ("casualty/count", "a number of people with a harm word before or after it: `killed 15 people`, `Three killed`"),
    ("casualty/qualified-count", "the same with a qualifier: `at least 20`, `more than 900 people`, `up to 50`, `nearly 1.2 million`"),
    ("casualty/vague-count", "a vague count at its conventional value, at least: `dozens` 12, `scores` 20, `hundreds` 100"),
    ("casualty/range", "a range: `between 10 and 15 civilians`, `10 to 15`"),
];

/// Casualty candidates in `text`.
pub fn recognize(text: &str, seg: &Segmentation) -> Vec<Candidate> {
    let mut out = Vec::new();
    for s in &seg.sentences {
        sentence_casualties(text, s, &mut out);
    }
    out
}

fn sentence_casualties(text: &str, s: &Sentence, out: &mut Vec<Candidate>) {
    let w = Words { text, tokens: &s.tokens };
    let n = s.tokens.len();
    let mut i = 0;
    while i < n {
        let Some(num) = number::parse_at(text, &s.tokens, i) else {
            i += 1;
            continue;
        };
        match read_mention(&w, num) {
            Some((first, last, attrs)) => {
                let mut c = Candidate::new(s.tokens[first].start, s.tokens[last - 1].end, Label::Casualty, attrs.1);
                c.casualty = Some(attrs.0);
                out.push(c);
                i = last;
            }
            None => i = num.last,
        }
    }
}

type Read = (usize, usize, (CasualtyAttrs, &'static str));

/// Reads one casualty mention around `num`: qualifier, range, victim noun and category.
fn read_mention(w: &Words, num: Number) -> Option<Read> {
    let n = w.tokens.len();
    let prev = |k: usize| if k == 0 { String::new() } else { w.lower(k - 1) };
    // Negations and pronoun uses give no count: `no one`, `one of the victims`; but `one of
    // whom was pronounced dead` counts one.
    let one_of = w.lower(num.first) == "one" && w.lower(num.last) == "of";
    if prev(num.first) == "no" || (one_of && w.lower(num.last + 1) != "whom") {
        return None;
    }
    // Ages: `Monica Bates, 16, was killed`; and numbers inside names: `WSIL-TV 3 Southern`.
    let raw = |k: usize| w.tokens.get(k).map_or("", |t| &w.text[t.start..t.end]);
    // Capitalised, not shouted (wire copy in capitals says nothing by its case).
    let capital = |k: usize| raw(k).chars().next().is_some_and(char::is_uppercase) && raw(k).chars().any(char::is_lowercase);
    if num.first >= 2 && prev(num.first) == "," && w.lower(num.last) == "," && capital(num.first - 2) {
        return None;
    }
    let digits = w.tokens[num.first].kind == crate::segment::TokenKind::Number;
    // `Cafe 54,`, `Channel 2 Action News`: a number right after a name is part of it.
    if num.first >= 2 && digits && capital(num.first - 1) && !matches!(prev(num.first - 1).as_str(), "." | "" | "\"" | "“") && cue_of(&prev(num.first)).is_none() {
        return None;
    }
    if num.first >= 1 && raw(num.first - 1).chars().next().is_some_and(char::is_uppercase) && capital(num.last) && w.tokens[num.first].kind == crate::segment::TokenKind::Number && cue_of(&prev(num.first)).is_none() {
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
        for (phrase, q) in QUALIFIERS {
            let k = phrase.len();
            if first >= k && (0..k).all(|j| w.lower(first - k + j) == phrase[j]) {
                first -= k;
                qualifier = q;
                break;
            }
        }
    }
    // `all six victims`: the `all` is part of the mention.
    if first > 0 && w.lower(first - 1) == "all" && qualifier == "exact" {
        first -= 1;
    }
    // Victim noun: `people`, `more people`, `Tanzanian peacekeepers`, `dozens of civilians`.
    let mut victims = None;
    let mut k = last;
    if w.lower(k) == "of" && (num.vague || value.is_none()) {
        k += 1;
    }
    for _ in 0..3 {
        let word = w.lower(k);
        if word.is_empty() {
            break;
        }
        if word != "of" && VICTIMS.contains(&word.as_str()) {
            victims = Some(word);
            last = k + 1;
            break;
        }
        let raw = w.tokens.get(k).map(|t| &w.text[t.start..t.end]).unwrap_or("");
        let demonym = raw.chars().next().is_some_and(char::is_uppercase)
            && (["ans", "is", "ese", "ons", "ers"].iter().any(|e| word.ends_with(e))
                || crate::gazetteer::get().lookup(raw).is_some_and(|e| e.label == crate::Label::Group));
        if demonym {
            victims = Some(word);
            last = k + 1;
            break;
        }
        let adjective = VICTIM_ADJ.contains(&word.as_str()) || raw.chars().next().is_some_and(char::is_uppercase) && k > last.saturating_sub(1);
        if !adjective {
            break;
        }
        k += 1;
    }
    let after = w.lower(last);
    if victims.is_none() && (NOT_PEOPLE.contains(&after.as_str()) || after == "-" || (after == "of" && !one_of) || after == ":") {
        return None;
    }
    if value.is_none() && victims.is_none() {
        return None;
    }
    // `3135 West Broward Blvd.`: a number before a name is an address or a name's part.
    if victims.is_none() && digits && capital(last) && cue_of(&w.lower(last)).is_none() {
        return None;
    }
    // Category: the nearest harm word, closer windows when there is no victim noun.
    let reach = if victims.is_some() { 14 } else if one_of { 6 } else { 3 };
    let mut best: Option<(usize, &'static str)> = None;
    let mut consider = |dist: usize, cat: &'static str| {
        if best.is_none_or(|(d, _)| dist < d) {
            best = Some((dist, cat));
        }
    };
    // A harm word among the victim's adjectives decides: `30 dead civilians`.
    for k in num.last..last {
        let word = w.lower(k);
        if VICTIM_ADJ.contains(&word.as_str()) {
            if let Some(c) = cue_of(&word) {
                consider(0, c);
            }
        }
    }
    // Some victim nouns carry the category; `victims` alone says little (any word beats it).
    if let Some(v) = &victims {
        match v.as_str() {
            "bodies" => consider(0, "killed"),
            "hostages" | "captives" => consider(0, "kidnapped"),
            "prisoners" | "detainees" | "inmates" => consider(0, "detained"),
            "victims" | "victim" => consider(usize::MAX - 1, "injured"),
            _ => {}
        }
    }
    for d in 0..reach {
        let k = last + d;
        if k >= n {
            break;
        }
        let word = w.lower(k);
        let listed = k > 0 && matches!(w.lower(k - 1).as_str(), "and" | "," | "(" | "including");
        if d > 0 && !listed && number::parse_at(w.text, w.tokens, k).is_some_and(|x| x.value.is_some()) && !matches!(word.as_str(), "one" | "a" | "an") {
            break; // the next count has its own cue (but `two men and three women were shot`)
        }
        if let Some(mut c) = cue_of(&word) {
            // `shot dead`, `shot and killed`: the count is of the dead.
            // `fighting for their lives` are the injured; `lost their lives` the dead.
            if word == "lives" && w.lower(k.saturating_sub(2)) == "for" {
                c = "injured";
            }
            if word == "shot" && (w.lower(k + 1) == "dead" || (w.lower(k + 1) == "and" && w.lower(k + 2) == "killed") || (w.lower(k + 1) == "to" && w.lower(k + 2) == "death")) {
                c = "killed";
            }
            consider(d + 1, c);
            break;
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
        if let Some(c) = cue_of(&word) {
            // A cue before the count must govern it: `killing 20`, `death toll rose to 65`,
            // `killed 15 people, including four children`; not `dead` of another clause.
            // A passive cue (`one civilian was killed and five …`) closes its own clause.
            // (A subset, `… were killed, including 15 children`, shares the clause's harm word.)
            let subset = (k + 1..first).any(|j| matches!(w.lower(j).as_str(), "including" | "among"));
            let passive = !subset && k > 0 && matches!(w.lower(k - 1).as_str(), "was" | "were" | "been" | "is" | "are" | "be");
            let joined = !subset && (k + 1..first).any(|j| w.lower(j) == "and");
            if !passive && matches!(word.as_str(), "killing" | "killed" | "kill" | "kills" | "toll" | "wounding" | "injuring" | "injured" | "wounded" | "kidnapped" | "abducted" | "arrested" | "detained" | "displaced" | "left" | "deaths" | "fatalities" | "hurt" | "hostage" | "detaining" | "arresting" | "abducting" | "displacing" | "kidnapping" | "massacred" | "executed" | "murdered" | "injures" | "massacre" | "murder" | "murders" | "killings" | "striking" | "hitting" | "arrest" | "death" | "bodies" | "assassination" | "assassinations" | "assassinated" | "assassinating" | "maimed" | "maiming") {
                consider(if joined { d + 10 } else { d }, c);
            }
            break;
        }
    }
    let (_, category) = best?;
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
    Some((first, last, (CasualtyAttrs { category: category.into(), count, qualifier: qualifier.into(), min, max, victims }, rule)))
}

/// The upper end of a range starting at `num`, if one follows.
fn range_end(w: &Words, num: Number) -> Option<Number> {
    let between = w.lower(num.first.wrapping_sub(1)) == "between";
    let joiner = w.lower(num.last);
    let ok = (between && joiner == "and") || (!between && matches!(joiner.as_str(), "to" | "-" | "–") && w.lower(num.first.wrapping_sub(1)) != "from");
    if !ok || num.value.is_none() {
        return None;
    }
    let second = number::parse_at(w.text, w.tokens, num.last + 1)?;
    (second.value? > num.value?).then_some(second)
}

/// Attributes for a span the user marked as CASUALTY, read with its sentence as context.
pub fn infer(text: &str, seg: &Segmentation, start: usize, end: usize) -> CasualtyAttrs {
    let found = seg
        .sentences
        .iter()
        .filter(|s| s.start <= start && end <= s.end)
        .flat_map(|s| {
            let mut v = Vec::new();
            sentence_casualties(text, s, &mut v);
            v
        })
        .find(|c| c.start < end && start < c.end);
    found.and_then(|c| c.casualty).unwrap_or_else(|| {
        let count = number::parse_number(text[start..end].split_whitespace().next().unwrap_or(""));
        CasualtyAttrs { category: "killed".into(), count, qualifier: "exact".into(), min: None, max: None, victims: None }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, String, Option<u64>, String, Option<u64>, Option<u64>, Option<String>)> {
        // Shifted right by one character so no rule can assume it starts at offset 0.
        let text = format!("¶ {text}");
        let seg = crate::segment::segment(&text);
        recognize(&text, &seg)
            .into_iter()
            .map(|c| {
                let a = c.casualty.unwrap();
                (text[c.start..c.end].to_string(), a.category, a.count, a.qualifier, a.min, a.max, a.victims)
            })
            .collect()
    }

    macro_rules! t {
        ($name:ident, $text:expr, [$(($span:expr, $cat:expr, $count:expr, $q:expr)),*]) => {
            #[test]
            fn $name() {
                let got: Vec<(String, String, Option<u64>, String)> =
                    found($text).into_iter().map(|x| (x.0, x.1, x.2, x.3)).collect();
                let want: Vec<(String, String, Option<u64>, String)> =
                    vec![$(($span.to_string(), $cat.to_string(), $count, $q.to_string())),*];
                assert_eq!(got, want, "{:?}", $text);
            }
        };
    }

    t!(cas001_more_than_killed, "where more than 900 people have been killed in violence", [("more than 900 people", "killed", Some(900), "moreThan")]);
    t!(cas002_killing_at_least, "an attack killing at least 20 people on Monday", [("at least 20 people", "killed", Some(20), "atLeast")]);
    t!(cas003_headline_bare, "Three killed in Israeli airstrike", [("Three", "killed", Some(3), "exact")]);
    t!(cas004_subset, "The strike killed 15 people, including four children.", [("15 people", "killed", Some(15), "exact"), ("four children", "killed", Some(4), "exact")]);
    t!(cas005_bodies, "the hospital received 24 bodies", [("24 bodies", "killed", Some(24), "exact")]);
    t!(cas006_toll_update, "raised the death toll from 50 to 65", [("50", "killed", Some(50), "exact"), ("65", "killed", Some(65), "exact")]);
    t!(cas007_range, "between 10 and 15 civilians were wounded", [("between 10 and 15 civilians", "injured", Some(10), "range")]);
    t!(cas008_vague, "dozens of people were injured", [("dozens of people", "injured", Some(12), "atLeast")]);
    t!(cas009_left_wounded, "The blast left 12 wounded.", [("12", "injured", Some(12), "exact")]);
    t!(cas010_shot_two_dead, "Four shot, two dead in Pigtown shooting", [("Four", "injured", Some(4), "exact"), ("two", "killed", Some(2), "exact")]);
    t!(cas011_hostage, "gunmen took 240 people hostage", [("240 people", "kidnapped", Some(240), "exact")]);
    t!(cas012_displaced, "2,000 displaced by the fighting", [("2,000", "displaced", Some(2000), "exact")]);
    t!(cas013_not_distance, "to create a 30-km safe zone along the border", []);
    t!(cas014_not_missiles, "fired 59 Tomahawk missiles at the base", []);
    t!(cas015_not_years, "rebelling for over 30 years", []);
    t!(cas016_negation, "no one was hurt in the blast", []);
    t!(cas017_number_words, "twenty-three soldiers were killed", [("twenty-three soldiers", "killed", Some(23), "exact")]);
    t!(cas018_demonym_victims, "Two Palestinians were killed", [("Two Palestinians", "killed", Some(2), "exact")]);
    t!(cas019_up_to, "up to 50 people may have died", [("up to 50 people", "killed", Some(50), "atMost")]);
    t!(cas020_nearly, "nearly 1.2 million people displaced", [("nearly 1.2 million people", "displaced", Some(1_200_000), "about")]);
    t!(cas021_shot_one_fatally, "seven people were shot, one fatally", [("seven people", "injured", Some(7), "exact"), ("one", "killed", Some(1), "exact")]);
    t!(cas022_no_cue, "20 people attended the rally", []);
    t!(cas023_arrested, "Police arrested 14 protesters", [("14 protesters", "detained", Some(14), "exact")]);

    t!(cas025_age_is_not_a_count, "Monica Bates, 16, was killed on Sunday", []);
    t!(cas026_number_in_a_name, "reported WSIL-TV 3 Southern Illinois after the arrests", []);
    t!(cas027_list_shares_cue, "two men and three women were shot", [("two men", "injured", Some(2), "exact"), ("three women", "injured", Some(3), "exact")]);
    t!(cas028_one_of_whom, "four people were struck by gunfire, one of whom was pronounced dead", [("four people", "injured", Some(4), "exact"), ("one", "killed", Some(1), "exact")]);
    t!(cas029_shot_to_death, "Six people were found shot to death", [("Six people", "killed", Some(6), "exact")]);
    t!(cas030_all_prefix, "striking all six victims with gunfire", [("all six victims", "injured", Some(6), "exact")]);
    t!(cas031_prisoners_detained, "they freed 256 more prisoners", [("256 more prisoners", "detained", Some(256), "exact")]);
    t!(cas032_vague_of_vague, "hundreds of thousands of people have been killed", [("hundreds of thousands of people", "killed", Some(100_000), "atLeast")]);
    t!(cas033_perpetrators_are_not_victims, "when two gunmen opened fire on them", []);
    t!(cas034_shouted_wire_copy, "6 JESUITS WERE KILLED IN SAN SALVADOR", [("6 JESUITS", "killed", Some(6), "exact")]);

    t!(cas035_passive_cue_closes_its_clause, "ONE CIVILIAN WAS KILLED AND FIVE OTHER PEOPLE, INCLUDING A POLICEMAN, WERE INJURED", [("ONE CIVILIAN", "killed", Some(1), "exact"), ("FIVE OTHER PEOPLE", "injured", Some(5), "exact")]);
    t!(cas036_massacre_of, "the massacre of nearly 80 peasants", [("nearly 80 peasants", "killed", Some(80), "about")]);
    t!(cas037_bracketed_list, "Two children and eight other people (three soldiers and five civilians) were wounded.", [("Two children", "injured", Some(2), "exact"), ("eight other people", "injured", Some(8), "exact"), ("three soldiers", "injured", Some(3), "exact"), ("five civilians", "injured", Some(5), "exact")]);

    t!(cas038_number_after_a_name, "three others injured in the shooting at Cafe 54, 3135 West Broward Blvd.", [("three others", "injured", Some(3), "exact")]);
    t!(cas039_title_case_headline, "1 Dead, 3 Hospitalized in Lauderhill Club Shooting", [("1", "killed", Some(1), "exact"), ("3", "injured", Some(3), "exact")]);
    t!(cas040_demonym_victims, "the attack in which 30 Britons were murdered", [("30 Britons", "killed", Some(30), "exact")]);
    t!(cas041_fighting_for_their_lives, "Two others are now fighting for their lives.", [("Two others", "injured", Some(2), "exact")]);
    t!(cas042_one_of_the_victims, "a witness said one of the victims had been shot", []);

    t!(cas043_assassination_of, "CONDEMNED THE ASSASSINATION OF SIX JESUITS AND TWO WOMEN IN HIS COUNTRY", [("SIX JESUITS", "killed", Some(6), "exact"), ("TWO WOMEN", "killed", Some(2), "exact")]);
    t!(cas044_dead_as_adjective, "in addition to 30 dead civilians, officials said", [("30 dead civilians", "killed", Some(30), "exact")]);
    t!(cas045_maimed, "and maimed two people because they refused", [("two people", "injured", Some(2), "exact")]);

    #[test]
    fn every_rule_is_described_and_used() {
        let samples = ["killed 15 people", "at least 20 people were killed", "dozens of people were hurt", "between 10 and 15 civilians were wounded"];
        let mut seen = std::collections::HashSet::new();
        for text in samples {
            let seg = crate::segment::segment(text);
            for c in recognize(text, &seg) {
                assert!(RULES.iter().any(|(id, _)| *id == c.rule), "{} has no description", c.rule);
                seen.insert(c.rule);
            }
        }
        assert_eq!(seen.len(), RULES.len(), "a described rule is never used: {seen:?}");
    }

    #[test]
    fn cas024_bounds() {
        let got = found("at least 20 people were killed and up to 50 were hurt");
        assert_eq!(got[0].4, Some(20));
        assert_eq!(got[0].6.as_deref(), Some("people"));
        assert_eq!((got[1].4, got[1].5), (None, Some(50)));
        let r = found("between 10 and 15 civilians were wounded");
        assert_eq!((r[0].4, r[0].5), (Some(10), Some(15)));
    }
}
