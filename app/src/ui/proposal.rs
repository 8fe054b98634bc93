//! The consolidated proposal, `/w/{slug}/proposal`: the document as it
//! stands (live), as an issued version (`?version=N`) or at a moment of the
//! session (`?moment=SEQ`); the versions, the exports, issuing a version
//! (facilitators) and comparing two (`/w/{slug}/proposal/compare`).

use super::forms::{field_problem, Field, FormProblem};
use super::{use_locale, Failure, Tr};
use crate::api::{compare_proposals, load_proposal, IssueProposal};
use crate::document::{Block, Change, Document, ProposalComparison, ProposalView, Showing, Table};
use crate::domain::proposal::FinancingKey;
use crate::i18n::{instrument_name, partner_group_name, Locale, Msg};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

fn query_number<T: std::str::FromStr>(value: Option<String>) -> Option<T> {
    value.and_then(|v| v.parse().ok())
}

#[component]
pub fn ProposalPage() -> impl IntoView {
    let tr = use_locale();
    let params = use_params_map();
    let query = use_query_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let lang = use_context::<Locale>().unwrap_or_default().tag();
    let version = super::live::use_live_version(slug);
    let proposal = Resource::new(
        move || {
            (
                slug(),
                query_number::<u32>(query.read().get("version")),
                query_number::<u64>(query.read().get("moment")),
            )
        },
        move |(slug, version, moment)| load_proposal(slug, version, moment, lang.to_string()),
    );
    super::live::follow(version, proposal, |v| v.now);
    view! {
        <Title text=tr(Msg::SectionProposal)/>
        <div class="proposal-page">
            <Transition fallback=move || view! { <p>{tr(Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match proposal.await {
                        Err(crate::domain::error::AppError::NotFound(what)) if what == "moment" => {
                            view! { <super::timeline::NoSuchMoment base=format!("/w/{}/proposal", slug())/> }.into_any()
                        }
                        Err(error) => view! { <Failure error/> }.into_any(),
                        Ok(view) => view! { <Proposal slug=slug() view lang/> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

#[component]
fn Proposal(slug: String, view: ProposalView, lang: &'static str) -> impl IntoView {
    let tr = use_locale();
    let pinned = match view.showing {
        Showing::Now => String::new(),
        Showing::Version { number } => format!("&version={number}"),
        Showing::Moment { seq } => format!("&moment={seq}"),
    };
    let export = |ext: &str| format!("/w/{slug}/export/proposal.{ext}?lang={lang}{pinned}");
    let showing_note = match view.showing {
        Showing::Now => tr(Msg::ShowingNow).to_string(),
        Showing::Version { number } => format!("{} {number}", tr(Msg::ProposalVersion)),
        Showing::Moment { seq } => format!("{} {seq} / {}", tr(Msg::ShowingMoment), view.now),
    };
    let base = format!("/w/{slug}/proposal");
    let moment = match view.showing {
        Showing::Moment { seq } => Some(seq),
        _ => None,
    };
    let iati = format!("/w/{slug}/export/iati.xml?{}", pinned.trim_start_matches('&'));
    view! {
        <nav class="proposal-tools" aria-label=tr(Msg::ProposalTools)>
            <p class="showing">{showing_note}</p>
            <ul class="links">
                <li><a href=base.clone()>{tr(Msg::ShowingNow)}</a></li>
                {view.versions.iter().rev().map(|v| view! {
                    <li><a href=format!("{base}?version={}", v.number) data-version=v.number>
                        {format!("v{} · {}", v.number, v.label)}
                    </a></li>
                }).collect_view()}
            </ul>
            <ul class="links exports">
                <li><a href=export("pdf") download>{tr(Msg::DownloadPdf)}</a></li>
                <li><a href=export("docx") download>{tr(Msg::DownloadDocx)}</a></li>
                <li><a href=export("md") download>{tr(Msg::DownloadMarkdown)}</a></li>
                <li><a href=export("html") download>{tr(Msg::DownloadHtml)}</a></li>
                <li><a href=export("json") download>{tr(Msg::DownloadProposalJson)}</a></li>
                <li><a href=iati download>{tr(Msg::DownloadIati)}</a></li>
            </ul>
            <super::timeline::TimelinePicker slug=slug.clone() base=base.clone() moment=moment/>
            {(view.versions.len() >= 2).then(|| view! { <CompareForm slug=slug.clone() versions=view.versions.iter().map(|v| v.number).collect()/> })}
            {view.may_issue.then(|| view! { <IssueForm slug=slug.clone()/> })}
        </nav>
        {(!view.texts.is_empty()).then(|| view! {
            <super::proposal_narrative::NarrativeEditors slug=slug.clone() texts=view.texts.clone()/>
        })}
        <DocumentView doc=view.document/>
    }
}

#[component]
fn CompareForm(slug: String, versions: Vec<u32>) -> impl IntoView {
    let tr = use_locale();
    let last = versions.last().copied().unwrap_or(0);
    let options = move |selected: u32| {
        versions
            .iter()
            .map(|n| view! { <option value=n.to_string() selected=*n == selected>{format!("v{n}")}</option> })
            .collect_view()
    };
    view! {
        <form data-ready="native" method="get" action=format!("/w/{slug}/proposal/compare") class="form compare">
            <label for="before">{tr(Msg::CompareBefore)}</label>
            <select id="before" name="before">{options(last.saturating_sub(1))}</select>
            <label for="after">{tr(Msg::CompareAfter)}</label>
            <select id="after" name="after">{options(last)}</select>
            <button type="submit">{tr(Msg::CompareButton)}</button>
        </form>
    }
}

#[component]
fn IssueForm(slug: String) -> impl IntoView {
    let tr = use_locale();
    let issue = ServerAction::<IssueProposal>::new();
    let error = Signal::derive(move || issue.value().get().and_then(|r| r.err()));
    // A new id after each success, so a retried submit issues one version.
    let id = Memo::new(move |_| {
        issue.version().get();
        uuid::Uuid::new_v4().to_string()
    });
    view! {
        <ActionForm action=issue attr:class="form issue" attr:novalidate=true>
            <FormProblem tr error/>
            <input type="hidden" name="slug" value=slug/>
            <input type="hidden" name="id" value=move || id.get()/>
            <Field name="label" id="version-label" label=tr(Msg::VersionLabel)
                problem=Signal::derive(move || field_problem(tr, &error.get(), "label"))/>
            <button type="submit">{tr(Msg::IssueVersion)}</button>
        </ActionForm>
    }
}

#[component]
pub fn DocumentView(doc: Document) -> impl IntoView {
    view! {
        <article class="proposal" lang=doc.locale.tag()>
            <header><h1>{doc.title.clone()}</h1><p class="subtitle">{doc.subtitle.clone()}</p></header>
            <nav aria-labelledby="proposal-contents" class="contents">
                <h2 id="proposal-contents">{doc.contents_heading.clone()}</h2>
                <ol>{doc.sections.iter().map(|s| view! {
                    <li><a href=format!("#{}", s.id.anchor())>{s.heading.clone()}</a></li>
                }).collect_view()}</ol>
            </nav>
            {doc.sections.into_iter().map(|s| view! {
                <section id=s.id.anchor() data-section=s.id.anchor()>
                    <h2>{s.heading}</h2>
                    {s.blocks.into_iter().map(block_view).collect_view()}
                </section>
            }).collect_view()}
        </article>
    }
}

fn block_view(block: Block) -> AnyView {
    match block {
        Block::Subheading { text } => view! { <h3>{text}</h3> }.into_any(),
        Block::Paragraph { text } => view! { <p class="typed">{text}</p> }.into_any(),
        Block::Missing { text } => view! { <p class="missing">{text}</p> }.into_any(),
        Block::Note { text } => view! { <p class="note">{text}</p> }.into_any(),
        Block::List { items } => view! { <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }.into_any(),
        Block::Figures { items } => view! {
            <dl class="proposal-figures">{items.into_iter().map(|(k, v)| view! { <div><dt>{k}</dt><dd class="figure">{v}</dd></div> }).collect_view()}</dl>
        }.into_any(),
        Block::Table(table) => table_view(table),
    }
}

fn table_view(t: Table) -> AnyView {
    if t.rows.is_empty() && t.total.is_none() {
        return ().into_any();
    }
    let numeric = t.numeric.clone();
    let cell_class = move |i: usize| {
        if numeric.get(i).copied().unwrap_or(false) {
            "num"
        } else {
            ""
        }
    };
    let row = move |cells: Vec<String>, total: bool| {
        view! {
            <tr class=if total { "total" } else { "" }>
                {cells.into_iter().enumerate().map(|(i, c)| view! { <td class=cell_class(i)>{c}</td> }).collect_view()}
            </tr>
        }
    };
    // A wide table scrolls inside its box; the box takes the focus, so a
    // keyboard can scroll it too.
    let label = t.head.first().cloned().unwrap_or_default();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=label>
            <table>
                <thead><tr>{t.head.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {t.rows.into_iter().map(|r| row(r, false)).collect_view()}
                    {t.total.map(|r| row(r, true))}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
pub fn ProposalComparePage() -> impl IntoView {
    let tr = use_locale();
    let params = use_params_map();
    let query = use_query_map();
    let lang = use_context::<Locale>().unwrap_or_default().tag();
    let comparison = Resource::new(
        move || {
            let q = query.read();
            (
                params.read().get("slug").unwrap_or_default(),
                query_number::<u32>(q.get("before")).unwrap_or(0),
                query_number::<u32>(q.get("after")).unwrap_or(0),
            )
        },
        move |(slug, before, after)| compare_proposals(slug, before, after, lang.to_string()),
    );
    view! {
        <Title text=tr(Msg::CompareButton)/>
        <div class="proposal-page">
            <Transition fallback=move || view! { <p>{tr(Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match comparison.await {
                        Err(error) => view! { <Failure error/> }.into_any(),
                        Ok(c) => comparison_view(c, tr),
                    }
                })}
            </Transition>
        </div>
    }
}

fn financing_label(key: &FinancingKey, tr: Tr) -> String {
    match key {
        FinancingKey::Programme => tr(Msg::WholeProgramme).to_string(),
        FinancingKey::Component { name } | FinancingKey::City { city: name } => name.clone(),
        FinancingKey::Instrument { instrument } => tr(instrument_name(*instrument)).to_string(),
        FinancingKey::Group { group } => tr(partner_group_name(*group)).to_string(),
        FinancingKey::Year { year } => year.to_string(),
    }
}

fn comparison_view(c: ProposalComparison, tr: Tr) -> AnyView {
    let money = |v: Option<rust_decimal::Decimal>| v.map(|v| v.to_string()).unwrap_or_else(|| "–".into());
    let changed: Vec<_> = c.financing.iter().filter(|f| f.changed()).cloned().collect();
    view! {
        <h1>{format!("{} {} → {}", tr(Msg::CompareButton), c.before, c.after)}</h1>
        <h2>{tr(Msg::SectionFinancing)}</h2>
        {changed.is_empty().then(|| view! { <p>{tr(Msg::NoFinancingChange)}</p> })}
        <div class="table-scroll" tabindex="0" role="region" aria-label=tr(Msg::SectionFinancing)><table class="financing-changes">
            <thead><tr>
                <th scope="col">{tr(Msg::ColumnLine)}</th>
                <th scope="col">{tr(Msg::Required)}</th>
                <th scope="col">{tr(Msg::TierSecured)}</th>
                <th scope="col">{tr(Msg::TierPledged)}</th>
            </tr></thead>
            <tbody>{changed.into_iter().map(|f| {
                let (b, a) = (f.before.unwrap_or_default(), f.after.unwrap_or_default());
                let d = f.difference().unwrap_or_default();
                let cell = move |before: Option<rust_decimal::Decimal>, after: Option<rust_decimal::Decimal>, diff: Option<rust_decimal::Decimal>| {
                    view! { <td class="num">{money(before)}" → "{money(after)}" ("{diff.map(|d| format!("{d:+}")).unwrap_or_default()}")"</td> }
                };
                view! { <tr data-line=financing_label(&f.key, tr)>
                    <th scope="row">{financing_label(&f.key, tr)}</th>
                    {cell(b.required, a.required, d.required)}
                    {cell(Some(b.secured), Some(a.secured), Some(d.secured))}
                    {cell(Some(b.pledged), Some(a.pledged), Some(d.pledged))}
                </tr> }
            }).collect_view()}</tbody>
        </table></div>
        {c.sections.into_iter().filter(|s| s.changed()).map(|s| view! {
            <section class="section-changes">
                <h2>{s.heading}</h2>
                <ul>{s.lines.into_iter().filter(|l| l.change != Change::Same).map(|l| {
                    let (class, mark) = match l.change { Change::Added => ("added", "+ "), _ => ("removed", "− ") };
                    view! { <li class=class>{if class == "added" { view! { <ins>{mark}{l.text}</ins> }.into_any() } else { view! { <del>{mark}{l.text}</del> }.into_any() }}</li> }
                }).collect_view()}</ul>
            </section>
        }).collect_view()}
    }
    .into_any()
}
