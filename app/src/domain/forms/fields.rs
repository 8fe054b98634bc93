//! Reading a form's fields: one id, or every field's problem at once.

use crate::domain::error::{AppError, FieldErrors, Problem};
use std::str::FromStr;

/// An id (or any value with `FromStr`) from a form's field, or that field's
/// problem: the one way a single id is read from a form.
pub fn parse_id<T: FromStr>(field: &str, text: &str) -> Result<T, AppError> {
    parse_as(field, text, Problem::Invalid)
}

/// As [`parse_id`], for a field whose refusal has a problem of its own (a
/// choice not made is `Required`).
pub fn parse_as<T: FromStr>(field: &str, text: &str, problem: Problem) -> Result<T, AppError> {
    text.parse().map_err(|_| AppError::invalid(field, problem))
}

/// Collects each field's problem while a form is read, so that one answer
/// names them all.
#[derive(Default)]
pub(super) struct Problems(FieldErrors);

impl Problems {
    /// The value, or `None` with `problem` noted for `field`.
    pub(super) fn check<T, E>(&mut self, field: &str, problem: Problem, value: Result<T, E>) -> Option<T> {
        value.map_err(|_| self.0.insert(field.to_string(), problem)).ok()
    }

    /// `value` when no field had a problem.
    pub(super) fn done<T>(self, value: Option<T>) -> Result<T, AppError> {
        match value {
            Some(value) if self.0.is_empty() => Ok(value),
            _ => Err(AppError::Invalid(self.0)),
        }
    }
}

#[cfg(test)]
pub(super) mod testing {
    use crate::domain::error::{AppError, Problem};

    pub const ID: &str = "6f1c2a4e-0000-4000-8000-000000000001";

    /// The fields an answer refused, with their problems.
    pub fn problems(error: AppError) -> Vec<(String, Problem)> {
        match error {
            AppError::Invalid(fields) => fields.into_iter().collect(),
            other => panic!("expected Invalid, got {other:?}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{problems, ID};
    use super::*;

    #[test]
    fn an_id_that_is_not_one_is_its_fields_problem() {
        assert_eq!(parse_id::<uuid::Uuid>("id", ID).unwrap().to_string(), ID);
        let error = parse_id::<uuid::Uuid>("person", "nobody").unwrap_err();
        assert_eq!(problems(error), [("person".to_string(), Problem::Invalid)]);
    }
}
