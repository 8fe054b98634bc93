//! The engine: one writer per workshop. A command is decided against the
//! current state, appended durably, then applied to the in-memory state and
//! published; the caller hears back only after the commit.

pub use crate::engine::commit::CommitCounters;
pub use crate::engine::dashboard::PublicDashboard;

use crate::engine::commit::{answer_recorded, clock, request_hash, write_loop};
use crate::engine::workshop::{Job, Pending, Workshop};
use crate::store::{Append, AppendOutcome, Store};
use app::api::service::Workshops;
use app::domain::command::Command;
use app::domain::error::AppError;
use app::domain::event::{Actor, StoredEvent};
use app::domain::idempotency::IdempotencyKey;
use app::domain::ids::WorkshopId;
use app::domain::state::WorkshopState;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use tokio::sync::{broadcast, mpsc, oneshot, Mutex};

mod commit;
mod dashboard;
mod workshop;

/// Events a slow live subscriber may fall behind before it must reload.
const LIVE_BUFFER: usize = 1024;
/// Commands waiting for the writer before submitters are held back.
const QUEUE_DEPTH: usize = 4096;

pub struct Engine {
    store: Store,
    /// Workshops loaded so far, by slug. Loaded from the log on first use.
    loaded: Mutex<HashMap<String, Arc<Workshop>>>,
    counters: CommitCounters,
}

impl Engine {
    pub fn new(store: Store) -> Engine {
        Engine {
            store,
            loaded: Mutex::new(HashMap::new()),
            counters: CommitCounters::default(),
        }
    }

    /// Runs a command that must be new: a replay of its key is refused
    /// (`AlreadyExists`) instead of answered. Joins use it, so that only
    /// the request that made a person gets a session for them.
    pub async fn execute_new(
        &self,
        slug: &str,
        actor: Actor,
        key: &IdempotencyKey,
        command: Command,
    ) -> Result<u64, AppError> {
        self.submit(slug, actor, key, command, true).await
    }

