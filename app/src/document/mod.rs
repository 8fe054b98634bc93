//! Documents people send: the proposal laid out in one language as
//! headings, paragraphs, lists and tables (`Document`), which the page, the
//! Markdown, HTML, DOCX and PDF files all draw the same way. Built from
//! `domain::proposal` and the i18n catalogue; no I/O.
//!
//! - `blocks`: `Document` and its blocks;
//! - `context`: what each section's builder shares (the proposal, the language);
//! - `proposal`, `proposal_money`: a `Proposal` as a `Document` in a language;
//! - `markdown`, `html`: the two text formats;
//! - `compare`: two documents section by section, lines added and removed;
//! - `view`: what the proposal page shows a viewer, and who may read it;
//! - `iati`: the programme as an IATI 2.03 activity file (server only).

mod blocks;
mod compare;
mod context;
mod html;
#[cfg(feature = "ssr")]
pub mod iati;
mod markdown;
mod proposal;
mod proposal_money;
mod view;

#[cfg(all(test, feature = "ssr"))]
mod tests;

pub use blocks::*;
pub use compare::*;
pub use html::html;
pub use markdown::markdown;
pub use proposal::{document, gap_name, section_name};
pub use view::*;
