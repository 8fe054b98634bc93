//! The demo workshop: the customs-and-logistics programme of the afternoon
//! session (shared/seed/aide-memoire.txt). Cities are real places; every
//! company and financier is fictional and every amount illustrative.
//!
//! Ids are fixed so that loading the demo twice, or resuming a load that was
//! interrupted, sends the very same commands under the same idempotency keys.
//!
//! Longer than the house's 500 lines on purpose (allowed by name in
//! scripts/check-file-length.sh): it is data, one workshop told command by
//! command, and reads best in one piece.

mod business;
mod customs;
mod seed_room;

use super::command::*;
use super::design::*;
use super::idempotency::IdempotencyKey;
use super::ids::*;
use super::model::*;
use super::money::{Currency, Money};
use super::template;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::str::FromStr;
use uuid::Uuid;

pub const DEMO_SLUG: &str = "demo";

fn fixed(kind: u128, n: u128) -> Uuid {
    Uuid::from_u128(0x0000_0000_0000_4000_8000_0000_0000_0000 | (kind << 32) | n)
}

fn org(n: u128) -> OrganisationId {
    OrganisationId(fixed(1, n))
}

fn currency(code: &str) -> Currency {
    Currency::parse(code).expect("demo currencies are ISO 4217 codes")
}

fn money(amount: &str, code: &str) -> Money {
    Money::parse(amount, code).expect("demo amounts are valid")
}

fn dec(text: &str) -> Decimal {
    Decimal::from_str(text).expect("demo decimals are valid")
}

pub fn demo_workshop_id() -> WorkshopId {
    WorkshopId(fixed(0, 1))
}

const CITIES: [(&str, &str, &str); 12] = [
    ("Shanghai Municipal Commission of Commerce", "CN", "Shanghai"),
    ("Busan Metropolitan City", "KR", "Busan"),
    ("Bangkok Metropolitan Administration", "TH", "Bangkok"),
    ("Ho Chi Minh City People's Committee", "VN", "Ho Chi Minh City"),
    ("Jakarta Provincial Government", "ID", "Jakarta"),
    ("City of Manila", "PH", "Manila"),
    ("Klang Municipal Council", "MY", "Klang"),
    ("Colombo Municipal Council", "LK", "Colombo"),
    ("Chattogram City Corporation", "BD", "Chattogram"),
    ("Karachi Metropolitan Corporation", "PK", "Karachi"),
    ("Vientiane Capital Administration", "LA", "Vientiane"),
    ("Ulaanbaatar City Governor's Office", "MN", "Ulaanbaatar"),
];

const OTHERS: [(&str, OrganisationType, &str, Option<&str>); 7] = [
    (
        "Harbourline Data Systems",
        OrganisationType::PrivateSectorInAidRecipientCountry,
        "SG",
        Some("Singapore"),
    ),
    (
        "Meridian Freight Networks",
        OrganisationType::PrivateSectorInThirdCountry,
        "AU",
        Some("Sydney"),
    ),
    (
        "Lotus Port Operations",
        OrganisationType::PrivateSector,
        "TH",
        Some("Bangkok"),
    ),
    (
        "Asia-Pacific Trade Infrastructure Bank",
        OrganisationType::Multilateral,
        "PH",
        Some("Manila"),
    ),
    (
        "Pacific Rim Development Fund",
        OrganisationType::Multilateral,
        "JP",
        Some("Tokyo"),
    ),
    (
        "Silk Harbour Commercial Bank",
        OrganisationType::PrivateSector,
        "HK",
        Some("Hong Kong"),
    ),
    (
        "Open Trade Foundation",
        OrganisationType::Foundation,
        "CH",
        Some("Geneva"),
    ),
];

/// The organisations of the demo, cities first (ids 1..=12), then the
/// private partners and financiers (ids 13..).
fn organisations() -> Vec<NewOrganisation> {
    let cities = CITIES
        .iter()
        .map(|(name, country, city)| (*name, OrganisationType::LocalGovernment, *country, Some(*city)));
    cities
        .chain(OTHERS.iter().copied())
        .enumerate()
        .map(|(i, (name, kind, country, city))| NewOrganisation {
            id: org(i as u128 + 1),
            name: name.into(),
            name_zh: None,
            kind,
            country: country.into(),
            city: city.map(String::from),
            // A commercial bank is IATI type 70 but finances the programme.
            financier: name.contains("Commercial Bank").then_some(true),
            iati_ref: None,
        })
        .collect()
}

