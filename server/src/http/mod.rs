//! The HTTP side, assembled: each module contributes its own `routes()`;
//! this one adds the app's pages and server functions (with the services
//! as their contexts) and the layers every response passes through.

pub mod error;
pub mod exports;
pub mod live;
pub mod metrics;
pub mod room;
pub mod site;
pub mod state;

use crate::http::error::{panic_response, server_fn_status};
pub use crate::http::state::AppState;
use app::ui::{shell, App};
use axum::Router;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};

/// The largest request body accepted (413 above it): every form and item
/// of the app fits many times over (the longest text is 20,000 characters),
/// and nobody can make the server hold a gigabyte.
pub const MAX_REQUEST_BODY: usize = 1024 * 1024;

/// The app's page routes. Generating them renders the app once with
/// resource loading suppressed process-wide (a flag in leptos_server), so a
/// page rendering meanwhile on another thread can hang for good: generate
/// them once per process, before serving, and pass them to every router.
pub fn page_routes() -> Vec<AxumRouteListing> {
    generate_route_list(App)
}

pub fn router(state: AppState, routes: Vec<AxumRouteListing>) -> Router {
    let services = state.services.clone();
    let leptos = state.leptos.clone();
    Router::new()
        .merge(site::routes())
        .merge(live::routes())
        .merge(metrics::routes())
        .merge(exports::routes())
        .merge(room::routes())
        .leptos_routes_with_context(
            &state,
            routes,
            move || {
                services.provide();
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
        .layer(axum::middleware::from_fn_with_state(
            state.trusted_proxies.clone(),
            crate::security::note_client_address,
        ))
        .layer(compression())
        .layer(axum::middleware::from_fn_with_state(
            state.metrics.clone(),
            metrics::record,
        ))
        .with_state(state)
}

/// Pages, server functions' answers, the stylesheet and the WASM bundle
/// travel compressed (brotli or gzip, as the browser accepts): on a venue's
/// Wi-Fi the 3 MB bundle is a third of that. The fastest level, because
/// each answer is compressed as it is sent, on the room's two cores. Not
/// compressed: the live stream (each message must leave at once), images,
/// and files that are compressed already (PDF, DOCX, XLSX are zip files).
fn compression() -> tower_http::compression::CompressionLayer<impl tower_http::compression::Predicate> {
    use tower_http::compression::predicate::{DefaultPredicate, NotForContentType, Predicate};
    let predicate = DefaultPredicate::new()
        .and(NotForContentType::const_new("application/pdf"))
        .and(NotForContentType::const_new("application/vnd.openxmlformats"));
    tower_http::compression::CompressionLayer::new()
        .quality(tower_http::CompressionLevel::Fastest)
        .compress_when(predicate)
}
