//! The event store: per-workshop append-only logs with idempotency records,
//! and the few other tables (accounts). All SQL of the application lives in
//! this crate; the same statements run on SQLite and PostgreSQL.

use crate::db::Db;
use app::domain::event::{Actor, Event, StoredEvent};
use app::domain::ids::{AccountId, DelegateId, OrganisationId, ParticipantId, WorkshopId};
use app::domain::model::Delegate;
use chrono::{DateTime, Utc};
use sqlx::Row;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
    #[error("event {seq} of workshop {workshop} does not parse: {reason}")]
    Corrupt {
        workshop: WorkshopId,
        seq: u64,
        reason: String,
    },
    #[error("could not encode an event: {0}")]
    Encode(#[from] serde_json::Error),
}

/// The one mapping of a storage failure to what callers see, so that `?`
/// does it: the detail goes to the server log, the user gets
/// `AppError::Internal`.
impl From<StoreError> for app::domain::error::AppError {
    fn from(error: StoreError) -> Self {
        tracing::error!(%error, "store failure");
        app::domain::error::AppError::Internal
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

/// What an idempotency key was first used for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recorded {
    /// The workshop's version after that first command.
    pub version: u64,
    /// The SHA-256 of who sent it and what it said (`None` on records
    /// older than this field, which keep answering as before).
    pub request_hash: Option<String>,
}

impl Recorded {
    /// Whether a request with this hash is the one recorded: the same
    /// sender sending the same command again.
    pub fn is_same_request(&self, request_hash: &str) -> bool {
        self.request_hash
            .as_deref()
            .is_none_or(|recorded| recorded == request_hash)
    }
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

pub struct AccountRow {
    pub id: AccountId,
    pub email: String,
    pub name: String,
    pub password_hash: String,
}

/// account id, email, name, created at, last seen at
type SessionTuple = (String, String, String, DateTime<Utc>, DateTime<Utc>);

pub struct SessionRow {
    pub account: AccountId,
    pub email: String,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
}

fn parse_id<T: std::str::FromStr<Err = uuid::Error>>(text: &str) -> Result<T, StoreError> {
    text.parse()
        .map_err(|e: uuid::Error| StoreError::Db(sqlx::Error::Decode(Box::new(e))))
}

#[derive(Clone, Debug)]
pub struct Store {
    db: Db,
}

/// Runs the same body against whichever pool the store has.
macro_rules! on_pool {
    ($db:expr, $pool:ident => $body:expr) => {
        match $db {
            Db::Sqlite($pool) => $body,
            Db::Postgres($pool) => $body,
        }
    };
}

/// Runs `$body` inside a write transaction named `$tx`: `BEGIN IMMEDIATE` on
/// SQLite, so it takes the write lock up front instead of failing with
/// SQLITE_BUSY half way; a plain transaction on PostgreSQL. The body
/// commits; returning early rolls back.
macro_rules! in_write_transaction {
    ($db:expr, $tx:ident => $body:expr) => {
        match $db {
            Db::Sqlite(pool) => {
                #[allow(unused_mut)]
                let mut $tx = pool.begin_with("BEGIN IMMEDIATE").await?;
                $body
            }
            Db::Postgres(pool) => {
                #[allow(unused_mut)]
                let mut $tx = pool.begin().await?;
                $body
            }
        }
    };
}

pub mod attempts;
pub mod chain;

fn is_unique_violation(error: &sqlx::Error) -> bool {
    error.as_database_error().is_some_and(|e| e.is_unique_violation())
}

impl Store {
    pub fn new(db: Db) -> Store {
        Store { db }
    }

    pub fn db(&self) -> &Db {
        &self.db
    }

    /// Every registered workshop, oldest first.
    pub async fn workshops(&self) -> Result<Vec<(WorkshopId, String)>, StoreError> {
        let rows = on_pool!(&self.db, pool => {
            sqlx::query("SELECT id, slug FROM workshops ORDER BY created_at, slug").fetch_all(pool).await?
                .into_iter()
                .map(|row| (row.get::<String, _>(0), row.get::<String, _>(1)))
                .collect::<Vec<_>>()
        });
        rows.into_iter()
            .map(|(id, slug)| Ok((parse_id(&id)?, slug)))
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
        let rows = on_pool!(&self.db, pool => {
            sqlx::query("SELECT seq, kind, actor, payload, recorded_at FROM events WHERE workshop_id = $1 AND seq > $2 ORDER BY seq")
                .bind(&id)
                .bind(after)
                .fetch_all(pool)
                .await?
                .into_iter()
                .map(|row| RawEvent {
                    seq: row.get::<i64, _>(0) as u64,
                    kind: row.get(1),
                    actor: row.get(2),
                    payload: row.get(3),
                    recorded_at: row.get(4),
                })
                .collect::<Vec<_>>()
        });
        Ok(rows)
    }

