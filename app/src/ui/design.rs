//! Stage 1's guided walk: the project, its results framework (with the
//! logframe table), its components and its risks (with the 5×5 matrix).

use super::design_tables::{LogframeTable, RiskMatrix};
use super::use_locale;
use super::walk::field::{FieldSpec, Input};
use super::walk::items::{form, value, ItemList, Kind};
use super::walk::page::{StartChoice, StepSection, Walk, WalkPage};
use super::walk::text::TextEditor;
use super::Tr;
use crate::api::DesignView;
use crate::domain::commitment_form::code_of;
use crate::domain::design::{cost_years, duration, ItemKey, Rating, Step};
use crate::domain::ids::*;
use crate::domain::item_form::{cost_field, level_code, FormValues, CITY_BASELINE, CITY_TARGET};
use crate::domain::model::{DesignField, IndicatorMeasure, ResultLevel, RiskCategory, Stage, TFA_MEASURES};
use crate::i18n::{indicator_measure_name, risk_category_name, Msg};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn DesignPage() -> impl IntoView {
    view! { <WalkPage stage=Stage::ProjectDesign content=design_steps/> }
}

fn design_steps(walk: Walk) -> AnyView {
    let tr = use_locale();
    let texts = move |fields: &[DesignField]| {
        fields
            .iter()
            .map(|field| view! { <TextEditor walk field=*field/> })
            .collect_view()
    };
    let span = move || {
        walk.current
            .with(|v| duration(&v.design.phases))
            .map(|(start, end)| format!("{start}–{end}"))
    };
    // Each step is its own view, so the page's type stays shallow enough
    // for the compiler.
    let project = view! {
        <StepSection step=Step::Project>
            {texts(&[DesignField::Title, DesignField::Summary, DesignField::Problem, DesignField::Rationale, DesignField::Scope, DesignField::TargetGroups])}
            <h3>{tr(Msg::Duration)}" "<span class="figure">{span}</span></h3>
            <ItemList walk kind=phases()/>
        </StepSection>
    }
    .into_any();
    let goal = view! {
        {texts(&[DesignField::Goal, DesignField::GoalAssumptions])}
        <h3>{tr(Msg::LevelImpact)}" · "{tr(Msg::LfIndicators)}</h3>
        <ItemList walk kind=indicators(LevelGroup::Impact)/>
        {texts(&[DesignField::Purpose, DesignField::PurposeAssumptions])}
        <h3>{tr(Msg::LevelOutcome)}" · "{tr(Msg::LfIndicators)}</h3>
        <ItemList walk kind=indicators(LevelGroup::Outcome)/>
    }
    .into_any();
    let outputs = view! {
        <h3>{tr(Msg::LfOutputs)}</h3>
        <ItemList walk kind=outputs()/>
        <h3>{tr(Msg::LfOutputs)}" · "{tr(Msg::LfIndicators)}</h3>
        <ItemList walk kind=indicators(LevelGroup::Outputs)/>
        <h3>{tr(Msg::LfActivities)}</h3>
        <ItemList walk kind=activities()/>
        <LogframeTable walk/>
    }
    .into_any();
    let results = view! { <StepSection step=Step::Results>{goal}{outputs}</StepSection> }.into_any();
    let components = view! {
        <StepSection step=Step::Components>
            <ItemList walk kind=components()/>
        </StepSection>
    }
    .into_any();
    let risks = view! {
        <StepSection step=Step::Risks>
            <ItemList walk kind=risks()/>
            <RiskMatrix walk rating=Rating::Inherent/>
            <RiskMatrix walk rating=Rating::Residual/>
        </StepSection>
    }
    .into_any();
    view! { <StartChoice walk/>{project}{results}{components}{risks} }.into_any()
}

/// "(none yet)" and the workshop's organisations, for a select.
fn organisation_options(view: &DesignView, tr: Tr) -> Vec<(String, String)> {
    std::iter::once((String::new(), tr(Msg::NoneYet).to_string()))
        .chain(
            view.organisations
                .iter()
                .map(|(id, name)| (id.to_string(), name.clone())),
        )
        .collect()
}

/// The participating cities, for a component's attribution.
fn city_options(view: &DesignView) -> Vec<(String, String)> {
    view.cities
        .iter()
        .map(|c| (c.id.to_string(), c.label()))
        .collect()
}

fn output_options(view: &DesignView) -> Vec<(String, String)> {
    view.design
        .outputs
        .iter()
        .map(|o| (o.id.to_string(), format!("{} {}", o.code, o.title)))
        .collect()
}

