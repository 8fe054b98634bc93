use super::forms::{field_problem, Field, FormProblem};
use super::{use_locale, Failure};
use crate::api::{list_workshops, CreateWorkshop};
use crate::domain::ids::WorkshopId;
use crate::i18n::Msg;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn HomePage() -> impl IntoView {
    let tr = use_locale();
    let workshops = Resource::new(|| (), |_| list_workshops());
    let user = super::auth::signed_in_user();
    view! {
        <Title text=""/>
        <section class="hero">
            <h1>{tr(Msg::AppName)}</h1>
            <p class="tagline">{tr(Msg::Tagline)}</p>
        </section>
        <section aria-labelledby="workshops-heading">
            <h2 id="workshops-heading">{tr(Msg::Workshops)}</h2>
            <Suspense fallback=move || view! { <p>{tr(Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match workshops.await {
                        Err(error) => view! { <Failure error/> }.into_any(),
                        Ok(list) if list.is_empty() => view! { <p>{tr(Msg::NoWorkshops)}</p> }.into_any(),
                        Ok(list) => view! {
                            <ul class="workshop-list">
                                {list.into_iter().map(|w| view! {
                                    <li>
                                        <a href=format!("/w/{}", w.slug)>{w.title}</a>
                                        <span class="programme">{w.programme}</span>
                                        <span class="count">{w.organisations}" "{tr(Msg::Organisations)}</span>
                                    </li>
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </section>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                matches!(user.await, Ok(Some(_))).then(|| view! { <NewWorkshopForm/> })
            })}
        </Suspense>
    }
}

#[component]
fn NewWorkshopForm() -> impl IntoView {
    let tr = use_locale();
    let action = ServerAction::<CreateWorkshop>::new();
    let error = Signal::derive(move || action.value().get().and_then(|result| result.err()));
    let problem = move |field: &'static str| Signal::derive(move || field_problem(tr, &error.get(), field));
    // Fixed when the form is rendered, so a resubmission is the same workshop.
    let id = WorkshopId::random().to_string();
    view! {
        <section aria-labelledby="new-workshop-heading" class="new-workshop">
            <h2 id="new-workshop-heading">{tr(Msg::NewWorkshop)}</h2>
            <ActionForm action attr:class="form" attr:novalidate=true>
                <FormProblem tr error/>
                <input type="hidden" name="id" value=id/>
                <Field name="title" label=tr(Msg::WorkshopTitle) problem=problem("title")/>
                <Field name="programme" label=tr(Msg::ProgrammeName) problem=problem("programme")/>
                <Field name="slug" label=tr(Msg::Slug) help=tr(Msg::SlugHelp) problem=problem("slug")/>
                <Field name="reporting_currency" label=tr(Msg::ReportingCurrency) help=tr(Msg::ReportingCurrencyHelp)
                    value="USD" problem=problem("reporting_currency")/>
                <button type="submit" disabled=move || action.pending().get()>
                    {move || if action.pending().get() { tr(Msg::Working) } else { tr(Msg::Create) }}
                </button>
            </ActionForm>
        </section>
    }
}
