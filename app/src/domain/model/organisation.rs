//! Organisations at the table, by IATI type, and the people acting for them.

use crate::domain::ids::*;
use serde::{Deserialize, Serialize};

/// IATI OrganisationType codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrganisationType {
    Government,
    LocalGovernment,
    OtherPublicSector,
    InternationalNgo,
    NationalNgo,
    RegionalNgo,
    PartnerCountryNgo,
    PublicPrivatePartnership,
    Multilateral,
    Foundation,
    PrivateSector,
    PrivateSectorInProviderCountry,
    PrivateSectorInAidRecipientCountry,
    PrivateSectorInThirdCountry,
    AcademicResearch,
    Other,
}

impl OrganisationType {
    pub const ALL: [OrganisationType; 16] = [
        Self::Government,
        Self::LocalGovernment,
        Self::OtherPublicSector,
        Self::InternationalNgo,
        Self::NationalNgo,
        Self::RegionalNgo,
        Self::PartnerCountryNgo,
        Self::PublicPrivatePartnership,
        Self::Multilateral,
        Self::Foundation,
        Self::PrivateSector,
        Self::PrivateSectorInProviderCountry,
        Self::PrivateSectorInAidRecipientCountry,
        Self::PrivateSectorInThirdCountry,
        Self::AcademicResearch,
        Self::Other,
    ];

    pub fn iati_code(self) -> u16 {
        match self {
            Self::Government => 10,
            Self::LocalGovernment => 11,
            Self::OtherPublicSector => 15,
            Self::InternationalNgo => 21,
            Self::NationalNgo => 22,
            Self::RegionalNgo => 23,
            Self::PartnerCountryNgo => 24,
            Self::PublicPrivatePartnership => 30,
            Self::Multilateral => 40,
            Self::Foundation => 60,
            Self::PrivateSector => 70,
            Self::PrivateSectorInProviderCountry => 71,
            Self::PrivateSectorInAidRecipientCountry => 72,
            Self::PrivateSectorInThirdCountry => 73,
            Self::AcademicResearch => 80,
            Self::Other => 90,
        }
    }

    /// Whether an organisation of this type is taken for a financier when
    /// nobody said otherwise (older logs): multilaterals and foundations.
    pub fn finances_by_default(self) -> bool {
        matches!(self, Self::Multilateral | Self::Foundation)
    }

    /// The group of an organisation of this type that is not a financier.
    fn group_apart_from_finance(self) -> PartnerGroup {
        match self {
            Self::Government | Self::LocalGovernment | Self::OtherPublicSector => PartnerGroup::Public,
            Self::PrivateSector
            | Self::PrivateSectorInProviderCountry
            | Self::PrivateSectorInAidRecipientCountry
            | Self::PrivateSectorInThirdCountry
            | Self::PublicPrivatePartnership => PartnerGroup::Private,
            _ => PartnerGroup::Other,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartnerGroup {
    Public,
    Private,
    Financier,
    Other,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organisation {
    pub id: OrganisationId,
    pub name: String,
    /// Its name in Chinese, where it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_zh: Option<String>,
    pub kind: OrganisationType,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub city: Option<String>,
    /// Whether it finances the programme, whatever its IATI type (a
    /// commercial bank is type 70, private sector); absent from older
    /// logs, where the type decides (`OrganisationType::finances_by_default`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub financier: Option<bool>,
    /// Its IATI organisation identifier (`XM-DAC-41114`), where it has
    /// one: the IATI export's `ref`. Absent from older logs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iati_ref: Option<String>,
}

impl Organisation {
    pub fn is_financier(&self) -> bool {
        self.financier.unwrap_or(self.kind.finances_by_default())
    }

    /// The group the room thinks in, used for dashboards: financiers
    /// first, then public, private, other by type.
    pub fn group(&self) -> PartnerGroup {
        if self.is_financier() {
            PartnerGroup::Financier
        } else {
            self.kind.group_apart_from_finance()
        }
    }
}

/// The longest IATI organisation identifier accepted: the registered ones
/// are far shorter, and the export writes it into every transaction.
pub const IATI_REF_MAX: usize = 80;

/// An IATI organisation identifier: a registration agency's prefix (a
/// country's or `XI`/`XM`'s two capital letters, a hyphen, the agency's
/// capital letters or digits), a hyphen, then the organisation's number in
/// that register in letters, digits, `-`, `_` or `.`: `CN-SHA-123`,
/// `XM-DAC-41114`, `GB-COH-01234567`.
pub fn valid_iati_ref(text: &str) -> Result<(), validator::ValidationError> {
    let well_formed = || {
        let mut parts = text.splitn(3, '-');
        let (country, agency, id) = (parts.next()?, parts.next()?, parts.next()?);
        let ok = text.len() <= IATI_REF_MAX
            && country.len() == 2
            && country.bytes().all(|b| b.is_ascii_uppercase())
            && (1..=12).contains(&agency.len())
            && agency
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
            && !id.is_empty()
            && id.bytes().any(|b| b.is_ascii_alphanumeric())
            && id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b));
        ok.then_some(())
    };
    well_formed().ok_or_else(|| validator::ValidationError::new("iati_ref_format"))
}

/// A person acting for an organisation in one workshop.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delegate {
    pub id: DelegateId,
    pub organisation: OrganisationId,
    pub name: String,
    pub email: Option<String>,
}
