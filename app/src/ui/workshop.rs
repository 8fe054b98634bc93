use super::{use_locale, Failure};
use crate::api::load_overview;
use crate::domain::analytics::WorkshopOverview;
use crate::domain::model::StageStatus;
use crate::domain::money::format_amount;
use crate::i18n::{partner_group_name, stage_name, stage_status_name, Msg};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn WorkshopPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    // A replay (`?moment=SEQ`) shows the workshop as it stood then.
    let moment = move || query.read().get("moment").and_then(|m| m.parse::<u64>().ok());
    let version = super::live::use_live_version(slug);
    // Refetched whenever the workshop moves on, within a moment of a commit.
    let overview = Resource::new(move || (slug(), moment()), |(s, m)| load_overview(s, m));
    super::live::follow(version, overview, |overview| overview.version);
    let user = super::auth::signed_in_user();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                matches!(user.await, Ok(Some(_))).then(|| view! {
                    <nav class="workshop-nav" aria-label=use_locale()(Msg::SetupTitle)>
                        <ul class="nav-links">
                            <li><a href=format!("/w/{}/setup", slug())>{use_locale()(Msg::SetupLink)}</a></li>
                            <li><a href=format!("/w/{}/remote", slug())>{use_locale()(Msg::RemoteTitle)}</a></li>
                        </ul>
                    </nav>
                })
            })}
        </Suspense>
        <super::stage_timer::StageTimer slug=params.read_untracked().get("slug").unwrap_or_default()/>
        <Transition fallback=move || view! { <p>{use_locale()(Msg::Loading)}</p> }>
            {move || Suspend::new(async move {
                match overview.await {
                    Ok(overview) => view! { <Overview overview/> }.into_any(),
                    Err(crate::domain::error::AppError::NotFound(what)) if what == "moment" => {
                        view! { <super::timeline::NoSuchMoment base=format!("/w/{}", slug())/> }.into_any()
                    }
                    Err(error) => view! { <Failure error/> }.into_any(),
                }
            })}
        </Transition>
        <super::timeline::TimelinePicker
            slug=params.read_untracked().get("slug").unwrap_or_default()
            base=format!("/w/{}", params.read_untracked().get("slug").unwrap_or_default())
            moment=Signal::derive(moment)/>
        <super::room::Discussions slug=params.read_untracked().get("slug").unwrap_or_default()/>
    }
}

#[component]
fn Overview(overview: WorkshopOverview) -> impl IntoView {
    let tr = use_locale();
    let currency = overview.reporting_currency;
    let amount = move |value| format!("{currency} {}", format_amount(value, currency));
    view! {
        <Title text=overview.title.clone()/>
        <header class="workshop-header">
            <p class="eyebrow">{tr(Msg::Programme)}</p>
            <h1>{overview.programme.clone()}</h1>
            <p class="workshop-title">{overview.title.clone()}</p>
            <p class="summary">{overview.summary.clone()}</p>
            {overview.replayed.map(|seq| view! {
                <p class="note replayed" role="status">{format!("{} {seq}", tr(Msg::ReplayedOverview))}</p>
            })}
            <nav class="workshop-nav" aria-label=tr(Msg::Stages)>
                <ul class="nav-links">
                    <li><a href=format!("/w/{}/design", overview.slug)>{tr(Msg::StageProjectDesign)}</a></li>
                    <li><a href=format!("/w/{}/partnership", overview.slug)>{tr(Msg::StagePartnership)}</a></li>
                    <li><a href=format!("/w/{}/business-model", overview.slug)>{tr(Msg::StageBusinessModel)}</a></li>
                    <li><a href=format!("/w/{}/commitments", overview.slug)>{tr(Msg::StageCommitments)}</a></li>
                    <li><a href=format!("/w/{}/proposal", overview.slug)>{tr(Msg::SectionProposal)}</a></li>
                    <li><a href=format!("/w/{}/screen", overview.slug)>{tr(Msg::ScreenLink)}</a></li>
                </ul>
            </nav>
        </header>

        <section aria-labelledby="stages-heading">
            <h2 id="stages-heading">{tr(Msg::Stages)}</h2>
            <ol class="stages">
                {overview.stages.iter().map(|(stage, status)| {
                    let class = match status {
                        StageStatus::NotStarted => "stage not-started",
                        StageStatus::Open => "stage open",
                        StageStatus::Locked => "stage locked",
                    };
                    view! {
                        <li class=class data-stage=stage.number()>
                            <span class="stage-number">{tr(Msg::StageLabel)}" "{stage.number()}</span>
                            <span class="stage-name">{tr(stage_name(*stage))}</span>
                            <span class="stage-status">{tr(stage_status_name(*status))}</span>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>

        <div class="columns">
            <section aria-labelledby="partners-heading">
                <h2 id="partners-heading">{tr(Msg::Partners)}</h2>
                <ul class="partner-groups">
                    {overview.partners_by_group.iter().map(|(group, count)| view! {
                        <li><strong>{*count}</strong>" "{tr(partner_group_name(*group))}</li>
                    }).collect_view()}
                </ul>
                <h3>{tr(Msg::Cities)}</h3>
                <p class="cities">{overview.cities.join(" · ")}</p>
            </section>

            <section aria-labelledby="design-heading">
                <h2 id="design-heading">{tr(Msg::Design)}</h2>
                <p><strong>{overview.outputs}</strong>" "{tr(Msg::Outputs)}" · "<strong>{overview.components}</strong>" "{tr(Msg::Components)}</p>
            </section>
        </div>

        <section aria-labelledby="financing-heading" class="financing">
            <h2 id="financing-heading">{tr(Msg::Financing)}</h2>
            <dl class="figures">
                <div><dt>{tr(Msg::Required)}</dt><dd><span class="money">{amount(overview.required)}</span></dd></div>
                <div><dt>{tr(Msg::Secured)}</dt><dd><span class="money">{amount(overview.secured_cash)}</span></dd></div>
                <div><dt>{tr(Msg::Pledged)}</dt><dd><span class="money">{amount(overview.pledged_cash)}</span></dd></div>
                <div><dt>{tr(Msg::Gap)}</dt><dd><span class="money">{amount(overview.gap)}</span></dd></div>
            </dl>
            <progress max="100" value=overview.secured_percent aria-label=tr(Msg::Secured)>
                {overview.secured_percent}"%"
            </progress>
            <p class="note">
                {overview.commitments}" "{tr(Msg::CommitmentsCount)}". "{tr(Msg::CashOnly)}
            </p>
            {(overview.unconverted > 0).then(|| view! {
                <p class="note warning">{overview.unconverted}" "{tr(Msg::Unconverted)}</p>
            })}
            {(overview.out_of_range > 0).then(|| view! {
                <p class="note warning">{overview.out_of_range}" "{tr(Msg::OutOfRange)}</p>
            })}
            {overview.overflow.then(|| view! {
                <p class="note warning" role="status">{tr(Msg::FiguresOutOfRange)}</p>
            })}
        </section>
    }
}
