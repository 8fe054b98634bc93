//! The facilitator's setup page: the workshop's organisations and their
//! delegates' invite links.

use super::forms::{field_problem, Field, FormProblem, HiddenFields, ReadyMark};
use super::live_list::LiveList;
use super::{use_locale, Failure, Tr};
use crate::api::{
    list_api_tokens, load_people, load_roster, load_stages, AddFacilitator, AddOrganisation,
    AmendOrganisation, CreateApiToken, IssueInvite, RemovePerson, RevokeApiToken, RevokeInvites,
    SetOrganisationIatiRef, SetStageStatus,
};
use crate::domain::analytics::RosterLine;
use crate::domain::commitment_form::{code_of, from_code};
use crate::domain::ids::OrganisationId;
use crate::domain::model::StageStatus;
use crate::domain::model::{Organisation, OrganisationType};
use crate::i18n::{organisation_type_name, stage_name, stage_status_name, Msg};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// The stored name of a type, as the form sends it.
fn kind_value(kind: OrganisationType) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

/// The IATI organisation types as a select's options, `selected` chosen.
fn kind_options(tr: Tr, selected: Option<OrganisationType>) -> impl IntoView {
    OrganisationType::ALL
        .into_iter()
        .map(|kind| {
            view! {
                <option value=kind_value(kind) selected=Some(kind) == selected>
                    {kind.iati_code()}" · "{tr(organisation_type_name(kind))}
                </option>
            }
        })
        .collect_view()
}

#[component]
pub fn SetupPage() -> impl IntoView {
    let tr = use_locale();
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let add = ServerAction::<AddOrganisation>::new();
    let issue = ServerAction::<IssueInvite>::new();
    let revoke = ServerAction::<RevokeInvites>::new();
    // Reloaded when anyone changes the workshop: an organisation added here
    // or elsewhere, a delegate joining.
    let version = super::live::use_live_version(slug);
    let roster = Resource::new(slug, load_roster);
    super::live::follow(version, roster, |(_, version, _)| *version);
    // The forms and the live lists are drawn once, from a resource the
    // stream does not refetch: only the roster is redrawn when the workshop
    // moves, so nothing being typed is swept away.
    let access = Resource::new(slug, load_roster);
    view! {
        <Title text=tr(Msg::SetupTitle)/>
        <Transition fallback=move || view! { <p>{tr(Msg::Loading)}</p> }>
            {move || Suspend::new(async move {
                match roster.await {
                    Err(error) => view! { <Failure error/> }.into_any(),
                    Ok((title, _, lines)) => view! {
                        <p class="eyebrow">{tr(Msg::SetupTitle)}</p>
                        <h1>{title}</h1>
                        <h2>{tr(Msg::Partners)}</h2>
                        <ul class="roster">
                            {lines.into_iter().map(|line| view! { <RosterItem slug=slug() line issue revoke/> }).collect_view()}
                        </ul>
                    }.into_any(),
                }
            })}
        </Transition>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                access.await.ok().map(|_| view! {
                    <nav class="workshop-nav" aria-label=tr(Msg::SetupTitle)>
                        <ul class="nav-links">
                            <li><a href=format!("/w/{}/commitments", slug())>{tr(Msg::StageCommitments)}</a></li>
                            <li><a href=format!("/w/{}/screen", slug())>{tr(Msg::ScreenLink)}</a></li>
                            <li><a href=format!("/w/{}/remote", slug())>{tr(Msg::RemoteTitle)}</a></li>
                        </ul>
                    </nav>
                    <StageControls slug=slug()/>
                    <super::stage_timer::StageTimerControls slug=slug()/>
                    <super::stage_timer::ScreenLanguagesControls slug=slug()/>
                    <super::remote::ScreenControls slug=slug()/>
                    <super::room::DelegationRequests slug=slug()/>
                    <NewOrganisationForm slug=slug() action=add/>
                    <super::cities::Cities slug=slug()/>
                    <AddFacilitatorForm slug=slug()/>
                    <People slug=slug()/>
                    <ApiTokens slug=slug()/>
                })
            })}
        </Suspense>
    }
}

