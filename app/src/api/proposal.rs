//! Server functions of the consolidated proposal: the page's document (now,
//! an issued version, or a moment replayed), issuing a version, comparing
//! two.

#[cfg(feature = "ssr")]
use crate::document::Showing;
use crate::document::{ProposalComparison, ProposalView};
use crate::domain::error::AppError;
use crate::domain::forms::IssueProposalForm;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::service;

/// The workshop now, and as it stood at the moment shown.
#[cfg(feature = "ssr")]
type NowAndThen = (
    std::sync::Arc<crate::domain::state::WorkshopState>,
    crate::domain::state::WorkshopState,
);

/// The state a `Showing` names: the current one, or folded from the log.
/// The export endpoints and the command line use it with the engine.
#[cfg(feature = "ssr")]
pub async fn state_at(
    workshops: &dyn service::Workshops,
    slug: &str,
    showing: Showing,
) -> Result<NowAndThen, AppError> {
    let now = workshops.workshop(slug).await?;
    let then = match showing.position(&now)? {
        Some(seq) => workshops.workshop_at(slug, seq).await?,
        None => (*now).clone(),
    };
    Ok((now, then))
}

/// The proposal page's view for the request's actor.
#[cfg(feature = "ssr")]
async fn state_showing(slug: &str, showing: Showing) -> Result<NowAndThen, AppError> {
    state_at(service::workshops()?.as_ref(), slug, showing).await
}

#[cfg(feature = "ssr")]
async fn proposal_view(slug: String, showing: Showing, lang: String) -> Result<ProposalView, AppError> {
    let actor = service::actor_in(&slug).await?;
    let (now, then) = state_showing(&slug, showing).await?;
    let locale = crate::i18n::Locale::from_tag(&lang).unwrap_or_default();
    ProposalView::of(&now, &then, &actor, showing, locale)
}

/// Issued version `before` against `after` (0: the proposal now).
#[cfg(feature = "ssr")]
async fn comparison(
    slug: String,
    before: u32,
    after: u32,
    lang: String,
) -> Result<ProposalComparison, AppError> {
    let actor = service::actor_in(&slug).await?;
    let pick = |n: u32| {
        if n == 0 {
            Showing::Now
        } else {
            Showing::Version { number: n }
        }
    };
    let (_, old) = state_showing(&slug, pick(before)).await?;
    let (_, new) = state_showing(&slug, pick(after)).await?;
    let locale = crate::i18n::Locale::from_tag(&lang).unwrap_or_default();
    ProposalComparison::of(
        (&old, format!("v{before}")),
        (&new, format!("v{after}")),
        &actor,
        locale,
    )
}

/// `version` (an issued number) or `moment` (a log position), or neither
/// for now; `lang` a language tag.
#[server]
pub async fn load_proposal(
    slug: String,
    version: Option<u32>,
    moment: Option<u64>,
    lang: String,
) -> Result<ProposalView, AppError> {
    service::respond(proposal_view(slug, Showing::from_query(version, moment), lang)).await
}

#[server]
pub async fn issue_proposal(
    slug: String,
    #[server(flatten)] form: IssueProposalForm,
) -> Result<(), AppError> {
    use crate::domain::command::Command;
    service::respond(async {
        let actor = service::actor_in(&slug).await?;
        let (key, new) = form.parse()?;
        service::execute(&slug, actor, &key, Command::IssueProposal(new)).await
    })
    .await
}

/// Version `before` against version `after` (0: the proposal now).
#[server]
pub async fn compare_proposals(
    slug: String,
    before: u32,
    after: u32,
    lang: String,
) -> Result<ProposalComparison, AppError> {
    service::respond(comparison(slug, before, after, lang)).await
}

/// The workshop's overview replayed to event `seq`, for those who may read
/// the proposal (a replay shows what the proposal at that moment shows).
#[cfg(feature = "ssr")]
pub(super) async fn overview_at(
    slug: &str,
    seq: u64,
) -> Result<crate::domain::analytics::WorkshopOverview, AppError> {
    let actor = service::actor_in(slug).await?;
    let (now, then) = state_showing(slug, Showing::Moment { seq }).await?;
    if !crate::document::may_read(&now, &actor) {
        return Err(AppError::Forbidden);
    }
    crate::domain::analytics::WorkshopOverview::replayed(&now, &then).ok_or(AppError::Internal)
}

#[cfg(feature = "ssr")]
async fn timeline(slug: String, moment: Option<u64>) -> Result<crate::domain::timeline::Timeline, AppError> {
    use crate::domain::timeline::Timeline;
    // Pages show the picker to whoever may replay, and nothing (not an
    // error, which would fail the whole page) to anyone else.
    let actor = match service::actor_in(&slug).await {
        Err(AppError::Unauthenticated | AppError::Forbidden) => return Ok(Timeline::default()),
        other => other?,
    };
    let workshops = service::workshops()?;
    if !crate::document::may_read(&*workshops.workshop(&slug).await?, &actor) {
        return Ok(Timeline::default());
    }
    let moments = workshops.moments(&slug).await?;
    Ok(crate::domain::timeline::Timeline {
        moments,
        chosen: moment,
    })
}

/// The session's moments for a replay picker, `moment` the one chosen;
/// none for those who may not replay.
#[server]
pub async fn load_timeline(
    slug: String,
    moment: Option<u64>,
) -> Result<crate::domain::timeline::Timeline, AppError> {
    service::respond(timeline(slug, moment)).await
}
