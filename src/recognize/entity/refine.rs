//! Corrections of the model's spans from the guidelines and the lists: military units, titles
//! that split a span, facilities and streets as places, a place or nationality joined to the
//! organisation after it, broadcasters with their channel, shouted datelines (compass words
//! join every rule's places in `list::joined`).

use super::mention::{Mention, title_at};
use super::words::*;
use crate::annotation::Label;
use crate::recognize::gazetteer::Gazetteer;
use crate::text::segment::{Sentence, TokenKind};

/// Corrections of the model's spans that follow from the guidelines and the lists: facilities and
/// streets are places, a place or nationality right before an organisation is part of its name
/// (`U.S. Central Command`, `Iraqi Army`), and a shouted dateline (`BALTIMORE`) is a place.
pub(super) fn refine(text: &str, s: &Sentence, g: &Gazetteer, found: &mut Vec<Mention>) {
    let word = |k: usize| s.tokens.get(k).map_or("", |t| &text[t.start..t.end]);
    // Military units: `3rd Battalion, 6th Marines`, `1st Armored Division`.
    let ordinal = |w: &str| w.len() >= 3 && w.starts_with(|c: char| c.is_ascii_digit()) && ["st", "nd", "rd", "th"].iter().any(|x| w.ends_with(x));
    let mut i = 0;
    while i < s.tokens.len() {
        if !ordinal(word(i)) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < s.tokens.len() && word(j).starts_with(|c: char| c.is_uppercase()) && !MILITARY_UNITS.contains(word(j)) {
            j += 1;
        }
        if j >= s.tokens.len() || !MILITARY_UNITS.contains(word(j)) {
            i += 1;
            continue;
        }
        let mut end = j;
        while end + 1 < s.tokens.len() && MILITARY_UNITS.contains(word(end + 1)) {
            end += 1;
        }
        // `, 6th Marines`: the parent unit belongs to the name.
        if word(end + 1) == "," && ordinal(word(end + 2)) && MILITARY_UNITS.contains(word(end + 3)) {
            end += 3;
        }
        let (a, b) = (s.tokens[i].start, s.tokens[end].end);
        found.retain(|m| !(m.start < b && a < m.end));
        found.push(Mention { start: a, end: b, label: Some(Label::Org), rule: "entity/military-unit", strong: true, weak_position: false });
        i = end + 1;
    }
    // After a title the name starts right away: the model may have taken the title for a name
    // (`Spc`, `Petty`) or left out a given name or initials (`Spc. [Isiah] L. Booker`, `Mayor
    // [A C] Wharton`). A service named before a rank is an organisation (`[Navy] Capt.`).
    let mut k = 0;
    while k < s.tokens.len() {
        let t = if word(k).starts_with(|c: char| c.is_uppercase()) { title_at(text, s, g, k) } else { 0 };
        if t == 0 {
            k += 1;
            continue;
        }
        // (Titles in a row are one: `Deputy Prime Minister`.)
        let mut j = k + t;
        while j < s.tokens.len() && title_at(text, s, g, j) > 0 {
            j += title_at(text, s, g, j);
        }
        let (ts, te) = (s.tokens[k].start, s.tokens[(j - 1).min(s.tokens.len() - 1)].end);
        found.retain(|m| !(ts <= m.start && m.end <= te));
        if let Some(m) = found.iter_mut().find(|m| m.label == Some(Label::Person) && m.start > te && s.tokens.get(j).is_some_and(|x| x.start <= m.start)) {
            let gap_ok = s.tokens[j..].iter().take_while(|x| x.start < m.start).all(|x| {
                let w = &text[x.start..x.end];
                w == "." || w.starts_with(char::is_uppercase) && x.kind == TokenKind::Word
            });
            let near = s.tokens[j..].iter().take_while(|x| x.start < m.start).count() <= 3;
            if gap_ok && near && s.tokens.get(j).is_some_and(|x| x.kind == TokenKind::Word) {
                m.start = s.tokens[j].start;
            }
        }
        if k > 0 && SERVICES.contains(word(k - 1)) && s.tokens[k - 1].end + 1 == s.tokens[k].start && !found.iter().any(|m| m.start < s.tokens[k - 1].end && s.tokens[k - 1].start < m.end) {
            found.push(Mention { start: s.tokens[k - 1].start, end: s.tokens[k - 1].end, label: Some(Label::Org), rule: "entity/tagger", strong: true, weak_position: false });
            found.sort_by_key(|m| m.start);
        }
        k = j;
    }
    // In text order, without overlaps (a moved start may reach a neighbour).
    found.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    found.dedup_by(|later, kept| later.start < kept.end);
    // `Aleppo and Daraya`: a name the model took for a person's, joined by `and` or `or` to a
    // listed place, is a place too.
    for k in 0..found.len() {
        let name = &text[found[k].start..found[k].end];
        if !matches!(found[k].label, Some(Label::Person) | Some(Label::Org)) || found[k].rule != "entity/tagger" || name.contains(' ') || !name.chars().any(char::is_lowercase) || g.first_names.contains(name) || g.lookup(name).is_some() {
            continue;
        }
        let listed_place = |m: &Mention| m.label == Some(Label::Place) && g.lookup(&text[m.start..m.end]).is_some_and(|x| x.label == Label::Place);
        let joined = |gap: &str| matches!(gap, " and " | " or " | ", ");
        // (A comma joins only within a list: `Breisach, Kehl and Freiburg`, not `In Syria, Coalition forces`.)
        let listy = |gap: &str, rest: &str| gap != ", " || rest.starts_with([',', ';']) || rest.starts_with(" and ") || rest.starts_with(" or ");
        let between = |a: usize, b: usize| text.get(a..b).unwrap_or("");
        let before = k.checked_sub(1).is_some_and(|p| {
            let gap = between(found[p].end, found[k].start);
            listed_place(&found[p]) && joined(gap) && listy(gap, &text[found[k].end..])
        });
        let after = found.get(k + 1).is_some_and(|n| {
            let gap = between(found[k].end, n.start);
            listed_place(n) && joined(gap) && listy(gap, &text[n.end..])
        });
        if before || after {
            found[k].label = Some(Label::Place);
        }
    }
    let index_of_start = |b: usize| s.tokens.iter().position(|t| t.start == b);
    let index_of_end = |b: usize| s.tokens.iter().position(|t| t.end == b);
    found.sort_by_key(|m| m.start);
    let mut k = 0;
    while k < found.len() {
        let (Some(a), Some(mut e)) = (index_of_start(found[k].start), index_of_end(found[k].end)) else {
            k += 1;
            continue;
        };
        // Facility words that follow the name belong to it: `Haverstock Hills Apartments`.
        while FACILITY_WORDS.contains(word(e + 1)) && s.tokens[e + 1].start == s.tokens[e].end + 1 && !found.iter().any(|m| m.start == s.tokens[e + 1].start) {
            e += 1;
        }
        if ABBREVIATED.contains(&word(e)) && word(e + 1) == "." && s.tokens[e + 1].start == s.tokens[e].end && e + 2 < s.tokens.len() {
            e += 1;
        }
        let m = &mut found[k];
        m.end = s.tokens[e].end;
        let last = if word(e) == "." { word(e - 1) } else { word(e) };
        // (`Center` names organisations too; a medical or detention centre is a place.)
        let centre = matches!(last, "Center" | "Centre") && e > a && matches!(word(e - 1), "Medical" | "Detention" | "Shopping" | "Convention" | "Community" | "Health" | "Trauma" | "Cancer" | "Juvenile" | "Trade");
        if m.label.is_some_and(Label::is_name) && m.label != Some(Label::Group) && (centre || (FACILITY_WORDS.contains(last) || word(a) == "Camp" && e > a) && !ORG_WORDS.contains(last)) {
            m.label = Some(Label::Place);
        }
        // After `in`, `near` or `outside`, a name that does not start with a given name is a
        // place the model did not know (`near Tal Afar`, `in Garfield`).
        let prev = if a > 0 { word(a - 1) } else { "" };
        let locative = matches!(prev, "in" | "near" | "Near" | "outside" | "Outside" | "into" | "throughout" | "In")
            && (prev.starts_with(char::is_lowercase) || (0..a - 1).all(|j| s.tokens[j].kind == TokenKind::Punct));
        if locative && m.label == Some(Label::Person) && m.rule == "entity/tagger" && !g.titles.contains(word(a)) && word(e + 1) != "’" && word(e + 1) != "'" {
            m.label = Some(Label::Place);
        }
        // A given name, then words that are neither listed nor place or organisation words, is a
        // person's name (`Vladimir Putin`, though `Vladimir` is also a city).
        if e > a && m.label == Some(Label::Place) && m.rule == "entity/tagger" && g.first_names.contains(word(a)) && g.lookup(&text[m.start..m.end]).is_none()
            && (a + 1..=e).all(|j| !PLACE_WORDS.contains(word(j)) && !ORG_WORDS.contains(word(j)) && !FACILITY_WORDS.contains(word(j)) && !STREET_WORDS.contains(word(j)) && g.lookup(word(j)).is_none_or(|x| x.label == Label::Person))
        {
            m.label = Some(Label::Person);
        }
        // A lone common noun with a capital is not an organisation's name: `the Coalition`,
        // `The Department`, `City police` at a sentence's start.
        let opening = a == 0 || (0..a).all(|j| s.tokens[j].kind == TokenKind::Punct) || matches!(word(a - 1), "the" | "The");
        if a == e && m.label == Some(Label::Org) && m.rule == "entity/tagger" && opening && text[m.start..m.end].chars().any(char::is_lowercase) && g.is_common(&text[m.start..m.end]) && g.lookup(&text[m.start..m.end]).is_none() {
            // (It counts only where the document knows the word as a name.)
            m.label = None;
            m.strong = false;
            m.weak_position = true;
        }
        // An acronym is an organisation, not a person (`CJTF-OIR`), outside shouted lines.
        let w = &text[m.start..m.end];
        if a == e && m.label == Some(Label::Person) && m.rule == "entity/tagger" && w.chars().count() >= 3 && w.chars().all(|c| c.is_uppercase() || c == '-' || c == '&')
            && s.tokens.iter().any(|t| text[t.start..t.end].chars().any(char::is_lowercase))
        {
            m.label = Some(Label::Org);
        }
        // `Lake Tharthar`, `Mount Sinjar`, `Camp Hurriya`: a place word first makes a place.
        if e > a && matches!(m.label, Some(Label::Person) | Some(Label::Org)) && PLACE_FIRST.contains(word(a)) {
            m.label = Some(Label::Place);
        }
        // An organisation word ends an organisation's name: `Kansas Highway Patrol`.
        if e > a && matches!(m.label, Some(Label::Place) | Some(Label::Person)) && ORG_WORDS.contains(last) && !matches!(last, "City" | "United" | "Times" | "Post" | "Daily" | "Center" | "Centre" | "Club" | "Church" | "Co") && g.lookup(&text[m.start..m.end]).is_none() {
            m.label = Some(Label::Org);
        }
        // `BALTIMORE -`: a shouted name that is a listed place.
        let w = &text[m.start..m.end];
        let dateline = a == 0 && matches!(word(e + 1), "-" | "—" | "–" | "," | "(" | ":");
        if a == e && dateline && w.chars().count() > 3 && w.chars().all(|c| c.is_uppercase()) {
            let mut cs = w.chars();
            let mut title: String = cs.next().into_iter().collect();
            title.push_str(&cs.as_str().to_lowercase());
            if g.lookup(&title).is_some_and(|x| x.label == Label::Place) {
                m.label = Some(Label::Place);
            }
        }
        // Broadcasters keep their channel number and what follows it: `WMC Action News 5`,
        // `KHOU 11 News`, `Channel 2 Action News`.
        let w = text[m.start..m.end].to_string();
        let call_sign = |x: &str| {
            let base = x.split('-').next().unwrap_or(x);
            (3..=4).contains(&base.len()) && base.starts_with(['K', 'W']) && base.chars().all(|c| c.is_ascii_uppercase())
        };
        let broadcaster = w.split_whitespace().any(|x| matches!(x, "News" | "Channel" | "TV" | "NBC" | "CBS" | "ABC" | "FOX" | "Fox") || call_sign(x));
        if broadcaster && m.label != Some(Label::Person) && s.tokens.get(e + 1).is_some_and(|t| t.kind == TokenKind::Number && t.start == s.tokens[e].end + 1) {
            let mut j = e + 1;
            while j + 1 < s.tokens.len() && s.tokens[j + 1].start == s.tokens[j].end + 1 && (word(j + 1) == "News" || word(j + 1) == "Action" || (word(j + 1) == "South" || word(j + 1) == "North") ) {
                j += 1;
            }
            let end = s.tokens[j].end;
            found[k].end = end;
            found[k].label = Some(Label::Org);
            // Absorb a name the extension now covers (`Action News` after `Channel 2`).
            while found.get(k + 1).is_some_and(|n| n.start < end || (n.start == end + 1 && n.label == Some(Label::Org))) {
                let n = found.remove(k + 1);
                found[k].end = found[k].end.max(n.end);
            }
            k += 1;
            continue;
        }
        let m = &mut found[k];
        // A place or nationality, then an organisation or an organisation word: one name.
        let (m_end, m_label) = (m.end, m.label);
        if matches!(m_label, Some(Label::Place) | Some(Label::Group)) {
            // (A listed organisation is a whole name already: `Syrian Kurdish [People's
            // Protection Units]`.)
            let next = found.get(k + 1).filter(|n| {
                n.label == Some(Label::Org)
                    && n.start > m_end
                    && text[m_end..n.start].chars().all(|c| c == ' ')
                    && g.lookup(&text[n.start..n.end]).is_none_or(|x| x.label != Label::Org || x.rule == "known-name")
            });
            if let Some(n) = next {
                let end = n.end;
                found[k].end = end;
                found[k].label = Some(Label::Org);
                found.remove(k + 1);
                continue;
            }
            // (Words such as `State`, `County` or `Sheriff's` may stand between: `Missouri State
            // Highway Patrol`, `Pemiscot County Sheriff's Department`.)
            let mut j = e + 1;
            let mut last_org = None;
            while j < s.tokens.len() && j < e + 6 {
                let w = word(j);
                let glued = s.tokens[j].start == s.tokens[j - 1].end;
                let possessive = glued && matches!(w, "'" | "’") || glued && w == "s" && matches!(word(j - 1), "'" | "’");
                if !possessive && s.tokens[j].start != s.tokens[j - 1].end + 1 {
                    break;
                }
                if ORG_WORDS.contains(w) {
                    last_org = Some(j);
                } else if !possessive && !matches!(w, "State" | "County" | "City" | "Highway" | "Sheriff" | "Public" | "Fire" | "Metropolitan" | "Municipal") {
                    break;
                }
                j += 1;
            }
            if let Some(j) = last_org.filter(|_| !found.iter().any(|m| m.start == s.tokens[e + 1].start && m.label != Some(Label::Org))) {
                let end = s.tokens[j].end;
                found[k].end = end;
                found[k].label = Some(Label::Org);
                // (An organisation word the model found on its own joins the name.)
                found.retain(|m| !(m.start > s.tokens[e].end && m.end <= end));
                continue;
            }
        }
        k += 1;
    }
}
