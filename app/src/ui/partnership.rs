//! Stage 2's guided walk: partners and their roles, the responsibility
//! matrix with its flags, governance bodies, agreements and principles.

use super::use_locale;
use super::walk::field::{choices, labels, FieldSpec, Input};
use super::walk::items::{form, value, ItemList, KeysOf, Kind};
use super::walk::page::{StepSection, Walk, WalkPage};
use super::walk::text::TextEditor;
use crate::api::{DesignView, SaveItem};
use crate::domain::commitment_form::{code_of, from_code};
use crate::domain::design::{
    raci_flags, BodyKind, DecisionRule, DesignItem, IatiRole, ItemKey, PartneringStage, PppRole, Raci,
    Responsibility, Step,
};
use crate::domain::error::AppError;
use crate::domain::ids::*;
use crate::domain::model::{DesignField, Stage};
use crate::i18n::{
    body_kind_name, decision_rule_name, form_problem, iati_role_name, partnering_stage_name, ppp_role_name,
    raci_flag_text, raci_name, Msg,
};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn PartnershipPage() -> impl IntoView {
    view! { <WalkPage stage=Stage::Partnership content=partnership_steps/> }
}

fn partnership_steps(walk: Walk) -> AnyView {
    let tr = use_locale();
    let delegate_note = move || {
        walk.current
            .with(|v| !v.facilitator && v.may_edit)
            .then(|| view! { <p class="note">{tr(Msg::OwnRowsOnly)}</p> })
    };
    // Each step is its own view, so the page's type stays shallow enough
    // for the compiler.
    let roles =
        view! { <StepSection step=Step::Roles><ItemList walk kind=roles()/></StepSection> }.into_any();
    let matrix =
        view! { <StepSection step=Step::Responsibilities><RaciMatrix walk/></StepSection> }.into_any();
    let governance =
        view! { <StepSection step=Step::Governance><ItemList walk kind=bodies()/></StepSection> }.into_any();
    let agreements =
        view! { <StepSection step=Step::Agreements><ItemList walk kind=agreements()/></StepSection> }
            .into_any();
    view! {
        {delegate_note}
        {roles}
        {matrix}
        {governance}
        {agreements}
        <StepSection step=Step::Principles>
            {[DesignField::DataSharing, DesignField::IntellectualProperty, DesignField::ExitRules, DesignField::DisputeRules]
                .map(|field| view! { <TextEditor walk field/> })
                .collect_view()}
        </StepSection>
    }
    .into_any()
}

fn organisation_choices(view: &DesignView) -> Vec<(String, String)> {
    view.organisations
        .iter()
        .map(|(id, name)| (id.to_string(), name.clone()))
        .collect()
}

/// Every organisation of the workshop is a partner; each has one roles
/// item and one agreement item, saved or not yet.
fn every_organisation(make: fn(OrganisationId) -> ItemKey) -> KeysOf {
    Arc::new(move |v| v.organisations.iter().map(|(id, _)| make(*id)).collect())
}

fn roles() -> Kind {
    Kind {
        keys: every_organisation(|organisation| ItemKey::Roles { organisation }),
        drafts: Arc::new(|_| false),
        heading: Arc::new(|v, key, values| {
            let tr = use_locale();
            let name = key.owner().map(|o| v.organisation_name(o)).unwrap_or_default();
            let roles = [
                labels(value(values, "iati"), iati_role_name, tr),
                labels(value(values, "ppp"), ppp_role_name, tr),
            ]
            .into_iter()
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
            if roles.is_empty() {
                name
            } else {
                format!("{name}: {roles}")
            }
        }),
        fields: Arc::new(|_, tr| {
            vec![
                FieldSpec::new(
                    "iati",
                    tr(Msg::IatiRoles),
                    Input::Checks(choices(&IatiRole::ALL, iati_role_name, tr)),
                )
                .help(tr(Msg::HelpIatiRoles)),
                FieldSpec::new(
                    "ppp",
                    tr(Msg::PppRoles),
                    Input::Checks(choices(&PppRole::ALL, ppp_role_name, tr)),
                ),
            ]
        }),
        add: None,
    }
}

fn bodies() -> Kind {
    Kind {
        keys: Arc::new(|v| {
            v.partnership
                .bodies
                .iter()
                .map(|b| ItemKey::Body { id: b.id })
                .collect()
        }),
        drafts: Arc::new(|d| matches!(d.key, ItemKey::Body { .. })),
        heading: Arc::new(|v, _, values| {
            let chair = value(values, "chair")
                .parse::<OrganisationId>()
                .map(|id| format!(" · {}", v.organisation_name(id)))
                .unwrap_or_default();
            format!("{}{chair}", value(values, "name"))
        }),
        fields: Arc::new(|v, tr| {
            let mut chairs = vec![(String::new(), tr(Msg::NoneYet).to_string())];
            chairs.extend(organisation_choices(v));
            vec![
                FieldSpec::new("name", tr(Msg::Name), Input::Text),
                FieldSpec::new(
                    "kind",
                    tr(Msg::BodyKindLabel),
                    Input::Select(choices(&BodyKind::ALL, body_kind_name, tr)),
                ),
                FieldSpec::new("chair", tr(Msg::Chair), Input::Select(chairs)),
                FieldSpec::new(
                    "decision_rule",
                    tr(Msg::DecisionRuleLabel),
                    Input::Select(choices(&DecisionRule::ALL, decision_rule_name, tr)),
                )
                .help(tr(Msg::HelpDecisionRule)),
                FieldSpec::new("cadence", tr(Msg::Cadence), Input::Text),
                FieldSpec::new(
                    "members",
                    tr(Msg::Members),
                    Input::Checks(organisation_choices(v)),
                ),
            ]
        }),
        add: Some((
            Msg::AddBody,
            Arc::new(|_| {
                let values = form(&[
                    ("kind", code_of(BodyKind::SteeringCommittee)),
                    ("decision_rule", code_of(DecisionRule::Consensus)),
                ]);
                (ItemKey::Body { id: BodyId::random() }, values)
            }),
        )),
    }
}

