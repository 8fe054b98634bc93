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
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos.clone()
    }
}
