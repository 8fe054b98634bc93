//! The walk's items: a list of them, each in its own editor, and the
//! button to add one.

use super::super::forms::ReadyMark;
use super::super::{use_locale, Tr};
use super::field::{shown_value, FieldSpec, ItemField};
use super::page::Walk;
use crate::api::{DesignView, RemoveItem, SaveItem};
use crate::domain::design::{current_item, DesignItem, ItemKey};
use crate::domain::drafts::ItemDraft;
use crate::domain::editing::{Draft, Event, Request, Saved, Step};
use crate::domain::error::{AppError, FieldErrors};
use crate::domain::item_form::{from_form, to_form, FormValues};
use crate::i18n::{form_problem, problem, Msg};
use leptos::prelude::*;
use std::sync::Arc;

/// Form values from (field, value) pairs, for a new item's defaults.
pub fn form(pairs: &[(&str, String)]) -> FormValues {
    pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()
}

/// A form's value of a field, empty if it has none.
pub fn value<'a>(values: &'a FormValues, name: &str) -> &'a str {
    values.get(name).map_or("", |v| v.as_str())
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
                walk.drafts.update(|d| d.set_item(key, Some(Draft { values, based_on: 0 })));
            }>{tr(label)}</button>
        })}
    }
    .into_any()
}

/// One item's editor: a disclosure with its heading; inside, its fields,
/// each with its problem, and Save (and Remove).
#[component]
pub fn ItemEditor(walk: Walk, key: ItemKey, kind: Kind) -> impl IntoView {
    let tr = use_locale();
    let save = ServerAction::<SaveItem>::new();
    let remove = ServerAction::<RemoveItem>::new();
    let saved = Memo::new(move |_| {
        walk.current.with(|v| {
            current_item(&v.design, &v.partnership, &v.business, &key).map(|item| Saved {
                values: to_form(&item),
                version: v.item_version(&key),
            })
        })
    });
    let draft = Memo::new(move |_| walk.drafts.with(|d| d.item(&key)));
    let step = RwSignal::new(Step::<FormValues>::Idle);
    let send = move |event: Event<FormValues>| {
        walk.run_editor(
            step,
            saved.get_untracked().as_ref(),
            |d| d.item(&key),
            |d, draft| d.set_item(key, draft),
            event,
        )
    };
    let values = move || {
        draft
            .with(|d| d.as_ref().map(|d| d.values.clone()))
            .or_else(|| saved.with(|s| s.as_ref().map(|s| s.values.clone())))
            .unwrap_or_default()
    };
    let editable = move || walk.current.with(|v| v.may_change(&key));
    let fields = {
        let make = kind.fields.clone();
        Memo::new(move |_| walk.current.with(|v| make(v, tr)))
    };
    let problems = Signal::derive(move || {
        step.with(|s| match s {
            Step::Refused(found) => found.clone(),
            _ => FieldErrors::new(),
        })
    });
    let general = move || {
        step.with(|s| match s {
            Step::Failed(AppError::Invalid(found)) => found.values().next().map(|c| tr(problem(*c))),
            Step::Failed(error) => form_problem(error).map(tr),
            _ => None,
        })
    };
    // The item the newest save sent, to take into the page's copy once saved.
    let sent = StoredValue::new(None::<DesignItem>);

    let set_value = move |name: String, value: String| {
        let mut values = untrack(values);
        values.insert(name, value);
        send(Event::Typed(values));
    };
    let submit = move || {
        let Some(Request::Save { values, based_on }) = send(Event::Submitted) else {
            return;
        };
        let currency = walk.current.with_untracked(|v| v.currency);
        // The same rules as the server's, so most problems never travel.
        match from_form(key, &values, currency) {
            Err(found) => {
                send(Event::Refused(found));
            }
            Ok(item) => {
                sent.set_value(Some(item.clone()));
                save.dispatch(SaveItem {
                    slug: walk.slug.get_value(),
                    item,
                    based_on,
                });
            }
        }
    };
    Effect::new(move |_| {
        let event = match save.value().get() {
            None => return,
            Some(Ok(version)) => {
                if let Some(item) = sent.get_value() {
                    walk.take_saved(item, version);
                }
                Event::Saved { version }
            }
            Some(Err(AppError::ItemEditedMeanwhile { theirs, version })) => Event::EditedMeanwhile {
                theirs: theirs.map(|t| to_form(&t)),
                version,
            },
            Some(Err(AppError::Invalid(found))) => Event::Refused(found),
            Some(Err(error)) => Event::Failed(error),
        };
        send(event);
    });
    Effect::new(move |_| {
        let event = match remove.value().get() {
            None => return,
            Some(Ok(())) => Event::Removed,
            Some(Err(AppError::ItemEditedMeanwhile { theirs, version })) => Event::EditedMeanwhile {
                theirs: theirs.map(|t| to_form(&t)),
                version,
            },
            Some(Err(error)) => Event::Failed(error),
        };
        send(event);
    });

    let heading = {
        let make = kind.heading.clone();
        move || {
            let values = values();
            walk.current.with(|v| make(v, &key, &values))
        }
    };
    let is_open = RwSignal::new(draft.with_untracked(Option::is_some));
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
    let discard = move |_| {
        send(Event::Discarded);
    };
    let delete = move |_| {
        if let Some(Request::Remove { based_on }) = send(Event::RemoveAsked) {
            remove.dispatch(RemoveItem {
                slug: walk.slug.get_value(),
                key,
                based_on,
            });
        }
    };
    let removable = key.owner().is_none();
    let value_of = move |name: &str| values().get(name).cloned().unwrap_or_default();
    let conflict = move || {
        step.with(|s| match s {
            Step::Conflict { theirs, .. } => Some(theirs.clone()),
            _ => None,
        })
    };
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
            {move || is_open.get().then(|| view! {
            <form class="form item-form" novalidate on:submit=move |ev| { ev.prevent_default(); submit(); }>
                <ReadyMark/>
                <For each=move || fields.get() key=|spec| (spec.name.clone(), spec.label.clone()) let:spec>
                    <ItemField key spec value_of=Callback::new(move |name: String| value_of(&name)) set_value=Callback::new(move |(name, value)| set_value(name, value)) editable=Signal::derive(editable) problems/>
                </For>
                {move || conflict().map(|theirs| {
                    let shown = theirs.as_ref().map(|values| {
                        fields.get_untracked().into_iter().map(|spec| {
                            let value = shown_value(&spec, values.get(&spec.name).map(String::as_str).unwrap_or(""));
                            view! { <div><dt>{spec.label}</dt><dd>{value}</dd></div> }
                        }).collect_view()
                    });
                    view! {
                        <div class="conflict" role="alert">
                            <p>{if theirs.is_some() { tr(Msg::ItemEditedMeanwhile) } else { tr(Msg::ItemRemovedMeanwhile) }}</p>
                            {shown.map(|list| view! { <dl class="theirs">{list}</dl> })}
                            <button type="button" on:click=move |_| { send(Event::UseTheirs); }>{tr(Msg::UseTheirs)}</button>
                            <button type="button" class="secondary" on:click=move |_| { send(Event::KeepMine); }>{tr(Msg::KeepMine)}</button>
                        </div>
                    }
                })}
                <p class="problem form-problem" role="alert">{general}</p>
                {move || editable().then(|| view! {
                    <div class="actions">
                        <button type="submit">{tr(Msg::Save)}</button>
                        {(removable && is_new()).then(|| view! {
                            <button type="button" class="secondary" on:click=discard>{tr(Msg::Remove)}</button>
                        })}
                        {(removable && !is_new()).then(|| view! {
                            <button type="button" class="secondary" on:click=delete>{tr(Msg::Remove)}</button>
                        })}
                    </div>
                })}
            </form>
            })}
        </details>
    }
    .into_any()
}
