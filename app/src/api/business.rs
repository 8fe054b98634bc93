//! Server functions of stage 3 beyond its items (which `design.rs` saves):
//! the projected screen.

use crate::domain::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::service;

pub use crate::domain::business_view::BusinessScreen;

/// Stage 3's projected screen: public, like the commitments' dashboard.
#[server]
pub async fn load_business_screen(slug: String) -> Result<BusinessScreen, AppError> {
    service::public_view(slug, BusinessScreen::of).await
}
