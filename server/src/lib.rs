//! The Roundtable server: configuration, storage, the engine, the services
//! over it, HTTP and the command line. All SQL of the application is in
//! this crate. Dependencies point one way: store ← engine ← services ← http
//! (← cli), checked by `scripts/check-import-cycles.sh server/src`.

pub mod cli;
pub mod config;
pub mod db;
pub mod engine;
pub mod export;
pub mod http;
pub mod register;
pub mod security;
pub mod services;
pub mod store;
pub mod verify;
