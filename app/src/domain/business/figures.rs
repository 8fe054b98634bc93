//! The business model's figures: the workshop's stage 1 costs, stage 3
//! items and stage 4 financing laid out by model year, and what the
//! projection makes of them. Always computed from the inputs, never
//! stored, so they cannot disagree with them.

use super::lines::{FeeBasis, ModelAssumptions, RevenueKind, RevenueStream};
use super::records::BusinessModel;
use crate::domain::finance::{
    project, sensitivity, EconomicInput, LoanInput, OpexInput, Projection, ProjectionInputs, RefreshInput,
    RevenueInput, ScenarioResult,
};
use crate::domain::ids::RevenueId;
use crate::domain::model::ProjectDesign;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A loan of stage 4 with its terms, in the reporting currency.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoanFacility {
    pub principal: Decimal,
    pub interest_rate_percent: Decimal,
    pub tenor_years: u16,
    pub grace_years: u16,
    /// Firm (secured) rather than pledged.
    pub secured: bool,
}

/// What stage 4 brings to the model, in the reporting currency: public
/// totals only, so every viewer of the walk may see them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Financing {
    pub loans: Vec<LoanFacility>,
    /// Loans recorded without terms: not in the debt service.
    pub loans_without_terms: u32,
    pub grants: Decimal,
    pub equity: Decimal,
    /// Cash secured and pledged, for the funding gaps.
    pub secured: Decimal,
    pub pledged: Decimal,
}

/// Why a fee is flagged under the trade rules (GATT Art. VIII, TFA 6.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeeFlag {
    /// Set as a percentage of the goods' value.
    AdValorem,
    /// Above the cost of the service per declaration.
    AboveCost,
}

/// The model's figures, or why there are none yet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum ModelFigures {
    /// The structure (its term) or the assumptions are not set.
    Incomplete,
    /// The inputs go beyond what can be computed exactly.
    OutOfRange,
    Computed(Box<Computed>),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Computed {
    /// The calendar year of model year 0.
    pub first_year: u16,
    pub projection: Projection,
    pub sensitivity: Vec<ScenarioResult>,
    /// The capital cost less the cash secured, and less secured and pledged.
    pub gap_after_secured: Decimal,
    pub gap_after_pledges: Decimal,
    /// Everything the service costs over the term, per declaration.
    pub cost_per_declaration: Option<Decimal>,
    pub fee_flags: Vec<(RevenueId, FeeFlag)>,
    /// The hours saved per declaration the economic view used, and whether
    /// they came from stage 1's release-time indicator.
    pub hours_saved: Option<(Decimal, bool)>,
    pub financing: Financing,
}

fn percent(value: Decimal) -> Option<Decimal> {
    value.checked_div(Decimal::ONE_HUNDRED)
}

/// Stage 1's components' yearly costs by model year; a cost before year 0
/// counts in year 0, one after the term is outside the model.
fn component_capex(design: &ProjectDesign, first_year: u16, term: u16) -> Option<Vec<Decimal>> {
    let mut capex = vec![Decimal::ZERO; usize::from(term)];
    for line in design.components.iter().flat_map(|c| &c.yearly_cost) {
        let year = usize::from(line.year.saturating_sub(first_year));
        if let Some(slot) = capex.get_mut(year) {
            *slot = slot.checked_add(line.amount.amount)?;
        }
    }
    Some(capex)
}

/// Hours saved per declaration from stage 1: an indicator counted in hours
/// with a baseline above its target (the release time).
fn hours_from_design(design: &ProjectDesign) -> Option<Decimal> {
    design.indicators.iter().find_map(|i| {
        let unit = i.unit.to_lowercase();
        let in_hours = unit.contains("hour") || unit.contains("小时");
        match (in_hours, i.baseline, i.target) {
            (true, Some(baseline), Some(target)) if baseline > target => baseline.checked_sub(target),
            _ => None,
        }
    })
}

/// Declarations a stream handles in each model year, with its growth.
fn units_by_year(stream: &RevenueStream, term: u16) -> Option<Vec<Decimal>> {
    let growth = Decimal::ONE.checked_add(percent(stream.volume_growth_percent)?)?;
    let mut units = Vec::with_capacity(usize::from(term));
    let mut volume = stream.volume;
    for year in 0..term {
        if year < stream.first_year {
            units.push(Decimal::ZERO);
            continue;
        }
        units.push(volume);
        volume = volume.checked_mul(growth)?.round_dp(6);
    }
    Some(units)
}

fn add_years(total: &mut [Decimal], more: &[Decimal]) -> Option<()> {
    for (slot, value) in total.iter_mut().zip(more) {
        *slot = slot.checked_add(*value)?;
    }
    Some(())
}

struct Inputs {
    inputs: ProjectionInputs,
    declarations: Vec<Decimal>,
    hours_saved: Option<(Decimal, bool)>,
}

