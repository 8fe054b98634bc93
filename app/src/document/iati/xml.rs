//! An `IatiActivity` written as an IATI 2.03 activity file, elements in
//! the schema's order. Every text and attribute is escaped here, and the
//! characters XML 1.0 cannot carry at all are dropped, so whatever a
//! person typed the file stays well-formed.

use super::parts::*;
use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use rust_decimal::Decimal;

/// The activity file, generated at `generated`.
pub fn iati_xml(activity: &IatiActivity, generated: DateTime<Utc>) -> String {
    let mut x = Xml::default();
    x.out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.open(
        "iati-activities",
        &[
            ("version", "2.03".into()),
            (
                "generated-datetime",
                generated.to_rfc3339_opts(SecondsFormat::Secs, true),
            ),
            ("xmlns:rt", EXTENSION_NAMESPACE.into()),
        ],
    );
    x.open(
        "iati-activity",
        &[
            ("xml:lang", "en".into()),
            ("default-currency", activity.default_currency.code().into()),
        ],
    );
    x.text("iati-identifier", &[], &activity.identifier);
    x.org("reporting-org", &activity.reporting, &[]);
    x.narratives_in("title", &[], &activity.title);
    for (code, text) in &activity.descriptions {
        x.narratives_in("description", &[("type", code.to_string())], text);
    }
    for p in &activity.participating {
        x.org(
            "participating-org",
            &p.org,
            &[("role", p.role.code().to_string())],
        );
    }
    x.empty("activity-status", &[("code", activity.status.to_string())]);
    for (kind, date) in &activity.dates {
        x.empty(
            "activity-date",
            &[("type", kind.to_string()), ("iso-date", iso(*date))],
        );
    }
    for (code, share) in &activity.countries {
        x.empty(
            "recipient-country",
            &[("code", code.clone()), ("percentage", number(*share))],
        );
    }
    x.empty(
        "sector",
        &[
            ("vocabulary", "1".into()),
            ("code", SECTOR_TRADE_FACILITATION.into()),
            ("percentage", "100".into()),
        ],
    );
    for budget in &activity.budgets {
        x.open("budget", &[("type", "1".into())]);
        x.empty(
            "period-start",
            &[("iso-date", iso(super::activity::jan_1(budget.year)))],
        );
        x.empty(
            "period-end",
            &[("iso-date", iso(super::activity::dec_31(budget.year)))],
        );
        x.value(&budget.value);
        x.close("budget");
    }
    for t in &activity.transactions {
        x.transaction(t);
    }
    for result in &activity.results {
        x.result(result);
    }
    if let Some(terms) = &activity.loan_terms {
        x.open("crs-add", &[]);
        x.open("loan-terms", &[("rate-1", number(terms.rate_percent))]);
        x.empty("repayment-type", &[("code", terms.repayment_type.to_string())]);
        x.empty("repayment-plan", &[("code", terms.repayment_plan.to_string())]);
        x.empty("commitment-date", &[("iso-date", iso(terms.commitment_date))]);
        x.empty(
            "repayment-first-date",
            &[("iso-date", iso(terms.first_repayment))],
        );
        x.empty(
            "repayment-final-date",
            &[("iso-date", iso(terms.final_repayment))],
        );
        x.close("loan-terms");
        x.close("crs-add");
    }
    x.close("iati-activity");
    x.close("iati-activities");
    x.out
}

fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// A decimal as XML Schema's `xsd:decimal` reads it: no exponent, no
/// trailing zeros.
fn number(value: Decimal) -> String {
    value.normalize().to_string()
}

#[derive(Default)]
struct Xml {
    out: String,
    depth: usize,
}

impl Xml {
    fn start(&mut self, name: &str, attributes: &[(&str, String)]) {
        self.out.push_str(&"  ".repeat(self.depth));
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attributes {
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            self.out.push_str(&escape(value));
            self.out.push('"');
        }
    }

    fn open(&mut self, name: &str, attributes: &[(&str, String)]) {
        self.start(name, attributes);
        self.out.push_str(">\n");
        self.depth += 1;
    }

