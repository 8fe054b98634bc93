//! One editor of a shared thing (a text of the design, an item) on one
//! device, as a plain state machine, so that what the walk's editors do with
//! drafts, saves and conflicts is written once and tested here, and the
//! pages only draw the state and send events.
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

#[cfg(test)]
mod tests {
    use super::*;

    fn saved(values: &str, version: u64) -> Saved<String> {
        Saved {
            values: values.into(),
            version,
        }
    }

    fn draft(values: &str, based_on: u64) -> Option<Draft<String>> {
        Some(Draft {
            values: values.into(),
            based_on,
        })
    }

    fn editing(values: &str, based_on: u64) -> Editor<String> {
        Editor::with_draft(draft(values, based_on), Step::Idle)
    }

    fn saving(values: &str, based_on: u64) -> Editor<String> {
        Editor::with_draft(draft(values, based_on), Step::Saving { sent: values.into() })
    }

    fn conflict(mine: &str, theirs: Option<&str>, version: u64) -> Editor<String> {
        Editor::with_draft(
            draft(mine, 1),
            Step::Conflict {
                theirs: theirs.map(String::from),
                version,
            },
        )
    }

    #[test]
    fn a_clean_editor_shows_what_is_saved() {
        let editor = Editor::<String>::default();
        let s = saved("ports", 4);
        assert_eq!(editor.shown(Some(&s)), Some(&"ports".to_string()));
        assert_eq!(editor.based_on(Some(&s)), 4);
        assert_eq!(editor.shown(None), None);
        assert_eq!(editor.based_on(None), 0);
    }

    #[test]
    fn typing_starts_a_draft_from_the_saved_version() {
        let mut editor = Editor::default();
        let s = saved("ports", 4);
        assert_eq!(editor.handle(Event::Typed("borders".into()), Some(&s)), Ok(None));
        assert_eq!(editor.draft, draft("borders", 4));
        assert_eq!(editor.shown(Some(&s)), Some(&"borders".to_string()));
    }

    #[test]
    fn typing_again_keeps_the_version_the_draft_started_from() {
        let mut editor = editing("borders", 4);
        // Someone else saved version 7 meanwhile: the draft still starts from 4.
        editor
            .handle(Event::Typed("borders first".into()), Some(&saved("x", 7)))
            .unwrap();
        assert_eq!(editor.draft, draft("borders first", 4));
    }

    #[test]
    fn others_saves_never_sweep_away_a_draft() {
        let editor = editing("mine", 4);
        assert_eq!(editor.shown(Some(&saved("theirs", 9))), Some(&"mine".to_string()));
        assert_eq!(editor.based_on(Some(&saved("theirs", 9))), 4);
    }

    #[test]
    fn submitting_sends_the_draft_and_its_version() {
        let mut editor = editing("mine", 4);
        let request = editor.handle(Event::Submitted, Some(&saved("old", 4)));
        assert_eq!(
            request,
            Ok(Some(Request::Save {
                values: "mine".into(),
                based_on: 4
            }))
        );
        assert_eq!(editor.step, Step::Saving { sent: "mine".into() });
    }

    #[test]
    fn submitting_without_a_draft_sends_what_is_saved() {
        let mut editor = Editor::default();
        let request = editor.handle(Event::Submitted, Some(&saved("old", 4)));
        assert_eq!(
            request,
            Ok(Some(Request::Save {
                values: "old".into(),
                based_on: 4
            }))
        );
    }

    #[test]
    fn submitting_clears_earlier_problems_and_conflicts() {
        let mut refused = Editor::with_draft(draft("x", 1), Step::Refused(FieldErrors::new()));
        refused.handle(Event::Submitted, None).unwrap();
        assert_eq!(refused.step, Step::Saving { sent: "x".into() });
        let mut chosen_later = conflict("mine", Some("theirs"), 5);
        chosen_later.handle(Event::Submitted, None).unwrap();
        assert_eq!(chosen_later.step, Step::Saving { sent: "mine".into() });
    }

    #[test]
    fn a_second_submit_before_the_answer_is_impossible() {
        let mut editor = saving("mine", 4);
        assert_eq!(editor.handle(Event::Submitted, None), Err(Impossible));
        assert_eq!(editor, saving("mine", 4));
    }

    #[test]
    fn submitting_nothing_at_all_is_impossible() {
        let mut editor = Editor::<String>::default();
        assert_eq!(editor.handle(Event::Submitted, None), Err(Impossible));
        assert_eq!(editor.step, Step::Idle);
    }

    #[test]
    fn a_saved_draft_is_gone() {
        let mut editor = saving("mine", 4);
        editor.handle(Event::Saved { version: 5 }, None).unwrap();
        assert_eq!(editor, Editor::default());
    }

    #[test]
    fn what_was_typed_during_a_save_stays_a_draft_on_the_new_version() {
        let mut editor = saving("mine", 4);
        editor
            .handle(Event::Typed("mine, and more".into()), None)
            .unwrap();
        editor.handle(Event::Saved { version: 5 }, None).unwrap();
        assert_eq!(editor.draft, draft("mine, and more", 5));
        assert_eq!(editor.step, Step::Idle);
    }

