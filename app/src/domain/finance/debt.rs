//! Loan schedules, debt service by year and the debt-service coverage ratio.
//!
//! A loan is drawn at the start of its `drawn_year` and serviced at the end
//! of each year from then on: interest only in its grace years, then an
//! annuity (equal payments of interest and principal) over the rest of its
//! tenor. The last payment takes whatever balance the rounding of earlier
//! ones left, so the principal repaid is exactly the principal lent.

use super::error::{Figure, FinanceError};
use super::inputs::LoanInput;
use super::round::round_ratio;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// One year of one loan, at full precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoanYear {
    pub year: u16,
    pub interest: Decimal,
    pub principal: Decimal,
    /// Owed after this year's payment.
    pub balance: Decimal,
}

/// The lowest and the average of the yearly DSCRs, over the years with
/// debt service.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DscrSummary {
    pub minimum: Decimal,
    pub average: Decimal,
}

/// The payment of an annuity repaying `principal` over `periods` years at
/// `rate`: `P × r / (1 - (1 + r)^-n)`, or `P / n` at 0 %.
pub fn annuity_payment(principal: Decimal, rate: Decimal, periods: u16) -> Option<Decimal> {
    if periods == 0 {
        return None;
    }
    if rate.is_zero() {
        return principal.checked_div(Decimal::from(periods));
    }
    let growth = Decimal::ONE.checked_add(rate)?;
    let discount = (0..periods).try_fold(Decimal::ONE, |factor, _| factor.checked_div(growth))?;
    let annuity_factor = Decimal::ONE.checked_sub(discount)?;
    principal.checked_mul(rate)?.checked_div(annuity_factor)
}

/// The loan's years, from its drawing to its last payment; `None` when a
/// figure leaves the decimal range.
pub fn schedule(loan: &LoanInput) -> Option<Vec<LoanYear>> {
    let repaying = loan.tenor_years.checked_sub(loan.grace_years)?;
    let payment = annuity_payment(loan.principal, loan.rate, repaying)?;
    let mut balance = loan.principal;
    let mut years = Vec::with_capacity(usize::from(loan.tenor_years));
    for offset in 0..loan.tenor_years {
        let interest = balance.checked_mul(loan.rate)?;
        let principal = if offset < loan.grace_years {
            Decimal::ZERO
        } else if offset + 1 == loan.tenor_years {
            balance
        } else {
            payment.checked_sub(interest)?
        };
        balance = balance.checked_sub(principal)?;
        let year = loan.drawn_year.checked_add(offset)?;
        years.push(LoanYear {
            year,
            interest,
            principal,
            balance,
        });
    }
    Some(years)
}

/// Interest plus principal of every loan, by model year, at full precision.
/// Payments after the term's last year are outside the model, as the
/// years after a concession ends are: the DSCR covers the term.
pub fn debt_service(loans: &[LoanInput], years: u16) -> Result<Vec<Decimal>, FinanceError> {
    let mut service = vec![Decimal::ZERO; usize::from(years)];
    for loan in loans {
        let overflow = || FinanceError::out_of_range(Figure::DebtService, Some(loan.drawn_year));
        for paid in schedule(loan).ok_or_else(overflow)? {
            let Some(slot) = service.get_mut(usize::from(paid.year)) else {
                continue;
            };
            let out_of_range = || FinanceError::out_of_range(Figure::DebtService, Some(paid.year));
            let due = paid.interest.checked_add(paid.principal);
            *slot = due
                .and_then(|due| slot.checked_add(due))
                .ok_or_else(out_of_range)?;
        }
    }
    Ok(service)
}

/// The DSCR of a year with debt service: cash flow available for debt
/// service (revenue - opex) over the debt service, rounded to
/// [`super::RATIO_DECIMALS`]. `Ok(None)` without debt service.
pub fn dscr(cfads: Decimal, service: Decimal, year: u16) -> Result<Option<Decimal>, FinanceError> {
    if service <= Decimal::ZERO {
        return Ok(None);
    }
    let ratio = cfads.checked_div(service);
    let ratio = ratio.ok_or_else(|| FinanceError::out_of_range(Figure::Dscr, Some(year)))?;
    Ok(Some(round_ratio(ratio)))
}

/// The minimum and the average of the yearly ratios (each as reported),
/// or `None` when no year has debt service.
pub fn summary(ratios: impl IntoIterator<Item = Decimal>) -> Result<Option<DscrSummary>, FinanceError> {
    let ratios: Vec<Decimal> = ratios.into_iter().collect();
    let Some(minimum) = ratios.iter().min().copied() else {
        return Ok(None);
    };
    let overflow = || FinanceError::out_of_range(Figure::Dscr, None);
    let total = ratios
        .iter()
        .try_fold(Decimal::ZERO, |total, ratio| total.checked_add(*ratio))
        .ok_or_else(overflow)?;
    let average = total
        .checked_div(Decimal::from(ratios.len()))
        .ok_or_else(overflow)?;
    Ok(Some(DscrSummary {
        minimum,
        average: round_ratio(average),
    }))
}
