//! Stage 3's guided walk: the PPP structure, the canvas, revenues, costs,
//! the figures they give, and who carries each risk.

use super::business_figures::{model_figures_of, CapexFromComponents, FeeFlags, FiguresPanel};
use super::business_risks::{allocations, votes};
use super::use_locale;
use super::walk::field::{choices, labels, FieldSpec, Input};
use super::walk::items::{form, value, ItemList, KeysOf, Kind};
use super::walk::page::{StepSection, Walk, WalkPage};
use super::Tr;
use crate::api::DesignView;
use crate::domain::business::*;
use crate::domain::commitment_form::code_of;
use crate::domain::design::{DesignItem, ItemKey, Step};
use crate::domain::ids::*;
use crate::domain::item_form::{from_form, FormValues};
use crate::domain::model::Stage;
use crate::i18n::{
    asset_name, canvas_block_name, fee_basis_name, ownership_name, payer_name, ppp_function_name,
    revenue_kind_name, structure_name, Msg,
};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn BusinessModelPage() -> impl IntoView {
    view! { <WalkPage stage=Stage::BusinessModel content=business_steps/> }
}

fn business_steps(walk: Walk) -> AnyView {
    let figures = model_figures_of(walk);
    // Each step is its own view, so the page's type stays shallow enough
    // for the compiler.
    let structure = view! {
        <StepSection step=Step::Structure>
            <ItemList walk kind=structure()/>
        </StepSection>
    }
    .into_any();
    let canvas = view! { <StepSection step=Step::Canvas><Canvas walk/></StepSection> }.into_any();
    let revenues = view! {
        <StepSection step=Step::Revenues>
            <ItemList walk kind=revenues()/>
            <FeeFlags walk figures/>
        </StepSection>
    }
    .into_any();
    let costs = view! {
        <StepSection step=Step::Costs>
            <CapexFromComponents walk/>
            <ItemList walk kind=capex()/>
            <ItemList walk kind=opex()/>
        </StepSection>
    }
    .into_any();
    let figures = view! {
        <StepSection step=Step::Figures>
            <ItemList walk kind=assumptions()/>
            <FiguresPanel walk figures/>
        </StepSection>
    }
    .into_any();
    let allocation = view! {
        <StepSection step=Step::RiskAllocation>
            <ItemList walk kind=allocations()/>
            <ItemList walk kind=votes()/>
        </StepSection>
    }
    .into_any();
    let screen = move || format!("/w/{}/screen/business-model", walk.slug.get_value());
    let tr = use_locale();
    view! {
        <p><a href=screen target="_blank">{tr(Msg::ShowOnScreen)}</a></p>
        {structure}{canvas}{revenues}{costs}{figures}{allocation}
    }
    .into_any()
}

/// A singleton item's key, shown whether or not it was saved yet.
fn only(key: ItemKey) -> KeysOf {
    Arc::new(move |_| vec![key])
}

/// The structure a form's values amount to, if they parse.
fn structure_of(view: &DesignView, values: &FormValues) -> Option<PppStructure> {
    match from_form(ItemKey::Structure, values, view.currency) {
        Ok(DesignItem::Structure(structure)) => Some(structure),
        _ => None,
    }
}

fn structure() -> Kind {
    Kind {
        keys: only(ItemKey::Structure),
        drafts: Arc::new(|_| false),
        heading: Arc::new(|v, _, values| {
            let tr = use_locale();
            match structure_of(v, values) {
                Some(s) => {
                    let (name, explanation) = structure_name(s.named());
                    format!(
                        "{} · {} {} — {}",
                        tr(name),
                        s.term_years,
                        tr(Msg::TermYears),
                        tr(explanation)
                    )
                }
                None => tr(Msg::SetStructure).to_string(),
            }
        }),
        fields: Arc::new(|v, tr| {
            let mut fields = vec![
                FieldSpec::new(
                    "private",
                    tr(Msg::PrivateFunctions),
                    Input::Checks(choices(&PppFunction::ALL, ppp_function_name, tr)),
                ),
                FieldSpec::new(
                    "payer",
                    tr(Msg::PayerLabel),
                    Input::Select(choices(&Payer::ALL, payer_name, tr)),
                ),
                FieldSpec::new(
                    "asset",
                    tr(Msg::AssetLabel),
                    Input::Select(choices(&AssetKind::ALL, asset_name, tr)),
                ),
                FieldSpec::new(
                    "ownership",
                    tr(Msg::OwnershipLabel),
                    Input::Select(choices(&Ownership::ALL, ownership_name, tr)),
                ),
                FieldSpec::new("term_years", tr(Msg::TermYears), Input::Number).help(tr(Msg::ModelYearHelp)),
            ];
            if v.facilitator {
                let named = std::iter::once((String::new(), tr(Msg::AsSuggested).to_string()))
                    .chain(choices(&NamedStructure::ALL, |n| structure_name(n).0, tr))
                    .collect();
                fields.push(FieldSpec::new(
                    "chosen",
                    tr(Msg::ChosenStructure),
                    Input::Select(named),
                ));
            }
            fields
        }),
        add: None,
    }
}

