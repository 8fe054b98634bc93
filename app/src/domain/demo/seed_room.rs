//! The seed's room (shared/seed/aide-memoire.txt), added to the demo after
//! its first commands: the host and the capacity-building partners the
//! seed names, the cities as records with their UN/LOCODEs, components
//! attributed to cities, the executing agency (not the lender) accountable,
//! and agreements that agree with each partner's commitments.
//!
//! These commands come after the older ones, so a demo loaded before keeps
//! its keys: the older commands still send the template's first texts
//! (`as_first_published`), and these bring them up to date.

use super::*;

/// (number, name, Chinese name, IATI type, country, city)
type SeedOrganisation = (
    u128,
    &'static str,
    Option<&'static str>,
    OrganisationType,
    &'static str,
    &'static str,
);

/// The seed's organisations (ids 20..), with their Chinese names where
/// they have one we can vouch for.
const SEED: [SeedOrganisation; 6] = [
    (
        HOST,
        "Shanghai Municipal Informatization Commission",
        Some("上海市信息化委员会"),
        OrganisationType::LocalGovernment,
        "CN",
        "Shanghai",
    ),
    (
        CIFAL,
        "CIFAL Shanghai (Shanghai International Training Centre for Local Authorities)",
        None,
        OrganisationType::OtherPublicSector,
        "CN",
        "Shanghai",
    ),
    (
        UNITAR,
        "United Nations Institute for Training and Research (UNITAR)",
        Some("联合国训练研究所"),
        OrganisationType::Multilateral,
        "CH",
        "Geneva",
    ),
    (
        RCOCI,
        "Regional Cooperation Office for City Informatization (RCOCI)",
        None,
        OrganisationType::OtherPublicSector,
        "CN",
        "Shanghai",
    ),
    (
        CITYNET,
        "CITYNET (Regional Network of Local Authorities for the Management of Human Settlements)",
        None,
        OrganisationType::RegionalNgo,
        "KR",
        "Seoul",
    ),
    (
        UCLG_ASPAC,
        "United Cities and Local Governments Asia-Pacific (UCLG-ASPAC)",
        Some("世界城市和地方政府组织亚太区"),
        OrganisationType::RegionalNgo,
        "ID",
        "Jakarta",
    ),
];

pub(super) const HOST: u128 = 20;
pub(super) const CIFAL: u128 = 21;
pub(super) const UNITAR: u128 = 22;
pub(super) const RCOCI: u128 = 23;
pub(super) const CITYNET: u128 = 24;
pub(super) const UCLG_ASPAC: u128 = 25;

/// The demo's cities as records, by the number of the city's organisation
/// (`CITIES`): Chinese name and UN/LOCODE (Klang's port has its own code,
/// the city none of its own here).
const CITY_RECORDS: [(u128, &str, Option<&str>); 12] = [
    (1, "上海", Some("CNSHA")),
    (2, "釜山", Some("KRPUS")),
    (3, "曼谷", Some("THBKK")),
    (4, "胡志明市", Some("VNSGN")),
    (5, "雅加达", Some("IDJKT")),
    (6, "马尼拉", Some("PHMNL")),
    (7, "巴生", None),
    (8, "科伦坡", Some("LKCMB")),
    (9, "吉大港", Some("BDCGP")),
    (10, "卡拉奇", Some("PKKHI")),
    (11, "万象", Some("LAVTE")),
    (12, "乌兰巴托", Some("MNULN")),
];

/// The id of the city whose organisation is `CITIES`' n-th.
pub(super) fn city(n: u128) -> CityId {
    CityId(fixed(9, n))
}

/// The template's texts of the items the demo edited, as the template
/// first gave them, so the demo's first commands are what they always
/// were; `seed_room_commands` saves the corrected texts.
pub(super) fn as_first_published(items: &mut BTreeMap<ItemKey, DesignItem>, workshop: WorkshopId) {
    let first: [(u128, &str, &[&str]); 3] = [
        (1, "One entry point for trade documents in each city (UN/CEFACT Recommendation 33).", &["10.4"]),
        (2, "Common data sets and codes (UN/CEFACT Recommendation 34).", &[]),
        (4, "Exchange between the cities' single windows and with the ASEAN Single Window (UN/CEFACT Recommendation 36).", &["10.4", "11"]),
    ];
    for (n, description, tfa) in first {
        let key = ItemKey::Component {
            id: template::component_id(workshop, n),
        };
        if let Some(DesignItem::Component(c)) = items.get_mut(&key) {
            c.description = description.into();
            c.tfa = tfa.iter().map(|t| t.to_string()).collect();
        }
    }
    let key = ItemKey::Output {
        id: template::output_id(workshop, 1),
    };
    if let Some(DesignItem::Output(o)) = items.get_mut(&key) {
        o.title = "Single windows operating in the pilot cities".into();
    }
}

