//! The guided walk through stages 1 and 2, shared by both: the page frame
//! with its steps and progress (`page`), the editors of texts (`text`) and
//! of items (`items`, with their fields in `field`).
//!
//! Editors are drawn once and never redrawn by others' saves: what they
//! show comes from the page's newest copy of the design (`Walk::current`)
//! unless this device holds a draft. Drafts live in localStorage, so a
//! dropped connection or a reload loses nothing; a save names the version
//! it started from, and one made from an outdated copy is refused with the
//! other person's version, to choose from. What an editor does with drafts,
//! saves and conflicts is `domain::editing`'s state machine; the editors
//! draw its state and send it events.

pub mod field;
pub mod items;
pub mod page;
pub mod text;