fn agreements() -> Kind {
    Kind {
        keys: every_organisation(|organisation| ItemKey::Agreement { organisation }),
        drafts: Arc::new(|_| false),
        heading: Arc::new(|v, key, values| {
            let tr = use_locale();
            let name = key.owner().map(|o| v.organisation_name(o)).unwrap_or_default();
            match from_code::<PartneringStage>(value(values, "stage")) {
                Some(stage) => format!("{name}: {}", tr(partnering_stage_name(stage))),
                None => name,
            }
        }),
        fields: Arc::new(|_, tr| {
            vec![
                FieldSpec::new(
                    "stage",
                    tr(Msg::PartneringStageLabel),
                    Input::Select(choices(&PartneringStage::ALL, partnering_stage_name, tr)),
                )
                .help(tr(Msg::HelpPartneringStage)),
                FieldSpec::new("letter_of_intent", tr(Msg::LetterOfIntentDate), Input::Date),
                FieldSpec::new("mou", tr(Msg::MouDate), Input::Date),
                FieldSpec::new("agreement", tr(Msg::AgreementDate), Input::Date),
            ]
        }),
        add: None,
    }
}

/// Components by partners, each cell R, A, C, I or empty, saved as soon as
/// it is chosen; each component's flags are beside its name.
#[component]
fn RaciMatrix(walk: Walk) -> impl IntoView {
    let tr = use_locale();
    let save = ServerAction::<SaveItem>::new();
    let last = RwSignal::new(None::<DesignItem>);
    let notice = RwSignal::new(None::<&'static str>);
    Effect::new(move |_| match save.value().get() {
        Some(Ok(version)) => {
            if let Some(item) = last.get_untracked() {
                walk.take_saved(item, version);
            }
            notice.set(None);
        }
        Some(Err(AppError::ItemEditedMeanwhile { .. })) => notice.set(Some(tr(Msg::CellChangedMeanwhile))),
        Some(Err(error)) => notice.set(form_problem(&error).map(tr)),
        None => {}
    });
    let organisations = move || walk.current.with(|v| v.organisations.clone());
    let components = move || {
        walk.current.with(|v| {
            v.design
                .components
                .iter()
                .map(|c| (c.id, format!("{} {}", c.code, c.title)))
                .collect::<Vec<_>>()
        })
    };
    let choose = move |component: ComponentId, organisation: OrganisationId, code: String| {
        let item = DesignItem::Responsibility(Responsibility {
            component,
            organisation,
            role: from_code(&code),
        });
        let based_on = walk.current.with_untracked(|v| v.item_version(&item.key()));
        last.set(Some(item.clone()));
        save.dispatch(SaveItem {
            slug: walk.slug.get_value(),
            item,
            based_on,
        });
    };
    view! {
        <p class="problem" role="alert">{move || notice.get()}</p>
        <div class="table-scroll">
            <table class="raci">
                <caption>{tr(Msg::StepResponsibilities)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr(Msg::StepComponents)}</th>
                        <th scope="col">{tr(Msg::Check)}</th>
                        {move || organisations().into_iter().map(|(_, name)| view! {
                            <th scope="col" class="partner">{name}</th>
                        }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    <For each=components key=|(id, name)| (*id, name.clone()) let:row>
                        {
                            let (component, name) = row;
                            let flags = move || {
                                walk.current.with(|v| {
                                    raci_flags(&v.design, &v.partnership)
                                        .into_iter()
                                        .find(|(c, _)| *c == component)
                                        .map(|(_, f)| f)
                                        .unwrap_or_default()
                                })
                            };
                            let row_name = name.clone();
                            view! {
                                <tr data-component=component.to_string()>
                                    <th scope="row">{name.clone()}</th>
                                    <td class="flags" class:flagged=move || !flags().is_empty()>
                                        {move || {
                                            let flags = flags();
                                            if flags.is_empty() {
                                                view! { <span class="ok">{tr(Msg::FlagComplete)}</span> }.into_any()
                                            } else {
                                                view! { <ul>{flags.into_iter().map(|f| view! { <li>{tr(raci_flag_text(f))}</li> }).collect_view()}</ul> }.into_any()
                                            }
                                        }}
                                    </td>
                                    {move || organisations().into_iter().map(|(organisation, partner)| {
                                        let role = move || walk.current.with(|v| v.partnership.role(component, organisation));
                                        let editable = move || walk.current.with(|v| v.may_change(&ItemKey::Responsibility { component, organisation }));
                                        let label = format!("{row_name} – {partner}");
                                        view! {
                                            <td>
                                                <select
                                                    aria-label=label
                                                    disabled=move || !editable()
                                                    on:change=move |ev| choose(component, organisation, event_target_value(&ev))
                                                >
                                                    <option value="" selected=move || role().is_none()>"–"</option>
                                                    {Raci::ALL.iter().map(|r| {
                                                        let r = *r;
                                                        view! {
                                                            <option value=code_of(r) selected=move || role() == Some(r) title=tr(raci_name(r))>{r.letter()}</option>
                                                        }
                                                    }).collect_view()}
                                                </select>
                                            </td>
                                        }
                                    }).collect_view()}
                                </tr>
                            }
                        }
                    </For>
                </tbody>
            </table>
        </div>
    }
}
