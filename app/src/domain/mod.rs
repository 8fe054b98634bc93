//! Pure domain logic: no I/O, compiled both into the server and to WASM.

pub mod account;
pub mod analytics;
pub mod business;
pub mod business_view;
pub mod cities;
pub mod command;
pub mod commitment_form;
pub mod commitments_view;
pub mod dashboard;
pub mod demo;
pub mod design;
pub mod disbursements;
pub mod drafts;
pub mod editing;
pub mod error;
pub mod event;
pub mod figures;
pub mod finance;
pub mod forms;
pub mod idempotency;
pub mod ids;
pub mod item_form;
pub mod limits;
pub mod loan_terms;
pub mod main_screen;
pub mod model;
pub mod money;
pub mod proposal;
pub mod register;
pub mod required;
pub mod schedule;
pub mod stage_screens;
pub mod stage_timer;
pub mod state;
pub mod template;
pub mod timeline;
pub mod view_models;

#[cfg(test)]
mod tests;
