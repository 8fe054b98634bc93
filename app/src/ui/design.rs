//! Stage 1's shared texts, edited by several people at once. Drafts live on
//! the device (so a dropped connection or a reload loses nothing); a save
//! made from an outdated copy is refused and shows the other person's text.

use super::{use_locale, Failure};
use crate::api::{load_design, DesignView, SaveDesignText};
use crate::domain::commitment_form::code_of;
use crate::domain::error::AppError;
use crate::domain::model::DesignField;
use crate::i18n::{design_field_help, design_field_name, Msg};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use std::collections::BTreeMap;

/// A draft: what was typed, and the version of the field it started from.
type Drafts = BTreeMap<DesignField, (String, u64)>;

fn storage_key(slug: &str) -> String {
    format!("roundtable:drafts:{slug}")
}

/// The drafts saved on this device for a workshop.
fn stored_drafts(slug: &str) -> Drafts {
    #[cfg(feature = "hydrate")]
    {
        let stored = window()
            .local_storage()
            .ok()
            .flatten()
            .and_then(|s| s.get_item(&storage_key(slug)).ok().flatten());
        if let Some(json) = stored {
            return serde_json::from_str(&json).unwrap_or_default();
        }
    }
    let _ = storage_key(slug);
    Drafts::new()
}

fn store_drafts(slug: &str, drafts: &Drafts) {
    #[cfg(feature = "hydrate")]
    if let Some(storage) = window().local_storage().ok().flatten() {
        let _ = match serde_json::to_string(drafts) {
            Ok(json) if !drafts.is_empty() => storage.set_item(&storage_key(slug), &json),
            _ => storage.remove_item(&storage_key(slug)),
        };
    }
    let _ = (slug, drafts);
}

#[component]
pub fn DesignPage() -> impl IntoView {
    let tr = use_locale();
    let params = use_params_map();
    let slug = params.read_untracked().get("slug").unwrap_or_default();
    let version = {
        let slug = slug.clone();
        super::live::use_live_version(move || slug.clone())
    };
    // Drawn once, so the editors (and what is typed in them) are never
    // redrawn; `latest` brings them others' saves as they happen.
    let initial = Resource::new(
        {
            let slug = slug.clone();
            move || slug.clone()
        },
        load_design,
    );
    let live = Resource::new(
        {
            let slug = slug.clone();
            move || slug.clone()
        },
        load_design,
    );
    super::live::follow(version, live, |d| d.version);
    let latest = RwSignal::new(None::<DesignView>);
    let drafts = RwSignal::new(Drafts::new());
    {
        let slug = slug.clone();
        Effect::new(move |_| drafts.set(stored_drafts(&slug)));
    }
    {
        let slug = slug.clone();
        Effect::new(move |_| drafts.with(|d| store_drafts(&slug, d)));
    }
    view! {
        <Title text=tr(Msg::StageProjectDesign)/>
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                if let Ok(data) = live.await {
                    view! { <Follow data latest/> }.into_any()
                } else {
                    ().into_any()
                }
            })}
        </Transition>
        <Suspense fallback=move || view! { <p>{tr(Msg::Loading)}</p> }>
            {move || {
                let slug = slug.clone();
                Suspend::new(async move {
                    match initial.await {
                        Err(error) => view! { <Failure error/> }.into_any(),
                        Ok(data) => {
                            let fields = data.fields.clone();
                            view! {
                                <p class="eyebrow">{tr(Msg::StageLabel)}" 1 · "{tr(Msg::StageProjectDesign)}</p>
                                <h1>{data.title.clone()}</h1>
                                <p class="help">{tr(Msg::DesignIntro)}</p>
                                {move || {
                                    let locked = latest.get().map_or(data.locked, |d| d.locked);
                                    locked.then(|| view! { <p class="note warning" role="status">{tr(Msg::DesignLockedNotice)}</p> })
                                }}
                                {fields.into_iter().map(|(field, text, version)| view! {
                                    <FieldEditor slug=slug.clone() field initial=(text, version) may_edit=data.may_edit latest drafts/>
                                }).collect_view()}
                            }.into_any()
                        }
                    }
                })
            }}
        </Suspense>
    }
}

