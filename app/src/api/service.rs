//! What the server provides to server functions: one small trait per
//! subdomain (workshops and their logs, accounts, invites, the room, API
//! tokens), each provided as its own context (`Arc<dyn Trait>`), so that the
//! app never depends on the server crate and each trait has exactly one
//! implementation there (`server::engine::Engine` for `Workshops`, the rest
//! in `server::services`).

pub use crate::domain::account::{
    ApiTokenInfo, InviteView, NewColleague, NewPassword, PasswordChange, SignedIn,
};
use crate::domain::command::Command;
use crate::domain::error::AppError;
use crate::domain::event::Actor;
use crate::domain::idempotency::IdempotencyKey;
use crate::domain::ids::{DelegateId, OrganisationId, ParticipantId};
use crate::domain::state::WorkshopState;
use std::sync::Arc;

/// The workshops and their event logs: what everyone reads, and the one way
/// to change a workshop (`execute`). The server's engine implements it.
#[async_trait::async_trait]
pub trait Workshops: Send + Sync + 'static {
    /// Every workshop's current state.
    async fn workshops(&self) -> Result<Vec<Arc<WorkshopState>>, AppError>;
    /// One workshop's current state, by slug.
    async fn workshop(&self, slug: &str) -> Result<Arc<WorkshopState>, AppError>;
    /// The public dashboard (names masked, `Dashboard::of`) as of the
    /// current version: built at most once per version and shared by every
    /// screen and every caller.
    async fn dashboard(&self, slug: &str) -> Result<crate::domain::dashboard::Dashboard, AppError>;
    /// The workshop as it stood after event `seq`: an issued version of the
    /// proposal, or a moment replayed. Folded from the log each time.
    async fn workshop_at(&self, slug: &str, seq: u64) -> Result<WorkshopState, AppError>;
    /// The log's events as the replay timeline lists them.
    async fn moments(&self, slug: &str) -> Result<Vec<crate::domain::timeline::Moment>, AppError>;
    /// Decides and durably appends a command; returns the workshop's version
    /// after it. A repeated `idempotency_key` returns the first answer.
    async fn execute(
        &self,
        slug: &str,
        actor: Actor,
        idempotency_key: &IdempotencyKey,
        command: Command,
    ) -> Result<u64, AppError>;
}

/// Facilitators' accounts: passwords, sessions, adding colleagues.
#[async_trait::async_trait]
pub trait Accounts: Send + Sync + 'static {
    /// Checks a facilitator's password and opens a session.
    async fn sign_in(&self, email: &str, password: &str) -> Result<NewSession, AppError>;
    /// The signed-in facilitator of a session token, if it is alive.
    async fn session(&self, token: &str) -> Result<Option<SignedIn>, AppError>;
    /// Ends a session.
    async fn sign_out(&self, token: &str) -> Result<(), AppError>;
    /// Makes a person a facilitator of the workshop, creating their account
    /// first if their email has none (then a name is needed). For a new
    /// account, the token of a one-time link with which they set their own
    /// password.
    async fn add_facilitator(
        &self,
        slug: &str,
        actor: Actor,
        colleague: NewColleague,
    ) -> Result<Option<String>, AppError>;
    /// Changes the password of a session's facilitator, who gives the
    /// current one; their other sessions end.
    async fn change_password(&self, session_token: &str, change: PasswordChange) -> Result<(), AppError>;
    /// The email a live one-time password link is for.
    async fn password_link(&self, token: &str) -> Result<String, AppError>;
    /// Sets a password through a one-time link, which dies with it.
    async fn set_password_by_link(&self, token: &str, password: NewPassword) -> Result<(), AppError>;
}

/// Invite links for organisations' delegates, and delegates' device sessions.
#[async_trait::async_trait]
pub trait Invites: Send + Sync + 'static {
    /// A new invite link token for an organisation; earlier links die.
    async fn issue_invite(
        &self,
        slug: &str,
        actor: Actor,
        organisation: OrganisationId,
    ) -> Result<String, AppError>;
    /// Kills every invite link of an organisation.
    async fn revoke_invites(
        &self,
        slug: &str,
        actor: Actor,
        organisation: OrganisationId,
    ) -> Result<(), AppError>;
    /// What a live invite link opens.
    async fn invite(&self, token: &str) -> Result<InviteView, AppError>;
    /// Joins the holder of an invite link as a delegate on this device.
    async fn join(
        &self,
        token: &str,
        delegate: DelegateId,
        name: String,
        email: Option<String>,
    ) -> Result<Joined, AppError>;
    /// The delegate of a device session, if any.
    async fn delegate_session(&self, token: &str) -> Result<Option<DelegateSession>, AppError>;
}

