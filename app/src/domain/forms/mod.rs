//! The forms behind the server functions, as the browser posts them: every
//! field a string (that is what a form sends, and what `serde_qs` can give a
//! flattened struct), parsed here once into a command's input, with every
//! field's problem at once. The browser may parse with the same code.
//! Commitments and items have their own modules (`commitment_form`,
//! `item_form`). This file only re-exports its parts.

mod cities;
mod commitments;
mod fields;
mod room;
mod timer;
mod workshop;

pub use cities::*;
pub use commitments::*;
pub use fields::{parse_as, parse_id};
pub use room::*;
pub use timer::*;
pub use workshop::*;
