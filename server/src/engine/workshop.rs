//! A loaded workshop: its state in memory, its writer's queue, its live
//! channel and its public dashboard, and what waits in that queue.

use crate::engine::dashboard::DashboardCache;
use app::domain::command::Command;
use app::domain::error::AppError;
use app::domain::event::{Actor, StoredEvent};
use app::domain::idempotency::IdempotencyKey;
use app::domain::ids::WorkshopId;
use app::domain::state::WorkshopState;
use std::sync::{Arc, RwLock};
use tokio::sync::{broadcast, mpsc, oneshot};

/// A command waiting for the workshop's writer, and where its answer goes.
pub(super) struct Pending {
    pub(super) actor: Actor,
    pub(super) key: IdempotencyKey,
    /// Who sent what, hashed: a key stands for this request and no other.
    pub(super) request_hash: String,
    /// A join: answered only by the command that did it, never by a replay,
    /// so that a session is issued once per person.
    pub(super) only_new: bool,
    pub(super) command: Command,
    pub(super) reply: oneshot::Sender<Result<u64, AppError>>,
}

pub(super) enum Job {
    /// Boxed, so that a queued catch-up costs a pointer, not a command's size.
    Execute(Box<Pending>),
    /// Another instance wrote: read what is new and publish it.
    CatchUp,
}

pub(super) struct Workshop {
    pub(super) id: WorkshopId,
    /// Readers clone the `Arc`; the writer swaps in a new one after apply.
    pub(super) state: RwLock<Arc<WorkshopState>>,
    /// The single writer's queue; see `write_loop`.
    pub(super) queue: mpsc::Sender<Job>,
    pub(super) live: broadcast::Sender<Arc<StoredEvent>>,
    /// The public dashboard, built when first asked for after a commit.
    pub(super) dashboard: DashboardCache,
}

impl Workshop {
    pub(super) fn snapshot(&self) -> Arc<WorkshopState> {
        self.state.read().expect("state lock poisoned").clone()
    }

    /// Installs a state that already has the batch's events applied; the
    /// writer publishes them once it has answered the submitters.
    pub(super) fn replace(&self, state: WorkshopState) {
        *self.state.write().expect("state lock poisoned") = Arc::new(state);
    }

    pub(super) fn publish(&self, events: &[StoredEvent]) {
        for event in events {
            // Nobody listening is not an error.
            let _ = self.live.send(Arc::new(event.clone()));
        }
    }

    pub(super) fn apply(&self, events: &[StoredEvent]) {
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