fn phases() -> Kind {
    Kind {
        keys: Arc::new(|v| {
            v.design
                .phases
                .iter()
                .map(|p| ItemKey::Phase { id: p.id })
                .collect()
        }),
        drafts: Arc::new(|d| matches!(d.key, ItemKey::Phase { .. })),
        heading: Arc::new(|_, _, values| {
            format!(
                "{} · {}–{}",
                value(values, "name"),
                value(values, "start_year"),
                value(values, "end_year")
            )
        }),
        fields: Arc::new(|_, tr| {
            vec![
                FieldSpec::new("name", tr(Msg::Name), Input::Text),
                FieldSpec::new("start_year", tr(Msg::StartYear), Input::Number),
                FieldSpec::new("end_year", tr(Msg::EndYear), Input::Number),
                FieldSpec::new("description", tr(Msg::Description), Input::LongText),
            ]
        }),
        add: Some((
            Msg::AddPhase,
            Arc::new(|_| {
                (
                    ItemKey::Phase {
                        id: PhaseId::random(),
                    },
                    FormValues::new(),
                )
            }),
        )),
    }
}

/// Which indicators a list shows: those of the goal, of the purpose, or
/// of the outputs.
#[derive(Clone, Copy, PartialEq)]
enum LevelGroup {
    Impact,
    Outcome,
    Outputs,
}

impl LevelGroup {
    fn of_level(level: ResultLevel) -> LevelGroup {
        match level {
            ResultLevel::Impact => LevelGroup::Impact,
            ResultLevel::Outcome => LevelGroup::Outcome,
            ResultLevel::Output(_) => LevelGroup::Outputs,
        }
    }

    fn of_code(code: &str) -> LevelGroup {
        match code {
            "impact" => LevelGroup::Impact,
            "outcome" => LevelGroup::Outcome,
            _ => LevelGroup::Outputs,
        }
    }
}

fn indicators(group: LevelGroup) -> Kind {
    Kind {
        keys: Arc::new(move |v| {
            v.design
                .indicators
                .iter()
                .filter(|i| LevelGroup::of_level(i.level) == group)
                .map(|i| ItemKey::Indicator { id: i.id })
                .collect()
        }),
        drafts: Arc::new(move |d| {
            matches!(d.key, ItemKey::Indicator { .. })
                && LevelGroup::of_code(value(&d.values, "level")) == group
        }),
        heading: Arc::new(|v, _, values| {
            let output = value(values, "level")
                .strip_prefix("output:")
                .and_then(|id| v.design.outputs.iter().find(|o| o.id.to_string() == id))
                .map(|o| format!("{} · ", o.code))
                .unwrap_or_default();
            let known = |name| Some(value(values, name)).filter(|x| !x.is_empty()).unwrap_or("…");
            format!(
                "{output}{}: {} → {} {}",
                value(values, "name"),
                known("baseline"),
                known("target"),
                value(values, "unit")
            )
        }),
        fields: Arc::new(|v, tr| {
            let levels = [
                (level_code(ResultLevel::Impact), tr(Msg::LevelImpact).to_string()),
                (
                    level_code(ResultLevel::Outcome),
                    tr(Msg::LevelOutcome).to_string(),
                ),
            ]
            .into_iter()
            .chain(v.design.outputs.iter().map(|o| {
                (
                    level_code(ResultLevel::Output(o.id)),
                    format!("{} {} {}", tr(Msg::OutputLabel), o.code, o.title),
                )
            }))
            .collect();
            let measures = IndicatorMeasure::ALL
                .iter()
                .map(|m| {
                    (
                        code_of(*m),
                        format!("{} · {}", m.iati_code(), tr(indicator_measure_name(*m))),
                    )
                })
                .collect();
            let directions = vec![
                ("true".to_string(), tr(Msg::HigherIsBetter).to_string()),
                ("false".to_string(), tr(Msg::LowerIsBetter).to_string()),
            ];
            vec![
                FieldSpec::new("name", tr(Msg::IndicatorName), Input::Text),
                FieldSpec::new("level", tr(Msg::Level), Input::Select(levels)).help(tr(Msg::HelpLevel)),
                FieldSpec::new("unit", tr(Msg::Unit), Input::Text),
                FieldSpec::new("measure", tr(Msg::IndicatorMeasureLabel), Input::Select(measures)),
                FieldSpec::new("ascending", tr(Msg::AscendingLabel), Input::Select(directions)),
                FieldSpec::new("baseline", tr(Msg::Baseline), Input::Number).help(tr(Msg::HelpBaseline)),
                FieldSpec::new("baseline_year", tr(Msg::BaselineYear), Input::Number),
                FieldSpec::new("target", tr(Msg::Target), Input::Number).help(tr(Msg::HelpTarget)),
                FieldSpec::new("target_year", tr(Msg::TargetYear), Input::Number),
                FieldSpec::new(
                    "means_of_verification",
                    tr(Msg::MeansOfVerification),
                    Input::LongText,
                )
                .help(tr(Msg::HelpVerification)),
            ]
            .into_iter()
            .chain(v.cities.iter().flat_map(|city| {
                [(CITY_BASELINE, Msg::Baseline), (CITY_TARGET, Msg::Target)].map(|(prefix, label)| {
                    let name = format!("{prefix}{}", city.id);
                    FieldSpec::new(&name, &format!("{} · {}", city.name, tr(label)), Input::Number)
                })
            }))
            .collect()
        }),
        add: Some((
            Msg::AddIndicator,
            Arc::new(move |v: &DesignView| {
                let level = match (group, v.design.outputs.first()) {
                    (LevelGroup::Impact, _) => level_code(ResultLevel::Impact),
                    (LevelGroup::Outcome, _) | (LevelGroup::Outputs, None) => {
                        level_code(ResultLevel::Outcome)
                    }
                    (LevelGroup::Outputs, Some(output)) => level_code(ResultLevel::Output(output.id)),
                };
                (
                    ItemKey::Indicator {
                        id: IndicatorId::random(),
                    },
                    form(&[("level", level)]),
                )
            }),
        )),
    }
}

