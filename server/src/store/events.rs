//! The event log: the registry of workshops, appending a batch of
//! commands' events (with their idempotency records and chain links) in one
//! transaction, and reading a log back.

use crate::db::Db;
use crate::store::base::{in_write_transaction, is_unique_violation, on_pool, parse_id, Store, StoreError};
use crate::store::idempotency::Recorded;
use crate::store::link::{link, GENESIS};
use app::domain::event::{Actor, Event, StoredEvent};
use app::domain::ids::WorkshopId;
use chrono::{DateTime, Utc};

/// A workshop in the registry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegisteredWorkshop {
    pub id: WorkshopId,
    pub slug: String,
}

#[derive(sqlx::FromRow)]
struct WorkshopRecord {
    id: String,
    slug: String,
}

/// An `events` row as the database types it.
#[derive(sqlx::FromRow)]
struct EventRecord {
    seq: i64,
    kind: String,
    actor: String,
    payload: String,
    recorded_at: DateTime<Utc>,
}

impl From<EventRecord> for RawEvent {
    fn from(row: EventRecord) -> RawEvent {
        RawEvent {
            seq: row.seq as u64,
            kind: row.kind,
            actor: row.actor,
            payload: row.payload,
            recorded_at: row.recorded_at,
        }
    }
}

/// An event as it is written: its actor and payload encoded as JSON.
struct EventRow {
    seq: i64,
    kind: &'static str,
    actor: String,
    payload: String,
    recorded_at: DateTime<Utc>,
}

impl EventRow {
    fn of(event: &StoredEvent) -> Result<EventRow, serde_json::Error> {
        Ok(EventRow {
            seq: event.seq as i64,
            kind: event.event.kind(),
            actor: serde_json::to_string(&event.actor)?,
            payload: serde_json::to_string(&event.event)?,
            recorded_at: event.recorded_at,
        })
    }
}

/// What an append did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AppendOutcome {
    Appended,
    /// The idempotency key was used before: what was recorded for it.
    Duplicate(Recorded),
    /// Another writer (another instance) took one of these sequence numbers
    /// or the slug; nothing was written.
    Conflict,
}

/// One command's worth of events, written atomically.
pub struct Append<'a> {
    pub workshop: WorkshopId,
    /// Registers a new workshop under this slug in the same transaction.
    pub register_slug: Option<&'a str>,
    pub idempotency_key: &'a str,
    pub request_hash: &'a str,
    pub version_after: u64,
    pub events: &'a [StoredEvent],
}

/// One command's worth of events inside a group commit.
pub struct BatchEntry<'a> {
    pub idempotency_key: &'a str,
    /// See [`Recorded::request_hash`].
    pub request_hash: &'a str,
    pub version_after: u64,
    pub events: &'a [StoredEvent],
}

/// An event row as stored, before parsing; `verify` reads these.
#[derive(Debug)]
pub struct RawEvent {
    pub seq: u64,
    pub kind: String,
    pub actor: String,
    pub payload: String,
    pub recorded_at: DateTime<Utc>,
}

impl RawEvent {
    pub fn parse(self, workshop: WorkshopId) -> Result<StoredEvent, StoreError> {
        let corrupt = |reason: String| StoreError::Corrupt {
            workshop,
            seq: self.seq,
            reason,
        };
        let event: Event = serde_json::from_str(&self.payload).map_err(|e| corrupt(e.to_string()))?;
        if event.kind() != self.kind {
            return Err(corrupt(format!(
                "kind column says {} but payload is {}",
                self.kind,
                event.kind()
            )));
        }
        let actor: Actor = serde_json::from_str(&self.actor).map_err(|e| corrupt(format!("actor: {e}")))?;
        Ok(StoredEvent {
            seq: self.seq,
            recorded_at: self.recorded_at,
            actor,
            event,
        })
    }
}

impl Store {
    /// Every registered workshop, oldest first.
    pub async fn workshops(&self) -> Result<Vec<RegisteredWorkshop>, StoreError> {
        let rows: Vec<WorkshopRecord> = on_pool!(&self.db, pool => {
            sqlx::query_as("SELECT id, slug FROM workshops ORDER BY created_at, slug").fetch_all(pool).await?
        });
        rows.into_iter()
            .map(|row| {
                Ok(RegisteredWorkshop {
                    id: parse_id(&row.id)?,
                    slug: row.slug,
                })
            })
            .collect()
    }

    pub async fn workshop_id(&self, slug: &str) -> Result<Option<WorkshopId>, StoreError> {
        let id: Option<String> = on_pool!(&self.db, pool => {
            sqlx::query_scalar("SELECT id FROM workshops WHERE slug = $1").bind(slug).fetch_optional(pool).await?
        });
        id.map(|id| parse_id(&id)).transpose()
    }

    pub async fn workshop_slug(&self, workshop: WorkshopId) -> Result<Option<String>, StoreError> {
        let id = workshop.to_string();
        let slug: Option<String> = on_pool!(&self.db, pool => {
            sqlx::query_scalar("SELECT slug FROM workshops WHERE id = $1").bind(&id).fetch_optional(pool).await?
        });
        Ok(slug)
    }

