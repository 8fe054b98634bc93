//! Server functions of stage 4: the commitments register, recording and
//! revising commitments, rates and the funding target, and the public
//! dashboard the projector shows.

use crate::domain::commitment_form::CommitmentForm;
use crate::domain::dashboard::Dashboard;
use crate::domain::error::AppError;
use crate::domain::forms::{DisbursementForm, ExchangeRateForm, FundingTargetForm, ReRateForm};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::service;

pub use crate::domain::commitments_view::{CommitmentChoices, CommitmentsView, LineView};

#[server]
pub async fn load_commitments(slug: String) -> Result<CommitmentsView, AppError> {
    service::respond(async {
        let actor = service::actor_in(&slug).await?;
        let state = service::workshops()?.workshop(&slug).await?;
        CommitmentsView::of(&state, &actor)
    })
    .await
}

/// The projected dashboard: public, so it needs no account and carries
/// nothing confidential (see `Dashboard`). The server builds it once per
/// version for everyone (the projector's live stream sends the same).
#[server]
pub async fn load_dashboard(slug: String) -> Result<Dashboard, AppError> {
    service::respond(async { service::workshops()?.dashboard(&slug).await }).await
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

/// Records money paid out on a firm commitment, under the id the form
/// drew: a retried submit is recorded once.
#[server]
pub async fn record_disbursement(
    slug: String,
    #[server(flatten)] form: DisbursementForm,
) -> Result<(), AppError> {
    service::respond(async {
        let actor = service::actor_in(&slug).await?;
        let (key, command) = form.parse()?;
        service::execute(&slug, actor, &key, command).await
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

/// Applies a currency's current rate again to its commitments recorded
/// without one, or since a day: an explicit, logged facilitator action.
#[server]
pub async fn re_rate(slug: String, #[server(flatten)] form: ReRateForm) -> Result<(), AppError> {
    use crate::domain::command::Command;
    service::respond(async {
        let actor = service::actor_in(&slug).await?;
        let new = form.parse()?;
        let key = crate::domain::idempotency::IdempotencyKey::re_rate();
        service::execute(&slug, actor, &key, Command::ReRate(new)).await
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
