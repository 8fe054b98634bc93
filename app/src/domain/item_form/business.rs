//! Stage 3's items as a form holds them.

use super::reader::Reader;
use super::{codes, optional, FormValues};
use crate::domain::business::*;
use crate::domain::commitment_form::code_of;
use crate::domain::design::{DesignItem, ItemKey};
use crate::domain::error::Problem;
use crate::domain::money::Currency;
use rust_decimal::Decimal;

fn pairs(list: &[(&str, String)]) -> FormValues {
    list.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()
}

/// A stage 3 item's values as its form shows them; `None` for the items of
/// other stages.
pub(super) fn to_form(item: &DesignItem) -> Option<FormValues> {
    let values = match item {
        DesignItem::Structure(s) => pairs(&[
            ("private", codes(s.private.iter().copied())),
            ("payer", code_of(s.payer)),
            ("asset", code_of(s.asset)),
            ("ownership", code_of(s.ownership)),
            ("term_years", s.term_years.to_string()),
            ("chosen", s.chosen.map(code_of).unwrap_or_default()),
        ]),
        DesignItem::Assumptions(a) => pairs(&[
            ("first_year", a.first_year.to_string()),
            ("discount_rate_percent", a.discount_rate_percent.to_string()),
            ("contingency_percent", a.contingency_percent.to_string()),
            ("refresh_every_years", optional(a.refresh_every_years)),
            ("refresh_percent", a.refresh_percent.to_string()),
            (
                "hours_saved_per_declaration",
                optional(a.hours_saved_per_declaration),
            ),
            ("value_of_time", optional(a.value_of_time)),
            (
                "economic_discount_rate_percent",
                optional(a.economic_discount_rate_percent),
            ),
        ]),
        DesignItem::Canvas(c) => pairs(&[("block", code_of(c.block)), ("text", c.text.clone())]),
        DesignItem::Revenue(r) => pairs(&[
            ("name", r.name.clone()),
            ("kind", code_of(r.kind)),
            ("basis", code_of(r.basis)),
            ("price", r.price.to_string()),
            ("volume", r.volume.to_string()),
            ("price_growth_percent", r.price_growth_percent.to_string()),
            ("volume_growth_percent", r.volume_growth_percent.to_string()),
            ("first_year", r.first_year.to_string()),
        ]),
        DesignItem::Capex(c) => pairs(&[
            ("name", c.name.clone()),
            ("component", optional(c.component)),
            ("year", c.year.to_string()),
            ("amount", c.amount.to_string()),
        ]),
        DesignItem::Opex(o) => pairs(&[
            ("name", o.name.clone()),
            ("amount", o.amount.to_string()),
            ("growth_percent", o.growth_percent.to_string()),
            ("first_year", o.first_year.to_string()),
        ]),
        DesignItem::Allocation(a) => pairs(&[("allocation", code_of(a.allocation))]),
        DesignItem::Vote(v) => pairs(&[("allocation", code_of(v.allocation))]),
        DesignItem::Phase(_)
        | DesignItem::Output(_)
        | DesignItem::Activity(_)
        | DesignItem::Indicator(_)
        | DesignItem::Component(_)
        | DesignItem::Risk(_)
        | DesignItem::Roles(_)
        | DesignItem::Responsibility(_)
        | DesignItem::Body(_)
        | DesignItem::Agreement(_) => return None,
    };
    Some(values)
}

