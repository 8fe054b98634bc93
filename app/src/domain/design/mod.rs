//! The structured parts of stages 1 and 2 as items: phases, the results
//! chain, components, risks (their types are the design's, in `model`),
//! partner roles, the responsibility matrix, governance and agreements. Each
//! is an item saved whole and versioned alone, so that two people editing
//! different items never meet, and two editing the same one are told (see
//! `Command::SaveItem`).
//!
//! - `partnership`: stage 2's records (roles, the matrix's cells, bodies,
//!   agreements);
//! - `item`: the item union, its keys, and how an item is found, put and
//!   removed;
//! - `views`: what is derived for reading: the logframe, the 5x5 risk
//!   matrix, the responsibility matrix's flags;
//! - `walk`: the guided walk's steps and when each is done.
//!
//! Callers name everything as `design::…`; the parts never reach back here.

mod item;
mod partnership;
mod views;
mod walk;

pub use item::*;
pub use partnership::*;
pub use views::*;
pub use walk::*;
