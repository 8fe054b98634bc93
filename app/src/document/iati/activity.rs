//! `IatiActivity::of`: the programme as the state holds it, for one
//! viewer, as the one IATI activity it is.

use super::parts::*;
use super::roles::participating;
use super::transactions::{crs_loan_terms, transactions};
use crate::domain::design::IatiRole;
use crate::domain::event::Actor;
use crate::domain::model::{ProjectDesign, ResultLevel};
use crate::domain::money::round_to_minor_unit;
use crate::domain::schedule::by_year;
use crate::domain::state::WorkshopState;
use crate::i18n::{Locale, Msg};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

impl IatiActivity {
    /// The activity as `state` says it, for `viewer` (who decides only
    /// which confidential commitments are named); `today` dates a
    /// programme that has no years yet. `None` before the workshop exists.
    pub fn of(state: &WorkshopState, viewer: &Actor, today: NaiveDate) -> Option<IatiActivity> {
        let setup = state.setup.as_ref()?;
        let design = &state.design;
        let participating = participating(state, viewer);
        let reporting = participating
            .iter()
            .find(|p| p.role == IatiRole::Accountable)
            .or(participating.first())
            .map(|p| p.org.clone());
        let reporting = match reporting {
            Some(org) => OrgRef {
                reference: Some(org.reference.unwrap_or_else(|| PLACEHOLDER_REF.to_string())),
                ..org
            },
            None => OrgRef {
                reference: Some(PLACEHOLDER_REF.to_string()),
                type_code: Some(90),
                names: vec![Narrative::typed(&setup.programme)],
            },
        };
        let reference = reporting.reference.clone().unwrap_or_default();
        let title = if design.title.trim().is_empty() {
            &setup.title
        } else {
            &design.title
        };
        let transactions = transactions(state, viewer);
        let (start, end) = span(design, today);
        Some(IatiActivity {
            identifier: format!("{reference}-{}", setup.slug),
            default_currency: setup.reporting_currency,
            participating: if participating.is_empty() {
                // IATI needs one participant: the reporter, answering for it.
                vec![ParticipatingOrg {
                    organisation: None,
                    org: reporting.clone(),
                    role: IatiRole::Accountable,
                }]
            } else {
                participating
            },
            reporting,
            title: vec![Narrative::typed(title)],
            descriptions: descriptions(design, &setup.programme),
            status: if transactions
                .iter()
                .any(|t| t.kind == TransactionType::IncomingFunds)
            {
                2
            } else {
                1
            },
            dates: vec![(1, start), (3, end)],
            countries: countries(state),
            budgets: budgets(state),
            loan_terms: crs_loan_terms(&transactions),
            transactions,
            results: results(design, (start, end)),
        })
    }
}

/// DescriptionType 1 (general): the summary, else the programme's name;
/// 2 (objectives): the goal and the purpose; 3 (target groups).
fn descriptions(design: &ProjectDesign, programme: &str) -> Vec<(u8, Vec<Narrative>)> {
    let general = if design.summary.trim().is_empty() {
        programme
    } else {
        &design.summary
    };
    let objectives: Vec<&str> = [design.goal.trim(), design.purpose.trim()]
        .into_iter()
        .filter(|t| !t.is_empty())
        .collect();
    let mut out = vec![(1, vec![Narrative::typed(general)])];
    if !objectives.is_empty() {
        out.push((2, vec![Narrative::typed(&objectives.join("\n\n"))]));
    }
    if !design.target_groups.trim().is_empty() {
        out.push((3, vec![Narrative::typed(&design.target_groups)]));
    }
    out
}

