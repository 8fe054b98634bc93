//! Stage 4 for the people in the room: record a commitment, see the
//! register with each commitment's history, amend or withdraw; and for
//! facilitators the full figures, filters, rates, the target and exports.

use super::forms::{field_problem, Field, FormProblem, SelectField, TextArea};
use super::{use_locale, Failure, Tr};
use crate::api::{load_commitments, CommitmentsView, SaveCommitment, SetExchangeRate, SetFundingTarget};
use crate::domain::commitment_form::{code_of, CommitmentForm};
use crate::domain::error::AppError;
use crate::domain::ids::CommitmentId;
use crate::domain::model::{CommitmentStatus, Instrument, Tier};
use crate::domain::money::{format_amount, Currency};
use crate::domain::register::{awaiting_confirmation, RegisterLine};
use crate::i18n::{commitment_status_name, instrument_name, tier_name, Msg};
use leptos::form::ActionForm;
use leptos::html::Form;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use std::collections::BTreeSet;

pub fn amount_in(currency: Currency, value: rust_decimal::Decimal) -> String {
    format!("{currency} {}", format_amount(value, currency))
}

#[component]
pub fn CommitmentsPage() -> impl IntoView {
    let tr = use_locale();
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let version = super::live::use_live_version(slug);
    let view_data = Resource::new(slug, load_commitments);
    super::live::follow(version, view_data, |v| v.version);
    let record = ServerAction::<SaveCommitment>::new();
    // The form to record with is drawn once and not redrawn when others
    // commit, so what a delegate is typing is never swept away; the
    // figures and the register around it follow the live stream.
    let form_source = Resource::new(slug, load_commitments);
    // Set from the live figures: the form goes the moment the stage is locked.
    let read_only = RwSignal::new(false);
    let tier_filter = RwSignal::new(String::new());
    let open = RwSignal::new(BTreeSet::new());
    // The newest register; the register is drawn once and takes it line by
    // line, so an amendment being typed survives others' commits.
    let newest = RwSignal::new(None::<CommitmentsView>);
    view! {
        <Title text=tr(Msg::StageCommitments)/>
        // Each resource is read in one boundary only: leptos' SSR can stall
        // a response when one resource is read under two.
        <Transition fallback=move || view! { <p>{tr(Msg::Loading)}</p> }>
            {move || Suspend::new(async move {
                match view_data.await {
                    Err(error) => view! { <Failure error/> }.into_any(),
                    Ok(data) => {
                        let newest_data = data.clone();
                        Effect::new(move |_| newest.set(Some(newest_data.clone())));
                        view! { <Summary slug=slug() data read_only/> }.into_any()
                    }
                }
            })}
        </Transition>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                form_source.await.ok().map(|first| {
                    let form = (!first.locked || first.facilitator).then(|| {
                        let data = first.clone();
                        view! {
                            <Show when=move || !read_only.get()>
                                <CommitmentEditor slug=slug() data=data.clone() existing=None record=Some(record)/>
                            </Show>
                        }
                    });
                    let data = Signal::derive(move || newest.get().unwrap_or_else(|| first.clone()));
                    view! { {form}<Register slug=slug() data tier_filter open/> }
                })
            })}
        </Suspense>
    }
}

#[component]
fn Summary(slug: String, data: CommitmentsView, read_only: RwSignal<bool>) -> impl IntoView {
    let tr = use_locale();
    let locked_for_me = data.locked && !data.facilitator;
    Effect::new(move |_| read_only.set(locked_for_me));
    let currency = data.reporting_currency;
    let d = &data.dashboard;
    let facilitator = data.facilitator;
    view! {
        <p class="eyebrow">{tr(Msg::StageLabel)}" 4 · "{tr(Msg::StageCommitments)}</p>
        <h1>{data.title.clone()}</h1>
        <nav class="workshop-nav" aria-label=tr(Msg::StageCommitments)>
            <a href=format!("/w/{slug}")>{tr(Msg::Overview)}</a>
            <a href=format!("/w/{slug}/screen")>{tr(Msg::ScreenLink)}</a>
            {facilitator.then(|| view! {
                <a href=format!("/w/{slug}/export/commitments.csv") rel="external" download="">{tr(Msg::ExportCsv)}</a>
                <a href=format!("/w/{slug}/export/commitments.xlsx") rel="external" download="">{tr(Msg::ExportXlsx)}</a>
            })}
        </nav>
        {data.locked.then(|| view! { <p class="note warning" role="status">{tr(Msg::StageLockedNotice)}</p> })}

        <section aria-labelledby="figures-heading" class="financing">
            <h2 id="figures-heading">{tr(Msg::Financing)}</h2>
            <dl class="figures">
                <div><dt>{tr(Msg::Required)}</dt><dd>{amount_in(currency, d.required)}</dd></div>
                <div><dt>{tr(Msg::Secured)}</dt><dd>{amount_in(currency, d.cash.secured)}</dd></div>
                <div><dt>{tr(Msg::Pledged)}</dt><dd>{amount_in(currency, d.cash.pledged)}</dd></div>
                <div><dt>{tr(Msg::Gap)}</dt><dd>{amount_in(currency, d.gap)}</dd></div>
                <div><dt>{tr(Msg::Guarantees)}</dt><dd>{amount_in(currency, d.guarantees.total())}</dd></div>
                <div><dt>{tr(Msg::InKind)}</dt><dd>{amount_in(currency, d.in_kind.total())}</dd></div>
            </dl>
            <p class="note">{tr(Msg::CashOnly)}</p>
            {d.overflow.then(|| view! { <p class="note warning" role="status">{tr(Msg::FiguresOutOfRange)}</p> })}
            {(d.out_of_range > 0).then(|| view! { <p class="note warning">{d.out_of_range}" "{tr(Msg::OutOfRange)}</p> })}
            <RatesUsed tr rates=d.rates_used.clone()/>
        </section>
    }
}

