//! The demo workshop: the customs-and-logistics programme of the afternoon
//! session (shared/seed/aide-memoire.txt). Cities are real places; every
//! company and financier is fictional and every amount illustrative.
//!
//! Ids are fixed so that loading the demo twice, or resuming a load that was
//! interrupted, sends the very same commands under the same idempotency keys.

use super::command::*;
use super::ids::*;
use super::model::*;
use super::money::{Currency, Money};
use chrono::NaiveDate;
use rust_decimal::Decimal;
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
            kind,
            country: country.into(),
            city: city.map(String::from),
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

fn outputs() -> Vec<NewOutput> {
    let indicator = |name: &str, unit: &str, baseline: &str, target: &str, mov: &str| NewIndicator {
        name: name.into(),
        unit: unit.into(),
        baseline: dec(baseline),
        target: dec(target),
        target_year: 2029,
        means_of_verification: mov.into(),
    };
    vec![
        NewOutput {
            id: OutputId(fixed(2, 1)),
            code: "1.1".into(),
            title: "Single windows operating in the pilot cities".into(),
            indicators: vec![
                indicator(
                    "Average release time (WCO Time Release Study)",
                    "hours",
                    "48",
                    "24",
                    "Time Release Studies in 2026 and 2029",
                ),
                indicator(
                    "Share of declarations lodged electronically",
                    "%",
                    "35",
                    "90",
                    "Customs statistics",
                ),
            ],
        },
        NewOutput {
            id: OutputId(fixed(2, 2)),
            code: "1.2".into(),
            title: "Port community systems exchange data with customs".into(),
            indicators: vec![indicator(
                "Container dwell time",
                "days",
                "6.5",
                "3.5",
                "Port operator records",
            )],
        },
        NewOutput {
            id: OutputId(fixed(2, 3)),
            code: "1.3".into(),
            title: "Officials and traders trained on the new procedures".into(),
            indicators: vec![indicator(
                "People trained",
                "people",
                "0",
                "1200",
                "Training attendance records",
            )],
        },
    ]
}

fn components() -> Vec<NewComponent> {
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
    let component = |n: u128,
                     code: &str,
                     title: &str,
                     description: &str,
                     lead: u128,
                     yearly: [&str; 3],
                     outputs: Vec<u128>| NewComponent {
        id: ComponentId(fixed(3, n)),
        code: code.into(),
        title: title.into(),
        description: description.into(),
        lead: Some(org(lead)),
        yearly_cost: costs(yearly),
        outputs: outputs.into_iter().map(|o| OutputId(fixed(2, o))).collect(),
    };
    vec![
        component(
            1,
            "C1",
            "National single windows",
            "Single-window services per UN/CEFACT Recommendation 33 (TFA Art. 10.4) in each pilot city.",
            HARBOURLINE,
            ["6000000", "9000000", "5000000"],
            vec![1],
        ),
        component(
            2,
            "C2",
            "Data harmonisation to the WCO Data Model",
            "Common data sets per UN/CEFACT Recommendation 34.",
            SHANGHAI,
            ["1500000", "1000000", "500000"],
            vec![1],
        ),
        component(
            3,
            "C3",
            "Port community systems",
            "Shared platforms linking ports, carriers, forwarders and customs.",
            LOTUS,
            ["4000000", "7000000", "4000000"],
            vec![2],
        ),
        component(
            4,
            "C4",
            "Cargo tracking and tracing",
            "End-to-end visibility across the corridor, including transit (TFA Art. 11).",
            MERIDIAN,
            ["1000000", "2500000", "2000000"],
            vec![2],
        ),
        component(
            5,
            "C5",
            "Capacity building",
            "Training for customs officials, city staff and small traders.",
            FOUNDATION,
            ["800000", "900000", "700000"],
            vec![3],
        ),
        component(
            6,
            "C6",
            "Regional interoperability",
            "Cross-border single-window exchange per Recommendation 36.",
            TRADE_BANK,
            ["2000000", "4000000", "14000000"],
            vec![1, 2],
        ),
    ]
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
    };
    let component = |n: u128| Earmark::Component {
        component: ComponentId(fixed(3, n)),
    };
    use CommitmentStatus::*;
    use Instrument::*;
    vec![
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
        commitment(
            7,
            SHANGHAI,
            "15000000",
            "CNY",
            Grant,
            FirmCommitment,
            Earmark::City {
                city: "Shanghai".into(),
            },
            "Municipal co-financing of the Shanghai pilot.",
            true,
        ),
        commitment(
            8,
            BANGKOK,
            "20000000",
            "THB",
            Grant,
            IndicativePledge,
            Earmark::City {
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
            Earmark::City {
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
            Earmark::City {
                city: "Colombo".into(),
            },
            "Office space for the project management unit.",
            true,
        ),
    ]
}

/// The demo as commands, each with its own idempotency key, in order.
pub fn demo_commands() -> Vec<(String, Command)> {
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
    ].map(|(field, text)| Command::SetDesignText(DesignText { field, text: text.into(), based_on: None })));
    commands.extend(outputs().into_iter().map(Command::AddOutput));
    commands.extend(components().into_iter().map(Command::AddComponent));
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
    commands
        .into_iter()
        .enumerate()
        .map(|(i, command)| (format!("demo:{i:03}"), command))
        .collect()
}
