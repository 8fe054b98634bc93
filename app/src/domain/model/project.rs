//! Stage 1's project design: its texts, phases, results chain, components
//! and risks, with the rules each field keeps.

use super::city::{each_city_once, each_city_valued_once, CityValues};
use super::stage::Stage;
use crate::domain::ids::*;
use crate::domain::money::Money;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use validator::{Validate, ValidationError};

/// Narrative fields: stage 1's and 2's, and the proposal's own (edited by
/// facilitators only, on the proposal page).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DesignField {
    Summary,
    Problem,
    Rationale,
    Goal,
    Purpose,
    Scope,
    TargetGroups,
    Title,
    GoalAssumptions,
    PurposeAssumptions,
    DataSharing,
    IntellectualProperty,
    ExitRules,
    DisputeRules,
    Sustainability,
    MonitoringEvaluation,
}

/// Where an indicator sits in the results chain (IATI result types: 3
/// impact, 2 outcome, 1 output).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResultLevel {
    Impact,
    #[default]
    Outcome,
    Output(OutputId),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct Indicator {
    /// Absent from indicators given inside an older `OutputAdded`; the
    /// state derives one for those.
    #[serde(default)]
    pub id: IndicatorId,
    #[serde(default)]
    pub level: ResultLevel,
    #[validate(length(min = 1, max = 300))]
    pub name: String,
    #[validate(length(min = 1, max = 40))]
    pub unit: String,
    pub baseline: Option<Decimal>,
    #[serde(default)]
    #[validate(range(min = 1990, max = 2100))]
    pub baseline_year: Option<u16>,
    pub target: Option<Decimal>,
    #[validate(range(min = 2000, max = 2100))]
    pub target_year: Option<u16>,
    #[validate(length(max = 500))]
    pub means_of_verification: String,
    /// Its baseline and target in each participating city that has its
    /// own, beside the programme's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[validate(length(max = 200), custom(function = "each_city_valued_once"))]
    pub by_city: Vec<CityValues>,
    /// IATI's measure; indicators saved before it was asked count units.
    #[serde(default)]
    pub measure: IndicatorMeasure,
    /// IATI's ascending: whether a higher value is better (unless said, yes).
    #[serde(default = "higher_is_better")]
    pub ascending: bool,
}

fn higher_is_better() -> bool {
    true
}

/// IATI's IndicatorMeasure: what an indicator's values are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorMeasure {
    #[default]
    Unit,
    Percentage,
    Nominal,
    Ordinal,
    Qualitative,
}

impl IndicatorMeasure {
    pub const ALL: [IndicatorMeasure; 5] = [
        Self::Unit,
        Self::Percentage,
        Self::Nominal,
        Self::Ordinal,
        Self::Qualitative,
    ];

