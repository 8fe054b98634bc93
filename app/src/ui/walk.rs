//! The guided walk through stages 1 and 2, shared by both: the page frame
//! with its steps and progress, and the editors of texts and items.
//!
//! Editors are drawn once and never redrawn by others' saves: what they
//! show comes from the page's newest copy of the design (`Walk::current`)
//! unless this device holds a draft. Drafts live in localStorage, so a
//! dropped connection or a reload loses nothing; a save names the version
//! it started from, and one made from an outdated copy is refused with the
//! other person's version, to choose from.

use super::{use_locale, Failure, Tr};
use crate::api::{load_design, DesignView, RemoveItem, SaveDesignText, SaveItem, StartDesign};
use crate::domain::commitment_form::code_of;
use crate::domain::design::{current_item, put_item, step_done, DesignItem, ItemKey, Step};
use crate::domain::error::{AppError, FieldErrors};
use crate::domain::item_form::{from_form, to_form, FormValues};
use crate::domain::model::{DesignField, DesignStart, Stage};
use crate::i18n::{design_field_help, design_field_name, form_problem, problem, stage_name, step_name, Msg};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;

/// An item being edited on this device and not yet saved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemDraft {
    pub key: ItemKey,
    pub values: FormValues,
    /// The version of the item the draft started from (0: a new item).
    pub based_on: u64,
}

/// Everything typed on this device and not yet saved, for one workshop.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Drafts {
    pub texts: BTreeMap<DesignField, (String, u64)>,
    /// By `ItemKey::code`.
    pub items: BTreeMap<String, ItemDraft>,
}

/// One key per workshop and stage, so that two walks open in two tabs
/// never write over each other's drafts.
fn storage_key(slug: &str, stage: Stage) -> String {
    format!("roundtable:walk-drafts:{slug}:{}", code_of(stage))
}

fn stored_drafts(slug: &str, stage: Stage) -> Drafts {
    #[cfg(feature = "hydrate")]
    {
        let stored = window()
            .local_storage()
            .ok()
            .flatten()
            .and_then(|s| s.get_item(&storage_key(slug, stage)).ok().flatten());
        if let Some(json) = stored {
            return serde_json::from_str(&json).unwrap_or_default();
        }
    }
    let _ = storage_key(slug, stage);
    Drafts::default()
}

fn store_drafts(slug: &str, stage: Stage, drafts: &Drafts) {
    #[cfg(feature = "hydrate")]
    if let Some(storage) = window().local_storage().ok().flatten() {
        let empty = drafts.texts.is_empty() && drafts.items.is_empty();
        let _ = match serde_json::to_string(drafts) {
            Ok(json) if !empty => storage.set_item(&storage_key(slug, stage), &json),
            _ => storage.remove_item(&storage_key(slug, stage)),
        };
    }
    let _ = (slug, stage, drafts);
}

/// What every part of a walk works on: the workshop, the newest copy of
/// the design, and this device's drafts.
#[derive(Clone, Copy)]
pub struct Walk {
    pub slug: StoredValue<String>,
    pub current: RwSignal<DesignView>,
    pub drafts: RwSignal<Drafts>,
}

impl Walk {
    /// Takes an item this page saved into its copy of the design at once,
    /// with the version the server answered, before the stream brings it.
    pub fn take_saved(&self, item: DesignItem, version: u64) {
        let key = item.key();
        self.current.update(|v| {
            put_item(&mut v.design, &mut v.partnership, item);
            v.item_versions.insert(key.code(), version);
        });
    }
}

/// Form values from (field, value) pairs, for a new item's defaults.
pub fn form(pairs: &[(&str, String)]) -> FormValues {
    pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()
}