fn outputs() -> Kind {
    Kind {
        keys: Arc::new(|v| {
            v.design
                .outputs
                .iter()
                .map(|o| ItemKey::Output { id: o.id })
                .collect()
        }),
        drafts: Arc::new(|d| matches!(d.key, ItemKey::Output { .. })),
        heading: Arc::new(|_, _, values| format!("{} {}", value(values, "code"), value(values, "title"))),
        fields: Arc::new(|_, tr| {
            vec![
                FieldSpec::new("code", tr(Msg::Code), Input::Text),
                FieldSpec::new("title", tr(Msg::TitleLabel), Input::Text),
                FieldSpec::new("assumptions", tr(Msg::Assumptions), Input::LongText)
                    .help(tr(Msg::HelpOutputAssumptions)),
            ]
        }),
        add: Some((
            Msg::AddOutput,
            Arc::new(|_| {
                (
                    ItemKey::Output {
                        id: OutputId::random(),
                    },
                    FormValues::new(),
                )
            }),
        )),
    }
}

fn activities() -> Kind {
    Kind {
        keys: Arc::new(|v| {
            v.design
                .activities
                .iter()
                .map(|a| ItemKey::Activity { id: a.id })
                .collect()
        }),
        drafts: Arc::new(|d| matches!(d.key, ItemKey::Activity { .. })),
        heading: Arc::new(|_, _, values| format!("{} {}", value(values, "code"), value(values, "title"))),
        fields: Arc::new(|v, tr| {
            let mut outputs = vec![(String::new(), tr(Msg::NoneYet).to_string())];
            outputs.extend(output_options(v));
            vec![
                FieldSpec::new("output", tr(Msg::OutputLabel), Input::Select(outputs)),
                FieldSpec::new("code", tr(Msg::Code), Input::Text),
                FieldSpec::new("title", tr(Msg::TitleLabel), Input::Text),
                FieldSpec::new("inputs", tr(Msg::Inputs), Input::LongText).help(tr(Msg::HelpInputs)),
                FieldSpec::new("assumptions", tr(Msg::Assumptions), Input::LongText),
            ]
        }),
        add: Some((
            Msg::AddActivity,
            Arc::new(|_| {
                (
                    ItemKey::Activity {
                        id: ActivityId::random(),
                    },
                    FormValues::new(),
                )
            }),
        )),
    }
}

