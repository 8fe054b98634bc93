//! The room for people without an invite link: join with the code on the
//! projector, then ask to act for an organisation; the facilitator's live
//! list of those requests.

use super::forms::{field_problem, Field, FormProblem, HiddenFields, ReadyMark, SelectField};
use super::live_list::LiveList;
use super::{use_locale, Failure};
use crate::api::{
    load_discussions, load_my_room, load_requests, CloseDiscussion, Contribute, DecideDelegation, JoinRoom,
    OpenDiscussion, RequestDelegation,
};
use crate::domain::ids::{ContributionId, DiscussionId, ParticipantId};
use crate::i18n::Msg;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// `/room?code=…`: the QR code opens this with the code filled in.
#[component]
pub fn RoomJoinPage() -> impl IntoView {
    let tr = use_locale();
    let query = use_query_map();
    let code = query.read_untracked().get("code").unwrap_or_default();
    let action = ServerAction::<JoinRoom>::new();
    let error = Signal::derive(move || action.value().get().and_then(|result| result.err()));
    let problem = move |field: &'static str| Signal::derive(move || field_problem(tr, &error.get(), field));
    // Fixed at render: a retried join is the same participant.
    let id = ParticipantId::random().to_string();
    view! {
        <Title text=tr(Msg::JoinTheRoom)/>
        <h1>{tr(Msg::JoinTheRoom)}</h1>
        <p class="help">{tr(Msg::JoinTheRoomHelp)}</p>
        <ActionForm action attr:class="form" attr:novalidate=true>
            <FormProblem tr error/>
            <input type="hidden" name="id" value=id/>
            <Field name="code" label=tr(Msg::RoomCode) value=code autocomplete="off" problem=problem("code")/>
            <Field name="name" label=tr(Msg::YourName) autocomplete="name" problem=problem("name")/>
            <button type="submit" disabled=move || action.pending().get()>{tr(Msg::Join)}</button>
        </ActionForm>
    }
}

/// `/w/{slug}/room`: a participant's own page.
#[component]
pub fn MyRoomPage() -> impl IntoView {
    let tr = use_locale();
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let version = super::live::use_live_version(slug);
    let me = Resource::new(slug, load_my_room);
    super::live::follow(version, me, |m| m.version);
    let request = ServerAction::<RequestDelegation>::new();
    let error = Signal::derive(move || request.value().get().and_then(|result| result.err()));
    let problem = move |field: &'static str| Signal::derive(move || field_problem(tr, &error.get(), field));
    view! {
        <Title text=tr(Msg::JoinTheRoom)/>
        <Transition fallback=move || view! { <p>{tr(Msg::Loading)}</p> }>
            {move || Suspend::new(async move {
                match me.await {
                    Err(error) => view! { <Failure error/> }.into_any(),
                    Ok(me) => {
                        let mut options = vec![(String::new(), tr(Msg::ChooseOrganisation).to_string())];
                        options.extend(me.organisations.iter().map(|(id, name)| (id.to_string(), name.clone())));
                        view! {
                            <p class="eyebrow">{me.title.clone()}</p>
                            <h1>{tr(Msg::Welcome)}" "{me.name.clone()}</h1>
                            <p><a href=format!("/w/{}/screen", slug())>{tr(Msg::ScreenLink)}</a></p>
                            {match (me.delegate_of.clone(), me.requested.clone()) {
                                (Some(organisation), _) => view! {
                                    <p class="note" role="status">{tr(Msg::YouActFor)}" "<strong>{organisation}</strong></p>
                                    <p><a href=format!("/w/{}/commitments", slug())>{tr(Msg::StageCommitments)}</a></p>
                                }.into_any(),
                                (None, Some(organisation)) => view! {
                                    <p class="note" role="status">{tr(Msg::RequestWaiting)}" "<strong>{organisation}</strong></p>
                                }.into_any(),
                                (None, None) => view! {
                                    <section aria-labelledby="request-heading">
                                        <h2 id="request-heading">{tr(Msg::AskToActFor)}</h2>
                                        <p class="help">{tr(Msg::AskToActForHelp)}</p>
                                        <ActionForm action=request attr:class="form" attr:novalidate=true>
                                            <FormProblem tr error/>
                                            <input type="hidden" name="slug" value=slug()/>
                                            <SelectField name="organisation" id="request-organisation"
                                                label=tr(Msg::Organisation) options problem=problem("organisation")/>
                                            <button type="submit">{tr(Msg::Ask)}</button>
                                        </ActionForm>
                                    </section>
                                }.into_any(),
                            }}
                        }.into_any()
                    }
                }
            })}
        </Transition>
        <Discussions slug=params.read_untracked().get("slug").unwrap_or_default()/>
    }
}

