//! Form building blocks: a labelled field whose problem, if any, is shown
//! right under it and announced to screen readers.

use super::Tr;
use crate::domain::error::AppError;
use crate::i18n::{form_problem, problem, Msg};
use leptos::prelude::*;

/// The problem with one field, from a failed submission, as a sentence.
pub fn field_problem(tr: Tr, error: &Option<AppError>, field: &str) -> Option<&'static str> {
    match error {
        Some(AppError::Invalid(fields)) => fields.get(field).map(|code| tr(problem(*code))),
        Some(AppError::TooManyAttempts { .. }) if field == "password" => {
            Some(tr(Msg::ProblemTooManyAttempts))
        }
        Some(AppError::TooManyAttempts { .. }) if field == "code" => Some(tr(Msg::ProblemTooManyCodes)),
        _ => None,
    }
}

/// A text input with its label, optional help, and its problem.
#[component]
pub fn Field(
    /// The form field's name, and the key of its problem.
    name: &'static str,
    /// The element id, when two forms on one page share a field name.
    #[prop(optional, into)]
    id: Option<String>,
    label: &'static str,
    #[prop(optional)] help: Option<&'static str>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional, into)] value: Option<String>,
    /// The problem to show, recomputed when the submission's result changes.
    problem: Signal<Option<&'static str>>,
) -> impl IntoView {
    let id = id.unwrap_or_else(|| name.to_string());
    let help_id = format!("{id}-help");
    let problem_id = format!("{id}-problem");
    let described_by = if help.is_some() {
        format!("{help_id} {problem_id}")
    } else {
        problem_id.clone()
    };
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {help.map(|text| view! { <p id=help_id class="help">{text}</p> })}
            <input
                id=id
                name=name
                type=kind
                autocomplete=autocomplete
                value=value
                aria-invalid=move || problem.get().is_some().to_string()
                aria-describedby=described_by
            />
            <p id=problem_id class="problem" role="alert">{move || problem.get()}</p>
        </div>
    }
}

/// The form-wide problem of a failed submission (not signed in, not
/// allowed, server trouble), if any.
#[component]
pub fn FormProblem(tr: Tr, error: Signal<Option<AppError>>) -> impl IntoView {
    let node = NodeRef::<leptos::html::P>::new();
    // Once this form is hydrated its submit is the app's, not the
    // browser's: say so, for a test that submits it at once.
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        if let Some(element) = node.get() {
            let _ = element.set_attribute("data-ready", "true");
        }
    });
    view! {
        <p class="problem form-problem" role="alert" node_ref=node>
            {move || error.get().as_ref().and_then(form_problem).map(tr)}
        </p>
    }
}

/// A select with its label and its problem. `options` are (value, label).
#[component]
pub fn SelectField(
    name: &'static str,
    #[prop(into)] id: String,
    label: &'static str,
    options: Vec<(String, String)>,
    #[prop(optional, into)] selected: String,
    problem: Signal<Option<&'static str>>,
) -> impl IntoView {
    let problem_id = format!("{id}-problem");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select
                id=id
                name=name
                aria-invalid=move || problem.get().is_some().to_string()
                aria-describedby=problem_id.clone()
            >
                {options.into_iter().map(|(value, text)| {
                    let chosen = value == selected;
                    view! { <option value=value selected=chosen>{text}</option> }
                }).collect_view()}
            </select>
            <p id=problem_id class="problem" role="alert">{move || problem.get()}</p>
        </div>
    }
}

/// A multi-line text input with its label and its problem.
#[component]
pub fn TextArea(
    name: &'static str,
    #[prop(into)] id: String,
    label: &'static str,
    #[prop(optional, into)] value: String,
    problem: Signal<Option<&'static str>>,
) -> impl IntoView {
    let problem_id = format!("{id}-problem");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <textarea
                id=id
                name=name
                rows="2"
                aria-invalid=move || problem.get().is_some().to_string()
                aria-describedby=problem_id.clone()
            >{value}</textarea>
            <p id=problem_id class="problem" role="alert">{move || problem.get()}</p>
        </div>
    }
}

/// The hidden inputs of a one-button form: (name, value).
#[component]
pub fn HiddenFields(fields: Vec<(&'static str, String)>) -> impl IntoView {
    fields
        .into_iter()
        .map(|(name, value)| view! { <input type="hidden" name=name value=value/> })
        .collect_view()
}
