//! The Roundtable server: configuration, storage, the engine, the services
//! over it, HTTP and the command line. All SQL of the application is in
//! this crate. Dependencies point one way: store ← engine ← services ← http
//! (← cli), checked by `scripts/check-import-cycles.sh server/src`.
//!
//! # Which error type belongs where
//!
//! - `app::domain::error::AppError`: the one error callers see, from
//!   `decide`, the engine, the services and server functions; its `status`
//!   is the HTTP status. Anything the user cannot act on is `Internal`.
//! - `store::StoreError`: what the store's SQL and event parsing fail with.
//!   `impl From<StoreError> for AppError` logs the detail and gives
//!   `Internal`, so engine and services write `store.…().await?` and never
//!   convert by hand; `verify` and the command line read it whole.
//! - `http::error::HttpError`: an `AppError` as the response of an HTTP
//!   handler outside server functions (`From<AppError>`, so `?` works).
//! - `config::ConfigError` and `db::DbError`: the configuration and opening
//!   the database, before anything serves; `cli::Failure` gathers them with
//!   the command line's own failures and gives the exit code (2 for bad
//!   configuration).
//!
//! A new failure is a variant of one of these, never a new type.

pub mod cli;
pub mod cli_export;
pub mod config;
pub mod db;
pub mod documents;
pub mod engine;
pub mod export;
pub mod http;
pub mod register;
pub mod security;
pub mod services;
pub mod store;
pub mod verify;
