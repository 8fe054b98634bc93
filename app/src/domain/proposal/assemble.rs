//! `Proposal::of`: the proposal as the state holds it, for one viewer.

use super::parts::*;
use super::sections::{Gap, SectionId, PROPOSAL_SCHEMA};
use crate::domain::business::ModelFigures;
use crate::domain::business_view::{figures_of, BusinessScreen};
use crate::domain::dashboard::{public_name, Dashboard, PublicName};
use crate::domain::design::{logframe, raci_flags, risk_band, step_done, Step};
use crate::domain::event::Actor;
use crate::domain::ids::OrganisationId;
use crate::domain::limits;
use crate::domain::model::*;
use crate::domain::register::{earmark_label, may_see};
use crate::domain::required::component_budget;
use crate::domain::schedule::by_year;
use crate::domain::state::WorkshopState;
use std::collections::BTreeMap;

impl Proposal {
    /// The proposal as `state` says it, for `viewer` (who decides only how
    /// confidential commitments are named). `None` before the workshop
    /// exists.
    pub fn of(state: &WorkshopState, viewer: &Actor) -> Option<Proposal> {
        let setup = state.setup.as_ref()?;
        let design = &state.design;
        let mut proposal = Proposal {
            schema: PROPOSAL_SCHEMA.to_string(),
            slug: setup.slug.clone(),
            title: if design.title.trim().is_empty() {
                setup.title.clone()
            } else {
                design.title.clone()
            },
            programme: setup.programme.clone(),
            reporting_currency: setup.reporting_currency,
            log_version: state.version,
            issued: state
                .proposal_versions
                .last()
                .filter(|v| v.seq == state.version)
                .cloned(),
            narrative: narrative(design),
            partners: partners(state),
            logframe: logframe(design),
            indicators: indicators(design),
            phases: design
                .phases
                .iter()
                .map(|p| PhaseLine {
                    name: p.name.clone(),
                    start_year: p.start_year,
                    end_year: p.end_year,
                    description: p.description.clone(),
                })
                .collect(),
            components: components(state),
            matrix: matrix(state),
            bodies: bodies(state),
            business: business(state),
            financing: Dashboard {
                timer: None,
                ..Dashboard::of(state)?
            },
            by_year: by_year(state),
            risks: risks(state),
            commitments: commitments(state, viewer),
            missing: BTreeMap::new(),
        };
        proposal.missing = missing(state, &proposal);
        Some(proposal)
    }
}

fn name_of(state: &WorkshopState, id: &OrganisationId) -> Option<String> {
    state.organisations.get(id).map(|o| o.name.clone())
}

fn narrative(design: &ProjectDesign) -> Narrative {
    Narrative {
        summary: design.summary.clone(),
        problem: design.problem.clone(),
        rationale: design.rationale.clone(),
        scope: design.scope.clone(),
        target_groups: design.target_groups.clone(),
        goal: design.goal.clone(),
        purpose: design.purpose.clone(),
        data_sharing: design.data_sharing.clone(),
        intellectual_property: design.intellectual_property.clone(),
        exit_rules: design.exit_rules.clone(),
        dispute_rules: design.dispute_rules.clone(),
        monitoring_evaluation: design.monitoring_evaluation.clone(),
        sustainability: design.sustainability.clone(),
    }
}

fn partners(state: &WorkshopState) -> Vec<PartnerLine> {
    let partnership = &state.partnership;
    state
        .organisations
        .values()
        .map(|o| {
            let roles = partnership.roles.get(&o.id);
            let agreement = partnership.agreements.get(&o.id);
            PartnerLine {
                name: o.name.clone(),
                name_zh: o.name_zh.clone(),
                kind: o.kind,
                group: o.group(),
                country: o.country.clone(),
                city: o.city.clone(),
                iati_roles: roles
                    .map(|r| r.iati.iter().copied().collect())
                    .unwrap_or_default(),
                ppp_roles: roles.map(|r| r.ppp.iter().copied().collect()).unwrap_or_default(),
                stage: agreement.map(|a| a.stage),
                letter_of_intent: agreement.and_then(|a| a.letter_of_intent),
                mou: agreement.and_then(|a| a.mou),
                agreement: agreement.and_then(|a| a.agreement),
            }
        })
        .collect()
}

