//! Commands, and `decide`: what a command becomes, given the state and who
//! asks. Every rule of who may do what lives here.
//!
//! - `inputs`: `Command` and its validated inputs (validator);
//! - `access`: who may change what;
//! - `checks`: what a design item or a commitment must agree with in the
//!   workshop;
//! - `issue`: issuing the proposal's versions;
//! - `organisations`: adding organisations and correcting them;
//! - `room`: answering the room's questions;
//! - `cities`: the participating cities a facilitator keeps;
//! - `organisations`: an organisation's IATI identifier, set later;
//! - `decide`: `decide(state, actor, command, now)`, and
//!   `WorkshopState::execute`, which decides, stamps and applies in one call;
//! - `timer`: the stage timer's two commands and the screens' languages,
//!   decided for `decide`.
//!
//! Callers name everything as `command::…`; the parts never reach back here.

mod access;
mod checks;
mod cities;
mod decide;
mod inputs;
mod issue;
mod organisations;
mod room;
mod timer;

pub use access::administers;
pub use decide::decide;
pub use inputs::*;
