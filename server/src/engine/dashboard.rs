//! The public dashboard of a workshop, computed at most once per version
//! and shared by everyone who shows it: the projector's live stream
//! (`http::live`) sends its JSON as it is, and `load_dashboard` answers
//! with it. Without it a thousand screens turn one commit into a thousand
//! rebuilds of the same figures.
//!
//! Lazy and coalescing: nothing is computed until someone asks, and a
//! reader that finds the cache behind computes the workshop's newest state,
//! not the version it first saw, so under a burst of commits the versions
//! in between are never built. One computation at a time per workshop; the
//! readers that arrive meanwhile wait for it (woken together) and share
//! it. The writer never waits for any of this: it only swaps in a new state.

use app::domain::dashboard::Dashboard;
use app::domain::state::WorkshopState;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock, RwLock};

/// The public dashboard at one version: the value, and its JSON made once.
/// Public: confidential commitments are masked (`Dashboard::of`).
#[derive(Debug)]
pub struct PublicDashboard {
    pub version: u64,
    pub dashboard: Dashboard,
    /// `dashboard` as JSON, on one line: what the live stream sends.
    pub json: Arc<str>,
    /// The live stream's whole message for this version, made by the
    /// stream (`http::live`) on first use and then shared, not copied, by
    /// every subscriber: a thousand projectors cost one framing per version.
    pub message: OnceLock<bytes::Bytes>,
}

impl PublicDashboard {
    /// `None` for a workshop without its setup (none is ever served so).
    fn of(state: &WorkshopState) -> Option<PublicDashboard> {
        let dashboard = Dashboard::of(state)?;
        let json = serde_json::to_string(&dashboard).ok()?.into();
        Some(PublicDashboard {
            version: dashboard.version,
            dashboard,
            json,
            message: OnceLock::new(),
        })
    }
}

/// One workshop's newest computed dashboard.
#[derive(Default)]
pub(super) struct DashboardCache {
    latest: RwLock<Option<Arc<PublicDashboard>>>,
    /// Held by the one reader computing; the others wait for `built`.
    computing: tokio::sync::Mutex<()>,
    /// Wakes every waiting reader at once when a build is done (not one
    /// after the other, as a queue on the lock would: a thousand screens
    /// wake together after each commit).
    built: tokio::sync::Notify,
    /// How many times a dashboard was built: the unit test's witness.
    computed: AtomicU64,
}

impl DashboardCache {
    /// The dashboard as of `snapshot()` or newer. `snapshot` gives the
    /// workshop's current state; it is asked again after waiting, so that
    /// the newest version is the one computed.
    pub(super) async fn current(
        &self,
        snapshot: impl Fn() -> Arc<WorkshopState>,
    ) -> Option<Arc<PublicDashboard>> {
        loop {
            if let Some(cached) = self.as_new_as(snapshot().version) {
                return Some(cached);
            }
            let Ok(computing) = self.computing.try_lock() else {
                // Someone is building: wait for it, then look again.
                let built = self.built.notified();
                tokio::pin!(built);
                built.as_mut().enable();
                if self.computing.try_lock().is_err() {
                    built.await;
                }
                continue;
            };
            let built = self.build(snapshot()).await;
            drop(computing);
            self.built.notify_waiters();
            return built;
        }
    }

    /// Builds the dashboard of `state` (unless the cache already has it or
    /// newer) and keeps it.
    async fn build(&self, state: Arc<WorkshopState>) -> Option<Arc<PublicDashboard>> {
        // Whoever computed before may have built it meanwhile.
        if let Some(cached) = self.as_new_as(state.version) {
            return Some(cached);
        }
        // Milliseconds for a large workshop: off the async workers, which
        // keep answering submits meanwhile.
        let built = tokio::task::spawn_blocking(move || PublicDashboard::of(&state))
            .await
            .ok()??;
        self.computed.fetch_add(1, Ordering::Relaxed);
        let built = Arc::new(built);
        let mut latest = self.latest.write().expect("dashboard lock poisoned");
        // Never step back (it cannot happen while computing is held, but
        // the cache stays monotonic whatever calls it).
        if latest.as_ref().is_none_or(|old| old.version < built.version) {
            *latest = Some(built.clone());
        }
        Some(built)
    }