/// The planned start and end: the phases' years, else the components'
/// costed years, else this year.
fn span(design: &ProjectDesign, today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let years: Vec<u16> = if design.phases.is_empty() {
        design
            .components
            .iter()
            .flat_map(|c| c.yearly_cost.iter().map(|l| l.year))
            .collect()
    } else {
        design
            .phases
            .iter()
            .flat_map(|p| [p.start_year, p.end_year])
            .collect()
    };
    let this_year = u16::try_from(chrono::Datelike::year(&today)).unwrap_or(2000);
    let first = years.iter().min().copied().unwrap_or(this_year);
    let last = years.iter().max().copied().unwrap_or(first).max(first);
    (jan_1(first), dec_31(last))
}

pub fn jan_1(year: u16) -> NaiveDate {
    NaiveDate::from_ymd_opt(i32::from(year), 1, 1).unwrap_or_default()
}

pub fn dec_31(year: u16) -> NaiveDate {
    NaiveDate::from_ymd_opt(i32::from(year), 12, 31).unwrap_or_default()
}

/// The participating cities' countries, each with its share of the cities
/// (two decimals, the last taking the rest so they add up to 100).
fn countries(state: &WorkshopState) -> Vec<(String, Decimal)> {
    let mut count: BTreeMap<&str, u32> = BTreeMap::new();
    for city in state.cities.values() {
        *count.entry(city.country.as_str()).or_default() += 1;
    }
    let total = Decimal::from(state.cities.len() as u64);
    let mut left = Decimal::ONE_HUNDRED;
    let n = count.len();
    count
        .into_iter()
        .enumerate()
        .map(|(i, (code, cities))| {
            let share = if i + 1 == n {
                left
            } else {
                (Decimal::ONE_HUNDRED * Decimal::from(cities) / total).round_dp(2)
            };
            left -= share;
            (code.to_string(), share)
        })
        .collect()
}

/// The components' costs by year, in the reporting currency.
fn budgets(state: &WorkshopState) -> Vec<Budget> {
    let Some(currency) = state.reporting_currency() else {
        return vec![];
    };
    by_year(state)
        .years
        .into_iter()
        .filter(|y| y.required > Decimal::ZERO)
        .map(|y| Budget {
            year: y.year,
            value: Value {
                amount: round_to_minor_unit(y.required, currency),
                currency,
                date: jan_1(y.year),
            },
        })
        .collect()
}

/// The results framework: the goal's indicators as the impact, the
/// purpose's as the outcome, each output's as an output; a level with no
/// indicator is left out (IATI wants at least one).
fn results(design: &ProjectDesign, (start, end): (NaiveDate, NaiveDate)) -> Vec<ResultEntry> {
    let titled = |text: &str, fallback: Msg| {
        if text.trim().is_empty() {
            vec![Narrative::english(Locale::En.t(fallback))]
        } else {
            vec![Narrative::typed(text)]
        }
    };
    let mut levels = vec![
        (ResultLevel::Impact, 3, titled(&design.goal, Msg::LfGoal)),
        (ResultLevel::Outcome, 2, titled(&design.purpose, Msg::LfPurpose)),
    ];
    for output in &design.outputs {
        let title = format!("{} {}", output.code, output.title);
        levels.push((ResultLevel::Output(output.id), 1, vec![Narrative::typed(&title)]));
    }
    levels
        .into_iter()
        .filter_map(|(level, type_code, title)| {
            let indicators: Vec<IndicatorEntry> = design
                .indicators
                .iter()
                .filter(|i| i.level == level)
                .map(|i| IndicatorEntry {
                    measure: i.measure.iati_code(),
                    ascending: i.ascending,
                    title: vec![Narrative::typed(&i.name)],
                    description: if i.unit.trim().is_empty() {
                        vec![]
                    } else {
                        vec![Narrative::typed(&i.unit)]
                    },
                    baseline: i.baseline_year.zip(i.baseline),
                    target: i.target.map(|value| match i.target_year {
                        Some(year) => (jan_1(year), dec_31(year), value),
                        None => (start, end, value),
                    }),
                })
                .collect();
            (!indicators.is_empty()).then_some(ResultEntry {
                type_code,
                title,
                indicators,
            })
        })
        .collect()
}
