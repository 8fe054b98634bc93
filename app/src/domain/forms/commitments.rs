//! The forms of the commitments page: a commitment's write, a rate, the
//! funding target.

use super::fields::{parse_id, Problems};
use crate::domain::command::{
    Command, NewDisbursement, NewExchangeRate, NewFundingTarget, NewReRate, ReRateScope,
};
use crate::domain::commitment_form::CommitmentForm;
use crate::domain::error::{AppError, Problem};
use crate::domain::idempotency::IdempotencyKey;
use crate::domain::ids::{CommitmentId, DisbursementId};
use crate::domain::money::Currency;
use serde::{Deserialize, Serialize};

/// A commitment's write: without `revision` a new commitment, under its
/// id's key; with it an amendment, under the revision's key (both made when
/// the form was drawn, so a retried submit is recorded once), with the
/// commitment's id. The form's problems come first.
pub fn commitment_write(
    form: &CommitmentForm,
    revision: Option<&str>,
) -> Result<(CommitmentId, IdempotencyKey, Command), AppError> {
    let new = form.parse()?;
    let id = new.id;
    Ok(match revision {
        None => (id, IdempotencyKey::commitment(id), Command::RecordCommitment(new)),
        Some(revision) => (
            id,
            IdempotencyKey::revision(parse_id("revision", revision)?),
            Command::ReviseCommitment(new),
        ),
    })
}

/// The rate converting one unit of `currency` into the reporting currency.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExchangeRateForm {
    pub currency: String,
    pub per_unit: String,
    /// `YYYY-MM-DD`.
    pub as_of: String,
    pub source: String,
}

impl ExchangeRateForm {
    pub fn parse(self) -> Result<NewExchangeRate, AppError> {
        let mut problems = Problems::default();
        let currency = problems.check(
            "currency",
            Problem::UnknownCurrency,
            Currency::parse(&self.currency),
        );
        let per_unit = problems.check("per_unit", Problem::AmountFormat, self.per_unit.trim().parse());
        let as_of = problems.check(
            "as_of",
            Problem::DateFormat,
            chrono::NaiveDate::parse_from_str(self.as_of.trim(), "%Y-%m-%d"),
        );
        let rate = currency
            .zip(per_unit)
            .zip(as_of)
            .map(|((currency, per_unit), as_of)| NewExchangeRate {
                currency,
                per_unit,
                as_of,
                source: self.source.trim().to_string(),
            });
        problems.done(rate)
    }
}

/// The amount to raise while the design has no budget yet; thousands may
/// be grouped with commas, spaces or underscores.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FundingTargetForm {
    pub amount: String,
}

impl FundingTargetForm {
    pub fn parse(self) -> Result<NewFundingTarget, AppError> {
        let amount = crate::domain::money::without_grouping(&self.amount)
            .parse()
            .map_err(|_| AppError::invalid("amount", Problem::AmountFormat))?;
        Ok(NewFundingTarget { amount })
    }
}

/// A disbursement against a commitment: its id (drawn with the form, the
/// key of the write, so a retried submit is recorded once), the day it was
/// paid and the amount in the commitment's currency, thousands grouped as
/// people type them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisbursementForm {
    pub id: String,
    pub commitment: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub amount: String,
}

impl DisbursementForm {
    /// The command and the key it is written under.
    pub fn parse(self) -> Result<(IdempotencyKey, Command), AppError> {
        let mut problems = Problems::default();
        let id = problems.check("id", Problem::Invalid, self.id.trim().parse::<DisbursementId>());
        let commitment = problems.check("commitment", Problem::Invalid, self.commitment.trim().parse());
        let date = problems.check(
            "date",
            Problem::DateFormat,
            chrono::NaiveDate::parse_from_str(self.date.trim(), "%Y-%m-%d"),
        );
        let amount = match crate::domain::money::without_grouping(&self.amount) {
            text if text.is_empty() => problems.check("amount", Problem::Required, Err(())),
            text => problems.check("amount", Problem::AmountFormat, text.parse()),
        };
        let new = id
            .zip(commitment)
            .zip(date)
            .zip(amount)
            .map(|(((id, commitment), date), amount)| NewDisbursement {
                id,
                commitment,
                date,
                amount,
            });
        let new = problems.done(new)?;
        Ok((
            IdempotencyKey::disbursement(new.id),
            Command::RecordDisbursement(new),
        ))
    }
}

/// A re-rating: the currency, the day its current rate was set, and,
/// blank or a day: its commitments recorded without a rate, or all those
/// recorded since that day.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReRateForm {
    pub currency: String,
    /// `YYYY-MM-DD`.
    pub rate_as_of: String,
    /// `YYYY-MM-DD`, or blank.
    #[serde(default)]
    pub since: String,
}