#[component]
fn Register(
    slug: String,
    /// The newest register: it is drawn once and follows it.
    data: Signal<CommitmentsView>,
    /// Page-wide, so the choice survives the register being redrawn.
    tier_filter: RwSignal<String>,
    /// The lines whose history is open; page-wide for the same reason.
    open: RwSignal<BTreeSet<CommitmentId>>,
) -> impl IntoView {
    let tr = use_locale();
    let first = data.get_untracked();
    let currency = first.reporting_currency;
    let facilitator = first.facilitator;
    let awaiting = move || -> Vec<RegisterLine> {
        data.with(|d| awaiting_confirmation(&d.lines).into_iter().cloned().collect())
    };
    let filtered = move || {
        let wanted = tier_filter.get();
        data.with(|d| {
            d.lines
                .iter()
                .filter(|l| wanted.is_empty() || code_of(l.commitment.status.tier()) == wanted)
                .map(|l| (l.clone(), d.locked))
                .collect::<Vec<_>>()
        })
    };
    let rates = Memo::new(move |_| data.with(|d| d.rates.clone()));
    let (list_slug, rates_slug) = (slug.clone(), slug.clone());
    view! {
        {move || {
            let awaiting = awaiting();
            (facilitator && !awaiting.is_empty()).then(|| view! {
                <section aria-labelledby="awaiting-heading">
                    <h2 id="awaiting-heading">{tr(Msg::AwaitingConfirmation)}</h2>
                    <ul class="awaiting">
                        {awaiting.iter().map(|line| view! {
                            <li>
                                <strong>{line.organisation.clone()}</strong>" · "
                                {line.commitment.money.display()}" · "
                                {tr(commitment_status_name(line.commitment.status))}
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            })
        }}

        <section aria-labelledby="register-heading">
            <h2 id="register-heading">{tr(Msg::Register)}</h2>
            <div class="field inline">
                <label for="tier-filter">{tr(Msg::Show)}</label>
                <select id="tier-filter" prop:value=move || tier_filter.get() on:change=move |ev| tier_filter.set(event_target_value(&ev))>
                    <option value="">{tr(Msg::All)}</option>
                    {[Tier::Pledged, Tier::Secured, Tier::Withdrawn].into_iter().map(|t| view! {
                        <option value=code_of(t)>{tr(tier_name(t))}</option>
                    }).collect_view()}
                </select>
            </div>
            {move || filtered().is_empty().then(|| view! { <p>{tr(Msg::NoCommitments)}</p> })}
            <ul class="register">
                // A line is drawn again only when it changes (a new version
                // in its history) or the stage is locked or reopened.
                <For
                    each=filtered
                    key=|(line, locked)| (line.commitment.id, line.history.len(), *locked)
                    let:entry
                >
                    <RegisterLine slug=list_slug.clone() line=entry.0 data=data.get_untracked() locked=entry.1 open/>
                </For>
            </ul>
        </section>

        {move || facilitator.then(|| view! { <RatesAndTarget slug=rates_slug.clone() currency rates=rates.get()/> })}
    }
}

#[component]
fn RatesUsed(tr: Tr, rates: Vec<crate::domain::model::ExchangeRate>) -> impl IntoView {
    (!rates.is_empty()).then(|| {
        let text = rates
            .iter()
            .map(|r| format!("{} {} ({}, {})", r.currency, r.per_unit, r.as_of, r.source))
            .collect::<Vec<_>>()
            .join(" · ");
        view! { <p class="note rates-used">{tr(Msg::RatesUsed)}" "{text}</p> }
    })
}

#[component]
fn RegisterLine(
    slug: String,
    line: RegisterLine,
    data: CommitmentsView,
    locked: bool,
    open: RwSignal<BTreeSet<CommitmentId>>,
) -> impl IntoView {
    let tr = use_locale();
    let c = line.commitment.clone();
    let id = c.id;
    let currency = data.reporting_currency;
    let may_edit = data.facilitator || !locked;
    view! {
        <li class="register-line" data-status=code_of(c.status)>
            <div class="register-summary">
                <strong>{line.organisation.clone()}</strong>
                <span class="amount">{c.money.display()}</span>
                {line.converted.filter(|_| c.money.currency != currency).map(|v| view! {
                    <span class="converted">"≈ "{amount_in(currency, v)}</span>
                })}
                {line.out_of_range.then(|| view! { <span class="converted warning">{tr(Msg::OutOfRangeFigure)}</span> })}
                <span class="status">{tr(commitment_status_name(c.status))}</span>
                <span class="instrument">{tr(instrument_name(c.instrument))}</span>
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
                            " · "{h.by.clone()}" · "{h.money.display()}" · "{tr(commitment_status_name(h.status))}
                        </li>
                    }).collect_view()}
                </ol>
                {may_edit.then(|| view! {
                    <CommitmentEditor slug data existing=Some(line.commitment.id) record=None/>
                })}
            </details>
        </li>
    }
}

