//! The Roundtable server: configuration, storage, the engine, HTTP and the
//! command line. All SQL of the application is in this crate.

pub mod api_tokens;
pub mod auth;
pub mod cli;
pub mod config;
pub mod db;
pub mod engine;
pub mod export;
pub mod http;
pub mod invites;
pub mod live;
pub mod register;
pub mod room;
pub mod security;
pub mod store;
pub mod verify;
