//! The state every HTTP handler gets: the Leptos options and the services.

use crate::documents::Documents;
use crate::services::Services;
use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;
use std::sync::Arc;

#[derive(Clone)]
pub struct AppState {
    pub leptos: LeptosOptions,
    pub services: Services,
    /// The PDF and DOCX renderers, shared by every request.
    pub documents: Arc<Documents>,
    /// The proxies whose `X-Forwarded-For` names the client (`Config`).
    pub trusted_proxies: Arc<[std::net::IpAddr]>,
    /// Counted by every request, printed at `/metrics`.
    pub metrics: Arc<crate::http::metrics::Metrics>,
}

impl FromRef<AppState> for Arc<crate::http::metrics::Metrics> {
    fn from_ref(state: &AppState) -> Self {
        state.metrics.clone()
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos.clone()
    }
}
