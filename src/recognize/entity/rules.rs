//! Every rule that can give a name its annotation, with its description and examples (run by
//! `recognize::catalogue`). The rules are steps of one recognizer rather than independent
//! patterns, so the table stands beside the steps that write these ids (`model.rs`,
//! `refine.rs`, `outlet.rs`, `credit.rs`, `address.rs`, `sentence.rs`, `document.rs` and the
//! lists of `gazetteer.rs`). Readings that only wait for the document pass (a name read by its
//! shape alone, `given-name`, `org-word`, …) carry no id of this form: they become
//! `entity/same-name` where the document knows the name, or nothing.

use crate::recognize::rule::{Rule, example};

pub const RULES: &[Rule] = &[
    Rule {
        id: "entity/tagger",
        description: "the statistical tagger's name (a perceptron over word, shape, context and list features, trained on CoNLL-2003), its span cleaned by the rules",
        examples: &[
            example!("leaders met at the Russian Black Sea resort of Sochi.", None, "Sochi", "PLACE"),
            example!("leaders met at the Russian Black Sea resort of Sochi.", None, "Russian", "GROUP"),
            example!("to cooperate with Bashar al-Assad’s regime.", None, "Bashar al-Assad", "PERSON"),
            example!("said a spokesman for U.S. Central Command in Tampa.", None, "U.S. Central Command", "ORG"),
            example!("Troopers with the Missouri State Highway Patrol arrived.", None, "Missouri State Highway Patrol", "ORG"),
            example!("He was taken to Hennepin County Medical Center on Monday.", None, "Hennepin County Medical Center", "PLACE"),
            example!("Police identified the victim as Harold T. Benning, Jr. on Friday.", None, "Harold T. Benning, Jr.", "PERSON"),
        ],
    },
    Rule {
        id: "entity/title-person",
        description: "a person's name after a title, rank or role, the title left out: `President [Recep Tayyip Erdogan]`, `spokesman [Noureddine al-Baba]`",
        examples: &[
            example!("Turkish President Recep Tayyip Erdogan said on Saturday.", None, "Recep Tayyip Erdogan", "PERSON"),
            example!("US Secretary of State Marco Rubio later urged calm.", None, "Marco Rubio", "PERSON"),
            example!("Orange County Sheriff Maria Lopez said deputies arrived.", None, "Maria Lopez", "PERSON"),
            example!("His counterpart Vladimir Putin asked him.", None, "Vladimir Putin", "PERSON"),
        ],
    },
    Rule {
        id: "entity/particle-name",
        description: "a given name and a family name with its particle: `Rafiq al-Hassani`",
        examples: &[example!("Witnesses said Rafiq al-Hassani fled north.", None, "Rafiq al-Hassani", "PERSON")],
    },
    Rule {
        id: "entity/place-word",
        description: "a run of capitalised words ending in a word of places (`Sea`, `Valley`, `District`) where the tagger saw none",
        examples: &[example!("Floods hit the Lakes Bosumtwi area.", None, "Lakes Bosumtwi", "PLACE")],
    },
    Rule {
        id: "entity/place-context",
        description: "a name after `the city of`, `the town of`, `the province of`: a place",
        examples: &[example!("fighters gather in the city of Sweida, as smoke rises.", None, "Sweida", "PLACE")],
    },
    Rule {
        id: "entity/photo-credit",
        description: "names in credits: `Photo: Name/Outlet`, `Outlet/Name`, `By Name`",
        examples: &[
            example!("smoke rises. Photo: Moawia Atrash/dpa", None, "Moawia Atrash", "PERSON"),
            example!("A vigil was held. Source: Marta Quill/WXYZ", None, "WXYZ", "ORG"),
            example!("People gathered. View Full Caption NewsDesk/Oren Falk", None, "Oren Falk", "PERSON"),
        ],
    },
    Rule {
        id: "entity/shouted-name",
        description: "a person's name in capitals, as bylines write them: a listed given name and one or two more words",
        examples: &[example!("The vigil ended at dusk.\nHELEN MARCHETTI and OSCAR DWYER contributed.", None, "OSCAR DWYER", "PERSON")],
    },
    Rule {
        id: "entity/outlet",
        description: "news outlets the model rarely knows: call signs with channel and show, networks with a number or market, web addresses standing as names",
        examples: &[
            example!("Neighbours told KHOU 11 News that they heard shots.", None, "KHOU 11 News", "ORG"),
            example!("Neighbours told WQRT-TV 7 and NBC 4 Southern Ohio what they saw.", None, "NBC 4 Southern Ohio", "ORG"),
            example!("Neighbours spoke to reporters, wqrt.com reported.", None, "wqrt.com", "ORG"),
        ],
    },
    Rule {
        id: "entity/address",
        description: "streets and addresses: a street's name with its type, number and direction, what follows `the 100 block of`, a state's code after a city",
        examples: &[
            example!("Shots were fired in the 300 block of S. Elmhurst near Tupelo Avenue N. and Route 9.", None, "S. Elmhurst", "PLACE"),
            example!("Shots were fired near Tupelo Avenue N. and Route 9.", None, "Tupelo Avenue N.", "PLACE"),
            example!("It happened on Quarry Blvd. and then on Dune Street.", None, "Quarry Blvd.", "PLACE"),
            example!("Police in Harlow, KS said the patrol helped.", None, "KS", "PLACE"),
        ],
    },
    Rule {
        id: "entity/military-unit",
        description: "a military unit: an ordinal and unit words, with its parent unit (`3rd Battalion, 6th Marines`)",
        examples: &[example!("Marines with the 3rd Battalion, 6th Marines moved in.", None, "3rd Battalion, 6th Marines", "ORG")],
    },
    Rule {
        id: "entity/org-complement",
        description: "an organisation named with a complement: a head word (`data/org-heads.txt`), then `of`, `for`, `on` or `to` and a name, one organisation whatever its pieces are",
        examples: &[
            example!("He studied at the University of Khartoum in 1990.", None, "University of Khartoum", "ORG"),
            example!("Two reporters were held, the Committee to Protect Whistleblowers said.", None, "Committee to Protect Whistleblowers", "ORG"),
            example!("A spokesman for the Supreme Council of the Armed Forces said so.", None, "Supreme Council of the Armed Forces", "ORG"),
        ],
    },
    Rule {
        id: "entity/people-form",
        description: "a people named from a listed place or nationality by its ending (`-ians`, `-ers`, a plural): a group the lists do not hold",
        examples: &[
            example!("Two Argentinians were among the dead.", None, "Argentinians", "GROUP"),
            example!("He thanked ordinary Londoners for their help.", None, "Londoners", "GROUP"),
        ],
    },
    Rule {
        id: "entity/hyphen-names",
        description: "names joined by hyphens, each a place or a people of its own (`Syrian-Turkish border`, `Kenya-Somalia border`), unless the whole is a listed name",
        examples: &[
            example!("They deployed along the Syrian-Turkish border.", None, "Turkish", "GROUP"),
            example!("The Kenya-Somalia border was closed.", None, "Somalia", "PLACE"),
        ],
    },
    Rule {
        id: "entity/place-list",
        description: "a name the model took for a person's or an organisation's, in a list (commas, `and`, `or`) with a place the lists or the context vouch for: a place",
        examples: &[example!("Floods hit the districts of Dhubri, Mangaldoi and Nagaon.", None, "Mangaldoi", "PLACE")],
    },
    Rule {
        id: "entity/gazetteer-org",
        description: "an organisation of the curated list (`data/orgs.txt`), or its abbreviation",
        examples: &[
            example!("the Syrian Observatory for Human Rights said", None, "Syrian Observatory for Human Rights", "ORG"),
            example!("the Kurdistan Workers' Party (PKK), listed", None, "PKK", "ORG"),
            example!("Jets struck two ISIL-held towns.", None, "ISIL", "ORG"),
        ],
    },
    Rule {
        id: "entity/gazetteer-place",
        description: "a place of the generated lists (countries, capitals and cities from world-countries and GeoNames, US states) that the tagger left out",
        examples: &[example!("Jets struck, and the Paris-based group said so.", None, "Paris", "PLACE")],
    },
    Rule {
        id: "entity/curated-place",
        description: "a place of the hand-curated list (`data/places-extra.txt`: short forms, regions, features), which wins over the tagger's other label for the same words",
        examples: &[
            example!("Jets struck, and the U.S.-led coalition said so.", None, "U.S.", "PLACE"),
            example!("He was killed by US special forces.", None, "US", "PLACE"),
        ],
    },
    Rule {
        id: "entity/geonames-place",
        description: "a first-level region, or a larger town by another spelling, of GeoNames (`data/geonames.tsv`): the tagger never read these, so the list wins over its guess of a person or an organisation for the same words",
        examples: &[
            example!("Fighting spread across North Darfur on Monday.", None, "North Darfur", "PLACE"),
            example!("Deaths were reported in Zhejiang and Anhui.", None, "Zhejiang", "PLACE"),
        ],
    },
    Rule {
        id: "entity/known-person",
        description: "a person in the news (`data/people.txt`: heads of state and government, ministers, leaders of international bodies and armed groups), by full name or by a last name nothing else is, wherever the capital says nothing (`Putin met Erdogan`)",
        examples: &[
            example!("Putin met the delegation in Sochi on Friday.", None, "Putin", "PERSON"),
            example!("Guterres called for a ceasefire.", None, "Guterres", "PERSON"),
        ],
    },
    Rule {
        id: "entity/gazetteer-group",
        description: "a nationality or group of the lists (demonyms from world-countries, `data/groups.txt`) that the tagger left out",
        examples: &[
            example!("The South Sudanese army denied it.", None, "South Sudanese", "GROUP"),
            example!("South African troops arrived.", None, "South African", "GROUP"),
        ],
    },
    Rule {
        id: "entity/surname",
        description: "a surname alone after its full name in the document: a person's, whatever else it could be",
        examples: &[
            example!("Sgt. Thomas R. Dayton, 31, died. Dayton was born in Ohio.", None, "Dayton", "PERSON"),
            example!("Ozturk Says Demirtas Asked Him to Cooperate\nPresident Ali Ozturk and Selahattin Demirtas met.", None, "Demirtas", "PERSON"),
        ],
    },
    Rule {
        id: "entity/same-name",
        description: "one label for a name through the document: a name in a Title Case line, or one the tagger read otherwise, takes the label its other mentions have",
        examples: &[example!("Clashes Erupt Again in Sweida as Talks Stall\nClashes erupted again in Sweida on Sunday. Officials in Sweida said talks stalled.", None, "Sweida", "PLACE")],
    },
];
