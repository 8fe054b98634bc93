//! The projection: the yearly table, and the figures computed from it.
//!
//! How the figures are made, so that they add up: each money figure of a
//! year (revenue, opex, capex, debt service) is computed at full precision
//! and rounded to the cent once, at its end (halves away from zero, as
//! every amount in the application). The table is then exact: net =
//! revenue - opex - capex and cumulative = the running sum of the nets, to
//! the cent. NPV, IRR, MIRR and payback are computed from the table's net
//! row, as anyone checking it in a spreadsheet would, and the NPV is rounded
//! to the cent at its end. Every figure is refused (a [`FinanceError`])
//! rather than carried past [`TOTAL_CEILING`].

use super::debt::{self, DscrSummary};
use super::economic::economic_npv;
use super::error::{Figure, FinanceError};
use super::inputs::ProjectionInputs;
use super::rates::{self, Irr};
use super::round::money_figure;
use crate::domain::limits::TOTAL_CEILING;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// One model year of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearRow {
    pub year: u16,
    pub revenue: Decimal,
    pub opex: Decimal,
    /// Including contingency and the ICT refresh.
    pub capex: Decimal,
    /// revenue - opex - capex: the project's cash flow before financing.
    pub net: Decimal,
    pub cumulative: Decimal,
    pub debt_service: Decimal,
    /// (revenue - opex) / debt service, in years with debt service.
    pub dscr: Option<Decimal>,
}

/// The table and every figure computed from it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Projection {
    pub rows: Vec<YearRow>,
    /// Of the net row at the discount rate, year 0 undiscounted.
    pub npv: Decimal,
    pub irr: Irr,
    /// At the discount rate, as finance and reinvestment rate.
    pub mirr: Option<Decimal>,
    /// The first year whose cumulative net is zero or more after having
    /// been negative.
    pub payback_year: Option<u16>,
    pub dscr: Option<DscrSummary>,
    /// The year-0 grant that brings the NPV to zero: max(0, -NPV).
    pub viability_gap: Decimal,
    pub economic_npv: Option<Decimal>,
    pub total_capex: Decimal,
}

/// The projection of `inputs`, or why there is none: the first input out
/// of bounds, or the first figure that would leave the range. Never panics.
pub fn project(inputs: &ProjectionInputs) -> Result<Projection, FinanceError> {
    inputs.validate()?;
    let revenue = yearly_revenue(inputs)?;
    let opex = yearly_opex(inputs)?;
    let capex = yearly_capex(inputs)?;
    let service = debt::debt_service(&inputs.loans, inputs.years)?;
    let mut rows = Vec::with_capacity(usize::from(inputs.years));
    let mut cumulative = Decimal::ZERO;
    for year in 0..inputs.years {
        let index = usize::from(year);
        let at = Some(year);
        let (revenue, opex, capex) = (revenue[index], opex[index], capex[index]);
        let cfads = revenue.checked_sub(opex);
        let net = money_figure(cfads.and_then(|cfads| cfads.checked_sub(capex)), Figure::Net, at)?;
        cumulative = money_figure(cumulative.checked_add(net), Figure::Cumulative, at)?;
        let debt_service = money_figure(Some(service[index]), Figure::DebtService, at)?;
        let cfads = money_figure(cfads, Figure::Net, at)?;
        rows.push(YearRow {
            year,
            revenue,
            opex,
            capex,
            net,
            cumulative,
            debt_service,
            // Cover is measured once the service earns: in the years before
            // its first revenue the interest is a construction cost, and a
            // DSCR of 0 there would say nothing about the project.
            dscr: if revenue > Decimal::ZERO {
                debt::dscr(cfads, debt_service, year)?
            } else {
                None
            },
        });
    }
    let nets: Vec<Decimal> = rows.iter().map(|row| row.net).collect();
    let npv = money_figure(rates::npv(inputs.discount_rate, &nets), Figure::Npv, None)?;
    let irr = rates::irr(&nets, inputs.discount_rate);
    let irr = irr.ok_or_else(|| FinanceError::out_of_range(Figure::Irr, None))?;
    let cumulatives: Vec<Decimal> = rows.iter().map(|row| row.cumulative).collect();
    let total_capex = capex
        .iter()
        .try_fold(Decimal::ZERO, |total, capex| total.checked_add(*capex));
    let economic = match &inputs.economic {
        Some(economic) => Some(economic_npv(economic, &capex, &opex)?),
        None => None,
    };
    Ok(Projection {
        npv,
        mirr: rates::mirr(&nets, inputs.discount_rate, inputs.discount_rate),
        payback_year: rates::payback_year(&cumulatives),
        dscr: debt::summary(rows.iter().filter_map(|row| row.dscr))?,
        viability_gap: (-npv).max(Decimal::ZERO),
        economic_npv: economic,
        total_capex: money_figure(total_capex, Figure::TotalCapex, None)?,
        irr,
        rows,
    })
}

