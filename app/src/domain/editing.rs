//! One editor of a shared thing (a text of the design, an item) on one
//! device, as a plain state machine, so that what the walk's editors do with
//! drafts, saves and conflicts is written once and tested once (a test per
//! transition, in `tests/editing.rs`), and the pages only draw the state
//! and send events.
//!
//! An editor's state has two parts. The draft is what this device typed and
//! has not saved, with the version it started from; it outlives the page
//! (the browser keeps `drafts::Drafts` in localStorage), so it is stored apart. The
//! step is where the editor is between a submit and its answer, and lives
//! only as long as the page. What is saved comes from the newest copy of the
//! design and is passed in: others' saves change it at any moment, and a
//! draft is never swept away by them.

use crate::domain::error::{AppError, FieldErrors};

/// What this device typed and has not saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft<V> {
    pub values: V,
    /// The version of the saved value the draft started from (0: new).
    pub based_on: u64,
}

/// The newest saved value and its version, as the page last heard of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Saved<V> {
    pub values: V,
    pub version: u64,
}

/// Where an editor is between submits and their answers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Step<V> {
    #[default]
    Idle,
    /// A save is under way with these values.
    Saving { sent: V },
    /// A removal is under way.
    Removing,
    /// The values were refused, with each field's problem (found in the
    /// browser or by the server).
    Refused(FieldErrors),
    /// The save or removal failed for a reason not tied to a field.
    Failed(AppError),
    /// Someone else saved (or, with no `theirs`, removed) the thing since
    /// the draft's version; the editor chooses whose to keep.
    Conflict { theirs: Option<V>, version: u64 },
}

/// What the user or the server tells an editor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event<V> {
    /// The user changed the values.
    Typed(V),
    /// The user asked to save.
    Submitted,
    /// The user asked to remove what is saved.
    RemoveAsked,
    /// The values were refused, field by field.
    Refused(FieldErrors),
    /// The server saved what was sent, as this version.
    Saved { version: u64 },
    /// The server removed it.
    Removed,
    /// The server refused: someone else changed it meanwhile.
    EditedMeanwhile { theirs: Option<V>, version: u64 },
    /// The server refused for another reason.
    Failed(AppError),
    /// In a conflict: drop the draft, show theirs.
    UseTheirs,
    /// In a conflict: keep the draft, now based on theirs, to save again.
    KeepMine,
    /// Drop the draft.
    Discarded,
}

/// What the page must send to the server after an event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Request<V> {
    Save { values: V, based_on: u64 },
    Remove { based_on: u64 },
}

/// An event that cannot happen in the editor's state, such as an answer
/// with no save under way or a second save before the first is answered.
/// The editor is left as it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Impossible;

/// One editor: this device's draft and the step it is at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Editor<V> {
    pub draft: Option<Draft<V>>,
    pub step: Step<V>,
}

impl<V> Default for Editor<V> {
    fn default() -> Self {
        Editor {
            draft: None,
            step: Step::Idle,
        }
    }
}

impl<V: Clone + PartialEq> Editor<V> {
    pub fn with_draft(draft: Option<Draft<V>>, step: Step<V>) -> Self {
        Editor { draft, step }
    }

    /// What the editor shows: this device's draft, else what is saved.
    pub fn shown<'a>(&'a self, saved: Option<&'a Saved<V>>) -> Option<&'a V> {
        self.draft
            .as_ref()
            .map(|d| &d.values)
            .or(saved.map(|s| &s.values))
    }

    /// The version a save starts from: the draft's, else the saved one's.
    pub fn based_on(&self, saved: Option<&Saved<V>>) -> u64 {
        self.draft
            .as_ref()
            .map(|d| d.based_on)
            .or(saved.map(|s| s.version))
            .unwrap_or(0)
    }

    pub fn is_busy(&self) -> bool {
        matches!(self.step, Step::Saving { .. } | Step::Removing)
    }

    /// Takes one event; answers what to send to the server, if anything.
    pub fn handle(
        &mut self,
        event: Event<V>,
        saved: Option<&Saved<V>>,
    ) -> Result<Option<Request<V>>, Impossible> {
        match event {
            // Typing is always allowed: what is typed during a save stays a
            // draft, and a conflict stays on screen until chosen.
            Event::Typed(values) => {
                let based_on = self.based_on(saved);
                self.draft = Some(Draft { values, based_on });
            }
            Event::Submitted if self.is_busy() => return Err(Impossible),
            Event::Submitted => {
                let based_on = self.based_on(saved);
                let values = self.shown(saved).cloned().ok_or(Impossible)?;
                self.step = Step::Saving { sent: values.clone() };
                return Ok(Some(Request::Save { values, based_on }));
            }
            Event::RemoveAsked => {
                let Some(saved) = saved.filter(|_| !self.is_busy()) else {
                    return Err(Impossible);
                };
                self.step = Step::Removing;
                return Ok(Some(Request::Remove {
                    based_on: saved.version,
                }));
            }
            Event::Refused(problems) if matches!(self.step, Step::Saving { .. }) => {
                self.step = Step::Refused(problems);
            }
            Event::Saved { version } => {
                let Step::Saving { sent } = &self.step else {
                    return Err(Impossible);
                };
                // Only what was sent is saved; anything typed since stays a draft.
                match &mut self.draft {
                    Some(draft) if draft.values == *sent => self.draft = None,
                    Some(draft) => draft.based_on = version,
                    None => {}
                }
                self.step = Step::Idle;
            }
            Event::Removed if self.step == Step::Removing => self.step = Step::Idle,
            Event::EditedMeanwhile { theirs, version } if self.is_busy() => {
                self.step = Step::Conflict { theirs, version };
            }
            Event::Failed(error) if self.is_busy() => self.step = Step::Failed(error),
            Event::UseTheirs if matches!(self.step, Step::Conflict { .. }) => {
                self.draft = None;
                self.step = Step::Idle;
            }
            Event::KeepMine => {
                let Step::Conflict { version, .. } = self.step else {
                    return Err(Impossible);
                };
                if let Some(draft) = &mut self.draft {
                    draft.based_on = version;
                }
                self.step = Step::Idle;
            }
            Event::Discarded if !self.is_busy() => {
                self.draft = None;
                self.step = Step::Idle;
            }
            Event::Refused(_)
            | Event::Removed
            | Event::EditedMeanwhile { .. }
            | Event::Failed(_)
            | Event::UseTheirs
            | Event::Discarded => return Err(Impossible),
        }
        Ok(None)
    }
}
