//! The programme as one IATI 2.03 activity, as data: every code already a
//! code of the IATI codelists, every amount already rounded to its
//! currency's minor unit, so writing the XML decides nothing.

use crate::domain::design::IatiRole;
use crate::domain::ids::OrganisationId;
use crate::domain::model::{LoanTerms, Organisation, PartnerGroup};
use crate::domain::money::Currency;
use crate::i18n::{anonymous_name, Locale};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// A text in one language: `lang` is `None` for the activity's own
/// language (English), `Some("zh")` for Chinese.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Narrative {
    pub text: String,
    pub lang: Option<&'static str>,
}

impl Narrative {
    /// A text as typed, marked Chinese when it is mostly written in
    /// Chinese characters (a title typed in Chinese is not an English
    /// narrative; an English one naming 上海 still is).
    pub fn typed(text: &str) -> Narrative {
        let text = text.trim().to_string();
        let han = text.chars().filter(|c| is_han(*c)).count();
        let latin = text.chars().filter(char::is_ascii_alphabetic).count();
        let lang = (han > 0 && han * 2 >= latin).then_some("zh");
        Narrative { text, lang }
    }

    pub fn english(text: &str) -> Narrative {
        Narrative {
            text: text.trim().to_string(),
            lang: None,
        }
    }
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

/// An organisation as an IATI element names it: its identifier where it
/// has one, its OrganisationType code, its names. A confidential one the
/// viewer may not see has neither identifier nor type, only its group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrgRef {
    pub reference: Option<String>,
    pub type_code: Option<u16>,
    pub names: Vec<Narrative>,
}

impl OrgRef {
    pub fn named(organisation: &Organisation) -> OrgRef {
        let mut names = vec![Narrative::english(&organisation.name)];
        if let Some(zh) = organisation.name_zh.as_deref().filter(|n| !n.trim().is_empty()) {
            names.push(Narrative {
                text: zh.trim().to_string(),
                lang: Some("zh"),
            });
        }
        OrgRef {
            reference: organisation.iati_ref.clone(),
            type_code: Some(organisation.kind.iati_code()),
            names,
        }
    }

    /// As the screen names a confidential organisation: by its group.
    pub fn masked(group: PartnerGroup) -> OrgRef {
        OrgRef {
            reference: None,
            type_code: None,
            names: vec![
                Narrative::english(Locale::En.t(anonymous_name(group))),
                Narrative {
                    text: Locale::ZhCn.t(anonymous_name(group)).to_string(),
                    lang: Some("zh"),
                },
            ],
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParticipatingOrg {
    /// `None` for the reporter standing in when nobody has a role yet.
    pub organisation: Option<OrganisationId>,
    pub org: OrgRef,
    pub role: IatiRole,
}

/// IATI TransactionType codes the programme's commitments become.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum TransactionType {
    /// 1: money received on a firm commitment (a disbursement).
    IncomingFunds,
    /// 10: a guarantee given.
    CreditGuarantee,
    /// 11: a firm commitment.
    IncomingCommitment,
    /// 13: a pledge not yet firm.
    IncomingPledge,
}

impl TransactionType {
    pub fn code(self) -> u8 {
        match self {
            Self::IncomingFunds => 1,
            Self::CreditGuarantee => 10,
            Self::IncomingCommitment => 11,
            Self::IncomingPledge => 13,
        }
    }
}

/// An amount in a currency, rounded to its minor unit, and the day its
/// value is given for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Value {
    pub amount: Decimal,
    pub currency: Currency,
    pub date: NaiveDate,
}

impl Value {
    /// The amount with exactly its currency's decimals (`1250000.00`).
    pub fn text(&self) -> String {
        format!("{:.*}", self.currency.minor_units() as usize, self.amount)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transaction {
    /// The commitment it comes from (its id), for the publisher's own
    /// reference.
    pub reference: String,
    pub kind: TransactionType,
    pub date: NaiveDate,
    pub value: Value,
    /// Its value in the reporting currency at its commitment's rate, where
    /// it has one: which loan `crs-add` carries.
    pub converted: Option<Decimal>,
    pub description: Vec<Narrative>,
    pub provider: OrgRef,
    /// IATI FinanceType, where the instrument has one.
    pub finance_type: Option<u16>,
    /// A repaid instrument's terms, where recorded (on its commitment's
    /// transaction only, never on a disbursement's).
    pub loan_terms: Option<LoanTerms>,
}

/// One year's budget, in the reporting currency.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Budget {
    pub year: u16,
    pub value: Value,
}

/// IATI ResultType: 1 output, 2 outcome, 3 impact.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResultEntry {
    pub type_code: u8,
    pub title: Vec<Narrative>,
    pub indicators: Vec<IndicatorEntry>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndicatorEntry {
    /// IATI IndicatorMeasure.
    pub measure: u8,
    pub ascending: bool,
    pub title: Vec<Narrative>,
    pub description: Vec<Narrative>,
    /// The baseline's year and value, where both are known.
    pub baseline: Option<(u16, Decimal)>,
    /// The target's period and value.
    pub target: Option<(NaiveDate, NaiveDate, Decimal)>,
}

/// `crs-add/loan-terms`: IATI allows one per activity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CrsLoanTerms {
    pub rate_percent: Decimal,
    /// LoanRepaymentType: 2, annuity (what the business model's debt
    /// service assumes).
    pub repayment_type: u8,
    /// LoanRepaymentPeriod: 1, annual.
    pub repayment_plan: u8,
    pub commitment_date: NaiveDate,
    pub first_repayment: NaiveDate,
    pub final_repayment: NaiveDate,
}

/// The programme as one IATI activity (docs/EXPORTS.md, "iati.xml").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IatiActivity {
    pub identifier: String,
    pub default_currency: Currency,
    pub reporting: OrgRef,
    pub title: Vec<Narrative>,
    /// DescriptionType code and its text.
    pub descriptions: Vec<(u8, Vec<Narrative>)>,
    pub participating: Vec<ParticipatingOrg>,
    /// ActivityStatus.
    pub status: u8,
    /// ActivityDateType and the day.
    pub dates: Vec<(u8, NaiveDate)>,
    /// ISO 3166-1 code and its share of the participating cities, in
    /// percent.
    pub countries: Vec<(String, Decimal)>,
    pub budgets: Vec<Budget>,
    pub transactions: Vec<Transaction>,
    pub results: Vec<ResultEntry>,
    pub loan_terms: Option<CrsLoanTerms>,
}

/// DAC 5-digit sector: trade facilitation.
pub const SECTOR_TRADE_FACILITATION: &str = "33120";
/// The namespace of the few things IATI has no element for (each loan's
/// terms on its own transaction).
pub const EXTENSION_NAMESPACE: &str = "urn:roundtable:iati:1";
/// The reporting organisation's `ref` until it is given an IATI
/// identifier: `XX` is no registration agency, so a validator flags it.
pub const PLACEHOLDER_REF: &str = "XX-ROUNDTABLE";
