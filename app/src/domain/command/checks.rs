//! What a saved item or a commitment must agree with in the workshop:
//! the version it was edited from, and that what it names exists.

use super::inputs::NewCommitment;
use crate::domain::business::{MOST_CANVAS_ENTRIES, MOST_CAPEX_LINES, MOST_OPEX_LINES, MOST_REVENUE_STREAMS};
use crate::domain::design::{DesignItem, ItemKey};
use crate::domain::error::AppError;
use crate::domain::error::Problem;
use crate::domain::event::Actor;
use crate::domain::model::*;
use crate::domain::state::WorkshopState;
use validator::Validate;

/// Two people saving the same item from the same starting point: the
/// second is told, with the other's version, and chooses.
pub(super) fn check_version(
    state: &WorkshopState,
    key: &ItemKey,
    based_on: Option<u64>,
    current: Option<DesignItem>,
) -> Result<(), AppError> {
    let version = state.item_version(key);
    match based_on {
        Some(based_on) if based_on != version => Err(AppError::ItemEditedMeanwhile {
            theirs: current.map(Box::new),
            version,
        }),
        _ => Ok(()),
    }
}

/// The checks an item passes against the workshop: its own rules, then
/// that what it refers to exists.
pub(super) fn check_item(state: &WorkshopState, item: &DesignItem) -> Result<(), AppError> {
    item.validate()?;
    let (organisations, outputs) = item.references();
    if let Some((field, _)) = organisations
        .iter()
        .find(|(_, id)| !state.organisations.contains_key(id))
    {
        return Err(AppError::invalid(field, Problem::UnknownOrganisation));
    }
    if let Some((field, _)) = outputs
        .iter()
        .find(|(_, id)| !state.design.outputs.iter().any(|o| o.id == *id))
    {
        return Err(AppError::invalid(field, Problem::UnknownOutput));
    }
    if let Some(field) = super::cities::unknown_city(state, item) {
        return Err(AppError::invalid(field, Problem::UnknownCity));
    }
    match item {
        DesignItem::Component(component) => {
            let reporting = state.reporting_currency();
            if component
                .yearly_cost
                .iter()
                .any(|l| Some(l.amount.currency) != reporting)
            {
                return Err(AppError::invalid("yearly_cost", Problem::ReportingCurrencyOnly));
            }
            Ok(())
        }
        DesignItem::Responsibility(cell)
            if !state.design.components.iter().any(|c| c.id == cell.component) =>
        {
            Err(AppError::invalid("component", Problem::UnknownComponent))
        }
        _ => check_business_item(state, item),
    }
}

/// A stage 3 item names risks and components that exist, and its years
/// fall within the structure's term.
fn check_business_item(state: &WorkshopState, item: &DesignItem) -> Result<(), AppError> {
    let risk_exists = |risk| state.design.risks.iter().any(|r| r.id == risk);
    let term = state.business.term();
    let within_term = |field: &str, year: u16| match term {
        Some(term) if year >= term => Err(AppError::invalid(field, Problem::BeyondTerm)),
        _ => Ok(()),
    };
    let is_new = state.item(&item.key()).is_none();
    let full = |count: usize, most: usize| is_new && count >= most;
    let business = &state.business;
    let list_full = match item {
        DesignItem::Canvas(_) => full(business.canvas.len(), MOST_CANVAS_ENTRIES),
        DesignItem::Revenue(_) => full(business.revenues.len(), MOST_REVENUE_STREAMS),
        DesignItem::Capex(_) => full(business.capex.len(), MOST_CAPEX_LINES),
        DesignItem::Opex(_) => full(business.opex.len(), MOST_OPEX_LINES),
        _ => false,
    };
    if list_full {
        return Err(AppError::invalid("item", Problem::TooManyItems));
    }
    match item {
        DesignItem::Allocation(a) if !risk_exists(a.risk) => {
            Err(AppError::invalid("risk", Problem::UnknownRisk))
        }
        DesignItem::Vote(v) if !risk_exists(v.risk) => Err(AppError::invalid("risk", Problem::UnknownRisk)),
        DesignItem::Capex(c) => {
            if let Some(component) = c.component {
                if !state.design.components.iter().any(|x| x.id == component) {
                    return Err(AppError::invalid("component", Problem::UnknownComponent));
                }
            }
            within_term("year", c.year)
        }
        DesignItem::Revenue(r) => within_term("first_year", r.first_year),
        DesignItem::Opex(o) => within_term("first_year", o.first_year),
        _ => Ok(()),
    }
}

/// The checks a new or revised commitment (`before`: as it stands)
/// passes against the workshop, sent by `actor`.
pub(super) fn check_commitment(
    state: &WorkshopState,
    actor: &Actor,
    new: &NewCommitment,
    before: Option<&Commitment>,
) -> Result<(), AppError> {
    new.validate()?;
    let terms = crate::domain::loan_terms::problems(new.instrument, new.loan_terms.as_ref());
    if !terms.is_empty() {
        return Err(AppError::Invalid(terms));
    }
    if let Some(problem) = crate::domain::schedule::problem(&new.schedule, &new.money) {
        return Err(AppError::invalid(crate::domain::schedule::FIELD, problem));
    }
    if !state.organisations.contains_key(&new.organisation) {
        return Err(AppError::invalid("organisation", Problem::UnknownOrganisation));
    }
    match &new.earmark {
        Earmark::Component { component } if !state.design.components.iter().any(|c| c.id == *component) => {
            Err(AppError::invalid("earmark", Problem::UnknownComponent))
        }
        Earmark::City { city } if !state.cities.contains_key(city) => {
            Err(AppError::invalid("earmark", Problem::UnknownCity))
        }
        // People pick a city from the list; an older commitment keeps the
        // city it named, and the command line's older scripts (the demo's
        // first commands among them) may still name one.
        Earmark::NamedCity { .. }
            if before.map(|b| &b.earmark) != Some(&new.earmark) && *actor != Actor::System =>
        {
            Err(AppError::invalid("earmark", Problem::CityRecordsOnly))
        }
        _ => Ok(()),
    }
}
