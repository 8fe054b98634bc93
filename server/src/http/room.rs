//! The room's QR code (SVG) for the projector: `GET /w/{slug}/room.svg`.

use crate::http::error::HttpError;
use crate::http::state::AppState;
use app::api::service::Room;
use app::domain::error::AppError;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;

pub fn routes() -> Router<AppState> {
    Router::new().route("/w/{slug}/room.svg", get(qr_svg))
}

/// The room's QR code as SVG, for the projector: it opens the join page
/// with the code filled in, at the address the projector reached us by.
pub async fn qr_svg(
    axum::extract::State(state): axum::extract::State<AppState>,
    axum::extract::Path(slug): axum::extract::Path<String>,
    headers: axum::http::HeaderMap,
) -> Result<axum::response::Response, HttpError> {
    let code = state.services.room.room_code(&slug).await?;
    let host = headers
        .get(axum::http::header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("127.0.0.1:3000");
    let https = headers.get("x-forwarded-proto").is_some_and(|v| v == "https");
    let url = format!(
        "{}://{host}/room?code={code}",
        if https { "https" } else { "http" }
    );
    Ok((
        [
            (axum::http::header::CONTENT_TYPE, "image/svg+xml"),
            (axum::http::header::CACHE_CONTROL, "no-cache"),
        ],
        qr(&url).map_err(|_| AppError::Internal)?,
    )
        .into_response())
}

/// A QR code of `text` as an SVG document, black on white with a quiet zone.
pub fn qr(text: &str) -> Result<String, qrcode::types::QrError> {
    let code = qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M)?;
    Ok(code
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(256, 256)
        .quiet_zone(true)
        .build())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_qr_code_is_an_svg_document() {
        let svg = qr("http://127.0.0.1:3000/room?code=ABC234").unwrap();
        assert!(
            svg.starts_with("<?xml") && svg.contains("<svg") && svg.contains("<path"),
            "{svg:.120}"
        );
    }
}
