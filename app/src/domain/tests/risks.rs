//! Risks: the categories stage 3 needs, the rating left after mitigation,
//! and the 5×5 matrix's band rule.

use super::*;
use crate::domain::item_form::{from_form, to_form};

fn risk(likelihood: u8, impact: u8, residual: (Option<u8>, Option<u8>)) -> Risk {
    Risk {
        id: RiskId::random(),
        description: "Traffic at the new terminal stays below forecast".into(),
        category: RiskCategory::DemandAndRevenue,
        likelihood,
        impact,
        mitigation: "Availability payments for the first five years.".into(),
        owner: None,
        residual_likelihood: residual.0,
        residual_impact: residual.1,
    }
}

#[test]
fn rare_but_catastrophic_is_high_and_a_major_impact_never_low() {
    assert_eq!(risk_band(1, 5), RiskBand::High);
    assert_eq!(risk_band(5, 5), RiskBand::High);
    assert_eq!(risk_band(1, 4), RiskBand::Medium);
    assert_eq!(risk_band(1, 1), RiskBand::Low);
    assert_eq!(risk_band(1, 2), RiskBand::Low);
    // Almost certain but negligible stays on the agenda, not at the top.
    assert_eq!(risk_band(5, 1), RiskBand::Medium);
    assert_eq!(risk_band(3, 3), RiskBand::Medium);
    assert_eq!(risk_band(4, 4), RiskBand::High);
}

proptest! {
    /// The band never falls as likelihood or impact rises, an impact of 5
    /// is always high, and a score of 15 or more is always high.
    #[test]
    fn the_band_rises_with_likelihood_and_impact(l in 1u8..=5, i in 1u8..=5) {
        let band = risk_band(l, i);
        if l < 5 {
            prop_assert!(risk_band(l + 1, i) >= band);
        }
        if i < 5 {
            prop_assert!(risk_band(l, i + 1) >= band);
        }
        if i == 5 || l * i >= 15 {
            prop_assert_eq!(band, RiskBand::High);
        }
        if i >= 4 {
            prop_assert!(band >= RiskBand::Medium);
        }
    }

    /// Whatever a residual rating holds, a form gives it back unchanged
    /// when valid, and the residual matrix places the risk where the
    /// residual rating says, or nowhere while it is not rated.
    #[test]
    fn a_residual_rating_round_trips_and_sits_in_its_own_cell(
        l in 1u8..=5, i in 1u8..=5, rl in 1u8..=5, ri in 1u8..=5, rated in any::<bool>(),
    ) {
        let usd = crate::domain::money::Currency::parse("USD").unwrap();
        let residual = if rated { (Some(rl.min(l)), Some(ri.min(i))) } else { (None, None) };
        let risk = risk(l, i, residual);
        let item = DesignItem::Risk(risk.clone());
        prop_assert_eq!(from_form(item.key(), &to_form(&item), usd), Ok(item));
        let matrix = risk_matrix(std::slice::from_ref(&risk), Rating::Residual);
        let placed: Vec<(usize, usize)> = (0..5)
            .flat_map(|a| (0..5).map(move |b| (a, b)))
            .filter(|(a, b)| matrix[*a][*b].contains(&0))
            .collect();
        let expected: Vec<(usize, usize)> = risk
            .residual()
            .map(|(a, b)| (usize::from(a - 1), usize::from(b - 1)))
            .into_iter()
            .collect();
        prop_assert_eq!(placed, expected);
    }
}

#[test]
fn a_residual_rating_needs_both_scales_and_never_exceeds_the_inherent_one() {
    let (state, _) = demo();
    let save = |risk: Risk| save_item(DesignItem::Risk(risk), None);
    let refused = |risk: Risk| match decide(&state, &Actor::System, save(risk), now()) {
        Err(AppError::Invalid(fields)) => fields,
        other => panic!("expected a refusal, got {other:?}"),
    };
    let fields = refused(risk(3, 4, (Some(2), None)));
    assert_eq!(fields.get("residual_impact"), Some(&Problem::Required));
    let fields = refused(risk(3, 4, (Some(4), Some(2))));
    assert_eq!(
        fields.get("residual_likelihood"),
        Some(&Problem::ResidualAboveInherent)
    );
    let fields = refused(risk(3, 4, (Some(2), Some(5))));
    assert!(fields.contains_key("residual_impact"), "{fields:?}");
    let fields = refused(risk(3, 4, (Some(0), Some(2))));
    assert_eq!(fields.get("residual_likelihood"), Some(&Problem::Range));
    assert!(decide(
        &state,
        &Actor::System,
        save(risk(3, 4, (Some(1), Some(4)))),
        now()
    )
    .is_ok());
}

#[test]
fn risks_saved_before_the_residual_rating_fold_without_one() {
    let old = serde_json::json!({
        "id": RiskId::random(), "description": "Old", "category": "political",
        "likelihood": 2, "impact": 5, "mitigation": "", "owner": null
    });
    let risk: Risk = serde_json::from_value(old).unwrap();
    assert_eq!(risk.residual(), None);
    // And one without a residual rating is written as before.
    let written = serde_json::to_value(&risk).unwrap();
    assert!(written.get("residual_likelihood").is_none());
    // The new categories keep their own stored names.
    for (category, code) in [
        (RiskCategory::DemandAndRevenue, "\"demand_and_revenue\""),
        (
            RiskCategory::ConstructionAndCompletion,
            "\"construction_and_completion\"",
        ),
        (RiskCategory::ForeignExchange, "\"foreign_exchange\""),
        (RiskCategory::ForceMajeure, "\"force_majeure\""),
        (RiskCategory::Political, "\"political\""),
    ] {
        assert_eq!(serde_json::to_string(&category).unwrap(), code);
    }
}
