//! One request's view of the workshops: the first read of a workshop pins
//! its state, and every later read in the same request gets that state.
//!
//! Why: while rendering a page, Leptos walks a `<Suspense>`'s children
//! again (`dry_resolve`) as often as its resources' timing dictates, and
//! each walk creates the children's resources anew and reads again. Under
//! a busy room the walks read different versions; the HTML comes from the
//! last walk but the browser hydrates from the first walk's serialized
//! data, so a list's length differs from the HTML and hydration panics,
//! leaving a dead page. Pinned, every walk reads the same version, and the
//! page is one consistent moment of the workshop (the live stream then
//! brings it forward). A write in the request drops the pins, so a server
//! function that changes a workshop and then reads it sees its change.

use app::api::service::Workshops;
use app::domain::command::Command;
use app::domain::dashboard::Dashboard;
use app::domain::error::AppError;
use app::domain::event::Actor;
use app::domain::idempotency::IdempotencyKey;
use app::domain::state::WorkshopState;
use app::domain::timeline::Moment;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

/// The workshops as one request sees them (see the module's note).
pub struct RequestSnapshot {
    workshops: Arc<dyn Workshops>,
    pinned: Mutex<Pinned>,
}

#[derive(Default)]
struct Pinned {
    states: HashMap<String, Arc<WorkshopState>>,
    dashboards: HashMap<String, Dashboard>,
    moments: HashMap<String, Arc<Vec<Moment>>>,
}

impl RequestSnapshot {
    pub fn new(workshops: Arc<dyn Workshops>) -> RequestSnapshot {
        RequestSnapshot {
            workshops,
            pinned: Mutex::default(),
        }
    }

    fn pinned<T>(&self, read: impl FnOnce(&mut Pinned) -> T) -> T {
        read(&mut self.pinned.lock().unwrap_or_else(PoisonError::into_inner))
    }
}

#[async_trait::async_trait]
impl Workshops for RequestSnapshot {
    async fn workshops(&self) -> Result<Vec<Arc<WorkshopState>>, AppError> {
        let all = self.workshops.workshops().await?;
        // Those this request already read keep the state it read.
        Ok(self.pinned(|pinned| {
            all.into_iter()
                .map(|state| {
                    let slug = state.setup.as_ref().map(|setup| setup.slug.as_str());
                    slug.and_then(|slug| pinned.states.get(slug).cloned())
                        .unwrap_or(state)
                })
                .collect()
        }))
    }

    async fn workshop(&self, slug: &str) -> Result<Arc<WorkshopState>, AppError> {
        if let Some(state) = self.pinned(|pinned| pinned.states.get(slug).cloned()) {
            return Ok(state);
        }
        let state = self.workshops.workshop(slug).await?;
        // Two reads racing here: the first to pin wins, so both answer alike.
        Ok(self.pinned(|pinned| pinned.states.entry(slug.to_string()).or_insert(state).clone()))
    }

    async fn dashboard(&self, slug: &str) -> Result<Dashboard, AppError> {
        if let Some(dashboard) = self.pinned(|pinned| pinned.dashboards.get(slug).cloned()) {
            return Ok(dashboard);
        }
        let dashboard = self.workshops.dashboard(slug).await?;
        Ok(self.pinned(|pinned| {
            pinned
                .dashboards
                .entry(slug.to_string())
                .or_insert(dashboard)
                .clone()
        }))
    }

    async fn workshop_at(&self, slug: &str, seq: u64) -> Result<WorkshopState, AppError> {
        // A past moment never changes.
        self.workshops.workshop_at(slug, seq).await
    }

    async fn moments(&self, slug: &str) -> Result<Vec<Moment>, AppError> {
        if let Some(moments) = self.pinned(|pinned| pinned.moments.get(slug).cloned()) {
            return Ok(moments.to_vec());
        }
        let moments = Arc::new(self.workshops.moments(slug).await?);
        Ok(self.pinned(|pinned| pinned.moments.entry(slug.to_string()).or_insert(moments).to_vec()))
    }

    async fn execute(
        &self,
        slug: &str,
        actor: Actor,
        idempotency_key: &IdempotencyKey,
        command: Command,
    ) -> Result<u64, AppError> {
        let answer = self
            .workshops
            .execute(slug, actor, idempotency_key, command)
            .await;
        self.pinned(|pinned| *pinned = Pinned::default());
        answer
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::domain::ids::OrganisationId;
    use app::domain::model::ScreenLanguages;
    use std::sync::atomic::{AtomicU64, Ordering};

    /// A room so busy that every read finds a newer version.
    #[derive(Default)]
    struct BusyRoom {
        version: AtomicU64,
    }

    impl BusyRoom {
        fn next(&self) -> u64 {
            self.version.fetch_add(1, Ordering::SeqCst) + 1
        }
    }

    #[async_trait::async_trait]
    impl Workshops for BusyRoom {
        async fn workshops(&self) -> Result<Vec<Arc<WorkshopState>>, AppError> {
            Ok(Vec::new())
        }
        async fn workshop(&self, _slug: &str) -> Result<Arc<WorkshopState>, AppError> {
            Ok(Arc::new(WorkshopState {
                version: self.next(),
                ..WorkshopState::default()
            }))
        }
        async fn dashboard(&self, _slug: &str) -> Result<Dashboard, AppError> {
            Err(AppError::Internal)
        }
        async fn workshop_at(&self, _slug: &str, seq: u64) -> Result<WorkshopState, AppError> {
            Ok(WorkshopState {
                version: seq,
                ..WorkshopState::default()
            })
        }
        async fn moments(&self, _slug: &str) -> Result<Vec<Moment>, AppError> {
            self.next();
            Ok(Vec::new())
        }
        async fn execute(&self, _: &str, _: Actor, _: &IdempotencyKey, _: Command) -> Result<u64, AppError> {
            Ok(self.next())
        }
    }

    #[tokio::test]
    async fn every_read_of_one_request_sees_the_version_its_first_read_saw() {
        let snapshot = RequestSnapshot::new(Arc::new(BusyRoom::default()));
        let first = snapshot.workshop("demo").await.unwrap().version;
        for _ in 0..3 {
            assert_eq!(snapshot.workshop("demo").await.unwrap().version, first);
        }
        // Another workshop has its own pin.
        assert_ne!(snapshot.workshop("other").await.unwrap().version, first);
        // A new request reads the room as it now is.
        let next_request = RequestSnapshot::new(snapshot.workshops.clone());
        assert!(next_request.workshop("demo").await.unwrap().version > first);
    }

    #[tokio::test]
    async fn a_write_in_the_request_unpins_so_its_effect_is_read() {
        let snapshot = RequestSnapshot::new(Arc::new(BusyRoom::default()));
        let before = snapshot.workshop("demo").await.unwrap().version;
        let command = Command::SetScreenLanguages {
            languages: ScreenLanguages::Both,
        };
        let key = IdempotencyKey::organisation(OrganisationId::random());
        let written = snapshot
            .execute("demo", Actor::System, &key, command)
            .await
            .unwrap();
        let after = snapshot.workshop("demo").await.unwrap().version;
        assert!(after > written && written > before);
    }
}