const SHANGHAI: u128 = 1;
const BANGKOK: u128 = 3;
const MANILA: u128 = 6;
const COLOMBO: u128 = 8;
const HARBOURLINE: u128 = 13;
const MERIDIAN: u128 = 14;
const LOTUS: u128 = 15;
const TRADE_BANK: u128 = 16;
const RIM_FUND: u128 = 17;
const SILK_BANK: u128 = 18;
const FOUNDATION: u128 = 19;

/// The demo's template components by the numbers the old demo gave them,
/// which its commitments still use: C1, C2, C5, C7, C11 and C4.
fn component(n: u128) -> ComponentId {
    let template_number = [1, 2, 5, 7, 11, 4][n as usize - 1];
    template::component_id(demo_workshop_id(), template_number)
}

/// Stage 1 started from the template, then partly filled in by the room;
/// stage 2 partly agreed. Every edit is a whole item, as the walk saves it.
/// `first_published`: with the template's texts as they first were, which
/// the demo's first commands keep (see `seed_room`).
fn design_items(first_published: bool) -> Vec<DesignItem> {
    let workshop = demo_workshop_id();
    let mut items: BTreeMap<ItemKey, DesignItem> = template::customs_logistics(workshop)
        .into_iter()
        .map(|item| (item.key(), item))
        .collect();
    if first_published {
        seed_room::as_first_published(&mut items, workshop);
    }
    let mut changed = Vec::new();
    let mut edit = |key: ItemKey, change: &dyn Fn(&mut DesignItem)| {
        let item = items.get_mut(&key).expect("a template item");
        change(item);
        changed.push(item.clone());
    };
    let costs = |amounts: [&str; 3]| -> Vec<CostLine> {
        amounts
            .iter()
            .zip(2027u16..)
            .map(|(amount, year)| CostLine {
                year,
                amount: money(amount, "USD"),
            })
            .collect()
    };
    for (n, lead, yearly) in [
        (1, HARBOURLINE, ["6000000", "9000000", "5000000"]),
        (2, SHANGHAI, ["1500000", "1000000", "500000"]),
        (3, LOTUS, ["4000000", "7000000", "4000000"]),
        (4, MERIDIAN, ["1000000", "2500000", "2000000"]),
        (5, FOUNDATION, ["800000", "900000", "700000"]),
        (6, TRADE_BANK, ["2000000", "4000000", "14000000"]),
    ] {
        edit(ItemKey::Component { id: component(n) }, &|item| {
            if let DesignItem::Component(c) = item {
                c.lead = Some(org(lead));
                c.yearly_cost = costs(yearly);
            }
        });
    }
    for (n, baseline, target) in [
        (1, "2.9", "3.4"),
        (5, "48", "24"),
        (7, "35", "90"),
        (9, "6.5", "3.5"),
        (11, "0", "1200"),
    ] {
        edit(
            ItemKey::Indicator {
                id: template::indicator_id(workshop, n),
            },
            &|item| {
                if let DesignItem::Indicator(i) = item {
                    i.baseline = Some(dec(baseline));
                    i.baseline_year = Some(2026);
                    i.target = Some(dec(target));
                    i.target_year = Some(2029);
                }
            },
        );
    }
    edit(
        ItemKey::Output {
            id: template::output_id(workshop, 1),
        },
        &|item| {
            if let DesignItem::Output(o) = item {
                o.assumptions = "Each pilot city's customs and port agencies agree to connect.".into();
            }
        },
    );
    for (n, owner) in [(1, SHANGHAI), (3, HARBOURLINE), (4, TRADE_BANK)] {
        edit(
            ItemKey::Risk {
                id: template::risk_id(workshop, n),
            },
            &|item| {
                if let DesignItem::Risk(r) = item {
                    r.owner = Some(org(owner));
                }
            },
        );
    }
    changed.extend(
        [
            (
                1,
                1,
                "A1.1",
                "Map procedures and data requirements in each pilot city",
                "Two analysts per city",
            ),
            (
                2,
                1,
                "A1.2",
                "Procure and configure the single-window platform",
                "Platform licence, integration team",
            ),
            (
                3,
                2,
                "A2.1",
                "Connect terminal operators and carriers to the port community system",
                "Interface specifications",
            ),
        ]
        .map(|(n, output, code, title, inputs)| {
            DesignItem::Activity(Activity {
                id: template::activity_id(workshop, n),
                output: template::output_id(workshop, output),
                code: code.into(),
                title: title.into(),
                inputs: inputs.into(),
                assumptions: String::new(),
            })
        }),
    );
    changed.extend(
        [
            (
                SHANGHAI,
                vec![IatiRole::Accountable],
                vec![PppRole::ContractingAuthority],
            ),
            (TRADE_BANK, vec![IatiRole::Funding], vec![PppRole::Lender]),
            (
                HARBOURLINE,
                vec![IatiRole::Implementing],
                vec![PppRole::TechnologyProvider],
            ),
            (LOTUS, vec![IatiRole::Implementing], vec![PppRole::Operator]),
            (RIM_FUND, vec![IatiRole::Funding], vec![PppRole::Guarantor]),
        ]
        .map(|(who, iati, ppp)| {
            DesignItem::Roles(PartnerRoles {
                organisation: org(who),
                iati: iati.into_iter().collect(),
                ppp: ppp.into_iter().collect(),
            })
        }),
    );
    // Partly agreed: C2's row still lacks its accountable partner, which
    // the matrix flags.
    changed.extend(
        [
            (1, SHANGHAI, Raci::Accountable),
            (1, HARBOURLINE, Raci::Responsible),
            (1, TRADE_BANK, Raci::Consulted),
            (2, HARBOURLINE, Raci::Responsible),
            (3, BANGKOK, Raci::Accountable),
            (3, LOTUS, Raci::Responsible),
            (6, TRADE_BANK, Raci::Accountable),
            (6, HARBOURLINE, Raci::Responsible),
            (6, MANILA, Raci::Informed),
        ]
        .map(|(n, who, role)| {
            DesignItem::Responsibility(Responsibility {
                component: component(n),
                organisation: org(who),
                role: Some(role),
            })
        }),
    );
    changed.push(DesignItem::Body(GovernanceBody {
        id: BodyId(fixed(5, 1)),
        kind: BodyKind::SteeringCommittee,
        name: "Programme steering committee".into(),
        members: [SHANGHAI, BANGKOK, MANILA, TRADE_BANK, RIM_FUND]
            .map(org)
            .into_iter()
            .collect(),
        chair: Some(org(SHANGHAI)),
        decision_rule: DecisionRule::Consensus,
        cadence: "Twice a year".into(),
    }));
    changed.push(DesignItem::Body(GovernanceBody {
        id: BodyId(fixed(5, 2)),
        kind: BodyKind::ProjectManagementUnit,
        name: "Project management unit".into(),
        members: [TRADE_BANK, HARBOURLINE].map(org).into_iter().collect(),
        chair: Some(org(TRADE_BANK)),
        decision_rule: DecisionRule::Majority,
        cadence: "Monthly".into(),
    }));
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
    changed.extend([
        DesignItem::Agreement(Agreement {
            organisation: org(TRADE_BANK),
            stage: PartneringStage::Building,
            letter_of_intent: date(2026, 10, 15),
            mou: None,
            agreement: None,
        }),
        DesignItem::Agreement(Agreement {
            organisation: org(HARBOURLINE),
            stage: PartneringStage::Planning,
            letter_of_intent: date(2026, 9, 1),
            mou: date(2026, 11, 20),
            agreement: None,
        }),
        DesignItem::Agreement(Agreement {
            organisation: org(SHANGHAI),
            stage: PartneringStage::Identifying,
            letter_of_intent: None,
            mou: None,
            agreement: None,
        }),
    ]);
    changed
}

