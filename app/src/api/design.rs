//! Server functions of stages 1 and 2: the shared texts and the structured
//! items, each saved against the version the editor started from.

use crate::domain::design::{DesignItem, ItemKey, Partnership};
use crate::domain::error::AppError;
use crate::domain::ids::OrganisationId;
use crate::domain::model::{DesignField, ProjectDesign, Stage};
use crate::domain::money::Currency;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[cfg(feature = "ssr")]
use super::service;

/// A stage's walk as the room edits it: its texts with their versions, and
/// the whole design, which the steps draw from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DesignView {
    pub version: u64,
    pub title: String,
    pub stage: Stage,
    /// The stage's texts with the version each is at.
    pub fields: Vec<(DesignField, String, u64)>,
    pub design: ProjectDesign,
    pub partnership: Partnership,
    /// The version of each item, by `ItemKey::code`.
    pub item_versions: BTreeMap<String, u64>,
    pub organisations: Vec<(OrganisationId, String)>,
    /// The organisation the viewer acts for, if a delegate.
    pub own: Option<OrganisationId>,
    pub facilitator: bool,
    /// Whether the viewer may edit the stage's shared parts now.
    pub may_edit: bool,
    pub locked: bool,
    pub currency: Currency,
    /// The year on the server's clock, for suggesting years to cost.
    pub this_year: u16,
}

impl DesignView {
    pub fn item_version(&self, key: &ItemKey) -> u64 {
        crate::domain::design::version_of(&self.item_versions, key)
    }

    /// Whether the viewer may change an item: a shared one when the stage
    /// is theirs to edit; an organisation's own one only for its delegates
    /// and the facilitators.
    pub fn may_change(&self, key: &ItemKey) -> bool {
        self.may_edit && (self.facilitator || key.owner().is_none() || key.owner() == self.own)
    }

    pub fn organisation_name(&self, id: OrganisationId) -> String {
        self.organisations
            .iter()
            .find(|(o, _)| *o == id)
            .map(|(_, name)| name.clone())
            .unwrap_or_default()
    }
}

#[server]
pub async fn load_design(slug: String, stage: Stage) -> Result<DesignView, AppError> {
    use crate::domain::event::Actor;
    use crate::domain::model::StageStatus;
    service::respond(async {
        let actor = service::actor_in(&slug).await?;
        let state = service::workshops()?.workshop(&slug).await?;
        let facilitator = crate::domain::command::administers(&state, &actor);
        let status = state.stage_status(stage);
        let own = match actor {
            Actor::Delegate { organisation, .. } => Some(organisation),
            _ => None,
        };
        if !facilitator && own.is_none() && !matches!(actor, Actor::Participant { .. }) {
            return Err(AppError::Forbidden);
        }
        let setup = state.setup.as_ref().ok_or(AppError::Internal)?;
        Ok(DesignView {
            version: state.version,
            title: setup.title.clone(),
            stage,
            fields: DesignField::ALL
                .iter()
                .filter(|f| f.stage() == stage)
                .map(|f| {
                    let version = state.design_versions.get(f).copied().unwrap_or(0);
                    (*f, state.design.text(*f).to_string(), version)
                })
                .collect(),
            design: state.design.clone(),
            partnership: state.partnership.clone(),
            item_versions: state.item_versions.clone(),
            organisations: state
                .organisations
                .values()
                .map(|o| (o.id, o.name.clone()))
                .collect(),
            own,
            facilitator,
            may_edit: facilitator || (own.is_some() && status == StageStatus::Open),
            locked: status == StageStatus::Locked,
            currency: setup.reporting_currency,
            this_year: u16::try_from(chrono::Datelike::year(&chrono::Utc::now())).unwrap_or(2026),
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
    let command = from_code(&field)
        .ok_or_else(|| AppError::invalid("field", crate::domain::error::Problem::Invalid))
        .map(|field| {
            Command::SetDesignText(DesignText {
                field,
                text,
                based_on: Some(based_on),
            })
        });
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
