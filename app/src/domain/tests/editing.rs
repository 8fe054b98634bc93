//! The editor's state machine, a test per transition: typing, saving, an
//! answer, a conflict and the choice after it, and the impossible events
//! that change nothing.

use crate::domain::editing::*;
use crate::domain::error::{AppError, FieldErrors};

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
