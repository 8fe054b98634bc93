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

/// A person acting for an organisation in one workshop.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delegate {
    pub id: DelegateId,
    pub organisation: OrganisationId,
    pub name: String,
    pub email: Option<String>,
}
