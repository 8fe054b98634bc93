//! Signing in and out, and who is signed in.

use super::forms::{field_problem, Field, FormProblem, ReadyMark};
use super::use_locale;
use crate::api::{load_password_link, who_am_i, ChangePassword, SetPasswordByLink, SignIn, SignOut};
use crate::i18n::Msg;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

/// Bumped whenever this page signs in or out, so that everything showing
/// who is signed in asks again without a full reload.
#[derive(Clone, Copy)]
pub struct SessionVersion(pub RwSignal<u32>);

/// Who is signed in, re-asked after every sign-in and sign-out.
pub fn signed_in_user(
) -> Resource<Result<Option<crate::domain::account::SignedIn>, crate::domain::error::AppError>> {
    let version = use_context::<SessionVersion>().map(|v| v.0);
    Resource::new(move || version.map(|v| v.get()), |_| who_am_i())
}

/// Tells the page that the session changed once `action` succeeded.
fn bump_on_success<A>(action: ServerAction<A>)
where
    A: leptos::server_fn::ServerFn<Output = (), Error = crate::domain::error::AppError>
        + Clone
        + Send
        + Sync
        + 'static,
{
    if let Some(SessionVersion(version)) = use_context::<SessionVersion>() {
        Effect::new(move |_| {
            if matches!(action.value().get(), Some(Ok(()))) {
                version.update(|v| *v += 1);
            }
        });
    }
}

#[component]
pub fn SignInPage() -> impl IntoView {
    let tr = use_locale();
    let action = ServerAction::<SignIn>::new();
    bump_on_success(action);
    let error = move || action.value().get().and_then(|result| result.err());
    let email_problem = move || field_problem(tr, &error(), "email");
    let password_problem = move || field_problem(tr, &error(), "password");
    view! {
        <Title text=tr(Msg::SignInTitle)/>
        <h1>{tr(Msg::SignInTitle)}</h1>
        <p>{tr(Msg::SignInIntro)}</p>
        <ActionForm action attr:class="form" attr:novalidate=true>
            <FormProblem tr error=Signal::derive(error)/>
            <Field name="email" label=tr(Msg::Email) kind="email" autocomplete="username"
                problem=Signal::derive(email_problem)/>
            <Field name="password" label=tr(Msg::Password) kind="password" autocomplete="current-password"
                problem=Signal::derive(password_problem)/>
            <button type="submit" disabled=move || action.pending().get()>
                {move || if action.pending().get() { tr(Msg::Working) } else { tr(Msg::SignIn) }}
            </button>
        </ActionForm>
    }
}

/// A signed-in facilitator changes their own password: `/account/password`.
#[component]
pub fn ChangePasswordPage() -> impl IntoView {
    let tr = use_locale();
    let action = ServerAction::<ChangePassword>::new();
    let error = Signal::derive(move || action.value().get().and_then(|result| result.err()));
    let problem = move |field: &'static str| Signal::derive(move || field_problem(tr, &error.get(), field));
    view! {
        <Title text=tr(Msg::ChangePasswordTitle)/>
        <h1>{tr(Msg::ChangePasswordTitle)}</h1>
        <p>{tr(Msg::ChangePasswordIntro)}</p>
        <ActionForm action attr:class="form" attr:novalidate=true>
            <FormProblem tr error/>
            <Field name="current" label=tr(Msg::CurrentPassword) kind="password" autocomplete="current-password"
                problem=problem("current")/>
            <Field name="password" label=tr(Msg::NewPasswordLabel) kind="password" autocomplete="new-password"
                help=tr(Msg::NewPasswordHelp) problem=problem("password")/>
            <button type="submit" disabled=move || action.pending().get()>{tr(Msg::ChangePasswordTitle)}</button>
            {move || matches!(action.value().get(), Some(Ok(()))).then(|| view! {
                <p class="note" role="status">{tr(Msg::PasswordChanged)}</p>
            })}
        </ActionForm>
    }
}

/// A new facilitator sets their own password with a one-time link:
/// `/password/{token}`.
#[component]
pub fn SetPasswordPage() -> impl IntoView {
    let tr = use_locale();
    let params = leptos_router::hooks::use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let link = Resource::new(token, load_password_link);
    let action = ServerAction::<SetPasswordByLink>::new();
    let error = Signal::derive(move || action.value().get().and_then(|result| result.err()));
    let problem = move |field: &'static str| Signal::derive(move || field_problem(tr, &error.get(), field));
    view! {
        <Title text=tr(Msg::SetPasswordTitle)/>
        <h1>{tr(Msg::SetPasswordTitle)}</h1>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match link.await {
                    Ok(email) => view! {
                        <p>{tr(Msg::SetPasswordIntro)}" "<strong>{email}</strong></p>
                        <ActionForm action attr:class="form" attr:novalidate=true>
                            <FormProblem tr error/>
                            <input type="hidden" name="token" value=token()/>
                            <Field name="password" label=tr(Msg::NewPasswordLabel) kind="password"
                                autocomplete="new-password" help=tr(Msg::NewPasswordHelp)
                                problem=problem("password")/>
                            <button type="submit" disabled=move || action.pending().get()>{tr(Msg::SetPasswordTitle)}</button>
                        </ActionForm>
                    }.into_any(),
                    Err(_) => view! { <p role="alert">{tr(Msg::PasswordLinkDead)}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The header's account corner: sign in, or who is signed in and sign out.
#[component]
pub fn AccountCorner() -> impl IntoView {
    let tr = use_locale();
    let user = signed_in_user();
    let sign_out = ServerAction::<SignOut>::new();
    bump_on_success(sign_out);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match user.await {
                    Ok(Some(user)) => view! {
                        <div class="account">
                            <span>{tr(Msg::SignedInAs)}" "<strong>{user.name}</strong></span>
                            <a href="/account/password">{tr(Msg::ChangePasswordTitle)}</a>
                            <ActionForm action=sign_out>
                                <ReadyMark/>
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