/// The stage 3 item a form describes (problems go to the reader); `None`
/// for the keys of other stages.
pub(super) fn from_form(key: ItemKey, r: &mut Reader, currency: Currency) -> Option<DesignItem> {
    let item = match key {
        ItemKey::Structure => {
            let payer = r.choice("payer");
            let asset = r.choice("asset");
            let ownership = match r.raw("ownership") {
                "" => Some(Ownership::default()),
                _ => r.choice("ownership"),
            };
            let chosen = match r.raw("chosen") {
                "" => None,
                _ => r.choice("chosen"),
            };
            DesignItem::Structure(PppStructure {
                private: r.code_set("private"),
                payer: payer.unwrap_or_default(),
                asset: asset.unwrap_or_default(),
                ownership: ownership.unwrap_or_default(),
                term_years: r.whole("term_years", true).unwrap_or(1),
                chosen,
            })
        }
        ItemKey::Assumptions => DesignItem::Assumptions(ModelAssumptions {
            first_year: r.whole("first_year", true).unwrap_or(2000),
            discount_rate_percent: r.percent("discount_rate_percent", true).unwrap_or_default(),
            contingency_percent: r.percent("contingency_percent", false).unwrap_or_default(),
            refresh_every_years: r.whole("refresh_every_years", false),
            refresh_percent: r.percent("refresh_percent", false).unwrap_or_default(),
            hours_saved_per_declaration: r.quantity("hours_saved_per_declaration", false),
            value_of_time: match r.raw("value_of_time") {
                "" => None,
                _ => r.amount("value_of_time", currency),
            },
            economic_discount_rate_percent: r.percent("economic_discount_rate_percent", false),
        }),
        ItemKey::Canvas { id } => {
            let block = r.choice("block");
            DesignItem::Canvas(CanvasEntry {
                id,
                block: block.unwrap_or(CanvasBlock::ValuePropositions),
                text: r.text("text"),
            })
        }
        ItemKey::Revenue { id } => {
            let kind = r.choice("kind");
            let basis = match r.raw("basis") {
                "" => Some(FeeBasis::default()),
                _ => r.choice("basis"),
            };
            let price = r.amount("price", currency).unwrap_or_default();
            if kind == Some(RevenueKind::FreeTier) && price != Decimal::ZERO {
                r.problem("price", Problem::FreeTierHasNoPrice);
            }
            DesignItem::Revenue(RevenueStream {
                id,
                name: r.text("name"),
                kind: kind.unwrap_or(RevenueKind::PerDeclarationFee),
                basis: basis.unwrap_or_default(),
                price,
                volume: r.quantity("volume", true).unwrap_or_default(),
                price_growth_percent: r.percent("price_growth_percent", false).unwrap_or_default(),
                volume_growth_percent: r.percent("volume_growth_percent", false).unwrap_or_default(),
                first_year: r.whole("first_year", true).unwrap_or_default(),
            })
        }
        ItemKey::Capex { id } => DesignItem::Capex(CapexLine {
            id,
            name: r.text("name"),
            component: r.id("component"),
            year: r.whole("year", true).unwrap_or_default(),
            amount: r.amount("amount", currency).unwrap_or_default(),
        }),
        ItemKey::Opex { id } => DesignItem::Opex(OpexLine {
            id,
            name: r.text("name"),
            amount: r.amount("amount", currency).unwrap_or_default(),
            growth_percent: r.percent("growth_percent", false).unwrap_or_default(),
            first_year: r.whole("first_year", true).unwrap_or_default(),
        }),
        ItemKey::Allocation { risk } => {
            let allocation = r.choice("allocation");
            DesignItem::Allocation(RiskAllocation {
                risk,
                allocation: allocation.unwrap_or(Allocation::Shared),
            })
        }
        ItemKey::Vote { risk, organisation } => {
            let allocation = r.choice("allocation");
            DesignItem::Vote(AllocationVote {
                risk,
                organisation,
                allocation: allocation.unwrap_or(Allocation::Shared),
            })
        }
        ItemKey::Phase { .. }
        | ItemKey::Output { .. }
        | ItemKey::Activity { .. }
        | ItemKey::Indicator { .. }
        | ItemKey::Component { .. }
        | ItemKey::Risk { .. }
        | ItemKey::Roles { .. }
        | ItemKey::Responsibility { .. }
        | ItemKey::Body { .. }
        | ItemKey::Agreement { .. } => return None,
    };
    Some(item)
}
