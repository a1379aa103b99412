//! The word lists the name rules read: open lists in `data/` (each file names its source and
//! licence), and the few closed sets of function words that are part of a rule's grammar.

use crate::word_list;

word_list!(
    /// Last words of organisations' names (`Syrian Observatory`, `Kansas Highway Patrol`).
    pub(super) ORG_WORDS = "org-words.txt"
);
word_list!(
    /// Words that head an organisation's name with a complement (`Ministry of Defence`).
    pub(super) ORG_HEADS = "org-heads.txt"
);
word_list!(
    /// Last words of places' names (`Black Sea`, `Idlib Province`).
    pub(super) PLACE_WORDS = "place-words.txt"
);
word_list!(
    /// First words of places' names (`Lake Tharthar`, `Mount Sinjar`, `Camp Hurriya`).
    pub(super) PLACE_FIRST = "place-first-words.txt"
);
word_list!(
    /// Last words of named facilities and streets, which the guidelines count as places.
    pub(super) FACILITY_WORDS = "facility-words.txt"
);
word_list!(
    /// Street types that end a street's name (`Carroll Streets`, `Route 106`).
    pub(super) STREET_WORDS = "street-words.txt"
);
word_list!(
    /// US postal abbreviations of the states, written after a city (`Manchester, IL`).
    pub(super) STATE_CODES = "state-codes.txt"
);
word_list!(
    /// US television networks, named with a channel number or a market (`NBC 6 South Florida`).
    pub(super) NETWORKS = "networks.txt"
);
word_list!(
    /// Second halves of hyphenated modifiers: `[Saudi]-led`, `[ISIL]-held`, `[Ontario]-based`.
    pub(super) MODIFIERS = "modifiers.txt"
);
word_list!(
    /// Lower-case words before a name that make it a person's: `spokesman Noureddine al-Baba`.
    pub(super) ROLES = "roles.txt"
);
word_list!(
    /// Holidays and feasts: dates, not names (`Thanksgiving Day`, `Eid al-Adha`).
    pub(super) HOLIDAYS = "holidays.txt"
);
word_list!(
    /// Capitalised words that are never names on their own (`Oh`, `Email Alerts`, `SWAT`).
    pub(super) NOT_NAMES = "not-names.txt"
);
word_list!(
    /// Family words written like titles before a name: `her Boyfriend [Roy Ralston]`.
    pub(super) RELATIVES = "relatives.txt"
);
word_list!(
    /// Armed services named before a rank: `[Navy] Capt. [Jeff Davis]`.
    pub(super) SERVICES = "services.txt"
);
word_list!(
    /// Words that name a military unit after an ordinal (`3rd Battalion`).
    pub(super) MILITARY_UNITS = "military-units.txt"
);
word_list!(
    /// Compass words that join the place after them (`Northern Iraq`).
    pub(super) COMPASS = "compass-words.txt"
);

/// Kinds of place named with `of` before the name: `the town of [Sweida]`, `the districts of
/// [Dhubri], …`.
pub(super) const PLACE_KINDS: &[&str] = &[
    "city", "cities", "town", "towns", "village", "villages", "province", "provinces", "district", "districts", "region", "regions", "governorate", "governorates", "county", "counties",
];

/// Weekdays and months: capitalised, yet no part of a name (`Highway Patrol [Monday]`, `Ministry
/// on [Friday]`).
pub(super) const TIME_WORDS: &[&str] = &[
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
    "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
];

/// Street-type abbreviations that keep their full stop (`Quarry Blvd.`).
pub(super) const ABBREVIATED: &[&str] = &["St", "Ave", "Rd", "Blvd", "Ln", "Hwy", "Pkwy", "Co", "Mt", "Ft"];

/// Prepositions after which an unknown name is a place (`near [Tal Afar]`).
pub(super) const LOCATIVE: &[&str] = &["in", "near", "at", "from", "outside", "across", "into", "to", "toward", "towards", "around", "throughout"];

/// Small words that may join the words of one name (`Observatory for Human Rights`, `bin Laden`).
pub(super) struct Connectors;
pub(super) static CONNECTORS: Connectors = Connectors;

impl Connectors {
    pub(super) fn contains(&self, w: &str) -> bool {
        matches!(w, "of" | "for" | "de" | "la" | "van" | "von" | "der" | "den" | "bin" | "ibn" | "al" | "el" | "da" | "du" | "del" | "le" | "&" | "y" | "on")
    }
}

/// Words that introduce a credit (`Photo: …`, `Source: …`).
pub(super) const CREDIT: &[&str] = &["photo", "photograph", "credit", "image", "by", "picture", "video", "source", "courtesy"];
