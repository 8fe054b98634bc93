//! A document's parts: sections of headings, paragraphs, lists, figures
//! and tables, in one language.

use crate::domain::proposal::SectionId;
use crate::i18n::Locale;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub locale: Locale,
    pub title: String,
    /// The programme, and which version or moment this is.
    pub subtitle: String,
    pub contents_heading: String,
    pub sections: Vec<Section>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub id: SectionId,
    /// "3. Stakeholders and partners".
    pub heading: String,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "block", rename_all = "snake_case")]
pub enum Block {
    Subheading {
        text: String,
    },
    Paragraph {
        text: String,
    },
    /// What the section lacks and where it is filled.
    Missing {
        text: String,
    },
    List {
        items: Vec<String>,
    },
    /// Headline figures: label and value.
    Figures {
        items: Vec<(String, String)>,
    },
    Table(Table),
    /// Small print under a table: the rates used, the rounding rule.
    Note {
        text: String,
    },
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Which columns hold numbers (set right, never wrapped).
    pub numeric: Vec<bool>,
    /// A total row, printed last and set apart.
    pub total: Option<Vec<String>>,
}

impl Block {
    /// The block as lines of plain text, for comparing versions: each
    /// table row one line.
    pub fn lines(&self) -> Vec<String> {
        match self {
            Block::Subheading { text }
            | Block::Paragraph { text }
            | Block::Missing { text }
            | Block::Note { text } => text
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(str::to_string)
                .collect(),
            Block::List { items } => items.clone(),
            Block::Figures { items } => items.iter().map(|(k, v)| format!("{k}: {v}")).collect(),
            Block::Table(table) => table
                .rows
                .iter()
                .chain(table.total.iter())
                .map(|row| row.join(" | "))
                .collect(),
        }
    }
}