    /// The events of a workshop after `after_seq`, unparsed, in order.
    pub async fn load_raw(&self, workshop: WorkshopId, after_seq: u64) -> Result<Vec<RawEvent>, StoreError> {
        let id = workshop.to_string();
        let after = after_seq as i64;
        let rows: Vec<EventRecord> = on_pool!(&self.db, pool => {
            sqlx::query_as("SELECT seq, kind, actor, payload, recorded_at FROM events WHERE workshop_id = $1 AND seq > $2 ORDER BY seq")
                .bind(&id)
                .bind(after)
                .fetch_all(pool)
                .await?
        });
        Ok(rows.into_iter().map(RawEvent::from).collect())
    }

    /// The events of a workshop after `after_seq`, parsed, in order.
    pub async fn load(&self, workshop: WorkshopId, after_seq: u64) -> Result<Vec<StoredEvent>, StoreError> {
        self.load_raw(workshop, after_seq)
            .await?
            .into_iter()
            .map(|raw| raw.parse(workshop))
            .collect()
    }

    /// Appends one command's events in one transaction, or nothing.
    pub async fn append(&self, append: Append<'_>) -> Result<AppendOutcome, StoreError> {
        let entry = BatchEntry {
            idempotency_key: append.idempotency_key,
            request_hash: append.request_hash,
            version_after: append.version_after,
            events: append.events,
        };
        self.write_entries(append.workshop, append.register_slug, &[entry])
            .await
    }

    /// Group commit: appends several commands' events, each under its own
    /// idempotency key, in one transaction (one fsync), or nothing. A key
    /// already recorded makes the whole batch a `Conflict`, so the caller
    /// decides again against what is now stored.
    pub async fn append_batch(
        &self,
        workshop: WorkshopId,
        entries: &[BatchEntry<'_>],
    ) -> Result<AppendOutcome, StoreError> {
        self.write_entries(workshop, None, entries).await
    }

    async fn write_entries(
        &self,
        workshop: WorkshopId,
        register_slug: Option<&str>,
        entries: &[BatchEntry<'_>],
    ) -> Result<AppendOutcome, StoreError> {
        let rows: Vec<EventRow> = entries
            .iter()
            .flat_map(|entry| entry.events)
            .map(EventRow::of)
            .collect::<Result<_, serde_json::Error>>()?;
        let id = workshop.to_string();
        let now = Utc::now();
        let postgres = matches!(self.db, Db::Postgres(_));
        // The same statements on either pool's transaction: the body is
        // written once and expanded for each.
        in_write_transaction!(&self.db, tx => {
            if let Some(slug) = register_slug {
                let inserted = sqlx::query("INSERT INTO workshops (id, slug, created_at) VALUES ($1, $2, $3)")
                    .bind(&id)
                    .bind(slug)
                    .bind(now)
                    .execute(&mut *tx)
                    .await;
                match inserted {
                    Err(e) if is_unique_violation(&e) => return Ok(AppendOutcome::Conflict),
                    other => { other?; }
                }
            }
            for entry in entries {
                let claimed = sqlx::query(
                    "INSERT INTO idempotency (workshop_id, idempotency_key, version, recorded_at, request_hash) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
                )
                .bind(&id)
                .bind(entry.idempotency_key)
                .bind(entry.version_after as i64)
                .bind(now)
                .bind(entry.request_hash)
                .execute(&mut *tx)
                .await?;
                if claimed.rows_affected() == 0 {
                    drop(tx);
                    if entries.len() > 1 {
                        return Ok(AppendOutcome::Conflict);
                    }
                    let recorded = self.recorded(workshop, entry.idempotency_key).await?;
                    return Ok(match recorded {
                        Some(recorded) => AppendOutcome::Duplicate(recorded),
                        None => AppendOutcome::Conflict,
                    });
                }
            }
            let mut previous = match rows.first() {
                Some(first) if first.seq > 1 => {
                    let found: Option<String> = sqlx::query_scalar(
                        "SELECT hash FROM event_chain WHERE workshop_id = $1 AND seq = $2",
                    )
                    .bind(&id)
                    .bind(first.seq - 1)
                    .fetch_optional(&mut *tx)
                    .await?;
                    match found {
                        Some(hash) => hash,
                        // The event before is not there (another writer
                        // is behind it) or not chained: decide again.
                        None => return Ok(AppendOutcome::Conflict),
                    }
                }
                _ => GENESIS.to_string(),
            };
            for row in &rows {
                let inserted = sqlx::query(
                    "INSERT INTO events (workshop_id, seq, kind, actor, payload, recorded_at) VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(&id)
                .bind(row.seq)
                .bind(row.kind)
                .bind(&row.actor)
                .bind(&row.payload)
                .bind(row.recorded_at)
                .execute(&mut *tx)
                .await;
                match inserted {
                    Err(e) if is_unique_violation(&e) => return Ok(AppendOutcome::Conflict),
                    other => { other?; }
                }
                let hash = link(&previous, &id, row.seq, row.kind, &row.actor, &row.payload, row.recorded_at);
                sqlx::query("INSERT INTO event_chain (workshop_id, seq, hash) VALUES ($1, $2, $3)")
                    .bind(&id)
                    .bind(row.seq)
                    .bind(&hash)
                    .execute(&mut *tx)
                    .await?;
                previous = hash;
            }
            if postgres && !rows.is_empty() {
                // Tells other instances to catch up (delivered on commit).
                sqlx::query("SELECT pg_notify('roundtable_events', $1)")
                    .bind(&id)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Ok(AppendOutcome::Appended)
        })
    }
}
