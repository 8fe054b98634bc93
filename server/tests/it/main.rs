//! The integration tests, one binary (one link, one process) with a module
//! per area and the helpers they share in `support`. They run the real app
//! on both backends against fresh databases; `durability` and `cli` run the
//! `roundtable` binary itself.

#[macro_use]
mod support;

mod auth;
mod business;
mod cities;
mod cli;
mod commitments;
mod design;
mod durability;
mod exports;
mod hostile_input;
mod http;
mod iati;
mod instances;
mod invites;
mod live;
mod main_screen;
mod money;
mod proposal;
mod stage_timer;
mod store;
mod trust;
mod workshops;
