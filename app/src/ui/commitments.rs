//! Stage 4 for the people in the room: record a commitment, see the
//! register with each commitment's history, amend or withdraw; and for
//! facilitators the full figures, filters, rates, the target and exports.
//!
//! The page fetches its view once, then keeps it current from the live
//! stream. The form to record with and the register are drawn once and
//! take the newest view line by line, so what someone is typing is never
//! swept away by others' commits. What the viewer may do comes with the
//! view (`may_record`, each line's `may_edit`).

use super::commitment_editors::{AmendCommitment, NewCommitment, RecordDisbursement};
use super::forms::{field_problem, Field, FormProblem};
use super::screen::costing_note;
use super::{use_locale, Failure, Tr};
use crate::api::{load_commitments, CommitmentsView, LineView, SetExchangeRate, SetFundingTarget};
use crate::domain::commitment_form::code_of;
use crate::domain::figures::{amount_in, rate_set, rates_used};
use crate::domain::ids::CommitmentId;
use crate::domain::model::{ExchangeRate, LoanTerms, Tier};
use crate::domain::money::{Currency, Money};
use crate::domain::schedule::ByYear;
use crate::i18n::{commitment_status_name, instrument_name, tier_name, Msg};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use std::collections::BTreeSet;

#[component]
pub fn CommitmentsPage() -> impl IntoView {
    let tr = use_locale();
    let slug = use_params_map().read_untracked().get("slug").unwrap_or_default();
    let first = Resource::new(
        {
            let slug = slug.clone();
            move || slug.clone()
        },
        load_commitments,
    );
    view! {
        <Title text=tr(Msg::StageCommitments)/>
        <Suspense fallback=move || view! { <p>{tr(Msg::Loading)}</p> }>
            {move || {
                let slug = slug.clone();
                Suspend::new(async move {
                    match first.await {
                        Err(error) => view! { <Failure error/> }.into_any(),
                        Ok(data) => {
                            let current = RwSignal::new(data);
                            super::live::keep_current(slug.clone(), current, load_commitments, |v| v.version);
                            view! { <Commitments slug current/> }.into_any()
                        }
                    }
                })
            }}
        </Suspense>
    }
}

/// The page once its view is here: `current` is the newest view.
#[component]
fn Commitments(slug: String, current: RwSignal<CommitmentsView>) -> impl IntoView {
    // Drawn once with the first view's choices: a new organisation or
    // component appears in the form after a reload, never under one's hands.
    let (choices, currency) = current.with_untracked(|v| (v.choices.clone(), v.reporting_currency));
    let record_slug = slug.clone();
    view! {
        {
            let slug = slug.clone();
            move || view! { <Summary slug=slug.clone() data=current.get()/> }
        }
        <Show when=move || current.with(|v| v.may_record)>
            <NewCommitment slug=record_slug.clone() choices=choices.clone() currency/>
        </Show>
        {move || current.with(|v| view! { <PlanByYear currency plan=v.by_year.clone()/> })}
        {move || current.with(|v| view! { <super::cities::GapByCity currency bars=v.dashboard.by_city.clone()/> })}
        <Register slug current/>
    }
}

/// The financing plan by year against the costs by year, and the cash not
/// yet laid out by year.
#[component]
fn PlanByYear(currency: Currency, plan: ByYear) -> impl IntoView {
    let tr = use_locale();
    view! {
        <section aria-labelledby="by-year-heading" class="by-year">
            <h2 id="by-year-heading">{tr(Msg::ByYear)}</h2>
            <p class="help">{tr(Msg::ByYearHelp)}</p>
            <table>
                <thead><tr>
                    <th scope="col">{tr(Msg::YearColumn)}</th>
                    <th scope="col">{tr(Msg::Required)}</th>
                    <th scope="col">{tr(Msg::Secured)}</th>
                    <th scope="col">{tr(Msg::Pledged)}</th>
                </tr></thead>
                <tbody>
                    {plan.years.iter().map(|y| view! {
                        <tr>
                            <th scope="row">{y.year}</th>
                            <td class="amount">{amount_in(currency, y.required)}</td>
                            <td class="amount">{amount_in(currency, y.secured)}</td>
                            <td class="amount">{amount_in(currency, y.pledged)}</td>
                        </tr>
                    }).collect_view()}
                    <tr class="unscheduled">
                        <th scope="row">{tr(Msg::NotScheduled)}</th>
                        <td></td>
                        <td class="amount">{amount_in(currency, plan.unscheduled_secured)}</td>
                        <td class="amount">{amount_in(currency, plan.unscheduled_pledged)}</td>
                    </tr>
                </tbody>
            </table>
        </section>
    }
}

