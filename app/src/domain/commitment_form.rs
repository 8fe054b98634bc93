//! A commitment as a person types it in a form, and its parsing into a
//! [`NewCommitment`]: every field is checked and every problem reported at
//! once, keyed by field, so the form can show each next to its field.

use super::command::NewCommitment;
use super::error::{AppError, FieldErrors};
use super::ids::*;
use super::limits;
use super::loan_terms;
use super::model::*;
use super::money::{Currency, Money, MoneyError};
use super::schedule;
use crate::domain::error::Problem;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use validator::Validate;

/// The stored code of a unit-like enum value (`firm_commitment`, …), as
/// forms send it.
pub fn code_of<T: Serialize>(value: T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

/// The value of a code made by [`code_of`].
pub fn from_code<T: DeserializeOwned>(code: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(code.trim().to_string())).ok()
}

/// An earmark as a form's select sends it: `programme`, `component:<id>`,
/// `city:<id>`, or an older commitment's `city-named:<name>` (offered only
/// when amending it).
pub fn earmark_code(earmark: &Earmark) -> String {
    match earmark {
        Earmark::Programme => "programme".into(),
        Earmark::Component { component } => format!("component:{component}"),
        Earmark::City { city } => format!("city:{city}"),
        Earmark::NamedCity { city } => format!("city-named:{city}"),
    }
}

