//! Server functions of stages 1 and 2: the shared texts and the structured
//! items, each saved against the version the editor started from.

use crate::domain::design::{DesignItem, ItemKey};
use crate::domain::error::AppError;
use crate::domain::forms::DesignTextForm;
use crate::domain::model::Stage;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use super::service;

pub use crate::domain::view_models::DesignView;

#[server]
pub async fn load_design(slug: String, stage: Stage) -> Result<DesignView, AppError> {
    service::respond(async {
        let actor = service::actor_in(&slug).await?;
        let state = service::workshops()?.workshop(&slug).await?;
        let this_year = u16::try_from(chrono::Datelike::year(&chrono::Utc::now())).unwrap_or(2026);
        DesignView::of(&state, &actor, stage, this_year)
    })
    .await
}

/// Saves one field, as edited from version `based_on` of it. If someone
/// else saved it since, nothing is stored and the answer carries their text.
#[server]
pub async fn save_design_text(
    slug: String,
    based_on: u64,
    #[server(flatten)] form: DesignTextForm,
) -> Result<(), AppError> {
    use crate::domain::command::Command;
    let command = form.parse(based_on).map(Command::SetDesignText);
    service::execute_edit(&slug, command).await.map(|_| ())
}

/// Starts stage 1 from the template (`customs_logistics`) or `blank`.
#[server]
pub async fn start_design(slug: String, start: String) -> Result<(), AppError> {
    use crate::domain::command::Command;
    use crate::domain::commitment_form::from_code;
    let command = from_code(&start)
        .ok_or_else(|| AppError::invalid("start", crate::domain::error::Problem::Required))
        .map(|start| Command::StartDesign { start });
    service::execute_edit(&slug, command).await.map(|_| ())
}

/// Saves an item whole, as edited from version `based_on` of it, and
/// answers the version it is at now; if someone else changed it since,
/// nothing is stored and the answer carries theirs. A retry of a save that
/// went through finds the same item and does nothing.
#[server(input = Json)]
pub async fn save_item(slug: String, item: DesignItem, based_on: u64) -> Result<u64, AppError> {
    use crate::domain::command::Command;
    let key = item.key();
    let command = Command::SaveItem {
        item,
        based_on: Some(based_on),
    };
    let state = service::execute_edit(&slug, Ok(command)).await?;
    Ok(state.item_version(&key))
}

#[server(input = Json)]
pub async fn remove_item(slug: String, key: ItemKey, based_on: u64) -> Result<(), AppError> {
    use crate::domain::command::Command;
    let command = Command::RemoveItem {
        key,
        based_on: Some(based_on),
    };
    service::execute_edit(&slug, Ok(command)).await.map(|_| ())
}
