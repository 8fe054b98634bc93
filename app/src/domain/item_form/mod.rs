//! The structured items of stages 1, 2 and 3 as a form holds them: named text
//! values. Parsing runs the same `validator` rules in the browser (before
//! sending) and on the server (in `decide`), and reports every problem by
//! field, so the message appears next to it.

mod business;
mod reader;

/// The field names of an indicator's values for a city, before its id.
pub const CITY_BASELINE: &str = "city_baseline:";
pub const CITY_TARGET: &str = "city_target:";

use super::commitment_form::{code_of, from_code};
use super::design::*;
use super::error::{AppError, FieldErrors};
use super::ids::*;
use super::model::*;
use super::money::Currency;
use crate::domain::error::Problem;
use std::collections::BTreeMap;

/// Field name to what is typed (lists are comma-separated codes).
pub type FormValues = BTreeMap<String, String>;

/// The field name of a component's cost for a year.
pub fn cost_field(year: u16) -> String {
    format!("cost:{year}")
}

/// An indicator's level as a form's select sends it.
pub fn level_code(level: ResultLevel) -> String {
    match level {
        ResultLevel::Impact => "impact".into(),
        ResultLevel::Outcome => "outcome".into(),
        ResultLevel::Output(output) => format!("output:{output}"),
    }
}

fn parse_level(code: &str) -> Option<ResultLevel> {
    match code.trim() {
        "impact" => Some(ResultLevel::Impact),
        "outcome" => Some(ResultLevel::Outcome),
        other => other
            .strip_prefix("output:")
            .and_then(|id| id.parse().ok())
            .map(ResultLevel::Output),
    }
}

