//! What a command says, and the rules its fields keep (checked with
//! validator, in the browser's forms and in `decide` alike).

use crate::domain::design::{DesignItem, ItemKey};
use crate::domain::ids::*;
use crate::domain::limits;
use crate::domain::model::*;
use crate::domain::money::{Currency, Money};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use validator::{Validate, ValidationError};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "command", rename_all = "snake_case")]
pub enum Command {
    CreateWorkshop(NewWorkshop),
    /// Makes an existing facilitator account a facilitator of this workshop.
    AddFacilitator {
        account: AccountId,
    },
    AddOrganisation(NewOrganisation),
    /// Gives an organisation its IATI organisation identifier, or takes it
    /// away (`None`).
    SetOrganisationIatiRef(OrganisationIatiRef),
    /// Corrects an organisation already at the table (same id): its names,
    /// type, country, city, whether it finances.
    AmendOrganisation(NewOrganisation),
    /// Adds a participating city, or corrects one (same id).
    SaveCity(City),
    /// A person who opened their organisation's invite link joins as its
    /// delegate. The server checks the link; `decide` checks the rest.
    JoinAsDelegate(NewDelegate),
    SetStageStatus {
        stage: Stage,
        status: StageStatus,
    },
    SetDesignText(DesignText),
    /// Starts stage 1 from the template or blank; only an empty design.
    StartDesign {
        start: DesignStart,
    },
    /// Saves a structured item of stage 1 or 2 whole, as edited from
    /// version `based_on` of it (`None`: the command line and the demo,
    /// which overwrite without checking).
    SaveItem {
        item: DesignItem,
        #[serde(default)]
        based_on: Option<u64>,
    },
    RemoveItem {
        key: ItemKey,
        #[serde(default)]
        based_on: Option<u64>,
    },
    SetExchangeRate(NewExchangeRate),
    RecordCommitment(NewCommitment),
    /// New values for an existing commitment (same id and organisation).
    ReviseCommitment(NewCommitment),
    SetFundingTarget(NewFundingTarget),
    /// Money paid out on a firm commitment (who may: who may revise it).
    RecordDisbursement(NewDisbursement),
    /// Applies the current rate of a currency (set on `rate_as_of`) to its
    /// commitments recorded without a rate, or to all recorded since a day.
    ReRate(NewReRate),
    /// Someone with the room code joins as a participant. The server checks
    /// the code; `decide` checks the rest.
    JoinRoom(NewParticipant),
    RequestDelegation {
        organisation: OrganisationId,
    },
    /// Names the organisation the facilitator was shown: a request changed
    /// since is not approved.
    DecideDelegation {
        participant: ParticipantId,
        organisation: OrganisationId,
        approve: bool,
    },
    /// Removes a delegate from the workshop (their records stay).
    RemoveDelegate {
        delegate: DelegateId,
    },
    /// Removes a participant from the room (their records stay).
    RemoveParticipant {
        participant: ParticipantId,
    },
    OpenDiscussion(NewDiscussion),
    CloseDiscussion {
        item: DiscussionId,
    },
    Contribute(NewContribution),
    /// Issues the proposal as it stands as its next numbered version.
    IssueProposal(NewProposalVersion),
    /// Starts (or restarts) the countdown of the stage opened last.
    StartStageTimer(NewStageTimer),
    StopStageTimer,
    /// The languages every projected screen shows its labels in.
    SetScreenLanguages {
        languages: ScreenLanguages,
    },
    /// What the main projected screen shows.
    ChooseScreen {
        shows: ScreenChoice,
    },
}

