//! The financing picture of a workshop, derived from the state: what the
//! projected screen shows (public: confidential names are masked; the
//! register of commitments is in `register`). Exact decimals; rounding
//! happens only where a figure is displayed.

use super::analytics::Totals;
use super::ids::*;
use super::limits::{self, checked_sum, percent};
use super::model::*;
use super::money::{Currency, Money};
use super::required::{component_required, requirement, Costing, RequiredSource};
use super::schedule::ByYear;
use super::stage_timer::StageTimer;
use super::state::WorkshopState;
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How many of the newest commitments the screen lists.
pub const NEWEST_ON_SCREEN: usize = 6;

/// How many cities the screen's chart shows (the commitments page shows
/// them all): as many as keep the projector's charts within 1080 lines.
pub const CITIES_ON_SCREEN: usize = 3;

/// Cash secured and pledged towards one part of the programme.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tiers {
    pub secured: Decimal,
    pub pledged: Decimal,
}

/// The expressions of interest: how many, and what they indicate in the
/// reporting currency (those with a rate; the others are counted only).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pipeline {
    pub count: usize,
    pub indicative: Decimal,
}

impl Pipeline {
    fn of(state: &WorkshopState) -> Option<Pipeline> {
        let interest: Vec<&Commitment> = state
            .commitments
            .values()
            .filter(|c| c.status.tier() == Tier::Interest)
            .collect();
        Some(Pipeline {
            count: interest.len(),
            indicative: checked_sum(interest.iter().filter_map(|c| state.converted(c)))?,
        })
    }
}

/// A sum would have passed `limits::TOTAL_CEILING`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Overflow;

impl Tiers {
    /// Counts a commitment in its tier; one that cannot be converted is
    /// left out. A sum that would leave the range is not changed.
    fn add(&mut self, state: &WorkshopState, commitment: &Commitment) -> Result<(), Overflow> {
        let Some(amount) = state.converted(commitment) else {
            return Ok(());
        };
        let tier = match commitment.status.tier() {
            Tier::Secured => &mut self.secured,
            Tier::Pledged => &mut self.pledged,
            Tier::Interest | Tier::Withdrawn => return Ok(()),
        };
        let sum = checked_sum([*tier, amount]).ok_or(Overflow)?;
        *tier = sum;
        Ok(())
    }

    /// Secured and pledged together. Each is at most the total ceiling, so
    /// the sum fits; a sum that did not would show as the largest value.
    pub fn total(&self) -> Decimal {
        self.secured.checked_add(self.pledged).unwrap_or(Decimal::MAX)
    }
}

/// One bar of a breakdown: what it is, and (for components) what it needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bar<K> {
    pub key: K,
    pub required: Option<Decimal>,
    pub tiers: Tiers,
}

impl<K> Bar<K> {
    /// Required minus secured, when there is a requirement (and it can be
    /// computed).
    pub fn gap(&self) -> Option<Decimal> {
        self.required.and_then(|r| r.checked_sub(self.tiers.secured))
    }
}