#[component]
fn Canvas(walk: Walk) -> impl IntoView {
    let tr = use_locale();
    view! {
        <div class="canvas">
            {CanvasBlock::ALL.map(|block| view! {
                <section class=format!("canvas-block canvas-{}", block.area())>
                    <h3>{tr(canvas_block_name(block))}</h3>
                    <ItemList walk kind=canvas_block(block)/>
                </section>
            }).collect_view()}
        </div>
    }
}

fn canvas_block(block: CanvasBlock) -> Kind {
    let code = code_of(block);
    let in_block = code.clone();
    Kind {
        keys: Arc::new(move |v| {
            v.business
                .canvas
                .iter()
                .filter(|e| e.block == block)
                .map(|e| ItemKey::Canvas { id: e.id })
                .collect()
        }),
        drafts: Arc::new(move |d| {
            matches!(d.key, ItemKey::Canvas { .. }) && value(&d.values, "block") == in_block
        }),
        heading: Arc::new(|_, _, values| value(values, "text").to_string()),
        fields: Arc::new(|_, tr| {
            vec![
                FieldSpec::new("text", tr(Msg::CanvasItem), Input::Text),
                FieldSpec::new(
                    "block",
                    tr(Msg::CanvasBlockLabel),
                    Input::Select(choices(&CanvasBlock::ALL, canvas_block_name, tr)),
                ),
            ]
        }),
        add: Some((
            Msg::AddCanvasEntry,
            Arc::new(move |_| {
                (
                    ItemKey::Canvas {
                        id: CanvasEntryId::random(),
                    },
                    form(&[("block", code.clone())]),
                )
            }),
        )),
    }
}

fn model_year_choices(v: &DesignView) -> Vec<(String, String)> {
    let term = v.business.term().unwrap_or(LONGEST_TERM);
    let first = v.business.assumptions.as_ref().map(|a| a.first_year);
    (0..term)
        .map(|year| {
            let label = match first {
                Some(first) => format!("{year} ({})", u32::from(first) + u32::from(year)),
                None => year.to_string(),
            };
            (year.to_string(), label)
        })
        .collect()
}

fn revenues() -> Kind {
    Kind {
        keys: Arc::new(|v| {
            v.business
                .revenues
                .iter()
                .map(|r| ItemKey::Revenue { id: r.id })
                .collect()
        }),
        drafts: Arc::new(|d| matches!(d.key, ItemKey::Revenue { .. })),
        heading: Arc::new(|v, _, values| {
            let tr = use_locale();
            let kind = labels(value(values, "kind"), revenue_kind_name, tr);
            format!(
                "{} · {kind} · {} {} × {}",
                value(values, "name"),
                v.currency.code(),
                value(values, "price"),
                value(values, "volume")
            )
        }),
        fields: Arc::new(|v, tr| {
            vec![
                FieldSpec::new("name", tr(Msg::RevenueName), Input::Text),
                FieldSpec::new(
                    "kind",
                    tr(Msg::RevenueKindLabel),
                    Input::Select(choices(&RevenueKind::ALL, revenue_kind_name, tr)),
                ),
                FieldSpec::new(
                    "basis",
                    tr(Msg::FeeBasisLabel),
                    Input::Select(choices(&FeeBasis::ALL, fee_basis_name, tr)),
                ),
                FieldSpec::new(
                    "price",
                    &format!("{} ({})", tr(Msg::PricePerUnit), v.currency.code()),
                    Input::Number,
                ),
                FieldSpec::new("volume", tr(Msg::VolumeFirstYear), Input::Number),
                FieldSpec::new("price_growth_percent", tr(Msg::PriceGrowth), Input::Number),
                FieldSpec::new("volume_growth_percent", tr(Msg::VolumeGrowth), Input::Number),
                FieldSpec::new(
                    "first_year",
                    tr(Msg::FromModelYear),
                    Input::Select(model_year_choices(v)),
                )
                .help(tr(Msg::ModelYearHelp)),
            ]
        }),
        add: Some((
            Msg::AddRevenue,
            Arc::new(|_| {
                (
                    ItemKey::Revenue {
                        id: RevenueId::random(),
                    },
                    form(&[
                        ("kind", code_of(RevenueKind::PerDeclarationFee)),
                        ("first_year", "1".into()),
                        ("price_growth_percent", "0".into()),
                        ("volume_growth_percent", "0".into()),
                    ]),
                )
            }),
        )),
    }
}

