//! The replay picker: the session's events by time, each with its position
//! in the log, chosen from a list (a plain GET form, so it works with the
//! keyboard and before the page hydrates), and a link back to now.

use super::use_locale;
use crate::api::load_timeline;
use crate::domain::timeline::{MomentKind, Timeline};
use crate::i18n::Msg;
use leptos::prelude::*;

fn kind_name(kind: MomentKind) -> Msg {
    match kind {
        MomentKind::Setup => Msg::MomentSetup,
        MomentKind::People => Msg::MomentPeople,
        MomentKind::Stage => Msg::MomentStage,
        MomentKind::Design => Msg::MomentDesign,
        MomentKind::Commitment => Msg::MomentCommitment,
        MomentKind::Disbursement => Msg::MomentDisbursement,
        MomentKind::Rates => Msg::MomentRates,
        MomentKind::Room => Msg::MomentRoom,
        MomentKind::Proposal => Msg::MomentProposal,
    }
}

/// The picker for the page at `base`, its moments fetched for `slug`;
/// `moment` is the one shown (`None`: now). Nothing is drawn for those who
/// may not replay.
#[component]
pub fn TimelinePicker(
    slug: String,
    base: String,
    #[prop(into)] moment: Signal<Option<u64>>,
) -> impl IntoView {
    let timeline = Resource::new(move || (slug.clone(), moment.get()), |(s, m)| load_timeline(s, m));
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let base = base.clone();
                Suspend::new(async move {
                    let timeline = timeline.await.ok().filter(|t| !t.moments.is_empty());
                    timeline.map(|timeline| view! { <Picker base timeline/> })
                })
            }}
        </Suspense>
    }
}

#[component]
fn Picker(base: String, timeline: Timeline) -> impl IntoView {
    let tr = use_locale();
    let end = timeline.end();
    let chosen = timeline.chosen.filter(|seq| timeline.has(*seq)).unwrap_or(end);
    let back_to_now = timeline.chosen.map(|_| base.clone());
    let options = timeline
        .moments
        .iter()
        .rev()
        .map(|m| {
            let label = format!(
                "{} {} · {} UTC · {}",
                tr(Msg::MomentEvent),
                m.seq,
                m.at.format("%Y-%m-%d %H:%M:%S"),
                tr(kind_name(m.kind))
            );
            view! { <option value=m.seq.to_string() selected=m.seq == chosen>{label}</option> }
        })
        .collect_view();
    view! {
        <form data-ready="native" method="get" action=base class="form replay timeline">
            <label for="moment">{tr(Msg::ReplayLabel)}</label>
            <select id="moment" name="moment" aria-describedby="moment-help">{options}</select>
            <p id="moment-help" class="help">{format!("{} {end}", tr(Msg::TimelineHelp))}</p>
            <button type="submit">{tr(Msg::ReplayButton)}</button>
            {back_to_now.map(|href| view! { <a href=href>{tr(Msg::ShowingNow)}</a> })}
        </form>
    }
}

/// What a page says when asked for a moment its log does not have.
#[component]
pub fn NoSuchMoment(base: String) -> impl IntoView {
    let tr = use_locale();
    view! {
        <div role="alert" class="failure">
            <p>{tr(Msg::MomentBeyondLog)}</p>
            <p><a href=base>{tr(Msg::ShowingNow)}</a></p>
        </div>
    }
}
