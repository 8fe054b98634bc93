//! The hash chain over each workshop's log: every event's link is the
//! SHA-256 of the previous link and of the event exactly as stored, so an
//! event edited, deleted or moved in the database no longer matches
//! (`roundtable verify`). Written in the same transaction as the events.

use super::{RawEvent, Store, StoreError};
use crate::db::Db;
use app::domain::ids::WorkshopId;
use chrono::{DateTime, SecondsFormat, Utc};
use sha2::{Digest, Sha256};

/// The link before a workshop's first event.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The link of one stored event after `previous`. Each part is prefixed by
/// its length, so no two different events can be written as the same bytes.
pub fn link(
    previous: &str,
    workshop: &str,
    seq: i64,
    kind: &str,
    actor: &str,
    payload: &str,
    recorded_at: DateTime<Utc>,
) -> String {
    let seq = seq.to_string();
    let at = recorded_at.to_rfc3339_opts(SecondsFormat::Micros, true);
    let mut hasher = Sha256::new();
    for part in [previous, workshop, &seq, kind, actor, payload, &at] {
        hasher.update(part.len().to_string().as_bytes());
        hasher.update(b":");
        hasher.update(part.as_bytes());
        hasher.update(b"\n");
    }
    hasher.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// The link of a raw event after `previous`.
pub fn link_of(previous: &str, workshop: WorkshopId, event: &RawEvent) -> String {
    link(
        previous,
        &workshop.to_string(),
        event.seq as i64,
        &event.kind,
        &event.actor,
        &event.payload,
        event.recorded_at,
    )
}

impl Store {
    /// A workshop's stored links, by sequence number, in order.
    pub async fn chain(&self, workshop: WorkshopId) -> Result<Vec<(u64, String)>, StoreError> {
        let id = workshop.to_string();
        let rows: Vec<(i64, String)> = on_pool!(&self.db, pool => {
            sqlx::query_as("SELECT seq, hash FROM event_chain WHERE workshop_id = $1 ORDER BY seq")
                .bind(&id)
                .fetch_all(pool)
                .await?
        });
        Ok(rows.into_iter().map(|(seq, hash)| (seq as u64, hash)).collect())
    }

    /// The highest version any idempotency record promises: the log must
    /// reach at least this far.
    pub async fn promised_version(&self, workshop: WorkshopId) -> Result<u64, StoreError> {
        let id = workshop.to_string();
        let version: Option<i64> = on_pool!(&self.db, pool => {
            sqlx::query_scalar("SELECT MAX(version) FROM idempotency WHERE workshop_id = $1")
                .bind(&id)
                .fetch_one(pool)
                .await?
        });
        Ok(version.unwrap_or(0) as u64)
    }

    /// Chains the logs written before the chain existed: run after
    /// migrating. Only a log with no link at all is chained: since then
    /// every append writes its links in the same transaction, so an event
    /// without one in a chained log was put there behind the app's back,
    /// and `verify` must see it rather than have it chained. Safe to run on
    /// several instances at once (links are deterministic; one already
    /// there is kept).
    pub async fn link_unchained(&self) -> Result<usize, StoreError> {
        let mut linked = 0;
        for (workshop, _) in self.workshops().await? {
            if !self.chain(workshop).await?.is_empty() {
                continue;
            }
            let mut previous = GENESIS.to_string();
            let id = workshop.to_string();
            for event in self.load_raw(workshop, 0).await? {
                let hash = link_of(&previous, workshop, &event);
                let seq = event.seq as i64;
                on_pool!(&self.db, pool => {
                    sqlx::query("INSERT INTO event_chain (workshop_id, seq, hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
                        .bind(&id)
                        .bind(seq)
                        .bind(&hash)
                        .execute(pool)
                        .await?;
                });
                previous = hash;
                linked += 1;
            }
        }
        Ok(linked)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_depends_on_every_part() {
        let at = DateTime::parse_from_rfc3339("2026-11-30T10:00:00.123456Z")
            .unwrap()
            .with_timezone(&Utc);
        let base = link(GENESIS, "w", 1, "k", "{}", "{\"a\":1}", at);
        assert_eq!(base.len(), 64);
        assert_ne!(base, link(GENESIS, "w", 2, "k", "{}", "{\"a\":1}", at));
        assert_ne!(base, link(GENESIS, "w", 1, "k", "{}", "{\"a\":2}", at));
        assert_ne!(base, link(&base, "w", 1, "k", "{}", "{\"a\":1}", at));
        // Parts cannot be shifted into each other.
        assert_ne!(
            link(GENESIS, "w", 1, "ab", "c", "", at),
            link(GENESIS, "w", 1, "a", "bc", "", at)
        );
        assert_eq!(base, link(GENESIS, "w", 1, "k", "{}", "{\"a\":1}", at));
    }
}
