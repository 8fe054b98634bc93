//! The forms of creating and setting up a workshop, joining it with an
//! invite, and its stages' texts.

use super::fields::{parse_id, Problems};
use crate::domain::command::{Command, DesignText, NewOrganisation, NewWorkshop, OrganisationIatiRef};
use crate::domain::commitment_form::from_code;
use crate::domain::error::{AppError, Problem};
use crate::domain::ids::DelegateId;
use crate::domain::money::Currency;
use serde::{Deserialize, Serialize};

/// A new workshop; `id` is made when the form is drawn.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkshopForm {
    pub id: String,
    pub slug: String,
    pub title: String,
    pub programme: String,
    pub reporting_currency: String,
}

impl WorkshopForm {
    pub fn parse(self) -> Result<NewWorkshop, AppError> {
        let mut problems = Problems::default();
        let id = problems.check("id", Problem::Invalid, self.id.parse());
        let reporting_currency = problems.check(
            "reporting_currency",
            Problem::UnknownCurrency,
            Currency::parse(&self.reporting_currency),
        );
        let new = id
            .zip(reporting_currency)
            .map(|(id, reporting_currency)| NewWorkshop {
                id,
                slug: self.slug.trim().to_lowercase(),
                title: self.title,
                programme: self.programme,
                reporting_currency,
            });
        problems.done(new)
    }
}

/// A workshop that already exists is its slug's problem: the form shows it
/// next to that field.
pub fn slug_taken(error: AppError) -> AppError {
    match error {
        AppError::AlreadyExists(_) => AppError::invalid("slug", Problem::Taken),
        other => other,
    }
}

/// An organisation the facilitator adds; `kind` is its IATI type's code.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationForm {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub country: String,
    pub city: String,
    /// Its name in Chinese, if it has one; blank for none.
    #[serde(default)]
    pub name_zh: String,
    /// A checkbox: "true" when ticked, absent when not.
    #[serde(default)]
    pub financier: String,
    /// Its IATI organisation identifier (`XM-DAC-41114`); blank for none.
    #[serde(default)]
    pub iati_ref: String,
}

impl OrganisationForm {
    pub fn parse(self) -> Result<NewOrganisation, AppError> {
        let mut problems = Problems::default();
        let id = problems.check("id", Problem::Invalid, self.id.parse());
        let kind = problems.check("kind", Problem::Invalid, from_code(&self.kind).ok_or(()));
        let new = id.zip(kind).map(|(id, kind)| NewOrganisation {
            id,
            name: self.name,
            kind,
            country: self.country.trim().to_uppercase(),
            city: Some(self.city),
            name_zh: Some(self.name_zh),
            financier: Some(!self.financier.trim().is_empty()),
            iati_ref: Some(self.iati_ref.trim().to_string()).filter(|r| !r.is_empty()),
        });
        problems.done(new)
    }
}

/// An organisation's IATI identifier set later; blank takes it away.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationIatiRefForm {
    pub organisation: String,
    pub iati_ref: String,
}

impl OrganisationIatiRefForm {
    pub fn parse(self) -> Result<OrganisationIatiRef, AppError> {
        let organisation = parse_id("organisation", &self.organisation)?;
        let iati_ref = Some(self.iati_ref.trim().to_string()).filter(|r| !r.is_empty());
        Ok(OrganisationIatiRef {
            organisation,
            iati_ref,
        })
    }
}

/// One of a stage's texts, by its field's code. The version it was edited
/// from is not part of it: it is a number, sent as its own argument.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DesignTextForm {
    pub field: String,
    pub text: String,
}

impl DesignTextForm {
    pub fn parse(self, based_on: u64) -> Result<DesignText, AppError> {
        let field = from_code(&self.field).ok_or_else(|| AppError::invalid("field", Problem::Invalid))?;
        Ok(DesignText {
            field,
            text: self.text,
            based_on: Some(based_on),
        })
    }
}

/// A stage and the status to give it (`open` or `locked`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageStatusForm {
    pub stage: String,
    pub status: String,
}

impl StageStatusForm {
    pub fn parse(self) -> Result<Command, AppError> {
        let mut problems = Problems::default();
        let stage = problems.check("stage", Problem::Invalid, from_code(&self.stage).ok_or(()));
        let status = problems.check("status", Problem::Invalid, from_code(&self.status).ok_or(()));
        let command = stage
            .zip(status)
            .map(|(stage, status)| Command::SetStageStatus { stage, status });
        problems.done(command)
    }
}

/// A delegate joining with an invite link; `delegate` is made when the
/// form is drawn, so a retried join is one person.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DelegateForm {
    pub delegate: String,
    pub name: String,
    pub email: String,
}

/// A delegate as `DelegateForm` gives them: no email when none was typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JoiningDelegate {
    pub delegate: DelegateId,
    pub name: String,
    pub email: Option<String>,
}

