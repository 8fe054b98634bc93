//! The participating cities as records: what a city earmark, a component's
//! attribution and an indicator's value by city point at, so the funding
//! gap by city can say what each city needs.

use crate::domain::ids::*;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use validator::{Validate, ValidationError};

/// The longest name a city record (in either language) has.
pub const CITY_NAME_MAX: usize = 120;

/// The most cities a workshop lists: a regional programme's, with room.
pub const MOST_CITIES: usize = 200;

/// A participating city, managed by the facilitators on the setup page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[validate(schema(function = "locode_in_country", skip_on_field_errors = true))]
pub struct City {
    pub id: CityId,
    #[validate(length(min = 1, max = 120))]
    pub name: String,
    /// Its name in Chinese, where it has one (上海).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(length(min = 1, max = 120))]
    pub name_zh: Option<String>,
    /// ISO 3166-1 alpha-2.
    #[validate(custom(function = "valid_country"))]
    pub country: String,
    /// Its UN/LOCODE where it has one: the country's two letters and three
    /// letters or digits (CNSHA), written without the space.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(custom(function = "valid_locode"))]
    pub locode: Option<String>,
    /// The organisation that speaks for the city at the table, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<OrganisationId>,
}

impl City {
    /// How lists and earmarks name it: its name, and its UN/LOCODE if any.
    pub fn label(&self) -> String {
        match &self.locode {
            Some(locode) => format!("{} ({locode})", self.name),
            None => self.name.clone(),
        }
    }
}

/// An indicator's baseline and target for one city.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CityValues {
    pub city: CityId,
    pub baseline: Option<Decimal>,
    pub target: Option<Decimal>,
}

/// ISO 3166-1 alpha-2: two capital letters.
pub fn valid_country(code: &str) -> Result<(), ValidationError> {
    let ok = code.len() == 2 && code.chars().all(|c| c.is_ascii_uppercase());
    ok.then_some(())
        .ok_or_else(|| ValidationError::new("country_format"))
}

/// A UN/LOCODE: five characters, two capital letters (the country) and
/// three capital letters or digits.
pub fn valid_locode(code: &str) -> Result<(), ValidationError> {
    let bytes = code.as_bytes();
    let ok = bytes.len() == 5
        && bytes[..2].iter().all(u8::is_ascii_uppercase)
        && bytes[2..]
            .iter()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    ok.then_some(())
        .ok_or_else(|| ValidationError::new("locode_format"))
}

/// A UN/LOCODE begins with its country's code.
fn locode_in_country(city: &City) -> Result<(), ValidationError> {
    match &city.locode {
        Some(locode) if !locode.starts_with(&city.country) => {
            let mut error = ValidationError::new("locode_country");
            error.add_param("field".into(), &"locode");
            Err(error)
        }
        _ => Ok(()),
    }
}

/// Each city at most once in a list of cities.
pub fn each_city_once(cities: &[CityId]) -> Result<(), ValidationError> {
    let distinct: BTreeSet<&CityId> = cities.iter().collect();
    (distinct.len() == cities.len())
        .then_some(())
        .ok_or_else(|| ValidationError::new("duplicate"))
}

/// Each city at most once among an indicator's values by city.
pub fn each_city_valued_once(values: &[CityValues]) -> Result<(), ValidationError> {
    let cities: Vec<CityId> = values.iter().map(|v| v.city).collect();
    each_city_once(&cities)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn city(country: &str, locode: Option<&str>) -> City {
        City {
            id: CityId::random(),
            name: "Shanghai".into(),
            name_zh: Some("上海".into()),
            country: country.into(),
            locode: locode.map(String::from),
            organisation: None,
        }
    }

    #[test]
    fn a_locode_is_its_country_and_three_letters_or_digits() {
        assert!(city("CN", Some("CNSHA")).validate().is_ok());
        assert!(city("VN", Some("VNSG2")).validate().is_ok());
        assert!(city("CN", None).validate().is_ok());
        for wrong in ["CNSH", "CNSHAA", "cnsha", "CN SHA", "C1SHA", "CNSH-"] {
            assert!(valid_locode(wrong).is_err(), "{wrong}");
        }
    }

    #[test]
    fn a_city_is_labelled_with_its_locode_when_it_has_one() {
        assert_eq!(city("CN", Some("CNSHA")).label(), "Shanghai (CNSHA)");
        assert_eq!(city("CN", None).label(), "Shanghai");
    }
}
