//! The site's own endpoints: `/healthz` and the language switch (`/lang`).

use crate::http::error::HttpError;
use crate::http::state::AppState;
use app::domain::error::{AppError, Problem};
use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Json, Router};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/lang", post(set_language))
}

async fn healthz(State(state): State<AppState>) -> Response {
    let db = state.services.engine.store().db();
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
