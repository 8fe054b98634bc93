//! How the projected screens speak: in each browser's own language, or in
//! English and Chinese at once for a room that reads both.

use serde::{Deserialize, Serialize};

/// The languages of the projected screens' labels, a workshop setting the
/// facilitators choose. Names, amounts and typed text are shown as they
/// are; only the app's own words are doubled.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScreenLanguages {
    /// Each screen in the language of the browser showing it.
    #[default]
    Browser,
    /// English and Chinese together: "Pledged · 已认捐".
    Both,
}

impl ScreenLanguages {
    pub const ALL: [ScreenLanguages; 2] = [ScreenLanguages::Browser, ScreenLanguages::Both];

    /// The value a form posts for it.
    pub fn code(self) -> &'static str {
        match self {
            ScreenLanguages::Browser => "browser",
            ScreenLanguages::Both => "both",
        }
    }

    pub fn from_code(code: &str) -> Option<ScreenLanguages> {
        ScreenLanguages::ALL.into_iter().find(|l| l.code() == code.trim())
    }
}
