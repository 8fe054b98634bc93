//! The proposal's money: the business model's figures, the financing plan
//! (the dashboard's figures, so the two agree to the cent) and the
//! commitments annex. Every table's total is the sum of its printed lines.

use super::blocks::{Block, Table};
use super::context::{new_table, Ctx};
use crate::domain::business::Allocation;
use crate::domain::dashboard::{PublicName, Tiers};
use crate::domain::figures::rates_used;
use crate::domain::finance::Irr;
use crate::domain::limits::checked_sum;
use crate::domain::required::RequiredSource;
use crate::i18n::*;
use rust_decimal::Decimal;

fn percent(rate: Decimal) -> String {
    format!("{} %", (rate * Decimal::ONE_HUNDRED).round_dp(2))
}

fn irr_text(ctx: &Ctx, irr: &Irr) -> String {
    match irr {
        Irr::Unique { rate, .. } => percent(*rate),
        Irr::NoSignChange => ctx.t(Msg::NoIrr),
        Irr::NotUnique { mirr } => {
            let mirr = mirr
                .map(|m| format!(" {} {}", ctx.t(Msg::Mirr), percent(m)))
                .unwrap_or_default();
            format!("{}{mirr}", ctx.t(Msg::IrrNotUnique))
        }
        Irr::Below { bound } => format!("< {}", percent(*bound)),
        Irr::Above { bound } => format!("> {}", percent(*bound)),
    }
}

pub(super) fn business(ctx: &Ctx) -> Vec<Block> {
    let b = &ctx.p.business;
    let mut blocks = Vec::new();
    if let Some(s) = &b.structure {
        let (name, meaning) = structure_name(s.named);
        let private: Vec<String> = s.private.iter().map(|f| ctx.t(ppp_function_name(*f))).collect();
        blocks.push(Block::Subheading {
            text: ctx.t(Msg::StructureHeading),
        });
        blocks.push(Block::Paragraph {
            text: format!(
                "{} — {}. {}: {} {}. {}: {}. {}: {}.",
                ctx.t(name),
                ctx.t(meaning),
                ctx.t(Msg::TermLabel),
                s.term_years,
                ctx.t(Msg::LoanTermsYears),
                ctx.t(Msg::PrivateSideLabel),
                if private.is_empty() {
                    "—".to_string()
                } else {
                    private.join(", ")
                },
                ctx.t(Msg::PaidByLabel),
                ctx.t(payer_name(s.payer)),
            ),
        });
    }
    if !b.canvas.is_empty() {
        blocks.push(Block::Subheading {
            text: ctx.t(Msg::CanvasHeading),
        });
        let rows = b
            .canvas
            .iter()
            .map(|(block, texts)| vec![ctx.t(canvas_block_name(*block)), texts.join("; ")])
            .collect();
        blocks.push(Block::Table(new_table(
            ctx,
            &[Msg::ColumnBlock, Msg::ColumnEntries],
            &[],
            rows,
        )));
    }
    if let Some(f) = &b.figures {
        blocks.push(Block::Subheading {
            text: ctx.t(Msg::ProjectionsHeading),
        });
        let mut items = vec![
            (
                format!("{} ({} %)", ctx.t(Msg::Npv), f.discount_rate_percent.normalize()),
                ctx.money(f.npv),
            ),
            (ctx.t(Msg::Irr), irr_text(ctx, &f.irr)),
            (
                ctx.t(Msg::PaybackYear),
                f.payback_year
                    .map(|y| y.to_string())
                    .unwrap_or_else(|| ctx.t(Msg::NoPayback)),
            ),
            (ctx.t(Msg::TotalCapex), ctx.money(f.total_capex)),
            (ctx.t(Msg::ViabilityGap), ctx.money(f.viability_gap)),
        ];
        if let Some(dscr) = &f.dscr {
            items.push((ctx.t(Msg::DscrMinimum), dscr.minimum.round_dp(2).to_string()));
        }
        blocks.push(Block::Figures { items });
        let rows = f
            .rows
            .iter()
            .map(|r| {
                vec![
                    r.year.to_string(),
                    ctx.money(r.revenue),
                    ctx.money(r.opex),
                    ctx.money(r.capex),
                    ctx.money(r.net),
                ]
            })
            .collect();
        let head = [
            Msg::YearLabel,
            Msg::RevenueLabel,
            Msg::OpexLabel,
            Msg::CapexLabel,
            Msg::NetCashFlow,
        ];
        blocks.push(Block::Table(new_table(ctx, &head, &[1, 2, 3, 4], rows)));
        blocks.push(Block::Note {
            text: ctx.t(Msg::NpvNote),
        });
    }
    if b.allocation
        .iter()
        .any(|r| r.settled.is_some() || r.consensus.votes > 0)
    {
        blocks.push(Block::Subheading {
            text: ctx.t(Msg::RiskAllocationHeading),
        });
        let count = |r: &crate::domain::business_view::RiskConsensus, a: Allocation| {
            r.consensus.counts.get(&a).copied().unwrap_or(0).to_string()
        };
        let rows = b
            .allocation
            .iter()
            .map(|r| {
                vec![
                    format!("R{} {}", r.number, r.description),
                    count(r, Allocation::Public),
                    count(r, Allocation::Private),
                    count(r, Allocation::Shared),
                    r.settled
                        .map(|a| ctx.t(allocation_name(a)))
                        .unwrap_or_else(|| ctx.t(Msg::NotSettled)),
                ]
            })
            .collect();
        let head = [
            Msg::ColumnRisk,
            Msg::AllocationPublic,
            Msg::AllocationPrivate,
            Msg::AllocationShared,
            Msg::AllocationLabel,
        ];
        blocks.push(Block::Table(new_table(ctx, &head, &[1, 2, 3], rows)));
    }
    blocks
}

