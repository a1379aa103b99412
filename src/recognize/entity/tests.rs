//! Whole sentences through the name recognizer: what must be found, and what must not be a
//! name. Each rule's own examples are in `rules.rs`.

use super::*;

fn names(text: &str) -> Vec<(String, Label)> {
    // Shifted right by one character (a no-break space, two bytes) so no rule can rely
    // on starting at offset 0.
    let text = format!("\u{a0}{text}");
    let seg = crate::text::segment::segment(&text);
    recognize(&text, &seg).into_iter().map(|c| (text[c.start..c.end].to_string(), c.label)).collect()
}

macro_rules! t {
    ($name:ident, $text:expr, has [$(($s:expr, $l:ident)),*] $(, not [$($n:expr),*])?) => {
        #[test]
        fn $name() {
            let got = names($text);
            $(assert!(got.contains(&($s.to_string(), Label::$l)), "{:?}: wanted {} {:?}, got {got:?}", $text, $s, Label::$l);)*
            $($(assert!(!got.iter().any(|(s, _)| s == $n), "{:?}: {:?} should not be a name, got {got:?}", $text, $n);)*)?
        }
    };
}

t!(ent001_title_person, "Turkish President Recep Tayyip Erdogan said on Saturday.", has [("Turkish", Group), ("Recep Tayyip Erdogan", Person)], not ["President"]);
t!(ent002_given_name, "His counterpart Vladimir Putin asked him.", has [("Vladimir Putin", Person)]);
t!(ent003_possessive_outside, "to cooperate with Bashar al-Assad’s regime.", has [("Bashar al-Assad", Person)]);
t!(ent004_abbrev_in_brackets, "the Kurdistan Workers' Party (PKK), listed", has [("Kurdistan Workers' Party", Org), ("PKK", Org)]);
t!(ent005_place_word, "leaders met at the Russian Black Sea resort of Sochi.", has [("Russian", Group), ("Black Sea", Place), ("Sochi", Place)]);
t!(ent006_role_person, "Syria's interior ministry spokesman Noureddine al-Baba said.", has [("Syria", Place), ("Noureddine al-Baba", Person)]);
t!(ent007_title_split_place, "US Secretary of State Marco Rubio later urged calm.", has [("US", Place), ("Marco Rubio", Person)]);
t!(ent008_credit, "smoke rises. Photo: Moawia Atrash/dpa", has [("Moawia Atrash", Person), ("dpa", Org)]);
t!(ent009_headline_title_case, "Erdogan Says Putin Asked Him to Cooperate with Assad Regime\nPresident Recep Tayyip Erdogan and Vladimir Putin met with Bashar al-Assad.",
    has [("Erdogan", Person), ("Putin", Person), ("Assad", Person)], not ["Putin Asked", "Assad Regime", "Cooperate", "Says"]);
