//! The commitments register as files people open: CSV and XLSX (see
//! docs/EXPORTS.md). Converted amounts are each line rounded to the
//! reporting currency's minor unit, as every page counts them, so the sum
//! of a column equals the dashboard's total to the cent.
//!
//! A commitment an old log carries with an amount or rate beyond the
//! ceilings (`app::domain::limits`) is listed with an empty converted
//! amount, like one without a rate, and is not in the totals; a total that
//! could not be computed within range is written as "out of range", never as
//! a number.

use app::domain::commitment_form::code_of;
use app::domain::dashboard::Dashboard;
use app::domain::event::Actor;
use app::domain::model::CommitmentStatus;
use app::domain::register::{register_for, RegisterLine};
use app::domain::state::WorkshopState;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

pub const COLUMNS: [&str; 31] = [
    "commitment_id",
    "organisation",
    "organisation_type_iati",
    "instrument",
    "iati_finance_type",
    "status",
    "tier",
    "contribution_kind",
    "earmark",
    "years",
    "amount",
    "currency",
    "rate",
    "rate_as_of",
    "rate_source",
    "converted_amount",
    "reporting_currency",
    "recorded_at",
    "last_changed_at",
    "status_history",
    "conditions",
    "note",
    "public",
    "interest_rate_percent",
    "tenor_years",
    "grace_years",
    "disbursed_amount",
    "undisbursed_amount",
    "disbursed_converted",
    "undisbursed_converted",
    "schedule",
];

const RATE_COLUMN: usize = 12;

/// Numbers that are not amounts: no thousands separators, no rounding to
/// cents (a rate of 0.0067, an interest rate of 2.1875 %, a tenor).
const PLAIN_NUMBER_COLUMNS: [usize; 4] = [RATE_COLUMN, 23, 24, 25];

/// What the Totals sheet says for a figure that could not be computed.
const OUT_OF_RANGE: &str = "out of range";

/// A spreadsheet program runs a cell that starts with one of these as a
/// formula; typed text never should (OWASP "CSV injection").
fn inert(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// The dates the status changed, oldest first: "2026-11-28 indicative_pledge; …".
fn status_history(line: &RegisterLine) -> String {
    let mut steps: Vec<(String, CommitmentStatus)> = Vec::new();
    for change in &line.history {
        if steps.last().map(|(_, s)| *s) != Some(change.status) {
            steps.push((change.at.format("%Y-%m-%d").to_string(), change.status));
        }
    }
    steps
        .into_iter()
        .map(|(date, status)| format!("{date} {}", code_of(status)))
        .collect::<Vec<_>>()
        .join("; ")
}

fn row(state: &WorkshopState, line: &RegisterLine) -> [String; 31] {
    let c = &line.commitment;
    let reporting = state.reporting_currency().map(|c| c.code()).unwrap_or_default();
    let rate = c.rate.as_ref();
    let terms = c.loan_terms.as_ref();
    let kind = state
        .organisations
        .get(&c.organisation)
        .map(|o| o.kind.iati_code().to_string())
        .unwrap_or_default();
    [
        c.id.to_string(),
        inert(&line.organisation),
        kind,
        code_of(c.instrument),
        c.instrument
            .iati_finance_type()
            .map(|t| t.to_string())
            .unwrap_or_default(),
        code_of(c.status),
        code_of(c.status.tier()),
        code_of(c.instrument.kind()),
        inert(if line.earmark.is_empty() {
            "programme"
        } else {
            &line.earmark
        }),
        c.years
            .iter()
            .map(|y| y.to_string())
            .collect::<Vec<_>>()
            .join(" "),
        c.money.amount.to_string(),
        c.money.currency.code().to_string(),
        rate.map(|r| r.per_unit.to_string()).unwrap_or_default(),
        rate.map(|r| r.as_of.to_string()).unwrap_or_default(),
        rate.map(|r| inert(&r.source)).unwrap_or_default(),
        line.converted.map(|v| v.to_string()).unwrap_or_default(),
        reporting.to_string(),
        c.recorded_at.to_rfc3339(),
        line.history.last().map(|h| h.at.to_rfc3339()).unwrap_or_default(),
        status_history(line),
        inert(&c.conditions),
        inert(&c.note),
        c.public.to_string(),
        terms
            .map(|t| t.interest_rate_percent.normalize().to_string())
            .unwrap_or_default(),
        terms.map(|t| t.tenor_years.to_string()).unwrap_or_default(),
        terms.map(|t| t.grace_years.to_string()).unwrap_or_default(),
        line.paid.disbursed.to_string(),
        line.paid.undisbursed.to_string(),
        line.paid
            .disbursed_converted
            .map(|v| v.to_string())
            .unwrap_or_default(),
        line.paid
            .undisbursed_converted
            .map(|v| v.to_string())
            .unwrap_or_default(),
        c.schedule
            .iter()
            .map(|y| format!("{}:{}", y.year, y.amount))
            .collect::<Vec<_>>()
            .join(" "),
    ]
}

/// The whole register, for facilitators and API tokens.
fn lines(state: &WorkshopState) -> Vec<RegisterLine> {
    register_for(state, &Actor::System)
}

pub fn csv(state: &WorkshopState) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(COLUMNS)?;
    for line in lines(state) {
        writer.write_record(row(state, &line))?;
    }
    writer.into_inner().map_err(|e| e.into_error().into())
}

