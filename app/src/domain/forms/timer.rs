//! The facilitator's forms for every screen: starting the stage timer,
//! and choosing the projected screens' languages.

use super::fields::Problems;
use crate::domain::command::{Command, NewStageTimer};
use crate::domain::error::{AppError, Problem};
use crate::domain::model::ScreenLanguages;
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
}
