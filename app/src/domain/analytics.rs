//! Figures derived from the state: totals by tier and kind, the funding gap,
//! and the overview the workshop page shows. Exact decimals throughout.

use super::disbursements::paid;
use super::limits::{percent, Sum};
use super::model::*;
use super::money::Currency;
use super::required::requirement;
use super::state::WorkshopState;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Commitments summed in the reporting currency, kept apart by tier
/// (pledged, secured) and kind (cash, guarantee, in kind).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    pub by_tier_and_kind: BTreeMap<(Tier, ContributionKind), Decimal>,
    /// Commitments in a currency with no rate: listed, not converted.
    pub unconverted: usize,
    /// Commitments whose amount or rate is beyond the ceilings (accepted
    /// before they existed): listed, not counted (see `domain::limits`).
    pub out_of_range: usize,
    /// Whether a total would have passed `limits::TOTAL_CEILING`; its
    /// figure is then not a total and must not be shown as one.
    pub overflow: bool,
    /// Every rate a converted amount used, so a total can say what it rests on.
    pub rates_used: Vec<ExchangeRate>,
    /// The part of secured cash already paid out (FTS's "paid"): inside
    /// the secured total, never added to it.
    pub disbursed_cash: Decimal,
}

impl Totals {
    pub fn of(state: &WorkshopState) -> Totals {
        let mut totals = Totals::default();
        let mut sums: BTreeMap<(Tier, ContributionKind), Sum> = BTreeMap::new();
        let mut disbursed = Sum::default();
        for commitment in state.commitments.values() {
            let Some(rate) = &commitment.rate else {
                totals.unconverted += 1;
                continue;
            };
            let Some(converted) = state.converted(commitment) else {
                totals.out_of_range += 1;
                continue;
            };
            sums.entry((commitment.status.tier(), commitment.instrument.kind()))
                .or_default()
                .add(converted);
            if (commitment.status.tier(), commitment.instrument.kind())
                == (Tier::Secured, ContributionKind::Cash)
            {
                disbursed.add(paid(state, commitment).disbursed_converted.unwrap_or_default());
            }
            if !totals.rates_used.contains(rate) {
                totals.rates_used.push(rate.clone());
            }
        }
        for (key, sum) in sums {
            match sum.value() {
                Some(value) => {
                    totals.by_tier_and_kind.insert(key, value);
                }
                None => totals.overflow = true,
            }
        }
        match disbursed.value() {
            Some(value) => totals.disbursed_cash = value,
            None => totals.overflow = true,
        }
        totals.rates_used.sort_by_key(|rate| (rate.currency, rate.as_of));
        totals
    }

    pub fn get(&self, tier: Tier, kind: ContributionKind) -> Decimal {
        self.by_tier_and_kind
            .get(&(tier, kind))
            .copied()
            .unwrap_or_default()
    }
}

/// What the page about one workshop shows; derived, never stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkshopOverview {
    /// The log's position when it was read: the page refetches when the
    /// live stream is past it.
    pub version: u64,
    /// The event it was replayed to, when it shows an earlier moment.
    #[serde(default)]
    pub replayed: Option<u64>,
    pub slug: String,
    pub title: String,
    pub programme: String,
    pub summary: String,
    pub reporting_currency: Currency,
    pub stages: Vec<(Stage, StageStatus)>,
    pub partners_by_group: Vec<(PartnerGroup, usize)>,
    pub cities: Vec<String>,
    pub outputs: usize,
    pub components: usize,
    pub commitments: usize,
    pub required: Decimal,
    pub secured_cash: Decimal,
    /// The part of secured cash already paid out.
    pub disbursed_cash: Decimal,
    pub pledged_cash: Decimal,
    /// Required minus secured cash; negative when over-funded.
    pub gap: Decimal,
    /// Secured cash as a whole percentage of required, 0 to 100.
    pub secured_percent: u8,
    pub unconverted: usize,
    /// Stored values beyond the ceilings, left out of these figures.
    pub out_of_range: usize,
    /// Whether a figure could not be computed within range: the page says
    /// so instead of showing it.
    pub overflow: bool,
}

impl WorkshopOverview {
    /// The overview as it stood at `then` (a fold of the log up to a
    /// moment), read when the log was at `now`.
    pub fn replayed(now: &WorkshopState, then: &WorkshopState) -> Option<WorkshopOverview> {
        Some(WorkshopOverview {
            version: now.version,
            replayed: Some(then.version),
            ..WorkshopOverview::of(then)?
        })
    }

