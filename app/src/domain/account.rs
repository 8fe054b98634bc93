//! Facilitator accounts: the input rules, shared by the command line and
//! (later) the sign-up form.

use serde::{Deserialize, Serialize};
use validator::Validate;

/// Minimum password length; long passphrases beat composition rules
/// (NIST SP 800-63B).
pub const MIN_PASSWORD_LEN: u64 = 12;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct NewAccount {
    #[validate(email)]
    pub email: String,
    #[validate(length(min = 1, max = 200))]
    pub name: String,
    #[validate(length(min = "MIN_PASSWORD_LEN", max = 1024))]
    pub password: String,
}

/// A colleague a facilitator adds: their account is made without a
/// password, and they set their own through a one-time link.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct NewColleague {
    #[validate(email, length(max = 254))]
    pub email: String,
    #[validate(length(min = 1, max = 200))]
    pub name: String,
}

impl NewColleague {
    /// As typed, without the spaces a pasted email brings along; the
    /// service validates it.
    pub fn trimmed(self) -> NewColleague {
        NewColleague {
            email: self.email.trim().to_string(),
            name: self.name,
        }
    }
}

/// A new password, as the password pages send it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct NewPassword {
    #[validate(length(min = "MIN_PASSWORD_LEN", max = 1024))]
    pub password: String,
}

/// A signed-in facilitator changing their own password.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct PasswordChange {
    #[validate(length(min = 1, max = 1024))]
    pub current: String,
    #[validate(length(min = "MIN_PASSWORD_LEN", max = 1024))]
    pub password: String,
}

/// Who is signed in, as pages may see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedIn {
    pub account: crate::domain::ids::AccountId,
    pub email: String,
    pub name: String,
}

/// What an invite link opens: which workshop, for which organisation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteView {
    pub slug: String,
    pub workshop_title: String,
    pub organisation: crate::domain::ids::OrganisationId,
    pub organisation_name: String,
}

/// An API token as its workshop's setup page lists it (never the secret).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiTokenInfo {
    pub id: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub revoked: bool,
}

/// What the sign-in form sends.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct Credentials {
    #[validate(email)]
    pub email: String,
    #[validate(length(min = 1, max = 1024))]
    pub password: String,
}

impl Credentials {
    /// The credentials as typed, with the email trimmed, or every field's
    /// problem.
    pub fn parse(self) -> Result<Credentials, crate::domain::error::AppError> {
        let credentials = Credentials {
            email: self.email.trim().to_string(),
            password: self.password,
        };
        validator::Validate::validate(&credentials)?;
        Ok(credentials)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_in_and_a_new_colleague_trim_the_email_they_were_given() {
        let credentials = Credentials {
            email: " ana@example.org ".into(),
            password: "secret".into(),
        };
        assert_eq!(credentials.parse().unwrap().email, "ana@example.org");
        let nobody = Credentials {
            email: "ana".into(),
            password: String::new(),
        };
        let Err(crate::domain::error::AppError::Invalid(problems)) = nobody.parse() else {
            panic!("a bad email and no password are refused");
        };
        assert_eq!(problems.keys().collect::<Vec<_>>(), ["email", "password"]);
        let colleague = NewColleague {
            email: " bo@example.org\n".into(),
            name: "Bo".into(),
        };
        assert_eq!(colleague.trimmed().email, "bo@example.org");
    }

    #[test]
    fn refuses_bad_emails_and_short_passwords() {
        let good = NewAccount {
            email: "ana@example.org".into(),
            name: "Ana".into(),
            password: "correct horse battery".into(),
        };
        assert!(good.validate().is_ok());
        let bad = NewAccount {
            email: "not-an-email".into(),
            password: "short".into(),
            ..good
        };
        let errors = bad.validate().unwrap_err();
        assert!(errors.field_errors().contains_key("email"));
        assert!(errors.field_errors().contains_key("password"));
    }
}