impl DelegateForm {
    pub fn parse(self) -> Result<JoiningDelegate, AppError> {
        Ok(JoiningDelegate {
            delegate: parse_id("delegate", &self.delegate)?,
            name: self.name,
            email: Some(self.email.trim().to_string()).filter(|e| !e.is_empty()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::forms::fields::testing::{problems, ID};
    use crate::domain::model::{DesignField, OrganisationType, Stage, StageStatus};

    #[test]
    fn a_workshop_form_reports_every_bad_field_and_lowercases_the_slug() {
        let form = WorkshopForm {
            id: ID.into(),
            slug: " Summit ".into(),
            title: "T".into(),
            programme: "P".into(),
            reporting_currency: "EUR".into(),
        };
        let new = form.clone().parse().unwrap();
        assert_eq!(
            (new.slug.as_str(), new.reporting_currency.code()),
            ("summit", "EUR")
        );
        let bad = WorkshopForm {
            id: "x".into(),
            reporting_currency: "XYZ".into(),
            ..form
        };
        assert_eq!(
            problems(bad.parse().unwrap_err()),
            [
                ("id".to_string(), Problem::Invalid),
                ("reporting_currency".to_string(), Problem::UnknownCurrency)
            ]
        );
    }

    #[test]
    fn a_workshop_that_exists_is_a_taken_slug() {
        let taken = slug_taken(AppError::AlreadyExists("summit".into()));
        assert_eq!(problems(taken), [("slug".to_string(), Problem::Taken)]);
        assert_eq!(slug_taken(AppError::Forbidden), AppError::Forbidden);
    }

    #[test]
    fn an_organisation_form_reads_its_type_code_and_uppercases_the_country() {
        let form = OrganisationForm {
            id: ID.into(),
            name: "Port".into(),
            kind: "local_government".into(),
            country: " ke ".into(),
            city: "Mombasa".into(),
            name_zh: "蒙巴萨港".into(),
            financier: String::new(),
            iati_ref: " XM-DAC-41114 ".into(),
        };
        let new = form.clone().parse().unwrap();
        assert_eq!(new.iati_ref.as_deref(), Some("XM-DAC-41114"), "trimmed");
        assert_eq!(new.kind, OrganisationType::LocalGovernment);
        assert_eq!(new.country, "KE");
        assert_eq!(new.name_zh.as_deref(), Some("蒙巴萨港"));
        assert_eq!(new.city.as_deref(), Some("Mombasa"));
        let bad = OrganisationForm {
            id: String::new(),
            kind: "pirate".into(),
            ..form
        };
        assert_eq!(
            problems(bad.parse().unwrap_err()),
            [
                ("id".to_string(), Problem::Invalid),
                ("kind".to_string(), Problem::Invalid)
            ]
        );
    }

    #[test]
    fn a_design_text_names_its_field_by_code_and_keeps_its_base_version() {
        let field = crate::domain::commitment_form::code_of(DesignField::ALL[0]);
        let form = DesignTextForm {
            field,
            text: "Why".into(),
        };
        let text = form.parse(3).unwrap();
        assert_eq!((text.field, text.based_on), (DesignField::ALL[0], Some(3)));
        let bad = DesignTextForm {
            field: "nonsense".into(),
            text: String::new(),
        };
        assert_eq!(
            problems(bad.parse(0).unwrap_err()),
            [("field".to_string(), Problem::Invalid)]
        );
    }

    #[test]
    fn a_stage_status_form_is_the_command_or_both_problems() {
        let form = StageStatusForm {
            stage: "commitments".into(),
            status: "locked".into(),
        };
        assert_eq!(
            form.parse().unwrap(),
            Command::SetStageStatus {
                stage: Stage::Commitments,
                status: StageStatus::Locked
            }
        );
        let bad = StageStatusForm::default();
        assert_eq!(
            problems(bad.parse().unwrap_err()),
            [
                ("stage".to_string(), Problem::Invalid),
                ("status".to_string(), Problem::Invalid)
            ]
        );
    }

    #[test]
    fn a_delegate_without_an_email_has_none() {
        let form = DelegateForm {
            delegate: ID.into(),
            name: "Ann".into(),
            email: "  ".into(),
        };
        assert_eq!(form.clone().parse().unwrap().email, None);
        let with_email = DelegateForm {
            email: " ann@example.org ".into(),
            ..form.clone()
        };
        assert_eq!(
            with_email.parse().unwrap().email.as_deref(),
            Some("ann@example.org")
        );
        let bad = DelegateForm {
            delegate: "me".into(),
            ..form
        };
        assert_eq!(
            problems(bad.parse().unwrap_err()),
            [("delegate".to_string(), Problem::Invalid)]
        );
    }
}