fn component_choices(v: &DesignView, tr: Tr) -> Vec<(String, String)> {
    std::iter::once((String::new(), tr(Msg::NoneYet).to_string()))
        .chain(
            v.design
                .components
                .iter()
                .map(|c| (c.id.to_string(), format!("{} {}", c.code, c.title))),
        )
        .collect()
}

fn capex() -> Kind {
    Kind {
        keys: Arc::new(|v| {
            v.business
                .capex
                .iter()
                .map(|c| ItemKey::Capex { id: c.id })
                .collect()
        }),
        drafts: Arc::new(|d| matches!(d.key, ItemKey::Capex { .. })),
        heading: Arc::new(|v, _, values| {
            format!(
                "{} · {} {} · {} {}",
                value(values, "name"),
                use_locale()(Msg::ModelYear),
                value(values, "year"),
                v.currency.code(),
                value(values, "amount")
            )
        }),
        fields: Arc::new(|v, tr| {
            vec![
                FieldSpec::new("name", tr(Msg::CapexName), Input::Text),
                FieldSpec::new(
                    "component",
                    tr(Msg::ComponentField),
                    Input::Select(component_choices(v, tr)),
                ),
                FieldSpec::new("year", tr(Msg::ModelYear), Input::Select(model_year_choices(v))),
                FieldSpec::new(
                    "amount",
                    &format!("{} ({})", tr(Msg::Amount), v.currency.code()),
                    Input::Number,
                ),
            ]
        }),
        add: Some((
            Msg::AddCapex,
            Arc::new(|_| {
                (
                    ItemKey::Capex {
                        id: CapexId::random(),
                    },
                    form(&[("year", "0".into())]),
                )
            }),
        )),
    }
}

fn opex() -> Kind {
    Kind {
        keys: Arc::new(|v| {
            v.business
                .opex
                .iter()
                .map(|o| ItemKey::Opex { id: o.id })
                .collect()
        }),
        drafts: Arc::new(|d| matches!(d.key, ItemKey::Opex { .. })),
        heading: Arc::new(|v, _, values| {
            format!(
                "{} · {} {}",
                value(values, "name"),
                v.currency.code(),
                value(values, "amount")
            )
        }),
        fields: Arc::new(|v, tr| {
            vec![
                FieldSpec::new("name", tr(Msg::OpexName), Input::Text),
                FieldSpec::new(
                    "amount",
                    &format!("{} ({})", tr(Msg::OpexAmount), v.currency.code()),
                    Input::Number,
                ),
                FieldSpec::new("growth_percent", tr(Msg::GrowthPercent), Input::Number),
                FieldSpec::new(
                    "first_year",
                    tr(Msg::FromModelYear),
                    Input::Select(model_year_choices(v)),
                ),
            ]
        }),
        add: Some((
            Msg::AddOpex,
            Arc::new(|_| {
                (
                    ItemKey::Opex { id: OpexId::random() },
                    form(&[("first_year", "1".into()), ("growth_percent", "0".into())]),
                )
            }),
        )),
    }
}

fn assumptions() -> Kind {
    Kind {
        keys: only(ItemKey::Assumptions),
        drafts: Arc::new(|_| false),
        heading: Arc::new(|_, _, values| {
            let tr = use_locale();
            match value(values, "discount_rate_percent") {
                "" => tr(Msg::SetAssumptions).to_string(),
                rate => format!("{} · {} {rate} %", tr(Msg::Assumptions3), tr(Msg::DiscountRate)),
            }
        }),
        fields: Arc::new(|v, tr| {
            let money = |msg| format!("{} ({})", tr(msg), v.currency.code());
            vec![
                FieldSpec::new("first_year", tr(Msg::FirstInvestmentYear), Input::Number),
                FieldSpec::new("discount_rate_percent", tr(Msg::DiscountRate), Input::Number),
                FieldSpec::new("contingency_percent", tr(Msg::ContingencyPercent), Input::Number),
                FieldSpec::new("refresh_every_years", tr(Msg::RefreshEvery), Input::Number),
                FieldSpec::new("refresh_percent", tr(Msg::RefreshPercent), Input::Number),
                FieldSpec::new("hours_saved_per_declaration", tr(Msg::HoursSaved), Input::Number)
                    .help(tr(Msg::EconomicNpvHelp)),
                FieldSpec::new("value_of_time", &money(Msg::ValueOfTime), Input::Number),
                FieldSpec::new(
                    "economic_discount_rate_percent",
                    tr(Msg::EconomicDiscountRate),
                    Input::Number,
                ),
            ]
        }),
        add: None,
    }
}
