//! Whole sentences through the casualty rules: every count found and nothing else (ages,
//! measures, perpetrators, negations give none). Each rule's own examples are in `RULES`.

use super::*;

fn found(text: &str) -> Vec<(String, String, Option<u64>, String, Option<u64>, Option<u64>, Option<String>)> {
    // Shifted right by one character so no rule can assume it starts at offset 0.
    let text = format!("¶ {text}");
    let seg = crate::text::segment::segment(&text);
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
t!(cas042_one_of_the_victims, "a witness said one of the victims had been shot; one of the victims was a nurse", [("one", "injured", Some(1), "exact")]);

t!(cas043_assassination_of, "CONDEMNED THE ASSASSINATION OF SIX JESUITS AND TWO WOMEN IN HIS COUNTRY", [("SIX JESUITS", "killed", Some(6), "exact"), ("TWO WOMEN", "killed", Some(2), "exact")]);
t!(cas044_dead_as_adjective, "in addition to 30 dead civilians, officials said", [("30 dead civilians", "killed", Some(30), "exact")]);
t!(cas045_maimed, "and maimed two people because they refused", [("two people", "injured", Some(2), "exact")]);

#[test]
fn cas024_bounds() {
    let got = found("at least 20 people were killed and up to 50 were hurt");
    assert_eq!(got[0].4, Some(20));
    assert_eq!(got[0].6.as_deref(), Some("people"));
    assert_eq!((got[1].4, got[1].5), (None, Some(50)));
    let r = found("between 10 and 15 civilians were wounded");
    assert_eq!((r[0].4, r[0].5), (Some(10), Some(15)));
}
t!(cas046_people_then_noun, "Gunmen killed two Yemeni fishermen and three Somali traders.", [("two Yemeni fishermen", "killed", Some(2), "exact"), ("three Somali traders", "killed", Some(3), "exact")]);
t!(cas047_modifying_noun_then_noun, "Four senior police officers were wounded; two police died.", [("Four senior police officers", "injured", Some(4), "exact"), ("two police", "killed", Some(2), "exact")]);

/// The scope of each figure found in `text`, in order.
fn scopes(text: &str, reference: Option<&str>) -> Vec<(String, String, Option<String>)> {
    let seg = crate::text::segment::segment(text);
    let reference = reference.map(|r| crate::text::calendar::parse_iso(r).unwrap());
    finish(sentences(text, &seg, 0..seg.sentences.len(), reference))
        .into_iter()
        .map(|c| {
            let a = c.casualty.unwrap();
            (text[c.start..c.end].to_string(), a.scope.unwrap(), a.incident)
        })
        .collect()
}

#[test]
fn scope_of_a_war_total_beside_an_attacks_toll() {
    let got = scopes("A drone strike on a mosque killed 31 people on Friday. The war has killed more than 40,000 people since it began in 2023, and 12 million have been displaced so far.", Some("2025-03-14"));
    let want = [("31 people", "incident", Some("i1")), ("more than 40,000 people", "cumulative", None), ("12 million", "cumulative", None)];
    assert_eq!(got, want.map(|(q, s, i)| (q.to_string(), s.to_string(), i.map(String::from))).to_vec());
}

#[test]
fn scope_of_an_earlier_event_and_a_periods_total() {
    let got = scopes("Gunmen killed four guards at the depot. In 2019 a bombing there killed 12 people. Since January, 230 civilians have died in the province. Over the past 24 hours 9 people were wounded.", Some("2025-03-14"));
    let read: Vec<&str> = got.iter().map(|x| x.1.as_str()).collect();
    assert_eq!(read, ["incident", "background", "cumulative", "incident"], "{got:?}");
    // A year that names a car, not a date, says nothing.
    let got = scopes("Three people were shot inside a 2006 silver sedan.", Some("2025-03-14"));
    assert_eq!(got[0].1, "incident");
}
t!(cas048_partitive, "Four of the deceased were tourists; two of Ahmed's victims died later and one of them died in hospital.", [("Four", "killed", Some(4), "exact"), ("two", "killed", Some(2), "exact"), ("one", "killed", Some(1), "exact")]);
t!(cas049_one_of_without_harm, "One of the victims was a teacher, police said after the blast killed 3 people.", [("3 people", "killed", Some(3), "exact")]);
t!(cas050_title_case_qualifier, "Over 50 Dead After Ferry Sinks", [("Over 50", "killed", Some(50), "moreThan")]);
t!(cas051_title_case_at_least, "At Least 12 Killed In Market Blast", [("At Least 12", "killed", Some(12), "atLeast")]);

#[test]
fn a_span_marked_by_hand_gets_its_attributes_scope_and_incident() {
    let text = "Rescuers said at least 11 children died in the blast. The war has killed 9,000 people since 2014.";
    let seg = crate::text::segment::segment(text);
    let at = |q: &str| (text.find(q).unwrap(), text.find(q).unwrap() + q.len());
    let (s, e) = at("at least 11 children");
    let a = infer(text, &seg, s, e);
    assert_eq!((a.category.as_str(), a.count, a.qualifier.as_str(), a.min, a.victims.as_deref()), ("killed", Some(11), "atLeast", Some(11), Some("children")));
    assert_eq!((a.scope.as_deref(), a.incident.as_deref()), (Some("incident"), Some("i1")));
    let (s, e) = at("9,000 people");
    let a = infer(text, &seg, s, e);
    assert_eq!((a.count, a.scope.as_deref(), a.incident.as_deref()), (Some(9000), Some("cumulative"), None));
}
t!(cas052_toll_could_climb, "The death toll could climb as high as 9,000, officials warned.", [("as high as 9,000", "killed", Some(9000), "atMost")]);

t!(cas053_or_more, "The collapse killed 107 or more and left 30 or so hurt.", [("107 or more", "killed", Some(107), "atLeast"), ("30 or so", "injured", Some(30), "about")]);
t!(cas054_what_would_have_been, "Had the blast come an hour later, the toll would have been more than a thousand. Hundreds would have died, he said; 12 people were killed.", [("12 people", "killed", Some(12), "exact")]);
t!(cas055_harm_across_a_comma, "Besides the dead, 40 were hospitalised.", [("40", "injured", Some(40), "exact")]);

/// (quote, scope, incident) as `scopes` gives them.
fn want(rows: &[(&str, &str, Option<&str>)]) -> Vec<(String, String, Option<String>)> {
    rows.iter().map(|(q, s, i)| (q.to_string(), s.to_string(), i.map(String::from))).collect()
}

#[test]
fn words_that_open_another_incident_number_it() {
    let got = scopes(
        "A gunman killed two people at a bar on Friday.\n\nLater, three more were hurt there.\n\nIn a separate incident, four people were injured near a school. One of them died.\n\nPolice said another explosion hit a bus. Officials said five people died and six were hurt.",
        None,
    );
    let rows = [("two people", "incident", Some("i1")), ("three more", "incident", Some("i1")), ("four people", "incident", Some("i2")), ("One", "incident", Some("i2")), ("five people", "incident", Some("i3")), ("six", "incident", Some("i3"))];
    assert_eq!(got, want(&rows));
    // The first incident's own words do not count as another's.
    let got = scopes("Another attack on the market killed nine people. The attack also wounded 20.", None);
    assert_eq!(got, want(&[("nine people", "incident", Some("i1")), ("20", "incident", Some("i1"))]));
}

#[test]
fn an_earlier_time_carries_to_the_next_sentence_of_its_paragraph() {
    let text = "Two bombs went off in the capital last month. Reportedly, three people were killed.\n\nThe new attack killed eight.";
    assert_eq!(scopes(text, None), want(&[("three people", "background", None), ("eight", "incident", Some("i1"))]));
    // Not when the sentence gives its own time, nor a period's words (`so far`).
    let text = "Two bombs went off in the capital last month. On Monday, three people were killed.";
    assert_eq!(scopes(text, None)[0].1, "incident");
    let text = "It was one of the worst attacks of the war so far. At least ten people were killed.";
    assert_eq!(scopes(text, None)[0].1, "incident");
}

#[test]
fn hundreds_told_without_a_number_are_a_periods_toll_but_a_headlines_news() {
    let text = "Hundreds dead in stampede\n\nThe group was responsible for the deaths of hundreds of soldiers. Three pilgrims died on Friday.";
    assert_eq!(scopes(text, None), want(&[("Hundreds", "incident", Some("i1")), ("hundreds of soldiers", "cumulative", None), ("Three pilgrims", "incident", Some("i1"))]));
}

/// (quote, category) of every figure of `text`, the document's pass included.
fn categories(text: &str) -> Vec<(String, String)> {
    let seg = crate::text::segment::segment(text);
    finish(sentences(text, &seg, 0..seg.sentences.len(), None)).into_iter().map(|c| (text[c.start..c.end].to_string(), c.casualty.unwrap().category)).collect()
}

#[test]
fn victims_with_no_harm_in_their_sentence_take_the_harm_told_before() {
    let got = categories("A man went on a stabbing spree, killing four. Three of the victims were police officers.");
    assert_eq!(got, [("four".to_string(), "killed".to_string()), ("Three".into(), "killed".into())]);
    // With no harm told before, victims are the injured, as before.
    assert_eq!(categories("Three of the victims were police officers.")[0].1, "injured");
}

#[test]
fn a_definite_count_of_people_counted_before_is_theirs() {
    let got = categories("Five teens were shot outside a gym on Friday. The five teens had been at a party. All five teens are recovering.");
    assert_eq!(got.iter().map(|(q, c)| (q.as_str(), c.as_str())).collect::<Vec<_>>(), [("Five teens", "injured"), ("five teens", "injured"), ("All five teens", "injured")]);
    // Not a count nobody counted: `the two women` with no two before is no figure.
    assert_eq!(categories("Gunmen killed three men. The two women were unhurt witnesses.").len(), 1);
    assert!(categories("The three officers arrived at noon.").is_empty());
}
t!(cas056_all_but, "All but two of the 40 passengers died when the ferry sank.", [("All but two of the 40 passengers", "killed", Some(38), "exact")]);
t!(cas057_more_as_victims, "Five died in the blast; around twenty more were injured.", [("Five", "killed", Some(5), "exact"), ("around twenty more", "injured", Some(20), "about")]);
t!(cas058_a_number_of, "A number of journalists were injured by the crowd.", [("A number of journalists", "injured", None, "about")]);
t!(cas059_toll_as_a_level, "The death toll, according to figures released by the ministry on Monday, exceeded 300.", [("exceeded 300", "killed", Some(300), "moreThan")]);
t!(cas060_survivors_partitive, "Eighteen people died; 120 of the survivors have been hospitalized.", [("Eighteen people", "killed", Some(18), "exact"), ("120", "injured", Some(120), "exact")]);
t!(cas061_evacuated, "Authorities evacuated about 800 people from the town.", [("about 800 people", "displaced", Some(800), "about")]);
t!(cas062_wound_and_injury, "The gunman managed to kill 2 people and wound 9 others before the bombing caused the injury of six people.", [("2 people", "killed", Some(2), "exact"), ("9 others", "injured", Some(9), "exact"), ("six people", "injured", Some(6), "exact")]);
t!(cas063_lives_of, "THE SIEGE CLAIMED THE LIVES OF 100 PEOPLE.", [("100 PEOPLE", "killed", Some(100), "exact")]);
t!(cas064_killers_of, "Police are hunting the killers of the four farmers.", [("four farmers", "killed", Some(4), "exact")]);
t!(cas065_more_victim_nouns, "Eight Soviet citizens were injured and two crew died.", [("Eight Soviet citizens", "injured", Some(8), "exact"), ("two crew", "killed", Some(2), "exact")]);
t!(cas066_under_the_rubble, "Rescuers said between 30 and 40 people were still under the rubble.", [("between 30 and 40 people", "missing", Some(30), "range")]);
t!(cas067_security_forces, "The attack killed 12 security forces and five Armed Forces personnel.", [("12 security forces", "killed", Some(12), "exact"), ("five Armed Forces personnel", "killed", Some(5), "exact")]);

#[test]
fn refugees_are_a_total_and_a_past_year_of_many_events_a_periods_toll() {
    let got = scopes("The country hosts an estimated two million Syrian refugees.", Some("2025-03-14"));
    assert_eq!(got, want(&[("an estimated two million Syrian refugees", "cumulative", None)]));
    let got = scopes("2018 saw 11,000 road accidents leading to 750 deaths. In 2019 a bus crash killed 20 people.", Some("2025-03-14"));
    assert_eq!(got.iter().map(|x| x.1.as_str()).collect::<Vec<_>>(), ["cumulative", "background"], "{got:?}");
}

#[test]
fn a_day_months_before_the_article_is_an_earlier_event() {
    let text = "Officials recalled the attack in Sousse on 25 June in which 30 tourists were murdered. On Friday a bomb killed 4 people.";
    let got = scopes(text, Some("2015-11-20"));
    assert_eq!(got.iter().map(|x| x.1.as_str()).collect::<Vec<_>>(), ["background", "incident"], "{got:?}");
    // A day of this month, or no article date, says nothing.
    assert_eq!(scopes("The attack on 12 November killed 30 people.", Some("2015-11-20"))[0].1, "incident");
    assert_eq!(scopes(text, None)[0].1, "incident");
    // `may` is a verb: `officials may 20` is not a date.
    assert_eq!(scopes("The toll may rise: 20 people were killed.", Some("2015-11-20"))[0].1, "incident");
}
t!(cas068_one_of_our, "One of our brave service members has been killed; we mourn the loss of one of our own.", [("One", "killed", Some(1), "exact"), ("one", "killed", Some(1), "exact")]);
t!(cas069_one_of_whom_has_its_own_harm, "They found four people hit by gunfire, three men and a woman, one of whom was pronounced dead.", [("four people", "injured", Some(4), "exact"), ("one", "killed", Some(1), "exact")]);
t!(cas070_as_were, "Officials said 90 civilians were wounded, as were seventeen from the army.", [("90 civilians", "injured", Some(90), "exact"), ("seventeen", "injured", Some(17), "exact")]);
t!(cas071_hundreds_of_an_armed_group, "Officials reported 150 soldiers and hundreds of Taliban killed.", [("150 soldiers", "killed", Some(150), "exact"), ("hundreds of Taliban", "killed", Some(100), "atLeast")]);
t!(cas072_harm_that_governs_the_next_count, "Gunmen opened fire on about six protesters, hitting five of them; a bomb killed 5, injuring 10.", [("five", "injured", Some(5), "exact"), ("5", "killed", Some(5), "exact"), ("10", "injured", Some(10), "exact")]);
t!(cas073_list_shares_its_category, "The confirmed deaths are fourteen civilians, five soldiers, and one member of the coast guard.", [("fourteen civilians", "killed", Some(14), "exact"), ("five soldiers", "killed", Some(5), "exact"), ("one member", "killed", Some(1), "exact")]);
t!(cas074_no_list_no_figure, "He thanked the coast guard and one member of the crew.", []);
t!(cas075_scale_alone, "Over umpteen million refugees fled.", []);
t!(cas076_level_of_a_harm, "The number of dead passed 300 and the number of injured reached 1,000.", [("passed 300", "killed", Some(300), "moreThan"), ("1,000", "injured", Some(1000), "exact")]);
t!(cas077_stabbed, "Three were shot, the remaining four stabbed; two people were stabbed to death.", [("Three", "injured", Some(3), "exact"), ("four", "injured", Some(4), "exact"), ("two people", "killed", Some(2), "exact")]);
t!(cas078_homeless_families, "About 300 families were left homeless.", [("About 300 families", "displaced", Some(300), "about")]);
t!(cas079_list_after_a_dash, "Police found five people who had been shot -- two women and three men.", [("five people", "injured", Some(5), "exact"), ("two women", "injured", Some(2), "exact"), ("three men", "injured", Some(3), "exact")]);
t!(cas080_list_with_places_for_nouns, "Three bodies were found in the kitchen, two in the garage and one in the yard.", [("Three bodies", "killed", Some(3), "exact"), ("two", "killed", Some(2), "exact"), ("one", "killed", Some(1), "exact")]);
t!(cas081_who_they_were, "Four of the dead were foreigners; they were two Argentinians, one from Chile, and a third from Peru.", [("Four", "killed", Some(4), "exact"), ("two Argentinians", "killed", Some(2), "exact"), ("one", "killed", Some(1), "exact")]);
t!(cas082_a_list_not_across_another_count, "Two people died on Monday while the number of homes lost rose to 1,035 in the north and about 19 in the south.", [("Two people", "killed", Some(2), "exact")]);
t!(cas084_harm_in_a_clause_of_their_own, "Militants kidnapped nine people, among them one hostage who was later beheaded.", [("nine people", "kidnapped", Some(9), "exact"), ("one hostage", "killed", Some(1), "exact")]);
t!(cas085_condition_is_hurt, "One woman remains in critical condition.", [("One woman", "injured", Some(1), "exact")]);
t!(cas086_perpetrators_after_by, "The mayor was shot to death by two men on a motorbike; the guards were killed one by one.", []);
t!(cas087_hedge_joins_two_counts, "The purges saw hundreds if not thousands of Tutsi killed.", [("hundreds", "killed", Some(100), "atLeast"), ("thousands of Tutsi", "killed", Some(1000), "atLeast")]);
t!(cas088_stabbed_governs, "A man stabbed three people near the station and stabbed two more to death.", [("three people", "injured", Some(3), "exact"), ("two more", "killed", Some(2), "exact")]);
t!(cas089_shot_only_right_before, "Soldiers shot down 12 drones and shot at three trucks; police shot 2 men.", [("2 men", "injured", Some(2), "exact")]);
t!(cas090_trampled, "At least 40 pilgrims were trampled in the crush.", [("At least 40 pilgrims", "killed", Some(40), "atLeast")]);
t!(cas091_two_each, "Nine soldiers were wounded, as were four police officers and two each from the navy and the air force.", [("Nine soldiers", "injured", Some(9), "exact"), ("four police officers", "injured", Some(4), "exact"), ("two", "injured", Some(2), "exact")]);
t!(cas083_a_bare_number_without_a_list_is_none, "Police said 4 people were shot. Officers arrived at 11 in the morning.", [("4 people", "injured", Some(4), "exact")]);

#[test]
fn who_the_victims_were_takes_the_articles_harm() {
    let got = categories("A gunman killed four people. The victims were two men and two women.");
    assert_eq!(got.iter().map(|(q, c)| (q.as_str(), c.as_str())).collect::<Vec<_>>(), [("four people", "killed"), ("two men", "killed"), ("two women", "killed")]);
}

#[test]
fn a_definite_count_of_people_hit_is_the_dead_named_before() {
    let got = categories("A man stabbed four people to death. Three of the victims were officers. The three officers were stabbed in their office.");
    assert_eq!(got.last().map(|(q, c)| (q.as_str(), c.as_str())), Some(("three officers", "killed")));
    // With no such count before, they were hurt; `the two others` are other people.
    assert_eq!(categories("The three officers were stabbed in their office.")[0].1, "injured");
    let got = categories("Four shot, two dead in shooting. The two others that were shot are in hospital.");
    assert_eq!(got.last().map(|(q, c)| (q.as_str(), c.as_str())), Some(("two others", "injured")));
}

/// (quote, incident) of each figure the whole pipeline finds, the names and dates read first.
fn incidents(text: &str, reference: &str) -> Vec<(String, Option<String>)> {
    let seg = crate::text::segment::segment(text);
    let reference = crate::text::calendar::parse_iso(reference).ok();
    crate::recognize::pipeline::recognize(text, &seg, reference)
        .into_iter()
        .filter_map(|c| Some((text[c.start..c.end].to_string(), c.casualty?.incident)))
        .collect()
}

/// A row of `incidents`: the quote and its incident.
fn i(quote: &str, incident: &str) -> (String, Option<String>) {
    (quote.to_string(), Some(incident.to_string()))
}

#[test]
fn a_figure_told_on_another_day_opens_another_incident() {
    let got = incidents("On Saturday, a car bomb killed at least 28 people in the market. Today, two more bombs killed 35 people and injured 20 others.", "2016-05-02");
    assert_eq!(got, [i("at least 28 people", "i1"), i("35 people", "i2"), i("20 others", "i2")]);
    // Not a toll told again, a day of saying, or a part of those counted before.
    let got = incidents("Gunmen killed 12 people on Saturday. By Monday the death toll had risen to 15.", "2016-05-02");
    assert_eq!(got, [i("12 people", "i1"), i("15", "i1")]);
    let got = incidents("A bomb killed four people on Friday. Police said on Saturday that 11 people were injured.", "2016-05-02");
    assert_eq!(got, [i("four people", "i1"), i("11 people", "i1")]);
    let got = incidents("Three people were stabbed on Friday. On Saturday two of the victims died.", "2016-05-02");
    assert_eq!(got, [i("Three people", "i1"), i("two", "i1")]);
    // Nor a period's bound, nor the same figure told again on another day.
    let got = incidents("More than 900 people have been killed in the city, officials said on Sunday. More than 900 people have died there since last Sunday.", "2016-05-02");
    assert_eq!(got, [i("More than 900 people", "i1"), i("More than 900 people", "i1")]);
    let got = incidents("A blast killed 12 people on Friday. On Saturday, crowds mourned 12 people killed in the blast.", "2016-05-02");
    assert_eq!(got, [i("12 people", "i1"), i("12 people", "i1")]);
    // With no reference a day's words tell days apart, and a time of one day is that day.
    let got = incidents("Yesterday, a clash killed three rebels. A second clash yesterday afternoon killed one more. Today a mine killed two soldiers.", "");
    assert_eq!(got, [i("three rebels", "i1"), i("one more", "i1"), i("two soldiers", "i2")]);
}

#[test]
fn a_related_storys_headline_is_background_unless_the_article_counts_it() {
    let text = "Two hurt in mall shooting\n\nTwo people were shot at the mall on Friday, police said.\n\nRelated: Four killed in highway crash\n\nRelated: Shoppers rally after two people shot at mall\n\nRelated stories\n\nFire in a warehouse leaves three injured\n\nThe mall reopened on Saturday.";
    let got = scopes(text, None);
    let rows = [("Two", "incident", Some("i1")), ("Two people", "incident", Some("i1")), ("Four", "background", None), ("two people", "incident", Some("i1")), ("three", "background", None)];
    assert_eq!(got, want(&rows));
}

#[test]
fn a_clause_that_opens_with_another_place_opens_another_incident() {
    let got = incidents("In Baghdad a car bomb killed three people; in Mosul five people died in a mortar attack.", "2016-05-02");
    assert_eq!(got, [i("three people", "i1"), i("five people", "i2")]);
    // Not the same place again, nor a place that is not where the clause opens.
    let got = incidents("In Baghdad, a bomb killed three people.\n\nIn Baghdad, five more people died later.\n\nDoctors in Mosul said 12 people were injured.", "2016-05-02");
    assert_eq!(got, [i("three people", "i1"), i("five more people", "i1"), i("12 people", "i1")]);
}

#[test]
fn casualties_are_the_hurt_where_the_dead_are_counted_apart() {
    let got = categories("The quake killed 116 people, while the number of casualties rose to at least 1,035.");
    assert_eq!(got.iter().map(|(q, c)| (q.as_str(), c.as_str())).collect::<Vec<_>>(), [("116 people", "killed"), ("at least 1,035", "injured")]);
    let got = categories("The army suffered thousands of casualties in the battle.");
    assert_eq!(got.iter().map(|(q, c)| (q.as_str(), c.as_str())).collect::<Vec<_>>(), [("thousands of casualties", "killed")]);
}
