//! The programme as an IATI 2.03 activity file (`iati.xml`, docs/EXPORTS.md):
//!
//! - `parts`: the activity as data, codes and rounded amounts decided;
//! - `roles`: each organisation's IATI roles, derived from the state;
//! - `transactions`: the commitments as transactions, and the loan terms;
//! - `activity`: `IatiActivity::of(state, viewer, today)`;
//! - `xml`: the file, escaped, elements in the schema's order.

mod activity;
mod parts;
mod roles;
mod transactions;
mod xml;

#[cfg(test)]
mod tests;

pub use parts::*;
pub use roles::participating;
pub use transactions::{kind_of, transactions};
pub use xml::{escape, iati_xml};
