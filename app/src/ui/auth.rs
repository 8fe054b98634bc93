//! Signing in and out, and who is signed in.

use super::use_locale;
use super::Tr;
use crate::api::{who_am_i, SignIn, SignOut};
use crate::domain::error::AppError;
use crate::i18n::{problem, Msg};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

/// The problem with one field, from a failed submission, as a sentence.
pub fn field_problem(tr: Tr, error: &Option<AppError>, field: &str) -> Option<&'static str> {
    match error {
        Some(AppError::Invalid(fields)) => fields.get(field).map(|code| tr(problem(code))),
        Some(AppError::TooManyAttempts { .. }) if field == "password" => {
            Some(tr(Msg::ProblemTooManyAttempts))
        }
        _ => None,
    }
}

#[component]
pub fn SignInPage() -> impl IntoView {
    let tr = use_locale();
    let action = ServerAction::<SignIn>::new();
    let error = move || action.value().get().and_then(|result| result.err());
    let email_problem = move || field_problem(tr, &error(), "email");
    let password_problem = move || field_problem(tr, &error(), "password");
    view! {
        <Title text=tr(Msg::SignInTitle)/>
        <h1>{tr(Msg::SignInTitle)}</h1>
        <p>{tr(Msg::SignInIntro)}</p>
        <ActionForm action attr:class="form" attr:novalidate=true>
            <div class="field">
                <label for="email">{tr(Msg::Email)}</label>
                <input id="email" name="email" type="email" autocomplete="username" required
                    aria-invalid=move || email_problem().is_some().to_string()
                    aria-describedby="email-problem"/>
                <p id="email-problem" class="problem" role="alert">{email_problem}</p>
            </div>
            <div class="field">
                <label for="password">{tr(Msg::Password)}</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required
                    aria-invalid=move || password_problem().is_some().to_string()
                    aria-describedby="password-problem"/>
                <p id="password-problem" class="problem" role="alert">{password_problem}</p>
            </div>
            <button type="submit" disabled=move || action.pending().get()>
                {move || if action.pending().get() { tr(Msg::Working) } else { tr(Msg::SignIn) }}
            </button>
        </ActionForm>
    }
}

/// The header's account corner: sign in, or who is signed in and sign out.
#[component]
pub fn AccountCorner() -> impl IntoView {
    let tr = use_locale();
    let user = Resource::new(|| (), |_| who_am_i());
    let sign_out = ServerAction::<SignOut>::new();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match user.await {
                    Ok(Some(user)) => view! {
                        <div class="account">
                            <span>{tr(Msg::SignedInAs)}" "<strong>{user.name}</strong></span>
                            <ActionForm action=sign_out>
                                <button type="submit">{tr(Msg::SignOut)}</button>
                            </ActionForm>
                        </div>
                    }.into_any(),
                    _ => view! { <a class="account" href="/signin">{tr(Msg::SignIn)}</a> }.into_any(),
                }
            })}
        </Suspense>
    }
}
