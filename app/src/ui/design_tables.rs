//! Stage 1's two derived views: the logframe table and the 5×5 risk
//! matrix, drawn from the newest copy of the design.

use super::use_locale;
use super::walk::page::Walk;
use crate::domain::commitment_form::code_of;
use crate::domain::design::{logframe, risk_band, risk_matrix, Rating};
use crate::i18n::{risk_band_name, Msg};
use leptos::prelude::*;

/// The results chain as the familiar four-by-four table.
#[component]
pub fn LogframeTable(walk: Walk) -> impl IntoView {
    let tr = use_locale();
    let rows = move || walk.current.with(|v| logframe(&v.design));
    let lines = |lines: Vec<String>| {
        view! { <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul> }
    };
    view! {
        <div class="table-scroll">
            <table class="logframe">
                <caption>{tr(Msg::Logframe)}</caption>
                <thead>
                    <tr>
                        <td></td>
                        <th scope="col">{tr(Msg::LfNarrative)}</th>
                        <th scope="col">{tr(Msg::LfIndicators)}</th>
                        <th scope="col">{tr(Msg::LfVerification)}</th>
                        <th scope="col">{tr(Msg::LfAssumptions)}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        let names = [Msg::LfGoal, Msg::LfPurpose, Msg::LfOutputs, Msg::LfActivities];
                        rows().into_iter().zip(names).map(|(row, name)| view! {
                            <tr>
                                <th scope="row">{tr(name)}</th>
                                <td>{lines(row.narrative)}</td>
                                <td>{lines(row.indicators)}</td>
                                <td>{lines(row.verification)}</td>
                                <td>{lines(row.assumptions)}</td>
                            </tr>
                        }).collect_view()
                    }}
                </tbody>
            </table>
        </div>
    }
}

/// Risks placed by likelihood (rows, 5 at the top) and impact (columns),
/// as they stand or after mitigation; each cell is banded low, medium or
/// high by the matrix's named cells (`domain::design::risk_band`).
#[component]
pub fn RiskMatrix(walk: Walk, rating: Rating) -> impl IntoView {
    let tr = use_locale();
    let cells = move || walk.current.with(|v| risk_matrix(&v.design.risks, rating));
    let (caption, mark) = match rating {
        Rating::Inherent => (Msg::RiskMatrix, ""),
        // The residual place of R1 reads R1′, so the two tables are never confused.
        Rating::Residual => (Msg::ResidualRiskMatrix, "′"),
    };
    view! {
        <div class="table-scroll">
            <table class="risk-matrix" data-rating=code_of(rating)>
                <caption>{tr(caption)}</caption>
                <thead>
                    <tr>
                        <td></td>
                        {(1..=5u8).map(|impact| view! { <th scope="col">{tr(Msg::ImpactAxis)}" "{impact}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        let cells = cells();
                        (1..=5u8).rev().map(|likelihood| view! {
                            <tr>
                                <th scope="row">{tr(Msg::LikelihoodAxis)}" "{likelihood}</th>
                                {(1..=5u8).map(|impact| {
                                    let band = risk_band(likelihood, impact);
                                    let names = cells[usize::from(likelihood - 1)][usize::from(impact - 1)]
                                        .iter()
                                        .map(|n| format!("R{}{mark}", n + 1))
                                        .collect::<Vec<_>>()
                                        .join(" ");
                                    view! { <td class=format!("band-{}", code_of(band)) title=tr(risk_band_name(band))>{names}</td> }
                                }).collect_view()}
                            </tr>
                        }).collect_view()
                    }}
                </tbody>
            </table>
        </div>
    }
}