fn components() -> Kind {
    Kind {
        keys: Arc::new(|v| {
            v.design
                .components
                .iter()
                .map(|c| ItemKey::Component { id: c.id })
                .collect()
        }),
        drafts: Arc::new(|d| matches!(d.key, ItemKey::Component { .. })),
        heading: Arc::new(|v, _, values| {
            let lead = value(values, "lead")
                .parse::<OrganisationId>()
                .map(|id| format!(" · {}", v.organisation_name(id)))
                .unwrap_or_default();
            format!("{} {}{lead}", value(values, "code"), value(values, "title"))
        }),
        fields: Arc::new(|v, tr| {
            let tfa = TFA_MEASURES
                .iter()
                .map(|(code, name)| (code.to_string(), format!("{code} {name}")))
                .collect();
            let mut fields = vec![
                FieldSpec::new("code", tr(Msg::Code), Input::Text),
                FieldSpec::new("title", tr(Msg::TitleLabel), Input::Text),
                FieldSpec::new("description", tr(Msg::Description), Input::LongText),
                FieldSpec::new(
                    "lead",
                    tr(Msg::LeadPartner),
                    Input::Select(organisation_options(v, tr)),
                ),
                FieldSpec::new(
                    "outputs",
                    tr(Msg::LinkedOutputs),
                    Input::Checks(output_options(v)),
                ),
                FieldSpec::new("tfa", tr(Msg::TfaMeasures), Input::Checks(tfa)).help(tr(Msg::HelpTfa)),
                FieldSpec::new("cities", tr(Msg::ComponentCities), Input::Checks(city_options(v)))
                    .help(tr(Msg::HelpComponentCities)),
            ];
            fields.extend(
                cost_years(&v.design.phases, &v.design.components, v.this_year)
                    .into_iter()
                    .map(|year| {
                        FieldSpec::new(
                            &cost_field(year),
                            &format!("{} {year} ({})", tr(Msg::YearlyCost), v.currency.code()),
                            Input::Number,
                        )
                    }),
            );
            fields
        }),
        add: Some((
            Msg::AddComponent,
            Arc::new(|_| {
                (
                    ItemKey::Component {
                        id: ComponentId::random(),
                    },
                    FormValues::new(),
                )
            }),
        )),
    }
}

fn risks() -> Kind {
    Kind {
        keys: Arc::new(|v| {
            v.design
                .risks
                .iter()
                .map(|r| ItemKey::Risk { id: r.id })
                .collect()
        }),
        drafts: Arc::new(|d| matches!(d.key, ItemKey::Risk { .. })),
        heading: Arc::new(|v, key, values| {
            let number = v
                .design
                .risks
                .iter()
                .position(|r| ItemKey::Risk { id: r.id } == *key)
                .map(|n| format!("R{} · ", n + 1))
                .unwrap_or_default();
            // Residual after the arrow, once the room has rated it.
            let residual = match (
                value(values, "residual_likelihood"),
                value(values, "residual_impact"),
            ) {
                ("", _) | (_, "") => String::new(),
                (likelihood, impact) => format!(" → {likelihood}×{impact}"),
            };
            format!(
                "{number}{} ({}×{}{residual})",
                value(values, "description"),
                value(values, "likelihood"),
                value(values, "impact")
            )
        }),
        fields: Arc::new(|v, tr| {
            let scale: Vec<(String, String)> = (1..=5).map(|n| (n.to_string(), n.to_string())).collect();
            let unrated: Vec<(String, String)> = std::iter::once((String::new(), "–".to_string()))
                .chain(scale.iter().cloned())
                .collect();
            let categories = RiskCategory::ALL
                .iter()
                .map(|c| (code_of(*c), tr(risk_category_name(*c)).to_string()))
                .collect();
            vec![
                FieldSpec::new("description", tr(Msg::RiskLabel), Input::LongText),
                FieldSpec::new("category", tr(Msg::Category), Input::Select(categories)),
                FieldSpec::new("likelihood", tr(Msg::Likelihood), Input::Select(scale.clone())),
                FieldSpec::new("impact", tr(Msg::Impact), Input::Select(scale.clone())),
                FieldSpec::new("mitigation", tr(Msg::Mitigation), Input::LongText)
                    .help(tr(Msg::HelpMitigation)),
                FieldSpec::new(
                    "residual_likelihood",
                    tr(Msg::ResidualLikelihood),
                    Input::Select(unrated.clone()),
                )
                .help(tr(Msg::HelpResidual)),
                FieldSpec::new("residual_impact", tr(Msg::ResidualImpact), Input::Select(unrated)),
                FieldSpec::new(
                    "owner",
                    tr(Msg::RiskOwner),
                    Input::Select(organisation_options(v, tr)),
                ),
            ]
        }),
        add: Some((
            Msg::AddRisk,
            Arc::new(|_| {
                (
                    ItemKey::Risk { id: RiskId::random() },
                    form(&[
                        ("category", code_of(RiskCategory::Operational)),
                        ("likelihood", "3".into()),
                        ("impact", "3".into()),
                    ]),
                )
            }),
        )),
    }
}
