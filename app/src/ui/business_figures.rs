//! Stage 3's figures: what the model's inputs give, drawn from the domain's
//! projection (tables, SVG charts, the trade-rule flags).

use super::use_locale;
use super::walk::page::Walk;
use crate::domain::figures::amount_in;
use crate::i18n::Msg;
use leptos::prelude::*;

/// Stage 1's component costs as the model takes them, by calendar year.
#[component]
pub fn CapexFromComponents(walk: Walk) -> impl IntoView {
    let tr = use_locale();
    let rows = move || {
        walk.current.with(|v| {
            let first = v.business.assumptions.as_ref().map(|a| a.first_year);
            v.design
                .components
                .iter()
                .flat_map(|c| c.yearly_cost.iter().map(move |l| (c, l)))
                .map(|(c, line)| {
                    let model_year = first
                        .map(|f| line.year.saturating_sub(f).to_string())
                        .unwrap_or_default();
                    let amount = amount_in(v.currency, line.amount.amount);
                    view! {
                        <tr>
                            <td>{format!("{} {}", c.code, c.title)}</td>
                            <td class="num">{line.year}</td>
                            <td class="num">{model_year}</td>
                            <td class="num">{amount}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <h3>{tr(Msg::CapexFromComponents)}</h3>
        <table class="figures-table">
            <thead><tr>
                <th scope="col">{tr(Msg::ComponentField)}</th>
                <th scope="col">{tr(Msg::YearLabel)}</th>
                <th scope="col">{tr(Msg::ModelYear)}</th>
                <th scope="col">{tr(Msg::Amount)}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

#[component]
pub fn FeeFlags(walk: Walk) -> impl IntoView {
    let _ = walk;
}

#[component]
pub fn FiguresPanel(walk: Walk) -> impl IntoView {
    let _ = walk;
}