    fn close(&mut self, name: &str) {
        self.depth = self.depth.saturating_sub(1);
        self.out.push_str(&"  ".repeat(self.depth));
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    fn empty(&mut self, name: &str, attributes: &[(&str, String)]) {
        self.start(name, attributes);
        self.out.push_str("/>\n");
    }

    fn text(&mut self, name: &str, attributes: &[(&str, String)], text: &str) {
        self.start(name, attributes);
        self.out.push('>');
        self.out.push_str(&escape(text));
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    fn narratives(&mut self, narratives: &[Narrative]) {
        for n in narratives.iter().filter(|n| !n.text.is_empty()) {
            let lang: Vec<(&str, String)> = n.lang.map(|l| ("xml:lang", l.to_string())).into_iter().collect();
            self.text("narrative", &lang, &n.text);
        }
    }

    fn narratives_in(&mut self, name: &str, attributes: &[(&str, String)], narratives: &[Narrative]) {
        self.open(name, attributes);
        self.narratives(narratives);
        self.close(name);
    }

    fn org(&mut self, name: &str, org: &OrgRef, extra: &[(&str, String)]) {
        let mut attributes: Vec<(&str, String)> = Vec::new();
        if let Some(reference) = &org.reference {
            attributes.push(("ref", reference.clone()));
        }
        if let Some(code) = org.type_code {
            attributes.push(("type", code.to_string()));
        }
        attributes.extend(extra.iter().cloned());
        self.narratives_in(name, &attributes, &org.names);
    }

    fn value(&mut self, value: &Value) {
        self.text(
            "value",
            &[
                ("currency", value.currency.code().into()),
                ("value-date", iso(value.date)),
            ],
            &value.text(),
        );
    }

    fn transaction(&mut self, t: &Transaction) {
        self.open("transaction", &[("ref", t.reference.clone())]);
        self.empty("transaction-type", &[("code", t.kind.code().to_string())]);
        self.empty("transaction-date", &[("iso-date", iso(t.date))]);
        self.value(&t.value);
        if t.description.iter().any(|n| !n.text.is_empty()) {
            self.narratives_in("description", &[], &t.description);
        }
        self.org("provider-org", &t.provider, &[]);
        if let Some(code) = t.finance_type {
            self.empty("finance-type", &[("code", code.to_string())]);
        }
        if let Some(terms) = &t.loan_terms {
            self.empty(
                "rt:loan-terms",
                &[
                    ("rate-1", number(terms.interest_rate_percent)),
                    ("tenor-years", terms.tenor_years.to_string()),
                    ("grace-years", terms.grace_years.to_string()),
                ],
            );
        }
        self.close("transaction");
    }

    fn result(&mut self, result: &ResultEntry) {
        self.open("result", &[("type", result.type_code.to_string())]);
        self.narratives_in("title", &[], &result.title);
        for i in &result.indicators {
            self.open(
                "indicator",
                &[
                    ("measure", i.measure.to_string()),
                    ("ascending", if i.ascending { "1" } else { "0" }.to_string()),
                ],
            );
            self.narratives_in("title", &[], &i.title);
            if !i.description.is_empty() {
                self.narratives_in("description", &[], &i.description);
            }
            if let Some((year, value)) = i.baseline {
                self.empty(
                    "baseline",
                    &[("year", year.to_string()), ("value", number(value))],
                );
            }
            if let Some((start, end, value)) = i.target {
                self.open("period", &[]);
                self.empty("period-start", &[("iso-date", iso(start))]);
                self.empty("period-end", &[("iso-date", iso(end))]);
                self.empty("target", &[("value", number(value))]);
                self.close("period");
            }
            self.close("indicator");
        }
        self.close("result");
    }
}

/// Text safe in an element or a double- or single-quoted attribute; the
/// characters XML 1.0 forbids (most controls, unpaired surrogates cannot
/// occur in a `str`, U+FFFE and U+FFFF) are dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}
