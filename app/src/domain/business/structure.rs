//! The PPP structure: which functions go to the private side, who pays,
//! and the named structure those choices amount to.

use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use validator::Validate;

/// The functions a contract can bundle to the private side.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PppFunction {
    Design,
    Build,
    Finance,
    Maintain,
    Operate,
}

impl PppFunction {
    pub const ALL: [PppFunction; 5] = [
        Self::Design,
        Self::Build,
        Self::Finance,
        Self::Maintain,
        Self::Operate,
    ];
}

/// Who pays the private side for the service.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Payer {
    #[default]
    Users,
    Government,
    Mixed,
}

impl Payer {
    pub const ALL: [Payer; 3] = [Self::Users, Self::Government, Self::Mixed];
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssetKind {
    #[default]
    New,
    Existing,
}

impl AssetKind {
    pub const ALL: [AssetKind; 2] = [Self::New, Self::Existing];
}

/// Who owns a new asset during the term: what tells BOT, BOOT and BOO apart.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Ownership {
    /// The public side owns it throughout; the private side runs it.
    #[default]
    Public,
    /// The private side owns it until it is handed over at the end.
    PrivateUntilTransfer,
    /// The private side owns it for good.
    Private,
}

impl Ownership {
    pub const ALL: [Ownership; 3] = [Self::Public, Self::PrivateUntilTransfer, Self::Private];
}

/// The named structures of the PPP literature (World Bank PPP Reference
/// Guide), plus plain public procurement when nothing long-term goes private.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NamedStructure {
    PublicProcurement,
    ManagementContract,
    Lease,
    Dbom,
    Bot,
    Boot,
    Boo,
    Dbfom,
    AvailabilityPpp,
    Concession,
}

impl NamedStructure {
    pub const ALL: [NamedStructure; 10] = [
        Self::PublicProcurement,
        Self::ManagementContract,
        Self::Lease,
        Self::Dbom,
        Self::Bot,
        Self::Boot,
        Self::Boo,
        Self::Dbfom,
        Self::AvailabilityPpp,
        Self::Concession,
    ];
}

/// The longest term a model runs over, in years.
pub const LONGEST_TERM: u16 = 50;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct PppStructure {
    pub private: BTreeSet<PppFunction>,
    pub payer: Payer,
    pub asset: AssetKind,
    #[serde(default)]
    pub ownership: Ownership,
    /// The contract's term, which is the model's years: year 0 is the first
    /// investment year.
    #[validate(range(min = 1, max = 50))]
    pub term_years: u16,
    /// The facilitator's choice where it differs from the suggestion.
    pub chosen: Option<NamedStructure>,
}

impl PppStructure {
    /// The structure these choices amount to. Private finance is what
    /// separates contracts that operate an asset from PPPs that fund one;
    /// then who pays separates availability PPPs from user-paid ones.
    pub fn suggested(&self) -> NamedStructure {
        let has = |f: PppFunction| self.private.contains(&f);
        let runs = has(PppFunction::Operate) || has(PppFunction::Maintain);
        match (has(PppFunction::Finance), runs, self.asset) {
            (false, false, _) => NamedStructure::PublicProcurement,
            (false, true, AssetKind::Existing) => match self.payer {
                Payer::Government => NamedStructure::ManagementContract,
                Payer::Users | Payer::Mixed => NamedStructure::Lease,
            },
            (false, true, AssetKind::New) => NamedStructure::Dbom,
            (true, _, AssetKind::Existing) => NamedStructure::Concession,
            (true, _, AssetKind::New) => match (self.payer, self.ownership) {
                (Payer::Government, _) => NamedStructure::AvailabilityPpp,
                (Payer::Mixed, _) => NamedStructure::Dbfom,
                (Payer::Users, Ownership::Public) => NamedStructure::Bot,
                (Payer::Users, Ownership::PrivateUntilTransfer) => NamedStructure::Boot,
                (Payer::Users, Ownership::Private) => NamedStructure::Boo,
            },
        }
    }

    /// The facilitator's choice if there is one, else the suggestion.
    pub fn named(&self) -> NamedStructure {
        self.chosen.unwrap_or_else(|| self.suggested())
    }
}
