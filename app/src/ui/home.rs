use super::{use_locale, Failure};
use crate::api::list_workshops;
use crate::i18n::Msg;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn HomePage() -> impl IntoView {
    let tr = use_locale();
    let workshops = Resource::new(|| (), |_| list_workshops());
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
    }
}