fn organisations() -> impl Iterator<Item = Command> {
    SEED.into_iter().map(|(n, name, name_zh, kind, country, city)| {
        Command::AddOrganisation(NewOrganisation {
            id: org(n),
            name: name.into(),
            name_zh: name_zh.map(String::from),
            kind,
            country: country.into(),
            city: Some(city.into()),
            financier: None,
            iati_ref: None,
        })
    })
}

fn cities() -> impl Iterator<Item = Command> {
    CITY_RECORDS.into_iter().map(|(n, name_zh, locode)| {
        let (_, country, name) = CITIES[n as usize - 1];
        Command::SaveCity(City {
            id: city(n),
            name: name.into(),
            name_zh: Some(name_zh.into()),
            country: country.into(),
            locode: locode.map(String::from),
            organisation: Some(org(n)),
        })
    })
}

/// The design as the demo left it, with the template's corrected texts,
/// and this room's changes: who leads, which cities each component is
/// carried out in, an indicator's values by city.
fn design(workshop: WorkshopId) -> Vec<DesignItem> {
    let mut items: BTreeMap<ItemKey, DesignItem> = design_items(false)
        .into_iter()
        .map(|item| (item.key(), item))
        .collect();
    let mut changed = Vec::new();
    let mut edit = |key: ItemKey, change: &dyn Fn(&mut DesignItem)| {
        if let Some(item) = items.get_mut(&key) {
            change(item);
            changed.push(item.clone());
        }
    };
    // Single windows in the four pilot cities, port community systems in
    // three, cargo tracking along one corridor; the rest is regional.
    // Capacity building belongs to CIFAL Shanghai and UNITAR; the
    // regional interoperability is executed by RCOCI, not its lender.
    let plan: [(u128, Option<u128>, &[u128]); 6] = [
        (1, None, &[1, 3, 6, 8]),
        (2, Some(HOST), &[]),
        (3, None, &[3, 6, 8]),
        (4, None, &[1, 2, 4]),
        (5, Some(CIFAL), &[]),
        (6, Some(RCOCI), &[]),
    ];
    for (n, lead, cities) in plan {
        edit(ItemKey::Component { id: component(n) }, &|item| {
            if let DesignItem::Component(c) = item {
                c.lead = lead.map(org).or(c.lead);
                c.cities = cities.iter().map(|n| city(*n)).collect();
            }
        });
    }
    edit(
        ItemKey::Output {
            id: template::output_id(workshop, 1),
        },
        &|_| {},
    );
    edit(
        ItemKey::Indicator {
            id: template::indicator_id(workshop, 5),
        },
        &|item| {
            if let DesignItem::Indicator(i) = item {
                let mut by_city: Vec<CityValues> =
                    [(1, "30", "15"), (3, "52", "26"), (6, "60", "30"), (8, "55", "28")]
                        .map(|(n, baseline, target)| CityValues {
                            city: city(n),
                            baseline: Some(dec(baseline)),
                            target: Some(dec(target)),
                        })
                        .into();
                by_city.sort_by_key(|v| v.city);
                i.by_city = by_city;
            }
        },
    );
    changed.extend(partnership());
    changed
}