#[component]
fn RosterItem(
    slug: String,
    line: RosterLine,
    /// Page-wide, so that a link just made survives the list being redrawn
    /// when the workshop changes; each answer names its organisation.
    issue: ServerAction<IssueInvite>,
    revoke: ServerAction<RevokeInvites>,
) -> impl IntoView {
    let tr = use_locale();
    let me = line.organisation.id.to_string();
    let (issue_for, revoke_for) = (me.clone(), me.clone());
    let issued_here = {
        let me = me.clone();
        move || {
            issue
                .value()
                .get()
                .and_then(|r| r.ok())
                .filter(|(org, _)| *org == me)
                .map(|(_, url)| url)
        }
    };
    let revoked_here = move || matches!(revoke.value().get(), Some(Ok(org)) if org == me);
    let iati_slug = slug.clone();
    let (issue_slug, revoke_slug, correct_slug) = (slug.clone(), slug.clone(), slug);
    let place = [
        line.organisation.name_zh.clone(),
        Some(line.organisation.country.clone()),
        line.organisation.city.clone(),
        line.organisation.iati_ref.clone(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    view! {
        <li>
            <div class="who">
                <strong>{line.organisation.name.clone()}</strong>
                <span class="kind">{tr(organisation_type_name(line.organisation.kind))}</span>
                {line.organisation.is_financier().then(|| view! { <span class="kind financier">{tr(Msg::GroupFinancier)}</span> })}
                <span class="place">{place}</span>
                <span class="count">{line.delegates}" "{tr(Msg::DelegatesInRoom)}</span>
            </div>
            <div class="actions">
                <ActionForm action=issue>
                    <ReadyMark/>
                    <input type="hidden" name="slug" value=issue_slug/>
                    <input type="hidden" name="organisation" value=issue_for/>
                    <button type="submit">{tr(Msg::IssueInvite)}</button>
                </ActionForm>
                <ActionForm action=revoke>
                    <ReadyMark/>
                    <input type="hidden" name="slug" value=revoke_slug/>
                    <input type="hidden" name="organisation" value=revoke_for/>
                    <button type="submit" class="secondary">{tr(Msg::RevokeInvites)}</button>
                </ActionForm>
            </div>
            {move || issued_here().map(|url| view! {
                <div class="invite" role="status">
                    <label>
                        {tr(Msg::InviteLink)}
                        <input type="text" readonly value=url class="invite-url"/>
                    </label>
                    <p class="help">{tr(Msg::InviteShownOnce)}</p>
                </div>
            })}
            {move || revoked_here().then(|| view! {
                <p class="note" role="status">{tr(Msg::InvitesRevoked)}</p>
            })}
            <IatiRefForm slug=iati_slug organisation=line.organisation.id.to_string()
                current=line.organisation.iati_ref.clone().unwrap_or_default()/>
            <OrganisationCorrection slug=correct_slug organisation=line.organisation.clone()/>
        </li>
    }
}

/// An organisation's IATI identifier, given or corrected after it was
/// added (it is often looked up later); blank takes it away.
#[component]
fn IatiRefForm(slug: String, organisation: String, current: String) -> impl IntoView {
    let tr = use_locale();
    let action = ServerAction::<SetOrganisationIatiRef>::new();
    let error = Signal::derive(move || action.value().get().and_then(|r| r.err()));
    let problem = Signal::derive(move || field_problem(tr, &error.get(), "iati_ref"));
    view! {
        <ActionForm action attr:class="form iati-ref" attr:novalidate=true>
            <FormProblem tr error/>
            <input type="hidden" name="slug" value=slug/>
            <input type="hidden" name="organisation" value=organisation.clone()/>
            <Field name="iati_ref" id=format!("iati-ref-{organisation}") label=tr(Msg::OrganisationIatiRef)
                help=tr(Msg::OrganisationIatiRefHelp) value=current problem/>
            <button type="submit" class="secondary" disabled=move || action.pending().get()>
                {tr(Msg::SaveIatiRef)}
            </button>
        </ActionForm>
    }
}

/// An organisation's correction (its names, type, country, city, whether
/// it finances), under its id; the form is built only while open.
#[component]
fn OrganisationCorrection(slug: String, organisation: Organisation) -> impl IntoView {
    let tr = use_locale();
    let amend = ServerAction::<AmendOrganisation>::new();
    let error = Signal::derive(move || amend.value().get().and_then(|result| result.err()));
    let problem = move |field: &'static str| Signal::derive(move || field_problem(tr, &error.get(), field));
    let open = RwSignal::new(false);
    let id = organisation.id;
    let field_id = move |field: &str| format!("org-{id}-{field}");
    view! {
        <details class="correction" prop:open=move || open.get()>
            <summary on:click=move |ev| {
                ev.prevent_default();
                open.update(|open| *open = !*open);
            }>{tr(Msg::CorrectCity)}</summary>
            {move || {
                let (o, slug) = (organisation.clone(), slug.clone());
                open.get().then(move || view! {
                    <ActionForm action=amend attr:class="form" attr:novalidate=true>
                        <FormProblem tr error/>
                        <input type="hidden" name="slug" value=slug.clone()/>
                        <input type="hidden" name="id" value=o.id.to_string()/>
                        <Field name="name" id=field_id("name") label=tr(Msg::OrganisationName) value=o.name.clone() problem=problem("name")/>
                        <Field name="name_zh" id=field_id("name-zh") label=tr(Msg::OrganisationNameZh)
                            value=o.name_zh.clone().unwrap_or_default() problem=problem("name_zh")/>
                        <div class="field">
                            <label for=field_id("kind")>{tr(Msg::OrganisationKind)}</label>
                            <select id=field_id("kind") name="kind">
                                {kind_options(tr, Some(o.kind))}
                            </select>
                        </div>
                        <div class="field checkbox">
                            <label>
                                <input type="checkbox" name="financier" value="true" checked=o.is_financier()/>
                                " "{tr(Msg::FinancierLabel)}
                            </label>
                        </div>
                        <Field name="country" id=field_id("country") label=tr(Msg::Country) value=o.country.clone() problem=problem("country")/>
                        <Field name="city" id=field_id("city") label=tr(Msg::City) value=o.city.clone().unwrap_or_default() problem=problem("city")/>
                        <button type="submit" disabled=move || amend.pending().get()>{tr(Msg::Save)}</button>
                    </ActionForm>
                })
            }}
        </details>
    }
}

#[component]
fn NewOrganisationForm(slug: String, action: ServerAction<AddOrganisation>) -> impl IntoView {
    let tr = use_locale();
    let error = Signal::derive(move || action.value().get().and_then(|result| result.err()));
    let problem = move |field: &'static str| Signal::derive(move || field_problem(tr, &error.get(), field));
    // A fresh id after each success, so the next organisation is a new one
    // while a retried submit of this one stays this one.
    let id = move || {
        action.version().get();
        OrganisationId::random().to_string()
    };
    // Ticked for the types that usually finance; the facilitator decides.
    let kind = RwSignal::new(OrganisationType::ALL[0]);
    view! {
        <section aria-labelledby="add-organisation-heading">
            <h2 id="add-organisation-heading">{tr(Msg::AddOrganisation)}</h2>
            <ActionForm action attr:class="form" attr:novalidate=true>
                <FormProblem tr error/>
                <input type="hidden" name="slug" value=slug/>
                <input type="hidden" name="id" value=id/>
                <Field name="name" label=tr(Msg::OrganisationName) problem=problem("name")/>
                <Field name="name_zh" label=tr(Msg::OrganisationNameZh) problem=problem("name_zh")/>
                <div class="field">
                    <label for="kind">{tr(Msg::OrganisationKind)}</label>
                    <select id="kind" name="kind" on:change=move |ev| {
                        if let Some(chosen) = from_code(&event_target_value(&ev)) {
                            kind.set(chosen);
                        }
                    }>
                        {kind_options(tr, None)}
                    </select>
                </div>
                <div class="field checkbox">
                    <label>
                        <input type="checkbox" name="financier" value="true"
                            prop:checked=move || kind.get().finances_by_default()/>
                        " "{tr(Msg::FinancierLabel)}
                    </label>
                </div>
                <p class="help">{tr(Msg::FinancierHelp)}</p>
                <Field name="country" label=tr(Msg::Country) help=tr(Msg::CountryHelp) problem=problem("country")/>
                <Field name="city" label=tr(Msg::City) problem=problem("city")/>
                <Field name="iati_ref" label=tr(Msg::OrganisationIatiRef) help=tr(Msg::OrganisationIatiRefHelp)
                    problem=problem("iati_ref")/>
                <button type="submit" disabled=move || action.pending().get()>
                    {move || if action.pending().get() { tr(Msg::Working) } else { tr(Msg::Add) }}
                </button>
            </ActionForm>
        </section>
    }
}

#[component]
fn AddFacilitatorForm(slug: String) -> impl IntoView {
    let tr = use_locale();
    let action = ServerAction::<AddFacilitator>::new();
    let error = Signal::derive(move || action.value().get().and_then(|result| result.err()));
    let problem = move |field: &'static str| Signal::derive(move || field_problem(tr, &error.get(), field));
    view! {
        <section aria-labelledby="add-facilitator-heading">
            <h2 id="add-facilitator-heading">{tr(Msg::AddFacilitator)}</h2>
            <p class="help">{tr(Msg::AddFacilitatorHelp)}</p>
            <ActionForm action attr:class="form" attr:novalidate=true>
                <FormProblem tr error/>
                <input type="hidden" name="slug" value=slug/>
                <Field name="email" id="facilitator-email" label=tr(Msg::Email) kind="email" autocomplete="off"
                    problem=problem("email")/>
                <Field name="name" id="facilitator-name" label=tr(Msg::FacilitatorName) autocomplete="off"
                    problem=problem("name")/>
                <button type="submit" disabled=move || action.pending().get()>{tr(Msg::Add)}</button>
                {move || match action.value().get() {
                    Some(Ok(Some(link))) => Some(view! {
                        <div class="note" role="status">
                            <p>{tr(Msg::FacilitatorAdded)}" "{tr(Msg::PasswordLinkFor)}</p>
                            <p><code class="secret">{link}</code></p>
                        </div>
                    }.into_any()),
                    Some(Ok(None)) => Some(view! {
                        <p class="note" role="status">{tr(Msg::FacilitatorAdded)}</p>
                    }.into_any()),
                    _ => None,
                }}
            </ActionForm>
        </section>
    }
}

/// Everyone who joined, each with a button that removes them.
#[component]
fn People(slug: String) -> impl IntoView {
    let tr = use_locale();
    let remove = ServerAction::<RemovePerson>::new();
    let people = super::live::live_resource(slug.clone(), load_people, |(version, _)| *version);
    view! {
        <section aria-labelledby="people-heading">
            <h2 id="people-heading">{tr(Msg::People)}</h2>
            <p class="help">{tr(Msg::PeopleHelp)}</p>
            <FormProblem tr error=Signal::derive(move || remove.value().get().and_then(|r| r.err()))/>
            <LiveList resource=people entries=|(_, list)| list class="people" empty=Msg::NoPeople item=move |person| {
                let label = format!("{} {}", tr(Msg::Remove), person.name);
                let hidden = vec![("slug", slug.clone()), ("person", person.id.to_string())];
                view! {
                    <li>
                        <strong>{person.name.clone()}</strong>
                        {person.organisation.map(|o| format!(" ({o})"))}
                        <ActionForm action=remove attr:class="inline-form">
                            <ReadyMark/>
                            <HiddenFields fields=hidden/>
                            <button type="submit" class="secondary" aria-label=label>{tr(Msg::Remove)}</button>
                        </ActionForm>
                    </li>
                }
            }/>
        </section>
    }
}

#[component]
fn ApiTokens(slug: String) -> impl IntoView {
    let tr = use_locale();
    let create = ServerAction::<CreateApiToken>::new();
    let revoke = ServerAction::<RevokeApiToken>::new();
    let listed_for = slug.clone();
    let tokens = Resource::new(
        move || (listed_for.clone(), create.version().get(), revoke.version().get()),
        |(slug, _, _)| list_api_tokens(slug),
    );
    let (create_slug, list_slug) = (slug.clone(), slug);
    view! {
        <section aria-labelledby="api-tokens-heading">
            <h2 id="api-tokens-heading">{tr(Msg::ApiTokens)}</h2>
            <p class="help">{tr(Msg::ApiTokensHelp)}</p>
            <ActionForm action=create>
                <ReadyMark/>
                <input type="hidden" name="slug" value=create_slug/>
                <button type="submit">{tr(Msg::CreateApiToken)}</button>
            </ActionForm>
            {move || create.value().get().and_then(|r| r.ok()).map(|(_, secret)| view! {
                <div class="invite" role="status">
                    <label>
                        {tr(Msg::Token)}
                        <input type="text" readonly value=secret class="api-token"/>
                    </label>
                    <p class="help">{tr(Msg::NewTokenShownOnce)}</p>
                </div>
            })}
            <LiveList resource=tokens entries=|list| list class="tokens" empty=Msg::NoTokens item=move |token| {
                let hidden = vec![("slug", list_slug.clone()), ("id", token.id.clone())];
                view! {
                <li>
                    <code>{token.id.clone()}</code>
                    <span>{tr(Msg::Created)}" "{token.created_at.format("%Y-%m-%d %H:%M UTC").to_string()}</span>
                    {if token.revoked {
                        view! { <span class="revoked">{tr(Msg::Revoked)}</span> }.into_any()
                    } else {
                        view! {
                            <ActionForm action=revoke>
                                <ReadyMark/>
                                <HiddenFields fields=hidden/>
                                <button type="submit" class="secondary">{tr(Msg::Revoke)}</button>
                            </ActionForm>
                        }.into_any()
                    }}
                </li>
                }
            }/>
        </section>
    }
}

/// Open, lock and reopen each stage; every open page follows at once.
#[component]
fn StageControls(slug: String) -> impl IntoView {
    let tr = use_locale();
    let change = ServerAction::<SetStageStatus>::new();
    let stages = super::live::live_resource(slug.clone(), load_stages, |(version, _)| *version);
    view! {
        <section aria-labelledby="stages-heading">
            <h2 id="stages-heading">{tr(Msg::Stages)}</h2>
            <LiveList resource=stages entries=|(_, list)| list class="stage-controls" item=move |(stage, status)| {
                let (action, label) = match status {
                    StageStatus::NotStarted => ("open", Msg::OpenStage),
                    StageStatus::Open => ("locked", Msg::LockStage),
                    StageStatus::Locked => ("open", Msg::ReopenStage),
                };
                let name = tr(stage_name(stage));
                let hidden = vec![("slug", slug.clone()), ("stage", code_of(stage)), ("status", action.to_string())];
                view! {
                    <li data-stage=stage.number()>
                        <span class="stage-name">{tr(Msg::StageLabel)}" "{stage.number()}" · "{name}</span>
                        <span class="stage-status" data-status=code_of(status)>{tr(stage_status_name(status))}</span>
                        <ActionForm action=change attr:class="inline-form">
                            <ReadyMark/>
                            <HiddenFields fields=hidden/>
                            <button type="submit" aria-label=format!("{}: {name}", tr(label))>{tr(label)}</button>
                        </ActionForm>
                    </li>
                }
            }/>
        </section>
    }
}