#[component]
fn Summary(slug: String, data: CommitmentsView) -> impl IntoView {
    let tr = use_locale();
    let currency = data.reporting_currency;
    let d = &data.dashboard;
    let facilitator = data.facilitator;
    view! {
        <p class="eyebrow">{tr(Msg::StageLabel)}" 4 · "{tr(Msg::StageCommitments)}</p>
        <h1>{data.title.clone()}</h1>
        <nav class="workshop-nav" aria-label=tr(Msg::StageCommitments)>
            <ul class="nav-links">
                <li><a href=format!("/w/{slug}")>{tr(Msg::Overview)}</a></li>
                <li><a href=format!("/w/{slug}/screen")>{tr(Msg::ScreenLink)}</a></li>
                {facilitator.then(|| view! {
                    <li><a href=format!("/w/{slug}/export/commitments.csv") rel="external" download="">{tr(Msg::ExportCsv)}</a></li>
                    <li><a href=format!("/w/{slug}/export/commitments.xlsx") rel="external" download="">{tr(Msg::ExportXlsx)}</a></li>
                })}
            </ul>
        </nav>
        {data.locked.then(|| view! { <p class="note warning" role="status">{tr(Msg::StageLockedNotice)}</p> })}

        <section aria-labelledby="figures-heading" class="financing">
            <h2 id="figures-heading">{tr(Msg::Financing)}</h2>
            <dl class="figures">
                <div><dt>{tr(Msg::Required)}</dt><dd><span class="money">{amount_in(currency, d.required)}</span></dd>{costing_note(d, tr).map(|text| view! { <dd class="costing">{text}</dd> })}</div>
                <div><dt>{tr(Msg::Secured)}</dt><dd><span class="money">{amount_in(currency, d.cash.secured)}</span></dd></div>
                <div><dt>{tr(Msg::Disbursed)}</dt><dd><span class="money">{amount_in(currency, d.disbursed)}</span></dd></div>
                <div><dt>{tr(Msg::Undisbursed)}</dt><dd><span class="money">{amount_in(currency, d.undisbursed)}</span></dd></div>
                <div><dt>{tr(Msg::Pledged)}</dt><dd><span class="money">{amount_in(currency, d.cash.pledged)}</span></dd></div>
                <div><dt>{tr(Msg::Gap)}</dt><dd><span class="money">{amount_in(currency, d.gap)}</span></dd></div>
                <div><dt>{tr(Msg::Guarantees)}</dt><dd><span class="money">{amount_in(currency, d.guarantees.secured)}</span>" "{tr(Msg::SecuredShort)}", "<span class="money">{amount_in(currency, d.guarantees.pledged)}</span>" "{tr(Msg::PledgedShort)}</dd></div>
                <div><dt>{tr(Msg::InKind)}</dt><dd><span class="money">{amount_in(currency, d.in_kind.secured)}</span>" "{tr(Msg::SecuredShort)}", "<span class="money">{amount_in(currency, d.in_kind.pledged)}</span>" "{tr(Msg::PledgedShort)}</dd></div>
                <div><dt>{tr(Msg::Pipeline)}</dt><dd>{d.pipeline.count}" "{tr(Msg::PipelineLine)}" "<span class="money">{amount_in(currency, d.pipeline.indicative)}</span></dd></div>
            </dl>
            <p class="note">{tr(Msg::CashOnly)}" "{tr(Msg::PipelineNote)}" "{tr(Msg::DisbursedNote)}</p>
            {d.overflow.then(|| view! { <p class="note warning" role="status">{tr(Msg::FiguresOutOfRange)}</p> })}
            {(d.out_of_range > 0).then(|| view! { <p class="note warning">{d.out_of_range}" "{tr(Msg::OutOfRange)}</p> })}
            {rates_used(&d.rates_used, currency).map(|text| view! {
                <p class="note rates-used">{tr(Msg::RatesUsed)}" "{text}</p>
            })}
            <p class="note">{tr(Msg::RoundedLines)}</p>
        </section>
    }
}