fn rates() -> Vec<NewExchangeRate> {
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 2).expect("a real date");
    [
        ("EUR", "1.08"),
        ("CNY", "0.138"),
        ("JPY", "0.0067"),
        ("THB", "0.028"),
        ("PHP", "0.0172"),
    ]
    .iter()
    .map(|(code, rate)| NewExchangeRate {
        currency: currency(code),
        per_unit: dec(rate),
        as_of,
        source: "Illustrative rates set by the facilitator".into(),
    })
    .collect()
}

fn commitments() -> Vec<NewCommitment> {
    let commitment = |n: u128,
                      who: u128,
                      amount: &str,
                      code: &str,
                      instrument,
                      status,
                      earmark,
                      note: &str,
                      public: bool| NewCommitment {
        id: CommitmentId(fixed(4, n)),
        organisation: org(who),
        money: money(amount, code),
        instrument,
        status,
        earmark,
        years: vec![2027, 2028],
        conditions: String::new(),
        note: note.into(),
        public,
        loan_terms: None,
        schedule: Vec::new(),
    };
    let component = |n: u128| Earmark::Component {
        component: component(n),
    };
    use CommitmentStatus::*;
    use Instrument::*;
    vec![
        // A development bank's sovereign loan on ordinary terms.
        on_terms(
            commitment(
                1,
                TRADE_BANK,
                "40000000",
                "USD",
                Loan,
                IndicativePledge,
                Earmark::Programme,
                "Sovereign loans to the participating countries, subject to appraisal.",
                true,
            ),
            ("2.5", 20, 5),
        ),
        laid_out(
            commitment(
                2,
                TRADE_BANK,
                "2500000",
                "USD",
                Grant,
                FirmCommitment,
                component(5),
                "Technical-assistance grant for capacity building.",
                true,
            ),
            &[(2027, "1500000"), (2028, "1000000")],
        ),
        // A bilateral agency's concessional yen loan: low rate, long grace.
        on_terms(
            commitment(
                3,
                RIM_FUND,
                "1500000000",
                "JPY",
                Loan,
                LetterOfIntent,
                component(6),
                "Concessional loan for regional interoperability.",
                true,
            ),
            ("0.7", 30, 10),
        ),
        commitment(
            4,
            FOUNDATION,
            "1200000",
            "EUR",
            Grant,
            FirmCommitment,
            component(5),
            "",
            true,
        ),
        commitment(
            5,
            SILK_BANK,
            "10000000",
            "USD",
            Guarantee,
            MouSigned,
            component(3),
            "Partial credit guarantee for the port community systems.",
            false,
        ),
        commitment(
            6,
            HARBOURLINE,
            "8000000",
            "CNY",
            InKind,
            FirmCommitment,
            component(1),
            "Software licences and integration staff.",
            true,
        ),
        laid_out(
            commitment(
                7,
                SHANGHAI,
                "15000000",
                "CNY",
                Grant,
                FirmCommitment,
                Earmark::NamedCity {
                    city: "Shanghai".into(),
                },
                "Municipal co-financing of the Shanghai pilot.",
                true,
            ),
            &[(2027, "10000000"), (2028, "5000000")],
        ),
        commitment(
            8,
            BANGKOK,
            "20000000",
            "THB",
            Grant,
            IndicativePledge,
            Earmark::NamedCity {
                city: "Bangkok".into(),
            },
            "",
            true,
        ),
        commitment(
            9,
            MANILA,
            "45000000",
            "PHP",
            StaffTime,
            ExpressionOfInterest,
            Earmark::NamedCity {
                city: "Manila".into(),
            },
            "",
            true,
        ),
        commitment(
            10,
            COLOMBO,
            "500000",
            "USD",
            LandOrFacilities,
            LetterOfIntent,
            Earmark::NamedCity {
                city: "Colombo".into(),
            },
            "Office space for the project management unit.",
            true,
        ),
    ]
}

