//! The engine: one writer per workshop. A command is decided against the
//! current state, appended durably, then applied to the in-memory state and
//! published; the caller hears back only after the commit.

use crate::store::{internal, Append, AppendOutcome, BatchEntry, Recorded, Store};
use app::api::service::{
    ApiTokenInfo, DelegateSession, InviteView, Joined, NewColleague, NewPassword, NewSession,
    ParticipantSession, PasswordChange, Roundtable, SignedIn,
};
use app::domain::command::Command;
use app::domain::error::AppError;
use app::domain::error::Problem;
use app::domain::event::{Actor, StoredEvent};
use app::domain::ids::WorkshopId;
use app::domain::ids::{DelegateId, OrganisationId, ParticipantId};
use app::domain::state::WorkshopState;
use chrono::Utc;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use tokio::sync::{broadcast, mpsc, oneshot, Mutex};

/// How many times a write is retried after another instance wrote first.
const CONFLICT_RETRIES: u32 = 50;
/// Events a slow live subscriber may fall behind before it must reload.
const LIVE_BUFFER: usize = 1024;
/// The most commands one group commit takes; bounds a transaction's size.
const MAX_BATCH: usize = 256;
/// Commands waiting for the writer before submitters are held back.
const QUEUE_DEPTH: usize = 4096;

/// A command waiting for the workshop's writer, and where its answer goes.
struct Pending {
    actor: Actor,
    key: String,
    /// Who sent what, hashed: a key stands for this request and no other.
    request_hash: String,
    /// A join: answered only by the command that did it, never by a replay,
    /// so that a session is issued once per person.
    only_new: bool,
    command: Command,
    reply: oneshot::Sender<Result<u64, AppError>>,
}

enum Job {
    /// Boxed, so that a queued catch-up costs a pointer, not a command's size.
    Execute(Box<Pending>),
    /// Another instance wrote: read what is new and publish it.
    CatchUp,
}

struct Workshop {
    id: WorkshopId,
    /// Readers clone the `Arc`; the writer swaps in a new one after apply.
    state: RwLock<Arc<WorkshopState>>,
    /// The single writer's queue; see `write_loop`.
    queue: mpsc::Sender<Job>,
    live: broadcast::Sender<Arc<StoredEvent>>,
}

impl Workshop {
    fn snapshot(&self) -> Arc<WorkshopState> {
        self.state.read().expect("state lock poisoned").clone()
    }

    /// Installs a state that already has `events` applied, and publishes them.
    fn replace(&self, state: WorkshopState, events: &[StoredEvent]) {
        *self.state.write().expect("state lock poisoned") = Arc::new(state);
        self.publish(events);
    }

    fn publish(&self, events: &[StoredEvent]) {
        for event in events {
            // Nobody listening is not an error.
            let _ = self.live.send(Arc::new(event.clone()));
        }
    }

    fn apply(&self, events: &[StoredEvent]) {
        if events.is_empty() {
            return;
        }
        let mut guard = self.state.write().expect("state lock poisoned");
        let state = Arc::make_mut(&mut guard);
        for event in events {
            state.apply(event);
        }
        drop(guard);
        self.publish(events);
    }
}

pub struct Engine {
    store: Store,
    /// Workshops loaded so far, by slug. Loaded from the log on first use.
    loaded: Mutex<HashMap<String, Arc<Workshop>>>,
    /// Password hashes being computed at once (argon2id takes 19 MiB each).
    hashing: tokio::sync::Semaphore,
}

/// At most this many password hashes at once: 4 × 19 MiB, whatever the
/// number of sign-ins arriving.
pub const CONCURRENT_PASSWORD_HASHES: usize = 4;

impl Engine {
    pub fn new(store: Store) -> Engine {
        Engine {
            store,
            loaded: Mutex::new(HashMap::new()),
            hashing: tokio::sync::Semaphore::new(CONCURRENT_PASSWORD_HASHES),
        }
    }

    /// The bound on concurrent password hashes (see `auth`).
    pub fn hashing(&self) -> &tokio::sync::Semaphore {
        &self.hashing
    }

