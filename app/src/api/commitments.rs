//! Server functions of stage 4: the commitments register, recording and
//! revising commitments, rates and the funding target, and the public
//! dashboard the projector shows.

use crate::domain::commitment_form::CommitmentForm;
use crate::domain::dashboard::Dashboard;
use crate::domain::error::AppError;
use crate::domain::forms::{ExchangeRateForm, FundingTargetForm};
use crate::domain::ids::OrganisationId;
use crate::domain::money::Currency;
use crate::domain::register::RegisterLine;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::service;

/// What the commitments page shows to a facilitator or a delegate, with
/// what this viewer may do there, decided once here.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitmentsView {
    pub version: u64,
    pub title: String,
    pub reporting_currency: Currency,
    /// Facilitators see every organisation's commitments and may record
    /// for any, export, set rates and the target; a delegate sees and
    /// records only their own.
    pub facilitator: bool,
    /// Whether this viewer may record a new commitment now: the stage is
    /// open, or they run the workshop.
    pub may_record: bool,
    /// What a commitment's form offers this viewer.
    pub choices: CommitmentChoices,
    pub locked: bool,
    pub lines: Vec<LineView>,
    /// Pledges still to be made firm, for the facilitators (empty for
    /// anyone else).
    pub awaiting: Vec<RegisterLine>,
    pub dashboard: Dashboard,
    pub rates: Vec<crate::domain::model::ExchangeRate>,
}

/// The choices of a commitment's form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitmentChoices {
    /// The organisations this viewer may record for: (id, name).
    pub organisations: Vec<(OrganisationId, String)>,
    /// Earmark choices: (code, label), components first, then cities.
    pub earmarks: Vec<(String, String)>,
}

/// A line of the register as this viewer sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineView {
    #[serde(flatten)]
    pub line: RegisterLine,
    /// Whether this viewer may amend or withdraw it.
    pub may_edit: bool,
}

#[cfg(feature = "ssr")]
fn commitments_view(
    state: &crate::domain::state::WorkshopState,
    actor: &crate::domain::event::Actor,
) -> Result<CommitmentsView, AppError> {
    use crate::domain::commitment_form::earmark_code;
    use crate::domain::event::Actor;
    use crate::domain::model::*;
    use crate::domain::register::{awaiting_confirmation, earmark_label, register_for};
    let setup = state
        .setup
        .as_ref()
        .ok_or(AppError::NotFound("workshop".into()))?;
    let facilitator = crate::domain::command::administers(state, actor);
    let organisations = state
        .organisations
        .values()
        .filter(|o| {
            facilitator || matches!(actor, Actor::Delegate { organisation, .. } if *organisation == o.id)
        })
        .map(|o| (o.id, o.name.clone()))
        .collect::<Vec<_>>();
    if organisations.is_empty() && !facilitator {
        return Err(AppError::Forbidden);
    }
    let cities = state
        .organisations
        .values()
        .filter(|o| o.kind == OrganisationType::LocalGovernment)
        .filter_map(|o| o.city.clone())
        .collect::<std::collections::BTreeSet<_>>();
    let earmarks = state
        .design
        .components
        .iter()
        .map(|c| Earmark::Component { component: c.id })
        .chain(cities.into_iter().map(|city| Earmark::City { city }))
        .map(|e| (earmark_code(&e), earmark_label(state, &e)))
        .collect();
    let locked = state.stage_status(Stage::Commitments) == StageStatus::Locked;
    // A locked stage is read-only for everyone but its facilitators.
    let may_change = facilitator || !locked;
    let lines = register_for(state, actor);
    let awaiting = if facilitator {
        awaiting_confirmation(&lines).into_iter().cloned().collect()
    } else {
        Vec::new()
    };
    Ok(CommitmentsView {
        version: state.version,
        title: setup.title.clone(),
        reporting_currency: setup.reporting_currency,
        facilitator,
        may_record: may_change,
        choices: CommitmentChoices {
            organisations,
            earmarks,
        },
        locked,
        lines: lines
            .into_iter()
            .map(|line| LineView {
                line,
                may_edit: may_change,
            })
            .collect(),
        awaiting,
        dashboard: Dashboard::of(state).ok_or(AppError::NotFound("workshop".into()))?,
        rates: state.rates.values().cloned().collect(),
    })
}

#[server]
pub async fn load_commitments(slug: String) -> Result<CommitmentsView, AppError> {
    service::respond(async {
        let actor = service::actor_in(&slug).await?;
        let state = service::workshops()?.workshop(&slug).await?;
        commitments_view(&state, &actor)
    })
    .await
}

/// The projected dashboard: public, so it needs no account and carries
/// nothing confidential (see `Dashboard`).
#[server]
pub async fn load_dashboard(slug: String) -> Result<Dashboard, AppError> {
    service::respond(async {
        let state = service::workshops()?.workshop(&slug).await?;
        Dashboard::of(&state).ok_or(AppError::NotFound(slug))
    })
    .await
}

/// Records a new commitment, or with `revision` amends one (new values, a
/// step on the ladder, a withdrawal). The key of the write is the new
/// commitment's id, or the revision's id, both made when the form was
/// drawn: a retried or double-clicked submit is recorded once.
#[server]
pub async fn save_commitment(
    slug: String,
    revision: Option<String>,
    #[server(flatten)] form: CommitmentForm,
) -> Result<String, AppError> {
    service::respond(async {
        let actor = service::actor_in(&slug).await?;
        let (id, key, command) = crate::domain::forms::commitment_write(&form, revision.as_deref())?;
        service::execute(&slug, actor, &key, command).await?;
        Ok(id.to_string())
    })
    .await
}

/// Sets the rate converting one unit of `currency` into the reporting
/// currency, with its date and source.
#[server]
pub async fn set_exchange_rate(
    slug: String,
    #[server(flatten)] form: ExchangeRateForm,
) -> Result<(), AppError> {
    use crate::domain::command::Command;
    service::respond(async {
        let actor = service::actor_in(&slug).await?;
        let rate = form.parse()?;
        let key = crate::domain::idempotency::IdempotencyKey::exchange_rate(&rate);
        service::execute(&slug, actor, &key, Command::SetExchangeRate(rate)).await
    })
    .await
}

/// Sets the amount to raise while the design has no budget yet.
#[server]
pub async fn set_funding_target(
    slug: String,
    #[server(flatten)] form: FundingTargetForm,
) -> Result<(), AppError> {
    use crate::domain::command::Command;
    service::respond(async {
        let actor = service::actor_in(&slug).await?;
        let target = form.parse()?;
        let key = crate::domain::idempotency::IdempotencyKey::funding_target();
        service::execute(&slug, actor, &key, Command::SetFundingTarget(target)).await
    })
    .await
}
