//! Opening an invite link: who you join for, and your name.

use super::forms::{field_problem, Field, FormProblem};
use super::use_locale;
use crate::api::{load_invite, JoinWorkshop};
use crate::domain::ids::DelegateId;
use crate::i18n::Msg;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn JoinPage() -> impl IntoView {
    let tr = use_locale();
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let invite = Resource::new(token, load_invite);
    let action = ServerAction::<JoinWorkshop>::new();
    let error = Signal::derive(move || action.value().get().and_then(|result| result.err()));
    let problem = move |field: &'static str| Signal::derive(move || field_problem(tr, &error.get(), field));
    // Fixed at render: a retried join is the same delegate.
    let delegate = DelegateId::random().to_string();
    view! {
        <Title text=tr(Msg::JoinTitle)/>
        <h1>{tr(Msg::JoinTitle)}</h1>
        <Suspense fallback=move || view! { <p>{tr(Msg::Loading)}</p> }>
            {move || {
                let delegate = delegate.clone();
                Suspend::new(async move {
                    match invite.await {
                        Err(_) => view! { <p class="problem form-problem" role="alert">{tr(Msg::InviteInvalid)}</p> }.into_any(),
                        Ok(invite) => view! {
                            <p class="workshop-title">{invite.workshop_title}</p>
                            <p>{tr(Msg::JoinAs)}" "<strong>{invite.organisation_name}</strong></p>
                            <ActionForm action attr:class="form" attr:novalidate=true>
                                <FormProblem tr error/>
                                <input type="hidden" name="token" value=token()/>
                                <input type="hidden" name="delegate" value=delegate/>
                                <Field name="name" label=tr(Msg::YourName) autocomplete="name" problem=problem("name")/>
                                <Field name="email" label=tr(Msg::YourEmail) kind="email" autocomplete="email" problem=problem("email")/>
                                <button type="submit" disabled=move || action.pending().get()>{tr(Msg::Join)}</button>
                            </ActionForm>
                        }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
