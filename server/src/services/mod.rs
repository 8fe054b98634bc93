//! The services over the engine and the store: accounts, invites, the room
//! and API tokens, each implementing its trait of `app::api::service`.
//! Dependencies point one way: store ← engine ← services ← http.

pub mod accounts;
pub mod api_tokens;
pub mod invites;
pub mod room;
pub mod secrets;
pub mod snapshot;

use crate::engine::Engine;
use accounts::AccountService;
use api_tokens::ApiTokenService;
use app::api::service::{Accounts, ApiTokens, Invites, Room, Workshops};
use invites::InviteService;
use room::RoomService;
use std::sync::Arc;

/// Every service of one running server, made once over its engine.
#[derive(Clone)]
pub struct Services {
    pub engine: Arc<Engine>,
    pub accounts: Arc<AccountService>,
    pub invites: Arc<InviteService>,
    pub room: Arc<RoomService>,
    pub api_tokens: Arc<ApiTokenService>,
}

impl Services {
    pub fn new(engine: Arc<Engine>) -> Services {
        Services {
            accounts: Arc::new(AccountService::new(engine.clone())),
            invites: Arc::new(InviteService::new(engine.clone())),
            room: Arc::new(RoomService::new(engine.clone())),
            api_tokens: Arc::new(ApiTokenService::new(engine.clone())),
            engine,
        }
    }

    /// Gives the current request's server functions each service as the
    /// trait they know it by (`app::api::service::workshops()` and so on).
    /// The workshops are read through one snapshot per request
    /// (`snapshot::RequestSnapshot`): a page is drawn from one version.
    pub fn provide(&self) {
        use leptos::prelude::provide_context;
        let engine: Arc<dyn Workshops> = self.engine.clone();
        provide_context::<Arc<dyn Workshops>>(Arc::new(snapshot::RequestSnapshot::new(engine)));
        provide_context::<Arc<dyn Accounts>>(self.accounts.clone());
        provide_context::<Arc<dyn Invites>>(self.invites.clone());
        provide_context::<Arc<dyn Room>>(self.room.clone());
        provide_context::<Arc<dyn ApiTokens>>(self.api_tokens.clone());
    }
}
