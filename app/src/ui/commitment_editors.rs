//! The two forms of a commitment: recording a new one, and amending one in
//! the register (new values, a step on the ladder, a withdrawal). Both
//! draw the same fields.
//!
//! Each submission has a key: the new commitment's id, or the change's. It
//! changes only after a success, so a retry after a dropped answer is the
//! same submission and is recorded once.

use super::forms::{field_problem, Field, FormProblem, ReadyMark, SelectField, TextArea};
use super::{use_locale, Tr};
use crate::api::{CommitmentChoices, RecordDisbursement as RecordDisbursementAction, SaveCommitment};
use crate::domain::commitment_form::{code_of, from_code, parse_earmark, CommitmentForm};
use crate::domain::error::AppError;
use crate::domain::ids::CommitmentId;
use crate::domain::model::{Commitment, CommitmentStatus, Earmark, Instrument};
use crate::domain::money::Currency;
use crate::i18n::{commitment_status_name, instrument_name, Msg};
use leptos::form::ActionForm;
use leptos::html::Form;
use leptos::prelude::*;

/// A fresh key, made for each submission that is not a retry.
fn new_key() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// The form to record a new commitment with, for one of `choices`'
/// organisations; it empties itself after each success.
#[component]
pub fn NewCommitment(slug: String, choices: CommitmentChoices, currency: Currency) -> impl IntoView {
    let tr = use_locale();
    let record = ServerAction::<SaveCommitment>::new();
    let key = RwSignal::new(new_key());
    let form_ref = NodeRef::<Form>::new();
    Effect::new(move |_| {
        if let Some(Ok(_)) = record.value().get() {
            key.set(new_key());
            if let Some(form) = form_ref.get() {
                form.reset();
            }
        }
    });
    let values = CommitmentForm {
        currency: currency.code().to_string(),
        instrument: code_of(Instrument::Grant),
        status: code_of(CommitmentStatus::IndicativePledge),
        earmark: "programme".into(),
        public: true,
        ..CommitmentForm::default()
    };
    let organisation = match choices.organisations.as_slice() {
        [(only, _)] => OrganisationChoice::Fixed(only.to_string()),
        _ => OrganisationChoice::Choose,
    };
    view! {
        <section aria-labelledby="record-heading" class="record">
            <h2 id="record-heading">{tr(Msg::RecordCommitment)}</h2>
            <ActionForm action=record node_ref=form_ref attr:class="form" attr:novalidate=true>
                <ReadyMark/>
                <input type="hidden" name="id" value=move || key.get()/>
                <CommitmentFields slug prefix="new".into() values choices organisation action=record
                    label=tr(Msg::RecordCommitment) resets=true/>
            </ActionForm>
        </section>
    }
}

/// The form to amend a commitment of the register.
#[component]
pub fn AmendCommitment(slug: String, commitment: Commitment, choices: CommitmentChoices) -> impl IntoView {
    let tr = use_locale();
    let revise = ServerAction::<SaveCommitment>::new();
    let key = RwSignal::new(new_key());
    Effect::new(move |_| {
        if let Some(Ok(_)) = revise.value().get() {
            key.set(new_key());
        }
    });
    let values = CommitmentForm::of(&commitment);
    let id = commitment.id.to_string();
    view! {
        <ActionForm action=revise attr:class="form" attr:novalidate=true>
            <ReadyMark/>
            <input type="hidden" name="revision" value=move || key.get()/>
            <input type="hidden" name="id" value=id.clone()/>
            <CommitmentFields slug prefix=format!("c-{id}") organisation=OrganisationChoice::Fixed(values.organisation.clone())
                values choices action=revise label=tr(Msg::SaveChanges)/>
        </ActionForm>
    }
}