    pub fn of(state: &WorkshopState) -> Option<WorkshopOverview> {
        let setup = state.setup.as_ref()?;
        let totals = Totals::of(state);
        let required = requirement(state);
        let secured_cash = totals.get(Tier::Secured, ContributionKind::Cash);
        // Both are at most the total ceiling and not negative, so this
        // cannot fail; checked all the same, like every money figure.
        let gap = required.amount.checked_sub(secured_cash);
        let mut groups: BTreeMap<PartnerGroup, usize> = BTreeMap::new();
        for organisation in state.organisations.values() {
            *groups.entry(organisation.group()).or_default() += 1;
        }
        // The participating cities; before any is listed, the local
        // governments' cities, as older workshops had them.
        let mut cities: Vec<String> = match state.cities.is_empty() {
            false => state.cities.values().map(|c| c.name.clone()).collect(),
            true => state
                .organisations
                .values()
                .filter(|o| o.kind == OrganisationType::LocalGovernment)
                .filter_map(|o| o.city.clone())
                .collect(),
        };
        cities.sort();
        cities.dedup();
        Some(WorkshopOverview {
            version: state.version,
            replayed: None,
            slug: setup.slug.clone(),
            title: setup.title.clone(),
            programme: setup.programme.clone(),
            summary: state.design.summary.clone(),
            reporting_currency: setup.reporting_currency,
            stages: Stage::ALL.iter().map(|s| (*s, state.stage_status(*s))).collect(),
            partners_by_group: groups.into_iter().collect(),
            cities,
            outputs: state.design.outputs.len(),
            components: state.design.components.len(),
            commitments: state.commitments.len(),
            required: required.amount,
            secured_cash,
            disbursed_cash: totals.disbursed_cash,
            pledged_cash: totals.get(Tier::Pledged, ContributionKind::Cash),
            gap: gap.unwrap_or_default(),
            secured_percent: percent(secured_cash, required.amount),
            unconverted: totals.unconverted,
            out_of_range: totals.out_of_range + required.out_of_range,
            overflow: totals.overflow || required.overflow || gap.is_none(),
        })
    }
}

/// One line of the home page's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkshopSummary {
    pub slug: String,
    pub title: String,
    pub programme: String,
    pub organisations: usize,
}

impl WorkshopSummary {
    pub fn of(state: &WorkshopState) -> Option<WorkshopSummary> {
        let setup = state.setup.as_ref()?;
        Some(WorkshopSummary {
            slug: setup.slug.clone(),
            title: setup.title.clone(),
            programme: setup.programme.clone(),
            organisations: state.organisations.len(),
        })
    }
}

/// The organisations of a workshop as the facilitator's setup page lists
/// them, with how many delegates each has in the room.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterLine {
    pub organisation: Organisation,
    pub delegates: usize,
}

pub fn roster(state: &WorkshopState) -> Vec<RosterLine> {
    let mut lines: Vec<RosterLine> = state
        .organisations
        .values()
        .map(|organisation| RosterLine {
            organisation: organisation.clone(),
            delegates: state
                .delegates
                .values()
                .filter(|d| d.organisation == organisation.id)
                .count(),
        })
        .collect();
    lines.sort_by(|a, b| a.organisation.name.cmp(&b.organisation.name));
    lines
}

/// A delegate or participant as the facilitator's list of people shows it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PersonLine {
    pub id: uuid::Uuid,
    pub name: String,
    /// The organisation they act for, if any.
    pub organisation: Option<String>,
}

/// Everyone who joined and was not removed, delegates first, by name. An
/// approved participant is listed once, as a delegate.
pub fn people(state: &WorkshopState) -> Vec<PersonLine> {
    let organisation = |id| state.organisations.get(&id).map(|o| o.name.clone());
    let mut lines: Vec<PersonLine> = state
        .delegates
        .values()
        .map(|d| PersonLine {
            id: d.id.0,
            name: d.name.clone(),
            organisation: organisation(d.organisation),
        })
        .collect();
    lines.sort_by(|a, b| a.name.cmp(&b.name));
    let mut participants: Vec<PersonLine> = state
        .participants
        .values()
        .filter(|p| {
            !state
                .delegates
                .contains_key(&crate::domain::ids::DelegateId(p.id.0))
        })
        .map(|p| PersonLine {
            id: p.id.0,
            name: p.name.clone(),
            organisation: None,
        })
        .collect();
    participants.sort_by(|a, b| a.name.cmp(&b.name));
    lines.extend(participants);
    lines.retain(|line| !state.is_removed(line.id));
    lines
}