/// The facilitator's live list of requests to act for an organisation,
/// each approved or declined with one click.
#[component]
pub fn DelegationRequests(slug: String) -> impl IntoView {
    let tr = use_locale();
    let decide = ServerAction::<DecideDelegation>::new();
    let requests = super::live::live_resource(slug.clone(), load_requests, |(version, _)| *version);
    view! {
        <section aria-labelledby="requests-heading">
            <h2 id="requests-heading">{tr(Msg::Requests)}</h2>
            <FormProblem tr=tr error=Signal::derive(move || decide.value().get().and_then(|r| r.err()))/>
            <LiveList resource=requests entries=|(_, list)| list class="requests" empty=Msg::NoRequests item=move |r| {
                let (participant, organisation) = (r.participant.to_string(), r.organisation_id.to_string());
                let decision = |decision: &str| {
                    vec![
                        ("slug", slug.clone()),
                        ("participant", participant.clone()),
                        ("organisation", organisation.clone()),
                        ("decision", decision.to_string()),
                    ]
                };
                let (approve, decline) = (decision("approve"), decision("decline"));
                let (name_a, name_b) = (r.name.clone(), r.name.clone());
                view! {
                    <li>
                        <strong>{r.name.clone()}</strong>" → "{r.organisation.clone()}
                        <ActionForm action=decide attr:class="inline-form">
                            <ReadyMark/>
                            <HiddenFields fields=approve/>
                            <button type="submit">{tr(Msg::Approve)}" "{name_a}</button>
                        </ActionForm>
                        <ActionForm action=decide attr:class="inline-form">
                            <ReadyMark/>
                            <HiddenFields fields=decline/>
                            <button type="submit" class="secondary">{tr(Msg::Decline)}" "{name_b}</button>
                        </ActionForm>
                    </li>
                }
            }/>
        </section>
    }
}