    fn as_new_as(&self, version: u64) -> Option<Arc<PublicDashboard>> {
        self.latest
            .read()
            .expect("dashboard lock poisoned")
            .as_ref()
            .filter(|cached| cached.version >= version)
            .cloned()
    }

    #[cfg(test)]
    fn computed(&self) -> u64 {
        self.computed.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::domain::event::Actor;

    fn demo_state() -> WorkshopState {
        let mut state = WorkshopState::default();
        for (_, command) in app::domain::demo::demo_commands() {
            state
                .execute(&Actor::System, command, chrono::Utc::now())
                .unwrap();
        }
        state
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn readers_of_one_version_share_one_computation() {
        let cache = Arc::new(DashboardCache::default());
        let state = Arc::new(demo_state());
        let readers: Vec<_> = (0..8)
            .map(|_| {
                let (cache, state) = (cache.clone(), state.clone());
                tokio::spawn(async move { cache.current(|| state.clone()).await.unwrap() })
            })
            .collect();
        for reader in readers {
            let read = reader.await.unwrap();
            assert_eq!(read.version, state.version);
            assert_eq!(read.dashboard, Dashboard::of(&state).unwrap());
            let json: Dashboard = serde_json::from_str(&read.json).unwrap();
            assert_eq!(json, read.dashboard, "the JSON is the dashboard");
        }
        assert_eq!(cache.computed(), 1, "eight readers, one computation");
        cache.current(|| state.clone()).await.unwrap();
        assert_eq!(cache.computed(), 1, "a later reader of the same version too");
    }

    #[tokio::test]
    async fn a_reader_behind_the_cache_gets_the_newer_one_and_a_new_version_is_computed_once() {
        let cache = DashboardCache::default();
        let old = Arc::new(demo_state());
        let mut newer = (*old).clone();
        let command = app::domain::command::Command::SetStageStatus {
            stage: app::domain::model::Stage::BusinessModel,
            status: app::domain::model::StageStatus::Locked,
        };
        newer
            .execute(&Actor::System, command, chrono::Utc::now())
            .unwrap();
        let newer = Arc::new(newer);
        assert_eq!(
            cache.current(|| newer.clone()).await.unwrap().version,
            newer.version
        );
        let behind = cache.current(|| old.clone()).await.unwrap();
        assert_eq!(behind.version, newer.version, "never older than what is known");
        assert_eq!(cache.computed(), 1);

        let cache = DashboardCache::default();
        cache.current(|| old.clone()).await.unwrap();
        cache.current(|| newer.clone()).await.unwrap();
        cache.current(|| newer.clone()).await.unwrap();
        assert_eq!(cache.computed(), 2, "once per version asked for");
    }

    #[tokio::test]
    async fn a_burst_of_versions_is_computed_at_its_newest() {
        // The snapshot moves on while the reader waits: it builds the newest.
        let cache = DashboardCache::default();
        let old = Arc::new(demo_state());
        let mut newest = (*old).clone();
        for status in [
            app::domain::model::StageStatus::Locked,
            app::domain::model::StageStatus::Open,
        ] {
            let command = app::domain::command::Command::SetStageStatus {
                stage: app::domain::model::Stage::BusinessModel,
                status,
            };
            newest
                .execute(&Actor::System, command, chrono::Utc::now())
                .unwrap();
        }
        let newest = Arc::new(newest);
        let asked = std::sync::atomic::AtomicBool::new(false);
        let read = cache
            .current(|| {
                if asked.swap(true, Ordering::Relaxed) {
                    newest.clone()
                } else {
                    old.clone()
                }
            })
            .await
            .unwrap();
        assert_eq!(read.version, newest.version);
        assert_eq!(cache.computed(), 1);
    }
}
