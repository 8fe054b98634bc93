//! One of a stage's shared texts, edited with a draft on this device.

use super::super::forms::ReadyMark;
use super::super::use_locale;
use super::page::Walk;
use crate::api::SaveDesignText;
use crate::domain::commitment_form::code_of;
use crate::domain::editing::{Event, Request, Saved, Step};
use crate::domain::error::AppError;
use crate::domain::forms::DesignTextForm;
use crate::domain::model::DesignField;
use crate::i18n::{design_field_help, design_field_name, form_problem, problem, Msg};
use leptos::prelude::*;

#[component]
pub fn TextEditor(walk: Walk, field: DesignField) -> impl IntoView {
    let tr = use_locale();
    let save = ServerAction::<SaveDesignText>::new();
    let code = code_of(field);
    let id = format!("design-{code}");
    let saved = Memo::new(move |_| {
        walk.current.with(|v| {
            let (values, version) = v
                .fields
                .iter()
                .find(|(f, ..)| *f == field)
                .map(|(_, text, version)| (text.clone(), *version))
                .unwrap_or_default();
            Saved { values, version }
        })
    });
    let step = RwSignal::new(Step::<String>::Idle);
    let draft = Memo::new(move |_| walk.drafts.with(|d| d.text(field)));
    let send = move |event: Event<String>| {
        walk.run_editor(
            step,
            Some(&saved.get_untracked()),
            |d| d.text(field),
            |d, draft| d.set_text(field, draft),
            event,
        )
    };
    let editable = move || walk.current.with(|v| v.may_edit);
    let shown = move || {
        draft
            .with(|d| d.as_ref().map(|d| d.values.clone()))
            .unwrap_or_else(|| saved.get().values)
    };
    let submit = move || {
        if let Some(Request::Save { values, based_on }) = send(Event::Submitted) {
            save.dispatch(SaveDesignText {
                slug: walk.slug.get_value(),
                based_on,
                form: DesignTextForm {
                    field: code_of(field),
                    text: values,
                },
            });
        }
    };
    Effect::new(move |_| {
        let event = match save.value().get() {
            None => return,
            // A text's save answers no version: one typed meanwhile stays a
            // draft on the version it started from.
            Some(Ok(())) => Event::Saved {
                version: draft.with_untracked(|d| d.as_ref().map_or(0, |d| d.based_on)),
            },
            Some(Err(AppError::EditedMeanwhile { theirs, version })) => Event::EditedMeanwhile {
                theirs: Some(theirs),
                version,
            },
            Some(Err(AppError::Invalid(problems))) => Event::Refused(problems),
            Some(Err(error)) => Event::Failed(error),
        };
        send(event);
    });
    let problem_text = move || {
        step.with(|s| match s {
            Step::Refused(fields) => fields.get("text").map(|c| tr(problem(*c))),
            Step::Failed(error) => form_problem(error).map(tr),
            _ => None,
        })
    };
    let conflict = move || {
        step.with(|s| match s {
            Step::Conflict { theirs, .. } => Some(theirs.clone().unwrap_or_default()),
            _ => None,
        })
    };
    let (label_id, help_id, problem_id) = (
        format!("{id}-label"),
        format!("{id}-help"),
        format!("{id}-problem"),
    );
    let described_by = format!("{help_id} {problem_id}");
    let section_label = label_id.clone();
    let rows = if field == DesignField::Title { "1" } else { "3" };
    view! {
        <section class="design-field" aria-labelledby=section_label>
            <form class="form" novalidate on:submit=move |ev| { ev.prevent_default(); submit(); }>
                <ReadyMark/>
                <div class="field">
                    <label id=label_id for=id.clone()>{tr(design_field_name(field))}</label>
                    <p id=help_id class="help">{tr(design_field_help(field))}</p>
                    <textarea
                        id=id.clone()
                        name="text"
                        rows=rows
                        readonly=move || !editable()
                        aria-describedby=described_by
                        prop:value=shown
                        on:input=move |ev| { send(Event::Typed(event_target_value(&ev))); }
                    ></textarea>
                    <p id=problem_id class="problem" role="alert">{problem_text}</p>
                </div>
                {move || draft.with(Option::is_some).then(|| view! {
                    <p class="note draft">{tr(Msg::UnsavedDraft)}</p>
                })}
                {move || conflict().map(|theirs| view! {
                    <div class="conflict" role="alert">
                        <p>{tr(Msg::EditedMeanwhile)}</p>
                        <blockquote class="theirs">{theirs}</blockquote>
                        <button type="button" on:click=move |_| { send(Event::UseTheirs); }>{tr(Msg::UseTheirs)}</button>
                        <button type="button" class="secondary" on:click=move |_| { send(Event::KeepMine); }>{tr(Msg::KeepMine)}</button>
                    </div>
                })}
                {move || editable().then(|| view! { <button type="submit">{tr(Msg::Save)}</button> })}
            </form>
        </section>
    }
    .into_any()
}