/// The fields of a commitment, for recording a new one (`existing` is
/// `None`) or amending one.
#[component]
fn CommitmentEditor(
    slug: String,
    data: CommitmentsView,
    existing: Option<CommitmentId>,
    record: Option<ServerAction<SaveCommitment>>,
) -> impl IntoView {
    let tr = use_locale();
    let current = existing.and_then(|id| data.lines.iter().find(|l| l.commitment.id == id));
    let values = current
        .map(|l| CommitmentForm::of(&l.commitment))
        .unwrap_or_else(|| CommitmentForm {
            currency: data.reporting_currency.code().to_string(),
            instrument: code_of(Instrument::Grant),
            status: code_of(CommitmentStatus::IndicativePledge),
            earmark: "programme".into(),
            public: true,
            ..CommitmentForm::default()
        });
    let prefix = existing.map_or_else(|| "new".to_string(), |id| format!("c-{id}"));
    let field_id = move |name: &str| format!("{prefix}-{name}");

    let revise = ServerAction::<SaveCommitment>::new();
    let error = Signal::derive(move || match record {
        Some(record) => record.value().get().and_then(|r| r.err()),
        None => revise.value().get().and_then(|r| r.err()),
    });
    let problem = move |field: &'static str| Signal::derive(move || field_problem(tr, &error.get(), field));
    let pending = Signal::derive(move || match record {
        Some(record) => record.pending().get(),
        None => revise.pending().get(),
    });

    // The key of this submission: the new commitment's id, or the change's.
    // It changes only after a success, so a retry after a dropped answer is
    // the same submission and is recorded once.
    let key = RwSignal::new(uuid::Uuid::new_v4().to_string());
    let form_ref = NodeRef::<Form>::new();
    Effect::new(move |_| {
        let succeeded = match record {
            Some(record) => matches!(record.value().get(), Some(Ok(_))),
            None => matches!(revise.value().get(), Some(Ok(_))),
        };
        if succeeded {
            key.set(uuid::Uuid::new_v4().to_string());
            if existing.is_none() {
                if let Some(form) = form_ref.get() {
                    form.reset();
                }
            }
        }
    });

    let organisations: Vec<(String, String)> = data
        .organisations
        .iter()
        .map(|(id, name)| (id.to_string(), name.clone()))
        .collect();
    let organisation_field = if existing.is_some() || organisations.len() == 1 {
        let value = if values.organisation.is_empty() {
            organisations
                .first()
                .map(|(id, _)| id.clone())
                .unwrap_or_default()
        } else {
            values.organisation.clone()
        };
        view! { <input type="hidden" name="organisation" value=value/> }.into_any()
    } else {
        let mut options = vec![(String::new(), tr(Msg::ChooseOrganisation).to_string())];
        options.extend(organisations);
        view! {
            <SelectField name="organisation" id=field_id("organisation") label=tr(Msg::Organisation)
                options selected=values.organisation.clone() problem=problem("organisation")/>
        }
        .into_any()
    };
    let instruments = Instrument::ALL
        .iter()
        .map(|i| {
            let label = match i.iati_finance_type() {
                Some(code) => format!("{code} · {}", tr(instrument_name(*i))),
                None => tr(instrument_name(*i)).to_string(),
            };
            (code_of(*i), label)
        })
        .collect();
    let statuses = CommitmentStatus::LADDER
        .iter()
        .map(|s| (code_of(*s), tr(commitment_status_name(*s)).to_string()))
        .collect();
    let mut earmarks = vec![("programme".to_string(), tr(Msg::WholeProgramme).to_string())];
    earmarks.extend(data.earmarks.iter().cloned());

    let fields = view! {
        <FormProblem tr error/>
        <input type="hidden" name="slug" value=slug/>
        {organisation_field}
        <div class="field-row">
            <Field name="amount" id=field_id("amount") label=tr(Msg::Amount) help=tr(Msg::AmountHelp)
                value=values.amount.clone() problem=problem("amount")/>
            <Field name="currency" id=field_id("currency") label=tr(Msg::Currency)
                value=values.currency.clone() problem=problem("currency")/>
        </div>
        <SelectField name="instrument" id=field_id("instrument") label=tr(Msg::Instrument)
            options=instruments selected=values.instrument.clone() problem=problem("instrument")/>
        <SelectField name="status" id=field_id("status") label=tr(Msg::CommitmentStatus)
            options=statuses selected=values.status.clone() problem=problem("status")/>
        <SelectField name="earmark" id=field_id("earmark") label=tr(Msg::Earmark)
            options=earmarks selected=values.earmark.clone() problem=problem("earmark")/>
        <Field name="years" id=field_id("years") label=tr(Msg::Years) help=tr(Msg::YearsHelp)
            value=values.years.clone() problem=problem("years")/>
        <TextArea name="conditions" id=field_id("conditions") label=tr(Msg::Conditions)
            value=values.conditions.clone() problem=problem("conditions")/>
        <TextArea name="note" id=field_id("note") label=tr(Msg::Note)
            value=values.note.clone() problem=problem("note")/>
        <div class="field checkbox">
            <input type="checkbox" id=field_id("public") name="public" checked=values.public/>
            <label for=field_id("public")>{tr(Msg::ShowNamePublicly)}</label>
        </div>
        <button type="submit" disabled=move || pending.get()>
            {move || if pending.get() { tr(Msg::Working) } else if existing.is_some() { tr(Msg::SaveChanges) } else { tr(Msg::RecordCommitment) }}
        </button>
    };
    match (record, existing) {
        (Some(record), _) => view! {
            <section aria-labelledby="record-heading" class="record">
                <h2 id="record-heading">{tr(Msg::RecordCommitment)}</h2>
                <ActionForm action=record node_ref=form_ref attr:class="form" attr:novalidate=true>
                    <input type="hidden" name="id" prop:value=move || key.get()/>
                    {fields}
                </ActionForm>
            </section>
        }
        .into_any(),
        (None, Some(id)) => view! {
            <ActionForm action=revise attr:class="form" attr:novalidate=true>
                <input type="hidden" name="revision" prop:value=move || key.get()/>
                <input type="hidden" name="id" value=id.to_string()/>
                {fields}
            </ActionForm>
        }
        .into_any(),
        (None, None) => ().into_any(),
    }
}

