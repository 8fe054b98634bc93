//! `GET /metrics`: what an operator watches during a workshop, in the
//! Prometheus (OpenMetrics) text format. Requests and their latency by
//! route, requests refused by reason, open live streams, and from the
//! engine the commands committed and the size of each group commit.
//!
//! Labels are route templates (`/w/{slug}/live`), never a slug, an id or
//! whatever path a client typed, so the number of series stays fixed
//! however hostile the traffic.

use crate::engine::CommitCounters;
use axum::extract::{FromRef, MatchedPath, Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use http_body_util::BodyExt;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;
use std::sync::Arc;
use std::time::Instant;

/// Generic over the router's state, which only has to hand out the
/// `Metrics` (`http::state` does), so this module needs nothing else of it.
pub fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Arc<Metrics>: FromRef<S>,
{
    Router::new().route("/metrics", get(metrics))
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    route: String,
    method: String,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    route: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ReasonLabels {
    reason: &'static str,
}

type LatencyFamily = Family<RouteLabels, Histogram, fn() -> Histogram>;

/// The HTTP side's metrics and the registry that prints them with the
/// engine's. One per server, in `AppState`: no global recorder.
pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: LatencyFamily,
    refused: Family<ReasonLabels, Counter>,
    live_streams: Gauge,
}

fn latency_histogram() -> Histogram {
    // 1 ms to about 16 s.
    Histogram::new(exponential_buckets(0.001, 2.0, 15))
}

impl Metrics {
    pub fn new(engine: &CommitCounters) -> Metrics {
        let mut registry = Registry::with_prefix("roundtable");
        let requests = Family::<RequestLabels, Counter>::default();
        let latency = LatencyFamily::new_with_constructor(latency_histogram);
        let refused = Family::<ReasonLabels, Counter>::default();
        let live_streams = Gauge::default();
        registry.register(
            "http_requests",
            "Requests answered, by route template, method and status",
            requests.clone(),
        );
        registry.register(
            "http_request_duration_seconds",
            "Time to the response's head, by route template",
            latency.clone(),
        );
        registry.register("refused_requests", "Requests refused, by reason", refused.clone());
        registry.register("live_streams", "Live streams open now", live_streams.clone());
        registry.register(
            "commands_committed",
            "Commands committed to a workshop's log",
            engine.committed.clone(),
        );
        registry.register(
            "commands_refused",
            "Commands decided and refused (invalid, not allowed, conflict)",
            engine.refused.clone(),
        );
        registry.register(
            "group_commit_size",
            "Commands per group commit (one transaction, one fsync)",
            engine.batch_sizes.clone(),
        );
        Metrics {
            registry,
            requests,
            latency,
            refused,
            live_streams,
        }
    }

    fn encode(&self) -> String {
        let mut text = String::new();
        // Writing to a String cannot fail.
        let _ = prometheus_client::encoding::text::encode(&mut text, &self.registry);
        text
    }
}

/// Why a request was refused, named from its status (the one mapping of
/// errors to statuses is `AppError::status`).
pub fn refusal_reason(status: StatusCode) -> Option<&'static str> {
    Some(match status.as_u16() {
        400 => "malformed",
        401 => "not_signed_in",
        403 => "not_allowed",
        404 => "not_found",
        409 => "conflict",
        413 => "too_large",
        422 => "invalid",
        429 => "throttled",
        _ if status.is_server_error() => "server_error",
        _ if status.is_client_error() => "other_client_error",
        _ => return None,
    })
}

/// The route a request matched, as a template. Server functions share one
/// wildcard route; a successful one names itself (only real functions
/// succeed), anything else under it stays the wildcard.
fn route_of(matched: Option<&str>, path: &str, status: StatusCode) -> String {
    match matched {
        Some(template) if template.contains("{*") && status.is_success() => path.to_string(),
        Some(template) => template.to_string(),
        None => "unmatched".to_string(),
    }
}

/// Counts and times every request; holds the live-streams gauge up for as
/// long as a stream's body is open.
pub async fn record(State(metrics): State<Arc<Metrics>>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let matched = request
        .extensions()
        .get::<MatchedPath>()
        .map(|m| m.as_str().to_string());
    let path = request.uri().path().to_string();
    let method = request.method().to_string();
    let response = next.run(request).await;
    let status = response.status();
    let route = route_of(matched.as_deref(), &path, status);
    metrics
        .latency
        .get_or_create(&RouteLabels { route: route.clone() })
        .observe(started.elapsed().as_secs_f64());
    metrics
        .requests
        .get_or_create(&RequestLabels {
            route,
            method,
            status: status.as_u16(),
        })
        .inc();
    if let Some(reason) = refusal_reason(status) {
        metrics.refused.get_or_create(&ReasonLabels { reason }).inc();
    }
    let streaming = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/event-stream"));
    if !streaming {
        return response;
    }
    let open = OpenStream::new(metrics.live_streams.clone());
    response
        .map(|body| {
            // The closure owns `open`: the gauge goes down when the body is
            // dropped, however the stream ends.
            axum::body::Body::new(body.map_frame(move |frame| {
                let _ = &open;
                frame
            }))
        })
        .into_response()
}

/// One open live stream, counted while it lives.
struct OpenStream(Gauge);

impl OpenStream {
    fn new(gauge: Gauge) -> OpenStream {
        gauge.inc();
        OpenStream(gauge)
    }
}

impl Drop for OpenStream {
    fn drop(&mut self) {
        self.0.dec();
    }
}

async fn metrics(State(metrics): State<Arc<Metrics>>) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        metrics.encode(),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_templates_whatever_the_client_typed() {
        let ok = StatusCode::OK;
        assert_eq!(
            route_of(Some("/w/{slug}/live"), "/w/demo/live", ok),
            "/w/{slug}/live"
        );
        assert_eq!(
            route_of(Some("/api/{*fn_name}"), "/api/load_dashboard", ok),
            "/api/load_dashboard"
        );
        let unknown = StatusCode::NOT_FOUND;
        assert_eq!(
            route_of(Some("/api/{*fn_name}"), "/api/x-1234", unknown),
            "/api/{*fn_name}"
        );
        assert_eq!(route_of(None, "/no/such/page/9876", unknown), "unmatched");
    }

    #[test]
    fn refusals_have_reasons_and_successes_none() {
        assert_eq!(refusal_reason(StatusCode::TOO_MANY_REQUESTS), Some("throttled"));
        assert_eq!(refusal_reason(StatusCode::UNPROCESSABLE_ENTITY), Some("invalid"));
        assert_eq!(
            refusal_reason(StatusCode::IM_A_TEAPOT),
            Some("other_client_error")
        );
        assert_eq!(refusal_reason(StatusCode::OK), None);
        assert_eq!(refusal_reason(StatusCode::SEE_OTHER), None);
    }
}
