//! Lists of places: names joined by commas, `and` or `or` to a place the lists or the context
//! vouch for are places too (`the districts of Dhubri, Mangaldoi and Nagaon`), where the model
//! took them for people or organisations.

use super::mention::Mention;
use super::words::{COMPASS, FACILITY_WORDS, PLACE_WORDS};
use crate::annotation::Label;
use crate::recognize::gazetteer::Gazetteer;

/// Rules whose places vouch for a list.
const SURE: [&str; 4] = ["entity/place-context", "entity/curated-place", "entity/geonames-place", "entity/gazetteer-place"];

/// Relabels the model's people and organisations in lists with a sure place as places.
pub(super) fn places(text: &str, g: &Gazetteer, found: &mut [Mention]) {
    let joined = |a: &Mention, b: &Mention| a.end <= b.start && matches!(text.get(a.end..b.start), Some(", " | " and " | ", and " | " or " | ", or "));
    let mut i = 0;
    while i < found.len() {
        let mut j = i + 1;
        while j < found.len() && joined(&found[j - 1], &found[j]) {
            j += 1;
        }
        let list = &found[i..j];
        // (Two names and a comma are no list: `In Syria, Coalition forces`, `Texas, Philmont said`.)
        let listy = list.len() >= 3 || list.windows(2).any(|w| !text[w[0].end..w[1].start].starts_with(','));
        let sure = |m: &Mention| m.label == Some(Label::Place) && (SURE.contains(&m.rule) || g.lookup(&text[m.start..m.end]).is_some_and(|e| e.label == Label::Place));
        // (A person named by a rule makes it a list of people: `Smith, Paris and Jones`.)
        let people = list.iter().any(|m| m.label == Some(Label::Person) && m.rule != "entity/tagger");
        if list.len() >= 2 && listy && list.iter().any(sure) && !people {
            for m in &mut found[i..j] {
                let name = &text[m.start..m.end];
                let first = name.split(' ').next().unwrap_or(name);
                let guess = m.rule == "entity/tagger" && matches!(m.label, Some(Label::Person) | Some(Label::Org));
                // (One word, or a place's word last: `Central Plateau`, not `Untied Nations`.)
                let words = name.split(' ').count();
                let shape = words == 1 || words == 2 && name.rsplit(' ').next().is_some_and(|w| PLACE_WORDS.contains(w));
                if guess && shape && g.lookup(name).is_none() && !g.first_names.contains(first) {
                    m.label = Some(Label::Place);
                    m.rule = "entity/place-list";
                }
            }
        }
        i = j;
    }
}

/// A place's name in two pieces made one: a compass word before it (`Northern Iraq`, `Eastern
/// [Mediterranean]`), whether a name of its own or a bare word, and a facility after it
/// (`[Baghdad] [International Airport]`).
pub(super) fn joined(text: &str, g: &Gazetteer, found: &mut Vec<Mention>) {
    let mut k = 0;
    while k < found.len() {
        let m = &found[k];
        let Some(compass) = text[..m.start].strip_suffix(' ').and_then(|b| b.rsplit([' ', '\n']).next()) else {
            k += 1;
            continue;
        };
        let from = m.start - 1 - compass.len();
        let listed_other = || g.lookup(&text[from..m.end]).is_some_and(|e| e.label != Label::Place);
        if m.label != Some(Label::Place) || !COMPASS.contains(compass) || listed_other() {
            k += 1;
            continue;
        }
        match k.checked_sub(1).filter(|&p| found[p].end == m.start - 1) {
            // The compass word is a name of its own (weak, or the model's `Western` as a
            // people): the place takes it in.
            Some(p) if found[p].start == from => {
                found[k].start = from;
                found.remove(p);
                continue;
            }
            // Another name ends with it: leave both.
            Some(p) if found[p].label.is_some() => {}
            _ => found[k].start = from,
        }
        k += 1;
    }
    let mut k = 0;
    while k + 1 < found.len() {
        let (a, b) = (&found[k], &found[k + 1]);
        // (A building or a work, not an area or an institution: `Santa Ana Unified School District`.)
        let last = text[b.start..b.end].rsplit(' ').next().unwrap_or("");
        let area = matches!(last, "County" | "Township" | "Province" | "Governorate" | "District" | "School" | "High" | "Center" | "Centre");
        let facility = b.label == Some(Label::Place) && FACILITY_WORDS.contains(last) && !area && text[b.start..b.end].contains(' ');
        if a.label == Some(Label::Place) && text.get(a.end..b.start) == Some(" ") && facility && g.lookup(&text[b.start..b.end]).is_none() {
            found[k].end = found[k + 1].end;
            found[k].rule = "entity/place-word";
            found.remove(k + 1);
        } else {
            k += 1;
        }
    }
}