fn indicators(design: &ProjectDesign) -> Vec<IndicatorLine> {
    design
        .indicators
        .iter()
        .map(|i| IndicatorLine {
            level: match i.level {
                ResultLevel::Impact => IndicatorLevel::Impact,
                ResultLevel::Outcome => IndicatorLevel::Outcome,
                ResultLevel::Output(id) => IndicatorLevel::Output {
                    code: design
                        .outputs
                        .iter()
                        .find(|o| o.id == id)
                        .map(|o| o.code.clone())
                        .unwrap_or_default(),
                },
            },
            name: i.name.clone(),
            unit: i.unit.clone(),
            baseline: i.baseline,
            baseline_year: i.baseline_year,
            target: i.target,
            target_year: i.target_year,
            verification: i.means_of_verification.clone(),
        })
        .collect()
}

fn components(state: &WorkshopState) -> Vec<ComponentLine> {
    let design = &state.design;
    design
        .components
        .iter()
        .map(|c| {
            let (budget, _beyond_ceiling) = component_budget(c);
            ComponentLine {
                code: c.code.clone(),
                title: c.title.clone(),
                description: c.description.clone(),
                lead: c.lead.as_ref().and_then(|id| name_of(state, id)),
                cost: if c.yearly_cost.is_empty() {
                    None
                } else {
                    budget.value()
                },
                yearly_cost: c
                    .yearly_cost
                    .iter()
                    .filter(|l| limits::amount_in_range(l.amount.amount))
                    .map(|l| (l.year, l.amount.amount))
                    .collect(),
                outputs: c
                    .outputs
                    .iter()
                    .filter_map(|id| design.outputs.iter().find(|o| o.id == *id))
                    .map(|o| o.code.clone())
                    .collect(),
                tfa: c.tfa.clone(),
            }
        })
        .collect()
}

fn matrix(state: &WorkshopState) -> Matrix {
    let partnership = &state.partnership;
    let columns: Vec<OrganisationId> = state
        .organisations
        .keys()
        .filter(|id| {
            partnership
                .responsibilities
                .iter()
                .any(|r| r.organisation == **id && r.role.is_some())
        })
        .copied()
        .collect();
    let flags: BTreeMap<_, _> = raci_flags(&state.design, partnership).into_iter().collect();
    Matrix {
        partners: columns.iter().filter_map(|id| name_of(state, id)).collect(),
        rows: state
            .design
            .components
            .iter()
            .map(|c| MatrixRow {
                component: format!("{} {}", c.code, c.title),
                cells: columns.iter().map(|o| partnership.role(c.id, *o)).collect(),
                flags: flags.get(&c.id).cloned().unwrap_or_default(),
            })
            .collect(),
    }
}

fn bodies(state: &WorkshopState) -> Vec<BodyLine> {
    state
        .partnership
        .bodies
        .iter()
        .map(|b| BodyLine {
            name: b.name.clone(),
            kind: b.kind,
            members: b.members.iter().filter_map(|id| name_of(state, id)).collect(),
            chair: b.chair.as_ref().and_then(|id| name_of(state, id)),
            decision_rule: b.decision_rule,
            cadence: b.cadence.clone(),
        })
        .collect()
}

fn business(state: &WorkshopState) -> BusinessPart {
    let model = &state.business;
    let mut canvas: BTreeMap<_, Vec<String>> = BTreeMap::new();
    for entry in &model.canvas {
        canvas.entry(entry.block).or_default().push(entry.text.clone());
    }
    let figures = match (figures_of(state), &model.assumptions) {
        (ModelFigures::Computed(computed), Some(assumptions)) => {
            let p = &computed.projection;
            Some(KeyFigures {
                first_year: computed.first_year,
                discount_rate_percent: assumptions.discount_rate_percent,
                npv: p.npv,
                irr: p.irr,
                payback_year: p.payback_year,
                dscr: p.dscr,
                total_capex: p.total_capex,
                viability_gap: p.viability_gap,
                rows: p
                    .rows
                    .iter()
                    .map(|r| CashFlowLine {
                        year: computed.first_year.saturating_add(r.year),
                        revenue: r.revenue,
                        opex: r.opex,
                        capex: r.capex,
                        net: r.net,
                    })
                    .collect(),
            })
        }
        _ => None,
    };
    BusinessPart {
        structure: model.structure.as_ref().map(|s| StructureLine {
            named: s.named(),
            term_years: s.term_years,
            private: s.private.iter().copied().collect(),
            payer: s.payer,
        }),
        canvas: canvas.into_iter().collect(),
        figures,
        allocation: BusinessScreen::of(state).map(|s| s.risks).unwrap_or_default(),
    }
}