    /// The events of a workshop after `after_seq`, parsed, in order.
    pub async fn load(&self, workshop: WorkshopId, after_seq: u64) -> Result<Vec<StoredEvent>, StoreError> {
        self.load_raw(workshop, after_seq)
            .await?
            .into_iter()
            .map(|raw| raw.parse(workshop))
            .collect()
    }

    /// What an idempotency key was first used for, if it was used before.
    pub async fn recorded(&self, workshop: WorkshopId, key: &str) -> Result<Option<Recorded>, StoreError> {
        let id = workshop.to_string();
        let row: Option<(i64, Option<String>)> = on_pool!(&self.db, pool => {
            sqlx::query_as("SELECT version, request_hash FROM idempotency WHERE workshop_id = $1 AND idempotency_key = $2")
                .bind(&id)
                .bind(key)
                .fetch_optional(pool)
                .await?
        });
        Ok(row.map(|(version, request_hash)| Recorded {
            version: version as u64,
            request_hash,
        }))
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
        let rows: Vec<(i64, &'static str, String, String, DateTime<Utc>)> = entries
            .iter()
            .flat_map(|entry| entry.events)
            .map(|e| {
                Ok((
                    e.seq as i64,
                    e.event.kind(),
                    serde_json::to_string(&e.actor)?,
                    serde_json::to_string(&e.event)?,
                    e.recorded_at,
                ))
            })
            .collect::<Result<_, serde_json::Error>>()?;
        let id = workshop.to_string();
        let now = Utc::now();
        let postgres = matches!(self.db, Db::Postgres(_));
        macro_rules! write {
            ($tx:ident) => {{
                if let Some(slug) = register_slug {
                    let inserted = sqlx::query("INSERT INTO workshops (id, slug, created_at) VALUES ($1, $2, $3)")
                        .bind(&id)
                        .bind(slug)
                        .bind(now)
                        .execute(&mut *$tx)
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
                    .execute(&mut *$tx)
                    .await?;
                    if claimed.rows_affected() == 0 {
                        drop($tx);
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
                    Some((seq, ..)) if *seq > 1 => {
                        let found: Option<String> = sqlx::query_scalar(
                            "SELECT hash FROM event_chain WHERE workshop_id = $1 AND seq = $2",
                        )
                        .bind(&id)
                        .bind(*seq - 1)
                        .fetch_optional(&mut *$tx)
                        .await?;
                        match found {
                            Some(hash) => hash,
                            // The event before is not there (another writer
                            // is behind it) or not chained: decide again.
                            None => return Ok(AppendOutcome::Conflict),
                        }
                    }
                    _ => chain::GENESIS.to_string(),
                };
                for (seq, kind, actor, payload, recorded_at) in &rows {
                    let inserted = sqlx::query(
                        "INSERT INTO events (workshop_id, seq, kind, actor, payload, recorded_at) VALUES ($1, $2, $3, $4, $5, $6)",
                    )
                    .bind(&id)
                    .bind(*seq)
                    .bind(*kind)
                    .bind(actor)
                    .bind(payload)
                    .bind(*recorded_at)
                    .execute(&mut *$tx)
                    .await;
                    match inserted {
                        Err(e) if is_unique_violation(&e) => return Ok(AppendOutcome::Conflict),
                        other => { other?; }
                    }
                    let link = chain::link(&previous, &id, *seq, kind, actor, payload, *recorded_at);
                    sqlx::query("INSERT INTO event_chain (workshop_id, seq, hash) VALUES ($1, $2, $3)")
                        .bind(&id)
                        .bind(*seq)
                        .bind(&link)
                        .execute(&mut *$tx)
                        .await?;
                    previous = link;
                }
                if postgres && !rows.is_empty() {
                    // Tells other instances to catch up (delivered on commit).
                    sqlx::query("SELECT pg_notify('roundtable_events', $1)")
                        .bind(&id)
                        .execute(&mut *$tx)
                        .await?;
                }
                $tx.commit().await?;
                Ok(AppendOutcome::Appended)
            }};
        }
        in_write_transaction!(&self.db, tx => write!(tx))
    }

    pub async fn account_by_email(&self, email: &str) -> Result<Option<AccountRow>, StoreError> {
        let email = email.trim().to_lowercase();
        let row: Option<(String, String, String, String)> = on_pool!(&self.db, pool => {
            sqlx::query_as("SELECT id, email, name, password_hash FROM accounts WHERE email = $1")
                .bind(&email)
                .fetch_optional(pool)
                .await?
        });
        row.map(|(id, email, name, password_hash)| {
            Ok(AccountRow {
                id: parse_id(&id)?,
                email,
                name,
                password_hash,
            })
        })
        .transpose()
    }

    pub async fn create_session(
        &self,
        token_hash: &str,
        account: AccountId,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let account = account.to_string();
        on_pool!(&self.db, pool => {
            sqlx::query("INSERT INTO sessions (token_hash, account_id, created_at, last_seen_at) VALUES ($1, $2, $3, $3)")
                .bind(token_hash).bind(&account).bind(now)
                .execute(pool).await?;
        });
        Ok(())
    }

    /// A session and its account, by the hash of its token.
    pub async fn session(&self, token_hash: &str) -> Result<Option<SessionRow>, StoreError> {
        let row: Option<SessionTuple> = on_pool!(&self.db, pool => {
            sqlx::query_as(
                "SELECT a.id, a.email, a.name, s.created_at, s.last_seen_at \
                 FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.token_hash = $1",
            )
            .bind(token_hash)
            .fetch_optional(pool)
            .await?
        });
        row.map(|(id, email, name, created_at, last_seen_at)| {
            Ok(SessionRow {
                account: parse_id(&id)?,
                email,
                name,
                created_at,
                last_seen_at,
            })
        })
        .transpose()
    }

    pub async fn touch_session(&self, token_hash: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
        on_pool!(&self.db, pool => {
            sqlx::query("UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1")
                .bind(token_hash).bind(now).execute(pool).await?;
        });
        Ok(())
    }

    pub async fn delete_session(&self, token_hash: &str) -> Result<(), StoreError> {
        on_pool!(&self.db, pool => {
            sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(token_hash).execute(pool).await?;
        });
        Ok(())
    }

    /// Records a security event. Never pass a secret here.
    pub async fn audit(
        &self,
        kind: &str,
        subject: &str,
        detail: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        on_pool!(&self.db, pool => {
            sqlx::query("INSERT INTO audit (at, kind, subject, detail) VALUES ($1, $2, $3, $4)")
                .bind(now).bind(kind).bind(subject).bind(detail).execute(pool).await?;
        });
        Ok(())
    }

    /// When each `kind` event about `subject` since `since` happened, oldest first.
    pub async fn audit_times(
        &self,
        kind: &str,
        subject: &str,
        since: DateTime<Utc>,
    ) -> Result<Vec<DateTime<Utc>>, StoreError> {
        let times: Vec<DateTime<Utc>> = on_pool!(&self.db, pool => {
            sqlx::query_scalar("SELECT at FROM audit WHERE kind = $1 AND subject = $2 AND at > $3 ORDER BY at")
                .bind(kind).bind(subject).bind(since).fetch_all(pool).await?
        });
        Ok(times)
    }

    /// The audit trail, newest first.
    pub async fn audit_trail(
        &self,
        limit: i64,
    ) -> Result<Vec<(DateTime<Utc>, String, String, String)>, StoreError> {
        let rows = on_pool!(&self.db, pool => {
            sqlx::query_as("SELECT at, kind, subject, detail FROM audit ORDER BY id DESC LIMIT $1")
                .bind(limit).fetch_all(pool).await?
        });
        Ok(rows)
    }

    /// Stores a new invite for an organisation and revokes its earlier ones,
    /// so that re-issuing a link kills the old link.
    pub async fn replace_invite(
        &self,
        token_hash: &str,
        workshop: WorkshopId,
        organisation: OrganisationId,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let (workshop, organisation) = (workshop.to_string(), organisation.to_string());
        macro_rules! write {
            ($tx:ident) => {{
                sqlx::query(
                    "UPDATE invites SET revoked_at = $3 \
                     WHERE workshop_id = $1 AND organisation_id = $2 AND revoked_at IS NULL",
                )
                .bind(&workshop)
                .bind(&organisation)
                .bind(now)
                .execute(&mut *$tx)
                .await?;
                sqlx::query(
                    "INSERT INTO invites (token_hash, workshop_id, organisation_id, created_at) \
                     VALUES ($1, $2, $3, $4)",
                )
                .bind(token_hash)
                .bind(&workshop)
                .bind(&organisation)
                .bind(now)
                .execute(&mut *$tx)
                .await?;
                $tx.commit().await?;
            }};
        }
        in_write_transaction!(&self.db, tx => write!(tx));
        Ok(())
    }

    pub async fn revoke_invites(
        &self,
        workshop: WorkshopId,
        organisation: OrganisationId,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let (workshop, organisation) = (workshop.to_string(), organisation.to_string());
        on_pool!(&self.db, pool => {
            sqlx::query(
                "UPDATE invites SET revoked_at = $3 \
                 WHERE workshop_id = $1 AND organisation_id = $2 AND revoked_at IS NULL",
            )
            .bind(&workshop).bind(&organisation).bind(now).execute(pool).await?;
        });
        Ok(())
    }

    /// The workshop and organisation of a live (not revoked) invite.
    pub async fn live_invite(
        &self,
        token_hash: &str,
    ) -> Result<Option<(WorkshopId, OrganisationId)>, StoreError> {
        let row: Option<(String, String)> = on_pool!(&self.db, pool => {
            sqlx::query_as(
                "SELECT workshop_id, organisation_id FROM invites WHERE token_hash = $1 AND revoked_at IS NULL",
            )
            .bind(token_hash)
            .fetch_optional(pool)
            .await?
        });
        row.map(|(w, o)| Ok((parse_id(&w)?, parse_id(&o)?))).transpose()
    }

    pub async fn create_delegate_session(
        &self,
        token_hash: &str,
        workshop: WorkshopId,
        delegate: &Delegate,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let (workshop, organisation, id) = (
            workshop.to_string(),
            delegate.organisation.to_string(),
            delegate.id.to_string(),
        );
        on_pool!(&self.db, pool => {
            sqlx::query(
                "INSERT INTO delegate_sessions (token_hash, workshop_id, organisation_id, delegate_id, created_at) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(token_hash).bind(&workshop).bind(&organisation).bind(&id).bind(now)
            .execute(pool).await?;
        });
        Ok(())
    }

    /// The workshop, organisation and delegate of a delegate session, and
    /// when it began.
    pub async fn delegate_session(
        &self,
        token_hash: &str,
    ) -> Result<Option<(WorkshopId, OrganisationId, DelegateId, DateTime<Utc>)>, StoreError> {
        let row: Option<(String, String, String, DateTime<Utc>)> = on_pool!(&self.db, pool => {
            sqlx::query_as(
                "SELECT workshop_id, organisation_id, delegate_id, created_at FROM delegate_sessions WHERE token_hash = $1",
            )
            .bind(token_hash)
            .fetch_optional(pool)
            .await?
        });
        row.map(|(w, o, d, at)| Ok((parse_id(&w)?, parse_id(&o)?, parse_id(&d)?, at)))
            .transpose()
    }

    pub async fn room_code(&self, workshop: WorkshopId) -> Result<Option<String>, StoreError> {
        let id = workshop.to_string();
        Ok(on_pool!(&self.db, pool => {
            sqlx::query_scalar("SELECT code FROM room_codes WHERE workshop_id = $1")
                .bind(&id)
                .fetch_optional(pool)
                .await?
        }))
    }

    /// Gives the workshop `code` unless it has one or the code is taken;
    /// whether it was given.
    pub async fn claim_room_code(
        &self,
        workshop: WorkshopId,
        code: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let id = workshop.to_string();
        let inserted = on_pool!(&self.db, pool => {
            sqlx::query("INSERT INTO room_codes (workshop_id, code, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
                .bind(&id)
                .bind(code)
                .bind(now)
                .execute(pool)
                .await?
                .rows_affected()
        });
        Ok(inserted == 1)
    }

    pub async fn room_workshop(&self, code: &str) -> Result<Option<WorkshopId>, StoreError> {
        let id: Option<String> = on_pool!(&self.db, pool => {
            sqlx::query_scalar("SELECT workshop_id FROM room_codes WHERE code = $1")
                .bind(code)
                .fetch_optional(pool)
                .await?
        });
        id.map(|id| parse_id(&id)).transpose()
    }

    pub async fn create_participant_session(
        &self,
        token_hash: &str,
        workshop: WorkshopId,
        participant: ParticipantId,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let (workshop, participant) = (workshop.to_string(), participant.to_string());
        on_pool!(&self.db, pool => {
            sqlx::query(
                "INSERT INTO participant_sessions (token_hash, workshop_id, participant_id, created_at) VALUES ($1, $2, $3, $4)",
            )
            .bind(token_hash).bind(&workshop).bind(&participant).bind(now)
            .execute(pool).await?;
        });
        Ok(())
    }

    pub async fn participant_session(
        &self,
        token_hash: &str,
    ) -> Result<Option<(WorkshopId, ParticipantId, DateTime<Utc>)>, StoreError> {
        let row: Option<(String, String, DateTime<Utc>)> = on_pool!(&self.db, pool => {
            sqlx::query_as(
                "SELECT workshop_id, participant_id, created_at FROM participant_sessions WHERE token_hash = $1",
            )
            .bind(token_hash)
            .fetch_optional(pool)
            .await?
        });
        row.map(|(w, p, at)| Ok((parse_id(&w)?, parse_id(&p)?, at)))
            .transpose()
    }

    pub async fn create_api_token(
        &self,
        id: uuid::Uuid,
        token_hash: &str,
        workshop: WorkshopId,
        account: AccountId,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let (id, workshop, account) = (id.to_string(), workshop.to_string(), account.to_string());
        on_pool!(&self.db, pool => {
            sqlx::query(
                "INSERT INTO api_tokens (id, token_hash, workshop_id, account_id, created_at) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(&id).bind(token_hash).bind(&workshop).bind(&account).bind(now)
            .execute(pool).await?;
        });
        Ok(())
    }

    /// Revokes a token of a workshop by its id; `false` if there was none live.
    pub async fn revoke_api_token(
        &self,
        workshop: WorkshopId,
        id: uuid::Uuid,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let (workshop, id) = (workshop.to_string(), id.to_string());
        let done = on_pool!(&self.db, pool => {
            sqlx::query("UPDATE api_tokens SET revoked_at = $3 WHERE workshop_id = $1 AND id = $2 AND revoked_at IS NULL")
                .bind(&workshop).bind(&id).bind(now).execute(pool).await?.rows_affected()
        });
        Ok(done > 0)
    }

    /// A workshop's API tokens, newest first: id, created, revoked or not.
    pub async fn api_tokens(
        &self,
        workshop: WorkshopId,
    ) -> Result<Vec<(String, DateTime<Utc>, bool)>, StoreError> {
        let workshop = workshop.to_string();
        let rows: Vec<(String, DateTime<Utc>, Option<DateTime<Utc>>)> = on_pool!(&self.db, pool => {
            sqlx::query_as("SELECT id, created_at, revoked_at FROM api_tokens WHERE workshop_id = $1 ORDER BY created_at DESC")
                .bind(&workshop).fetch_all(pool).await?
        });
        Ok(rows
            .into_iter()
            .map(|(id, created, revoked)| (id, created, revoked.is_some()))
            .collect())
    }

    /// The workshop a live API token reads.
    pub async fn api_token_workshop(&self, token_hash: &str) -> Result<Option<WorkshopId>, StoreError> {
        let id: Option<String> = on_pool!(&self.db, pool => {
            sqlx::query_scalar("SELECT workshop_id FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL")
                .bind(token_hash).fetch_optional(pool).await?
        });
        id.map(|id| parse_id(&id)).transpose()
    }

    pub async fn account_exists(&self, email: &str) -> Result<bool, StoreError> {
        let email = email.trim().to_lowercase();
        let found: Option<String> = on_pool!(&self.db, pool => {
            sqlx::query_scalar("SELECT id FROM accounts WHERE email = $1").bind(&email).fetch_optional(pool).await?
        });
        Ok(found.is_some())
    }

    /// Creates an account; `false` when the email is taken.
    pub async fn create_account(
        &self,
        id: AccountId,
        email: &str,
        name: &str,
        password_hash: &str,
    ) -> Result<bool, StoreError> {
        let email = email.trim().to_lowercase();
        let id = id.to_string();
        let now = Utc::now();
        let result = on_pool!(&self.db, pool => {
            sqlx::query("INSERT INTO accounts (id, email, name, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)")
                .bind(&id).bind(&email).bind(name).bind(password_hash).bind(now)
                .execute(pool).await.map(|_| ())
        });
        match result {
            Ok(_) => Ok(true),
            Err(e) if is_unique_violation(&e) => Ok(false),
            Err(e) => Err(e.into()),
        }
    }
}
