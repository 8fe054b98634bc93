//! The lines the proposal's sections list, as data: names resolved, codes
//! kept as codes (each language names them), amounts exact.

use crate::domain::business::{Allocation, CanvasBlock, NamedStructure, Payer, PppFunction};
use crate::domain::business_view::RiskConsensus;
use crate::domain::dashboard::{Dashboard, PublicName};
use crate::domain::design::{
    BodyKind, DecisionRule, IatiRole, LogframeRow, PartneringStage, PppRole, Raci, RaciFlag, RiskBand,
};
use crate::domain::finance::{DscrSummary, Irr};
use crate::domain::model::*;
use crate::domain::money::{Currency, Money};
use crate::domain::schedule::ByYear;
use crate::domain::state::IssuedVersion;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::sections::{Gap, SectionId};

/// The whole proposal: `proposal.json` is this, serialised.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposal {
    pub schema: String,
    pub slug: String,
    pub title: String,
    pub programme: String,
    pub reporting_currency: Currency,
    /// The log position it was assembled at.
    pub log_version: u64,
    /// The issued version it is, when it is one.
    pub issued: Option<IssuedVersion>,
    pub narrative: Narrative,
    pub partners: Vec<PartnerLine>,
    pub logframe: [LogframeRow; 4],
    pub indicators: Vec<IndicatorLine>,
    pub phases: Vec<PhaseLine>,
    pub components: Vec<ComponentLine>,
    pub matrix: Matrix,
    pub bodies: Vec<BodyLine>,
    pub business: BusinessPart,
    /// The financing plan: the projected screen's figures (public, names
    /// masked), so the proposal and the dashboard agree to the cent.
    pub financing: Dashboard,
    pub by_year: ByYear,
    pub risks: Vec<RiskLine>,
    pub commitments: Vec<CommitmentLine>,
    /// What each section lacks, with the stage that fills it.
    pub missing: BTreeMap<SectionId, Vec<Gap>>,
}

/// The texts people wrote, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Narrative {
    pub summary: String,
    pub problem: String,
    pub rationale: String,
    pub scope: String,
    pub target_groups: String,
    pub goal: String,
    pub purpose: String,
    pub data_sharing: String,
    pub intellectual_property: String,
    pub exit_rules: String,
    pub dispute_rules: String,
    pub monitoring_evaluation: String,
    pub sustainability: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerLine {
    pub name: String,
    /// Its name in Chinese, where it has one: the Chinese rendering
    /// prints it first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_zh: Option<String>,
    pub kind: OrganisationType,
    pub group: PartnerGroup,
    pub country: String,
    pub city: Option<String>,
    pub iati_roles: Vec<IatiRole>,
    pub ppp_roles: Vec<PppRole>,
    pub stage: Option<PartneringStage>,
    pub letter_of_intent: Option<NaiveDate>,
    pub mou: Option<NaiveDate>,
    pub agreement: Option<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndicatorLine {
    /// "Goal", "Purpose", or the output's code.
    pub level: IndicatorLevel,
    pub name: String,
    pub unit: String,
    pub baseline: Option<Decimal>,
    pub baseline_year: Option<u16>,
    pub target: Option<Decimal>,
    pub target_year: Option<u16>,
    pub verification: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "level", rename_all = "snake_case")]
pub enum IndicatorLevel {
    Impact,
    Outcome,
    Output { code: String },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhaseLine {
    pub name: String,
    pub start_year: u16,
    pub end_year: u16,
    pub description: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComponentLine {
    pub code: String,
    pub title: String,
    pub description: String,
    pub lead: Option<String>,
    /// Its cost in the reporting currency (its yearly lines within the
    /// ceilings); `None` while it has none.
    pub cost: Option<Decimal>,
    pub yearly_cost: Vec<(u16, Decimal)>,
    pub outputs: Vec<String>,
    pub tfa: Vec<String>,
}

/// The responsibility matrix: one row per component, one column per partner
/// with a role in any.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Matrix {
    pub partners: Vec<String>,
    pub rows: Vec<MatrixRow>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatrixRow {
    pub component: String,
    pub cells: Vec<Option<Raci>>,
    pub flags: Vec<RaciFlag>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BodyLine {
    pub name: String,
    pub kind: BodyKind,
    pub members: Vec<String>,
    pub chair: Option<String>,
    pub decision_rule: DecisionRule,
    pub cadence: String,
}

/// Stage 3 as the proposal tells it; each part absent until the room has
/// given it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BusinessPart {
    pub structure: Option<StructureLine>,
    pub canvas: Vec<(CanvasBlock, Vec<String>)>,
    pub figures: Option<KeyFigures>,
    pub allocation: Vec<RiskConsensus>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StructureLine {
    pub named: NamedStructure,
    pub term_years: u16,
    pub private: Vec<PppFunction>,
    pub payer: Payer,
}

/// The projection's headline figures, in the reporting currency.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyFigures {
    pub first_year: u16,
    pub discount_rate_percent: Decimal,
    pub npv: Decimal,
    pub irr: Irr,
    pub payback_year: Option<u16>,
    pub dscr: Option<DscrSummary>,
    pub total_capex: Decimal,
    pub viability_gap: Decimal,
    /// Year by year: calendar year, revenue, costs (operating and capital),
    /// net.
    pub rows: Vec<CashFlowLine>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CashFlowLine {
    pub year: u16,
    pub revenue: Decimal,
    pub opex: Decimal,
    pub capex: Decimal,
    pub net: Decimal,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiskLine {
    pub number: usize,
    pub description: String,
    pub category: RiskCategory,
    pub likelihood: u8,
    pub impact: u8,
    pub band: RiskBand,
    /// Likelihood, impact and band after mitigation, where rated.
    pub residual: Option<(u8, u8, RiskBand)>,
    pub mitigation: String,
    pub owner: Option<String>,
    pub allocation: Option<Allocation>,
}

/// A commitment in the annex, named as the screen names it unless the
/// viewer may see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitmentLine {
    pub who: PublicName,
    pub money: Money,
    pub converted: Option<Decimal>,
    pub instrument: Instrument,
    pub status: CommitmentStatus,
    pub earmark: String,
    pub years: Vec<u16>,
}