fn inputs(
    business: &BusinessModel,
    assumptions: &ModelAssumptions,
    design: &ProjectDesign,
    financing: &Financing,
    term: u16,
) -> Option<Inputs> {
    let mut capex = component_capex(design, assumptions.first_year, term)?;
    for line in business.capex.iter().filter(|l| l.year < term) {
        let slot = capex.get_mut(usize::from(line.year))?;
        *slot = slot.checked_add(line.amount)?;
    }
    let mut declarations = vec![Decimal::ZERO; usize::from(term)];
    for stream in business.revenues.iter().filter(|s| s.kind.per_declaration()) {
        add_years(&mut declarations, &units_by_year(stream, term)?)?;
    }
    let hours_saved = match assumptions.hours_saved_per_declaration {
        Some(hours) => Some((hours, false)),
        None => hours_from_design(design).map(|hours| (hours, true)),
    };
    let economic = match (
        hours_saved,
        assumptions.value_of_time,
        assumptions.economic_discount_rate_percent,
    ) {
        (Some((hours, _)), Some(value_of_time), Some(rate)) => Some(EconomicInput {
            hours_saved_per_unit: hours,
            value_of_time,
            units: declarations.clone(),
            discount_rate: percent(rate)?,
        }),
        _ => None,
    };
    let revenues = business
        .revenues
        .iter()
        .filter(|s| s.first_year < term)
        .map(|s| {
            Some(RevenueInput {
                price: s.price,
                volume: s.volume,
                price_growth: percent(s.price_growth_percent)?,
                volume_growth: percent(s.volume_growth_percent)?,
                first_year: s.first_year,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let opex = business
        .opex
        .iter()
        .filter(|o| o.first_year < term)
        .map(|o| {
            Some(OpexInput {
                amount: o.amount,
                growth: percent(o.growth_percent)?,
                first_year: o.first_year,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let loans = financing
        .loans
        .iter()
        .map(|l| {
            Some(LoanInput {
                principal: l.principal,
                rate: percent(l.interest_rate_percent)?,
                tenor_years: l.tenor_years,
                grace_years: l.grace_years,
                drawn_year: 0,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let refresh = match assumptions.refresh_every_years {
        Some(every_years) if assumptions.refresh_percent > Decimal::ZERO => Some(RefreshInput {
            every_years,
            share_of_capex: percent(assumptions.refresh_percent)?,
        }),
        _ => None,
    };
    Some(Inputs {
        inputs: ProjectionInputs {
            years: term,
            revenues,
            capex,
            contingency: percent(assumptions.contingency_percent)?,
            refresh,
            opex,
            loans,
            grants: financing.grants,
            equity: financing.equity,
            discount_rate: percent(assumptions.discount_rate_percent)?,
            economic,
        },
        declarations,
        hours_saved,
    })
}

/// Everything the service costs over the term (capital and running),
/// divided by the declarations it handles.
fn cost_per_declaration(projection: &Projection, declarations: &[Decimal]) -> Option<Decimal> {
    let units = crate::domain::limits::checked_sum(declarations.iter().copied())?;
    if units <= Decimal::ZERO {
        return None;
    }
    let cost = crate::domain::limits::checked_sum(projection.rows.iter().flat_map(|r| [r.capex, r.opex]))?;
    cost.checked_div(units).map(|c| c.round_dp(2))
}

fn fee_flags(streams: &[RevenueStream], cost: Option<Decimal>) -> Vec<(RevenueId, FeeFlag)> {
    streams
        .iter()
        .filter(|s| s.kind == RevenueKind::PerDeclarationFee)
        .filter_map(|s| match (s.basis, cost) {
            (FeeBasis::PercentOfValue, _) => Some((s.id, FeeFlag::AdValorem)),
            (FeeBasis::PerUnit, Some(cost)) if s.price > cost => Some((s.id, FeeFlag::AboveCost)),
            (FeeBasis::PerUnit, _) => None,
        })
        .collect()
}

/// The model's figures from the workshop's inputs.
pub fn model_figures(
    business: &BusinessModel,
    design: &ProjectDesign,
    financing: &Financing,
) -> ModelFigures {
    let (Some(term), Some(assumptions)) = (business.term(), business.assumptions.as_ref()) else {
        return ModelFigures::Incomplete;
    };
    let Some(Inputs {
        inputs,
        declarations,
        hours_saved,
    }) = inputs(business, assumptions, design, financing, term)
    else {
        return ModelFigures::OutOfRange;
    };
    let Ok(projection) = project(&inputs) else {
        return ModelFigures::OutOfRange;
    };
    let gaps = financing.secured.checked_add(financing.pledged).and_then(|both| {
        let after_secured = projection.total_capex.checked_sub(financing.secured)?;
        let after_pledges = projection.total_capex.checked_sub(both)?;
        Some((after_secured.max(Decimal::ZERO), after_pledges.max(Decimal::ZERO)))
    });
    let Some((gap_after_secured, gap_after_pledges)) = gaps else {
        return ModelFigures::OutOfRange;
    };
    let cost = cost_per_declaration(&projection, &declarations);
    ModelFigures::Computed(Box::new(Computed {
        first_year: assumptions.first_year,
        sensitivity: sensitivity(&inputs),
        gap_after_secured,
        gap_after_pledges,
        cost_per_declaration: cost,
        fee_flags: fee_flags(&business.revenues, cost),
        hours_saved,
        financing: financing.clone(),
        projection,
    }))
}
