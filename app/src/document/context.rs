//! What the builder of each section shares: the proposal, the language,
//! and how a figure and a table are written.

use super::blocks::{Block, Table};
use crate::domain::proposal::{PartnerLine, Proposal};
use crate::i18n::{Locale, Msg};
use rust_decimal::Decimal;

/// What a builder of one section needs: the proposal and the language.
pub struct Ctx<'a> {
    pub p: &'a Proposal,
    pub locale: Locale,
}

impl Ctx<'_> {
    pub fn t(&self, msg: Msg) -> String {
        self.locale.t(msg).to_string()
    }

    /// A partner as the language names it: in Chinese, its Chinese name
    /// first where it has one, with the name the other documents use.
    pub fn partner_name(&self, partner: &PartnerLine) -> String {
        match (&partner.name_zh, self.locale) {
            (Some(zh), Locale::ZhCn) if !zh.trim().is_empty() => format!("{zh}\n{}", partner.name),
            _ => partner.name.clone(),
        }
    }

    pub fn money(&self, value: Decimal) -> String {
        crate::domain::figures::amount_in(self.p.reporting_currency, value)
    }

    /// A paragraph when the text was written; nothing otherwise (the
    /// section's gaps say what is missing).
    pub fn text(&self, label: Option<Msg>, text: &str, blocks: &mut Vec<Block>) {
        if text.trim().is_empty() {
            return;
        }
        if let Some(label) = label {
            blocks.push(Block::Subheading { text: self.t(label) });
        }
        blocks.push(Block::Paragraph {
            text: text.trim().to_string(),
        });
    }
}

pub fn table(head: Vec<String>, numeric: &[usize], rows: Vec<Vec<String>>) -> Table {
    Table {
        numeric: (0..head.len()).map(|i| numeric.contains(&i)).collect(),
        head,
        rows,
        total: None,
    }
}

pub fn new_table(ctx: &Ctx, head: &[Msg], numeric: &[usize], rows: Vec<Vec<String>>) -> Table {
    table(head.iter().map(|m| ctx.t(*m)).collect(), numeric, rows)
}
