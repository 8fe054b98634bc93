//! `Documents`: the renderers one server (or one command line run) holds.
//! The fonts load on the first PDF and stay, since reading a CJK font
//! collection costs about 20 MB and a few hundred milliseconds. Laying out
//! a PDF takes the better part of a second of one core, so at most two are
//! laid out at once (the rest of the room's requests keep their cores), and
//! the last few files are kept: thirty delegates downloading v1 after it
//! is issued read the same document, and it is laid out once.

use app::document::Document;
use app::domain::error::AppError;
use sha2::{Digest, Sha256};
use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// The files that need the heavy crates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Pdf,
    Docx,
}

/// The files laid out last, by the digest of what they show.
type Kept = VecDeque<([u8; 32], Arc<Vec<u8>>)>;

const AT_ONCE: usize = 2;
const KEPT: usize = 8;

pub struct Documents {
    /// ROUNDTABLE_CJK_FONT: the font (or collection) for Chinese text, if
    /// not one of the packaged fonts the server looks for.
    #[cfg_attr(not(feature = "documents"), allow(dead_code))]
    cjk_font: Option<PathBuf>,
    #[cfg(feature = "documents")]
    fonts: std::sync::OnceLock<super::fonts::FontSet>,
    at_once: tokio::sync::Semaphore,
    recent: Mutex<Kept>,
}

impl Documents {
    pub fn new(cjk_font: Option<PathBuf>) -> Documents {
        Documents {
            cjk_font,
            #[cfg(feature = "documents")]
            fonts: std::sync::OnceLock::new(),
            at_once: tokio::sync::Semaphore::new(AT_ONCE),
            recent: Mutex::new(VecDeque::new()),
        }
    }

    /// The document as a file of `kind`, laid out off the async threads,
    /// or the same file laid out a moment ago.
    pub async fn file(self: &Arc<Self>, doc: Document, kind: FileKind) -> Result<Arc<Vec<u8>>, AppError> {
        let key = digest(&doc, kind)?;
        if let Some(kept) = self.kept(&key) {
            return Ok(kept);
        }
        let _turn = self.at_once.acquire().await.map_err(|_| AppError::Internal)?;
        if let Some(kept) = self.kept(&key) {
            return Ok(kept);
        }
        let this = self.clone();
        let bytes = tokio::task::spawn_blocking(move || match kind {
            FileKind::Pdf => this.pdf(&doc),
            FileKind::Docx => this.docx(&doc),
        })
        .await
        .map_err(|_| AppError::Internal)??;
        let bytes = Arc::new(bytes);
        self.keep(key, bytes.clone());
        Ok(bytes)
    }

    fn kept(&self, key: &[u8; 32]) -> Option<Arc<Vec<u8>>> {
        let recent = self
            .recent
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        recent
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, bytes)| bytes.clone())
    }

    fn keep(&self, key: [u8; 32], bytes: Arc<Vec<u8>>) {
        let mut recent = self
            .recent
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if recent.len() >= KEPT {
            recent.pop_front();
        }
        recent.push_back((key, bytes));
    }

    #[cfg(feature = "documents")]
    fn fonts(&self) -> &super::fonts::FontSet {
        self.fonts
            .get_or_init(|| super::fonts::FontSet::load(self.cjk_font.as_deref()))
    }

    /// The document as a PDF; slow (typst lays out every page).
    pub fn pdf(&self, doc: &Document) -> Result<Vec<u8>, AppError> {
        #[cfg(feature = "documents")]
        return super::pdf::pdf(doc, self.fonts());
        #[cfg(not(feature = "documents"))]
        return Err(without_documents(doc));
    }

    /// The document as a DOCX file.
    pub fn docx(&self, doc: &Document) -> Result<Vec<u8>, AppError> {
        #[cfg(feature = "documents")]
        return super::docx::docx(doc);
        #[cfg(not(feature = "documents"))]
        return Err(without_documents(doc));
    }
}

/// Same document, same kind, same file: the key a laid-out file is kept by.
fn digest(doc: &Document, kind: FileKind) -> Result<[u8; 32], AppError> {
    let text = serde_json::to_vec(doc).map_err(|_| AppError::Internal)?;
    let mut hasher = Sha256::new();
    hasher.update([kind as u8]);
    hasher.update(&text);
    Ok(hasher.finalize().into())
}

#[cfg(not(feature = "documents"))]
fn without_documents(_: &Document) -> AppError {
    AppError::Unavailable(
        "this server was built without PDF and DOCX support: build it with `--features documents` (make run and make test do)"
            .to_string(),
    )
}
