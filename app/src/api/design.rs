//! Server functions of stage 1's shared texts.

use crate::domain::error::AppError;
use crate::domain::model::DesignField;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::service;

/// Stage 1's narrative fields as the room edits them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DesignView {
    pub version: u64,
    pub title: String,
    /// Each field with its text and the version it is at.
    pub fields: Vec<(DesignField, String, u64)>,
    pub may_edit: bool,
    pub locked: bool,
}

#[server]
pub async fn load_design(slug: String) -> Result<DesignView, AppError> {
    use crate::domain::event::Actor;
    use crate::domain::model::{Stage, StageStatus};
    service::respond(async {
        let actor = service::actor_in(&slug).await?;
        let state = service::services()?.workshop(&slug).await?;
        let facilitator = crate::domain::command::administers(&state, &actor);
        let status = state.stage_status(Stage::ProjectDesign);
        let delegate = matches!(actor, Actor::Delegate { .. });
        if !facilitator && !delegate && !matches!(actor, Actor::Participant { .. }) {
            return Err(AppError::Forbidden);
        }
        Ok(DesignView {
            version: state.version,
            title: state.setup.as_ref().map(|s| s.title.clone()).unwrap_or_default(),
            fields: DesignField::ALL
                .iter()
                .map(|f| {
                    let version = state.design_versions.get(f).copied().unwrap_or(0);
                    (*f, state.design.text(*f).to_string(), version)
                })
                .collect(),
            may_edit: facilitator || (delegate && status == StageStatus::Open),
            locked: status == StageStatus::Locked,
        })
    })
    .await
}

/// Saves one field, as edited from version `based_on` of it. If someone
/// else saved it since, nothing is stored and the answer carries their text.
#[server]
pub async fn save_design_text(
    slug: String,
    field: String,
    text: String,
    based_on: u64,
) -> Result<(), AppError> {
    use crate::domain::command::{Command, DesignText};
    use crate::domain::commitment_form::from_code;
    service::respond(async {
        let actor = service::actor_in(&slug).await?;
        let field = from_code(&field).ok_or_else(|| AppError::invalid("field", "invalid"))?;
        let command = Command::SetDesignText(DesignText {
            field,
            text,
            based_on: Some(based_on),
        });
        let key = format!("design:{}", uuid::Uuid::new_v4());
        service::services()?.execute(&slug, actor, &key, command).await?;
        Ok(())
    })
    .await
}
