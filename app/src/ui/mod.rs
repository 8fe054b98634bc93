//! The pages. Strings come from `i18n`; figures come from `domain`; views
//! only lay them out.

mod auth;
mod bars;
mod business;
mod business_charts;
mod business_figures;
mod business_risks;
mod business_screen;
mod cities;
mod commitment_editors;
mod commitments;
mod design;
mod design_tables;
mod forms;
mod home;
mod join;
mod live;
mod live_dashboard;
mod live_list;
mod locale;
mod main_screen;
mod partnership;
mod proposal;
mod proposal_narrative;
mod proposal_screen;
mod remote;
mod room;
mod screen;
mod screen_room;
mod screen_years;
mod setup;
mod stage_screens;
mod stage_timer;
mod timeline;
mod walk;
mod workshop;

pub use locale::{use_locale, Tr};

use crate::i18n::Msg;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet, Title};
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::{path, SsrMode};

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let locale = locale::request_locale();
    view! {
        <!DOCTYPE html>
        <html lang=locale.tag()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                // No icon to fetch: an empty one keeps a 404 out of the console.
                <link rel="icon" href="data:,"/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_context(locale::request_locale());
    provide_context(auth::SessionVersion(RwSignal::new(0)));
    mark_hydrated();
    let tr = use_locale();
    view! {
        <Stylesheet id="leptos" href="/pkg/roundtable.css"/>
        <Title formatter=move |page: String| {
            if page.is_empty() { tr(Msg::AppName).to_string() } else { format!("{page} · {}", tr(Msg::AppName)) }
        }/>
        <Router>
            // rel=external: the router would only scroll; the browser also moves focus.
            <a class="skip-link" href="#main" rel="external">{tr(Msg::SkipToContent)}</a>
            <header class="site-header">
                <A href="/" attr:class="brand">{tr(Msg::AppName)}</A>
                <auth::AccountCorner/>
                <locale::LanguageSwitch/>
            </header>
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("") view=home::HomePage ssr=SsrMode::Async/>
                    <Route path=path!("/w/:slug") view=workshop::WorkshopPage ssr=SsrMode::Async/>
                    <Route path=path!("/w/:slug/setup") view=setup::SetupPage ssr=SsrMode::Async/>
                    <Route path=path!("/signin") view=auth::SignInPage ssr=SsrMode::Async/>
                    <Route path=path!("/account/password") view=auth::ChangePasswordPage ssr=SsrMode::Async/>
                    <Route path=path!("/password/:token") view=auth::SetPasswordPage ssr=SsrMode::Async/>
                    <Route path=path!("/join/:token") view=join::JoinPage ssr=SsrMode::Async/>
                    <Route path=path!("/w/:slug/design") view=design::DesignPage ssr=SsrMode::Async/>
                    <Route path=path!("/w/:slug/partnership") view=partnership::PartnershipPage ssr=SsrMode::Async/>
                    <Route path=path!("/w/:slug/business-model") view=business::BusinessModelPage ssr=SsrMode::Async/>
                    <Route path=path!("/w/:slug/commitments") view=commitments::CommitmentsPage ssr=SsrMode::Async/>
                    <Route path=path!("/w/:slug/proposal") view=proposal::ProposalPage ssr=SsrMode::Async/>
                    <Route path=path!("/w/:slug/proposal/compare") view=proposal::ProposalComparePage ssr=SsrMode::Async/>
                    <Route path=path!("/w/:slug/screen") view=main_screen::MainScreenPage ssr=SsrMode::Async/>
                    <Route path=path!("/w/:slug/screen/commitments") view=screen::ScreenPage ssr=SsrMode::Async/>
                    <Route path=path!("/w/:slug/screen/proposal") view=proposal_screen::ProposalScreenPage ssr=SsrMode::Async/>
                    <Route path=path!("/w/:slug/remote") view=remote::RemotePage ssr=SsrMode::Async/>
                    <Route path=path!("/w/:slug/screen/business-model") view=business_screen::BusinessScreenPage ssr=SsrMode::Async/>
                    <Route path=path!("/w/:slug/screen/design") view=stage_screens::DesignScreenPage ssr=SsrMode::Async/>
                    <Route path=path!("/w/:slug/screen/partnership") view=stage_screens::PartnershipScreenPage ssr=SsrMode::Async/>
                    <Route path=path!("/w/:slug/room") view=room::MyRoomPage ssr=SsrMode::Async/>
                    <Route path=path!("/room") view=room::RoomJoinPage ssr=SsrMode::Async/>
                </Routes>
            </main>
        </Router>
    }
}

/// Marks `<body data-hydrated>` once the WASM has taken over the page, for
/// the browser tests to wait on (a page with a live stream never goes
/// network-idle). Forms inside a `<Suspense>` may hydrate after this, so the
/// tests also wait for every form's own `data-ready` (`forms::ReadyMark`).
fn mark_hydrated() {
    #[cfg(feature = "hydrate")]
    Effect::new(|_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });
}

#[component]
fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    let tr = use_locale();
    view! {
        <Title text=tr(Msg::NotFoundTitle)/>
        <h1>{tr(Msg::NotFoundTitle)}</h1>
        <p>{tr(Msg::NotFoundText)}</p>
    }
}

/// What a page shows when its data could not be had.
#[component]
fn Failure(error: crate::domain::error::AppError) -> impl IntoView {
    use crate::domain::error::AppError;
    let tr = use_locale();
    match error {
        AppError::NotFound(_) => NotFound().into_any(),
        AppError::Unauthenticated => view! {
            <div role="alert" class="failure">
                <p>{tr(Msg::ProblemSignInFirst)}</p>
                <p><a href="/signin">{tr(Msg::SignIn)}</a></p>
            </div>
        }
        .into_any(),
        AppError::Forbidden => view! {
            <div role="alert" class="failure"><p>{tr(Msg::ProblemForbidden)}</p></div>
        }
        .into_any(),
        _ => view! {
            <div role="alert" class="failure">
                <h1>{tr(Msg::ErrorTitle)}</h1>
                <p>{tr(Msg::ErrorText)}</p>
            </div>
        }
        .into_any(),
    }
}