/// A line of a financing table: its label, what it requires (if it has a
/// requirement), its cash by tier.
type Line<'a> = (String, Option<Decimal>, &'a Tiers);

/// A table of secured and pledged lines with a total row that is the sum
/// of the printed lines.
fn tiers_table(ctx: &Ctx, first: Msg, lines: Vec<Line>) -> Table {
    let with_required = lines.iter().any(|(_, required, _)| required.is_some());
    let mut head = vec![first];
    if with_required {
        head.push(Msg::Required);
    }
    head.extend([Msg::TierSecured, Msg::TierPledged]);
    let numeric: Vec<usize> = (1..head.len()).collect();
    let row = |label: String, required: Option<Decimal>, secured: Decimal, pledged: Decimal| {
        let mut cells = vec![label];
        if with_required {
            cells.push(required.map(|r| ctx.money(r)).unwrap_or_default());
        }
        cells.extend([ctx.money(secured), ctx.money(pledged)]);
        cells
    };
    let total = |pick: &dyn Fn(&Line) -> Option<Decimal>| {
        checked_sum(lines.iter().filter_map(pick)).unwrap_or_default()
    };
    let total_row = row(
        ctx.t(Msg::TotalLabel),
        with_required.then(|| total(&|l| l.1)),
        total(&|l| Some(l.2.secured)),
        total(&|l| Some(l.2.pledged)),
    );
    let mut table = new_table(
        ctx,
        &head,
        &numeric,
        lines
            .iter()
            .map(|(label, required, t)| row(label.clone(), *required, t.secured, t.pledged))
            .collect(),
    );
    table.total = Some(total_row);
    table
}

