//! What the design reads as: the responsibility matrix's flags, the 5x5
//! risk matrix, the programme's years, and the logframe.

use super::partnership::{Partnership, Raci};
use crate::domain::ids::*;
use crate::domain::model::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// What a component's row of the responsibility matrix lacks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RaciFlag {
    NoAccountable,
    SeveralAccountable,
    NoResponsible,
}

/// The flags of each component, in the design's order: exactly one A and at
/// least one R per component, an "A/R" cell counting as both.
pub fn raci_flags(design: &ProjectDesign, partnership: &Partnership) -> Vec<(ComponentId, Vec<RaciFlag>)> {
    design
        .components
        .iter()
        .map(|component| {
            let roles: Vec<Raci> = partnership
                .responsibilities
                .iter()
                .filter(|r| r.component == component.id)
                .filter_map(|r| r.role)
                .collect();
            let accountable = roles.iter().filter(|r| r.is_accountable()).count();
            let mut flags = Vec::new();
            match accountable {
                0 => flags.push(RaciFlag::NoAccountable),
                1 => {}
                _ => flags.push(RaciFlag::SeveralAccountable),
            }
            if !roles.iter().any(|r| r.is_responsible()) {
                flags.push(RaciFlag::NoResponsible);
            }
            (component.id, flags)
        })
        .collect()
}

/// Which of a risk's ratings a matrix places: as it stands (inherent), or
/// what is left once its mitigation is in place (residual).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    Inherent,
    Residual,
}

/// A risk's (likelihood, impact) in `rating`; a residual one only once rated.
pub fn rated(risk: &Risk, rating: Rating) -> Option<(u8, u8)> {
    match rating {
        Rating::Inherent => Some((risk.likelihood, risk.impact)),
        Rating::Residual => risk.residual(),
    }
}

/// The 5×5 matrix: `cells[likelihood - 1][impact - 1]` holds the positions
/// (in the design's list, from 0) of the risks rated there in `rating`.
pub fn risk_matrix(risks: &[Risk], rating: Rating) -> [[Vec<usize>; 5]; 5] {
    let mut cells: [[Vec<usize>; 5]; 5] = Default::default();
    for (n, (likelihood, impact)) in risks
        .iter()
        .enumerate()
        .filter_map(|(n, risk)| rated(risk, rating).map(|r| (n, r)))
    {
        if (1..=5).contains(&likelihood) && (1..=5).contains(&impact) {
            cells[usize::from(likelihood - 1)][usize::from(impact - 1)].push(n);
        }
    }
    cells
}

/// How a cell of the matrix reads: the usual three bands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RiskBand {
    Low,
    Medium,
    High,
}

/// The matrix's named cells, `BANDS[likelihood - 1][impact - 1]`, as a
/// risk register prints it. It is the score's bands (likelihood × impact:
/// 1–4 low, 5–12 medium, 15–25 high) with impact weighed above likelihood:
/// a catastrophic impact (5) is high however rare, and a major one (4) at
/// least medium, because "unlikely" is no plan for a loss the programme
/// cannot survive. Every row and column only rises (docs/RISKS.md).
const BANDS: [[RiskBand; 5]; 5] = {
    use RiskBand::{High as H, Low as L, Medium as M};
    [
        // impact:  1  2  3  4  5
        [L, L, L, M, H], // likelihood 1, rare
        [L, L, M, M, H], // 2, unlikely
        [L, M, M, M, H], // 3, possible
        [L, M, M, H, H], // 4, likely
        [M, M, H, H, H], // 5, almost certain
    ]
};

/// The band of a cell; a rating outside 1..=5 is read at the nearest edge
/// (the validator refuses one, but an old log is folded whatever it holds).
pub fn risk_band(likelihood: u8, impact: u8) -> RiskBand {
    let at = |v: u8| usize::from(v.clamp(1, 5) - 1);
    BANDS[at(likelihood)][at(impact)]
}