/// The room's questions: everyone in the room answers the open ones; the
/// facilitator asks and closes them. Shows nothing to someone not in the room.
#[component]
pub fn Discussions(slug: String) -> impl IntoView {
    let tr = use_locale();
    // Someone not in the room has nothing to follow.
    let discussions = super::live::live_resource(slug.clone(), load_discussions, |seen| {
        seen.as_ref().map_or(u64::MAX, |(version, _, _)| *version)
    });
    // What people are typing, kept outside the list, which is redrawn
    // whenever anyone in the workshop commits anything.
    let drafts = RwSignal::new(std::collections::BTreeMap::<DiscussionId, String>::new());
    let contribute = ServerAction::<Contribute>::new();
    let open = ServerAction::<OpenDiscussion>::new();
    let close = ServerAction::<CloseDiscussion>::new();
    // Which question was answered last, to clear its draft or show its
    // problem (set by the answer's button, which Enter also presses).
    let answered = RwSignal::new(None::<DiscussionId>);
    Effect::new(move |_| {
        if let (Some(Ok(())), Some(item)) = (contribute.value().get(), answered.get_untracked()) {
            drafts.update(|d| {
                d.remove(&item);
            });
        }
    });
    let contribute_error = Signal::derive(move || contribute.value().get().and_then(|r| r.err()));
    let open_error = Signal::derive(move || open.value().get().and_then(|r| r.err()));
    view! {
        <Transition fallback=|| ()>
            {move || {
                let slug = slug.clone();
                Suspend::new(async move {
                    let Ok(Some((_, facilitator, items))) = discussions.await else {
                        return ().into_any();
                    };
                    let question_id = DiscussionId::random().to_string();
                    let ask_slug = slug.clone();
                    view! {
                        <section aria-labelledby="discussions-heading" class="discussions">
                            <h2 id="discussions-heading">{tr(Msg::QuestionsToTheRoom)}</h2>
                            {facilitator.then(|| view! {
                                <ActionForm action=open attr:class="form" attr:novalidate=true>
                                    <FormProblem tr error=open_error/>
                                    <input type="hidden" name="slug" value=ask_slug/>
                                    <input type="hidden" name="id" value=question_id/>
                                    <Field name="question" id="new-question" label=tr(Msg::AskTheRoom)
                                        problem=Signal::derive(move || field_problem(tr, &open_error.get(), "question"))/>
                                    <button type="submit">{tr(Msg::Ask)}</button>
                                </ActionForm>
                            })}
                            {items.is_empty().then(|| view! { <p>{tr(Msg::NoQuestions)}</p> })}
                            <ul class="discussion-list">
                                {items.into_iter().map(|item| {
                                    let id = item.id;
                                    let field = format!("answer-{id}");
                                    let (slug_a, slug_b, slug_c) = (slug.clone(), slug.clone(), slug.clone());
                                    let shows = crate::domain::model::ScreenChoice::Question { item: id };
                                    view! {
                                        <li class="discussion" data-open=item.open.to_string()>
                                            <h3>{item.question.clone()}</h3>
                                            {(!item.open).then(|| view! { <p class="note">{tr(Msg::Closed)}</p> })}
                                            <ul class="contributions">
                                                {item.contributions.iter().map(|(who, text)| view! {
                                                    <li><strong>{who.clone()}</strong>": "{text.clone()}</li>
                                                }).collect_view()}
                                            </ul>
                                            {item.open.then(|| view! {
                                                <ActionForm action=contribute attr:class="form inline-answer" attr:novalidate=true>
                                                    <ReadyMark/>
                                                    <input type="hidden" name="slug" value=slug_a/>
                                                    <input type="hidden" name="item" value=id.to_string()/>
                                                    <input type="hidden" name="id" value=ContributionId::random().to_string()/>
                                                    <div class="field">
                                                        <label for=field.clone()>{tr(Msg::YourAnswer)}</label>
                                                        <input id=field.clone() name="text" type="text"
                                                            prop:value=move || drafts.with(|d| d.get(&id).cloned().unwrap_or_default())
                                                            on:input=move |ev| drafts.update(|d| { d.insert(id, event_target_value(&ev)); })
                                                            aria-describedby=format!("{field}-problem")/>
                                                        <p id=format!("{field}-problem") class="problem" role="alert">
                                                            {move || (answered.get() == Some(id))
                                                                .then(|| field_problem(tr, &contribute_error.get(), "text"))
                                                                .flatten()}
                                                        </p>
                                                    </div>
                                                    <button type="submit" on:click=move |_| answered.set(Some(id))>{tr(Msg::Send)}</button>
                                                </ActionForm>
                                            })}
                                            {(facilitator && item.open).then(|| view! {
                                                <ActionForm action=close attr:class="inline-form">
                                                    <ReadyMark/>
                                                    <input type="hidden" name="slug" value=slug_b/>
                                                    <input type="hidden" name="item" value=id.to_string()/>
                                                    <button type="submit" class="secondary">{tr(Msg::CloseQuestion)}</button>
                                                </ActionForm>
                                            })}
                                            {facilitator.then(|| view! { <super::remote::ShowOnScreen slug=slug_c shows/> })}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        </section>
                    }.into_any()
                })
            }}
        </Transition>
    }
}
