//! Live updates as server-sent events, each with `id:` the workshop's
//! version (the sequence number of its newest event).
//!
//! - `GET /w/{slug}/live`: the version alone (`version` events). Pages
//!   refetch what they show when it moves, through the server functions,
//!   which check who may see what; the stream carries nothing confidential.
//! - `GET /w/{slug}/live/dashboard`: the public dashboard itself
//!   (`dashboard` events, its JSON as data), built once per version for
//!   every screen, so the projectors never refetch. Public like
//!   `load_dashboard`: names of confidential commitments are masked.
//!
//! Both send the current state first unless `Last-Event-ID` is already it,
//! then at most one message per `MIN_INTERVAL`, carrying the newest.

use crate::engine::PublicDashboard;
use crate::http::error::HttpError;
use crate::http::state::AppState;
use app::api::service::Workshops;
use app::domain::error::AppError;
use app::domain::event::StoredEvent;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use bytes::Bytes;
use futures::stream::{self, Stream, StreamExt};
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;
use std::time::Instant;
use tokio::sync::broadcast::error::{RecvError, TryRecvError};
use tokio::sync::broadcast::Receiver;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/w/{slug}/live", get(stream))
        .route("/w/{slug}/live/dashboard", get(dashboard_stream))
}

/// The shortest time between two messages on one stream.
const MIN_INTERVAL: Duration = Duration::from_millis(100);

fn version_event(version: u64) -> Result<Event, Infallible> {
    Ok(Event::default()
        .event("version")
        .id(version.to_string())
        .data(version.to_string()))
}

/// The version a reconnecting browser last heard (`Last-Event-ID`).
fn last_heard(headers: &HeaderMap) -> Option<u64> {
    headers.get("last-event-id")?.to_str().ok()?.trim().parse().ok()
}

/// Streams the version: first the current one, unless the browser says it
/// already has it (a reconnect sends `Last-Event-ID`), then every commit's.
/// A browser that missed events while disconnected gets the current version
/// at once, and its page refetches: it catches up from where it left off.
pub async fn stream(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    headers: HeaderMap,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, HttpError> {
    // Subscribe before reading the version, so nothing falls in between.
    let receiver = state.services.engine.subscribe(&slug).await?;
    let current = state.services.engine.workshop(&slug).await?.version;
    let first = (last_heard(&headers) != Some(current)).then_some(current);
    let versions = stream::iter(first).chain(commits(receiver)).map(version_event);
    Ok(Sse::new(versions).keep_alive(keep_alive()))
}

/// Streams the public dashboard itself, as the projector shows it: first
/// the current one, unless `Last-Event-ID` says the browser has it, then the
/// newest after each commit (at most one per `MIN_INTERVAL`). Every stream
/// sends the same message, framed once per version (`message`) from the
/// JSON built once per version (`Engine::public_dashboard`); the screens
/// never ask the server again.
pub async fn dashboard_stream(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    headers: HeaderMap,
) -> Result<Response, HttpError> {
    let feed = state.services.engine.dashboard_feed(&slug).await?;
    // Subscribe before reading the dashboard, so nothing falls in between.
    let receiver = feed.subscribe();
    let current = feed.current().await.ok_or(AppError::NotFound(slug))?;
    let first = (last_heard(&headers) != Some(current.version)).then(|| current.clone());
    let updates = stream::unfold(
        (Box::pin(commits(receiver)), feed, current.version),
        |(mut commits, feed, mut sent)| async move {
            while commits.next().await.is_some() {
                match feed.current().await {
                    // Events already in the first message change nothing.
                    Some(dashboard) if dashboard.version > sent => {
                        sent = dashboard.version;
                        return Some((dashboard, (commits, feed, sent)));
                    }
                    Some(_) => continue,
                    None => return None,
                }
            }
            None
        },
    );
    let messages = stream::iter(first)
        .chain(updates)
        .map(|dashboard| message(&dashboard));
    let body = Body::from_stream(with_keep_alive(messages).map(Ok::<_, Infallible>));
    let headers = [
        (header::CONTENT_TYPE, "text/event-stream"),
        (header::CACHE_CONTROL, "no-cache"),
    ];
    Ok((headers, body).into_response())
}

/// A dashboard as one server-sent event, framed on first use and shared
/// (a `Bytes` clone is a reference count, not a copy of its 6 KB).
fn message(dashboard: &PublicDashboard) -> Bytes {
    dashboard
        .message
        .get_or_init(|| {
            // The JSON is on one line (serde_json escapes newlines in
            // strings), so it is one `data:` line.
            let framed = format!(
                "event: dashboard\nid: {}\ndata: {}\n\n",
                dashboard.version, dashboard.json
            );
            Bytes::from(framed)
        })
        .clone()
}

/// `messages`, with a comment line after every 15 s of silence so that
/// proxies keep the connection open; ends when `messages` ends.
fn with_keep_alive(messages: impl Stream<Item = Bytes> + Send + 'static) -> impl Stream<Item = Bytes> + Send {
    stream::unfold(Box::pin(messages), |mut messages| async move {
        match tokio::time::timeout(KEEP_ALIVE, messages.next()).await {
            Ok(Some(message)) => Some((message, messages)),
            Ok(None) => None,
            Err(_) => Some((Bytes::from_static(b":\n\n"), messages)),
        }
    })
}

/// Silence after which a stream sends a keep-alive comment.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

fn keep_alive() -> KeepAlive {
    KeepAlive::new().interval(KEEP_ALIVE)
}

/// The workshop's newest version after each commit, at most one per
/// `MIN_INTERVAL`: a group commit's events, and whatever came during the
/// pause, are merged into one. Ends when the workshop's channel closes.
fn commits(receiver: Receiver<Arc<StoredEvent>>) -> impl Stream<Item = u64> {
    stream::unfold(
        (receiver, None::<Instant>),
        |(mut receiver, last_sent)| async move {
            loop {
                match receiver.recv().await {
                    Ok(event) => {
                        // A busy room must not make a thousand screens redraw
                        // (or refetch) a hundred times a second. The message
                        // carries the newest version, so nothing is missed,
                        // only merged.
                        if let Some(last) = last_sent {
                            tokio::time::sleep_until((last + MIN_INTERVAL).into()).await;
                        }
                        let mut newest = event.seq;
                        loop {
                            match receiver.try_recv() {
                                Ok(next) => newest = newest.max(next.seq),
                                Err(TryRecvError::Lagged(_)) => continue,
                                Err(_) => break,
                            }
                        }
                        return Some((newest, (receiver, Some(Instant::now()))));
                    }
                    // Fell behind: the next event still carries the newest version.
                    Err(RecvError::Lagged(_)) => continue,
                    Err(RecvError::Closed) => return None,
                }
            }
        },
    )
}