/// How the screen names an organisation: by name when it agreed to be
/// shown, otherwise by the kind of organisation it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "shown_as", rename_all = "snake_case")]
pub enum PublicName {
    Named {
        name: String,
    },
    /// By its partner group (a commercial bank that finances: a financier).
    Anonymous {
        group: PartnerGroup,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedLine {
    pub id: CommitmentId,
    pub who: PublicName,
    pub money: Money,
    pub converted: Option<Decimal>,
    pub instrument: Instrument,
    pub status: CommitmentStatus,
    pub at: DateTime<Utc>,
}

/// Everything the projected screen shows; nothing confidential.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dashboard {
    pub version: u64,
    pub slug: String,
    pub title: String,
    pub reporting_currency: Currency,
    /// The stage the room is in: the last one opened, if any.
    pub current_stage: Option<Stage>,
    pub required: Decimal,
    pub required_source: RequiredSource,
    /// How complete the design's costing is, shown beside the required
    /// amount so that a half-costed budget is never taken for the need.
    pub costing: Costing,
    /// The facilitator's target, shown beside the budget until the design
    /// is fully costed.
    pub target: Option<Decimal>,
    /// Cash only; guarantees and in-kind are kept apart below.
    pub cash: Tiers,
    /// The part of secured cash already paid out (FTS's "paid"), and the
    /// rest: together they are `cash.secured`, never added to it.
    #[serde(default)]
    pub disbursed: Decimal,
    #[serde(default)]
    pub undisbursed: Decimal,
    pub guarantees: Tiers,
    pub in_kind: Tiers,
    /// Expressions of interest, of every kind: not money, so in no tier
    /// above and never against the gap.
    pub pipeline: Pipeline,
    /// Required minus secured cash; negative when over-funded.
    pub gap: Decimal,
    pub secured_percent: u8,
    /// Secured plus pledged cash as a share of required, for the bar's
    /// lighter segment.
    pub pledged_percent: u8,
    pub by_component: Vec<Bar<String>>,
    pub by_instrument: Vec<Bar<Instrument>>,
    pub by_group: Vec<Bar<PartnerGroup>>,
    /// By city name: each participating city with a cost attributed to it
    /// (`required`, its share) or cash earmarked to it, and older earmarks
    /// naming a city the workshop does not list (no `required`).
    pub by_city: Vec<Bar<String>>,
    pub newest: Vec<FeedLine>,
    /// Commitments not counted because their currency had no rate.
    pub unconverted: usize,
    /// Stored values beyond the ceilings (commitments, cost lines, the
    /// target), accepted before the ceilings existed: not counted.
    pub out_of_range: usize,
    /// Whether some figure could not be computed within range
    /// (`limits::TOTAL_CEILING`): the screen says so instead of showing the
    /// figures, which are then not totals.
    pub overflow: bool,
    pub rates_used: Vec<ExchangeRate>,
    /// The plan by year: the components' costs by year against the cash
    /// scheduled for each year, and the cash with no schedule, so the
    /// years and the rest add up to the cash above.
    #[serde(default)]
    pub by_year: ByYear,
    /// The languages the facilitators chose for the projected screens.
    #[serde(default)]
    pub languages: ScreenLanguages,
    /// The stage timer, if one runs: public like every screen's badge, and
    /// here so that a projector following the pushed dashboard has it
    /// without asking. Not part of a proposal's financing plan
    /// (`Proposal::of` leaves it out, and so does its JSON when `None`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timer: Option<StageTimer>,
}

impl Dashboard {
    pub fn of(state: &WorkshopState) -> Option<Dashboard> {
        let setup = state.setup.as_ref()?;
        let requirement = requirement(state);
        let required = requirement.amount;
        let totals = Totals::of(state);
        let mut overflow = requirement.overflow || totals.overflow;
        let tiers = |kind| Tiers {
            secured: totals.get(Tier::Secured, kind),
            pledged: totals.get(Tier::Pledged, kind),
        };
        let cash = tiers(ContributionKind::Cash);
        let live: Vec<&Commitment> = state
            .commitments
            .values()
            .filter(|c| c.status != CommitmentStatus::Withdrawn)
            .collect();
        let cash_only = || {
            live.iter()
                .copied()
                .filter(|c| c.instrument.kind() == ContributionKind::Cash)
        };

        let by_component = state
            .design
            .components
            .iter()
            .map(|component| {
                let mut bar = Bar {
                    key: format!("{} {}", component.code, component.title),
                    required: Some(component_required(component)),
                    tiers: Tiers::default(),
                };
                cash_only()
                    .filter(
                        |c| matches!(&c.earmark, Earmark::Component { component: id } if *id == component.id),
                    )
                    .for_each(|c| overflow |= bar.tiers.add(state, c).is_err());
                bar
            })
            .collect();

        let mut by_instrument: BTreeMap<Instrument, Tiers> = BTreeMap::new();
        let mut by_group: BTreeMap<PartnerGroup, Tiers> = BTreeMap::new();
        let mut by_city: BTreeMap<String, Tiers> = BTreeMap::new();
        let mut add = |tiers: &mut Tiers, commitment: &Commitment| {
            overflow |= tiers.add(state, commitment).is_err();
        };
        for commitment in &live {
            add(
                by_instrument.entry(commitment.instrument).or_default(),
                commitment,
            );
        }
        for commitment in cash_only() {
            if let Some(organisation) = state.organisations.get(&commitment.organisation) {
                add(by_group.entry(organisation.group()).or_default(), commitment);
            }
            if let Some(city) = super::cities::city_of(state, &commitment.earmark) {
                add(by_city.entry(city).or_default(), commitment);
            }
        }
        let city_required = super::cities::required_by_city(state);
        overflow |= city_required.is_none();
        let city_required: BTreeMap<String, Decimal> = city_required
            .unwrap_or_default()
            .into_iter()
            .filter_map(|(id, amount)| state.cities.get(&id).map(|c| (c.name.clone(), amount)))
            .collect();
        for city in city_required.keys() {
            by_city.entry(city.clone()).or_default();
        }
        let gap = required.checked_sub(cash.secured);
        overflow |= gap.is_none();
        let pipeline = Pipeline::of(state);
        overflow |= pipeline.is_none();

        let mut newest: Vec<&Commitment> = live.clone();
        newest.sort_by_key(|c| std::cmp::Reverse(last_change(state, c.id)));
        let newest = newest
            .into_iter()
            .take(NEWEST_ON_SCREEN)
            .map(|c| FeedLine {
                id: c.id,
                who: public_name(state, c),
                money: c.money,
                converted: state.converted(c),
                instrument: c.instrument,
                status: c.status,
                at: last_change(state, c.id).1,
            })
            .collect();

        Some(Dashboard {
            version: state.version,
            slug: setup.slug.clone(),
            title: setup.title.clone(),
            reporting_currency: setup.reporting_currency,
            current_stage: current_stage(state),
            required,
            required_source: requirement.source,
            costing: requirement.costing,
            target: state.funding_target.filter(|t| limits::amount_in_range(*t)),
            gap: gap.unwrap_or_default(),
            secured_percent: percent(cash.secured, required),
            pledged_percent: percent(cash.total(), required),
            disbursed: totals.disbursed_cash,
            undisbursed: cash
                .secured
                .checked_sub(totals.disbursed_cash)
                .unwrap_or_default(),
            cash,
            guarantees: tiers(ContributionKind::Guarantee),
            in_kind: tiers(ContributionKind::InKind),
            pipeline: pipeline.unwrap_or_default(),
            by_component,
            by_instrument: bars(by_instrument),
            by_group: bars(by_group),
            by_city: bars(by_city)
                .into_iter()
                .map(|bar| Bar {
                    required: city_required.get(&bar.key).copied(),
                    ..bar
                })
                .collect(),
            newest,
            unconverted: totals.unconverted,
            out_of_range: totals.out_of_range + requirement.out_of_range,
            overflow,
            rates_used: totals.rates_used,
            by_year: super::schedule::by_year(state),
            languages: state.screen_languages,
            timer: state.stage_timer.clone(),
        })
    }
}

impl Dashboard {
    /// The cities the screen's chart shows: the largest gaps first (a city
    /// with no required amount after those with one, by its cash), at most
    /// `CITIES_ON_SCREEN`.
    pub fn cities_on_screen(&self) -> Vec<&Bar<String>> {
        let mut cities: Vec<&Bar<String>> = self.by_city.iter().collect();
        cities.sort_by_key(|bar| {
            (
                std::cmp::Reverse(bar.gap().is_some()),
                std::cmp::Reverse(bar.gap().unwrap_or_default()),
                std::cmp::Reverse(bar.tiers.total()),
            )
        });
        cities.truncate(CITIES_ON_SCREEN);
        cities
    }
}

fn bars<K>(map: BTreeMap<K, Tiers>) -> Vec<Bar<K>> {
    map.into_iter()
        .map(|(key, tiers)| Bar {
            key,
            required: None,
            tiers,
        })
        .collect()
}

/// When a commitment last changed, as (sequence, time), for ordering.
fn last_change(state: &WorkshopState, id: CommitmentId) -> (u64, DateTime<Utc>) {
    state
        .commitment_history
        .get(&id)
        .and_then(|history| history.last())
        .map(|change| (change.seq, change.at))
        .unwrap_or_default()
}

/// The room is in the stage opened last; before any is opened, none.
pub fn current_stage(state: &WorkshopState) -> Option<Stage> {
    state.current_stage()
}

pub fn public_name(state: &WorkshopState, commitment: &Commitment) -> PublicName {
    match state.organisations.get(&commitment.organisation) {
        Some(organisation) if commitment.public => PublicName::Named {
            name: organisation.name.clone(),
        },
        Some(organisation) => PublicName::Anonymous {
            group: organisation.group(),
        },
        None => PublicName::Anonymous {
            group: PartnerGroup::Other,
        },
    }
}
