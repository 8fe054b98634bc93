//! The vocabulary of a workshop: stages, organisations, the design (its
//! phases, results, components and risks, with the rules their fields keep),
//! the commitments. Codes follow IATI where IATI has one (see docs/DOMAIN.md).
//!
//! - `stage`: the four stages and their status;
//! - `organisation`: organisations (IATI types, the groups the room thinks
//!   in) and their delegates;
//! - `project`: stage 1's design and its field rules;
//! - `city`: the participating cities, as records (name, country, UN/LOCODE);
//! - `screen`: the languages the projected screens speak;
//! - `commitment`: instruments, the status ladder, earmarks, rates and
//!   commitments.
//!
//! Callers name everything as `model::…`; the parts never reach back here.

mod city;
mod commitment;
mod organisation;
mod project;
mod screen;
mod stage;

pub use city::*;
pub use commitment::*;
pub use organisation::*;
pub use project::*;
pub use screen::*;
pub use stage::*;
