//! The group commit: the one writer task of a workshop takes every command
//! waiting, decides them in turn and appends them in one transaction, and
//! answers each submitter after the commit.

use crate::engine::workshop::{Job, Pending, Workshop};
use crate::store::{AppendOutcome, BatchEntry, Recorded, Store};
use app::domain::command::Command;
use app::domain::error::AppError;
use app::domain::event::{Actor, StoredEvent};
use chrono::Utc;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use std::sync::Arc;
use tokio::sync::mpsc;

/// How many times a write is retried after another instance wrote first.
const CONFLICT_RETRIES: u32 = 50;
/// The most commands one group commit takes; bounds a transaction's size.
const MAX_BATCH: usize = 256;

/// What the writers count, for `/metrics`. The handles are shared: a clone
/// counts into the same figures.
#[derive(Clone, Debug)]
pub struct CommitCounters {
    pub committed: Counter,
    pub refused: Counter,
    pub batch_sizes: Histogram,
}

impl Default for CommitCounters {
    fn default() -> Self {
        CommitCounters {
            committed: Counter::default(),
            refused: Counter::default(),
            // 1, 2, 4 … 256 (`MAX_BATCH`).
            batch_sizes: Histogram::new(exponential_buckets(1.0, 2.0, 9)),
        }
    }
}

impl CommitCounters {
    fn count(&self, answers: &[Result<u64, AppError>]) {
        self.batch_sizes.observe(answers.len() as f64);
        for answer in answers {
            match answer {
                Ok(_) => self.committed.inc(),
                Err(_) => self.refused.inc(),
            };
        }
    }
}

/// The one writer of a workshop. It takes every command waiting (up to
/// `MAX_BATCH`), decides them one after the other, and appends them all in
/// one transaction: one fsync for the lot, which is what lets SQLite keep
/// `synchronous=FULL` under a room's worth of submits. Each submitter hears
/// back only after that commit.
pub(super) async fn write_loop(
    store: Store,
    workshop: Arc<Workshop>,
    mut jobs: mpsc::Receiver<Job>,
    counters: CommitCounters,
) {
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
        let (answers, committed) = commit_batch(&store, &workshop, &batch).await;
        counters.count(&answers);
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
        // Only now wake the live streams: a thousand screens following the
        // workshop must not stand between a submitter and its answer.
        workshop.publish(&committed);
    }
}

/// Brings a workshop's state up to date with what other instances wrote.
async fn catch_up(store: &Store, workshop: &Workshop) -> Result<(), AppError> {
    let version = workshop.snapshot().version;
    let newer = store.load(workshop.id, version).await?;
    workshop.apply(&newer);
    Ok(())
}

/// What became of one command of a batch while deciding it.
enum Decided {
    Answered(Result<u64, AppError>),
    /// Appending as entry `i` of the batch.
    Appending(usize),
}

/// Decides and durably appends a batch; one answer per command, in order,
/// and the events appended, installed in the state but not yet published.
async fn commit_batch(
    store: &Store,
    workshop: &Workshop,
    batch: &[Pending],
) -> (Vec<Result<u64, AppError>>, Vec<StoredEvent>) {
    for attempt in 0..CONFLICT_RETRIES {
        // Another instance (or the CLI) may have appended since we last
        // looked; deciding on a current state makes conflicts rare.
        if let Err(error) = catch_up(store, workshop).await {
            return (batch.iter().map(|_| Err(error.clone())).collect(), Vec::new());
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
                    Decided::Answered(Err(AppError::AlreadyExists(pending.key.to_string())))
                } else {
                    Decided::Appending(i)
                });
                continue;
            }
            match store.recorded(workshop.id, pending.key.as_str()).await {
                Ok(Some(recorded)) => {
                    let answer = answer_recorded(&recorded, &pending.request_hash, pending.only_new);
                    decided.push(Decided::Answered(answer));
                    continue;
                }
                Ok(None) => {}
                Err(error) => {
                    decided.push(Decided::Answered(Err(error.into())));
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
                    idempotency_key: pending.key.as_str(),
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
            Err(error) => Err(error.into()),
        };
        let mut committed = Vec::new();
        if appended.is_ok() {
            // The scratch state already has the batch applied, and only this
            // task writes the workshop's state: it becomes the state.
            committed = entries.iter().flat_map(|(_, _, events)| events.clone()).collect();
            workshop.replace(state);
        }
        let answers = decided
            .into_iter()
            .map(|d| match d {
                Decided::Answered(answer) => answer,
                Decided::Appending(i) => appended.clone().map(|()| entries[i].1),
            })
            .collect();
        return (answers, committed);
    }
    (
        batch.iter().map(|_| Err(AppError::Conflict)).collect(),
        Vec::new(),
    )
}

pub const AUDIT_KEY_REUSED: &str = "idempotency_key_reused";

/// The answer to a key already recorded: the first answer for the same
/// request from the same sender, a refusal for anything else. A key proves
/// nothing about who sends it.
pub(super) fn answer_recorded(
    recorded: &Recorded,
    request_hash: &str,
    only_new: bool,
) -> Result<u64, AppError> {
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
pub(super) fn clock() -> chrono::DateTime<Utc> {
    use chrono::SubsecRound;
    Utc::now().trunc_subsecs(6)
}