/// The room: its code, participants' sessions, their requests to act for an
/// organisation, and removing people.
#[async_trait::async_trait]
pub trait Room: Send + Sync + 'static {
    /// The workshop's short room code, made on first use.
    async fn room_code(&self, slug: &str) -> Result<String, AppError>;
    /// Joins the room of a code as a participant on this device.
    /// `client` is the address wrong codes are counted for.
    async fn join_room(
        &self,
        code: &str,
        participant: ParticipantId,
        name: String,
        client: &str,
    ) -> Result<Joined, AppError>;
    /// The participant of a device session, if any.
    async fn participant_session(&self, token: &str) -> Result<Option<ParticipantSession>, AppError>;
    /// A facilitator approves or declines a participant's request to act
    /// for the organisation the facilitator was shown.
    async fn decide_delegation(
        &self,
        slug: &str,
        actor: Actor,
        participant: ParticipantId,
        organisation: OrganisationId,
        approve: bool,
    ) -> Result<(), AppError>;
    /// Removes a delegate or participant (by id) from the workshop; their
    /// sessions end at once, their records stay.
    async fn remove_person(&self, slug: &str, actor: Actor, person: uuid::Uuid) -> Result<(), AppError>;
}

/// Read-only API tokens for a workshop's exports.
#[async_trait::async_trait]
pub trait ApiTokens: Send + Sync + 'static {
    /// A new read-only API token for the workshop's exports: its id and secret.
    async fn create_api_token(&self, slug: &str, actor: Actor) -> Result<(String, String), AppError>;
    async fn revoke_api_token(&self, slug: &str, actor: Actor, id: &str) -> Result<(), AppError>;
    async fn api_tokens(&self, slug: &str, actor: Actor) -> Result<Vec<ApiTokenInfo>, AppError>;
}

pub const SESSION_COOKIE: &str = "rt_session";
pub const DELEGATE_COOKIE: &str = "rt_delegate";
pub const PARTICIPANT_COOKIE: &str = "rt_participant";

/// The address of the client that sent the request, as the server saw it;
/// the server's security layer puts it in the request's extensions.
#[derive(Clone, Debug)]
pub struct ClientAddress(pub String);

/// The client address of the current request (for counting wrong guesses).
pub fn client_address() -> String {
    request::parts()
        .and_then(|parts| parts.extensions.get::<ClientAddress>().cloned())
        .map(|ClientAddress(address)| address)
        .unwrap_or_else(|| "unknown".into())
}

/// Over HTTPS cookies get the `__Host-` prefix: the browser then refuses
/// them unless Secure, host-only and for the whole site, so a sibling
/// domain cannot plant one.
const HOST_PREFIX: &str = "__Host-";

pub struct Joined {
    pub session_token: String,
    pub slug: String,
}

pub struct ParticipantSession {
    pub slug: String,
    pub participant: ParticipantId,
}

pub struct DelegateSession {
    pub slug: String,
    pub organisation: OrganisationId,
    pub delegate: DelegateId,
}

/// The cookie value of a fresh session, and whose it is.
pub struct NewSession {
    pub token: String,
    pub user: SignedIn,
}

/// A cookie's value among request headers.
pub fn cookie_in(headers: &http::HeaderMap, wanted: &str) -> Option<String> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == wanted)
        .map(|(_, value)| value.to_string())
}

/// A cookie of the current request: the `__Host-` one over HTTPS.
pub fn cookie(wanted: &str) -> Option<String> {
    let parts = request::parts()?;
    if is_https(&parts) {
        cookie_in(&parts.headers, &format!("{HOST_PREFIX}{wanted}"))
    } else {
        cookie_in(&parts.headers, wanted)
    }
}

/// Whether the request came over HTTPS, directly or via a proxy.
pub fn is_https(parts: &http::request::Parts) -> bool {
    parts.uri.scheme_str() == Some("https")
        || parts
            .headers
            .get("x-forwarded-proto")
            .is_some_and(|v| v == "https")
}

/// The facilitator session token of the current request, if any.
pub fn session_token() -> Option<String> {
    cookie(SESSION_COOKIE)
}

/// The signed-in facilitator of the current request, if any.
pub async fn current_user() -> Result<Option<SignedIn>, AppError> {
    match session_token() {
        Some(token) => accounts()?.session(&token).await,
        None => Ok(None),
    }
}