pub fn xlsx(state: &WorkshopState) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let money = Format::new().set_num_format("#,##0.00");
    let numeric = [10usize, RATE_COLUMN, 15, 23, 24, 25, 26, 27, 28, 29];

    let register = workbook.add_worksheet().set_name("Register")?;
    for (col, title) in COLUMNS.iter().enumerate() {
        register.write_string_with_format(0, col as u16, *title, &bold)?;
    }
    for (i, line) in lines(state).iter().enumerate() {
        let r = i as u32 + 1;
        for (col, value) in row(state, line).iter().enumerate() {
            let number = numeric
                .contains(&col)
                .then(|| value.parse::<rust_decimal::Decimal>().ok())
                .flatten()
                .and_then(|d| d.to_f64());
            // Amounts with thousands separators; a rate as it is (0.0067
            // must not show as 0.01).
            match number {
                Some(number) if PLAIN_NUMBER_COLUMNS.contains(&col) => {
                    register.write_number(r, col as u16, number)?
                }
                Some(number) => register.write_number_with_format(r, col as u16, number, &money)?,
                None => register.write_string(r, col as u16, value)?,
            };
        }
    }
    register.set_freeze_panes(1, 0)?;
    register.autofit();

    if let Some(dashboard) = Dashboard::of(state) {
        let totals = workbook.add_worksheet().set_name("Totals")?;
        let currency = dashboard.reporting_currency.code();
        let figures = [
            ("required", dashboard.required),
            ("secured_cash", dashboard.cash.secured),
            ("disbursed_cash", dashboard.disbursed),
            ("undisbursed_cash", dashboard.undisbursed),
            ("pledged_cash", dashboard.cash.pledged),
            ("funding_gap", dashboard.gap),
            ("secured_guarantees", dashboard.guarantees.secured),
            ("pledged_guarantees", dashboard.guarantees.pledged),
            ("secured_in_kind", dashboard.in_kind.secured),
            ("pledged_in_kind", dashboard.in_kind.pledged),
            (
                "expressions_of_interest_indicative",
                dashboard.pipeline.indicative,
            ),
        ];
        totals.write_string_with_format(0, 0, "figure", &bold)?;
        totals.write_string_with_format(0, 1, currency, &bold)?;
        for (i, (name, value)) in figures.iter().enumerate() {
            let r = i as u32 + 1;
            totals.write_string(r, 0, *name)?;
            if dashboard.overflow {
                totals.write_string(r, 1, OUT_OF_RANGE)?;
            } else {
                totals.write_number_with_format(r, 1, value.to_f64().unwrap_or_default(), &money)?;
            }
        }
        let counts = [
            ("commitments_without_rate", dashboard.unconverted),
            ("values_out_of_range", dashboard.out_of_range),
            ("expressions_of_interest", dashboard.pipeline.count),
        ];
        for (i, (name, count)) in counts.iter().enumerate() {
            let r = (figures.len() + i) as u32 + 1;
            totals.write_string(r, 0, *name)?;
            totals.write_number(r, 1, *count as f64)?;
        }
        totals.autofit();

        let rates = workbook.add_worksheet().set_name("Rates")?;
        for (col, title) in ["currency", "per_unit", "as_of", "source"].iter().enumerate() {
            rates.write_string_with_format(0, col as u16, *title, &bold)?;
        }
        for (i, rate) in dashboard.rates_used.iter().enumerate() {
            let r = i as u32 + 1;
            rates.write_string(r, 0, rate.currency.code())?;
            rates.write_string(r, 1, rate.per_unit.to_string())?;
            rates.write_string(r, 2, rate.as_of.to_string())?;
            rates.write_string(r, 3, inert(&rate.source))?;
        }
        rates.autofit();
    }

    let paid = workbook.add_worksheet().set_name("Disbursements")?;
    for (col, title) in [
        "commitment_id",
        "date",
        "amount",
        "currency",
        "recorded_by",
        "recorded_at",
    ]
    .iter()
    .enumerate()
    {
        paid.write_string_with_format(0, col as u16, *title, &bold)?;
    }
    let disbursements = lines(state).into_iter().flat_map(|line| {
        let id = line.commitment.id.to_string();
        line.disbursements.into_iter().map(move |d| (id.clone(), d))
    });
    for (i, (id, d)) in disbursements.enumerate() {
        let r = i as u32 + 1;
        paid.write_string(r, 0, &id)?;
        paid.write_string(r, 1, d.date.to_string())?;
        paid.write_number_with_format(r, 2, d.amount.amount.to_f64().unwrap_or_default(), &money)?;
        paid.write_string(r, 3, d.amount.currency.code())?;
        paid.write_string(r, 4, inert(&d.by))?;
        paid.write_string(r, 5, d.at.to_rfc3339())?;
    }
    paid.autofit();
    workbook.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::domain::event::{Event, StoredEvent};
    use app::domain::ids::*;
    use app::domain::model::*;
    use app::domain::money::{Currency, Money};
    use chrono::{TimeZone, Utc};
    use rust_decimal::Decimal;
    use std::str::FromStr;

    #[test]
    fn formulas_typed_by_people_stay_text() {
        assert_eq!(inert("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(inert("Asian Bank"), "Asian Bank");
    }

    /// A workshop folded from a log with the values the issue reports,
    /// accepted before the ceilings existed, beside one ordinary commitment.
    fn state_with_absurd_values() -> WorkshopState {
        let usd = Currency::parse("USD").unwrap();
        let at = Utc.with_ymd_and_hms(2026, 11, 28, 14, 0, 0).unwrap();
        let organisation = OrganisationId::random();
        let rate = |per_unit: Decimal| ExchangeRate {
            currency: usd,
            per_unit,
            as_of: at.date_naive(),
            source: "reporting currency".into(),
        };
        let commitment = |amount: Decimal, rate: Option<ExchangeRate>| Event::CommitmentRecorded {
            commitment: Commitment {
                id: CommitmentId::random(),
                organisation,
                money: Money {
                    amount,
                    currency: usd,
                },
                instrument: Instrument::Grant,
                status: CommitmentStatus::FirmCommitment,
                earmark: Earmark::NamedCity {
                    city: "Hai Phong".into(),
                },
                years: vec![2027],
                conditions: String::new(),
                note: String::new(),
                public: true,
                rate,
                recorded_at: at,
                loan_terms: None,
                schedule: Vec::new(),
            },
        };
        let events = [
            Event::WorkshopCreated {
                id: WorkshopId::random(),
                slug: "old-log".into(),
                title: "Old log".into(),
                programme: "Corridor".into(),
                reporting_currency: usd,
            },
            Event::OrganisationAdded {
                organisation: Organisation {
                    id: organisation,
                    name: "Asian Bank".into(),
                    kind: OrganisationType::Multilateral,
                    country: "PH".into(),
                    city: None,
                    name_zh: None,
                    financier: None,
                    iati_ref: None,
                },
            },
            Event::FundingTargetSet { amount: Decimal::MAX },
            commitment(Decimal::MAX, Some(rate(Decimal::ONE))),
            commitment(
                Decimal::from_str("900000000000000000000000000").unwrap(),
                Some(rate(Decimal::ONE)),
            ),
            commitment(Decimal::from_str("100").unwrap(), Some(rate(Decimal::MAX))),
            commitment(Decimal::from_str("250.50").unwrap(), Some(rate(Decimal::ONE))),
        ];
        let mut state = WorkshopState::default();
        for (n, event) in events.into_iter().enumerate() {
            state.apply(&StoredEvent {
                seq: n as u64 + 1,
                recorded_at: at,
                actor: Actor::System,
                event,
            });
        }
        state
    }

    #[test]
    fn the_register_renders_beside_absurd_stored_values() {
        let state = state_with_absurd_values();
        let text = String::from_utf8(csv(&state).unwrap()).unwrap();
        let mut reader = ::csv::Reader::from_reader(text.as_bytes());
        let converted = COLUMNS.iter().position(|c| *c == "converted_amount").unwrap();
        let amount = COLUMNS.iter().position(|c| *c == "amount").unwrap();
        let rows: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 4);
        for row in &rows {
            // Out of range: listed exactly, with no converted amount.
            let expected = if &row[amount] == "250.50" { "250.50" } else { "" };
            assert_eq!(&row[converted], expected, "{row:?}");
        }
        assert!(rows.iter().any(|r| r[amount] == Decimal::MAX.to_string()));

        let book = xlsx(&state).unwrap();
        assert!(book.starts_with(b"PK"), "an XLSX is a zip file");

        let dashboard = Dashboard::of(&state).unwrap();
        assert_eq!(dashboard.cash.secured, Decimal::from_str("250.50").unwrap());
        assert_eq!(dashboard.out_of_range, 4, "three commitments and the target");
        assert!(!dashboard.overflow);
    }
}