    #[test]
    fn an_answer_with_no_save_under_way_is_impossible() {
        for event in [
            Event::Saved { version: 5 },
            Event::Refused(FieldErrors::new()),
            Event::Failed(AppError::Forbidden),
            Event::EditedMeanwhile {
                theirs: None,
                version: 5,
            },
            Event::Removed,
        ] {
            let mut editor = editing("mine", 4);
            assert_eq!(editor.handle(event, None), Err(Impossible));
            assert_eq!(editor, editing("mine", 4));
        }
    }

    #[test]
    fn refused_values_keep_the_draft_and_show_each_problem() {
        let mut editor = saving("", 4);
        let problems = FieldErrors::from([("text".to_string(), crate::domain::error::Problem::Required)]);
        editor.handle(Event::Refused(problems.clone()), None).unwrap();
        assert_eq!(editor.step, Step::Refused(problems));
        assert_eq!(editor.draft, draft("", 4));
    }

    #[test]
    fn a_failed_save_keeps_the_draft() {
        let mut editor = saving("mine", 4);
        editor.handle(Event::Failed(AppError::Forbidden), None).unwrap();
        assert_eq!(editor.step, Step::Failed(AppError::Forbidden));
        assert_eq!(editor.draft, draft("mine", 4));
    }

    #[test]
    fn a_save_from_an_old_version_becomes_a_conflict() {
        let mut editor = saving("mine", 4);
        editor
            .handle(
                Event::EditedMeanwhile {
                    theirs: Some("theirs".into()),
                    version: 6,
                },
                None,
            )
            .unwrap();
        assert_eq!(
            editor.step,
            Step::Conflict {
                theirs: Some("theirs".into()),
                version: 6
            }
        );
        assert_eq!(editor.draft, draft("mine", 4));
    }

    #[test]
    fn using_theirs_drops_the_draft() {
        let mut editor = conflict("mine", Some("theirs"), 6);
        editor.handle(Event::UseTheirs, None).unwrap();
        assert_eq!(editor, Editor::default());
    }

    #[test]
    fn keeping_mine_bases_the_draft_on_theirs_to_save_again() {
        let mut editor = conflict("mine", Some("theirs"), 6);
        editor.handle(Event::KeepMine, None).unwrap();
        assert_eq!(editor, editing("mine", 6));
        let request = editor.handle(Event::Submitted, Some(&saved("theirs", 6)));
        assert_eq!(
            request,
            Ok(Some(Request::Save {
                values: "mine".into(),
                based_on: 6
            }))
        );
    }

    #[test]
    fn keeping_mine_over_a_removal_saves_it_anew() {
        let mut editor = conflict("mine", None, 8);
        editor.handle(Event::KeepMine, None).unwrap();
        assert_eq!(editor, editing("mine", 8));
    }

    #[test]
    fn typing_in_a_conflict_keeps_it_open() {
        let mut editor = conflict("mine", Some("theirs"), 6);
        editor.handle(Event::Typed("mine too".into()), None).unwrap();
        assert!(matches!(editor.step, Step::Conflict { .. }));
        assert_eq!(editor.draft, draft("mine too", 1));
    }

    #[test]
    fn choosing_with_no_conflict_is_impossible() {
        for event in [Event::UseTheirs, Event::KeepMine] {
            let mut editor = editing("mine", 4);
            assert_eq!(editor.handle(event, None), Err(Impossible));
            assert_eq!(editor, editing("mine", 4));
        }
    }

    #[test]
    fn removing_sends_the_saved_version() {
        let mut editor = editing("mine", 3);
        let request = editor.handle(Event::RemoveAsked, Some(&saved("old", 4)));
        assert_eq!(request, Ok(Some(Request::Remove { based_on: 4 })));
        assert_eq!(editor.step, Step::Removing);
        editor.handle(Event::Removed, None).unwrap();
        assert_eq!(editor.step, Step::Idle);
    }

    #[test]
    fn a_removal_refused_for_someone_elses_save_is_a_conflict() {
        let mut editor = Editor::<String>::with_draft(None, Step::Removing);
        editor
            .handle(
                Event::EditedMeanwhile {
                    theirs: Some("theirs".into()),
                    version: 9,
                },
                None,
            )
            .unwrap();
        assert!(matches!(editor.step, Step::Conflict { version: 9, .. }));
    }

    #[test]
    fn removing_what_was_never_saved_is_impossible() {
        let mut editor = editing("new", 0);
        assert_eq!(editor.handle(Event::RemoveAsked, None), Err(Impossible));
    }

    #[test]
    fn removing_during_a_save_is_impossible() {
        let mut editor = saving("mine", 4);
        assert_eq!(
            editor.handle(Event::RemoveAsked, Some(&saved("old", 4))),
            Err(Impossible)
        );
    }

    #[test]
    fn discarding_drops_a_new_items_draft() {
        let mut editor = editing("new", 0);
        editor.handle(Event::Discarded, None).unwrap();
        assert_eq!(editor, Editor::default());
        let mut busy = saving("new", 0);
        assert_eq!(busy.handle(Event::Discarded, None), Err(Impossible));
    }
}
