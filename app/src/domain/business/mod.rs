//! Stage 3, the business model: the PPP structure, the canvas, the
//! revenues and costs the projection runs on, and who carries each risk
//! (mod.rs only re-exports).

mod allocation;
mod canvas;
mod figures;

mod lines;
mod records;
mod structure;

pub use allocation::*;
pub use canvas::*;
pub use figures::*;

pub use lines::*;
pub use records::*;
pub use structure::*;