/// The register, drawn once: each line is drawn again only when it
/// changes (a new version in its history, or what the viewer may do).
#[component]
fn Register(slug: String, current: RwSignal<CommitmentsView>) -> impl IntoView {
    let tr = use_locale();
    let (currency, facilitator, choices) =
        current.with_untracked(|v| (v.reporting_currency, v.facilitator, v.choices.clone()));
    // Page-wide, so the choices survive a line being redrawn.
    let tier_filter = RwSignal::new(String::new());
    let open = RwSignal::new(BTreeSet::<CommitmentId>::new());
    let filtered = move || {
        let wanted = tier_filter.get();
        current.with(|d| {
            d.lines
                .iter()
                .filter(|l| wanted.is_empty() || code_of(l.line.commitment.status.tier()) == wanted)
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let rates = Memo::new(move |_| current.with(|d| d.rates.clone()));
    let rates_slug = slug.clone();
    view! {
        {move || current.with(|d| {
            (!d.awaiting.is_empty()).then(|| view! {
                <section aria-labelledby="awaiting-heading">
                    <h2 id="awaiting-heading">{tr(Msg::AwaitingConfirmation)}</h2>
                    <ul class="awaiting">
                        {d.awaiting.iter().map(|line| view! {
                            <li>
                                <strong>{line.organisation.clone()}</strong>" · "
                                <span class="money">{line.commitment.money.display()}</span>" · "
                                {tr(commitment_status_name(line.commitment.status))}
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            })
        })}

        <section aria-labelledby="register-heading">
            <h2 id="register-heading">{tr(Msg::Register)}</h2>
            <div class="field inline">
                <label for="tier-filter">{tr(Msg::Show)}</label>
                <select id="tier-filter" prop:value=move || tier_filter.get() on:change=move |ev| tier_filter.set(event_target_value(&ev))>
                    <option value="">{tr(Msg::All)}</option>
                    {[Tier::Interest, Tier::Pledged, Tier::Secured, Tier::Withdrawn].into_iter().map(|t| view! {
                        <option value=code_of(t)>{tr(tier_name(t))}</option>
                    }).collect_view()}
                </select>
            </div>
            {move || filtered().is_empty().then(|| view! { <p>{tr(Msg::NoCommitments)}</p> })}
            <ul class="register">
                <For
                    each=filtered
                    key=|l| (l.line.commitment.id, l.line.history.len(), l.line.disbursements.len(), l.may_edit, l.may_disburse)
                    let:entry
                >
                    <RegisterLine slug=slug.clone() entry currency choices=choices.clone() open/>
                </For>
            </ul>
        </section>

        {move || facilitator.then(|| view! { <RatesAndTarget slug=rates_slug.clone() currency rates=rates.get()/> })}
    }
}

#[component]
fn RegisterLine(
    slug: String,
    entry: LineView,
    currency: Currency,
    choices: crate::api::CommitmentChoices,
    open: RwSignal<BTreeSet<CommitmentId>>,
) -> impl IntoView {
    let tr = use_locale();
    let LineView {
        line,
        may_edit,
        may_disburse,
    } = entry;
    let c = line.commitment.clone();
    let id = c.id;
    view! {
        <li class="register-line" data-status=code_of(c.status)>
            <div class="register-summary">
                <strong>{line.organisation.clone()}</strong>
                <span class="amount">{c.money.display()}</span>
                {line.converted.filter(|_| c.money.currency != currency).map(|v| view! {
                    <span class="converted">"≈ "{amount_in(currency, v)}</span>
                })}
                {line.out_of_range.then(|| view! { <span class="converted warning">{tr(Msg::OutOfRangeFigure)}</span> })}
                {(!line.paid.disbursed.is_zero()).then(|| view! {
                    <span class="paid">{Money { amount: line.paid.disbursed, currency: c.money.currency }.display()}" "{tr(Msg::PaidOf)}" "{c.money.display()}</span>
                })}
                <span class="status">{tr(commitment_status_name(c.status))}</span>
                <span class="instrument">{tr(instrument_name(c.instrument))}</span>
                {c.loan_terms.map(|terms| view! { <span class="loan-terms">{loan_terms_text(tr, &terms)}</span> })}
                <span class="earmark">{if line.earmark.is_empty() { tr(Msg::WholeProgramme).to_string() } else { line.earmark.clone() }}</span>
            </div>
            <details prop:open=move || open.with(|o| o.contains(&id))>
                <summary on:click=move |ev| {
                    // The page keeps which lines are open, so a line stays
                    // open when the register is redrawn by someone's commit.
                    ev.prevent_default();
                    open.update(|o| if !o.remove(&id) { o.insert(id); });
                }>{tr(Msg::HistoryAndChanges)}</summary>
                <ol class="history">
                    {line.history.iter().map(|h| view! {
                        <li>
                            <time datetime=h.at.to_rfc3339()>{h.at.format("%Y-%m-%d %H:%M UTC").to_string()}</time>
                            " · "{h.by.clone()}" · "<span class="money">{h.money.display()}</span>
                            {h.converted.filter(|_| h.money.currency != currency).map(|v| view! { " (≈ "<span class="money">{amount_in(currency, v)}</span>")" })}
                            " · "{tr(commitment_status_name(h.status))}
                        </li>
                    }).collect_view()}
                </ol>
                {(!line.disbursements.is_empty()).then(|| view! {
                    <h3>{tr(Msg::Disbursements)}</h3>
                    <ol class="disbursements">
                        {line.disbursements.iter().map(|d| view! {
                            <li><time datetime=d.date.to_string()>{d.date.to_string()}</time>" · "<span class="money">{d.amount.display()}</span>" · "{d.by.clone()}</li>
                        }).collect_view()}
                    </ol>
                })}
                {may_disburse.then(|| view! { <RecordDisbursement slug=slug.clone() commitment=id/> })}
                {may_edit.then(|| view! { <AmendCommitment slug commitment=c.clone() choices/> })}
            </details>
        </li>
    }
}

/// The facilitator's re-rating: a currency's current rate applied again.
#[component]
fn ReRate(slug: String) -> impl IntoView {
    let tr = use_locale();
    let action = ServerAction::<crate::api::ReRate>::new();
    let error = Signal::derive(move || action.value().get().and_then(|r| r.err()));
    let problem = move |f: &'static str| Signal::derive(move || field_problem(tr, &error.get(), f));
    view! {
        <section aria-labelledby="re-rate-heading">
            <h2 id="re-rate-heading">{tr(Msg::ReRate)}</h2>
            <p class="help">{tr(Msg::ReRateHelp)}</p>
            <ActionForm action attr:class="form" attr:novalidate=true>
                <FormProblem tr error/>
                <input type="hidden" name="slug" value=slug/>
                <div class="field-row">
                    <Field name="currency" id="re-rate-currency" label=tr(Msg::Currency) problem=problem("currency")/>
                    <Field name="rate_as_of" id="re-rate-as-of" label=tr(Msg::RateOfDay) kind="date" problem=problem("rate_as_of")/>
                    <Field name="since" id="re-rate-since" label=tr(Msg::ReRateSince) help=tr(Msg::ReRateWithoutRate) kind="date" problem=problem("since")/>
                </div>
                <button type="submit">{tr(Msg::ReRate)}</button>
            </ActionForm>
        </section>
    }
}

/// A loan's terms in one line: "2.5 % · 20 years · 5 years' grace".
fn loan_terms_text(tr: Tr, terms: &LoanTerms) -> String {
    format!(
        "{} % · {} {} · {} {}",
        terms.interest_rate_percent.normalize(),
        terms.tenor_years,
        tr(Msg::LoanTermsYears),
        terms.grace_years,
        tr(Msg::LoanTermsGrace)
    )
}

#[component]
fn RatesAndTarget(slug: String, currency: Currency, rates: Vec<ExchangeRate>) -> impl IntoView {
    let tr = use_locale();
    let rate = ServerAction::<SetExchangeRate>::new();
    let target = ServerAction::<SetFundingTarget>::new();
    let rate_error = Signal::derive(move || rate.value().get().and_then(|r| r.err()));
    let target_error = Signal::derive(move || target.value().get().and_then(|r| r.err()));
    let rate_problem = move |f: &'static str| Signal::derive(move || field_problem(tr, &rate_error.get(), f));
    let target_problem =
        move |f: &'static str| Signal::derive(move || field_problem(tr, &target_error.get(), f));
    let today = chrono::Utc::now().date_naive().to_string();
    let rate_slug = slug.clone();
    let target_slug = slug.clone();
    view! {
        <section aria-labelledby="rates-heading">
            <h2 id="rates-heading">{tr(Msg::ExchangeRates)}</h2>
            <p class="help">{tr(Msg::ExchangeRatesHelp)}" "{currency.code()}</p>
            <ul class="rates">
                {rates.iter().map(|r| view! { <li>{rate_set(r, currency)}</li> }).collect_view()}
            </ul>
            <ActionForm action=rate attr:class="form" attr:novalidate=true>
                <FormProblem tr error=rate_error/>
                <input type="hidden" name="slug" value=rate_slug/>
                <div class="field-row">
                    <Field name="currency" id="rate-currency" label=tr(Msg::Currency) problem=rate_problem("currency")/>
                    <Field name="per_unit" id="rate-per-unit" label=tr(Msg::PerUnit) problem=rate_problem("per_unit")/>
                    <Field name="as_of" id="rate-as-of" label=tr(Msg::AsOf) kind="date" value=today problem=rate_problem("as_of")/>
                </div>
                <Field name="source" id="rate-source" label=tr(Msg::Source) problem=rate_problem("source")/>
                <button type="submit">{tr(Msg::SetRate)}</button>
            </ActionForm>
        </section>
        <ReRate slug=target_slug.clone()/>
        <section aria-labelledby="target-heading">
            <h2 id="target-heading">{tr(Msg::FundingTarget)}</h2>
            <p class="help">{tr(Msg::FundingTargetHelp)}</p>
            <ActionForm action=target attr:class="form" attr:novalidate=true>
                <FormProblem tr error=target_error/>
                <input type="hidden" name="slug" value=slug/>
                <Field name="amount" id="target-amount" label=tr(Msg::Amount) problem=target_problem("amount")/>
                <button type="submit">{tr(Msg::SetTarget)}</button>
            </ActionForm>
        </section>
    }
}