/// The actor of the current request: a signed-in facilitator, or an error.
pub async fn current_actor() -> Result<Actor, AppError> {
    match current_user().await? {
        Some(user) => Ok(Actor::Facilitator {
            account: user.account,
        }),
        None => Err(AppError::Unauthenticated),
    }
}

/// The actor of the current request in one workshop: a signed-in
/// facilitator, else this device's delegate of that workshop, else its
/// participant (or the delegate a facilitator made them), else an error.
pub async fn actor_in(slug: &str) -> Result<Actor, AppError> {
    if let Some(user) = current_user().await? {
        return Ok(Actor::Facilitator {
            account: user.account,
        });
    }
    if let Some(token) = cookie(DELEGATE_COOKIE) {
        if let Some(session) = invites()?.delegate_session(&token).await? {
            if session.slug == slug {
                let actor = Actor::Delegate {
                    organisation: session.organisation,
                    delegate: Some(session.delegate),
                };
                // A removal is in the log, so it holds on every instance at
                // once, whatever sessions a database still lists.
                if !workshops()?.workshop(slug).await?.acts_no_more(&actor) {
                    return Ok(actor);
                }
            }
        }
    }
    if let Some(token) = cookie(PARTICIPANT_COOKIE) {
        if let Some(session) = room()?.participant_session(&token).await? {
            if session.slug == slug {
                // Approval is in the log: the same device acts as the
                // organisation's delegate from the moment it is given.
                let state = workshops()?.workshop(slug).await?;
                if !state.is_removed(session.participant.0) {
                    return Ok(state.participant_actor(session.participant));
                }
            }
        }
    }
    Err(AppError::Unauthenticated)
}

/// This site's address as the browser reached it, for links to hand out.
pub fn origin() -> String {
    let parts = request::parts();
    let host = parts
        .as_ref()
        .and_then(|p| p.headers.get(http::header::HOST))
        .and_then(|h| h.to_str().ok())
        .unwrap_or("127.0.0.1:3000")
        .to_string();
    let https = parts
        .as_ref()
        .is_some_and(|p| p.headers.get("x-forwarded-proto").is_some_and(|v| v == "https"));
    format!("{}://{host}", if https { "https" } else { "http" })
}

/// Sets (or, with `None`, clears) the facilitator session cookie.
pub fn set_session_cookie(token: Option<&str>) {
    set_cookie(SESSION_COOKIE, token)
}

/// Sets (or, with `None`, clears) an HttpOnly, SameSite=Strict cookie;
/// `Secure` when the request came over HTTPS, directly or via a proxy.
pub fn set_cookie(name: &str, token: Option<&str>) {
    let Some(response) = request::response() else {
        return;
    };
    let https = request::parts().is_some_and(|parts| is_https(&parts));
    let (prefix, secure) = if https {
        (HOST_PREFIX, "; Secure")
    } else {
        ("", "")
    };
    let cookie = match token {
        Some(token) => {
            format!("{prefix}{name}={token}; Path=/; HttpOnly; SameSite=Strict{secure}")
        }
        None => format!("{prefix}{name}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0{secure}"),
    };
    if let Ok(value) = http::HeaderValue::from_str(&cookie) {
        response.append_header(http::header::SET_COOKIE, value);
    }
}

// The services the server provided to this request, as `Arc<dyn Trait>`
// (as taken when the call began: `request`).

pub fn workshops() -> Result<Arc<dyn Workshops>, AppError> {
    request::workshops().ok_or(AppError::Internal)
}

pub fn accounts() -> Result<Arc<dyn Accounts>, AppError> {
    request::accounts().ok_or(AppError::Internal)
}

pub fn invites() -> Result<Arc<dyn Invites>, AppError> {
    request::invites().ok_or(AppError::Internal)
}

pub fn room() -> Result<Arc<dyn Room>, AppError> {
    request::room().ok_or(AppError::Internal)
}

pub fn api_tokens() -> Result<Arc<dyn ApiTokens>, AppError> {
    request::api_tokens().ok_or(AppError::Internal)
}

/// A public view of a workshop (a projected screen's data), answered as a
/// server function answers: 404 for a workshop that is not there.
pub async fn public_view<T>(
    slug: String,
    view: fn(&crate::domain::state::WorkshopState) -> Option<T>,
) -> Result<T, AppError> {
    respond(async {
        let state = workshops()?.workshop(&slug).await?;
        view(&state).ok_or(AppError::NotFound(slug))
    })
    .await
}