/// A line that starts at `first` in `first_year` and grows by `growth`
/// every year after, at full precision, zero before; `None` on overflow.
fn grown(first: Decimal, growth: Decimal, first_year: u16, years: u16) -> Option<Vec<Decimal>> {
    let factor = Decimal::ONE.checked_add(growth)?;
    let mut current = first;
    let mut line = Vec::with_capacity(usize::from(years));
    for year in 0..years {
        if year < first_year {
            line.push(Decimal::ZERO);
            continue;
        }
        line.push(current);
        if year + 1 < years {
            current = current.checked_mul(factor)?;
        }
    }
    Some(line)
}

/// Adds `line` into `totals`, year by year, checked.
fn add_line(totals: &mut [Decimal], line: &[Decimal], figure: Figure) -> Result<(), FinanceError> {
    for (year, (total, value)) in totals.iter_mut().zip(line).enumerate() {
        let year = u16::try_from(year).ok();
        *total = total
            .checked_add(*value)
            .filter(|total| total.abs() <= TOTAL_CEILING)
            .ok_or_else(|| FinanceError::out_of_range(figure, year))?;
    }
    Ok(())
}

/// Rounds every year's total to a money figure.
fn rounded(totals: Vec<Decimal>, figure: Figure) -> Result<Vec<Decimal>, FinanceError> {
    let years = 0u16..;
    totals
        .into_iter()
        .zip(years)
        .map(|(total, year)| money_figure(Some(total), figure, Some(year)))
        .collect()
}

/// Revenue by year: the sum over streams of price × volume, each grown.
fn yearly_revenue(inputs: &ProjectionInputs) -> Result<Vec<Decimal>, FinanceError> {
    let years = inputs.years;
    let mut totals = vec![Decimal::ZERO; usize::from(years)];
    let overflow = |year: u16| FinanceError::out_of_range(Figure::Revenue, Some(year));
    for stream in &inputs.revenues {
        let first = stream.first_year;
        let prices = grown(stream.price, stream.price_growth, first, years).ok_or_else(|| overflow(first))?;
        let volumes =
            grown(stream.volume, stream.volume_growth, first, years).ok_or_else(|| overflow(first))?;
        let line: Option<Vec<Decimal>> = prices
            .iter()
            .zip(&volumes)
            .map(|(price, volume)| price.checked_mul(*volume))
            .collect();
        add_line(
            &mut totals,
            &line.ok_or_else(|| overflow(first))?,
            Figure::Revenue,
        )?;
    }
    rounded(totals, Figure::Revenue)
}

/// Opex by year: the sum of the lines, each grown.
fn yearly_opex(inputs: &ProjectionInputs) -> Result<Vec<Decimal>, FinanceError> {
    let years = inputs.years;
    let mut totals = vec![Decimal::ZERO; usize::from(years)];
    for line in &inputs.opex {
        let grown = grown(line.amount, line.growth, line.first_year, years);
        let grown = grown.ok_or_else(|| FinanceError::out_of_range(Figure::Opex, Some(line.first_year)))?;
        add_line(&mut totals, &grown, Figure::Opex)?;
    }
    rounded(totals, Figure::Opex)
}

/// Capex by year: base × (1 + contingency), plus in every refresh year
/// share × the total base capex (no contingency on the refresh).
fn yearly_capex(inputs: &ProjectionInputs) -> Result<Vec<Decimal>, FinanceError> {
    let overflow = |year: Option<u16>| FinanceError::out_of_range(Figure::Capex, year);
    let with_contingency = Decimal::ONE
        .checked_add(inputs.contingency)
        .ok_or_else(|| overflow(None))?;
    let mut totals = vec![Decimal::ZERO; usize::from(inputs.years)];
    let base: Option<Vec<Decimal>> = inputs
        .capex
        .iter()
        .map(|base| base.checked_mul(with_contingency))
        .collect();
    add_line(&mut totals, &base.ok_or_else(|| overflow(None))?, Figure::Capex)?;
    if let Some(refresh) = &inputs.refresh {
        let total_base = inputs
            .capex
            .iter()
            .try_fold(Decimal::ZERO, |total, base| total.checked_add(*base));
        let spend = total_base.and_then(|total| total.checked_mul(refresh.share_of_capex));
        let spend = spend.ok_or_else(|| overflow(None))?;
        // Validated to be at least one; `max` keeps `step_by` from panicking.
        let every = usize::from(refresh.every_years).max(1);
        for (year, total) in totals.iter_mut().enumerate().skip(every).step_by(every) {
            let added = total
                .checked_add(spend)
                .filter(|total| total.abs() <= TOTAL_CEILING);
            *total = added.ok_or_else(|| overflow(u16::try_from(year).ok()))?;
        }
    }
    rounded(totals, Figure::Capex)
}
