//! Reading a posted form: each field's first problem is kept, so every
//! message appears next to its field.

use super::{FormValues, CITY_BASELINE, CITY_TARGET};
use crate::domain::commitment_form::from_code;
use crate::domain::error::{FieldErrors, Problem};
use crate::domain::ids::CityId;
use crate::domain::limits;
use crate::domain::model::*;
use crate::domain::money::{Currency, Money, MoneyError};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::BTreeSet;
use std::str::FromStr;

/// Reads a form, collecting each field's first problem.
pub(super) struct Reader<'a> {
    pub(super) values: &'a FormValues,
    pub(super) problems: FieldErrors,
}

impl Reader<'_> {
    pub(super) fn problem(&mut self, field: &str, problem: Problem) {
        self.problems.entry(field.to_string()).or_insert(problem);
    }

    /// A value the form must give; its absence is the field's problem.
    pub(super) fn required<T>(&mut self, field: &str, value: Option<T>) -> Option<T> {
        if value.is_none() {
            self.problem(field, Problem::Required);
        }
        value
    }

    pub(super) fn raw(&self, field: &str) -> &str {
        self.values.get(field).map_or("", |v| v.trim())
    }

    pub(super) fn text(&self, field: &str) -> String {
        self.raw(field).to_string()
    }

    /// A required choice among codes.
    pub(super) fn choice<T: serde::de::DeserializeOwned>(&mut self, field: &str) -> Option<T> {
        let value = from_code(self.raw(field));
        self.required(field, value)
    }

    pub(super) fn whole<T: FromStr>(&mut self, field: &str, required: bool) -> Option<T> {
        let raw = self.raw(field);
        if raw.is_empty() {
            if required {
                self.problem(field, Problem::Required);
            }
            return None;
        }
        let value = raw.parse().ok();
        if value.is_none() {
            self.problem(field, Problem::WholeNumber);
        }
        value
    }

    pub(super) fn decimal(&mut self, field: &str) -> Option<Decimal> {
        let cleaned: String = self
            .raw(field)
            .chars()
            .filter(|c| !matches!(c, ',' | ' ' | '_'))
            .collect();
        if cleaned.is_empty() {
            return None;
        }
        let value = Decimal::from_str(&cleaned).ok();
        if value.is_none() {
            self.problem(field, Problem::Number);
        }
        value
    }

    pub(super) fn date(&mut self, field: &str) -> Option<NaiveDate> {
        let raw = self.raw(field);
        if raw.is_empty() {
            return None;
        }
        let value = NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok();
        if value.is_none() {
            self.problem(field, Problem::Date);
        }
        value
    }

    /// An optional id: empty is none; anything else must be an id.
    pub(super) fn id<T: FromStr>(&mut self, field: &str) -> Option<T> {
        let raw = self.raw(field);
        if raw.is_empty() {
            return None;
        }
        let value = raw.parse().ok();
        if value.is_none() {
            self.problem(field, Problem::Invalid);
        }
        value
    }

    pub(super) fn ids<T: FromStr + Ord>(&mut self, field: &str) -> BTreeSet<T> {
        self.id_list(field).into_iter().collect()
    }

    /// Ids in the order given (comma-separated); their rules (each once)
    /// are the validator's.
    pub(super) fn id_list<T: FromStr>(&mut self, field: &str) -> Vec<T> {
        let parsed: Result<Vec<T>, _> = self
            .raw(field)
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::parse)
            .collect();
        parsed.unwrap_or_else(|_| {
            self.problem(field, Problem::Invalid);
            Vec::new()
        })
    }

    /// An indicator's baseline and target by city, from the fields
    /// `city_baseline:<id>` and `city_target:<id>` (blank: none), in the
    /// cities' id order.
    pub(super) fn city_values(&mut self) -> Vec<CityValues> {
        let mut cities = BTreeSet::new();
        let mut malformed = Vec::new();
        for field in self.values.keys() {
            let Some(id) = field
                .strip_prefix(CITY_BASELINE)
                .or_else(|| field.strip_prefix(CITY_TARGET))
            else {
                continue;
            };
            match id.parse::<CityId>() {
                Ok(city) => {
                    cities.insert(city);
                }
                Err(_) => malformed.push(field.clone()),
            }
        }
        for field in malformed {
            self.problem(&field, Problem::Invalid);
        }
        cities
            .into_iter()
            .filter_map(|city| {
                let baseline = self.decimal(&format!("{CITY_BASELINE}{city}"));
                let target = self.decimal(&format!("{CITY_TARGET}{city}"));
                (baseline.is_some() || target.is_some()).then_some(CityValues {
                    city,
                    baseline,
                    target,
                })
            })
            .collect()
    }

    pub(super) fn code_set<T: serde::de::DeserializeOwned + Ord>(&mut self, field: &str) -> BTreeSet<T> {
        let parsed: Option<BTreeSet<T>> = self
            .raw(field)
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(from_code)
            .collect();
        parsed.unwrap_or_else(|| {
            self.problem(field, Problem::Invalid);
            BTreeSet::new()
        })
    }

    /// An amount in `currency`, as many decimals as it has minor units.
    pub(super) fn amount(&mut self, field: &str, currency: Currency) -> Option<Decimal> {
        let raw = self.raw(field).to_string();
        if raw.is_empty() {
            self.problem(field, Problem::Required);
            return None;
        }
        match Money::parse(&raw, currency.code()) {
            Ok(money) if !limits::amount_in_range(money.amount) => {
                self.problem(field, Problem::AmountTooLarge);
                None
            }
            Ok(money) => Some(money.amount),
            Err(MoneyError::Negative) => {
                self.problem(field, Problem::Negative);
                None
            }
            Err(MoneyError::TooManyDecimals { .. }) => {
                self.problem(field, Problem::TooManyDecimals);
                None
            }
            Err(_) => {
                self.problem(field, Problem::AmountFormat);
                None
            }
        }
    }

    /// A percentage with at most two decimals; its bounds are the
    /// validator's.
    pub(super) fn percent(&mut self, field: &str, required: bool) -> Option<Decimal> {
        let value = self.decimal(field);
        match value {
            None if required && !self.problems.contains_key(field) => self.problem(field, Problem::Required),
            Some(v) if v.normalize().scale() > 2 => self.problem(field, Problem::RateTooPrecise),
            _ => {}
        }
        value
    }

    /// A count or quantity: at most two decimals, never negative (the
    /// validator's rule).
    pub(super) fn quantity(&mut self, field: &str, required: bool) -> Option<Decimal> {
        let value = self.decimal(field);
        match value {
            None if required && !self.problems.contains_key(field) => self.problem(field, Problem::Required),
            Some(v) if v.normalize().scale() > 2 => self.problem(field, Problem::TooManyDecimals),
            _ => {}
        }
        value
    }

    pub(super) fn costs(&mut self, currency: Currency) -> Vec<CostLine> {
        let mut lines = Vec::new();
        for (field, value) in self.values.clone() {
            let Some(year) = field.strip_prefix("cost:").and_then(|y| y.parse::<u16>().ok()) else {
                continue;
            };
            if value.trim().is_empty() {
                continue;
            }
            match Money::parse(&value, currency.code()) {
                Ok(amount) if !limits::amount_in_range(amount.amount) => {
                    self.problem(&field, Problem::AmountTooLarge)
                }
                Ok(amount) => lines.push(CostLine { year, amount }),
                Err(MoneyError::Negative) => self.problem(&field, Problem::Negative),
                Err(MoneyError::TooManyDecimals { .. }) => self.problem(&field, Problem::TooManyDecimals),
                Err(_) => self.problem(&field, Problem::AmountFormat),
            }
        }
        lines
    }
}