pub fn parse_earmark(code: &str) -> Option<Earmark> {
    match code.trim().split_once(':') {
        None if code.trim() == "programme" || code.trim().is_empty() => Some(Earmark::Programme),
        Some(("component", id)) => id.parse().ok().map(|component| Earmark::Component { component }),
        Some(("city", id)) => id.trim().parse().ok().map(|city| Earmark::City { city }),
        Some(("city-named", city)) if !city.trim().is_empty() => Some(Earmark::NamedCity {
            city: city.trim().to_string(),
        }),
        _ => None,
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitmentForm {
    pub id: String,
    pub organisation: String,
    pub amount: String,
    pub currency: String,
    pub instrument: String,
    pub status: String,
    pub earmark: String,
    /// Years of disbursement, separated by commas or spaces.
    pub years: String,
    pub conditions: String,
    pub note: String,
    /// A checkbox: posted (as `on`) only when ticked.
    #[serde(default, with = "checkbox")]
    pub public: bool,
    /// A loan's terms (`domain::loan_terms`): all three blank for none.
    /// Absent when the form's loan fields are switched off (not a loan).
    #[serde(default)]
    pub interest_rate_percent: String,
    #[serde(default)]
    pub tenor_years: String,
    #[serde(default)]
    pub grace_years: String,
    /// Its amount by year (`domain::schedule`): one year a line; blank for none.
    #[serde(default)]
    pub schedule: String,
}

/// A checkbox's field as a form posts it: present when ticked, whatever
/// its value, absent otherwise.
mod checkbox {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(ticked: &bool, serializer: S) -> Result<S::Ok, S::Error> {
        match ticked {
            true => serializer.serialize_some("on"),
            false => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
        Ok(Option::<String>::deserialize(deserializer)?.is_some())
    }
}

impl CommitmentForm {
    /// The form's values for an existing commitment, for amending it.
    pub fn of(commitment: &Commitment) -> CommitmentForm {
        let [interest_rate_percent, tenor_years, grace_years] =
            loan_terms::fields(commitment.loan_terms.as_ref());
        CommitmentForm {
            interest_rate_percent,
            tenor_years,
            grace_years,
            schedule: schedule::text(&commitment.schedule),
            id: commitment.id.to_string(),
            organisation: commitment.organisation.to_string(),
            amount: commitment.money.amount.to_string(),
            currency: commitment.money.currency.code().to_string(),
            instrument: code_of(commitment.instrument),
            status: code_of(commitment.status),
            earmark: earmark_code(&commitment.earmark),
            years: commitment
                .years
                .iter()
                .map(|y| y.to_string())
                .collect::<Vec<_>>()
                .join(", "),
            conditions: commitment.conditions.clone(),
            note: commitment.note.clone(),
            public: commitment.public,
        }
    }

    pub fn parse(&self) -> Result<NewCommitment, AppError> {
        let mut problems = FieldErrors::new();
        let mut problem = |field: &str, problem: Problem| {
            problems.insert(field.to_string(), problem);
        };
        let id = self.id.trim().parse::<CommitmentId>().ok();
        if id.is_none() {
            problem("id", Problem::Invalid);
        }
        let organisation = self.organisation.trim().parse::<OrganisationId>().ok();
        if organisation.is_none() {
            problem("organisation", Problem::Required);
        }
        // The currency is checked on its own, so that a bad currency and a
        // bad amount are both reported at once.
        let currency = Currency::parse(&self.currency).ok();
        if currency.is_none() {
            problem("currency", Problem::UnknownCurrency);
        }
        let money = if self.amount.trim().is_empty() {
            problem("amount", Problem::Required);
            None
        } else {
            // Without a valid currency, the amount's shape and sign are
            // still checked, against a currency with cents.
            let code = currency.map_or("USD", |c| c.code());
            match Money::parse(&self.amount, code) {
                Ok(money) if money.amount.is_zero() => {
                    problem("amount", Problem::Positive);
                    None
                }
                Ok(money) if !limits::amount_in_range(money.amount) => {
                    problem("amount", Problem::AmountTooLarge);
                    None
                }
                Ok(money) => currency.map(|_| money),
                Err(MoneyError::Malformed(_)) => {
                    problem("amount", Problem::AmountFormat);
                    None
                }
                Err(MoneyError::Negative) => {
                    problem("amount", Problem::Negative);
                    None
                }
                Err(MoneyError::TooManyDecimals { .. }) => {
                    if currency.is_some() {
                        problem("amount", Problem::TooManyDecimals);
                    }
                    None
                }
                Err(MoneyError::UnknownCurrency(_)) => None,
            }
        };
        let instrument = from_code::<Instrument>(&self.instrument);
        if instrument.is_none() {
            problem("instrument", Problem::Required);
        }
        let status = from_code::<CommitmentStatus>(&self.status);
        if status.is_none() {
            problem("status", Problem::Required);
        }
        let earmark = parse_earmark(&self.earmark);
        if earmark.is_none() {
            problem("earmark", Problem::Invalid);
        }
        let years: Result<Vec<u16>, _> = self
            .years
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|part| !part.is_empty())
            .map(str::parse::<u16>)
            .collect();
        let years = match years {
            Ok(years) if years.iter().all(|y| (2000..=2100).contains(y)) => years,
            _ => {
                problem("years", Problem::YearRange);
                Vec::new()
            }
        };
        let terms = loan_terms::parse(
            &self.interest_rate_percent,
            &self.tenor_years,
            &self.grace_years,
            &mut problems,
        );
        if let Some(instrument) = instrument {
            problems.extend(loan_terms::problems(instrument, terms.as_ref()));
        }
        let by_year = schedule::parse(&self.schedule, &mut problems);
        if let Some(problem) = money
            .as_ref()
            .and_then(|money| schedule::problem(&by_year, money))
        {
            problems.insert(schedule::FIELD.into(), problem);
        }
        let (Some(id), Some(organisation), Some(money), Some(instrument), Some(status), Some(earmark)) =
            (id, organisation, money, instrument, status, earmark)
        else {
            return Err(AppError::Invalid(problems));
        };
        let mut years = years;
        years.sort_unstable();
        years.dedup();
        let new = NewCommitment {
            id,
            organisation,
            money,
            instrument,
            status,
            earmark,
            years,
            conditions: self.conditions.trim().to_string(),
            note: self.note.trim().to_string(),
            public: self.public,
            loan_terms: terms,
            schedule: by_year,
        };
        match new.validate() {
            Ok(()) if problems.is_empty() => Ok(new),
            Ok(()) => Err(AppError::Invalid(problems)),
            Err(errors) => {
                let AppError::Invalid(more) = AppError::from(errors) else {
                    unreachable!("validation errors are Invalid")
                };
                problems.extend(more);
                Err(AppError::Invalid(problems))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled() -> CommitmentForm {
        CommitmentForm {
            id: CommitmentId::random().to_string(),
            organisation: OrganisationId::random().to_string(),
            amount: "1,250,000.50".into(),
            currency: "usd".into(),
            instrument: "grant".into(),
            status: "indicative_pledge".into(),
            earmark: "programme".into(),
            years: "2028, 2027 2027".into(),
            conditions: String::new(),
            note: " first tranche ".into(),
            public: true,
            ..CommitmentForm::default()
        }
    }

    fn problems(form: CommitmentForm) -> FieldErrors {
        match form.parse() {
            Err(AppError::Invalid(problems)) => problems,
            other => panic!("expected problems, got {other:?}"),
        }
    }

    #[test]
    fn a_well_filled_form_parses_exactly() {
        let new = filled().parse().unwrap();
        assert_eq!(new.money.amount.to_string(), "1250000.50");
        assert_eq!(new.money.currency.code(), "USD");
        assert_eq!(new.years, vec![2027, 2028]);
        assert_eq!(new.note, "first tranche");
        assert_eq!(new.status, CommitmentStatus::IndicativePledge);
    }

    #[test]
    fn each_bad_field_gets_its_own_problem() {
        let mut form = filled();
        form.amount = "-5".into();
        form.instrument = "gift".into();
        form.years = "1999".into();
        form.organisation = String::new();
        let found = problems(form);
        assert_eq!(found.get("amount").map(|p| p.code()), Some("negative"));
        assert_eq!(found.get("instrument").map(|p| p.code()), Some("required"));
        assert_eq!(found.get("organisation").map(|p| p.code()), Some("required"));
        assert_eq!(found.get("years").map(|p| p.code()), Some("year_range"));
    }

    #[test]
    fn amounts_are_checked_against_their_currency() {
        let cases = [
            ("12.345", "USD", "amount", "too_many_decimals"),
            ("10.5", "JPY", "amount", "too_many_decimals"),
            ("1e6", "USD", "amount", "amount_format"),
            ("", "USD", "amount", "required"),
            ("0", "USD", "amount", "positive"),
            ("100", "XYZ", "currency", "unknown_currency"),
            ("-1", "XYZ", "amount", "negative"),
        ];
        for (amount, currency, field, code) in cases {
            let mut form = filled();
            form.amount = amount.into();
            form.currency = currency.into();
            assert_eq!(
                problems(form).get(field).map(|p| p.code()),
                Some(code),
                "{amount} {currency}"
            );
        }
    }

    #[test]
    fn amounts_above_the_ceiling_are_refused_under_the_amount() {
        let mut form = filled();
        form.amount = "1,000,000,000,000,000.00".into();
        assert_eq!(form.parse().unwrap().money.amount, limits::AMOUNT_CEILING);
        for amount in ["1000000000000000.01", "900000000000000000000000000"] {
            let mut form = filled();
            form.amount = amount.into();
            assert_eq!(
                problems(form).get("amount").map(|p| p.code()),
                Some("amount_too_large"),
                "{amount}"
            );
        }
        // Beyond what a decimal holds at all: not a number we can read.
        let mut form = filled();
        form.amount = "79228162514264337593543950336".into();
        assert_eq!(
            problems(form).get("amount").map(|p| p.code()),
            Some("amount_format")
        );
    }

    #[test]
    fn an_older_city_earmark_is_as_long_as_a_city_at_most() {
        let mut form = filled();
        form.earmark = format!("city-named:{}", "x".repeat(super::super::command::CITY_MAX));
        assert!(form.parse().is_ok());
        let mut form = filled();
        form.earmark = format!("city-named:{}", "x".repeat(60_000));
        assert_eq!(problems(form).get("earmark").map(|p| p.code()), Some("length"));
    }

    #[test]
    fn a_city_earmark_names_a_city_record_by_its_id() {
        let city = CityId::random();
        let mut form = filled();
        form.earmark = format!("city:{city}");
        assert_eq!(form.parse().unwrap().earmark, Earmark::City { city });
        form.earmark = "city:Da Nang".into();
        assert!(problems(form).contains_key("earmark"));
    }

    #[test]
    fn years_out_of_range_are_refused() {
        let mut form = filled();
        form.years = "2027, 1999".into();
        assert_eq!(problems(form).get("years").map(|p| p.code()), Some("year_range"));
        let mut form = filled();
        form.years = "next year".into();
        assert_eq!(problems(form).get("years").map(|p| p.code()), Some("year_range"));
    }

    #[test]
    fn a_commitment_round_trips_through_its_form() {
        let new = filled().parse().unwrap();
        let commitment = Commitment {
            id: new.id,
            organisation: new.organisation,
            money: new.money,
            instrument: new.instrument,
            status: new.status,
            earmark: Earmark::NamedCity {
                city: "Da Nang".into(),
            },
            years: new.years.clone(),
            conditions: new.conditions.clone(),
            note: new.note.clone(),
            public: new.public,
            rate: None,
            recorded_at: chrono::Utc::now(),
            loan_terms: new.loan_terms,
            schedule: new.schedule.clone(),
        };
        let again = CommitmentForm::of(&commitment).parse().unwrap();
        assert_eq!(again.money, commitment.money);
        assert_eq!(again.earmark, commitment.earmark);
        assert_eq!(again.years, commitment.years);
        assert_eq!(again.loan_terms, None);
    }

    #[test]
    fn a_loan_carries_its_terms_and_a_grant_is_refused_them() {
        let mut form = filled();
        form.instrument = "loan".into();
        form.interest_rate_percent = "2.5".into();
        form.tenor_years = "20".into();
        form.grace_years = "5".into();
        let terms = form.parse().unwrap().loan_terms.unwrap();
        assert_eq!(terms.interest_rate_percent.to_string(), "2.5");
        assert_eq!((terms.tenor_years, terms.grace_years), (20, 5));
        form.instrument = "grant".into();
        form.tenor_years = "60".into();
        let found = problems(form);
        assert_eq!(found.get("instrument").map(|p| p.code()), Some("not_a_loan"));
        assert_eq!(found.get("tenor_years").map(|p| p.code()), Some("tenor_range"));
    }
}