/// A stage's walk: loads the design once, follows others' saves, and lays
/// out the steps that `content` draws.
#[component]
pub fn WalkPage(stage: Stage, content: fn(Walk) -> AnyView) -> impl IntoView {
    let tr = use_locale();
    let slug = use_params_map().read_untracked().get("slug").unwrap_or_default();
    let initial = Resource::new(
        {
            let slug = slug.clone();
            move || slug.clone()
        },
        move |slug| load_design(slug, stage),
    );
    let live = super::live::live_resource(slug.clone(), move |slug| load_design(slug, stage), |d| d.version);
    view! {
        <Title text=tr(stage_name(stage))/>
        <Suspense fallback=move || view! { <p>{tr(Msg::Loading)}</p> }>
            {move || {
                let slug = slug.clone();
                Suspend::new(async move {
                    match initial.await {
                        Err(error) => view! { <Failure error/> }.into_any(),
                        Ok(data) => {
                            let walk = Walk {
                                slug: StoredValue::new(slug.clone()),
                                current: RwSignal::new(data),
                                drafts: RwSignal::new(Drafts::default()),
                            };
                            Effect::new(move |_| walk.drafts.set(stored_drafts(&walk.slug.get_value(), stage)));
                            Effect::new(move |_| walk.drafts.with(|d| store_drafts(&walk.slug.get_value(), stage, d)));
                            view! {
                                <Transition fallback=|| ()>
                                    {move || Suspend::new(async move {
                                        if let Ok(data) = live.await {
                                            view! { <Follow data walk/> }.into_any()
                                        } else {
                                            ().into_any()
                                        }
                                    })}
                                </Transition>
                                <WalkHeader walk stage/>
                                {content(walk)}
                            }
                            .into_any()
                        }
                    }
                })
            }}
        </Suspense>
    }
}

/// Takes newer data into the page's copy when it arrives.
#[component]
fn Follow(data: DesignView, walk: Walk) -> impl IntoView {
    Effect::new(move |_| {
        if data.version >= walk.current.with_untracked(|c| c.version) {
            walk.current.set(data.clone());
        }
    });
}