/// How many versions a proposal may be issued in: far more than a
/// workshop's sessions ever issue, and a bound on the versions list.
pub const MOST_PROPOSAL_VERSIONS: usize = 200;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct NewProposalVersion {
    /// "v1, for the summit".
    #[validate(length(min = 1, max = 120))]
    pub label: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct NewStageTimer {
    #[validate(range(min = 1, max = crate::domain::stage_timer::MAX_MINUTES))]
    pub minutes: u16,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct NewDiscussion {
    pub id: DiscussionId,
    #[validate(length(min = 1, max = 300))]
    pub question: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct NewContribution {
    pub item: DiscussionId,
    pub id: ContributionId,
    #[validate(length(min = 1, max = 1000))]
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct NewFundingTarget {
    #[validate(custom(function = "positive_within_ceiling"))]
    pub amount: Decimal,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct NewParticipant {
    pub id: ParticipantId,
    #[validate(length(min = 1, max = 120))]
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct NewWorkshop {
    pub id: WorkshopId,
    #[validate(custom(function = "valid_slug"))]
    pub slug: String,
    #[validate(length(min = 1, max = 200))]
    pub title: String,
    #[validate(length(min = 1, max = 200))]
    pub programme: String,
    pub reporting_currency: Currency,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct NewOrganisation {
    pub id: OrganisationId,
    #[validate(length(min = 1, max = 200))]
    pub name: String,
    /// Its name in Chinese, where it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(length(max = 200))]
    pub name_zh: Option<String>,
    pub kind: OrganisationType,
    #[validate(custom(function = "valid_country"))]
    pub country: String,
    #[validate(length(max = 120))]
    pub city: Option<String>,
    /// `None`: its type decides (`OrganisationType::finances_by_default`).
    #[serde(default)]
    pub financier: Option<bool>,
    /// Its IATI organisation identifier, if it has one; blank is none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(custom(function = "valid_iati_ref"))]
    pub iati_ref: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct OrganisationIatiRef {
    pub organisation: OrganisationId,
    #[validate(custom(function = "valid_iati_ref"))]
    pub iati_ref: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct NewDelegate {
    pub id: DelegateId,
    pub organisation: OrganisationId,
    #[validate(length(min = 1, max = 120))]
    pub name: String,
    /// RFC 5321's longest address.
    #[validate(email, length(max = 254))]
    pub email: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct DesignText {
    pub field: DesignField,
    #[validate(length(max = 20000))]
    pub text: String,
    /// The version of the field the editor started from (0: never set).
    /// `None` (the command line, the demo) overwrites without checking.
    #[serde(default)]
    pub based_on: Option<u64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct NewExchangeRate {
    pub currency: Currency,
    #[validate(custom(function = "crate::domain::limits::valid_rate"))]
    pub per_unit: Decimal,
    pub as_of: NaiveDate,
    #[validate(length(min = 1, max = 200))]
    pub source: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[validate(schema(function = "amount_within_ceiling", skip_on_field_errors = false))]
pub struct NewCommitment {
    pub id: CommitmentId,
    pub organisation: OrganisationId,
    pub money: Money,
    pub instrument: Instrument,
    pub status: CommitmentStatus,
    #[validate(custom(function = "valid_earmark"))]
    pub earmark: Earmark,
    /// Each allowed year at most once.
    #[validate(length(max = 101), custom(function = "valid_years"))]
    pub years: Vec<u16>,
    #[validate(length(max = 2000))]
    pub conditions: String,
    #[validate(length(max = 2000))]
    pub note: String,
    pub public: bool,
    /// Only for repaid instruments; checked by `domain::loan_terms`.
    #[serde(default)]
    pub loan_terms: Option<LoanTerms>,
    /// Its amount by year (checked by `domain::schedule`); when given, its
    /// years are the commitment's years.
    #[serde(default)]
    #[validate(length(max = 101))]
    pub schedule: Vec<YearAmount>,
}

/// A disbursement as sent: its amount is in the commitment's currency,
/// checked against it by `domain::disbursements::check`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct NewDisbursement {
    pub id: DisbursementId,
    pub commitment: CommitmentId,
    pub date: NaiveDate,
    #[validate(custom(function = "positive_within_ceiling"))]
    pub amount: Decimal,
}

/// Which commitments a re-rating converts again.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "scope", rename_all = "snake_case")]
pub enum ReRateScope {
    /// Those recorded while the currency had no rate.
    WithoutRate,
    /// Every one recorded on or after this day (a mistyped rate corrected).
    Since { day: NaiveDate },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct NewReRate {
    pub currency: Currency,
    /// The day of the rate meant: it must be the currency's current rate,
    /// so that what the facilitator saw is what is applied.
    pub rate_as_of: NaiveDate,
    pub scope: ReRateScope,
}

fn valid_slug(slug: &str) -> Result<(), ValidationError> {
    let ok = (2..=40).contains(&slug.len())
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !slug.starts_with('-')
        && !slug.ends_with('-');
    ok.then_some(())
        .ok_or_else(|| ValidationError::new("slug_format"))
}

fn positive_within_ceiling(value: &Decimal) -> Result<(), ValidationError> {
    if *value <= Decimal::ZERO {
        return Err(ValidationError::new("positive"));
    }
    limits::amount_within_ceiling(value)
}

/// The amount's ceiling, reported under `amount`, the field a person types
/// it in (the command carries it inside `money`).
fn amount_within_ceiling(new: &NewCommitment) -> Result<(), ValidationError> {
    limits::money_within_ceiling(&new.money).map_err(|mut error| {
        error.add_param("field".into(), &"amount");
        error
    })
}

/// The longest city an earmark names, as an organisation's city.
pub const CITY_MAX: usize = 120;

/// An earmark's city is text people type: as long as an organisation's
/// city at most (the screen lists it).
fn valid_earmark(earmark: &Earmark) -> Result<(), ValidationError> {
    match earmark {
        Earmark::NamedCity { city } if city.chars().count() > CITY_MAX => Err(ValidationError::new("length")),
        _ => Ok(()),
    }
}

fn valid_year(year: u16) -> bool {
    (2000..=2100).contains(&year)
}

fn valid_years(years: &[u16]) -> Result<(), ValidationError> {
    years
        .iter()
        .all(|y| valid_year(*y))
        .then_some(())
        .ok_or_else(|| ValidationError::new("year_range"))
}
