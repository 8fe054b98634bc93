//! The proposal as a document in one language: headings, generated
//! sentences, labels and codes' names from the catalogue; what people typed
//! stays as typed.

use super::blocks::{Block, Document, Section};
use super::context::{table, Ctx};
use super::proposal_money::{commitments_annex, financing};
use crate::domain::design::RiskBand;
use crate::domain::proposal::{Gap, IndicatorLevel, Proposal, SectionId};
use crate::i18n::*;
use rust_decimal::Decimal;

pub fn document(p: &Proposal, locale: Locale) -> Document {
    let ctx = Ctx { p, locale };
    let subtitle = match &p.issued {
        Some(v) => format!(
            "{} · {} {} — {} · {}",
            p.programme,
            ctx.t(Msg::ProposalVersion),
            v.number,
            v.label,
            v.at.format("%Y-%m-%d %H:%M UTC")
        ),
        None => format!(
            "{} · {} {}",
            p.programme,
            ctx.t(Msg::ProposalAsOfEvent),
            p.log_version
        ),
    };
    let sections = SectionId::ALL
        .iter()
        .map(|id| {
            let mut blocks: Vec<Block> = p
                .missing
                .get(id)
                .into_iter()
                .flatten()
                .map(|gap| Block::Missing {
                    text: gap_sentence(&ctx, *gap),
                })
                .collect();
            blocks.extend(section_blocks(&ctx, *id));
            Section {
                id: *id,
                heading: format!("{}. {}", id.number(), ctx.t(section_name(*id))),
                blocks,
            }
        })
        .collect();
    Document {
        locale,
        title: p.title.clone(),
        subtitle,
        contents_heading: ctx.t(Msg::ProposalContents),
        sections,
    }
}

pub fn section_name(id: SectionId) -> Msg {
    match id {
        SectionId::Summary => Msg::SectionSummary,
        SectionId::Context => Msg::SectionContext,
        SectionId::Stakeholders => Msg::SectionStakeholders,
        SectionId::Strategy => Msg::SectionStrategy,
        SectionId::Components => Msg::SectionComponents,
        SectionId::Partnership => Msg::SectionPartnership,
        SectionId::BusinessModel => Msg::SectionBusinessModel,
        SectionId::Financing => Msg::SectionFinancing,
        SectionId::Risks => Msg::SectionRisks,
        SectionId::Monitoring => Msg::SectionMonitoring,
        SectionId::Sustainability => Msg::SectionSustainability,
        SectionId::Annexes => Msg::SectionAnnexes,
    }
}

pub fn gap_name(gap: Gap) -> Msg {
    match gap {
        Gap::Summary => Msg::GapSummary,
        Gap::Problem => Msg::GapProblem,
        Gap::Partners => Msg::GapPartners,
        Gap::Results => Msg::GapResults,
        Gap::Components => Msg::GapComponents,
        Gap::Costing => Msg::GapCosting,
        Gap::Responsibilities => Msg::GapResponsibilities,
        Gap::Governance => Msg::GapGovernance,
        Gap::Structure => Msg::GapStructure,
        Gap::Canvas => Msg::GapCanvas,
        Gap::Revenues => Msg::GapRevenues,
        Gap::Figures => Msg::GapFigures,
        Gap::Commitments => Msg::GapCommitments,
        Gap::Risks => Msg::GapRisks,
        Gap::Indicators => Msg::GapIndicators,
        Gap::MonitoringText => Msg::GapMonitoringText,
        Gap::SustainabilityText => Msg::GapSustainabilityText,
        Gap::Phases => Msg::GapPhases,
    }
}

/// "Missing: the problem statement — filled in stage 1, Project design."
fn gap_sentence(ctx: &Ctx, gap: Gap) -> String {
    let place = match gap.stage() {
        Some(stage) => format!("{} {}", ctx.t(Msg::FilledInStage), ctx.t(stage_name(stage))),
        None => ctx.t(Msg::FilledOnProposalPage),
    };
    format!(
        "{} {} — {}",
        ctx.t(Msg::MissingLabel),
        ctx.t(gap_name(gap)),
        place
    )
}