fn list<T: ToString>(items: impl IntoIterator<Item = T>) -> String {
    items
        .into_iter()
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

pub(crate) fn codes<T: serde::Serialize + Copy>(items: impl IntoIterator<Item = T>) -> String {
    list(items.into_iter().map(code_of))
}

pub(crate) fn optional<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// The item's values as its form shows them.
pub fn to_form(item: &DesignItem) -> FormValues {
    let pairs: Vec<(String, String)> = match item {
        DesignItem::Phase(p) => vec![
            ("name".into(), p.name.clone()),
            ("start_year".into(), p.start_year.to_string()),
            ("end_year".into(), p.end_year.to_string()),
            ("description".into(), p.description.clone()),
        ],
        DesignItem::Output(o) => vec![
            ("code".into(), o.code.clone()),
            ("title".into(), o.title.clone()),
            ("assumptions".into(), o.assumptions.clone()),
        ],
        DesignItem::Activity(a) => vec![
            ("output".into(), a.output.to_string()),
            ("code".into(), a.code.clone()),
            ("title".into(), a.title.clone()),
            ("inputs".into(), a.inputs.clone()),
            ("assumptions".into(), a.assumptions.clone()),
        ],
        DesignItem::Indicator(i) => vec![
            ("level".into(), level_code(i.level)),
            ("name".into(), i.name.clone()),
            ("unit".into(), i.unit.clone()),
            ("baseline".into(), optional(i.baseline)),
            ("baseline_year".into(), optional(i.baseline_year)),
            ("target".into(), optional(i.target)),
            ("target_year".into(), optional(i.target_year)),
            ("means_of_verification".into(), i.means_of_verification.clone()),
            ("measure".into(), code_of(i.measure)),
            ("ascending".into(), i.ascending.to_string()),
        ]
        .into_iter()
        .chain(i.by_city.iter().flat_map(|v| {
            [
                (format!("{CITY_BASELINE}{}", v.city), optional(v.baseline)),
                (format!("{CITY_TARGET}{}", v.city), optional(v.target)),
            ]
        }))
        .collect(),
        DesignItem::Component(c) => {
            let mut pairs = vec![
                ("code".into(), c.code.clone()),
                ("title".into(), c.title.clone()),
                ("description".into(), c.description.clone()),
                ("lead".into(), optional(c.lead)),
                ("outputs".into(), list(&c.outputs)),
                ("tfa".into(), c.tfa.join(",")),
                ("cities".into(), list(&c.cities)),
            ];
            pairs.extend(
                c.yearly_cost
                    .iter()
                    .map(|l| (cost_field(l.year), l.amount.amount.to_string())),
            );
            pairs
        }
        DesignItem::Risk(r) => vec![
            ("description".into(), r.description.clone()),
            ("category".into(), code_of(r.category)),
            ("likelihood".into(), r.likelihood.to_string()),
            ("impact".into(), r.impact.to_string()),
            ("mitigation".into(), r.mitigation.clone()),
            ("owner".into(), optional(r.owner)),
            ("residual_likelihood".into(), optional(r.residual_likelihood)),
            ("residual_impact".into(), optional(r.residual_impact)),
        ],
        DesignItem::Roles(r) => vec![
            ("iati".into(), codes(r.iati.iter().copied())),
            ("ppp".into(), codes(r.ppp.iter().copied())),
        ],
        DesignItem::Responsibility(r) => vec![("role".into(), r.role.map(code_of).unwrap_or_default())],
        DesignItem::Body(b) => vec![
            ("kind".into(), code_of(b.kind)),
            ("name".into(), b.name.clone()),
            ("members".into(), list(&b.members)),
            ("chair".into(), optional(b.chair)),
            ("decision_rule".into(), code_of(b.decision_rule)),
            ("cadence".into(), b.cadence.clone()),
        ],
        DesignItem::Agreement(a) => vec![
            ("stage".into(), code_of(a.stage)),
            ("letter_of_intent".into(), optional(a.letter_of_intent)),
            ("mou".into(), optional(a.mou)),
            ("agreement".into(), optional(a.agreement)),
        ],
        DesignItem::Structure(_)
        | DesignItem::Assumptions(_)
        | DesignItem::Canvas(_)
        | DesignItem::Revenue(_)
        | DesignItem::Capex(_)
        | DesignItem::Opex(_)
        | DesignItem::Allocation(_)
        | DesignItem::Vote(_) => return business::to_form(item).unwrap_or_default(),
    };
    pairs.into_iter().collect()
}

/// The item a form describes, or every problem with it by field. `key`
/// names the item (and carries its ids); `currency` is the reporting
/// currency, in which costs are estimated.
pub fn from_form(key: ItemKey, values: &FormValues, currency: Currency) -> Result<DesignItem, FieldErrors> {
    let mut r = reader::Reader {
        values,
        problems: FieldErrors::new(),
    };
    let item = match key {
        ItemKey::Phase { id } => {
            let start_year = r.whole("start_year", true);
            let end_year = r.whole("end_year", true);
            DesignItem::Phase(Phase {
                id,
                name: r.text("name"),
                start_year: start_year.unwrap_or_default(),
                end_year: end_year.unwrap_or_default(),
                description: r.text("description"),
            })
        }
        ItemKey::Output { id } => DesignItem::Output(Output {
            id,
            code: r.text("code"),
            title: r.text("title"),
            assumptions: r.text("assumptions"),
            indicators: Vec::new(),
        }),
        ItemKey::Activity { id } => {
            let output = r.id("output");
            let output = r.required("output", output);
            DesignItem::Activity(Activity {
                id,
                output: output.unwrap_or_default(),
                code: r.text("code"),
                title: r.text("title"),
                inputs: r.text("inputs"),
                assumptions: r.text("assumptions"),
            })
        }
        ItemKey::Indicator { id } => {
            let level = r.required("level", parse_level(r.raw("level")));
            // Forms drawn before the measure was asked send none: units.
            let measure = match r.raw("measure") {
                "" => Some(IndicatorMeasure::default()),
                _ => r.choice("measure"),
            };
            DesignItem::Indicator(Indicator {
                id,
                level: level.unwrap_or_default(),
                name: r.text("name"),
                unit: r.text("unit"),
                baseline: r.decimal("baseline"),
                baseline_year: r.whole("baseline_year", false),
                target: r.decimal("target"),
                target_year: r.whole("target_year", false),
                means_of_verification: r.text("means_of_verification"),
                by_city: r.city_values(),
                measure: measure.unwrap_or_default(),
                ascending: r.raw("ascending") != "false",
            })
        }
        ItemKey::Component { id } => {
            let tfa = r
                .raw("tfa")
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect();
            DesignItem::Component(Component {
                id,
                code: r.text("code"),
                title: r.text("title"),
                description: r.text("description"),
                lead: r.id("lead"),
                yearly_cost: r.costs(currency),
                outputs: r.ids::<OutputId>("outputs").into_iter().collect(),
                tfa,
                cities: r.id_list("cities"),
            })
        }
        ItemKey::Risk { id } => {
            let category = r.choice("category");
            DesignItem::Risk(Risk {
                id,
                description: r.text("description"),
                category: category.unwrap_or(RiskCategory::Operational),
                likelihood: r.whole("likelihood", true).unwrap_or(1),
                impact: r.whole("impact", true).unwrap_or(1),
                mitigation: r.text("mitigation"),
                owner: r.id("owner"),
                residual_likelihood: r.whole("residual_likelihood", false),
                residual_impact: r.whole("residual_impact", false),
            })
        }
        ItemKey::Roles { organisation } => DesignItem::Roles(PartnerRoles {
            organisation,
            iati: r.code_set("iati"),
            ppp: r.code_set("ppp"),
        }),
        ItemKey::Responsibility {
            component,
            organisation,
        } => {
            let raw = r.text("role");
            let role = if raw.is_empty() {
                None
            } else {
                let role = from_code(&raw);
                if role.is_none() {
                    r.problem("role", Problem::Invalid);
                }
                role
            };
            DesignItem::Responsibility(Responsibility {
                component,
                organisation,
                role,
            })
        }
        ItemKey::Body { id } => {
            let kind = r.choice("kind");
            let decision_rule = r.choice("decision_rule");
            DesignItem::Body(GovernanceBody {
                id,
                kind: kind.unwrap_or(BodyKind::Other),
                name: r.text("name"),
                members: r.ids("members"),
                chair: r.id("chair"),
                decision_rule: decision_rule.unwrap_or(DecisionRule::Consensus),
                cadence: r.text("cadence"),
            })
        }
        ItemKey::Agreement { organisation } => {
            // A partner nobody has placed yet is at the first stage.
            let stage = match r.raw("stage") {
                "" => Some(PartneringStage::default()),
                _ => r.choice("stage"),
            };
            DesignItem::Agreement(Agreement {
                organisation,
                stage: stage.unwrap_or_default(),
                letter_of_intent: r.date("letter_of_intent"),
                mou: r.date("mou"),
                agreement: r.date("agreement"),
            })
        }
        ItemKey::Structure
        | ItemKey::Assumptions
        | ItemKey::Canvas { .. }
        | ItemKey::Revenue { .. }
        | ItemKey::Capex { .. }
        | ItemKey::Opex { .. }
        | ItemKey::Allocation { .. }
        | ItemKey::Vote { .. } => match business::from_form(key, &mut r, currency) {
            Some(item) => item,
            None => return Err(FieldErrors::from([("item".to_string(), Problem::Invalid)])),
        },
    };
    // The validator's rules come after the parse problems, which are more
    // precise for the same field.
    if let Err(errors) = item.validate() {
        if let AppError::Invalid(fields) = AppError::from(errors) {
            for (field, code) in fields {
                r.problems.entry(field).or_insert(code);
            }
        }
    }
    if r.problems.is_empty() {
        Ok(item)
    } else {
        Err(r.problems)
    }
}
