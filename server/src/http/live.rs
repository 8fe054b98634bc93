//! Live updates: `GET /w/{slug}/live` streams the workshop's version (the
//! sequence number of its newest event) as server-sent events. Pages refetch
//! what they show when it moves; the data itself still comes through the
//! server functions, which check who may see what, so the stream carries
//! nothing confidential.

use crate::http::error::HttpError;
use crate::http::state::AppState;
use app::api::service::Workshops;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::routing::get;
use axum::Router;
use futures::stream::{self, Stream, StreamExt};
use std::convert::Infallible;
use std::time::Duration;
use std::time::Instant;
use tokio::sync::broadcast::error::{RecvError, TryRecvError};

pub fn routes() -> Router<AppState> {
    Router::new().route("/w/{slug}/live", get(stream))
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
    let updates = stream::unfold(
        (receiver, None::<Instant>),
        |(mut receiver, last_sent)| async move {
            loop {
                match receiver.recv().await {
                    Ok(event) => {
                        // At most one message per MIN_INTERVAL: a page refetches on
                        // each, and a busy room must not make a thousand screens
                        // refetch a hundred times a second. The message carries the
                        // newest version, so nothing is missed, only merged.
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
    );
    let versions = stream::iter(first).chain(updates).map(version_event);
    Ok(Sse::new(versions).keep_alive(KeepAlive::new().interval(Duration::from_secs(15))))
}