    /// Runs a command that must be new: a replay of its key is refused
    /// (`AlreadyExists`) instead of answered. Joins use it, so that only
    /// the request that made a person gets a session for them.
    pub async fn execute_new(
        &self,
        slug: &str,
        actor: Actor,
        key: &str,
        command: Command,
    ) -> Result<u64, AppError> {
        self.submit(slug, actor, key, command, true).await
    }

    async fn submit(
        &self,
        slug: &str,
        actor: Actor,
        key: &str,
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
            key: key.to_string(),
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
        let Some(id) = self.store.workshop_id(slug).await.map_err(internal)? else {
            return Ok(None);
        };
        let events = self.store.load(id, 0).await.map_err(internal)?;
        let (queue, jobs) = mpsc::channel(QUEUE_DEPTH);
        let workshop = Arc::new(Workshop {
            id,
            state: RwLock::new(Arc::new(WorkshopState::from_log(&events))),
            queue,
            live: broadcast::channel(LIVE_BUFFER).0,
        });
        tokio::spawn(write_loop(self.store.clone(), workshop.clone(), jobs));
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

    async fn create(&self, actor: Actor, key: &str, command: Command) -> Result<u64, AppError> {
        let Command::CreateWorkshop(new) = &command else {
            unreachable!("create is only called with CreateWorkshop")
        };
        let (id, slug) = (new.id, new.slug.clone());
        let request_hash = request_hash(&actor, &command);
        if let Some(recorded) = self.store.recorded(id, key).await.map_err(internal)? {
            return answer_recorded(&recorded, &request_hash, false);
        }
        let events = WorkshopState::default().execute(&actor, command, clock())?;
        let append = Append {
            workshop: id,
            register_slug: Some(&slug),
            idempotency_key: key,
            request_hash: &request_hash,
            version_after: events.len() as u64,
            events: &events,
        };
        match self.store.append(append).await.map_err(internal)? {
            AppendOutcome::Appended => Ok(events.len() as u64),
            AppendOutcome::Duplicate(recorded) => answer_recorded(&recorded, &request_hash, false),
            AppendOutcome::Conflict => Err(AppError::AlreadyExists(slug)),
        }
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
        loop {
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
            while let Ok(notification) = listener.recv().await {
                let Some(engine) = engine.upgrade() else { return };
                if let Ok(id) = notification.payload().parse() {
                    engine.notify_appended(id).await;
                }
            }
        }
    });
}

/// The one writer of a workshop. It takes every command waiting (up to
/// `MAX_BATCH`), decides them one after the other, and appends them all in
/// one transaction: one fsync for the lot, which is what lets SQLite keep
/// `synchronous=FULL` under a room's worth of submits. Each submitter hears
/// back only after that commit.
async fn write_loop(store: Store, workshop: Arc<Workshop>, mut jobs: mpsc::Receiver<Job>) {
    let mut received = Vec::with_capacity(MAX_BATCH);
    while jobs.recv_many(&mut received, MAX_BATCH).await > 0 {
        let mut batch = Vec::with_capacity(received.len());
        for job in received.drain(..) {
            if let Job::Execute(pending) = job {
                batch.push(*pending);
            }
        }
        if batch.is_empty() {
            if let Err(error) = catch_up(&store, &workshop).await {
                tracing::warn!(%error, "catching up after another instance's write failed");
            }
            continue;
        }
        let answers = commit_batch(&store, &workshop, &batch).await;
        for (pending, answer) in batch.iter().zip(&answers) {
            if matches!(answer, Err(AppError::KeyReused)) {
                tracing::warn!(workshop = %workshop.id, key = %pending.key, "refused a reused idempotency key");
                let actor = serde_json::to_string(&pending.actor).unwrap_or_default();
                let detail = format!("key {} by {actor}", pending.key);
                if let Err(error) = store
                    .audit(AUDIT_KEY_REUSED, &workshop.id.to_string(), &detail, Utc::now())
                    .await
                {
                    tracing::error!(%error, "cannot audit a reused key");
                }
            }
        }
        for (pending, answer) in batch.into_iter().zip(answers) {
            // The submitter may have gone (a dropped connection); the write
            // stands, and a retry with the same key gets the same answer.
            let _ = pending.reply.send(answer);
        }
    }
}

