//! The event store: per-workshop append-only logs with idempotency records
//! and hash chain, and the other tables (accounts, sessions, invites, the
//! room, API tokens, attempts, the audit trail). All SQL of the application
//! lives here; the same statements run on SQLite and PostgreSQL.
//!
//! One module per table or concern; this one only gathers them, and none of
//! them imports it. Rows come back as named structs (`sqlx::FromRow`), the
//! same on both databases.

mod accounts;
mod api_tokens;
pub mod attempts;
mod audit;
mod base;
pub mod chain;
mod events;
mod idempotency;
mod invites;
pub mod link;
mod room;

pub use accounts::{AccountRow, SessionRow};
pub use api_tokens::ApiTokenRow;
pub use audit::AuditEntry;
pub use base::{Store, StoreError};
pub use chain::ChainLink;
pub use events::{Append, AppendOutcome, BatchEntry, RawEvent, RegisteredWorkshop};
pub use idempotency::Recorded;
pub use invites::{DelegateSessionRow, LiveInvite};
pub use room::ParticipantSessionRow;