/// Stage 2 as the seed's room has it: the executing agencies accountable,
/// the lenders consulted or informed, the host chairing, and where each
/// partner stands in agreeing, in step with its commitments.
pub(super) fn partnership() -> Vec<DesignItem> {
    let mut items: Vec<DesignItem> = [
        (
            HOST,
            vec![IatiRole::Accountable],
            vec![PppRole::ContractingAuthority],
        ),
        (CIFAL, vec![IatiRole::Implementing], vec![]),
        (UNITAR, vec![IatiRole::Implementing], vec![]),
        (RCOCI, vec![IatiRole::Extending, IatiRole::Implementing], vec![]),
    ]
    .map(|(who, iati, ppp)| {
        DesignItem::Roles(PartnerRoles {
            organisation: org(who),
            iati: iati.into_iter().collect(),
            ppp: ppp.into_iter().collect(),
        })
    })
    .into();
    items.extend(
        [
            (5, CIFAL, Raci::Accountable),
            (5, UNITAR, Raci::Responsible),
            (6, RCOCI, Raci::Accountable),
            (6, TRADE_BANK, Raci::Consulted),
            (6, HOST, Raci::Informed),
        ]
        .map(|(n, who, role)| {
            DesignItem::Responsibility(Responsibility {
                component: component(n),
                organisation: org(who),
                role: Some(role),
            })
        }),
    );
    items.push(DesignItem::Body(GovernanceBody {
        id: BodyId(fixed(5, 1)),
        kind: BodyKind::SteeringCommittee,
        name: "Programme steering committee".into(),
        members: [
            HOST, SHANGHAI, BANGKOK, MANILA, CITYNET, UCLG_ASPAC, TRADE_BANK, RIM_FUND,
        ]
        .map(org)
        .into_iter()
        .collect(),
        chair: Some(org(HOST)),
        decision_rule: DecisionRule::Consensus,
        cadence: "Twice a year".into(),
    }));
    items.push(DesignItem::Body(GovernanceBody {
        id: BodyId(fixed(5, 2)),
        kind: BodyKind::ProjectManagementUnit,
        name: "Project management unit".into(),
        members: [HOST, RCOCI, CIFAL, HARBOURLINE].map(org).into_iter().collect(),
        chair: Some(org(HOST)),
        decision_rule: DecisionRule::Majority,
        cadence: "Monthly".into(),
    }));
    let date = |m, d| NaiveDate::from_ymd_opt(2026, m, d);
    // (who, stage, letter of intent, MoU, agreement)
    let agreements = [
        (
            TRADE_BANK,
            PartneringStage::Resourcing,
            date(10, 15),
            date(11, 2),
            date(11, 9),
        ),
        (
            SHANGHAI,
            PartneringStage::Planning,
            date(9, 15),
            date(10, 20),
            None,
        ),
        (RIM_FUND, PartneringStage::Building, date(11, 12), None, None),
        (
            FOUNDATION,
            PartneringStage::Resourcing,
            date(9, 20),
            date(10, 30),
            date(11, 18),
        ),
        (
            SILK_BANK,
            PartneringStage::Planning,
            date(10, 1),
            date(11, 10),
            None,
        ),
        (COLOMBO, PartneringStage::Building, date(11, 3), None, None),
        (BANGKOK, PartneringStage::Identifying, None, None, None),
        (
            UNITAR,
            PartneringStage::Resourcing,
            date(9, 10),
            date(10, 12),
            None,
        ),
        (CIFAL, PartneringStage::Building, date(11, 6), None, None),
        (HOST, PartneringStage::Planning, date(9, 1), date(10, 20), None),
    ];
    items.extend(agreements.map(|(who, stage, letter_of_intent, mou, agreement)| {
        DesignItem::Agreement(Agreement {
            organisation: org(who),
            stage,
            letter_of_intent,
            mou,
            agreement,
        })
    }));
    items
}

/// The older commitments earmarked to a city by its name, now to its
/// record; and what CIFAL Shanghai and UNITAR put into capacity building,
/// in kind.
fn commitments() -> Vec<Command> {
    let by_number: BTreeMap<u128, NewCommitment> = super::commitments()
        .into_iter()
        .zip(1..)
        .map(|(commitment, n)| (n, commitment))
        .collect();
    let mut commands: Vec<Command> = [(7, 1), (8, 3), (9, 6), (10, 8)]
        .into_iter()
        .filter_map(|(n, city_number)| {
            let commitment = by_number.get(&n)?.clone();
            Some(Command::ReviseCommitment(NewCommitment {
                earmark: Earmark::City {
                    city: city(city_number),
                },
                ..commitment
            }))
        })
        .collect();
    let in_kind =
        |n: u128, who: u128, amount: &str, code: &str, instrument, status, note: &str| NewCommitment {
            id: CommitmentId(fixed(4, n)),
            organisation: org(who),
            money: money(amount, code),
            instrument,
            status,
            earmark: Earmark::Component {
                component: component(5),
            },
            years: vec![2027, 2028],
            conditions: String::new(),
            note: note.into(),
            public: true,
            loan_terms: None,
            schedule: Vec::new(),
        };
    commands.extend(
        [
            in_kind(
                11,
                UNITAR,
                "300000",
                "USD",
                Instrument::TechnicalAssistance,
                CommitmentStatus::MouSigned,
                "Trainers and e-learning courses on trade facilitation for city officials.",
            ),
            in_kind(
                12,
                CIFAL,
                "2000000",
                "CNY",
                Instrument::LandOrFacilities,
                CommitmentStatus::LetterOfIntent,
                "Training rooms and staff of the Shanghai centre.",
            ),
        ]
        .map(Command::RecordCommitment),
    );
    commands
}

/// The seed's room, command by command, after everything the demo did
/// before it.
pub(super) fn seed_room_commands(workshop: WorkshopId) -> Vec<Command> {
    let mut commands: Vec<Command> = organisations().chain(cities()).collect();
    commands.extend(
        design(workshop)
            .into_iter()
            .map(|item| Command::SaveItem { item, based_on: None }),
    );
    commands.extend(commitments());
    commands
}
