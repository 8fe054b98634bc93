//! The proposal's narrative, written by facilitators on the proposal page:
//! each text saved from the version it was read at (someone else's save
//! meanwhile is refused and shown), with a preview as it is typed.

use super::forms::FormProblem;
use super::use_locale;
use crate::api::SaveDesignText;
use crate::domain::commitment_form::code_of;
use crate::domain::error::AppError;
use crate::domain::model::DesignField;
use crate::i18n::{design_field_help, design_field_name, Msg};
use leptos::form::ActionForm;
use leptos::prelude::*;

#[component]
pub fn NarrativeEditors(slug: String, texts: Vec<(DesignField, String, u64)>) -> impl IntoView {
    let tr = use_locale();
    view! {
        <details class="narrative-editors">
            <summary>{tr(Msg::EditNarrative)}</summary>
            {texts.into_iter().map(|(field, text, version)| view! {
                <NarrativeEditor slug=slug.clone() field text version/>
            }).collect_view()}
        </details>
    }
}

#[component]
fn NarrativeEditor(slug: String, field: DesignField, text: String, version: u64) -> impl IntoView {
    let tr = use_locale();
    let save = ServerAction::<SaveDesignText>::new();
    let typed = RwSignal::new(text.clone());
    let error = Signal::derive(move || save.value().get().and_then(|r| r.err()));
    let theirs = move || match error.get() {
        Some(AppError::EditedMeanwhile { theirs, .. }) => Some(theirs),
        _ => None,
    };
    let code = code_of(field);
    let id = format!("proposal-{code}");
    view! {
        <ActionForm action=save attr:class="form narrative" attr:novalidate=true>
            <FormProblem tr error/>
            <input type="hidden" name="slug" value=slug/>
            <input type="hidden" name="based_on" value=version.to_string()/>
            <input type="hidden" name="field" value=code/>
            <label for=id.clone()>{tr(design_field_name(field))}</label>
            <p class="help">{tr(design_field_help(field))}</p>
            <textarea id=id name="text" rows="5" maxlength="20000"
                on:input=move |ev| typed.set(event_target_value(&ev))>{text}</textarea>
            <p class="preview-label">{tr(Msg::Preview)}</p>
            <p class="typed preview">{move || typed.get()}</p>
            {move || theirs().map(|t| view! {
                <p class="problem">{tr(Msg::EditedMeanwhile)}</p>
                <blockquote class="theirs">{t}</blockquote>
            })}
            <button type="submit">{tr(Msg::Save)}</button>
        </ActionForm>
    }
}
