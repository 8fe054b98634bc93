//! The setup page's participating cities: the list, each one's correction,
//! and a form to add one.

use super::forms::{field_problem, Field, FormProblem, SelectField};
use super::live_list::LiveList;
use super::use_locale;
use crate::api::{load_cities, SaveCity};
use crate::domain::cities::{CitiesView, CityLine};
use crate::domain::dashboard::Bar;
use crate::domain::figures::amount_in;
use crate::domain::forms::CityForm;
use crate::domain::ids::{CityId, OrganisationId};
use crate::domain::money::Currency;
use crate::i18n::Msg;
use leptos::form::ActionForm;
use leptos::prelude::*;
use rust_decimal::Decimal;

/// Each city with the organisations its correction may name.
fn lines(view: CitiesView) -> Vec<(CityLine, Vec<(OrganisationId, String)>)> {
    let organisations = view.organisations;
    view.cities
        .into_iter()
        .map(|line| (line, organisations.clone()))
        .collect()
}

#[component]
pub fn Cities(slug: String) -> impl IntoView {
    let tr = use_locale();
    let cities = super::live::live_resource(slug.clone(), load_cities, |view: &CitiesView| view.version);
    // The add form is drawn once, from a resource the stream does not
    // refetch, so what is being typed survives others' changes.
    let once = {
        let slug = slug.clone();
        Resource::new(move || slug.clone(), load_cities)
    };
    let (list_slug, form_slug) = (slug.clone(), slug);
    view! {
        <section aria-labelledby="cities-heading">
            <h2 id="cities-heading">{tr(Msg::Cities)}</h2>
            <p class="help">{tr(Msg::CitiesHelp)}</p>
            <LiveList resource=cities entries=lines class="cities" empty=Msg::NoCities item=move |(line, organisations)| {
                view! { <CityItem slug=list_slug.clone() line organisations/> }
            }/>
            <Suspense fallback=|| ()>
                {move || {
                    let slug = form_slug.clone();
                    Suspend::new(async move {
                        once.await.ok().map(|view| view! {
                            <h3>{tr(Msg::AddCity)}</h3>
                            <CityFields slug form=CityForm::default() organisations=view.organisations/>
                        })
                    })
                }}
            </Suspense>
        </section>
    }
}

/// A city as listed, with a disclosure holding its correction.
#[component]
fn CityItem(slug: String, line: CityLine, organisations: Vec<(OrganisationId, String)>) -> impl IntoView {
    let tr = use_locale();
    let city = &line.city;
    let details = [
        city.name_zh.clone(),
        Some(city.country.clone()),
        city.locode.clone(),
        line.organisation.clone(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    // The correction's form is built only while it is open: a dozen cities'
    // forms, each with every organisation to choose from, would weigh on
    // the page for nothing.
    let open = RwSignal::new(false);
    let form = CityForm::of(city);
    view! {
        <li>
            <strong>{city.name.clone()}</strong>
            <span class="place">{details}</span>
            <details prop:open=move || open.get()>
                <summary on:click=move |ev| {
                    ev.prevent_default();
                    open.update(|open| *open = !*open);
                }>{tr(Msg::CorrectCity)}</summary>
                {move || open.get().then(|| view! {
                    <CityFields slug=slug.clone() form=form.clone() organisations=organisations.clone()/>
                })}
            </details>
        </li>
    }
}

/// The fields of a city, with their own action so that a problem shows
/// in the form it concerns. A new city's id is drawn again after each
/// success, so the next one is new while a retried submit stays this one.
#[component]
fn CityFields(slug: String, form: CityForm, organisations: Vec<(OrganisationId, String)>) -> impl IntoView {
    let tr = use_locale();
    let save = ServerAction::<SaveCity>::new();
    let error = Signal::derive(move || save.value().get().and_then(|result| result.err()));
    let problem = move |field: &'static str| Signal::derive(move || field_problem(tr, &error.get(), field));
    let fixed_id = Some(form.id.clone()).filter(|id| !id.is_empty());
    let id = move || {
        save.version().get();
        fixed_id.clone().unwrap_or_else(|| CityId::random().to_string())
    };
    let prefix = if form.id.is_empty() {
        "new-city".to_string()
    } else {
        format!("city-{}", form.id)
    };
    let field_id = move |name: &str| format!("{prefix}-{name}");
    let choices = std::iter::once((String::new(), tr(Msg::NoneYet).to_string()))
        .chain(organisations.into_iter().map(|(id, name)| (id.to_string(), name)))
        .collect::<Vec<_>>();
    view! {
        <ActionForm action=save attr:class="form" attr:novalidate=true>
            <FormProblem tr error/>
            <input type="hidden" name="slug" value=slug/>
            <input type="hidden" name="id" value=id/>
            <div class="field-row">
                <Field name="name" id=field_id("name") label=tr(Msg::CityName) value=form.name problem=problem("name")/>
                <Field name="name_zh" id=field_id("name-zh") label=tr(Msg::CityNameZh) value=form.name_zh
                    problem=problem("name_zh")/>
            </div>
            <div class="field-row">
                <Field name="country" id=field_id("country") label=tr(Msg::Country) help=tr(Msg::CountryHelp)
                    value=form.country problem=problem("country")/>
                <Field name="locode" id=field_id("locode") label=tr(Msg::Locode) help=tr(Msg::LocodeHelp)
                    value=form.locode problem=problem("locode")/>
            </div>
            <SelectField name="organisation" id=field_id("organisation") label=tr(Msg::CityOrganisation)
                options=choices selected=form.organisation problem=problem("organisation")/>
            <button type="submit" disabled=move || save.pending().get()>
                {move || if save.pending().get() { tr(Msg::Working) } else { tr(Msg::SaveCity) }}
            </button>
        </ActionForm>
    }
}

/// The funding gap by city: what each city's components need (its share
/// of their cost), the cash secured and pledged for it, and the gap.
#[component]
pub fn GapByCity(currency: Currency, bars: Vec<Bar<String>>) -> impl IntoView {
    let tr = use_locale();
    let shown = move |amount: Option<Decimal>| amount.map(|a| amount_in(currency, a)).unwrap_or_default();
    (!bars.is_empty()).then(|| {
        view! {
            <section aria-labelledby="by-city-heading" class="by-city">
                <h2 id="by-city-heading">{tr(Msg::GapByCity)}</h2>
                <p class="help">{tr(Msg::GapByCityHelp)}</p>
                <table>
                    <thead><tr>
                        <th scope="col">{tr(Msg::CityName)}</th>
                        <th scope="col">{tr(Msg::Required)}</th>
                        <th scope="col">{tr(Msg::Secured)}</th>
                        <th scope="col">{tr(Msg::Pledged)}</th>
                        <th scope="col">{tr(Msg::Gap)}</th>
                    </tr></thead>
                    <tbody>
                        {bars.into_iter().map(|bar| view! {
                            <tr>
                                <th scope="row">{bar.key.clone()}</th>
                                <td class="amount">{shown(bar.required)}</td>
                                <td class="amount">{amount_in(currency, bar.tiers.secured)}</td>
                                <td class="amount">{amount_in(currency, bar.tiers.pledged)}</td>
                                <td class="amount">{shown(bar.gap())}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </section>
        }
    })
}