    pub fn iati_code(self) -> u8 {
        match self {
            Self::Unit => 1,
            Self::Percentage => 2,
            Self::Nominal => 3,
            Self::Ordinal => 4,
            Self::Qualitative => 5,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct Output {
    pub id: OutputId,
    #[validate(length(min = 1, max = 20))]
    pub code: String,
    #[validate(length(min = 1, max = 300))]
    pub title: String,
    #[serde(default)]
    #[validate(length(max = 2000))]
    pub assumptions: String,
    /// Indicators given with the output in older events; the state moves
    /// them to `ProjectDesign::indicators`, where each is edited alone.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[validate(nested, length(max = 50))]
    pub indicators: Vec<Indicator>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CostLine {
    pub year: u16,
    pub amount: Money,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct Component {
    pub id: ComponentId,
    #[validate(length(min = 1, max = 20))]
    pub code: String,
    #[validate(length(min = 1, max = 300))]
    pub title: String,
    #[validate(length(max = 5000))]
    pub description: String,
    pub lead: Option<OrganisationId>,
    /// At most one line a year, 2000 to 2100.
    #[validate(length(max = 101), custom(function = "valid_cost_years"))]
    pub yearly_cost: Vec<CostLine>,
    #[validate(length(max = 200))]
    pub outputs: Vec<OutputId>,
    /// WTO Trade Facilitation Agreement measures it implements ("7.1", …),
    /// each once.
    #[serde(default)]
    #[validate(length(max = 14), custom(function = "known_tfa_measures"))]
    pub tfa: Vec<String>,
    /// The participating cities it is carried out in: its cost is theirs,
    /// split evenly (`domain::cities`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[validate(length(max = 200), custom(function = "each_city_once"))]
    pub cities: Vec<CityId>,
}

/// How the room started stage 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DesignStart {
    Blank,
    CustomsLogistics,
}

/// A phase of the programme (pilot, scale-up, …); together they give its
/// duration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[validate(schema(function = "phase_years_in_order", skip_on_field_errors = true))]
pub struct Phase {
    pub id: PhaseId,
    #[validate(length(min = 1, max = 120))]
    pub name: String,
    #[validate(range(min = 2000, max = 2100))]
    pub start_year: u16,
    #[validate(range(min = 2000, max = 2100))]
    pub end_year: u16,
    #[validate(length(max = 1000))]
    pub description: String,
}

fn phase_years_in_order(phase: &Phase) -> Result<(), ValidationError> {
    if phase.end_year < phase.start_year {
        let mut error = ValidationError::new("end_before_start");
        error.add_param("field".into(), &"end_year");
        return Err(error);
    }
    Ok(())
}

/// The fourth row of the logframe: what is done to deliver an output.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct Activity {
    pub id: ActivityId,
    pub output: OutputId,
    #[validate(length(min = 1, max = 20))]
    pub code: String,
    #[validate(length(min = 1, max = 300))]
    pub title: String,
    /// The logframe's indicator column for activities: the means and inputs.
    #[validate(length(max = 1000))]
    pub inputs: String,
    #[validate(length(max = 2000))]
    pub assumptions: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RiskCategory {
    Political,
    Legal,
    Financial,
    Technical,
    Operational,
    Social,
    Environmental,
    /// Stage 3's project-finance risks: fewer users or lower fees than
    /// forecast, late or over-budget delivery, a currency mismatch between
    /// revenues and debt, and events beyond anyone's control.
    DemandAndRevenue,
    ConstructionAndCompletion,
    ForeignExchange,
    ForceMajeure,
}

impl RiskCategory {
    pub const ALL: [RiskCategory; 11] = [
        Self::Political,
        Self::Legal,
        Self::Financial,
        Self::Technical,
        Self::Operational,
        Self::Social,
        Self::Environmental,
        Self::DemandAndRevenue,
        Self::ConstructionAndCompletion,
        Self::ForeignExchange,
        Self::ForceMajeure,
    ];
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[validate(schema(function = "residual_within_inherent", skip_on_field_errors = true))]
pub struct Risk {
    pub id: RiskId,
    #[validate(length(min = 1, max = 500))]
    pub description: String,
    pub category: RiskCategory,
    /// 1 (rare) to 5 (almost certain).
    #[validate(range(min = 1, max = 5))]
    pub likelihood: u8,
    /// 1 (negligible) to 5 (severe).
    #[validate(range(min = 1, max = 5))]
    pub impact: u8,
    #[validate(length(max = 2000))]
    pub mitigation: String,
    pub owner: Option<OrganisationId>,
    /// The rating left once the mitigation is in place, on the same
    /// scales; both or neither. Absent from risks saved before it was asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(range(min = 1, max = 5))]
    pub residual_likelihood: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(range(min = 1, max = 5))]
    pub residual_impact: Option<u8>,
}

impl Risk {
    pub fn score(&self) -> u8 {
        self.likelihood * self.impact
    }

    /// (likelihood, impact) after mitigation, when both are rated.
    pub fn residual(&self) -> Option<(u8, u8)> {
        self.residual_likelihood.zip(self.residual_impact)
    }
}

/// A residual rating has both scales, and a mitigation never makes a risk
/// more likely or more harmful than it was.
fn residual_within_inherent(risk: &Risk) -> Result<(), ValidationError> {
    let problem = |code: &'static str, field: &'static str| {
        let mut error = ValidationError::new(code);
        error.add_param("field".into(), &field);
        Err(error)
    };
    match (risk.residual_likelihood, risk.residual_impact) {
        (None, None) => Ok(()),
        (Some(_), None) => problem("required", "residual_impact"),
        (None, Some(_)) => problem("required", "residual_likelihood"),
        (Some(likelihood), _) if likelihood > risk.likelihood => {
            problem("residual_above_inherent", "residual_likelihood")
        }
        (_, Some(impact)) if impact > risk.impact => problem("residual_above_inherent", "residual_impact"),
        _ => Ok(()),
    }
}

pub fn valid_cost_years(lines: &[CostLine]) -> Result<(), ValidationError> {
    let mut years = BTreeSet::new();
    for line in lines {
        if !(2000..=2100).contains(&line.year) {
            return Err(ValidationError::new("year_range"));
        }
        if !years.insert(line.year) {
            return Err(ValidationError::new("duplicate_year"));
        }
        if line.amount.amount < rust_decimal::Decimal::ZERO {
            return Err(ValidationError::new("not_negative"));
        }
        crate::domain::limits::amount_within_ceiling(&line.amount.amount)?;
    }
    Ok(())
}

/// WTO Trade Facilitation Agreement measures a component can cite, by
/// article; the ones a customs-and-logistics programme usually touches
/// (the Agreement has more).
pub const TFA_MEASURES: [(&str, &str); 14] = [
    ("6.2", "Fees and charges for customs processing"),
    ("7.1", "Pre-arrival processing"),
    ("7.2", "Electronic payment"),
    ("7.4", "Risk management"),
    ("7.5", "Post-clearance audit"),
    ("7.6", "Average release times"),
    ("7.7", "Authorised operators"),
    ("8", "Border agency cooperation"),
    ("10.1", "Formalities and documentation requirements"),
    ("10.2", "Acceptance of copies"),
    ("10.3", "Use of international standards"),
    ("10.4", "Single window"),
    ("11", "Freedom of transit"),
    ("23.2", "National trade facilitation committee"),
];

pub fn known_tfa_measures(codes: &[String]) -> Result<(), ValidationError> {
    codes
        .iter()
        .all(|code| TFA_MEASURES.iter().any(|(known, _)| known == code))
        .then_some(())
        .ok_or_else(|| ValidationError::new("unknown_tfa_measure"))
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectDesign {
    #[serde(default)]
    pub title: String,
    pub summary: String,
    pub problem: String,
    pub rationale: String,
    pub goal: String,
    #[serde(default)]
    pub goal_assumptions: String,
    pub purpose: String,
    #[serde(default)]
    pub purpose_assumptions: String,
    pub scope: String,
    pub target_groups: String,
    /// How the room started the design: from a template, or blank.
    #[serde(default)]
    pub start: Option<DesignStart>,
    #[serde(default)]
    pub phases: Vec<Phase>,
    pub outputs: Vec<Output>,
    #[serde(default)]
    pub activities: Vec<Activity>,
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    pub components: Vec<Component>,
    #[serde(default)]
    pub risks: Vec<Risk>,
    /// Stage 2's short rules, edited as text.
    #[serde(default)]
    pub data_sharing: String,
    #[serde(default)]
    pub intellectual_property: String,
    #[serde(default)]
    pub exit_rules: String,
    #[serde(default)]
    pub dispute_rules: String,
    /// The proposal's own narrative.
    #[serde(default)]
    pub sustainability: String,
    #[serde(default)]
    pub monitoring_evaluation: String,
}

impl DesignField {
    pub const ALL: [DesignField; 16] = [
        Self::Title,
        Self::Summary,
        Self::Problem,
        Self::Rationale,
        Self::Scope,
        Self::TargetGroups,
        Self::Goal,
        Self::GoalAssumptions,
        Self::Purpose,
        Self::PurposeAssumptions,
        Self::DataSharing,
        Self::IntellectualProperty,
        Self::ExitRules,
        Self::DisputeRules,
        Self::Sustainability,
        Self::MonitoringEvaluation,
    ];

    /// The stage whose walk edits the field; `None` for the proposal's own
    /// narrative, which only facilitators write.
    pub fn stage(self) -> Option<Stage> {
        match self {
            Self::DataSharing | Self::IntellectualProperty | Self::ExitRules | Self::DisputeRules => {
                Some(Stage::Partnership)
            }
            Self::Sustainability | Self::MonitoringEvaluation => None,
            _ => Some(Stage::ProjectDesign),
        }
    }
}

impl ProjectDesign {
    pub fn text(&self, field: DesignField) -> &str {
        match field {
            DesignField::Summary => &self.summary,
            DesignField::Problem => &self.problem,
            DesignField::Rationale => &self.rationale,
            DesignField::Goal => &self.goal,
            DesignField::Purpose => &self.purpose,
            DesignField::Scope => &self.scope,
            DesignField::TargetGroups => &self.target_groups,
            DesignField::DisputeRules => &self.dispute_rules,
            DesignField::ExitRules => &self.exit_rules,
            DesignField::IntellectualProperty => &self.intellectual_property,
            DesignField::DataSharing => &self.data_sharing,
            DesignField::PurposeAssumptions => &self.purpose_assumptions,
            DesignField::GoalAssumptions => &self.goal_assumptions,
            DesignField::Title => &self.title,
            DesignField::Sustainability => &self.sustainability,
            DesignField::MonitoringEvaluation => &self.monitoring_evaluation,
        }
    }

    pub fn text_mut(&mut self, field: DesignField) -> &mut String {
        match field {
            DesignField::Summary => &mut self.summary,
            DesignField::Problem => &mut self.problem,
            DesignField::Rationale => &mut self.rationale,
            DesignField::Goal => &mut self.goal,
            DesignField::Purpose => &mut self.purpose,
            DesignField::Scope => &mut self.scope,
            DesignField::TargetGroups => &mut self.target_groups,
            DesignField::DisputeRules => &mut self.dispute_rules,
            DesignField::ExitRules => &mut self.exit_rules,
            DesignField::IntellectualProperty => &mut self.intellectual_property,
            DesignField::DataSharing => &mut self.data_sharing,
            DesignField::PurposeAssumptions => &mut self.purpose_assumptions,
            DesignField::GoalAssumptions => &mut self.goal_assumptions,
            DesignField::Title => &mut self.title,
            DesignField::Sustainability => &mut self.sustainability,
            DesignField::MonitoringEvaluation => &mut self.monitoring_evaluation,
        }
    }
}