/// Runs a server function's body and gives a failure its HTTP status, the
/// one mapping in `AppError::status`.
pub async fn respond<T>(body: impl std::future::Future<Output = Result<T, AppError>>) -> Result<T, AppError> {
    let response = request::response();
    let result = request::taken(body).await;
    if let (Err(error), Some(response)) = (&result, response) {
        if let Ok(status) = http::StatusCode::from_u16(error.status()) {
            response.set_status(status);
        }
    }
    result
}

/// Decides and appends one command in a workshop for `actor` under `key`;
/// the server functions' one way to write.
pub async fn execute(
    slug: &str,
    actor: Actor,
    key: &IdempotencyKey,
    command: Command,
) -> Result<(), AppError> {
    workshops()?.execute(slug, actor, key, command).await.map(|_| ())
}

/// Runs one edit (or reports why the input made none) for whoever is
/// signed in to the workshop, under a key of its own: for commands whose
/// retry is harmless by their nature (a save of the same value finds
/// nothing to change). Returns the workshop's state after it.
pub async fn execute_edit(
    slug: &str,
    command: Result<crate::domain::command::Command, AppError>,
) -> Result<Arc<crate::domain::state::WorkshopState>, AppError> {
    respond(async {
        let actor = actor_in(slug).await?;
        let command = command?;
        let key = IdempotencyKey::edit();
        let workshops = workshops()?;
        workshops.execute(slug, actor, &key, command).await?;
        workshops.workshop(slug).await
    })
    .await
}

mod request {
    //! What a server function needs of its request (the services, the request's
    //! head, the response's options), taken once when the call starts and kept
    //! for the rest of it.
    //!
    //! Why: while drawing a page, Leptos walks a `<Suspense>`'s children again
    //! and disposes of the reactive owner of the resources an earlier walk
    //! made, whose fetches may still be running. A context read after an
    //! `.await` then found nothing: the read failed (`Internal`), and that
    //! failure was serialized as the data the browser hydrates from while the
    //! HTML came from a later walk that succeeded, so a list's length differed
    //! and hydration panicked. `service::respond` takes the request at its
    //! first poll, while the owner is alive, and every read in the call uses it.

    use super::{Accounts, ApiTokens, Invites, Room, Workshops};
    use leptos::prelude::use_context;
    use std::future::Future;
    use std::sync::Arc;

    #[derive(Clone)]
    struct Request {
        workshops: Option<Arc<dyn Workshops>>,
        accounts: Option<Arc<dyn Accounts>>,
        invites: Option<Arc<dyn Invites>>,
        room: Option<Arc<dyn Room>>,
        api_tokens: Option<Arc<dyn ApiTokens>>,
        parts: Option<http::request::Parts>,
        response: Option<leptos_axum::ResponseOptions>,
    }

    tokio::task_local! {
        static TAKEN: Request;
    }

    impl Request {
        fn from_context() -> Request {
            Request {
                workshops: use_context(),
                accounts: use_context(),
                invites: use_context(),
                room: use_context(),
                api_tokens: use_context(),
                parts: use_context(),
                response: use_context(),
            }
        }
    }

    /// Runs `body` with the request as it is now (or as an enclosing call took it).
    pub async fn taken<F: Future>(body: F) -> F::Output {
        let request = TAKEN
            .try_with(Request::clone)
            .unwrap_or_else(|_| Request::from_context());
        TAKEN.scope(request, body).await
    }

    /// One thing of the current request: as taken when the call began, else
    /// (a call outside `taken`) that one thing from the reactive context.
    fn pick<T: Clone + 'static>(field: fn(&Request) -> &Option<T>) -> Option<T> {
        TAKEN
            .try_with(|request| field(request).clone())
            .unwrap_or_else(|_| use_context::<T>())
    }

    pub fn workshops() -> Option<Arc<dyn Workshops>> {
        pick(|r| &r.workshops)
    }

    pub fn accounts() -> Option<Arc<dyn Accounts>> {
        pick(|r| &r.accounts)
    }

    pub fn invites() -> Option<Arc<dyn Invites>> {
        pick(|r| &r.invites)
    }

    pub fn room() -> Option<Arc<dyn Room>> {
        pick(|r| &r.room)
    }

    pub fn api_tokens() -> Option<Arc<dyn ApiTokens>> {
        pick(|r| &r.api_tokens)
    }

    pub fn parts() -> Option<http::request::Parts> {
        pick(|r| &r.parts)
    }

    pub fn response() -> Option<leptos_axum::ResponseOptions> {
        pick(|r| &r.response)
    }
}
