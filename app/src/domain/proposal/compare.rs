//! Two proposals side by side: the financing plan's lines with their
//! differences. (Texts and tables are compared as the reader sees them, in
//! the document layer, `crate::document::compare`.)

use super::parts::Proposal;
use crate::domain::model::{Instrument, PartnerGroup};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A line of the financing plan.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "line", rename_all = "snake_case")]
pub enum FinancingKey {
    Programme,
    Component { name: String },
    Instrument { instrument: Instrument },
    Group { group: PartnerGroup },
    City { city: String },
    Year { year: u16 },
}

/// What a line says: required (where it has a requirement), secured and
/// pledged, in the reporting currency.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FinancingFigures {
    pub required: Option<Decimal>,
    pub secured: Decimal,
    pub pledged: Decimal,
}

/// Every line of the plan, in the order the document prints them.
pub fn financing_lines(proposal: &Proposal) -> Vec<(FinancingKey, FinancingFigures)> {
    let f = &proposal.financing;
    let mut lines = vec![(
        FinancingKey::Programme,
        FinancingFigures {
            required: Some(f.required),
            secured: f.cash.secured,
            pledged: f.cash.pledged,
        },
    )];
    let figures = |required, tiers: &crate::domain::dashboard::Tiers| FinancingFigures {
        required,
        secured: tiers.secured,
        pledged: tiers.pledged,
    };
    lines.extend(f.by_component.iter().map(|b| {
        (
            FinancingKey::Component { name: b.key.clone() },
            figures(b.required, &b.tiers),
        )
    }));
    lines.extend(f.by_instrument.iter().map(|b| {
        (
            FinancingKey::Instrument { instrument: b.key },
            figures(b.required, &b.tiers),
        )
    }));
    lines.extend(f.by_group.iter().map(|b| {
        (
            FinancingKey::Group { group: b.key },
            figures(b.required, &b.tiers),
        )
    }));
    lines.extend(f.by_city.iter().map(|b| {
        (
            FinancingKey::City { city: b.key.clone() },
            figures(b.required, &b.tiers),
        )
    }));
    lines.extend(proposal.by_year.years.iter().map(|y| {
        (
            FinancingKey::Year { year: y.year },
            FinancingFigures {
                required: Some(y.required),
                secured: y.secured,
                pledged: y.pledged,
            },
        )
    }));
    lines
}

/// One line in two versions: absent from one when it did not exist there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FinancingChange {
    pub key: FinancingKey,
    pub before: Option<FinancingFigures>,
    pub after: Option<FinancingFigures>,
}

impl FinancingChange {
    pub fn changed(&self) -> bool {
        self.before != self.after
    }

    /// after − before for each figure (a missing line counts as nothing);
    /// `None` where the difference would leave the decimal range.
    pub fn difference(&self) -> Option<FinancingFigures> {
        let before = self.before.unwrap_or_default();
        let after = self.after.unwrap_or_default();
        let required = match (before.required, after.required) {
            (None, None) => None,
            (b, a) => Some(a.unwrap_or_default().checked_sub(b.unwrap_or_default())?),
        };
        Some(FinancingFigures {
            required,
            secured: after.secured.checked_sub(before.secured)?,
            pledged: after.pledged.checked_sub(before.pledged)?,
        })
    }
}

/// Every line of either plan, in the newer one's order, then the lines only
/// the older one had.
pub fn compare_financing(before: &Proposal, after: &Proposal) -> Vec<FinancingChange> {
    let old = financing_lines(before);
    let new = financing_lines(after);
    let find = |lines: &[(FinancingKey, FinancingFigures)], key: &FinancingKey| {
        lines.iter().find(|(k, _)| k == key).map(|(_, f)| *f)
    };
    let mut changes: Vec<FinancingChange> = new
        .iter()
        .map(|(key, figures)| FinancingChange {
            key: key.clone(),
            before: find(&old, key),
            after: Some(*figures),
        })
        .collect();
    changes.extend(
        old.iter()
            .filter(|(key, _)| find(&new, key).is_none())
            .map(|(key, figures)| FinancingChange {
                key: key.clone(),
                before: Some(*figures),
                after: None,
            }),
    );
    changes
}