#[component]
fn WalkHeader(walk: Walk, stage: Stage) -> impl IntoView {
    let tr = use_locale();
    let steps = Step::of(stage);
    let done = move || {
        walk.current.with(|v| {
            steps
                .iter()
                .map(|s| step_done(&v.design, &v.partnership, *s))
                .collect::<Vec<_>>()
        })
    };
    let done = Memo::new(move |_| done());
    let count = move || done.with(|d| d.iter().filter(|x| **x).count());
    let intro = match stage {
        Stage::Partnership => Msg::PartnershipIntro,
        _ => Msg::DesignIntro,
    };
    let slug = walk.slug.get_value();
    view! {
        <p class="eyebrow">{tr(Msg::StageLabel)}" "{stage.number()}" · "{tr(stage_name(stage))}</p>
        <h1>{move || walk.current.with(|v| v.title.clone())}</h1>
        <p class="help">{tr(intro)}</p>
        {move || walk.current.with(|v| v.locked).then(|| view! {
            <p class="note warning" role="status">{tr(Msg::PartnershipLockedNotice)}</p>
        })}
        <nav class="walk-steps" aria-label=tr(Msg::StepsDone)>
            <p>
                <strong>{count}" / "{steps.len()}</strong>" "{tr(Msg::StepsDone)}
                <progress max=steps.len() value=count aria-hidden="true"></progress>
            </p>
            <ol>
                {steps.iter().enumerate().map(|(n, step)| {
                    let (name, _) = step_name(*step);
                    let href = format!("/w/{slug}/{}#step-{}", page_of(stage), code_of(*step));
                    let state = move || done.with(|d| d[n]);
                    view! {
                        <li class:done=state>
                            <a href=href rel="external">{tr(name)}</a>
                            " "<span class="step-state">{move || if state() { tr(Msg::StepDone) } else { tr(Msg::StepToDo) }}</span>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </nav>
    }
}

fn page_of(stage: Stage) -> &'static str {
    match stage {
        Stage::Partnership => "partnership",
        _ => "design",
    }
}

/// One step of the walk: its heading, what it asks in plain words, and
/// its content.
#[component]
pub fn StepSection(step: Step, children: Children) -> impl IntoView {
    let tr = use_locale();
    let (name, help) = step_name(step);
    let id = format!("step-{}", code_of(step));
    let heading = format!("{id}-heading");
    let labelled_by = heading.clone();
    view! {
        <section id=id class="step" aria-labelledby=labelled_by>
            <h2 id=heading>{tr(name)}</h2>
            <p class="help">{tr(help)}</p>
            {children()}
        </section>
    }
}

/// The choice of how to start stage 1, while the design is empty.
#[component]
pub fn StartChoice(walk: Walk) -> impl IntoView {
    let tr = use_locale();
    let start = ServerAction::<StartDesign>::new();
    let empty = move || {
        walk.current.with(|v| {
            v.design.start.is_none() && v.design.outputs.is_empty() && v.design.components.is_empty()
        })
    };
    // Others learn of the start from the stream; this page as well, but it
    // need not wait for it to hide the choice.
    let started = move || matches!(start.value().get(), Some(Ok(())));
    let error = Signal::derive(move || start.value().get().and_then(Result::err));
    move || {
        (empty() && !started()).then(|| {
            if !walk.current.with(|v| v.may_edit) {
                return view! { <p class="note">{tr(Msg::NotStartedYet)}</p> }.into_any();
            }
            let slug = walk.slug.get_value();
            let slug_again = slug.clone();
            view! {
                <section class="start-choice" aria-labelledby="start-heading">
                    <h2 id="start-heading">{tr(Msg::StartHeading)}</h2>
                    <p class="help">{tr(Msg::StartHelp)}</p>
                    <div class="actions">
                        <ActionForm action=start>
                            <input type="hidden" name="slug" value=slug_again/>
                            <input type="hidden" name="start" value=code_of(DesignStart::CustomsLogistics)/>
                            <button type="submit">{tr(Msg::StartFromTemplate)}</button>
                        </ActionForm>
                        <ActionForm action=start>
                            <input type="hidden" name="slug" value=slug/>
                            <input type="hidden" name="start" value=code_of(DesignStart::Blank)/>
                            <button type="submit" class="secondary">{tr(Msg::StartBlank)}</button>
                        </ActionForm>
                    </div>
                    <p class="problem" role="alert">{move || error.get().as_ref().and_then(form_problem).map(tr)}</p>
                </section>
            }
            .into_any()
        })
    }
}

/// One of a stage's shared texts.
#[component]
pub fn TextEditor(walk: Walk, field: DesignField) -> impl IntoView {
    let tr = use_locale();
    let save = ServerAction::<SaveDesignText>::new();
    let code = code_of(field);
    let id = format!("design-{code}");
    let saved = Memo::new(move |_| {
        walk.current.with(|v| {
            v.fields
                .iter()
                .find(|(f, ..)| *f == field)
                .map(|(_, text, version)| (text.clone(), *version))
                .unwrap_or_default()
        })
    });
    let editable = move || walk.current.with(|v| v.may_edit);
    let shown = move || {
        walk.drafts
            .with(|d| d.texts.get(&field).map(|(text, _)| text.clone()))
            .unwrap_or_else(|| saved.get().0)
    };
    let based_on = move || {
        walk.drafts
            .with(|d| d.texts.get(&field).map(|(_, v)| *v))
            .unwrap_or_else(|| saved.get().1)
    };
    let conflict = move || match save.value().get() {
        Some(Err(AppError::EditedMeanwhile { theirs, version })) => Some((theirs, version)),
        _ => None,
    };
    Effect::new(move |_| {
        if let Some(Ok(())) = save.value().get() {
            walk.drafts.update(|d| {
                d.texts.remove(&field);
            });
        }
    });
    let problem_text = move || match save.value().get() {
        Some(Err(AppError::EditedMeanwhile { .. })) | None | Some(Ok(())) => None,
        Some(Err(AppError::Invalid(fields))) => fields.get("text").map(|c| tr(problem(*c))),
        Some(Err(error)) => form_problem(&error).map(tr),
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
            <ActionForm action=save attr:class="form" attr:novalidate=true>
                <input type="hidden" name="slug" value=walk.slug.get_value()/>
                <input type="hidden" name="field" value=code/>
                <input type="hidden" name="based_on" prop:value=move || based_on().to_string()/>
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
                        on:input=move |ev| {
                            let text = event_target_value(&ev);
                            let from = based_on();
                            walk.drafts.update(|d| { d.texts.insert(field, (text, from)); });
                        }
                    ></textarea>
                    <p id=problem_id class="problem" role="alert">{problem_text}</p>
                </div>
                {move || walk.drafts.with(|d| d.texts.contains_key(&field)).then(|| view! {
                    <p class="note draft">{tr(Msg::UnsavedDraft)}</p>
                })}
                {move || conflict().map(|(theirs, version)| {
                    let keep_theirs = move |_| walk.drafts.update(|d| { d.texts.remove(&field); });
                    let keep_mine = move |_| walk.drafts.update(|d| {
                        if let Some(draft) = d.texts.get_mut(&field) { draft.1 = version; }
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
    .into_any()
}

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

pub type KeysOf = Arc<dyn Fn(&DesignView) -> Vec<ItemKey> + Send + Sync>;
pub type HeadingOf = Arc<dyn Fn(&DesignView, &ItemKey, &FormValues) -> String + Send + Sync>;
pub type FieldsOf = Arc<dyn Fn(&DesignView, Tr) -> Vec<FieldSpec> + Send + Sync>;
pub type NewItem = Arc<dyn Fn(&DesignView) -> (ItemKey, FormValues) + Send + Sync>;

/// What an item list shows: which items, a heading for each, and the
/// fields of its editor.
#[derive(Clone)]
pub struct Kind {
    /// The saved items, in order.
    pub keys: KeysOf,
    /// Which unsaved drafts belong in this list.
    pub drafts: Arc<dyn Fn(&ItemDraft) -> bool + Send + Sync>,
    pub heading: HeadingOf,
    pub fields: FieldsOf,
    /// A button that starts a new item with these values.
    pub add: Option<(Msg, NewItem)>,
}

/// A list of items, each in its own editor, and the button to add one.
#[component]
pub fn ItemList(walk: Walk, kind: Kind) -> impl IntoView {
    let tr = use_locale();
    let (keys, drafts) = (kind.keys.clone(), kind.drafts.clone());
    let each = move || {
        let mut list = walk.current.with(|v| keys(v));
        let unsaved: Vec<ItemKey> = walk.drafts.with(|d| {
            d.items
                .values()
                .filter(|draft| drafts(draft) && !list.contains(&draft.key))
                .map(|draft| draft.key)
                .collect()
        });
        list.extend(unsaved);
        list
    };
    let add = kind.add.clone();
    let editable = move || walk.current.with(|v| v.may_edit);
    view! {
        <div class="item-list">
            <For each=each key=|key| key.code() let:key>
                <ItemEditor walk key kind=kind.clone()/>
            </For>
        </div>
        {move || add.clone().filter(|_| editable()).map(|(label, new)| view! {
            <button type="button" class="secondary add" on:click=move |_| {
                let (key, values) = walk.current.with_untracked(|v| new(v));
                walk.drafts.update(|d| {
                    d.items.insert(key.code(), ItemDraft { key, values, based_on: 0 });
                });
            }>{tr(label)}</button>
        })}
    }
    .into_any()
}

/// A form's value of a field, empty if it has none.
pub fn value<'a>(values: &'a FormValues, name: &str) -> &'a str {
    values.get(name).map_or("", |v| v.as_str())
}

/// An element id from an item's key and a field name.
fn dom_id(key: &ItemKey, name: &str) -> String {
    format!("{}-{}", key.code(), name).replace(':', "-")
}

/// One item's editor: a disclosure with its heading; inside, its fields,
/// each with its problem, and Save (and Remove).
#[component]
pub fn ItemEditor(walk: Walk, key: ItemKey, kind: Kind) -> impl IntoView {
    let tr = use_locale();
    let save = ServerAction::<SaveItem>::new();
    let remove = ServerAction::<RemoveItem>::new();
    let code = key.code();
    let saved = Memo::new(move |_| {
        walk.current.with(|v| {
            current_item(&v.design, &v.partnership, &key).map(|item| (to_form(&item), v.item_version(&key)))
        })
    });
    let draft = {
        let code = code.clone();
        Memo::new(move |_| walk.drafts.with(|d| d.items.get(&code).cloned()))
    };
    let values = move || {
        draft
            .with(|d| d.as_ref().map(|d| d.values.clone()))
            .or_else(|| saved.with(|s| s.as_ref().map(|(v, _)| v.clone())))
            .unwrap_or_default()
    };
    let editable = move || walk.current.with(|v| v.may_change(&key));
    let fields = {
        let make = kind.fields.clone();
        Memo::new(move |_| walk.current.with(|v| make(v, tr)))
    };
    let problems = RwSignal::new(FieldErrors::new());
    let general = RwSignal::new(None::<&'static str>);
    let conflict = RwSignal::new(None::<(Option<FormValues>, u64)>);
    let sent = RwSignal::new(None::<(DesignItem, FormValues)>);

    let set_value = {
        let code = code.clone();
        move |name: String, value: String| {
            walk.drafts.update(|d| {
                let entry = d.items.entry(code.clone()).or_insert_with(|| {
                    let (values, based_on) = saved.get_untracked().unwrap_or_default();
                    ItemDraft {
                        key,
                        values,
                        based_on,
                    }
                });
                entry.values.insert(name, value);
            });
        }
    };
    let submit = move || {
        let (values, based_on) = draft
            .get_untracked()
            .map(|d| (d.values, d.based_on))
            .or_else(|| saved.get_untracked())
            .unwrap_or_default();
        let currency = walk.current.with_untracked(|v| v.currency);
        // The same rules as the server's, so most problems never travel.
        match from_form(key, &values, currency) {
            Err(found) => problems.set(found),
            Ok(item) => {
                problems.set(FieldErrors::new());
                general.set(None);
                conflict.set(None);
                sent.set(Some((item.clone(), values)));
                save.dispatch(SaveItem {
                    slug: walk.slug.get_value(),
                    item,
                    based_on,
                });
            }
        }
    };
    {
        let code = code.clone();
        Effect::new(move |_| match save.value().get() {
            Some(Ok(version)) => {
                if let Some((item, values)) = sent.get_untracked() {
                    walk.take_saved(item, version);
                    // Only what was sent is saved; anything typed since stays a draft.
                    walk.drafts.update(|d| {
                        if d.items.get(&code).is_some_and(|x| x.values == values) {
                            d.items.remove(&code);
                        } else if let Some(x) = d.items.get_mut(&code) {
                            x.based_on = version;
                        }
                    });
                }
            }
            Some(Err(AppError::Invalid(found))) => problems.set(found),
            Some(Err(AppError::ItemEditedMeanwhile { theirs, version })) => {
                conflict.set(Some((theirs.map(|t| to_form(&t)), version)))
            }
            Some(Err(error)) => general.set(form_problem(&error).map(tr)),
            None => {}
        });
    }
    Effect::new(move |_| match remove.value().get() {
        Some(Err(AppError::ItemEditedMeanwhile { theirs, version })) => {
            conflict.set(Some((theirs.map(|t| to_form(&t)), version)))
        }
        Some(Err(AppError::Invalid(found))) => general.set(found.values().next().map(|c| tr(problem(*c)))),
        Some(Err(error)) => general.set(form_problem(&error).map(tr)),
        _ => {}
    });

    let heading = {
        let make = kind.heading.clone();
        move || {
            let values = values();
            walk.current.with(|v| make(v, &key, &values))
        }
    };
    let is_open = RwSignal::new(draft.get_untracked().is_some());
    // An item with a draft on this device opens by itself, also after a
    // reload, when the drafts come back from storage.
    Effect::new(move |had: Option<bool>| {
        let has = draft.with(Option::is_some);
        if has && had != Some(true) {
            is_open.set(true);
        }
        has
    });
    let is_draft = move || draft.with(Option::is_some);
    let is_new = move || saved.with(Option::is_none);
    let discard = {
        let code = code.clone();
        move |_| {
            walk.drafts.update(|d| {
                d.items.remove(&code);
            })
        }
    };
    let delete = move |_| {
        let based_on = saved.get_untracked().map_or(0, |(_, v)| v);
        remove.dispatch(RemoveItem {
            slug: walk.slug.get_value(),
            key,
            based_on,
        });
    };
    let removable = key.owner().is_none();
    let value_of = move |name: &str| values().get(name).cloned().unwrap_or_default();
    view! {
        <details class="item" prop:open=move || is_open.get()>
            <summary on:click=move |ev| {
                // The form is drawn only while open: a stage has dozens of
                // items, and a phone should not build hundreds of fields.
                ev.prevent_default();
                is_open.update(|open| *open = !*open);
            }>
                <span class="item-heading">{heading}</span>
                {move || is_draft().then(|| view! { " "<span class="badge">{tr(Msg::UnsavedDraft)}</span> })}
            </summary>
            {move || is_open.get().then(|| {
            let set_value = set_value.clone();
            let discard = discard.clone();
            view! {
            <form class="form item-form" novalidate on:submit=move |ev| { ev.prevent_default(); submit(); }>
                <For each=move || fields.get() key=|spec| (spec.name.clone(), spec.label.clone()) let:spec>
                    {
                        let set_value = set_value.clone();
                        view! { <ItemField key spec value_of=Callback::new(move |name: String| value_of(&name)) set_value=Callback::new(move |(name, value)| set_value(name, value)) editable=Signal::derive(editable) problems/> }
                    }
                </For>
                {move || conflict.get().map(|(theirs, version)| {
                    let discard_mine = {
                        let code = key.code();
                        move |_| {
                            walk.drafts.update(|d| { d.items.remove(&code); });
                            conflict.set(None);
                        }
                    };
                    let keep_mine = {
                        let code = key.code();
                        move |_| {
                            walk.drafts.update(|d| {
                                if let Some(x) = d.items.get_mut(&code) { x.based_on = version; }
                            });
                            conflict.set(None);
                        }
                    };
                    let shown = theirs.clone().map(|values| {
                        fields.get_untracked().into_iter().map(|spec| {
                            let value = shown_value(&spec, values.get(&spec.name).map(String::as_str).unwrap_or(""));
                            view! { <div><dt>{spec.label}</dt><dd>{value}</dd></div> }
                        }).collect_view()
                    });
                    view! {
                        <div class="conflict" role="alert">
                            <p>{if theirs.is_some() { tr(Msg::ItemEditedMeanwhile) } else { tr(Msg::ItemRemovedMeanwhile) }}</p>
                            {shown.map(|list| view! { <dl class="theirs">{list}</dl> })}
                            <button type="button" on:click=discard_mine>{tr(Msg::UseTheirs)}</button>
                            <button type="button" class="secondary" on:click=keep_mine>{tr(Msg::KeepMine)}</button>
                        </div>
                    }
                })}
                <p class="problem form-problem" role="alert">{move || general.get()}</p>
                {move || editable().then(|| {
                    let discard = discard.clone();
                    view! {
                        <div class="actions">
                            <button type="submit">{tr(Msg::Save)}</button>
                            {(removable && is_new()).then(|| view! {
                                <button type="button" class="secondary" on:click=discard>{tr(Msg::Remove)}</button>
                            })}
                            {(removable && !is_new()).then(|| view! {
                                <button type="button" class="secondary" on:click=delete>{tr(Msg::Remove)}</button>
                            })}
                        </div>
                    }
                })}
            </form>
            }
            })}
        </details>
    }
    .into_any()
}

/// A value as a reader sees it: a choice's label rather than its code.
fn shown_value(spec: &FieldSpec, value: &str) -> String {
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
fn ItemField(
    key: ItemKey,
    spec: FieldSpec,
    value_of: Callback<String, String>,
    set_value: Callback<(String, String)>,
    editable: Signal<bool>,
    problems: RwSignal<FieldErrors>,
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
