//! The built-in customs-and-logistics template: components citing UN/CEFACT
//! recommendations (33 the national single window the cities connect to,
//! 34 data, 35 its legal framework on the UNCITRAL model laws, 36
//! interoperability), WTO Trade Facilitation Agreement articles and the
//! Framework Agreement on Facilitation of Cross-border Paperless Trade in
//! Asia and the Pacific; the field's KPIs (the LPI and its six components,
//! time and cost to comply for exports and imports, border and documentary,
//! B-READY, the UN Global Survey, the OECD Trade Facilitation Indicators);
//! phases and risks. The room edits all of it.
//!
//! Ids are derived from the workshop's id, so the same template started in
//! the same workshop always makes the same items (the demo relies on it).

use super::design::*;
use super::ids::*;
use super::model::*;
use uuid::Uuid;

/// The id of the template's n-th item of a kind in a workshop.
fn derived(workshop: WorkshopId, kind: u128, n: u128) -> Uuid {
    Uuid::from_u128(workshop.0.as_u128() ^ (0x7e_0000 | (kind << 8) | n))
}

pub fn component_id(workshop: WorkshopId, n: u128) -> ComponentId {
    ComponentId(derived(workshop, 1, n))
}

pub fn output_id(workshop: WorkshopId, n: u128) -> OutputId {
    OutputId(derived(workshop, 2, n))
}

pub fn indicator_id(workshop: WorkshopId, n: u128) -> IndicatorId {
    IndicatorId(derived(workshop, 3, n))
}

pub fn phase_id(workshop: WorkshopId, n: u128) -> PhaseId {
    PhaseId(derived(workshop, 4, n))
}

pub fn risk_id(workshop: WorkshopId, n: u128) -> RiskId {
    RiskId(derived(workshop, 5, n))
}

pub fn activity_id(workshop: WorkshopId, n: u128) -> ActivityId {
    ActivityId(derived(workshop, 6, n))
}

/// (code, title, description, TFA measures, outputs by number)
type TemplateComponent = (
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [u128],
);

const COMPONENTS: [TemplateComponent; 12] = [
    ("C1", "National single windows", "A national single window (UN/CEFACT Recommendation 33): one entry point where traders lodge standardised information and documents once for every border agency. Each participating city's traders, port and agencies connect to their country's single window; the customs administration is usually a lead partner.", &["8", "10.4"], &[1]),
    ("C2", "Data harmonisation to the WCO Data Model", "Common data sets and codes (UN/CEFACT Recommendation 34), so each document asks only for what the agencies need.", &["10.1", "10.3"], &[1]),
    ("C3", "Legal framework of the single window", "The single window's legal framework (UN/CEFACT Recommendation 35): legal recognition of electronic documents and signatures on the UNCITRAL model laws (Electronic Commerce, Electronic Signatures, Electronic Transferable Records), data protection, liability and the acceptance of copies.", &["10.2"], &[4]),
    ("C4", "Cross-border single-window interoperability", "Exchange between the countries' single windows and with the ASEAN Single Window (UN/CEFACT Recommendation 36), under the Framework Agreement on Facilitation of Cross-border Paperless Trade in Asia and the Pacific.", &["8", "10.4", "11"], &[4]),
    ("C5", "Port community systems", "Shared platforms linking ports, carriers, forwarders and customs.", &[], &[2]),
    ("C6", "Customs automation", "ASYCUDA World or an equivalent customs management system, with the national customs administration.", &["7.1"], &[1]),
    ("C7", "Cargo tracking and tracing", "End-to-end visibility of consignments along the corridors, including transit.", &["11"], &[2]),
    ("C8", "Risk management and authorised economic operators", "Selective inspection based on risk, post-clearance audit and an AEO programme, run by the customs administration.", &["7.4", "7.5", "7.7"], &[1]),
    ("C9", "Pre-arrival processing and e-payment", "Lodging documents before arrival, and paying published duties, fees and charges electronically.", &["6.2", "7.1", "7.2"], &[1]),
    ("C10", "Trade-facilitation committee secretariat", "Support to the national trade-facilitation committees, and to the countries' accession to and implementation of the Framework Agreement on Facilitation of Cross-border Paperless Trade in Asia and the Pacific.", &["23.2"], &[]),
    ("C11", "Capacity building", "Training for customs officials, city staff and small traders.", &[], &[3]),
    ("C12", "City logistics observatory", "Regular measurement of release times and logistics performance in each city.", &["7.6"], &[]),
];