t!(ent010_city_of, "fighters gather in the city of Sweida, as smoke rises.", has [("Sweida", Place)]);
t!(ent011_groups, "clashes between the Druze and Bedouin drew in the government", has [("Druze", Group), ("Bedouin", Group)]);
t!(ent012_org_word, "the Syrian Observatory for Human Rights said", has [("Syrian Observatory for Human Rights", Org)]);
t!(ent013_led_modifier, "They joined a Saudi-led coalition.", has [("Saudi", Group)]);
t!(ent014_boilerplate_skipped, "Share\nTT\nThe talks ended.", has [], not ["TT", "Share"]);
t!(ent016_broadcaster_number, "Neighbours told KHOU 11 News that they heard shots.", has [("KHOU 11 News", Org)]);
t!(ent017_facility_is_a_place, "He was taken to Hennepin County Medical Center on Monday.", has [("Hennepin County Medical Center", Place)]);
t!(ent018_place_before_org, "said a spokesman for U.S. Central Command in Tampa.", has [("U.S. Central Command", Org)]);
t!(ent019_military_unit, "Marines with the 3rd Battalion, 6th Marines moved in.", has [("3rd Battalion, 6th Marines", Org)]);
t!(ent020_operations_are_events, "Operation Steel Curtain began in November.", has [], not ["Operation Steel Curtain", "Steel Curtain"]);
t!(ent021_compass_place, "The attack in Northern Iraq killed two.", has [("Northern Iraq", Place)]);
t!(ent022_hyphen_modifier, "Jets struck two ISIL-held towns, and the U.S.-led coalition said so.", has [("ISIL", Org), ("U.S.", Place)]);
t!(ent023_title_inside_span, "Orange County Sheriff Maria Lopez said deputies arrived. Navy Capt. Ruth Ames agreed.", has [("Maria Lopez", Person), ("Ruth Ames", Person), ("Navy", Org)], not ["Orange County Sheriff Maria Lopez", "Navy Capt"]);
t!(ent024_clitic_not_a_name, "“I’ve never seen that,” said Tom Hale. I'm sure.", has [("Tom Hale", Person)], not ["I’ve", "I'm", "I"]);
t!(ent025_holiday_not_a_name, "Three men died on Thanksgiving Day, and Oh my God was all she said.", has [], not ["Thanksgiving", "Thanksgiving Day", "Oh", "God"]);
t!(ent026_place_then_name, "The Minister for the Middle East Arthur Penfold spoke.", has [("Middle East", Place), ("Arthur Penfold", Person)]);
t!(ent027_outlets, "Neighbours told WQRT-TV 7 and NBC 4 Southern Ohio what they saw, wqrt.com reported.", has [("WQRT-TV 7", Org), ("NBC 4 Southern Ohio", Org), ("wqrt.com", Org)]);
t!(ent028_streets, "Shots were fired in the 300 block of S. Elmhurst near Tupelo Avenue N. and Route 9.", has [("S. Elmhurst", Place), ("Tupelo Avenue N.", Place), ("Route 9", Place)]);
t!(ent029_state_code, "Police in Harlow, KS said the Kansas Highway Patrol helped.", has [("KS", Place), ("Kansas Highway Patrol", Org)], not ["Kansas Highway"]);
t!(ent030_street_keeps_abbreviation_stop, "It happened on Quarry Blvd. and then on Dune Street.", has [("Quarry Blvd.", Place), ("Dune Street", Place)]);
t!(ent031_coordinated_places, "Shelling hit Aleppo and Qarmoush on Sunday.", has [("Aleppo", Place), ("Qarmoush", Place)]);
t!(ent032_surname_over_place, "Sgt. Thomas R. Dayton, 31, died. Dayton was born in Ohio.", has [("Thomas R. Dayton", Person), ("Dayton", Person)]);
t!(ent033_place_first_word, "Thousands of refugees crossed the border to reach Lake Qarmoush and then Camp Zeytoun last week.", has [("Lake Qarmoush", Place), ("Camp Zeytoun", Place)]);
t!(ent034_shouted_byline, "The vigil ended at dusk.\nHELEN MARCHETTI and OSCAR DWYER contributed.", has [("HELEN MARCHETTI", Person), ("OSCAR DWYER", Person)]);
t!(ent035_slash_credits, "A vigil was held. Source: Marta Quill/WXYZ\nPeople gathered. View Full Caption NewsDesk/Oren Falk", has [("Marta Quill", Person), ("WXYZ", Org), ("NewsDesk", Org), ("Oren Falk", Person)]);
t!(ent036_suffix, "Police identified the victim as Harold T. Benning, Jr. on Friday.", has [("Harold T. Benning, Jr.", Person)]);
#[test]
fn ent037_odd_input_found_by_random_runs_does_not_panic() {
    // A shouted dateline starting with a four-byte capital; `block of` before a lone `The`.
    for text in ["𝔄KENYA — Police said.", "Spain in 1982.100 block of The new additions bring the total to 19."] {
        let seg = crate::text::segment::segment(text);
        let _ = recognize(text, &seg);
    }
}
t!(ent038_place_state_patrol, "Troopers with the Missouri State Highway Patrol arrived, and the Pemiscot County Sheriff's Department said so.", has [("Missouri State Highway Patrol", Org), ("Pemiscot County Sheriff's Department", Org)]);
t!(ent039_hour_news, "family members told 24-Hour News 8 on Monday.", has [("24-Hour News 8", Org)]);
t!(ent015_sentence_initial_common, "However, the United States rejected it.", has [("United States", Place)], not ["However"]);
t!(ent040_storm_is_no_person, "Hurricane Dorian cleared the Bahamas. Dorian was then downgraded, the National Hurricane Center said.",
    has [("Bahamas", Place), ("National Hurricane Center", Org)], not ["Dorian", "Hurricane Dorian"]);
t!(ent041_hyphenated_given_name, "North Korean leader Kim Jong-un met Lee Cheuk-yan, and a Smith-led team.",
    has [("Kim Jong-un", Person), ("Lee Cheuk-yan", Person)], not ["Smith-led"]);
t!(ent042_world_knowledge, "Putin met Erdogan in Sochi. Zelensky said fighting spread across North Darfur and Zhejiang.",
    has [("Putin", Person), ("Erdogan", Person), ("Zelensky", Person), ("North Darfur", Place), ("Zhejiang", Place)]);
t!(ent043_peoples_and_hyphens, "Two Argentinians died near the Syrian-Turkish border; the Saudis said so.",
    has [("Argentinians", Group), ("Syrian", Group), ("Turkish", Group), ("Saudis", Group)], not ["Two Argentinians", "Syrian-Turkish"]);
t!(ent044_common_abbreviation, "Claims over the exclusive economic zone (EEZ) clash. Drilling within the EEZ of Cyprus went on, the World Health Organization (WHO) said.",
    has [("Cyprus", Place), ("WHO", Org)], not ["EEZ"]);
t!(ent045_prefixed_names, "Candidates of the pro-Beijing camp won, in a US-built vehicle and a U.S.-designated group.",
    has [("Beijing", Place), ("US", Place), ("U.S.", Place)], not ["pro-Beijing", "US-built"]);
t!(ent046_joined_places, "Gas fields in the Eastern Mediterranean; flights from Baghdad International Airport resumed, the Santa Ana Unified School District said.",
    has [("Eastern Mediterranean", Place), ("Baghdad International Airport", Place)], not ["Mediterranean", "International Airport", "Santa Ana Unified School District"]);
t!(ent047_listed_org_before_thing, "It breached UN Security Council Resolution 2254, near a UNESCO World Heritage Site.",
    has [("UN Security Council", Org), ("UNESCO", Org)], not ["UN Security Council Resolution", "UNESCO World Heritage Site"]);