/// Copies the latest data into the page's signal when it arrives.
#[component]
fn Follow(data: DesignView, latest: RwSignal<Option<DesignView>>) -> impl IntoView {
    Effect::new(move |_| latest.set(Some(data.clone())));
}

#[component]
fn FieldEditor(
    slug: String,
    field: DesignField,
    initial: (String, u64),
    may_edit: bool,
    latest: RwSignal<Option<DesignView>>,
    drafts: RwSignal<Drafts>,
) -> impl IntoView {
    let tr = use_locale();
    let save = ServerAction::<SaveDesignText>::new();
    let code = code_of(field);
    let id = format!("design-{code}");
    // The field as saved, newest known.
    let saved = move || {
        latest
            .get()
            .and_then(|d| d.fields.into_iter().find(|(f, ..)| *f == field))
            .map_or(initial.clone(), |(_, text, version)| (text, version))
    };
    let saved = Memo::new(move |_| saved());
    let editable = move || may_edit && !latest.get().is_some_and(|d| d.locked && !d.may_edit);
    let shown = move || {
        drafts
            .with(|d| d.get(&field).map(|(text, _)| text.clone()))
            .unwrap_or_else(|| saved.get().0)
    };
    let based_on = move || {
        drafts
            .with(|d| d.get(&field).map(|(_, v)| *v))
            .unwrap_or_else(|| saved.get().1)
    };
    let conflict = move || match save.value().get() {
        Some(Err(AppError::EditedMeanwhile { theirs, version })) => Some((theirs, version)),
        _ => None,
    };
    Effect::new(move |_| {
        if let Some(Ok(())) = save.value().get() {
            drafts.update(|d| {
                d.remove(&field);
            });
        }
    });
    let problem = move || match save.value().get() {
        Some(Err(AppError::EditedMeanwhile { .. })) | None | Some(Ok(())) => None,
        Some(Err(error)) => crate::i18n::form_problem(&error).map(tr),
    };
    let (label_id, help_id, problem_id) = (
        format!("{id}-label"),
        format!("{id}-help"),
        format!("{id}-problem"),
    );
    let described_by = format!("{help_id} {problem_id}");
    let section_label = label_id.clone();
    view! {
        <section class="design-field" aria-labelledby=section_label>
            <ActionForm action=save attr:class="form" attr:novalidate=true>
                <input type="hidden" name="slug" value=slug/>
                <input type="hidden" name="field" value=code/>
                <input type="hidden" name="based_on" prop:value=move || based_on().to_string()/>
                <div class="field">
                    <label id=label_id for=id.clone()>{tr(design_field_name(field))}</label>
                    <p id=help_id class="help">{tr(design_field_help(field))}</p>
                    <textarea
                        id=id.clone()
                        name="text"
                        rows="3"
                        readonly=move || !editable()
                        aria-describedby=described_by
                        prop:value=shown
                        on:input=move |ev| {
                            let text = event_target_value(&ev);
                            let from = based_on();
                            drafts.update(|d| { d.insert(field, (text, from)); });
                        }
                    ></textarea>
                    <p id=problem_id class="problem" role="alert">{problem}</p>
                </div>
                {move || drafts.with(|d| d.contains_key(&field)).then(|| view! {
                    <p class="note draft">{tr(Msg::UnsavedDraft)}</p>
                })}
                {move || conflict().map(|(theirs, version)| {
                    let keep_theirs = move |_| drafts.update(|d| { d.remove(&field); });
                    let keep_mine = move |_| drafts.update(|d| {
                        if let Some(draft) = d.get_mut(&field) { draft.1 = version; }
                    });
                    view! {
                        <div class="conflict" role="alert">
                            <p>{tr(Msg::EditedMeanwhile)}</p>
                            <blockquote class="theirs">{theirs}</blockquote>
                            <button type="button" on:click=keep_theirs>{tr(Msg::UseTheirs)}</button>
                            <button type="button" class="secondary" on:click=keep_mine>{tr(Msg::KeepMine)}</button>
                        </div>
                    }
                })}
                {move || editable().then(|| view! { <button type="submit">{tr(Msg::Save)}</button> })}
            </ActionForm>
        </section>
    }
}
