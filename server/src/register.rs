//! The commitments register as files people open: CSV and XLSX (see
//! docs/EXPORTS.md). Converted amounts are exact (unrounded), so the sum of
//! a column equals the dashboard's total before its display rounding.

use app::domain::commitment_form::code_of;
use app::domain::dashboard::{ledger, Dashboard, LedgerLine};
use app::domain::event::Actor;
use app::domain::model::CommitmentStatus;
use app::domain::state::WorkshopState;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

pub const COLUMNS: [&str; 23] = [
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
];

const RATE_COLUMN: usize = 12;

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
fn status_history(line: &LedgerLine) -> String {
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

fn row(state: &WorkshopState, line: &LedgerLine) -> [String; 23] {
    let c = &line.commitment;
    let reporting = state.reporting_currency().map(|c| c.code()).unwrap_or_default();
    let rate = c.rate.as_ref();
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
    ]
}

/// The whole register, for facilitators and API tokens.
fn lines(state: &WorkshopState) -> Vec<LedgerLine> {
    ledger(state, &Actor::System)
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
    let numeric = [10usize, RATE_COLUMN, 15];

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
                Some(number) if col == RATE_COLUMN => register.write_number(r, col as u16, number)?,
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
            ("pledged_cash", dashboard.cash.pledged),
            ("funding_gap", dashboard.gap),
            ("secured_guarantees", dashboard.guarantees.secured),
            ("pledged_guarantees", dashboard.guarantees.pledged),
            ("secured_in_kind", dashboard.in_kind.secured),
            ("pledged_in_kind", dashboard.in_kind.pledged),
        ];
        totals.write_string_with_format(0, 0, "figure", &bold)?;
        totals.write_string_with_format(0, 1, currency, &bold)?;
        for (i, (name, value)) in figures.iter().enumerate() {
            totals.write_string(i as u32 + 1, 0, *name)?;
            totals.write_number_with_format(i as u32 + 1, 1, value.to_f64().unwrap_or_default(), &money)?;
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
    workbook.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::inert;

    #[test]
    fn formulas_typed_by_people_stay_text() {
        assert_eq!(inert("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(inert("Asian Bank"), "Asian Bank");
    }
}
