//! The participating cities a facilitator keeps, and what an item that
//! names cities must agree with.

use super::access::require_facilitator;
use crate::domain::design::DesignItem;
use crate::domain::error::{AppError, Problem};
use crate::domain::event::{Actor, Event};
use crate::domain::model::*;
use crate::domain::state::WorkshopState;
use validator::Validate;

/// Adds a city, or corrects one: its names trimmed, its codes in capitals,
/// no two cities of one name or one UN/LOCODE.
pub(super) fn save_city(state: &WorkshopState, actor: &Actor, city: City) -> Result<Vec<Event>, AppError> {
    require_facilitator(state, actor)?;
    let city = City {
        name: city.name.trim().to_string(),
        name_zh: city
            .name_zh
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty()),
        country: city.country.trim().to_uppercase(),
        locode: city
            .locode
            .map(|l| l.split_whitespace().collect::<String>().to_uppercase())
            .filter(|l| !l.is_empty()),
        ..city
    };
    city.validate()?;
    if city
        .organisation
        .is_some_and(|o| !state.organisations.contains_key(&o))
    {
        return Err(AppError::invalid("organisation", Problem::UnknownOrganisation));
    }
    let others = || state.cities.values().filter(|other| other.id != city.id);
    if others().any(|other| other.name.to_lowercase() == city.name.to_lowercase()) {
        return Err(AppError::invalid("name", Problem::Duplicate));
    }
    if city.locode.is_some() && others().any(|other| other.locode == city.locode) {
        return Err(AppError::invalid("locode", Problem::Duplicate));
    }
    match state.cities.get(&city.id) {
        Some(same) if *same == city => Ok(vec![]),
        None if state.cities.len() >= MOST_CITIES => Err(AppError::invalid("name", Problem::TooManyItems)),
        _ => Ok(vec![Event::CitySaved { city }]),
    }
}

/// The field of an item that names a city the workshop does not list.
pub(super) fn unknown_city(state: &WorkshopState, item: &DesignItem) -> Option<&'static str> {
    let known = |city| state.cities.contains_key(city);
    match item {
        DesignItem::Component(c) if !c.cities.iter().all(known) => Some("cities"),
        DesignItem::Indicator(i) if !i.by_city.iter().all(|v| known(&v.city)) => Some("by_city"),
        _ => None,
    }
}
