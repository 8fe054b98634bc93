//! The facilitator's forms for every screen: starting the stage timer,
//! choosing the projected screens' languages, and what the main screen
//! shows.

use super::fields::Problems;
use crate::domain::command::{Command, NewStageTimer};
use crate::domain::error::{AppError, Problem};
use crate::domain::model::{ScreenChoice, ScreenLanguages};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// `start` is drawn with the form, so a retried submit is the same start;
/// `minutes` as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageTimerForm {
    pub start: String,
    pub minutes: String,
}

impl StageTimerForm {
    /// The start's id (for its key) and the command; the minutes' range is
    /// `decide`'s rule, checked there.
    pub fn parse(self) -> Result<(Uuid, Command), AppError> {
        let mut problems = Problems::default();
        let start = problems.check("start", Problem::Invalid, self.start.trim().parse::<Uuid>());
        let minutes = match self.minutes.trim() {
            "" => problems.check("minutes", Problem::Required, Err(())),
            typed => problems.check("minutes", Problem::WholeNumber, typed.parse::<u16>()),
        };
        let parsed = start
            .zip(minutes)
            .map(|(start, minutes)| (start, Command::StartStageTimer(NewStageTimer { minutes })));
        problems.done(parsed)
    }
}

/// The languages chosen, by `ScreenLanguages::code`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScreenLanguagesForm {
    pub languages: String,
}

impl ScreenLanguagesForm {
    pub fn parse(self) -> Result<Command, AppError> {
        ScreenLanguages::from_code(&self.languages)
            .map(|languages| Command::SetScreenLanguages { languages })
            .ok_or_else(|| AppError::invalid("languages", Problem::Invalid))
    }
}

/// What the main screen shows, by `ScreenChoice::code`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScreenChoiceForm {
    pub shows: String,
}

impl ScreenChoiceForm {
    pub fn parse(self) -> Result<Command, AppError> {
        ScreenChoice::from_code(&self.shows)
            .map(|shows| Command::ChooseScreen { shows })
            .ok_or_else(|| AppError::invalid("shows", Problem::Invalid))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_timer_form_gives_its_start_and_minutes_or_each_fields_problem() {
        let start = Uuid::new_v4();
        let form = StageTimerForm {
            start: start.to_string(),
            minutes: " 15 ".into(),
        };
        assert_eq!(
            form.parse(),
            Ok((start, Command::StartStageTimer(NewStageTimer { minutes: 15 })))
        );
        let bad = StageTimerForm {
            start: "x".into(),
            minutes: "a quarter".into(),
        };
        let Err(AppError::Invalid(fields)) = bad.parse() else {
            panic!("refused")
        };
        assert_eq!(fields.get("start"), Some(&Problem::Invalid));
        assert_eq!(fields.get("minutes"), Some(&Problem::WholeNumber));
        let empty = StageTimerForm {
            start: start.to_string(),
            minutes: String::new(),
        };
        assert_eq!(
            empty.parse(),
            Err(AppError::invalid("minutes", Problem::Required))
        );
    }

    #[test]
    fn a_screen_languages_form_names_one_of_the_choices() {
        let both = ScreenLanguagesForm {
            languages: "both".into(),
        };
        assert_eq!(
            both.parse(),
            Ok(Command::SetScreenLanguages {
                languages: ScreenLanguages::Both
            })
        );
        let other = ScreenLanguagesForm {
            languages: "klingon".into(),
        };
        assert_eq!(
            other.parse(),
            Err(AppError::invalid("languages", Problem::Invalid))
        );
    }

    #[test]
    fn a_screen_choice_form_names_a_stage_the_proposal_or_a_question() {
        use crate::domain::ids::DiscussionId;
        use crate::domain::model::Stage;
        let parse = |shows: &str| ScreenChoiceForm { shows: shows.into() }.parse();
        let chosen = |shows| Ok(Command::ChooseScreen { shows });
        assert_eq!(parse("follow"), chosen(ScreenChoice::FollowStage));
        assert_eq!(
            parse("stage-2"),
            chosen(ScreenChoice::Stage {
                stage: Stage::Partnership
            })
        );
        assert_eq!(parse(" proposal "), chosen(ScreenChoice::Proposal));
        let item = DiscussionId::random();
        let question = ScreenChoice::Question { item };
        assert_eq!(parse(&question.code()), chosen(question));
        for code in ["follow", "stage-2", "proposal"] {
            assert_eq!(
                ScreenChoice::from_code(code).map(ScreenChoice::code),
                Some(code.to_string())
            );
        }
        for wrong in ["stage-5", "stage-0", "question-x", "screen", ""] {
            assert_eq!(parse(wrong), Err(AppError::invalid("shows", Problem::Invalid)));
        }
    }
}