/// The programme's first and last year, from its phases.
pub fn duration(phases: &[Phase]) -> Option<(u16, u16)> {
    let start = phases.iter().map(|p| p.start_year).min()?;
    let end = phases.iter().map(|p| p.end_year).max()?;
    Some((start, end))
}

/// The years a component's costs are asked for: the programme's duration,
/// or the next three years while it has no phases, plus any year already
/// costed.
pub fn cost_years(phases: &[Phase], components: &[Component], this_year: u16) -> Vec<u16> {
    let (start, end) = duration(phases).unwrap_or((this_year + 1, this_year + 3));
    let mut years: BTreeSet<u16> = (start..=end.min(start + 14)).collect();
    years.extend(
        components
            .iter()
            .flat_map(|c| c.yearly_cost.iter().map(|l| l.year)),
    );
    years.into_iter().collect()
}

/// One row of the logframe: the narrative, its indicators, how they are
/// verified, and what must hold outside the programme's control.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogframeRow {
    pub narrative: Vec<String>,
    pub indicators: Vec<String>,
    pub verification: Vec<String>,
    pub assumptions: Vec<String>,
}

/// The familiar four-by-four table: goal, purpose, outputs, activities.
pub fn logframe(design: &ProjectDesign) -> [LogframeRow; 4] {
    let indicators_at = |level: ResultLevel| -> (Vec<String>, Vec<String>) {
        design
            .indicators
            .iter()
            .filter(|i| i.level == level)
            .map(|i| (indicator_line(i), i.means_of_verification.clone()))
            .unzip()
    };
    let non_empty = |texts: Vec<String>| {
        texts
            .into_iter()
            .filter(|t| !t.trim().is_empty())
            .collect::<Vec<_>>()
    };
    let (goal_indicators, goal_verification) = indicators_at(ResultLevel::Impact);
    let (purpose_indicators, purpose_verification) = indicators_at(ResultLevel::Outcome);
    let mut outputs = LogframeRow::default();
    let mut activities = LogframeRow::default();
    for output in &design.outputs {
        outputs
            .narrative
            .push(format!("{} {}", output.code, output.title));
        let (lines, verification) = indicators_at(ResultLevel::Output(output.id));
        outputs
            .indicators
            .extend(lines.into_iter().map(|l| format!("{}: {l}", output.code)));
        outputs.verification.extend(non_empty(verification));
        outputs
            .assumptions
            .extend(non_empty(vec![output.assumptions.clone()]));
        for activity in design.activities.iter().filter(|a| a.output == output.id) {
            activities
                .narrative
                .push(format!("{} {}", activity.code, activity.title));
            activities
                .indicators
                .extend(non_empty(vec![activity.inputs.clone()]));
            activities
                .assumptions
                .extend(non_empty(vec![activity.assumptions.clone()]));
        }
    }
    [
        LogframeRow {
            narrative: non_empty(vec![design.goal.clone()]),
            indicators: goal_indicators,
            verification: non_empty(goal_verification),
            assumptions: non_empty(vec![design.goal_assumptions.clone()]),
        },
        LogframeRow {
            narrative: non_empty(vec![design.purpose.clone()]),
            indicators: purpose_indicators,
            verification: non_empty(purpose_verification),
            assumptions: non_empty(vec![design.purpose_assumptions.clone()]),
        },
        outputs,
        activities,
    ]
}

/// "Average release time: 48 → 24 hours (2029)", with what is known.
pub fn indicator_line(indicator: &Indicator) -> String {
    let value = |v: Option<rust_decimal::Decimal>| v.map_or("…".to_string(), |d| d.normalize().to_string());
    let mut line = format!(
        "{}: {} → {} {}",
        indicator.name,
        value(indicator.baseline),
        value(indicator.target),
        indicator.unit
    );
    if let Some(year) = indicator.target_year {
        line.push_str(&format!(" ({year})"));
    }
    line
}