/// Brings a workshop's state up to date with what other instances wrote.
async fn catch_up(store: &Store, workshop: &Workshop) -> Result<(), AppError> {
    let version = workshop.snapshot().version;
    let newer = store.load(workshop.id, version).await.map_err(internal)?;
    workshop.apply(&newer);
    Ok(())
}

/// What became of one command of a batch while deciding it.
enum Decided {
    Answered(Result<u64, AppError>),
    /// Appending as entry `i` of the batch.
    Appending(usize),
}

/// Decides and durably appends a batch; one answer per command, in order.
async fn commit_batch(store: &Store, workshop: &Workshop, batch: &[Pending]) -> Vec<Result<u64, AppError>> {
    for attempt in 0..CONFLICT_RETRIES {
        // Another instance (or the CLI) may have appended since we last
        // looked; deciding on a current state makes conflicts rare.
        if let Err(error) = catch_up(store, workshop).await {
            return batch.iter().map(|_| Err(error.clone())).collect();
        }
        let mut state = (*workshop.snapshot()).clone();
        let mut decided = Vec::with_capacity(batch.len());
        let mut entries: Vec<(&Pending, u64, Vec<StoredEvent>)> = Vec::new();
        for pending in batch {
            if let Some(i) = entries.iter().position(|(first, ..)| first.key == pending.key) {
                // The same key twice in one batch: the second is a replay of
                // the first, if it is the same request.
                let first = entries[i].0;
                decided.push(if first.request_hash != pending.request_hash {
                    Decided::Answered(Err(AppError::KeyReused))
                } else if pending.only_new {
                    Decided::Answered(Err(AppError::AlreadyExists(pending.key.clone())))
                } else {
                    Decided::Appending(i)
                });
                continue;
            }
            match store.recorded(workshop.id, &pending.key).await {
                Ok(Some(recorded)) => {
                    let answer = answer_recorded(&recorded, &pending.request_hash, pending.only_new);
                    decided.push(Decided::Answered(answer));
                    continue;
                }
                Ok(None) => {}
                Err(error) => {
                    decided.push(Decided::Answered(Err(internal(error))));
                    continue;
                }
            }
            let now = clock();
            match state.execute(&pending.actor, pending.command.clone(), now) {
                Err(error) => decided.push(Decided::Answered(Err(error))),
                Ok(events) => {
                    decided.push(Decided::Appending(entries.len()));
                    entries.push((pending, state.version, events));
                }
            }
        }
        let outcome = if entries.is_empty() {
            Ok(AppendOutcome::Appended)
        } else {
            let batch_entries: Vec<BatchEntry> = entries
                .iter()
                .map(|(pending, version_after, events)| BatchEntry {
                    idempotency_key: &pending.key,
                    request_hash: &pending.request_hash,
                    version_after: *version_after,
                    events,
                })
                .collect();
            store.append_batch(workshop.id, &batch_entries).await
        };
        let appended = match outcome {
            Ok(AppendOutcome::Appended) => Ok(()),
            Ok(AppendOutcome::Duplicate(_) | AppendOutcome::Conflict) => {
                backoff(attempt).await;
                continue;
            }
            Err(error) => Err(internal(error)),
        };
        if appended.is_ok() {
            // The scratch state already has the batch applied, and only this
            // task writes the workshop's state: it becomes the state.
            let events: Vec<StoredEvent> = entries.iter().flat_map(|(_, _, events)| events.clone()).collect();
            workshop.replace(state, &events);
        }
        return decided
            .into_iter()
            .map(|d| match d {
                Decided::Answered(answer) => answer,
                Decided::Appending(i) => appended.clone().map(|()| entries[i].1),
            })
            .collect();
    }
    batch.iter().map(|_| Err(AppError::Conflict)).collect()
}

pub const AUDIT_KEY_REUSED: &str = "idempotency_key_reused";

/// The answer to a key already recorded: the first answer for the same
/// request from the same sender, a refusal for anything else. A key proves
/// nothing about who sends it.
fn answer_recorded(recorded: &Recorded, request_hash: &str, only_new: bool) -> Result<u64, AppError> {
    if !recorded.is_same_request(request_hash) {
        Err(AppError::KeyReused)
    } else if only_new {
        Err(AppError::AlreadyExists("request".into()))
    } else {
        Ok(recorded.version)
    }
}