fn section_blocks(ctx: &Ctx, id: SectionId) -> Vec<Block> {
    let p = ctx.p;
    let n = &p.narrative;
    let mut blocks = Vec::new();
    match id {
        SectionId::Summary => ctx.text(None, &n.summary, &mut blocks),
        SectionId::Context => {
            ctx.text(Some(Msg::FieldProblem), &n.problem, &mut blocks);
            ctx.text(Some(Msg::FieldRationale), &n.rationale, &mut blocks);
            ctx.text(Some(Msg::FieldScope), &n.scope, &mut blocks);
            ctx.text(Some(Msg::FieldTargetGroups), &n.target_groups, &mut blocks);
        }
        SectionId::Stakeholders => blocks.extend(partners(ctx)),
        SectionId::Strategy => {
            ctx.text(Some(Msg::FieldGoal), &n.goal, &mut blocks);
            ctx.text(Some(Msg::FieldPurpose), &n.purpose, &mut blocks);
            blocks.push(logframe(ctx));
        }
        SectionId::Components => blocks.extend(components(ctx)),
        SectionId::Partnership => blocks.extend(partnership(ctx)),
        SectionId::BusinessModel => blocks.extend(super::proposal_money::business(ctx)),
        SectionId::Financing => blocks.extend(financing(ctx)),
        SectionId::Risks => blocks.extend(risks(ctx)),
        SectionId::Monitoring => {
            ctx.text(None, &n.monitoring_evaluation, &mut blocks);
            blocks.extend(indicators(ctx));
        }
        SectionId::Sustainability => ctx.text(None, &n.sustainability, &mut blocks),
        SectionId::Annexes => {
            blocks.push(Block::Subheading {
                text: ctx.t(Msg::AnnexWorkPlan),
            });
            blocks.push(work_plan(ctx));
            blocks.push(Block::Subheading {
                text: ctx.t(Msg::AnnexCommitments),
            });
            blocks.extend(commitments_annex(ctx));
        }
    }
    blocks
}

