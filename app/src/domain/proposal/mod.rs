//! Stage 5, the consolidated proposal (mod.rs only re-exports): what it
//! holds, assembled from the workshop's state by reusing what already
//! computes each part (the logframe, the matrices and their flags, the
//! dashboard, the register, the walk's steps); no language in it, so the
//! same `Proposal` renders in English or Chinese and is `proposal.json`.
//!
//! - `sections`: the sections, their order, and what a section lacks
//!   (`Gap`) with the stage that fills it;
//! - `parts`: the lines each section lists;
//! - `assemble`: `Proposal::of(state, viewer)` (an impl only, nothing to re-export);
//! - `compare`: two versions side by side, section by section;
//! - `screen`: the proposal on the projector (`ProposalScreen`), public.

mod assemble;
mod compare;
mod parts;
mod screen;
mod sections;

pub use compare::*;
pub use parts::*;
pub use screen::*;
pub use sections::*;