fn risks(state: &WorkshopState) -> Vec<RiskLine> {
    state
        .design
        .risks
        .iter()
        .enumerate()
        .map(|(n, r)| RiskLine {
            number: n + 1,
            description: r.description.clone(),
            category: r.category,
            likelihood: r.likelihood,
            impact: r.impact,
            band: risk_band(r.likelihood, r.impact),
            residual: r.residual().map(|(l, i)| (l, i, risk_band(l, i))),
            mitigation: r.mitigation.clone(),
            owner: r.owner.as_ref().and_then(|id| name_of(state, id)),
            allocation: state.business.allocation_of(r.id),
        })
        .collect()
}

/// Live commitments (not withdrawn), oldest first; a confidential one named
/// as the screen names it unless the viewer may see it in full.
fn commitments(state: &WorkshopState, viewer: &Actor) -> Vec<CommitmentLine> {
    state
        .commitments
        .values()
        .filter(|c| c.status != CommitmentStatus::Withdrawn)
        .map(|c| CommitmentLine {
            who: match (
                may_see(state, viewer, c),
                state.organisations.get(&c.organisation),
            ) {
                (true, Some(o)) => PublicName::Named { name: o.name.clone() },
                _ => public_name(state, c),
            },
            money: c.money,
            converted: state.converted(c),
            instrument: c.instrument,
            status: c.status,
            earmark: earmark_label(state, &c.earmark),
            years: c.years.clone(),
        })
        .collect()
}

fn missing(state: &WorkshopState, proposal: &Proposal) -> BTreeMap<SectionId, Vec<Gap>> {
    let design = &state.design;
    let done = |step| step_done(design, &state.partnership, &state.business, step);
    let blank = |text: &str| text.trim().is_empty();
    let costing = &proposal.financing.costing;
    let checks: [(SectionId, Gap, bool); 18] = [
        (SectionId::Summary, Gap::Summary, blank(&design.summary)),
        (SectionId::Context, Gap::Problem, blank(&design.problem)),
        (
            SectionId::Stakeholders,
            Gap::Partners,
            state.partnership.roles.is_empty(),
        ),
        (SectionId::Strategy, Gap::Results, !done(Step::Results)),
        (
            SectionId::Components,
            Gap::Components,
            design.components.is_empty(),
        ),
        (
            SectionId::Components,
            Gap::Costing,
            !design.components.is_empty() && !costing.complete(),
        ),
        (
            SectionId::Partnership,
            Gap::Responsibilities,
            !done(Step::Responsibilities),
        ),
        (SectionId::Partnership, Gap::Governance, !done(Step::Governance)),
        (SectionId::BusinessModel, Gap::Structure, !done(Step::Structure)),
        (SectionId::BusinessModel, Gap::Canvas, !done(Step::Canvas)),
        (SectionId::BusinessModel, Gap::Revenues, !done(Step::Revenues)),
        (
            SectionId::BusinessModel,
            Gap::Figures,
            proposal.business.figures.is_none(),
        ),
        (
            SectionId::Financing,
            Gap::Commitments,
            proposal.commitments.is_empty(),
        ),
        (SectionId::Risks, Gap::Risks, design.risks.is_empty()),
        (
            SectionId::Monitoring,
            Gap::Indicators,
            design.indicators.is_empty(),
        ),
        (
            SectionId::Monitoring,
            Gap::MonitoringText,
            blank(&design.monitoring_evaluation),
        ),
        (
            SectionId::Sustainability,
            Gap::SustainabilityText,
            blank(&design.sustainability),
        ),
        (SectionId::Annexes, Gap::Phases, design.phases.is_empty()),
    ];
    let mut missing: BTreeMap<SectionId, Vec<Gap>> = BTreeMap::new();
    for (section, gap, lacking) in checks {
        if lacking {
            missing.entry(section).or_default().push(gap);
        }
    }
    missing
}
