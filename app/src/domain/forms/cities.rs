//! A participating city as the setup page's form posts it.

use super::fields::Problems;
use crate::domain::error::{AppError, Problem};
use crate::domain::model::City;
use serde::{Deserialize, Serialize};

/// A city the facilitator adds or corrects; `id` is drawn with the form
/// (a correction sends the city's own). Blank optional fields are none.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CityForm {
    pub id: String,
    pub name: String,
    pub name_zh: String,
    pub country: String,
    pub locode: String,
    pub organisation: String,
}

impl CityForm {
    /// The form's values for an existing city, for correcting it.
    pub fn of(city: &City) -> CityForm {
        CityForm {
            id: city.id.to_string(),
            name: city.name.clone(),
            name_zh: city.name_zh.clone().unwrap_or_default(),
            country: city.country.clone(),
            locode: city.locode.clone().unwrap_or_default(),
            organisation: city.organisation.map(|o| o.to_string()).unwrap_or_default(),
        }
    }

    /// The city, its codes in capitals and without spaces ("CN SHA" is
    /// CNSHA); its rules are checked by `decide`.
    pub fn parse(self) -> Result<City, AppError> {
        let mut problems = Problems::default();
        let id = problems.check("id", Problem::Invalid, self.id.trim().parse());
        let organisation = match self.organisation.trim() {
            "" => Some(None),
            text => problems.check("organisation", Problem::Invalid, text.parse().map(Some)),
        };
        let optional = |text: &str| Some(text.trim().to_string()).filter(|t| !t.is_empty());
        let city = id.zip(organisation).map(|(id, organisation)| City {
            id,
            name: self.name.trim().to_string(),
            name_zh: optional(&self.name_zh),
            country: self.country.trim().to_uppercase(),
            locode: optional(&self.locode).map(|l| l.split_whitespace().collect::<String>().to_uppercase()),
            organisation,
        });
        problems.done(city)
    }
}

#[cfg(test)]
mod tests {
    use super::super::fields::testing::{problems, ID};
    use super::*;

    fn filled() -> CityForm {
        CityForm {
            id: ID.into(),
            name: " Shanghai ".into(),
            name_zh: "上海".into(),
            country: "cn".into(),
            locode: "cn sha".into(),
            organisation: String::new(),
        }
    }

    #[test]
    fn a_city_is_read_with_its_codes_in_capitals() {
        let city = filled().parse().unwrap();
        assert_eq!(city.name, "Shanghai");
        assert_eq!(city.country, "CN");
        assert_eq!(city.locode.as_deref(), Some("CNSHA"));
        assert_eq!(city.name_zh.as_deref(), Some("上海"));
        assert_eq!(city.organisation, None);
        assert_eq!(CityForm::of(&city).parse(), Ok(city));
    }

    #[test]
    fn blank_optional_fields_are_none_and_a_bad_id_is_its_fields_problem() {
        let form = CityForm {
            locode: " ".into(),
            name_zh: String::new(),
            ..filled()
        };
        let city = form.parse().unwrap();
        assert_eq!((city.locode, city.name_zh), (None, None));
        let form = CityForm {
            id: "x".into(),
            organisation: "y".into(),
            ..filled()
        };
        assert_eq!(
            problems(form.parse().unwrap_err()),
            [
                ("id".into(), Problem::Invalid),
                ("organisation".into(), Problem::Invalid)
            ]
        );
    }
}