#[component]
fn RatesAndTarget(
    slug: String,
    currency: Currency,
    rates: Vec<crate::domain::model::ExchangeRate>,
) -> impl IntoView {
    let tr = use_locale();
    let rate = ServerAction::<SetExchangeRate>::new();
    let target = ServerAction::<SetFundingTarget>::new();
    let rate_error: Signal<Option<AppError>> =
        Signal::derive(move || rate.value().get().and_then(|r| r.err()));
    let target_error: Signal<Option<AppError>> =
        Signal::derive(move || target.value().get().and_then(|r| r.err()));
    let rate_problem = move |f: &'static str| Signal::derive(move || field_problem(tr, &rate_error.get(), f));
    let target_problem =
        move |f: &'static str| Signal::derive(move || field_problem(tr, &target_error.get(), f));
    let today = chrono::Utc::now().date_naive().to_string();
    let rate_slug = slug.clone();
    view! {
        <section aria-labelledby="rates-heading">
            <h2 id="rates-heading">{tr(Msg::ExchangeRates)}</h2>
            <p class="help">{tr(Msg::ExchangeRatesHelp)}" "{currency.code()}</p>
            <ul class="rates">
                {rates.into_iter().map(|r| view! {
                    <li>"1 "{r.currency.code()}" = "{r.per_unit.to_string()}" "{currency.code()}" · "{r.as_of.to_string()}" · "{r.source}</li>
                }).collect_view()}
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
