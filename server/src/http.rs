//! The HTTP side: router assembly, health, the language switch, and the
//! single mapping of `AppError` to a response.

use crate::engine::Engine;
use app::api::service::Services;
use app::domain::error::AppError;
use app::domain::error::Problem;
use app::ui::{shell, App};
use axum::extract::{FromRef, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Json, Router};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use std::sync::Arc;

/// The largest request body accepted (413 above it): every form and item
/// of the app fits many times over (the longest text is 20,000 characters),
/// and nobody can make the server hold a gigabyte.
pub const MAX_REQUEST_BODY: usize = 1024 * 1024;

#[derive(Clone)]
pub struct AppState {
    pub leptos: LeptosOptions,
    pub engine: Arc<Engine>,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos.clone()
    }
}

/// The one place an `AppError` becomes an HTTP response outside server
/// functions (which use `AppError::status` through `respond`).
pub struct HttpError(pub AppError);

impl IntoResponse for HttpError {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.0.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        (status, Json(serde_json::json!({ "error": self.0 }))).into_response()
    }
}

impl From<AppError> for HttpError {
    fn from(error: AppError) -> Self {
        HttpError(error)
    }
}

/// The app's page routes. Generating them renders the app once with
/// resource loading suppressed process-wide (a flag in leptos_server), so a
/// page rendering meanwhile on another thread can hang for good: generate
/// them once per process, before serving, and pass them to every router.
pub fn page_routes() -> Vec<AxumRouteListing> {
    generate_route_list(App)
}

pub fn router(state: AppState, routes: Vec<AxumRouteListing>) -> Router {
    let services: Services = state.engine.clone();
    let leptos = state.leptos.clone();
    Router::new()
        .route("/healthz", get(healthz))
        .route("/lang", post(set_language))
        .route("/w/{slug}/live", get(crate::live::stream))
        .route(
            "/w/{slug}/export/state.json",
            get(crate::api_tokens::export_state),
        )
        .route(
            "/w/{slug}/export/events.jsonl",
            get(crate::api_tokens::export_events),
        )
        .route(
            "/w/{slug}/export/commitments.csv",
            get(crate::api_tokens::export_commitments_csv),
        )
        .route(
            "/w/{slug}/export/commitments.xlsx",
            get(crate::api_tokens::export_commitments_xlsx),
        )
        .route("/w/{slug}/room.svg", get(crate::room::qr_svg))
        .leptos_routes_with_context(
            &state,
            routes,
            move || {
                provide_context(services.clone());
                // Use the security layer's nonce, so the page's inline scripts
                // match the policy that layer puts on this response.
                let nonce = use_context::<axum::http::request::Parts>()
                    .and_then(|parts| parts.extensions.get::<crate::security::CspNonce>().cloned());
                if let Some(crate::security::CspNonce(nonce)) = nonce {
                    provide_context(leptos::nonce::Nonce::from_value(nonce));
                }
            },
            move || shell(leptos.clone()),
        )
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(panic_response))
        .layer(axum::middleware::from_fn(server_fn_status))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(MAX_REQUEST_BODY))
        .layer(axum::middleware::from_fn(crate::security::guard))
        .with_state(state)
}

async fn healthz(State(state): State<AppState>) -> Response {
    let db = state.engine.store().db();
    let up = db.ping().await;
    let status = if up {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    let body = serde_json::json!({
        "status": if up { "ok" } else { "degraded" },
        "backend": db.backend(),
        "database": if up { "up" } else { "down" },
        "version": env!("CARGO_PKG_VERSION"),
    });
    (status, Json(body)).into_response()
}

#[derive(serde::Deserialize)]
struct LanguageChoice {
    lang: String,
    #[serde(default)]
    return_to: String,
}

/// Remembers the chosen language in a cookie and goes back where the user
/// was. Only same-site paths are followed, never another host.
async fn set_language(Form(choice): Form<LanguageChoice>) -> Response {
    let Some(locale) = app::i18n::Locale::from_tag(&choice.lang) else {
        return HttpError(AppError::invalid("lang", Problem::UnknownLanguage)).into_response();
    };
    let target = if is_local_path(&choice.return_to) {
        choice.return_to.as_str()
    } else {
        "/"
    };
    let cookie = format!("lang={}; Path=/; Max-Age=31536000; SameSite=Lax", locale.tag());
    let mut response = Redirect::to(target).into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

/// Whether a redirect target stays on this site: a path from the root and
/// nothing a browser could read as another host (`//host`, `/\\host`, and
/// control characters, which browsers strip before they parse).
pub fn is_local_path(target: &str) -> bool {
    let mut chars = target.chars();
    chars.next() == Some('/')
        && !matches!(chars.next(), Some('/' | '\\'))
        && target.len() <= 2048
        && !target
            .chars()
            .any(|c| c == '\\' || c.is_control() || c.is_whitespace())
}

/// Gives a server function's failure its own status. The framework answers
/// every failure it meets before our code runs (arguments that do not
/// parse, a missing field) with 500; the body is the `AppError`, whose
/// `status` is the one mapping, so a malformed request becomes the 400 it
/// is. Only 500s of `/api/` are read, and those are small.
async fn server_fn_status(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let api = request.uri().path().starts_with("/api/");
    let response = next.run(request).await;
    if !api || response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024).await else {
        return HttpError(AppError::Internal).into_response();
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    }
    Response::from_parts(parts, axum::body::Body::from(bytes))
}

/// A panic while answering one request becomes a logged 500 for that
/// request; the server and every other request carry on.
pub fn panic_response(panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let detail = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("(no message)");
    tracing::error!(panic = detail, "a request panicked; answered 500");
    HttpError(AppError::Internal).into_response()
}

#[cfg(test)]
mod tests {
    use super::is_local_path;

    #[test]
    fn redirects_stay_on_this_site() {
        for local in ["/", "/w/demo", "/w/demo/screen?x=1"] {
            assert!(is_local_path(local), "{local}");
        }
        for away in [
            "",
            "//evil.example",
            "/\\evil.example",
            "/\\/evil.example",
            "https://evil.example",
            "/\tevil",
            "/ /evil.example",
            "evil.example",
        ] {
            assert!(!is_local_path(away), "{away:?}");
        }
    }
}
