//! The one error type of the application. Every layer returns it; the server
//! maps it to an HTTP status in one place (`AppError::status`).

use super::model::Stage;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Field name to a stable problem code (`required`, `length`, `slug_format`,
/// …). The UI turns codes into sentences in the user's language.
pub type FieldErrors = BTreeMap<String, String>;

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
    /// Storage or infrastructure failure; the detail goes to the server log,
    /// never to the user.
    #[error("internal error")]
    Internal,
}

impl AppError {
    pub fn invalid(field: &str, code: &str) -> Self {
        AppError::Invalid(BTreeMap::from([(field.to_string(), code.to_string())]))
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
                    into.entry(name).or_insert_with(|| first.code.to_string());
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
