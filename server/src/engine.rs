//! The engine: one writer per workshop. A command is decided against the
//! current state, appended durably, then applied to the in-memory state and
//! published; the caller hears back only after the commit.

use crate::store::{internal, Append, AppendOutcome, Store};
use app::api::service::{
    ApiTokenInfo, DelegateSession, InviteView, Joined, NewAccount, NewSession, Roundtable, SignedIn,
};
use app::domain::command::{decide, Command};
use app::domain::error::AppError;
use app::domain::event::{Actor, StoredEvent};
use app::domain::ids::WorkshopId;
use app::domain::ids::{DelegateId, OrganisationId};
use app::domain::state::WorkshopState;
use chrono::Utc;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use tokio::sync::{broadcast, Mutex};

/// How many times a write is retried after another instance wrote first.
const CONFLICT_RETRIES: u32 = 50;
/// Events a slow live subscriber may fall behind before it must reload.
const LIVE_BUFFER: usize = 1024;

struct Workshop {
    id: WorkshopId,
    /// Readers clone the `Arc`; the writer swaps in a new one after apply.
    state: RwLock<Arc<WorkshopState>>,
    /// Held for the whole decide–append–apply step: the single writer.
    writer: Mutex<()>,
    live: broadcast::Sender<Arc<StoredEvent>>,
}

impl Workshop {
    fn snapshot(&self) -> Arc<WorkshopState> {
        self.state.read().expect("state lock poisoned").clone()
    }

    fn apply(&self, events: &[StoredEvent]) {
        let mut guard = self.state.write().expect("state lock poisoned");
        let state = Arc::make_mut(&mut guard);
        for event in events {
            state.apply(event);
        }
        drop(guard);
        for event in events {
            // Nobody listening is not an error.
            let _ = self.live.send(Arc::new(event.clone()));
        }
    }
}

pub struct Engine {
    store: Store,
    /// Workshops loaded so far, by slug. Loaded from the log on first use.
    loaded: Mutex<HashMap<String, Arc<Workshop>>>,
}

impl Engine {
    pub fn new(store: Store) -> Engine {
        Engine {
            store,
            loaded: Mutex::new(HashMap::new()),
        }
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    async fn find(&self, slug: &str) -> Result<Option<Arc<Workshop>>, AppError> {
        let mut loaded = self.loaded.lock().await;
        if let Some(workshop) = loaded.get(slug) {
            return Ok(Some(workshop.clone()));
        }
        let Some(id) = self.store.workshop_id(slug).await.map_err(internal)? else {
            return Ok(None);
        };
        let events = self.store.load(id, 0).await.map_err(internal)?;
        let workshop = Arc::new(Workshop {
            id,
            state: RwLock::new(Arc::new(WorkshopState::from_log(&events))),
            writer: Mutex::new(()),
            live: broadcast::channel(LIVE_BUFFER).0,
        });
        loaded.insert(slug.to_string(), workshop.clone());
        Ok(Some(workshop))
    }

    /// Subscribes to a workshop's events as they are committed.
    pub async fn subscribe(&self, slug: &str) -> Result<broadcast::Receiver<Arc<StoredEvent>>, AppError> {
        let workshop = self
            .find(slug)
            .await?
            .ok_or_else(|| AppError::NotFound(slug.into()))?;
        Ok(workshop.live.subscribe())
    }

    /// The events after `seq`, for exports and for live clients catching up.
    pub async fn events(&self, slug: &str, after_seq: u64) -> Result<Vec<StoredEvent>, AppError> {
        let workshop = self
            .find(slug)
            .await?
            .ok_or_else(|| AppError::NotFound(slug.into()))?;
        self.store.load(workshop.id, after_seq).await.map_err(internal)
    }

    async fn create(&self, actor: Actor, key: &str, command: Command) -> Result<u64, AppError> {
        let Command::CreateWorkshop(new) = &command else {
            unreachable!("create is only called with CreateWorkshop")
        };
        let (id, slug) = (new.id, new.slug.clone());
        if let Some(version) = self.store.recorded_version(id, key).await.map_err(internal)? {
            return Ok(version);
        }
        let now = Utc::now();
        let events = stamp(
            &WorkshopState::default(),
            &actor,
            decide(&WorkshopState::default(), &actor, command, now)?,
            now,
        );
        let append = Append {
            workshop: id,
            register_slug: Some(&slug),
            idempotency_key: key,
            version_after: events.len() as u64,
            events: &events,
        };
        match self.store.append(append).await.map_err(internal)? {
            AppendOutcome::Appended => Ok(events.len() as u64),
            AppendOutcome::Duplicate { version } => Ok(version),
            AppendOutcome::Conflict => Err(AppError::AlreadyExists(slug)),
        }
    }

    /// Brings a workshop's state up to date with what other instances wrote.
    async fn catch_up(&self, workshop: &Workshop) -> Result<(), AppError> {
        let version = workshop.snapshot().version;
        let newer = self.store.load(workshop.id, version).await.map_err(internal)?;
        workshop.apply(&newer);
        Ok(())
    }
}

/// A short, jittered pause so that two instances racing for the same
/// sequence number stop colliding in lock-step.
async fn backoff(attempt: u32) {
    let jitter = u64::from(uuid::Uuid::new_v4().as_bytes()[0] % 8);
    let millis = (1 + jitter) * u64::from(attempt.min(5) + 1);
    tokio::time::sleep(std::time::Duration::from_millis(millis)).await;
}

/// Numbers decided events after the state's version and stamps them.
fn stamp(
    state: &WorkshopState,
    actor: &Actor,
    events: Vec<app::domain::event::Event>,
    now: chrono::DateTime<Utc>,
) -> Vec<StoredEvent> {
    events
        .into_iter()
        .zip(state.version + 1..)
        .map(|(event, seq)| StoredEvent {
            seq,
            recorded_at: now,
            actor: actor.clone(),
            event,
        })
        .collect()
}

#[async_trait::async_trait]
impl Roundtable for Engine {
    async fn sign_in(&self, email: &str, password: &str) -> Result<NewSession, AppError> {
        crate::auth::sign_in(&self.store, email, password, Utc::now()).await
    }

