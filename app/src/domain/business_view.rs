//! What stage 3 takes from the rest of the workshop: stage 4's financing in
//! the reporting currency, the model's figures from the whole state, and
//! the stage's projected screen.

use super::analytics::Totals;
use super::business::{
    consensus, model_figures, Allocation, Consensus, Financing, LoanFacility, ModelFigures, NamedStructure,
};
use super::limits::checked_sum;
use super::model::{ContributionKind, Instrument, ScreenLanguages, Tier};
use super::money::Currency;
use super::state::WorkshopState;

/// Stage 4's money as the model uses it: loans with their terms, grants and
/// equity, counting secured and pledged money (a model shows what is on the
/// table; the funding gaps keep the two tiers apart), never expressions of
/// interest or withdrawn offers. Amounts a commitment cannot be converted
/// for are left out, as on every page.
pub fn financing_of(state: &WorkshopState) -> Financing {
    let Some(reporting) = state.reporting_currency() else {
        return Financing::default();
    };
    let on_the_table = state
        .commitments
        .values()
        .filter(|c| matches!(c.status.tier(), Tier::Secured | Tier::Pledged));
    let mut loans = Vec::new();
    let mut loans_without_terms = 0;
    let (mut grants, mut equity) = (Vec::new(), Vec::new());
    for commitment in on_the_table {
        let Some(amount) = commitment.converted(reporting) else {
            continue;
        };
        match commitment.instrument {
            Instrument::Grant => grants.push(amount),
            Instrument::Equity => equity.push(amount),
            // A reimbursable grant with terms is repaid like a loan; without
            // them it is counted as the grant it is first of all.
            Instrument::Loan
            | Instrument::SubordinatedLoan
            | Instrument::Bonds
            | Instrument::ReimbursableGrant => match (&commitment.loan_terms, commitment.instrument) {
                (Some(terms), _) => loans.push(LoanFacility {
                    principal: amount,
                    interest_rate_percent: terms.interest_rate_percent,
                    tenor_years: terms.tenor_years,
                    grace_years: terms.grace_years,
                    secured: commitment.status.tier() == Tier::Secured,
                }),
                (None, Instrument::ReimbursableGrant) => grants.push(amount),
                (None, _) => loans_without_terms += 1,
            },
            Instrument::Guarantee
            | Instrument::InKind
            | Instrument::TechnicalAssistance
            | Instrument::StaffTime
            | Instrument::LandOrFacilities => {}
        }
    }
    let totals = Totals::of(state);
    Financing {
        loans,
        loans_without_terms,
        grants: checked_sum(grants).unwrap_or_default(),
        equity: checked_sum(equity).unwrap_or_default(),
        secured: totals.get(Tier::Secured, ContributionKind::Cash),
        pledged: totals.get(Tier::Pledged, ContributionKind::Cash),
    }
}

/// The business model's figures as the workshop stands.
pub fn figures_of(state: &WorkshopState) -> ModelFigures {
    model_figures(&state.business, &state.design, &financing_of(state))
}

/// One risk's allocation as the projector shows it: the room's votes
/// counted, and the facilitator's settlement.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RiskConsensus {
    /// Its number in the design's list, as stage 1 shows it (R1, R2, …).
    pub number: usize,
    pub description: String,
    pub consensus: Consensus,
    pub settled: Option<Allocation>,
}

/// Stage 3's projected screen: public, like the commitments' dashboard
/// (stage 4's money enters only as the public totals `Financing` holds).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct BusinessScreen {
    pub version: u64,
    pub title: String,
    pub currency: Currency,
    pub structure: Option<(NamedStructure, u16)>,
    pub figures: ModelFigures,
    pub risks: Vec<RiskConsensus>,
    /// The languages the facilitators chose for the projected screens.
    #[serde(default)]
    pub languages: ScreenLanguages,
}

impl BusinessScreen {
    pub fn of(state: &WorkshopState) -> Option<BusinessScreen> {
        let setup = state.setup.as_ref()?;
        let mut votes = consensus(&state.business.votes);
        let risks = state
            .design
            .risks
            .iter()
            .enumerate()
            .map(|(n, risk)| RiskConsensus {
                number: n + 1,
                description: risk.description.clone(),
                consensus: votes.remove(&risk.id).unwrap_or_default(),
                settled: state.business.allocation_of(risk.id),
            })
            .collect();
        Some(BusinessScreen {
            version: state.version,
            title: setup.title.clone(),
            currency: setup.reporting_currency,
            structure: state
                .business
                .structure
                .as_ref()
                .map(|s| (s.named(), s.term_years)),
            figures: figures_of(state),
            risks,
            languages: state.screen_languages,
        })
    }
}
