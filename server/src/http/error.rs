//! The one mapping of an `AppError` to an HTTP response: for handlers
//! (`HttpError`), for server functions' failures the framework met first
//! (`server_fn_status`), and for panics (`panic_response`).

use app::domain::error::AppError;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;

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

/// Gives a server function's failure its own status. The framework answers
/// every failure it meets before our code runs (arguments that do not
/// parse, a missing field) with 500; the body is the `AppError`, whose
/// `status` is the one mapping, so a malformed request becomes the 400 it
/// is. Only 500s of `/api/` are read, and those are small.
pub async fn server_fn_status(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
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