    async fn session(&self, token: &str) -> Result<Option<SignedIn>, AppError> {
        crate::auth::session(&self.store, token, Utc::now()).await
    }

    async fn sign_out(&self, token: &str) -> Result<(), AppError> {
        crate::auth::sign_out(&self.store, token, Utc::now()).await
    }

    async fn add_facilitator(&self, slug: &str, actor: Actor, account: NewAccount) -> Result<(), AppError> {
        crate::auth::add_facilitator(self, slug, actor, account).await
    }

    async fn create_api_token(&self, slug: &str, actor: Actor) -> Result<(String, String), AppError> {
        let (id, token) = crate::api_tokens::create(self, slug, &actor).await?;
        Ok((id.to_string(), token))
    }

    async fn revoke_api_token(&self, slug: &str, actor: Actor, id: &str) -> Result<(), AppError> {
        let id = id.parse().map_err(|_| AppError::invalid("id", "invalid"))?;
        crate::api_tokens::revoke(self, slug, &actor, id).await
    }

    async fn api_tokens(&self, slug: &str, actor: Actor) -> Result<Vec<ApiTokenInfo>, AppError> {
        crate::api_tokens::list(self, slug, &actor).await
    }

    async fn issue_invite(
        &self,
        slug: &str,
        actor: Actor,
        organisation: OrganisationId,
    ) -> Result<String, AppError> {
        crate::invites::issue(self, slug, actor, organisation).await
    }

    async fn revoke_invites(
        &self,
        slug: &str,
        actor: Actor,
        organisation: OrganisationId,
    ) -> Result<(), AppError> {
        crate::invites::revoke(self, slug, actor, organisation).await
    }

    async fn invite(&self, token: &str) -> Result<InviteView, AppError> {
        crate::invites::view(self, token).await
    }

    async fn join(
        &self,
        token: &str,
        delegate: DelegateId,
        name: String,
        email: Option<String>,
    ) -> Result<Joined, AppError> {
        crate::invites::join(self, token, delegate, name, email).await
    }

    async fn delegate_session(&self, token: &str) -> Result<Option<DelegateSession>, AppError> {
        crate::invites::session(self, token, Utc::now()).await
    }

    async fn workshops(&self) -> Result<Vec<Arc<WorkshopState>>, AppError> {
        let registered = self.store.workshops().await.map_err(internal)?;
        let mut states = Vec::with_capacity(registered.len());
        for (_, slug) in registered {
            if let Some(workshop) = self.find(&slug).await? {
                states.push(workshop.snapshot());
            }
        }
        Ok(states)
    }

    async fn workshop(&self, slug: &str) -> Result<Arc<WorkshopState>, AppError> {
        self.find(slug)
            .await?
            .map(|w| w.snapshot())
            .ok_or_else(|| AppError::NotFound(slug.into()))
    }

    async fn execute(&self, slug: &str, actor: Actor, key: &str, command: Command) -> Result<u64, AppError> {
        if matches!(command, Command::CreateWorkshop(_)) {
            return self.create(actor, key, command).await;
        }
        let workshop = self
            .find(slug)
            .await?
            .ok_or_else(|| AppError::NotFound(slug.into()))?;
        let _writer = workshop.writer.lock().await;
        if let Some(version) = self
            .store
            .recorded_version(workshop.id, key)
            .await
            .map_err(internal)?
        {
            return Ok(version);
        }
        for attempt in 0..CONFLICT_RETRIES {
            // Another instance (or the CLI) may have appended since we last
            // looked; deciding on a current state makes conflicts rare.
            self.catch_up(&workshop).await?;
            let state = workshop.snapshot();
            let now = Utc::now();
            let events = stamp(&state, &actor, decide(&state, &actor, command.clone(), now)?, now);
            let version_after = state.version + events.len() as u64;
            let append = Append {
                workshop: workshop.id,
                register_slug: None,
                idempotency_key: key,
                version_after,
                events: &events,
            };
            match self.store.append(append).await.map_err(internal)? {
                AppendOutcome::Appended => {
                    workshop.apply(&events);
                    return Ok(version_after);
                }
                AppendOutcome::Duplicate { version } => return Ok(version),
                AppendOutcome::Conflict => backoff(attempt).await,
            }
        }
        Err(AppError::Conflict)
    }
}