impl ReRateForm {
    pub fn parse(self) -> Result<NewReRate, AppError> {
        let mut problems = Problems::default();
        let day = |text: &str| chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d");
        let currency = problems.check(
            "currency",
            Problem::UnknownCurrency,
            Currency::parse(&self.currency),
        );
        let rate_as_of = problems.check("rate_as_of", Problem::DateFormat, day(&self.rate_as_of));
        let scope = match self.since.trim() {
            "" => Some(ReRateScope::WithoutRate),
            since => problems
                .check("since", Problem::DateFormat, day(since))
                .map(|day| ReRateScope::Since { day }),
        };
        let new = currency
            .zip(rate_as_of)
            .zip(scope)
            .map(|((currency, rate_as_of), scope)| NewReRate {
                currency,
                rate_as_of,
                scope,
            });
        problems.done(new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::forms::fields::testing::{problems, ID};

    #[test]
    fn a_commitment_is_recorded_under_its_id_and_amended_under_its_revision() {
        let form = CommitmentForm {
            id: ID.into(),
            organisation: ID.into(),
            amount: "100".into(),
            currency: "EUR".into(),
            instrument: "grant".into(),
            status: "indicative_pledge".into(),
            earmark: "programme".into(),
            years: "2027".into(),
            ..CommitmentForm::default()
        };
        let (id, key, command) = commitment_write(&form, None).unwrap();
        assert_eq!(id.to_string(), ID);
        assert!(matches!(command, Command::RecordCommitment(_)));
        assert_eq!(key, IdempotencyKey::commitment(ID.parse().unwrap()));
        let (_, key, command) = commitment_write(&form, Some(ID)).unwrap();
        assert!(matches!(command, Command::ReviseCommitment(_)));
        assert_eq!(key, IdempotencyKey::revision(ID.parse().unwrap()));
        assert_eq!(
            problems(commitment_write(&form, Some("again")).unwrap_err()),
            [("revision".to_string(), Problem::Invalid)]
        );
    }

    #[test]
    fn a_commitments_public_box_is_ticked_when_posted_at_all() {
        let posted = |public: Option<&str>| {
            let mut form = serde_json::json!({
                "id": "", "organisation": "", "amount": "", "currency": "", "instrument": "",
                "status": "", "earmark": "", "years": "", "conditions": "", "note": ""
            });
            if let Some(value) = public {
                form["public"] = value.into();
            }
            serde_json::from_value::<CommitmentForm>(form).unwrap().public
        };
        assert!(posted(Some("on")));
        assert!(posted(Some("")));
        assert!(!posted(None));
    }

    #[test]
    fn an_exchange_rate_form_reports_currency_rate_and_date_at_once() {
        let form = ExchangeRateForm {
            currency: "KES".into(),
            per_unit: " 0.0071 ".into(),
            as_of: "2026-03-01".into(),
            source: " central bank ".into(),
        };
        let rate = form.parse().unwrap();
        assert_eq!(rate.per_unit.to_string(), "0.0071");
        assert_eq!(rate.as_of.to_string(), "2026-03-01");
        assert_eq!(rate.source, "central bank");
        let bad = ExchangeRateForm {
            currency: "??".into(),
            per_unit: "a lot".into(),
            as_of: "1 March".into(),
            source: String::new(),
        };
        assert_eq!(
            problems(bad.parse().unwrap_err()),
            [
                ("as_of".to_string(), Problem::DateFormat),
                ("currency".to_string(), Problem::UnknownCurrency),
                ("per_unit".to_string(), Problem::AmountFormat)
            ]
        );
    }

    #[test]
    fn a_disbursement_is_written_under_its_own_id_and_names_each_bad_field() {
        let form = DisbursementForm {
            id: ID.into(),
            commitment: ID.into(),
            date: "2026-11-30".into(),
            amount: "1,250,000.50".into(),
        };
        let (key, command) = form.parse().unwrap();
        assert_eq!(key, IdempotencyKey::disbursement(ID.parse().unwrap()));
        let Command::RecordDisbursement(new) = command else {
            panic!("a disbursement");
        };
        assert_eq!(new.amount.to_string(), "1250000.50");
        let bad = DisbursementForm {
            id: ID.into(),
            commitment: "which".into(),
            date: "yesterday".into(),
            amount: " ".into(),
        };
        assert_eq!(
            problems(bad.parse().unwrap_err()),
            [
                ("amount".to_string(), Problem::Required),
                ("commitment".to_string(), Problem::Invalid),
                ("date".to_string(), Problem::DateFormat)
            ]
        );
    }

    #[test]
    fn a_re_rating_is_of_those_without_a_rate_unless_a_day_is_given() {
        let form = ReRateForm {
            currency: "eur".into(),
            rate_as_of: "2026-11-02".into(),
            since: String::new(),
        };
        assert_eq!(form.clone().parse().unwrap().scope, ReRateScope::WithoutRate);
        let since = ReRateForm {
            since: "2026-11-20".into(),
            ..form.clone()
        };
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
        assert_eq!(since.parse().unwrap().scope, ReRateScope::Since { day });
        let bad = ReRateForm {
            since: "last week".into(),
            ..form
        };
        assert_eq!(
            problems(bad.parse().unwrap_err()),
            [("since".to_string(), Problem::DateFormat)]
        );
    }

    #[test]
    fn a_funding_target_may_group_its_thousands() {
        let form = FundingTargetForm {
            amount: "1,250 000_5".into(),
        };
        assert_eq!(form.parse().unwrap().amount.to_string(), "12500005");
        let bad = FundingTargetForm {
            amount: "much".into(),
        };
        assert_eq!(
            problems(bad.parse().unwrap_err()),
            [("amount".to_string(), Problem::AmountFormat)]
        );
    }
}
