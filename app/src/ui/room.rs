//! The room for people without an invite link: join with the code on the
//! projector, then ask to act for an organisation; the facilitator's live
//! list of those requests.

use super::forms::{field_problem, Field, FormProblem, SelectField};
use super::{use_locale, Failure};
use crate::api::{load_my_room, load_requests, DecideDelegation, JoinRoom, RequestDelegation};
use crate::domain::ids::ParticipantId;
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
    }
}

/// The facilitator's live list of requests to act for an organisation,
/// each approved or declined with one click.
#[component]
pub fn DelegationRequests(slug: String) -> impl IntoView {
    let tr = use_locale();
    let decide = ServerAction::<DecideDelegation>::new();
    let live_slug = slug.clone();
    let version = super::live::use_live_version(move || live_slug.clone());
    let list_slug = slug.clone();
    let requests = Resource::new(move || list_slug.clone(), load_requests);
    super::live::follow(version, requests, |(version, _)| *version);
    view! {
        <section aria-labelledby="requests-heading">
            <h2 id="requests-heading">{tr(Msg::Requests)}</h2>
            <Transition fallback=|| ()>
                {move || {
                    let slug = slug.clone();
                    Suspend::new(async move {
                        let (_, list) = requests.await.unwrap_or_default();
                        if list.is_empty() {
                            return view! { <p>{tr(Msg::NoRequests)}</p> }.into_any();
                        }
                        view! {
                            <ul class="requests">
                                {list.into_iter().map(|r| {
                                    let participant = r.participant.to_string();
                                    let (slug_a, slug_b) = (slug.clone(), slug.clone());
                                    let (participant_a, name_a, name_b) = (participant.clone(), r.name.clone(), r.name.clone());
                                    view! {
                                        <li>
                                            <strong>{r.name.clone()}</strong>" → "{r.organisation.clone()}
                                            <ActionForm action=decide attr:class="inline-form">
                                                <input type="hidden" name="slug" value=slug_a/>
                                                <input type="hidden" name="participant" value=participant_a/>
                                                <input type="hidden" name="decision" value="approve"/>
                                                <button type="submit">{tr(Msg::Approve)}" "{name_a}</button>
                                            </ActionForm>
                                            <ActionForm action=decide attr:class="inline-form">
                                                <input type="hidden" name="slug" value=slug_b/>
                                                <input type="hidden" name="participant" value=participant/>
                                                <input type="hidden" name="decision" value="decline"/>
                                                <button type="submit" class="secondary">{tr(Msg::Decline)}" "{name_b}</button>
                                            </ActionForm>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    })
                }}
            </Transition>
        </section>
    }
}