/// The form to record a disbursement against a firm commitment, under a
/// key drawn with the form and changed only after a success.
#[component]
pub fn RecordDisbursement(slug: String, commitment: CommitmentId) -> impl IntoView {
    let tr = use_locale();
    let record = ServerAction::<RecordDisbursementAction>::new();
    let key = RwSignal::new(new_key());
    Effect::new(move |_| {
        if let Some(Ok(_)) = record.value().get() {
            key.set(new_key());
        }
    });
    let error: Signal<Option<AppError>> = Signal::derive(move || record.value().get().and_then(|r| r.err()));
    let problem = move |field: &'static str| Signal::derive(move || field_problem(tr, &error.get(), field));
    let field_id = move |name: &str| format!("d-{commitment}-{name}");
    let today = chrono::Utc::now().date_naive().to_string();
    view! {
        <ActionForm action=record attr:class="form disbursement" attr:novalidate=true>
            <FormProblem tr error/>
            <input type="hidden" name="slug" value=slug/>
            <input type="hidden" name="id" value=move || key.get()/>
            <input type="hidden" name="commitment" value=commitment.to_string()/>
            <div class="field-row">
                <Field name="date" id=field_id("date") label=tr(Msg::DisbursementDate) kind="date" value=today
                    problem=problem("date")/>
                <Field name="amount" id=field_id("amount") label=tr(Msg::DisbursementAmount) help=tr(Msg::DisbursementAmountHelp)
                    problem=problem("amount")/>
            </div>
            <button type="submit" disabled=move || record.pending().get()>{tr(Msg::RecordDisbursement)}</button>
        </ActionForm>
    }
}

/// Whose commitment a form is: one organisation, or a choice among them.
#[derive(Clone)]
enum OrganisationChoice {
    Fixed(String),
    Choose,
}