/// A commitment's amount by year.
fn laid_out(commitment: NewCommitment, years: &[(u16, &str)]) -> NewCommitment {
    NewCommitment {
        schedule: years
            .iter()
            .map(|(year, amount)| YearAmount {
                year: *year,
                amount: dec(amount),
            })
            .collect(),
        ..commitment
    }
}

/// A loan's terms: rate in percent, tenor and grace in years.
fn on_terms(commitment: NewCommitment, (rate, tenor, grace): (&str, u16, u16)) -> NewCommitment {
    NewCommitment {
        loan_terms: Some(LoanTerms {
            interest_rate_percent: dec(rate),
            tenor_years: tenor,
            grace_years: grace,
        }),
        ..commitment
    }
}

/// The demo as commands, each with its own idempotency key, in order.
/// The demo workshop as `roundtable demo` loads it, every command run at
/// `at`: the whole room without a database, for tests and documents.
pub fn demo_state(at: chrono::DateTime<chrono::Utc>) -> super::state::WorkshopState {
    let mut state = super::state::WorkshopState::default();
    for (_, command) in demo_commands() {
        if let Err(refused) = state.execute(&super::event::Actor::System, command, at) {
            panic!("the demo is accepted: {refused:?}");
        }
    }
    state
}

pub fn demo_commands() -> Vec<(IdempotencyKey, Command)> {
    let mut commands = vec![Command::CreateWorkshop(NewWorkshop {
        id: demo_workshop_id(),
        slug: DEMO_SLUG.into(),
        title: "Asia-Pacific cities: partnership afternoon".into(),
        programme: "Efficient Customs & Logistic Information".into(),
        reporting_currency: currency("USD"),
    })];
    commands.extend(organisations().into_iter().map(Command::AddOrganisation));
    commands.extend([
        (DesignField::Summary, "A regional programme that lets traders in twelve Asia-Pacific port and border cities lodge customs and logistics information once, electronically, and have it shared with every agency and partner that needs it."),
        (DesignField::Problem, "Clearing goods through the region's ports and borders takes days of paper-based, repeated submissions to many agencies; small traders bear most of the cost."),
        (DesignField::Goal, "Faster, cheaper and more transparent trade for the cities of the Asia-Pacific region."),
        (DesignField::Purpose, "Customs and logistics information flows electronically between traders, ports and agencies in the pilot cities and across borders."),
        (DesignField::Scope, "Twelve cities, their seaports and four land border crossings; pilot 2027, scale-up 2028, regional interoperability 2029."),
        (DesignField::Title, "Efficient Customs & Logistic Information for Asia-Pacific cities"),
        (DesignField::GoalAssumptions, "Governments keep trade facilitation among their priorities."),
        (DesignField::DataSharing, "Each agency keeps its data; the single windows share what a declaration needs, under each country's data-protection law."),
    ].map(|(field, text)| Command::SetDesignText(DesignText { field, text: text.into(), based_on: None })));
    commands.push(Command::StartDesign {
        start: DesignStart::CustomsLogistics,
    });
    commands.extend(
        design_items(true)
            .into_iter()
            .map(|item| Command::SaveItem { item, based_on: None }),
    );
    commands.extend(rates().into_iter().map(Command::SetExchangeRate));
    commands.extend(
        [
            (Stage::ProjectDesign, StageStatus::Open),
            (Stage::Partnership, StageStatus::Open),
            (Stage::Commitments, StageStatus::Open),
        ]
        .map(|(stage, status)| Command::SetStageStatus { stage, status }),
    );
    commands.extend(commitments().into_iter().map(Command::RecordCommitment));
    // Stage 3 came later: its commands go last, so the keys of a demo
    // loaded before it stay what they were.
    commands.push(Command::SetStageStatus {
        stage: Stage::BusinessModel,
        status: StageStatus::Open,
    });
    commands.extend(
        business::business_items(demo_workshop_id())
            .into_iter()
            .map(|item| Command::SaveItem { item, based_on: None }),
    );
    // The bank's technical-assistance grant is partly paid: paid is not committed.
    commands.push(Command::RecordDisbursement(NewDisbursement {
        id: DisbursementId(fixed(5, 1)),
        commitment: CommitmentId(fixed(4, 2)),
        date: NaiveDate::from_ymd_opt(2026, 11, 16).expect("a real date"),
        amount: dec("800000"),
    }));
    // The seed's room came later still: its commands go last too.
    commands.extend(seed_room::seed_room_commands(demo_workshop_id()));
    // The first organisations' Chinese names and the customs administration
    // came after the seed's room: last again.
    commands.extend(customs::customs_commands());
    commands
        .into_iter()
        .enumerate()
        .map(|(i, command)| (IdempotencyKey::demo(i), command))
        .collect()
}