    async fn submit(
        &self,
        slug: &str,
        actor: Actor,
        key: &IdempotencyKey,
        command: Command,
        only_new: bool,
    ) -> Result<u64, AppError> {
        if matches!(command, Command::CreateWorkshop(_)) {
            return self.create(actor, key, command).await;
        }
        let workshop = self
            .find(slug)
            .await?
            .ok_or_else(|| AppError::NotFound(slug.into()))?;
        let (reply, answer) = oneshot::channel();
        let pending = Pending {
            request_hash: request_hash(&actor, &command),
            actor,
            key: key.clone(),
            only_new,
            command,
            reply,
        };
        workshop
            .queue
            .send(Job::Execute(Box::new(pending)))
            .await
            .map_err(|_| AppError::Internal)?;
        answer.await.map_err(|_| AppError::Internal)?
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// What the writers have counted (`/metrics`).
    pub fn counters(&self) -> &CommitCounters {
        &self.counters
    }

    async fn find(&self, slug: &str) -> Result<Option<Arc<Workshop>>, AppError> {
        let mut loaded = self.loaded.lock().await;
        if let Some(workshop) = loaded.get(slug) {
            return Ok(Some(workshop.clone()));
        }
        // Only what could be a slug reaches the database.
        let plausible = slug.len() <= 64 && slug.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
        if !plausible {
            return Ok(None);
        }
        let Some(id) = self.store.workshop_id(slug).await? else {
            return Ok(None);
        };
        let events = self.store.load(id, 0).await?;
        let (queue, jobs) = mpsc::channel(QUEUE_DEPTH);
        let workshop = Arc::new(Workshop {
            id,
            state: RwLock::new(Arc::new(WorkshopState::from_log(&events))),
            queue,
            live: broadcast::channel(LIVE_BUFFER).0,
            dashboard: Default::default(),
        });
        tokio::spawn(write_loop(
            self.store.clone(),
            workshop.clone(),
            jobs,
            self.counters.clone(),
        ));
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

    /// The public dashboard as of the workshop's current version (or newer),
    /// built at most once per version and shared (`engine::dashboard`).
    pub async fn public_dashboard(&self, slug: &str) -> Result<Arc<PublicDashboard>, AppError> {
        self.dashboard_feed(slug)
            .await?
            .current()
            .await
            .ok_or_else(|| AppError::NotFound(slug.into()))
    }

    /// A workshop's commits and public dashboard, for a stream that follows
    /// them: looked up once, not on every commit.
    pub async fn dashboard_feed(&self, slug: &str) -> Result<DashboardFeed, AppError> {
        let workshop = self
            .find(slug)
            .await?
            .ok_or_else(|| AppError::NotFound(slug.into()))?;
        Ok(DashboardFeed(workshop))
    }

    /// The events after `seq`, for exports and for live clients catching up.
    pub async fn events(&self, slug: &str, after_seq: u64) -> Result<Vec<StoredEvent>, AppError> {
        let workshop = self
            .find(slug)
            .await?
            .ok_or_else(|| AppError::NotFound(slug.into()))?;
        Ok(self.store.load(workshop.id, after_seq).await?)
    }

    /// Another instance appended to workshop `id`: if it is loaded here,
    /// its writer reads the new events and publishes them to live clients.
    pub async fn notify_appended(&self, id: WorkshopId) {
        let loaded: Vec<Arc<Workshop>> = self.loaded.lock().await.values().cloned().collect();
        if let Some(workshop) = loaded.into_iter().find(|w| w.id == id) {
            let _ = workshop.queue.try_send(Job::CatchUp);
        }
    }

    async fn catch_up_all(&self) {
        for workshop in self.loaded.lock().await.values() {
            let _ = workshop.queue.try_send(Job::CatchUp);
        }
    }

    async fn create(&self, actor: Actor, key: &IdempotencyKey, command: Command) -> Result<u64, AppError> {
        let Command::CreateWorkshop(new) = &command else {
            unreachable!("create is only called with CreateWorkshop")
        };
        let (id, slug) = (new.id, new.slug.clone());
        let request_hash = request_hash(&actor, &command);
        if let Some(recorded) = self.store.recorded(id, key.as_str()).await? {
            return answer_recorded(&recorded, &request_hash, false);
        }
        let events = WorkshopState::default().execute(&actor, command, clock())?;
        let append = Append {
            workshop: id,
            register_slug: Some(&slug),
            idempotency_key: key.as_str(),
            request_hash: &request_hash,
            version_after: events.len() as u64,
            events: &events,
        };
        match self.store.append(append).await? {
            AppendOutcome::Appended => Ok(events.len() as u64),
            AppendOutcome::Duplicate(recorded) => answer_recorded(&recorded, &request_hash, false),
            AppendOutcome::Conflict => Err(AppError::AlreadyExists(slug)),
        }
    }
}

/// One loaded workshop as a live dashboard stream follows it.
pub struct DashboardFeed(Arc<Workshop>);

impl DashboardFeed {
    /// The workshop's events as they are committed.
    pub fn subscribe(&self) -> broadcast::Receiver<Arc<StoredEvent>> {
        self.0.live.subscribe()
    }

    /// The public dashboard as of now or newer; `None` without a setup.
    pub async fn current(&self) -> Option<Arc<PublicDashboard>> {
        self.0.dashboard.current(|| self.0.snapshot()).await
    }
}

/// On PostgreSQL, follows the other instances' appends (the NOTIFY sent in
/// `Store::append_batch`), so that live clients of this instance see them
/// within moments rather than at this instance's next write.
pub fn follow_other_instances(engine: &Arc<Engine>) {
    let crate::db::Db::Postgres(pool) = engine.store.db() else {
        return;
    };
    let pool = pool.clone();
    let engine = Arc::downgrade(engine);
    tokio::spawn(async move {
        // Until the engine is gone (a test's app dropped).
        while engine.strong_count() > 0 {
            let mut listener = match sqlx::postgres::PgListener::connect_with(&pool).await {
                Ok(listener) => listener,
                Err(error) => {
                    tracing::warn!(%error, "cannot listen for other instances' writes; retrying");
                    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                    continue;
                }
            };
            if let Err(error) = listener.listen("roundtable_events").await {
                tracing::warn!(%error, "LISTEN failed; retrying");
                tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                continue;
            }
            // Whatever was written while we were not listening.
            match engine.upgrade() {
                Some(engine) => engine.catch_up_all().await,
                None => return,
            }
            // `try_recv`, not `recv`: `recv` reconnects by itself after the
            // connection drops and silently skips what other instances wrote
            // meanwhile. A drop here goes round the loop instead, which
            // listens again and then catches up from the log.
            while let Ok(Some(notification)) = listener.try_recv().await {
                let Some(engine) = engine.upgrade() else { return };
                if let Ok(id) = notification.payload().parse() {
                    engine.notify_appended(id).await;
                }
            }
            tracing::warn!("lost the connection that hears other instances' writes; listening again");
        }
    });
}

#[async_trait::async_trait]
impl Workshops for Engine {
    async fn workshops(&self) -> Result<Vec<Arc<WorkshopState>>, AppError> {
        let registered = self.store.workshops().await?;
        let mut states = Vec::with_capacity(registered.len());
        for registered in registered {
            if let Some(workshop) = self.find(&registered.slug).await? {
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

    async fn dashboard(&self, slug: &str) -> Result<app::domain::dashboard::Dashboard, AppError> {
        Ok(self.public_dashboard(slug).await?.dashboard.clone())
    }

    async fn workshop_at(&self, slug: &str, seq: u64) -> Result<WorkshopState, AppError> {
        let events = self.events(slug, 0).await?;
        Ok(WorkshopState::from_log(
            events.iter().take_while(|e| e.seq <= seq),
        ))
    }

    async fn moments(&self, slug: &str) -> Result<Vec<app::domain::timeline::Moment>, AppError> {
        Ok(app::domain::timeline::moments(&self.events(slug, 0).await?))
    }

    async fn execute(
        &self,
        slug: &str,
        actor: Actor,
        key: &IdempotencyKey,
        command: Command,
    ) -> Result<u64, AppError> {
        self.submit(slug, actor, key, command, false).await
    }
}