/// The fields both forms share, each with its problem, and the submit
/// button that says `label` (or that it is working).
#[component]
fn CommitmentFields(
    slug: String,
    /// Makes the element ids unique on a page with many forms.
    prefix: String,
    values: CommitmentForm,
    choices: CommitmentChoices,
    organisation: OrganisationChoice,
    action: ServerAction<SaveCommitment>,
    label: &'static str,
    /// Whether the form empties itself after a success (a new commitment).
    #[prop(optional)]
    resets: bool,
) -> impl IntoView {
    let tr = use_locale();
    let field_id = move |name: &str| format!("{prefix}-{name}");
    let error: Signal<Option<AppError>> = Signal::derive(move || action.value().get().and_then(|r| r.err()));
    let problem = move |field: &'static str| Signal::derive(move || field_problem(tr, &error.get(), field));
    let pending = action.pending();
    let organisation_field = match organisation {
        OrganisationChoice::Fixed(value) => {
            view! { <input type="hidden" name="organisation" value=value/> }.into_any()
        }
        OrganisationChoice::Choose => {
            let mut options = vec![(String::new(), tr(Msg::ChooseOrganisation).to_string())];
            options.extend(
                choices
                    .organisations
                    .iter()
                    .map(|(id, name)| (id.to_string(), name.clone())),
            );
            view! {
                <SelectField name="organisation" id=field_id("organisation") label=tr(Msg::Organisation)
                    options selected=values.organisation.clone() problem=problem("organisation")/>
            }
            .into_any()
        }
    };
    let instrument = RwSignal::new(values.instrument.clone());
    if resets {
        // The form empties itself after a success: so does its instrument.
        let initial = values.instrument.clone();
        Effect::new(move |_| {
            if let Some(Ok(_)) = action.value().get() {
                instrument.set(initial.clone());
            }
        });
    }
    let takes_terms = move || {
        instrument.with(|code| from_code::<Instrument>(code).is_some_and(Instrument::takes_loan_terms))
    };
    let mut earmarks = vec![("programme".to_string(), tr(Msg::WholeProgramme).to_string())];
    earmarks.extend(choices.earmarks.iter().cloned());
    // An older commitment's city, named by its text, stays its choice while
    // it is amended; new commitments pick a city record.
    if let Some(Earmark::NamedCity { city }) = parse_earmark(&values.earmark) {
        earmarks.push((values.earmark.clone(), city));
    }
    view! {
        <FormProblem tr error/>
        <input type="hidden" name="slug" value=slug/>
        {organisation_field}
        <div class="field-row">
            <Field name="amount" id=field_id("amount") label=tr(Msg::Amount) help=tr(Msg::AmountHelp)
                value=values.amount.clone() problem=problem("amount")/>
            <Field name="currency" id=field_id("currency") label=tr(Msg::Currency)
                value=values.currency.clone() problem=problem("currency")/>
        </div>
        <div on:change=move |ev| instrument.set(event_target_value(&ev))>
            <SelectField name="instrument" id=field_id("instrument") label=tr(Msg::Instrument)
                options=instrument_options(tr) selected=values.instrument.clone() problem=problem("instrument")/>
        </div>
        // Switched off (so not posted) unless the instrument is repaid.
        <fieldset class="loan-terms" disabled=move || !takes_terms() hidden=move || !takes_terms()>
            <legend>{tr(Msg::LoanTerms)}</legend>
            <p class="help">{tr(Msg::LoanTermsHelp)}</p>
            <div class="field-row">
                <Field name="interest_rate_percent" id=field_id("interest-rate") label=tr(Msg::InterestRatePercent)
                    value=values.interest_rate_percent.clone() problem=problem("interest_rate_percent")/>
                <Field name="tenor_years" id=field_id("tenor") label=tr(Msg::TenorYears)
                    value=values.tenor_years.clone() problem=problem("tenor_years")/>
                <Field name="grace_years" id=field_id("grace") label=tr(Msg::GraceYears) help=tr(Msg::GraceYearsHelp)
                    value=values.grace_years.clone() problem=problem("grace_years")/>
            </div>
        </fieldset>
        <SelectField name="status" id=field_id("status") label=tr(Msg::CommitmentStatus)
            options=status_options(tr) selected=values.status.clone() problem=problem("status")/>
        <SelectField name="earmark" id=field_id("earmark") label=tr(Msg::Earmark)
            options=earmarks selected=values.earmark.clone() problem=problem("earmark")/>
        <Field name="years" id=field_id("years") label=tr(Msg::Years) help=tr(Msg::YearsHelp)
            value=values.years.clone() problem=problem("years")/>
        <p class="help" id=field_id("schedule-help")>{tr(Msg::ScheduleHelp)}</p>
        <TextArea name="schedule" id=field_id("schedule") label=tr(Msg::Schedule)
            value=values.schedule.clone() problem=problem("schedule")/>
        <TextArea name="conditions" id=field_id("conditions") label=tr(Msg::Conditions)
            value=values.conditions.clone() problem=problem("conditions")/>
        <TextArea name="note" id=field_id("note") label=tr(Msg::Note)
            value=values.note.clone() problem=problem("note")/>
        <div class="field checkbox">
            <input type="checkbox" id=field_id("public") name="public" checked=values.public/>
            <label for=field_id("public")>{tr(Msg::ShowNamePublicly)}</label>
        </div>
        <button type="submit" disabled=move || pending.get()>
            {move || if pending.get() { tr(Msg::Working) } else { label }}
        </button>
    }
}

/// The instruments, with their IATI finance type where they have one.
fn instrument_options(tr: Tr) -> Vec<(String, String)> {
    Instrument::ALL
        .iter()
        .map(|i| {
            let label = match i.iati_finance_type() {
                Some(code) => format!("{code} · {}", tr(instrument_name(*i))),
                None => tr(instrument_name(*i)).to_string(),
            };
            (code_of(*i), label)
        })
        .collect()
}

fn status_options(tr: Tr) -> Vec<(String, String)> {
    CommitmentStatus::LADDER
        .iter()
        .map(|s| (code_of(*s), tr(commitment_status_name(*s)).to_string()))
        .collect()
}