const OUTPUTS: [(&str, &str); 4] = [
    (
        "1.1",
        "The pilot cities' traders, ports and agencies connected to their national single windows",
    ),
    ("1.2", "Port community systems exchange data with customs"),
    ("1.3", "Officials and traders trained on the new procedures"),
    ("1.4", "Single windows exchange data across borders"),
];

/// Time and cost to comply, the World Bank's measure of border and
/// documentary compliance for exports and imports (Doing Business, which
/// published it, was discontinued in 2021; B-READY's international trade
/// topic measures it now).
const COMPLIANCE: &str = "World Bank B-READY (international trade); Time Release Studies between editions";

/// The Logistics Performance Index's survey, for its overall score and its
/// six components.
const LPI: &str = "World Bank LPI survey";

/// (name, unit, level: 0 impact, 1 outcome, n output n - 1, means of
/// verification). Ids follow the position, so new KPIs go last.
const KPIS: [(&str, &str, u128, &str); 26] = [
    ("Logistics Performance Index, overall score", "score 1–5", 0, LPI),
    ("Time to export: border compliance", "hours", 0, COMPLIANCE),
    ("Cost to export: border compliance", "USD", 0, COMPLIANCE),
    ("Time to import: documentary compliance", "hours", 0, COMPLIANCE),
    (
        "Average release time (WCO Time Release Study)",
        "hours",
        1,
        "Time Release Studies",
    ),
    (
        "Physical inspection rate",
        "%",
        1,
        "Customs risk-management records",
    ),
    (
        "Share of declarations lodged electronically",
        "%",
        1,
        "Customs statistics",
    ),
    (
        "Agencies connected to the single window",
        "agencies",
        2,
        "Single-window operator reports",
    ),
    ("Container dwell time", "days", 3, "Port operator records"),
    ("Vessel turnaround time", "hours", 3, "Port operator records"),
    ("People trained", "people", 4, "Training attendance records"),
    (
        "Cross-border messages exchanged per month",
        "messages",
        5,
        "Single-window exchange logs",
    ),
    ("Time to export: documentary compliance", "hours", 0, COMPLIANCE),
    ("Cost to export: documentary compliance", "USD", 0, COMPLIANCE),
    ("Time to import: border compliance", "hours", 0, COMPLIANCE),
    ("Cost to import: border compliance", "USD", 0, COMPLIANCE),
    ("Cost to import: documentary compliance", "USD", 0, COMPLIANCE),
    ("LPI: customs", "score 1–5", 0, LPI),
    ("LPI: infrastructure", "score 1–5", 0, LPI),
    ("LPI: international shipments", "score 1–5", 0, LPI),
    ("LPI: logistics competence and quality", "score 1–5", 0, LPI),
    ("LPI: timeliness", "score 1–5", 0, LPI),
    ("LPI: tracking and tracing", "score 1–5", 0, LPI),
    (
        "B-READY international trade score",
        "score 0–100",
        0,
        "World Bank Business Ready (B-READY) report",
    ),
    (
        "Digital and sustainable trade facilitation implementation",
        "% of measures",
        0,
        "UN Global Survey on Digital and Sustainable Trade Facilitation",
    ),
    (
        "OECD Trade Facilitation Indicators, average",
        "score 0–2",
        0,
        "OECD Trade Facilitation Indicators",
    ),
];

