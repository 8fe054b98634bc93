//! The proposal as the files that need heavy crates: PDF (typst) and DOCX
//! (docx-rs). Both draw `app::document::Document`, the blocks the page, the
//! Markdown and the HTML draw. The crates are behind the `documents` cargo
//! feature; a build without it answers these formats with
//! `AppError::Unavailable`, saying how to get them. A leaf: it imports
//! nothing else of the server.

#[cfg(feature = "documents")]
mod docx;
#[cfg(feature = "documents")]
mod fonts;
#[cfg(feature = "documents")]
mod pdf;
mod renderer;

pub use renderer::{Documents, FileKind};

#[cfg(all(test, feature = "documents"))]
mod tests;
