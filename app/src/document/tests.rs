//! The proposal as documents: every section in both languages, tables that
//! add up, text that cannot break its format, versions compared.

use super::*;
use crate::domain::command::{Command, NewProposalVersion};
use crate::domain::demo::demo_state;
use crate::domain::event::Actor;
use crate::domain::figures::amount_in;
use crate::domain::proposal::Proposal;
use crate::domain::state::WorkshopState;
use crate::i18n::{Locale, Msg};
use chrono::{TimeZone, Utc};

fn demo() -> WorkshopState {
    demo_state(Utc.with_ymd_and_hms(2026, 11, 28, 14, 0, 0).unwrap())
}

fn demo_document(locale: Locale) -> Document {
    document(&Proposal::of(&demo(), &Actor::System).unwrap(), locale)
}

#[test]
fn every_section_is_in_both_languages_and_both_formats() {
    for locale in Locale::ALL {
        let doc = demo_document(locale);
        let (md, page) = (markdown(&doc), html(&doc));
        assert_eq!(doc.sections.len(), 12);
        for section in &doc.sections {
            assert!(
                md.contains(&format!("## {}", section.heading)),
                "{}",
                section.heading
            );
            assert!(
                page.contains(&format!("<h2>{}</h2>", section.heading)),
                "{}",
                section.heading
            );
        }
    }
    let zh = demo_document(Locale::ZhCn);
    assert_eq!(
        zh.sections[7].heading,
        format!("8. {}", Msg::SectionFinancing.text(Locale::ZhCn))
    );
    assert!(html(&zh).starts_with("<!DOCTYPE html><html lang=\"zh-CN\">"));
}

#[test]
fn the_financing_tables_add_up_to_the_dashboards_totals() {
    let state = demo();
    let proposal = Proposal::of(&state, &Actor::System).unwrap();
    let doc = document(&proposal, Locale::En);
    let financing = doc
        .sections
        .iter()
        .find(|s| s.id == crate::domain::proposal::SectionId::Financing)
        .unwrap();
    let tables: Vec<&Table> = financing
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect();
    let by_source = tables[0];
    let total = by_source.total.as_ref().unwrap();
    let usd = proposal.reporting_currency;
    assert_eq!(total[1], amount_in(usd, proposal.financing.cash.secured));
    assert_eq!(total[2], amount_in(usd, proposal.financing.cash.pledged));
}

#[test]
fn typed_text_cannot_break_a_table_or_the_page() {
    let mut state = demo();
    let field = crate::domain::model::DesignField::Sustainability;
    let text = "a | b <script>alert(1)</script>\n# not a heading".to_string();
    state
        .execute(
            &Actor::System,
            Command::SetDesignText(crate::domain::command::DesignText {
                field,
                text,
                based_on: None,
            }),
            Utc::now(),
        )
        .unwrap();
    let doc = document(&Proposal::of(&state, &Actor::System).unwrap(), Locale::En);
    let page = html(&doc);
    assert!(!page.contains("<script>"));
    assert!(page.contains("&lt;script&gt;"));
    let md = markdown(&doc);
    assert!(md.contains("\\# not a heading"));
    let row = Table {
        head: vec!["h".into()],
        rows: vec![vec!["a | b".into()]],
        numeric: vec![false],
        total: None,
    };
    let one = Document {
        locale: Locale::En,
        title: "t".into(),
        subtitle: String::new(),
        contents_heading: "c".into(),
        sections: vec![Section {
            id: crate::domain::proposal::SectionId::Summary,
            heading: "1".into(),
            blocks: vec![Block::Table(row)],
        }],
    };
    assert!(markdown(&one).contains("| a \\| b |"));
}

#[test]
fn comparing_two_versions_marks_the_changed_lines() {
    let mut state = demo();
    let at = Utc.with_ymd_and_hms(2026, 11, 28, 15, 0, 0).unwrap();
    let before = document(&Proposal::of(&state, &Actor::System).unwrap(), Locale::En);
    state
        .execute(
            &Actor::System,
            Command::IssueProposal(NewProposalVersion { label: "v1".into() }),
            at,
        )
        .unwrap();
    let mut component = state.design.components[0].clone();
    component.title = "Renamed component".into();
    state
        .execute(
            &Actor::System,
            Command::SaveItem {
                item: crate::domain::design::DesignItem::Component(component),
                based_on: None,
            },
            at,
        )
        .unwrap();
    let after = document(&Proposal::of(&state, &Actor::System).unwrap(), Locale::En);
    let sections = compare(&before, &after);
    let components = sections
        .iter()
        .find(|s| s.heading.ends_with("Components"))
        .unwrap();
    assert!(components
        .lines
        .iter()
        .any(|l| l.change == Change::Added && l.text.contains("Renamed component")));
    assert!(components.lines.iter().any(|l| l.change == Change::Removed));
    let summary = sections.iter().find(|s| s.heading.ends_with("Summary")).unwrap();
    assert!(!summary.changed());
}

/// Compares `text` with the golden file `name` (under document/golden/);
/// UPDATE_SNAPSHOTS=1 rewrites it when a change is meant.
fn matches_golden(name: &str, text: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src/document/golden")
        .join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, text).expect("the golden file is writable");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    if expected != text {
        let line = expected.lines().zip(text.lines()).position(|(a, b)| a != b);
        panic!(
            "{name} differs from its golden file (first at line {}).\nIf the change is meant, run \
             UPDATE_SNAPSHOTS=1 cargo test -p app -p server --lib golden and commit the files.",
            line.map_or(expected.lines().count().min(text.lines().count()) + 1, |n| n + 1)
        );
    }
}

#[test]
fn the_demo_proposal_matches_its_golden_files() {
    let proposal = Proposal::of(&demo(), &Actor::System).unwrap();
    matches_golden("demo.en.md", &markdown(&document(&proposal, Locale::En)));
    matches_golden("demo.zh-CN.md", &markdown(&document(&proposal, Locale::ZhCn)));
    let mut json = serde_json::to_string_pretty(&proposal).unwrap();
    json.push('\n');
    matches_golden("demo.proposal.json", &json);
}
