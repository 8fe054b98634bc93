//! Server functions of the setup page's participating cities.

use crate::domain::cities::CitiesView;
use crate::domain::error::AppError;
use crate::domain::forms::CityForm;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::service;

/// The cities and the organisations they may name; facilitators only.
#[server]
pub async fn load_cities(slug: String) -> Result<CitiesView, AppError> {
    service::respond(async {
        let actor = service::actor_in(&slug).await?;
        let state = service::workshops()?.workshop(&slug).await?;
        CitiesView::of(&state, &actor)
    })
    .await
}

/// Adds a participating city, or corrects one (the same id).
#[server]
pub async fn save_city(slug: String, #[server(flatten)] form: CityForm) -> Result<(), AppError> {
    use crate::domain::command::Command;
    service::respond(async {
        let actor = service::actor_in(&slug).await?;
        let city = form.parse()?;
        let key = crate::domain::idempotency::IdempotencyKey::city();
        service::execute(&slug, actor, &key, Command::SaveCity(city)).await
    })
    .await
}
