//! What each participating city needs, and which city an earmark counts
//! for: the funding gap by city (`dashboard`) is built from these.
//!
//! A component attributed to cities is theirs: its cost (the sum of its
//! yearly costs, in the reporting currency) is split evenly between them,
//! each share rounded down to the minor unit and the units left over given
//! one by one to the cities in the component's order (the largest
//! remainders, which are equal). So the cities' required amounts add up to
//! the cost of the attributed components to the cent.

use super::command::administers;
use super::error::AppError;
use super::event::Actor;
use super::ids::{CityId, OrganisationId};
use super::limits::checked_sum;
use super::model::*;
use super::money::Currency;
use super::required::component_budget;
use super::state::WorkshopState;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// `whole` split evenly into `parts` shares in `currency`'s minor unit,
/// the units left over going to the first shares: they add up to `whole`
/// exactly (a `whole` finer than the minor unit leaves its fraction with
/// the first share). Empty when `parts` is 0.
pub fn split_evenly(whole: Decimal, parts: usize, currency: Currency) -> Vec<Decimal> {
    let Some(count) = u32::try_from(parts).ok().filter(|n| *n > 0) else {
        return Vec::new();
    };
    let unit = Decimal::new(1, currency.minor_units());
    let base = (whole / Decimal::from(count))
        .round_dp_with_strategy(currency.minor_units(), RoundingStrategy::ToZero);
    let mut shares = vec![base; parts];
    let mut left = whole - base * Decimal::from(count);
    for share in shares.iter_mut() {
        if left < unit {
            break;
        }
        *share += unit;
        left -= unit;
    }
    shares[0] += left;
    shares
}

/// Each city's share of the cost of the components attributed to it, for
/// the cities with one; `None` when a sum would leave the range (which the
/// dashboard reports as overflow).
pub fn required_by_city(state: &WorkshopState) -> Option<BTreeMap<CityId, Decimal>> {
    let currency = state.reporting_currency()?;
    let mut required: BTreeMap<CityId, Decimal> = BTreeMap::new();
    for component in &state.design.components {
        let cities: Vec<CityId> = component
            .cities
            .iter()
            .copied()
            .filter(|city| state.cities.contains_key(city))
            .collect();
        if cities.is_empty() {
            continue;
        }
        let cost = component_budget(component).0.value()?;
        let shares = split_evenly(cost, cities.len(), currency);
        for (city, share) in cities.into_iter().zip(shares) {
            let sum = required.entry(city).or_default();
            *sum = checked_sum([*sum, share])?;
        }
    }
    Some(required)
}

/// The record an older earmark's text names: the city of that name,
/// ignoring case, if the workshop lists one.
pub fn named(state: &WorkshopState, name: &str) -> Option<CityId> {
    let name = name.trim().to_lowercase();
    state
        .cities
        .values()
        .find(|city| city.name.to_lowercase() == name)
        .map(|city| city.id)
}

/// Which city an earmark counts for, by the name the gap by city shows:
/// the city record it names (an older earmark's text counts for the
/// record of that name, else under its own text); `None` if it is not a
/// city's.
pub fn city_of(state: &WorkshopState, earmark: &Earmark) -> Option<String> {
    match earmark {
        Earmark::City { city } => state.cities.get(city).map(|c| c.name.clone()),
        Earmark::NamedCity { city } => Some(
            named(state, city)
                .and_then(|id| state.cities.get(&id))
                .map_or_else(|| city.trim().to_string(), |c| c.name.clone()),
        ),
        Earmark::Programme | Earmark::Component { .. } => None,
    }
}

/// A city earmark in words: the record's name and UN/LOCODE, or an older
/// earmark's text.
pub fn earmark_city_label(state: &WorkshopState, earmark: &Earmark) -> Option<String> {
    match earmark {
        Earmark::City { city } => Some(state.cities.get(city).map(City::label).unwrap_or_default()),
        Earmark::NamedCity { city } => Some(city.clone()),
        Earmark::Programme | Earmark::Component { .. } => None,
    }
}

/// The setup page's list of cities, for its facilitators: each city with
/// its organisation's name, and the organisations a city may name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CitiesView {
    pub version: u64,
    pub cities: Vec<CityLine>,
    pub organisations: Vec<(OrganisationId, String)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CityLine {
    pub city: City,
    pub organisation: Option<String>,
}

impl CitiesView {
    /// The cities by name; only the workshop's facilitators may see them.
    pub fn of(state: &WorkshopState, actor: &Actor) -> Result<CitiesView, AppError> {
        if !administers(state, actor) {
            return Err(AppError::Forbidden);
        }
        let mut cities: Vec<CityLine> = state
            .cities
            .values()
            .map(|city| CityLine {
                organisation: city
                    .organisation
                    .and_then(|o| state.organisations.get(&o))
                    .map(|o| o.name.clone()),
                city: city.clone(),
            })
            .collect();
        cities.sort_by_key(|line| line.city.name.to_lowercase());
        Ok(CitiesView {
            version: state.version,
            cities,
            organisations: state
                .organisations
                .values()
                .map(|o| (o.id, o.name.clone()))
                .collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn usd() -> Currency {
        Currency::parse("USD").unwrap()
    }

    #[test]
    fn an_even_split_gives_the_left_over_cents_to_the_first_cities() {
        assert_eq!(
            split_evenly(dec!(100), 3, usd()),
            [dec!(33.34), dec!(33.33), dec!(33.33)]
        );
        assert_eq!(
            split_evenly(dec!(0.05), 3, usd()),
            [dec!(0.02), dec!(0.02), dec!(0.01)]
        );
        assert_eq!(split_evenly(dec!(10), 2, usd()), [dec!(5), dec!(5)]);
        assert!(split_evenly(dec!(10), 0, usd()).is_empty());
    }

    #[test]
    fn a_currency_without_minor_units_splits_in_whole_units() {
        let yen = Currency::parse("JPY").unwrap();
        assert_eq!(
            split_evenly(dec!(1000), 3, yen),
            [dec!(334), dec!(333), dec!(333)]
        );
    }
}