const PHASES: [(&str, u16, u16, &str); 3] = [
    (
        "Pilot",
        2027,
        2027,
        "Single windows and port community systems in the pilot cities.",
    ),
    ("Scale-up", 2028, 2028, "All participating cities connected."),
    (
        "Regional interoperability",
        2029,
        2029,
        "Cross-border exchange between the cities' systems.",
    ),
];

const RISKS: [(&str, RiskCategory, u8, u8, &str); 4] = [
    (
        "Agencies do not share data with the single window",
        RiskCategory::Political,
        3,
        4,
        "Trade-facilitation committees agree data-sharing rules before the pilot.",
    ),
    (
        "Laws do not yet recognise electronic documents",
        RiskCategory::Legal,
        3,
        3,
        "Component C3 drafts the amendments in the first year.",
    ),
    (
        "Systems of different vendors cannot exchange data",
        RiskCategory::Technical,
        2,
        4,
        "WCO Data Model and UN/CEFACT standards are required in every procurement.",
    ),
    (
        "Small traders cannot afford the fees",
        RiskCategory::Financial,
        3,
        3,
        "A free tier for small traders in the business model.",
    ),
];

/// Everything the template puts in an empty design, in order. The
/// customs administration is the partner most of it needs; the room adds
/// its own organisations.
pub fn customs_logistics(workshop: WorkshopId) -> Vec<DesignItem> {
    let mut items = Vec::new();
    items.extend(
        PHASES
            .iter()
            .zip(1..)
            .map(|((name, start, end, description), n)| {
                DesignItem::Phase(Phase {
                    id: phase_id(workshop, n),
                    name: (*name).into(),
                    start_year: *start,
                    end_year: *end,
                    description: (*description).into(),
                })
            }),
    );
    items.extend(OUTPUTS.iter().zip(1..).map(|((code, title), n)| {
        DesignItem::Output(Output {
            id: output_id(workshop, n),
            code: (*code).into(),
            title: (*title).into(),
            assumptions: String::new(),
            indicators: Vec::new(),
        })
    }));
    items.extend(
        KPIS.iter()
            .zip(1..)
            .map(|((name, unit, level, verification), n)| {
                DesignItem::Indicator(Indicator {
                    id: indicator_id(workshop, n),
                    level: match level {
                        0 => ResultLevel::Impact,
                        1 => ResultLevel::Outcome,
                        output => ResultLevel::Output(output_id(workshop, output - 1)),
                    },
                    name: (*name).into(),
                    unit: (*unit).into(),
                    baseline: None,
                    baseline_year: None,
                    target: None,
                    target_year: None,
                    means_of_verification: (*verification).into(),
                    by_city: Vec::new(),
                    measure: IndicatorMeasure::Unit,
                    ascending: true,
                })
            }),
    );
    items.extend(
        COMPONENTS
            .iter()
            .zip(1..)
            .map(|((code, title, description, tfa, outputs), n)| {
                DesignItem::Component(Component {
                    id: component_id(workshop, n),
                    code: (*code).into(),
                    title: (*title).into(),
                    description: (*description).into(),
                    lead: None,
                    yearly_cost: Vec::new(),
                    outputs: outputs.iter().map(|o| output_id(workshop, *o)).collect(),
                    tfa: tfa.iter().map(|t| (*t).to_string()).collect(),
                    cities: Vec::new(),
                })
            }),
    );
    items.extend(RISKS.iter().zip(1..).map(
        |((description, category, likelihood, impact, mitigation), n)| {
            DesignItem::Risk(Risk {
                id: risk_id(workshop, n),
                description: (*description).into(),
                category: *category,
                likelihood: *likelihood,
                impact: *impact,
                mitigation: (*mitigation).into(),
                owner: None,
                residual_likelihood: None,
                residual_impact: None,
            })
        },
    ));
    items
}
