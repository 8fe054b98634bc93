//! Form building blocks: a labelled field whose problem, if any, is shown
//! right under it and announced to screen readers.

use super::Tr;
use crate::domain::error::AppError;
use crate::i18n::{form_problem, problem, Msg};
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

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
    mark_form_when_hydrated(node);
    view! {
        <p class="problem form-problem" role="alert" node_ref=node>
            {move || error.get().as_ref().and_then(form_problem).map(tr)}
        </p>
    }
}

/// For a form with no `FormProblem`: only its hydration mark.
#[component]
pub fn ReadyMark() -> impl IntoView {
    let node = NodeRef::<leptos::html::Span>::new();
    mark_form_when_hydrated(node);
    view! { <span hidden node_ref=node></span> }
}

/// Marks the form around `node` `data-ready` once it is hydrated. Before
/// that a submit is the browser's own post and a reload, not the app's:
/// a phone on slow Wi-Fi can get there, and a browser test waits for every
/// form's mark (`ready` in end2end/tests/helpers.ts). Set by each form's
/// own effect, so a list redrawn by live updates marks its new forms too.
fn mark_form_when_hydrated<E>(node: NodeRef<E>)
where
    E: leptos::html::ElementType + 'static,
    E::Output: JsCast + Clone + Send + Sync + 'static,
{
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let form = node.get().and_then(|element| {
            element
                .unchecked_into::<web_sys::Element>()
                .closest("form")
                .ok()
                .flatten()
        });
        if let Some(form) = form {
            let _ = form.set_attribute("data-ready", "true");
        }
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = node;
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
