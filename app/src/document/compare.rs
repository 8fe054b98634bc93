//! Two documents compared section by section, as their readers see them:
//! each paragraph line and table row kept, added or removed.

#[cfg(feature = "ssr")]
use super::blocks::{Document, Section};
use serde::{Deserialize, Serialize};
#[cfg(feature = "ssr")]
use similar::{capture_diff_slices, Algorithm, DiffTag};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Same,
    Added,
    Removed,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangedLine {
    pub change: Change,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionComparison {
    pub heading: String,
    pub lines: Vec<ChangedLine>,
}

impl SectionComparison {
    pub fn changed(&self) -> bool {
        self.lines.iter().any(|l| l.change != Change::Same)
    }
}

#[cfg(feature = "ssr")]
fn lines(section: Option<&Section>) -> Vec<String> {
    section
        .map(|s| s.blocks.iter().flat_map(|b| b.lines()).collect())
        .unwrap_or_default()
}

#[cfg(feature = "ssr")]
/// Every section of `after`, its lines marked against the same section of
/// `before` (documents of the same language have the same sections).
pub fn compare(before: &Document, after: &Document) -> Vec<SectionComparison> {
    after
        .sections
        .iter()
        .map(|section| {
            let old = lines(before.sections.iter().find(|s| s.id == section.id));
            let new = lines(Some(section));
            let mut changed = Vec::new();
            for op in capture_diff_slices(Algorithm::Myers, &old, &new) {
                let (tag, old_range, new_range) = op.as_tag_tuple();
                let mut push = |change, texts: &[String]| {
                    changed.extend(texts.iter().map(|t| ChangedLine {
                        change,
                        text: t.clone(),
                    }));
                };
                match tag {
                    DiffTag::Equal => push(Change::Same, &new[new_range]),
                    DiffTag::Delete => push(Change::Removed, &old[old_range]),
                    DiffTag::Insert => push(Change::Added, &new[new_range]),
                    DiffTag::Replace => {
                        push(Change::Removed, &old[old_range]);
                        push(Change::Added, &new[new_range]);
                    }
                }
            }
            SectionComparison {
                heading: section.heading.clone(),
                lines: changed,
            }
        })
        .collect()
}