pub(super) fn financing(ctx: &Ctx) -> Vec<Block> {
    let f = &ctx.p.financing;
    let source = match f.required_source {
        RequiredSource::Budget => ctx.t(Msg::FromTheBudget),
        RequiredSource::Target => ctx.t(Msg::FromTheTarget),
        RequiredSource::Nothing => ctx.t(Msg::NoBudgetYet),
    };
    let tiers = |t: &Tiers| {
        format!(
            "{} {} · {} {}",
            ctx.money(t.secured),
            ctx.t(Msg::TierSecured),
            ctx.money(t.pledged),
            ctx.t(Msg::TierPledged)
        )
    };
    let mut blocks = vec![Block::Figures {
        items: vec![
            (
                ctx.t(Msg::Required),
                format!("{} ({source})", ctx.money(f.required)),
            ),
            (ctx.t(Msg::Secured), ctx.money(f.cash.secured)),
            (format!("· {}", ctx.t(Msg::Disbursed)), ctx.money(f.disbursed)),
            (format!("· {}", ctx.t(Msg::Undisbursed)), ctx.money(f.undisbursed)),
            (ctx.t(Msg::Pledged), ctx.money(f.cash.pledged)),
            (ctx.t(Msg::Gap), ctx.money(f.gap)),
            (ctx.t(Msg::InstrumentGuarantee), tiers(&f.guarantees)),
            (ctx.t(Msg::InKind), tiers(&f.in_kind)),
            (
                ctx.t(Msg::Pipeline),
                format!(
                    "{} {} {}",
                    f.pipeline.count,
                    ctx.t(Msg::PipelineLine),
                    ctx.money(f.pipeline.indicative)
                ),
            ),
        ],
    }];
    blocks.push(Block::Note {
        text: ctx.t(Msg::DisbursedNote),
    });
    blocks.push(Block::Note {
        text: ctx.t(Msg::PipelineNote),
    });
    let sub = |msg: Msg| Block::Subheading { text: ctx.t(msg) };
    blocks.push(sub(Msg::BySourceHeading));
    blocks.push(Block::Table(tiers_table(
        ctx,
        Msg::ColumnSource,
        f.by_group
            .iter()
            .map(|b| (ctx.t(partner_group_name(b.key)), None, &b.tiers))
            .collect(),
    )));
    blocks.push(sub(Msg::ByComponentHeading));
    blocks.push(Block::Table(tiers_table(
        ctx,
        Msg::ColumnComponent,
        f.by_component
            .iter()
            .map(|b| (b.key.clone(), b.required, &b.tiers))
            .collect(),
    )));
    blocks.push(Block::Note {
        text: ctx.t(Msg::EarmarkedOnlyNote),
    });
    blocks.push(sub(Msg::ByInstrumentHeading));
    let rows = f
        .by_instrument
        .iter()
        .map(|b| {
            vec![
                ctx.t(instrument_name(b.key)),
                ctx.money(b.tiers.secured),
                ctx.money(b.tiers.pledged),
            ]
        })
        .collect();
    blocks.push(Block::Table(new_table(
        ctx,
        &[Msg::ColumnInstrument, Msg::TierSecured, Msg::TierPledged],
        &[1, 2],
        rows,
    )));
    if !f.by_city.is_empty() {
        blocks.push(sub(Msg::ByCityHeading));
        blocks.push(Block::Table(tiers_table(
            ctx,
            Msg::ColumnCity,
            f.by_city
                .iter()
                .map(|b| (b.key.clone(), b.required, &b.tiers))
                .collect(),
        )));
    }
    let plan = &ctx.p.by_year;
    if !plan.years.is_empty() {
        blocks.push(sub(Msg::ByYear));
        let lines: Vec<(String, Option<Decimal>, Tiers)> = plan
            .years
            .iter()
            .map(|y| {
                (
                    y.year.to_string(),
                    Some(y.required),
                    Tiers {
                        secured: y.secured,
                        pledged: y.pledged,
                    },
                )
            })
            .collect();
        blocks.push(Block::Table(tiers_table(
            ctx,
            Msg::YearColumn,
            lines.iter().map(|(l, r, t)| (l.clone(), *r, t)).collect(),
        )));
        blocks.push(Block::Note {
            text: format!(
                "{}: {} {} · {} {}",
                ctx.t(Msg::NotScheduled),
                ctx.money(plan.unscheduled_secured),
                ctx.t(Msg::TierSecured),
                ctx.money(plan.unscheduled_pledged),
                ctx.t(Msg::TierPledged)
            ),
        });
    }
    let rates = rates_used(&f.rates_used, f.reporting_currency)
        .map(|r| format!("{} {r}", ctx.t(Msg::RatesUsed)))
        .unwrap_or_default();
    blocks.push(Block::Note {
        text: format!("{} {rates}", ctx.t(Msg::RoundingNote)).trim().to_string(),
    });
    blocks
}

pub(super) fn commitments_annex(ctx: &Ctx) -> Vec<Block> {
    let rows = ctx
        .p
        .commitments
        .iter()
        .map(|c| {
            vec![
                match &c.who {
                    PublicName::Named { name } => name.clone(),
                    PublicName::Anonymous { group } => ctx.t(anonymous_name(*group)),
                },
                ctx.t(instrument_name(c.instrument)),
                ctx.t(commitment_status_name(c.status)),
                c.earmark.clone(),
                c.years.iter().map(u16::to_string).collect::<Vec<_>>().join(", "),
                crate::domain::figures::amount_in(c.money.currency, c.money.amount),
                c.converted
                    .map(|v| ctx.money(v))
                    .unwrap_or_else(|| ctx.t(Msg::NoRateYet)),
            ]
        })
        .collect();
    let head = [
        Msg::ColumnOrganisation,
        Msg::ColumnInstrument,
        Msg::ColumnStatus,
        Msg::ColumnEarmark,
        Msg::ColumnYears,
        Msg::ColumnAmount,
        Msg::ColumnConverted,
    ];
    vec![Block::Table(new_table(ctx, &head, &[5, 6], rows))]
}
