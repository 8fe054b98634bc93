//! Live updates: `GET /w/{slug}/live` streams the workshop's version (the
//! sequence number of its newest event) as server-sent events. Pages refetch
//! what they show when it moves; the data itself still comes through the
//! server functions, which check who may see what, so the stream carries
//! nothing confidential.

use crate::http::{AppState, HttpError};
use app::api::service::Roundtable;
use axum::extract::{Path, State};
use axum::response::sse::{Event, KeepAlive, Sse};
use futures::stream::{self, Stream, StreamExt};
use std::convert::Infallible;
use std::time::Duration;
use tokio::sync::broadcast::error::RecvError;

fn version_event(version: u64) -> Result<Event, Infallible> {
    Ok(Event::default()
        .event("version")
        .id(version.to_string())
        .data(version.to_string()))
}

pub async fn stream(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, HttpError> {
    // Subscribe before reading the version, so nothing falls in between.
    let receiver = state.engine.subscribe(&slug).await?;
    let current = state.engine.workshop(&slug).await?.version;
    let updates = stream::unfold(receiver, |mut receiver| async move {
        loop {
            match receiver.recv().await {
                Ok(event) => return Some((event.seq, receiver)),
                // Fell behind: the next event still carries the newest version.
                Err(RecvError::Lagged(_)) => continue,
                Err(RecvError::Closed) => return None,
            }
        }
    });
    let versions = stream::once(async move { current })
        .chain(updates)
        .map(version_event);
    Ok(Sse::new(versions).keep_alive(KeepAlive::new().interval(Duration::from_secs(15))))
}
