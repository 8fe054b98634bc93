//! The hash chain over each workshop's log: every event's link is the
//! SHA-256 of the previous link and of the event exactly as stored, so an
//! event edited, deleted or moved in the database no longer matches
//! (`roundtable verify`). Written in the same transaction as the events.

use crate::db::Db;
use crate::store::base::{on_pool, Store, StoreError};
use crate::store::events::RawEvent;
use crate::store::link::{link, GENESIS};
use app::domain::ids::WorkshopId;

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

/// One event's stored link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainLink {
    pub seq: u64,
    pub hash: String,
}

#[derive(sqlx::FromRow)]
struct ChainLinkRecord {
    seq: i64,
    hash: String,
}

impl Store {
    /// A workshop's stored links, by sequence number, in order.
    pub async fn chain(&self, workshop: WorkshopId) -> Result<Vec<ChainLink>, StoreError> {
        let id = workshop.to_string();
        let rows: Vec<ChainLinkRecord> = on_pool!(&self.db, pool => {
            sqlx::query_as("SELECT seq, hash FROM event_chain WHERE workshop_id = $1 ORDER BY seq")
                .bind(&id)
                .fetch_all(pool)
                .await?
        });
        Ok(rows
            .into_iter()
            .map(|row| ChainLink {
                seq: row.seq as u64,
                hash: row.hash,
            })
            .collect())
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
        for workshop in self.workshops().await? {
            let workshop = workshop.id;
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