fn partners(ctx: &Ctx) -> Vec<Block> {
    let rows = ctx
        .p
        .partners
        .iter()
        .map(|o| {
            let roles: Vec<String> = o
                .iati_roles
                .iter()
                .map(|r| ctx.t(iati_role_name(*r)))
                .chain(o.ppp_roles.iter().map(|r| ctx.t(ppp_role_name(*r))))
                .collect();
            vec![
                ctx.partner_name(o),
                ctx.t(organisation_type_name(o.kind)),
                [Some(o.country.clone()), o.city.clone()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(", "),
                roles.join(", "),
                o.stage
                    .map(|s| ctx.t(partnering_stage_name(s)))
                    .unwrap_or_default(),
            ]
        })
        .collect();
    let head = [
        Msg::ColumnOrganisation,
        Msg::ColumnType,
        Msg::ColumnWhere,
        Msg::ColumnRoles,
        Msg::ColumnAgreementStage,
    ];
    vec![Block::Table(table(
        head.iter().map(|m| ctx.t(*m)).collect(),
        &[],
        rows,
    ))]
}

fn logframe(ctx: &Ctx) -> Block {
    let levels = [Msg::LfGoal, Msg::LfPurpose, Msg::LfOutputs, Msg::LfActivities];
    let rows = ctx
        .p
        .logframe
        .iter()
        .zip(levels)
        .map(|(row, level)| {
            vec![
                ctx.t(level),
                row.narrative.join("\n"),
                row.indicators.join("\n"),
                row.verification.join("\n"),
                row.assumptions.join("\n"),
            ]
        })
        .collect();
    let head = [
        Msg::ColumnLevel,
        Msg::LfNarrative,
        Msg::LfIndicators,
        Msg::LfVerification,
        Msg::LfAssumptions,
    ];
    Block::Table(table(head.iter().map(|m| ctx.t(*m)).collect(), &[], rows))
}

fn components(ctx: &Ctx) -> Vec<Block> {
    let p = ctx.p;
    let rows = p
        .components
        .iter()
        .map(|c| {
            vec![
                format!("{} {}", c.code, c.title),
                c.lead.clone().unwrap_or_default(),
                c.outputs.join(", "),
                c.tfa.join(", "),
                c.cost
                    .map(|v| ctx.money(v))
                    .unwrap_or_else(|| ctx.t(Msg::NotCosted)),
            ]
        })
        .collect();
    let head = [
        Msg::ColumnComponent,
        Msg::ColumnLead,
        Msg::ColumnOutputs,
        Msg::ColumnTfa,
        Msg::ColumnCost,
    ];
    let mut costs = table(head.iter().map(|m| ctx.t(*m)).collect(), &[4], rows);
    let costing = &p.financing.costing;
    costs.total = Some(vec![
        ctx.t(Msg::TotalLabel),
        String::new(),
        String::new(),
        String::new(),
        ctx.money(costing.budget),
    ]);
    let mut blocks = vec![Block::Table(costs)];
    blocks.push(Block::Note {
        text: format!(
            "{} / {} {}",
            costing.costed,
            costing.components,
            ctx.t(Msg::ComponentsCosted)
        ),
    });
    blocks.extend(
        p.components
            .iter()
            .filter(|c| !c.description.trim().is_empty())
            .flat_map(|c| {
                [
                    Block::Subheading {
                        text: format!("{} {}", c.code, c.title),
                    },
                    Block::Paragraph {
                        text: c.description.trim().to_string(),
                    },
                ]
            }),
    );
    blocks
}

fn partnership(ctx: &Ctx) -> Vec<Block> {
    let p = ctx.p;
    let n = &p.narrative;
    let mut blocks = vec![Block::Subheading {
        text: ctx.t(Msg::ResponsibilityMatrixHeading),
    }];
    let mut head = vec![ctx.t(Msg::ColumnComponent)];
    head.extend(p.matrix.partners.iter().cloned());
    head.push(ctx.t(Msg::ColumnFlags));
    let rows = p
        .matrix
        .rows
        .iter()
        .map(|row| {
            let mut cells = vec![row.component.clone()];
            cells.extend(
                row.cells
                    .iter()
                    .map(|c| c.map(|r| r.letter().to_string()).unwrap_or_default()),
            );
            cells.push(
                row.flags
                    .iter()
                    .map(|f| ctx.t(raci_flag_text(*f)))
                    .collect::<Vec<_>>()
                    .join("; "),
            );
            cells
        })
        .collect();
    blocks.push(Block::Table(table(head, &[], rows)));
    blocks.push(Block::Subheading {
        text: ctx.t(Msg::GovernanceHeading),
    });
    let rows = p
        .bodies
        .iter()
        .map(|b| {
            vec![
                b.name.clone(),
                ctx.t(body_kind_name(b.kind)),
                b.members.join(", "),
                b.chair.clone().unwrap_or_default(),
                ctx.t(decision_rule_name(b.decision_rule)),
                b.cadence.clone(),
            ]
        })
        .collect();
    let head = [
        Msg::ColumnBody,
        Msg::ColumnType,
        Msg::ColumnMembers,
        Msg::ColumnChair,
        Msg::ColumnDecisionRule,
        Msg::ColumnCadence,
    ];
    blocks.push(Block::Table(table(
        head.iter().map(|m| ctx.t(*m)).collect(),
        &[],
        rows,
    )));
    blocks.push(Block::Subheading {
        text: ctx.t(Msg::AgreementsHeading),
    });
    let rows = p
        .partners
        .iter()
        .filter(|o| o.stage.is_some())
        .map(|o| {
            let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
            vec![
                o.name.clone(),
                o.stage
                    .map(|s| ctx.t(partnering_stage_name(s)))
                    .unwrap_or_default(),
                date(o.letter_of_intent),
                date(o.mou),
                date(o.agreement),
            ]
        })
        .collect();
    let head = [
        Msg::ColumnOrganisation,
        Msg::ColumnAgreementStage,
        Msg::ColumnLetterOfIntent,
        Msg::ColumnMou,
        Msg::ColumnAgreement,
    ];
    blocks.push(Block::Table(table(
        head.iter().map(|m| ctx.t(*m)).collect(),
        &[],
        rows,
    )));
    ctx.text(Some(Msg::FieldDataSharing), &n.data_sharing, &mut blocks);
    ctx.text(
        Some(Msg::FieldIntellectualProperty),
        &n.intellectual_property,
        &mut blocks,
    );
    ctx.text(Some(Msg::FieldExitRules), &n.exit_rules, &mut blocks);
    ctx.text(Some(Msg::FieldDisputeRules), &n.dispute_rules, &mut blocks);
    blocks
}

fn band_name(band: RiskBand) -> Msg {
    match band {
        RiskBand::Low => Msg::BandLow,
        RiskBand::Medium => Msg::BandMedium,
        RiskBand::High => Msg::BandHigh,
    }
}

fn risks(ctx: &Ctx) -> Vec<Block> {
    let rows = ctx
        .p
        .risks
        .iter()
        .map(|r| {
            vec![
                format!("R{}", r.number),
                r.description.clone(),
                ctx.t(risk_category_name(r.category)),
                format!("{} × {} · {}", r.likelihood, r.impact, ctx.t(band_name(r.band))),
                r.mitigation.clone(),
                r.residual
                    .map(|(l, i, band)| format!("{l} × {i} · {}", ctx.t(band_name(band))))
                    .unwrap_or_default(),
                r.owner.clone().unwrap_or_default(),
                r.allocation
                    .map(|a| ctx.t(allocation_name(a)))
                    .unwrap_or_default(),
            ]
        })
        .collect();
    let head = [
        Msg::ColumnNumber,
        Msg::ColumnRisk,
        Msg::ColumnCategory,
        Msg::ColumnScore,
        Msg::ColumnMitigation,
        Msg::ColumnResidual,
        Msg::ColumnOwner,
        Msg::ColumnAllocation,
    ];
    vec![Block::Table(table(
        head.iter().map(|m| ctx.t(*m)).collect(),
        &[],
        rows,
    ))]
}

fn indicators(ctx: &Ctx) -> Vec<Block> {
    let value = |v: Option<Decimal>, year: Option<u16>| match (v, year) {
        (Some(v), Some(y)) => format!("{} ({y})", v.normalize()),
        (Some(v), None) => v.normalize().to_string(),
        _ => "…".to_string(),
    };
    let rows = ctx
        .p
        .indicators
        .iter()
        .map(|i| {
            vec![
                match &i.level {
                    IndicatorLevel::Impact => ctx.t(Msg::LfGoal),
                    IndicatorLevel::Outcome => ctx.t(Msg::LfPurpose),
                    IndicatorLevel::Output { code } => code.clone(),
                },
                i.name.clone(),
                i.unit.clone(),
                value(i.baseline, i.baseline_year),
                value(i.target, i.target_year),
                i.verification.clone(),
            ]
        })
        .collect();
    let head = [
        Msg::ColumnLevel,
        Msg::ColumnIndicator,
        Msg::ColumnUnit,
        Msg::ColumnBaseline,
        Msg::ColumnTarget,
        Msg::LfVerification,
    ];
    vec![Block::Table(table(
        head.iter().map(|m| ctx.t(*m)).collect(),
        &[3, 4],
        rows,
    ))]
}

fn work_plan(ctx: &Ctx) -> Block {
    let rows = ctx
        .p
        .phases
        .iter()
        .map(|phase| {
            vec![
                phase.name.clone(),
                format!("{}–{}", phase.start_year, phase.end_year),
                phase.description.clone(),
            ]
        })
        .collect();
    let head = [Msg::ColumnPhase, Msg::ColumnYears, Msg::ColumnDescription];
    Block::Table(table(head.iter().map(|m| ctx.t(*m)).collect(), &[], rows))
}
