//! The one error type of the application. Every layer returns it; the server
//! maps it to an HTTP status in one place (`AppError::status`).

use super::model::Stage;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Field name to the problem with its value. The UI turns each problem into
/// a sentence in the user's language (`i18n::problem`).
pub type FieldErrors = BTreeMap<String, Problem>;

/// Why a field's value was refused. Each serializes to the stable code it
/// always had (`required`, `length`, `slug_format`, …), so the wire format
/// is unchanged; as an enum, a misspelt code does not compile, and a new one
/// does not compile until `i18n::problem` has its sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Problem {
    Required,
    Length,
    Email,
    Range,
    Invalid,
    WrongCredentials,
    SlugFormat,
    UnknownCurrency,
    Taken,
    Duplicate,
    CountryFormat,
    AmountFormat,
    Negative,
    NotNegative,
    Positive,
    TooManyDecimals,
    AmountTooLarge,
    RateOutOfRange,
    RateTooPrecise,
    YearRange,
    DateFormat,
    Date,
    UnknownCode,
    UnknownOrganisation,
    CannotChange,
    DiscussionClosed,
    WholeNumber,
    Number,
    EndBeforeStart,
    AlreadyStarted,
    UnknownOutput,
    UnknownComponent,
    UnknownTfaMeasure,
    DuplicateYear,
    HasCommitments,
    ReportingCurrencyOnly,
    IsReportingCurrency,
    UnknownLanguage,
    FreeTierHasNoPrice,
    UnknownRisk,
    BeyondTerm,
    FacilitatorOnly,
    TooManyItems,
    NotALoan,
    InterestRateRange,
    TenorRange,
    GraceRange,
    NotDisbursable,
    BeyondCommitted,
    FutureDate,
    BelowDisbursed,
    NotFullyDisbursed,
    HasDisbursements,
    ScheduleSum,
    ScheduleFormat,
    NoSuchRate,
    LocodeFormat,
    LocodeCountry,
    UnknownCity,
    CityRecordsOnly,
    ResidualAboveInherent,
    NoOpenStage,
    IatiRefFormat,
}

impl Problem {
    pub const ALL: [Problem; 63] = [
        Problem::Required,
        Problem::Length,
        Problem::Email,
        Problem::Range,
        Problem::Invalid,
        Problem::WrongCredentials,
        Problem::SlugFormat,
        Problem::UnknownCurrency,
        Problem::Taken,
        Problem::Duplicate,
        Problem::CountryFormat,
        Problem::AmountFormat,
        Problem::Negative,
        Problem::NotNegative,
        Problem::Positive,
        Problem::TooManyDecimals,
        Problem::AmountTooLarge,
        Problem::RateOutOfRange,
        Problem::RateTooPrecise,
        Problem::YearRange,
        Problem::DateFormat,
        Problem::Date,
        Problem::UnknownCode,
        Problem::UnknownOrganisation,
        Problem::CannotChange,
        Problem::DiscussionClosed,
        Problem::WholeNumber,
        Problem::Number,
        Problem::EndBeforeStart,
        Problem::AlreadyStarted,
        Problem::UnknownOutput,
        Problem::UnknownComponent,
        Problem::UnknownTfaMeasure,
        Problem::DuplicateYear,
        Problem::HasCommitments,
        Problem::ReportingCurrencyOnly,
        Problem::IsReportingCurrency,
        Problem::UnknownLanguage,
        Problem::FreeTierHasNoPrice,
        Problem::UnknownRisk,
        Problem::BeyondTerm,
        Problem::FacilitatorOnly,
        Problem::TooManyItems,
        Problem::NotALoan,
        Problem::InterestRateRange,
        Problem::TenorRange,
        Problem::GraceRange,
        Problem::NotDisbursable,
        Problem::BeyondCommitted,
        Problem::FutureDate,
        Problem::BelowDisbursed,
        Problem::NotFullyDisbursed,
        Problem::HasDisbursements,
        Problem::ScheduleSum,
        Problem::ScheduleFormat,
        Problem::NoSuchRate,
        Problem::LocodeFormat,
        Problem::LocodeCountry,
        Problem::UnknownCity,
        Problem::CityRecordsOnly,
        Problem::ResidualAboveInherent,
        Problem::NoOpenStage,
        Problem::IatiRefFormat,
    ];

