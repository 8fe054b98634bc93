//! Stage 3's last step: who carries each of stage 1's risks. Facilitators
//! settle; each delegate votes for their own organisation.

use super::use_locale;
use super::walk::field::{choices, FieldSpec, Input};
use super::walk::items::{value, FieldsOf, KeysOf, Kind};
use crate::api::DesignView;
use crate::domain::business::{consensus, Allocation};
use crate::domain::commitment_form::from_code;
use crate::domain::design::ItemKey;
use crate::domain::ids::RiskId;
use crate::domain::item_form::FormValues;
use crate::i18n::{allocation_name, Msg};
use std::sync::Arc;

fn every_risk(make: fn(&DesignView, RiskId) -> Option<ItemKey>) -> KeysOf {
    Arc::new(move |v| v.design.risks.iter().filter_map(|r| make(v, r.id)).collect())
}

fn risk_heading(v: &DesignView, key: &ItemKey, values: &FormValues) -> String {
    let tr = use_locale();
    let risk = match key {
        ItemKey::Allocation { risk } | ItemKey::Vote { risk, .. } => *risk,
        _ => return String::new(),
    };
    let number = v
        .design
        .risks
        .iter()
        .position(|r| r.id == risk)
        .map_or(0, |n| n + 1);
    let description = v
        .design
        .risks
        .iter()
        .find(|r| r.id == risk)
        .map(|r| r.description.clone())
        .unwrap_or_default();
    let votes = consensus(&v.business.votes).remove(&risk).unwrap_or_default();
    let counts = Allocation::ALL
        .iter()
        .map(|a| {
            format!(
                "{} {}",
                tr(allocation_name(*a)),
                votes.counts.get(a).copied().unwrap_or(0)
            )
        })
        .collect::<Vec<_>>()
        .join(" · ");
    let settled = from_code::<Allocation>(value(values, "allocation"))
        .map_or(tr(Msg::NotSettled), |a| tr(allocation_name(a)));
    format!("R{number} {description}: {settled} ({counts})")
}

fn allocation_field(label: Msg) -> FieldsOf {
    Arc::new(move |_, tr| {
        vec![FieldSpec::new(
            "allocation",
            tr(label),
            Input::Select(choices(&Allocation::ALL, allocation_name, tr)),
        )]
    })
}

pub(super) fn allocations() -> Kind {
    Kind {
        keys: every_risk(|_, risk| Some(ItemKey::Allocation { risk })),
        drafts: Arc::new(|_| false),
        heading: Arc::new(risk_heading),
        fields: allocation_field(Msg::AllocationLabel),
        add: None,
    }
}

/// A delegate's own vote on each risk; facilitators settle instead.
pub(super) fn votes() -> Kind {
    Kind {
        keys: every_risk(|v, risk| v.own.map(|organisation| ItemKey::Vote { risk, organisation })),
        drafts: Arc::new(|_| false),
        heading: Arc::new(|v, key, values| {
            format!(
                "{} · {}",
                use_locale()(Msg::YourVote),
                risk_heading(v, key, values)
            )
        }),
        fields: allocation_field(Msg::YourVote),
        add: None,
    }
}
