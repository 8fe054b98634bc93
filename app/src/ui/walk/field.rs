//! The fields of an item's editor: how each is typed in, labelled, helped
//! and shown with its problem.

use super::super::use_locale;
use super::super::Tr;
use crate::domain::commitment_form::{code_of, from_code};
use crate::domain::design::ItemKey;
use crate::domain::error::FieldErrors;
use crate::i18n::{problem, Msg};
use leptos::prelude::*;

/// How a field of an item is typed in.
#[derive(Clone, Debug, PartialEq)]
pub enum Input {
    Text,
    LongText,
    /// Exact decimals are typed as text, so the browser never rounds them.
    Number,
    Date,
    /// (code, label); the first is chosen when nothing is.
    Select(Vec<(String, String)>),
    /// Several of (code, label), kept as comma-separated codes.
    Checks(Vec<(String, String)>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct FieldSpec {
    pub name: String,
    pub label: String,
    pub input: Input,
    /// What the field asks for, in plain words, under its label.
    pub help: Option<&'static str>,
}

impl FieldSpec {
    pub fn new(name: &str, label: &str, input: Input) -> Self {
        FieldSpec {
            name: name.into(),
            label: label.into(),
            input,
            help: None,
        }
    }

    pub fn help(self, help: &'static str) -> Self {
        FieldSpec {
            help: Some(help),
            ..self
        }
    }
}

/// The labels of a comma-separated list of codes.
pub fn labels<T: serde::de::DeserializeOwned>(codes: &str, name: impl Fn(T) -> Msg, tr: Tr) -> String {
    codes
        .split(',')
        .filter_map(from_code::<T>)
        .map(|x| tr(name(x)))
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn choices<T: serde::Serialize + Copy>(
    all: &[T],
    name: impl Fn(T) -> Msg,
    tr: Tr,
) -> Vec<(String, String)> {
    all.iter()
        .map(|x| (code_of(*x), tr(name(*x)).to_string()))
        .collect()
}

/// An element id from an item's key and a field name.
pub fn dom_id(key: &ItemKey, name: &str) -> String {
    format!("{}-{}", key.code(), name).replace(':', "-")
}

/// A value as a reader sees it: a choice's label rather than its code.
pub fn shown_value(spec: &FieldSpec, value: &str) -> String {
    match &spec.input {
        Input::Select(options) | Input::Checks(options) => value
            .split(',')
            .filter(|c| !c.is_empty())
            .map(|c| {
                options
                    .iter()
                    .find(|(code, _)| code == c)
                    .map_or(c.to_string(), |(_, label)| label.clone())
            })
            .collect::<Vec<_>>()
            .join(", "),
        _ => value.to_string(),
    }
}

#[component]
pub fn ItemField(
    key: ItemKey,
    spec: FieldSpec,
    value_of: Callback<String, String>,
    set_value: Callback<(String, String)>,
    editable: Signal<bool>,
    problems: Signal<FieldErrors>,
) -> impl IntoView {
    let tr = use_locale();
    let id = dom_id(&key, &spec.name);
    let problem_id = format!("{id}-problem");
    let help_id = format!("{id}-help");
    let described_by = match spec.help {
        Some(_) => format!("{help_id} {problem_id}"),
        None => problem_id.clone(),
    };
    let help = spec
        .help
        .map(|text| view! { <p id=help_id class="help">{text}</p> });
    let name = spec.name.clone();
    let problem_text = {
        let name = name.clone();
        move || problems.with(|p| p.get(&name).map(|code| tr(problem(*code))))
    };
    let invalid = {
        let name = name.clone();
        move || problems.with(|p| p.contains_key(&name)).to_string()
    };
    let value = {
        let name = name.clone();
        move || value_of.run(name.clone())
    };
    let on_input = {
        let name = name.clone();
        move |ev: leptos::ev::Event| set_value.run((name.clone(), event_target_value(&ev)))
    };
    let control = match spec.input.clone() {
        Input::Text | Input::Number | Input::Date => {
            let (kind, mode) = match spec.input {
                Input::Number => ("text", Some("decimal")),
                Input::Date => ("date", None),
                _ => ("text", None),
            };
            view! {
                <input id=id.clone() type=kind inputmode=mode prop:value=value on:input=on_input
                    readonly=move || !editable.get() aria-invalid=invalid aria-describedby=described_by.clone()/>
            }
            .into_any()
        }
        Input::LongText => view! {
            <textarea id=id.clone() rows="2" prop:value=value on:input=on_input
                readonly=move || !editable.get() aria-invalid=invalid aria-describedby=described_by.clone()></textarea>
        }
        .into_any(),
        Input::Select(options) => view! {
            <select id=id.clone() on:change=on_input disabled=move || !editable.get()
                aria-invalid=invalid aria-describedby=described_by.clone()>
                {options.into_iter().map(|(code, text)| {
                    let value = value.clone();
                    let chosen = {
                        let code = code.clone();
                        move || value() == code
                    };
                    view! { <option value=code selected=chosen>{text}</option> }
                }).collect_view()}
            </select>
        }
        .into_any(),
        Input::Checks(options) => {
            return view! {
                <fieldset class="field checks" aria-describedby=described_by>
                    <legend>{spec.label.clone()}</legend>
                    {help}
                    {options.into_iter().map(|(code, text)| {
                        let value = value.clone();
                        let name = name.clone();
                        let checked = {
                            let code = code.clone();
                            let value = value.clone();
                            move || value().split(',').any(|c| c == code)
                        };
                        let toggle = move |ev: leptos::ev::Event| {
                            let on = event_target_checked(&ev);
                            let mut codes: Vec<String> = value().split(',').filter(|c| !c.is_empty() && *c != code).map(String::from).collect();
                            if on { codes.push(code.clone()); }
                            set_value.run((name.clone(), codes.join(",")));
                        };
                        view! {
                            <label class="check">
                                <input type="checkbox" prop:checked=checked on:change=toggle disabled=move || !editable.get()/>
                                " "{text}
                            </label>
                        }
                    }).collect_view()}
                    <p id=problem_id class="problem" role="alert">{problem_text}</p>
                </fieldset>
            }
            .into_any();
        }
    };
    view! {
        <div class="field">
            <label for=id>{spec.label.clone()}</label>
            {help}
            {control}
            <p id=problem_id.clone() class="problem" role="alert">{problem_text}</p>
        </div>
    }
    .into_any()
}
