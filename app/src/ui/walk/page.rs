//! The walk's page: loads the design once, follows others' saves, keeps
//! this device's drafts, and draws the steps with their progress.

use super::super::forms::ReadyMark;
use super::super::{use_locale, Failure};
use crate::api::{load_design, DesignView, StartDesign};
use crate::domain::commitment_form::code_of;
use crate::domain::design::{put_item, step_done, DesignItem, Step};
use crate::domain::drafts::Drafts;
use crate::domain::editing::{Draft, Editor, Event as EditorEvent, Request, Saved, Step as EditorStep};
use crate::domain::model::{DesignStart, Stage};
use crate::i18n::{form_problem, stage_name, step_name, Msg};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

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
        let _ = match serde_json::to_string(drafts) {
            Ok(json) if !drafts.is_empty() => storage.set_item(&storage_key(slug, stage), &json),
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
            put_item(&mut v.design, &mut v.partnership, &mut v.business, item);
            v.item_versions.insert(key.code(), version);
        });
    }
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
                            Effect::new(move |_| {
                                let kept = stored_drafts(&walk.slug.get_value(), stage);
                                walk.drafts.update(|d| d.restore(kept));
                            });
                            Effect::new(move |_| walk.drafts.with(|d| store_drafts(&walk.slug.get_value(), stage, d)));
                            let timer_slug = slug.clone();
                            super::super::live::keep_current(
                                slug,
                                walk.current,
                                move |slug| load_design(slug, stage),
                                |d| d.version,
                            );
                            let facilitator = walk.current.with_untracked(|v| v.facilitator);
                            let shows = crate::domain::model::ScreenChoice::Stage { stage };
                            let show_slug = timer_slug.clone();
                            view! {
                                <WalkHeader walk stage/>
                                <super::super::stage_timer::StageTimer slug=timer_slug/>
                                {facilitator.then(|| view! { <super::super::remote::ShowOnScreen slug=show_slug shows/> })}
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

#[component]
fn WalkHeader(walk: Walk, stage: Stage) -> impl IntoView {
    let tr = use_locale();
    let steps = Step::of(stage);
    let done = move || {
        walk.current.with(|v| {
            steps
                .iter()
                .map(|s| step_done(&v.design, &v.partnership, &v.business, *s))
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
                            <ReadyMark/>
                            <input type="hidden" name="slug" value=slug_again/>
                            <input type="hidden" name="start" value=code_of(DesignStart::CustomsLogistics)/>
                            <button type="submit">{tr(Msg::StartFromTemplate)}</button>
                        </ActionForm>
                        <ActionForm action=start>
                            <ReadyMark/>
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

impl Walk {
    /// Runs one event through an editor whose draft this walk keeps:
    /// `draft_of` reads the draft from the walk's drafts and `put` writes it
    /// back; the step stays with the editor. Answers what to send.
    pub fn run_editor<V: Clone + PartialEq + Send + Sync + 'static>(
        &self,
        step: RwSignal<EditorStep<V>>,
        saved: Option<&Saved<V>>,
        draft_of: impl Fn(&Drafts) -> Option<Draft<V>>,
        put: impl FnOnce(&mut Drafts, Option<Draft<V>>),
        event: EditorEvent<V>,
    ) -> Option<Request<V>> {
        let before = self.drafts.with_untracked(&draft_of);
        let mut editor = Editor::with_draft(before.clone(), step.get_untracked());
        // An impossible event (a late answer, a second click) changes nothing.
        let request = editor.handle(event, saved).ok()?;
        if editor.draft != before {
            self.drafts.update(|d| put(d, editor.draft));
        }
        step.set(editor.step);
        request
    }
}