    /// The stable code, as sent and as validator names it.
    pub fn code(self) -> &'static str {
        match self {
            Problem::Required => "required",
            Problem::Length => "length",
            Problem::Email => "email",
            Problem::Range => "range",
            Problem::Invalid => "invalid",
            Problem::WrongCredentials => "wrong_credentials",
            Problem::SlugFormat => "slug_format",
            Problem::UnknownCurrency => "unknown_currency",
            Problem::Taken => "taken",
            Problem::Duplicate => "duplicate",
            Problem::CountryFormat => "country_format",
            Problem::AmountFormat => "amount_format",
            Problem::Negative => "negative",
            Problem::NotNegative => "not_negative",
            Problem::Positive => "positive",
            Problem::TooManyDecimals => "too_many_decimals",
            Problem::AmountTooLarge => "amount_too_large",
            Problem::RateOutOfRange => "rate_out_of_range",
            Problem::RateTooPrecise => "rate_too_precise",
            Problem::YearRange => "year_range",
            Problem::DateFormat => "date_format",
            Problem::Date => "date",
            Problem::UnknownCode => "unknown_code",
            Problem::UnknownOrganisation => "unknown_organisation",
            Problem::CannotChange => "cannot_change",
            Problem::DiscussionClosed => "discussion_closed",
            Problem::WholeNumber => "whole_number",
            Problem::Number => "number",
            Problem::EndBeforeStart => "end_before_start",
            Problem::AlreadyStarted => "already_started",
            Problem::UnknownOutput => "unknown_output",
            Problem::UnknownComponent => "unknown_component",
            Problem::UnknownTfaMeasure => "unknown_tfa_measure",
            Problem::DuplicateYear => "duplicate_year",
            Problem::HasCommitments => "has_commitments",
            Problem::ReportingCurrencyOnly => "reporting_currency_only",
            Problem::IsReportingCurrency => "is_reporting_currency",
            Problem::UnknownLanguage => "unknown_language",
            Problem::FreeTierHasNoPrice => "free_tier_has_no_price",
            Problem::UnknownRisk => "unknown_risk",
            Problem::BeyondTerm => "beyond_term",
            Problem::FacilitatorOnly => "facilitator_only",
            Problem::TooManyItems => "too_many_items",
            Problem::NotALoan => "not_a_loan",
            Problem::InterestRateRange => "interest_rate_range",
            Problem::TenorRange => "tenor_range",
            Problem::GraceRange => "grace_range",
            Problem::NotDisbursable => "not_disbursable",
            Problem::BeyondCommitted => "beyond_committed",
            Problem::FutureDate => "future_date",
            Problem::BelowDisbursed => "below_disbursed",
            Problem::NotFullyDisbursed => "not_fully_disbursed",
            Problem::HasDisbursements => "has_disbursements",
            Problem::ScheduleSum => "schedule_sum",
            Problem::ScheduleFormat => "schedule_format",
            Problem::NoSuchRate => "no_such_rate",
            Problem::LocodeFormat => "locode_format",
            Problem::LocodeCountry => "locode_country",
            Problem::UnknownCity => "unknown_city",
            Problem::CityRecordsOnly => "city_records_only",
            Problem::ResidualAboveInherent => "residual_above_inherent",
            Problem::NoOpenStage => "no_open_stage",
            Problem::IatiRefFormat => "iati_ref_format",
        }
    }

    /// The problem a code names, validator's built-in codes (`length`,
    /// `range`, `email`, `required`) and our own rules' alike; `None` for a
    /// code this app never makes.
    pub fn from_code(code: &str) -> Option<Problem> {
        Problem::ALL.into_iter().find(|problem| problem.code() == code)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum AppError {
    #[error("invalid input: {0:?}")]
    Invalid(FieldErrors),
    #[error("not allowed")]
    Forbidden,
    #[error("not found: {0}")]
    NotFound(String),
    #[error("already exists: {0}")]
    AlreadyExists(String),
    #[error("stage {0:?} is locked")]
    StageLocked(Stage),
    #[error("the workshop changed meanwhile; try again")]
    Conflict,
    /// Someone else saved this text since the editor's copy was loaded:
    /// their text and its version, so the editor can choose.
    #[error("edited meanwhile by someone else")]
    EditedMeanwhile { theirs: String, version: u64 },
    /// The same for a structured item of the design: its value now (none if
    /// it was removed) and its version.
    #[error("item edited meanwhile by someone else")]
    ItemEditedMeanwhile {
        theirs: Option<Box<crate::domain::design::DesignItem>>,
        version: u64,
    },
    /// An idempotency key already used by someone else, or for another
    /// command: refused, nothing written.
    #[error("this key was already used for another request")]
    KeyReused,
    /// A facilitator's decision names what they were shown, and the
    /// request has changed since.
    #[error("the request changed since it was shown")]
    RequestChanged,
    /// A password guess or room code refused before it was checked: too
    /// many failed ones recently, or too many being checked at once.
    #[error("too many attempts; retry after {retry_after_seconds} s")]
    TooManyAttempts { retry_after_seconds: u64 },
    /// A request that is not a form this app sends (missing or mistyped
    /// arguments, a body that does not parse): refused, nothing read.
    #[error("malformed request")]
    Malformed,
    /// The request needs a signed-in user.
    #[error("not signed in")]
    Unauthenticated,
    /// What this server cannot make (a file format it was built without, a
    /// font it lacks), and what its operator can do about it.
    #[error("unavailable on this server: {0}")]
    Unavailable(String),
    /// Storage or infrastructure failure; the detail goes to the server log,
    /// never to the user.
    #[error("internal error")]
    Internal,
}

impl AppError {
    pub fn invalid(field: &str, problem: Problem) -> Self {
        AppError::Invalid(BTreeMap::from([(field.to_string(), problem)]))
    }

    /// The HTTP status for this error; the only place that decides it.
    pub fn status(&self) -> u16 {
        match self {
            AppError::Invalid(_) => 422,
            AppError::Malformed => 400,
            AppError::Unauthenticated => 401,
            AppError::Forbidden => 403,
            AppError::TooManyAttempts { .. } => 429,
            AppError::NotFound(_) => 404,
            AppError::AlreadyExists(_)
            | AppError::Conflict
            | AppError::StageLocked(_)
            | AppError::EditedMeanwhile { .. }
            | AppError::ItemEditedMeanwhile { .. }
            | AppError::KeyReused
            | AppError::RequestChanged => 409,
            AppError::Internal => 500,
            AppError::Unavailable(_) => 503,
        }
    }
}

impl From<validator::ValidationErrors> for AppError {
    fn from(errors: validator::ValidationErrors) -> Self {
        let mut fields = FieldErrors::new();
        collect(&errors, "", &mut fields);
        AppError::Invalid(fields)
    }
}

fn collect(errors: &validator::ValidationErrors, prefix: &str, into: &mut FieldErrors) {
    use validator::ValidationErrorsKind;
    for (field, kind) in errors.errors() {
        let name = if prefix.is_empty() {
            field.to_string()
        } else {
            format!("{prefix}.{field}")
        };
        match kind {
            ValidationErrorsKind::Field(list) => {
                if let Some(first) = list.first() {
                    // A rule across fields names the field it concerns.
                    let name = match first.params.get("field").and_then(|f| f.as_str()) {
                        Some(target) if field.as_ref() == "__all__" => target.to_string(),
                        _ => name,
                    };
                    // The one place validator's codes become problems; a
                    // code we never make reads as a generic one.
                    let problem = Problem::from_code(&first.code).unwrap_or(Problem::Invalid);
                    into.entry(name).or_insert(problem);
                }
            }
            ValidationErrorsKind::Struct(inner) => collect(inner, &name, into),
            ValidationErrorsKind::List(items) => {
                for (index, inner) in items {
                    collect(inner, &format!("{name}.{index}"), into);
                }
            }
        }
    }
}

impl leptos::server_fn::error::FromServerFnError for AppError {
    type Encoder = leptos::server_fn::codec::JsonEncoding;

    /// What the framework could not make into a call (the client's
    /// arguments) is the client's fault, 400; anything else is ours, 500.
    fn from_server_fn_error(error: leptos::server_fn::error::ServerFnErrorErr) -> Self {
        use leptos::server_fn::error::ServerFnErrorErr;
        match error {
            ServerFnErrorErr::Args(_)
            | ServerFnErrorErr::MissingArg(_)
            | ServerFnErrorErr::Deserialization(_)
            | ServerFnErrorErr::Request(_)
            | ServerFnErrorErr::UnsupportedRequestMethod(_) => AppError::Malformed,
            _ => AppError::Internal,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Problem;

    #[test]
    fn every_problem_round_trips_through_its_code() {
        for problem in Problem::ALL {
            let json = serde_json::to_string(&problem).unwrap();
            assert_eq!(json, format!("\"{}\"", problem.code()));
            assert_eq!(serde_json::from_str::<Problem>(&json).unwrap(), problem);
            assert_eq!(Problem::from_code(problem.code()), Some(problem));
        }
        assert_eq!(Problem::from_code("no_such_code"), None);
    }
}