/// SHA-256 of who sends a command and what it says, as JSON (whose field
/// order is fixed by the types).
pub fn request_hash(actor: &Actor, command: &Command) -> String {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    hasher.update(serde_json::to_vec(actor).unwrap_or_default());
    hasher.update(b"\n");
    hasher.update(serde_json::to_vec(command).unwrap_or_default());
    hasher.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// A short, jittered pause so that two instances racing for the same
/// sequence number stop colliding in lock-step.
async fn backoff(attempt: u32) {
    let jitter = u64::from(uuid::Uuid::new_v4().as_bytes()[0] % 8);
    let millis = (1 + jitter) * u64::from(attempt.min(5) + 1);
    tokio::time::sleep(std::time::Duration::from_millis(millis)).await;
}

/// The time events are stamped with, to the microsecond: what PostgreSQL
/// keeps, so that a state folded again from the log equals the one in memory.
fn clock() -> chrono::DateTime<Utc> {
    use chrono::SubsecRound;
    Utc::now().trunc_subsecs(6)
}

#[async_trait::async_trait]
impl Roundtable for Engine {
    async fn sign_in(&self, email: &str, password: &str) -> Result<NewSession, AppError> {
        crate::auth::sign_in(&self.store, &self.hashing, email, password, Utc::now()).await
    }

    async fn change_password(&self, session_token: &str, change: PasswordChange) -> Result<(), AppError> {
        crate::auth::change_password(&self.store, &self.hashing, session_token, change, Utc::now()).await
    }

    async fn password_link(&self, token: &str) -> Result<String, AppError> {
        crate::auth::password_link(&self.store, token, Utc::now()).await
    }

    async fn set_password_by_link(&self, token: &str, password: NewPassword) -> Result<(), AppError> {
        crate::auth::set_password_by_link(&self.store, &self.hashing, token, password, Utc::now()).await
    }

    async fn session(&self, token: &str) -> Result<Option<SignedIn>, AppError> {
        crate::auth::session(&self.store, token, Utc::now()).await
    }

    async fn sign_out(&self, token: &str) -> Result<(), AppError> {
        crate::auth::sign_out(&self.store, token, Utc::now()).await
    }

    async fn add_facilitator(
        &self,
        slug: &str,
        actor: Actor,
        colleague: NewColleague,
    ) -> Result<Option<String>, AppError> {
        crate::auth::add_facilitator(self, slug, actor, colleague).await
    }

    async fn create_api_token(&self, slug: &str, actor: Actor) -> Result<(String, String), AppError> {
        let (id, token) = crate::api_tokens::create(self, slug, &actor).await?;
        Ok((id.to_string(), token))
    }

    async fn revoke_api_token(&self, slug: &str, actor: Actor, id: &str) -> Result<(), AppError> {
        let id = id
            .parse()
            .map_err(|_| AppError::invalid("id", Problem::Invalid))?;
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

    async fn room_code(&self, slug: &str) -> Result<String, AppError> {
        crate::room::code(self, slug).await
    }

    async fn join_room(
        &self,
        code: &str,
        participant: ParticipantId,
        name: String,
        client: &str,
    ) -> Result<Joined, AppError> {
        crate::room::join(self, code, participant, name, client).await
    }

    async fn participant_session(&self, token: &str) -> Result<Option<ParticipantSession>, AppError> {
        crate::room::session(self, token, Utc::now()).await
    }

    async fn decide_delegation(
        &self,
        slug: &str,
        actor: Actor,
        participant: ParticipantId,
        organisation: OrganisationId,
        approve: bool,
    ) -> Result<(), AppError> {
        crate::room::decide_delegation(self, slug, actor, participant, organisation, approve).await
    }

    async fn remove_person(&self, slug: &str, actor: Actor, person: uuid::Uuid) -> Result<(), AppError> {
        crate::room::remove_person(self, slug, actor, person).await
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
        self.submit(slug, actor, key, command, false).await
    }
}
