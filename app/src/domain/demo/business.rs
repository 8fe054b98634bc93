//! The demo's business model: a fee-based single window over 15 years,
//! built, financed and run by a private operator and handed back (BOT).
//! Every figure is illustrative.

use super::*;
use crate::domain::business::*;
use std::collections::BTreeSet;

const CANVAS: [(CanvasBlock, &str); 18] = [
    (CanvasBlock::KeyPartnerships, "City customs and port authorities"),
    (CanvasBlock::KeyPartnerships, "Regional development bank"),
    (CanvasBlock::KeyActivities, "Run the single-window platform"),
    (CanvasBlock::KeyActivities, "Onboard traders and agencies"),
    (CanvasBlock::KeyResources, "Data centre and platform team"),
    (CanvasBlock::KeyResources, "Legal basis for electronic documents"),
    (CanvasBlock::ValuePropositions, "One submission for every agency"),
    (CanvasBlock::ValuePropositions, "Release in hours, not days"),
    (CanvasBlock::CustomerRelationships, "Helpdesk in local languages"),
    (CanvasBlock::CustomerRelationships, "Users' council twice a year"),
    (CanvasBlock::Channels, "Web portal and API for software vendors"),
    (CanvasBlock::Channels, "Customs brokers"),
    (CanvasBlock::CustomerSegments, "Importers and exporters"),
    (CanvasBlock::CustomerSegments, "Freight forwarders and carriers"),
    (CanvasBlock::CostStructure, "Platform operation and hosting"),
    (CanvasBlock::CostStructure, "ICT refresh every five years"),
    (CanvasBlock::RevenueStreams, "Fee per declaration"),
    (CanvasBlock::RevenueStreams, "Subscriptions for forwarders"),
];

/// The model's items, in the order the room would enter them.
pub(super) fn business_items(workshop: WorkshopId) -> Vec<DesignItem> {
    let mut items = vec![
        DesignItem::Structure(PppStructure {
            private: BTreeSet::from(PppFunction::ALL),
            payer: Payer::Users,
            asset: AssetKind::New,
            ownership: Ownership::Public,
            term_years: 15,
            chosen: None,
        }),
        DesignItem::Assumptions(ModelAssumptions {
            first_year: 2027,
            discount_rate_percent: dec("8"),
            contingency_percent: dec("10"),
            refresh_every_years: Some(5),
            refresh_percent: dec("15"),
            // Taken from stage 1's release-time indicator (48 to 24 hours).
            hours_saved_per_declaration: None,
            value_of_time: Some(dec("5")),
            economic_discount_rate_percent: Some(dec("6")),
        }),
    ];
    items.extend(CANVAS.iter().zip(1..).map(|((block, text), n)| {
        DesignItem::Canvas(CanvasEntry {
            id: CanvasEntryId(fixed(20, n)),
            block: *block,
            text: (*text).into(),
        })
    }));
    items.extend(
        [
            (
                1,
                "Declaration fee",
                RevenueKind::PerDeclarationFee,
                "4.50",
                "2400000",
                "2",
                "6",
            ),
            (
                2,
                "Forwarder subscription",
                RevenueKind::Subscription,
                "1200",
                "1500",
                "2",
                "5",
            ),
            (3, "Small traders", RevenueKind::FreeTier, "0", "400000", "0", "8"),
        ]
        .map(|(n, name, kind, price, volume, price_growth, volume_growth)| {
            DesignItem::Revenue(RevenueStream {
                id: RevenueId(fixed(21, n)),
                name: name.into(),
                kind,
                basis: FeeBasis::PerUnit,
                price: dec(price),
                volume: dec(volume),
                price_growth_percent: dec(price_growth),
                volume_growth_percent: dec(volume_growth),
                first_year: 1,
            })
        }),
    );
    items.push(DesignItem::Capex(CapexLine {
        id: CapexId(fixed(22, 1)),
        name: "Data centre fit-out".into(),
        component: Some(component(1)),
        year: 0,
        amount: dec("1500000"),
    }));
    items.extend(
        [
            (1, "Platform operation and hosting", "3200000", "3"),
            (2, "Helpdesk and training", "800000", "2"),
        ]
        .map(|(n, name, amount, growth)| {
            DesignItem::Opex(OpexLine {
                id: OpexId(fixed(23, n)),
                name: name.into(),
                amount: dec(amount),
                growth_percent: dec(growth),
                first_year: 1,
            })
        }),
    );
    let risk = |n| template::risk_id(workshop, n);
    items.extend(
        [(1, Allocation::Public), (3, Allocation::Private)].map(|(n, allocation)| {
            DesignItem::Allocation(RiskAllocation {
                risk: risk(n),
                allocation,
            })
        }),
    );
    items.extend(
        [
            (SHANGHAI, Allocation::Shared),
            (HARBOURLINE, Allocation::Private),
            (TRADE_BANK, Allocation::Shared),
        ]
        .map(|(organisation, allocation)| {
            DesignItem::Vote(AllocationVote {
                risk: risk(2),
                organisation: org(organisation),
                allocation,
            })
        }),
    );
    items
}
