//! The PDF and DOCX read back: the PDF's text (by poppler's pdftotext, as
//! a reader's tools see it) holds every section heading in both languages
//! and the Chinese names, in fonts that have their glyphs; typed text stays
//! text; the DOCX has Word's headings, its tables and a contents field.

use super::fonts::FontSet;
use super::pdf::{pdf, printable};
use app::document::{document, Block, Document, Section};
use app::domain::demo::demo_state;
use app::domain::error::AppError;
use app::domain::event::Actor;
use app::domain::proposal::{Proposal, SectionId};
use app::domain::state::WorkshopState;
use app::i18n::Locale;
use chrono::{TimeZone, Utc};
use std::io::Write;
use std::process::Command;

fn demo() -> WorkshopState {
    demo_state(Utc.with_ymd_and_hms(2026, 11, 28, 14, 0, 0).unwrap())
}

fn demo_document(locale: Locale) -> Document {
    document(&Proposal::of(&demo(), &Actor::System).unwrap(), locale)
}

/// poppler's tools (Debian's poppler-utils; scripts/ensure-tools.sh
/// installs them for `make test`).
fn poppler(tool: &str, pdf: &[u8]) -> String {
    let mut file = tempfile::NamedTempFile::new().unwrap();
    file.write_all(pdf).unwrap();
    let mut command = Command::new(tool);
    if tool == "pdftotext" {
        command.args(["-enc", "UTF-8"]).arg(file.path()).arg("-");
    } else {
        command.arg(file.path());
    }
    let out = command
        .output()
        .unwrap_or_else(|e| panic!("{tool} (Debian's poppler-utils) must be installed: {e}"));
    assert!(
        out.status.success(),
        "{tool}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Text as a PDF extractor returns it has its own line breaks and spaces.
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn the_pdf_has_every_heading_and_the_chinese_names_in_glyphs_it_has() {
    let fonts = FontSet::load(None);
    assert!(fonts.cjk_family.is_some(), "a CJK font: {}", fonts.cjk_source);
    let state = demo();
    let chinese_name = state
        .organisations
        .values()
        .find_map(|o| o.name_zh.clone())
        .expect("the demo names an organisation in Chinese");
    for locale in Locale::ALL {
        let doc = demo_document(locale);
        assert_eq!(
            printable(&doc, &fonts).unwrap(),
            doc,
            "every character has a glyph, so none was replaced"
        );
        let file = pdf(&doc, &fonts).unwrap();
        assert!(file.starts_with(b"%PDF-"));
        let text = squeezed(&poppler("pdftotext", &file));
        assert!(text.contains(&squeezed(&doc.title)));
        assert!(
            text.contains(&squeezed(&doc.contents_heading)),
            "the table of contents"
        );
        for section in &doc.sections {
            let heading = squeezed(&section.heading);
            assert!(
                text.matches(&heading).count() >= 2,
                "{} in the contents and as the section's heading",
                section.heading
            );
        }
        let fonts_used = poppler("pdffonts", &file);
        if locale == Locale::ZhCn {
            assert!(text.contains(&squeezed(&chinese_name)), "{chinese_name}");
            assert!(text.contains("融资计划"));
            assert!(fonts_used.contains("CJK"), "{fonts_used}");
        }
    }
}

fn one_section(text: &str) -> Document {
    Document {
        locale: Locale::En,
        title: "Programme".into(),
        subtitle: "Now".into(),
        contents_heading: "Contents".into(),
        sections: vec![Section {
            id: SectionId::Summary,
            heading: "1. Summary".into(),
            blocks: vec![Block::Paragraph { text: text.into() }],
        }],
    }
}

#[test]
fn typed_text_stays_text_in_the_pdf() {
    let fonts = FontSet::load(None);
    let hostile = r#"#pagebreak() = Heading *bold* $x^2$ \ ] [ #read("/etc/passwd") <label> @ref"#;
    let text = squeezed(&poppler(
        "pdftotext",
        &pdf(&one_section(hostile), &fonts).unwrap(),
    ));
    assert!(text.contains(&squeezed(hostile)), "{text}");
    assert!(!text.contains("root:"));
}

#[test]
fn a_character_no_font_has_prints_as_a_question_mark() {
    let fonts = FontSet::load(None);
    let printed = printable(&one_section("Ready 🚀 now"), &fonts).unwrap();
    assert_eq!(printed, one_section("Ready ? now"));
}

#[test]
fn chinese_without_a_cjk_font_is_refused_with_the_reason() {
    let fonts = FontSet::load(Some(std::path::Path::new("/nonexistent/font.ttc")));
    let refused = printable(&demo_document(Locale::ZhCn), &fonts).unwrap_err();
    assert!(
        matches!(&refused, AppError::Unavailable(why) if why.contains("ROUNDTABLE_CJK_FONT")),
        "{refused:?}"
    );
    // English without Chinese text needs no CJK font.
    assert!(printable(&one_section("Plain"), &fonts).is_ok());
}

#[test]
fn the_docx_has_word_headings_tables_and_a_contents_field() {
    for locale in Locale::ALL {
        let doc = demo_document(locale);
        let file = super::docx::docx(&doc).unwrap();
        let read = docx_rs::read_docx(&file).expect("the DOCX reads back");
        let mut headings = Vec::new();
        let mut tables = 0;
        for child in &read.document.children {
            match child {
                docx_rs::DocumentChild::Paragraph(p)
                    if p.property.style.as_ref().is_some_and(|s| s.val == "Heading1") =>
                {
                    headings.push(p.raw_text())
                }
                docx_rs::DocumentChild::Table(_) => tables += 1,
                _ => {}
            }
        }
        let expected: Vec<String> = doc.sections.iter().map(|s| s.heading.clone()).collect();
        assert_eq!(headings, expected);
        let written = doc
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .filter(|b| matches!(b, Block::Table(t) if !t.head.is_empty()))
            .count();
        assert_eq!(tables, written);
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&file)).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut archive.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
        assert!(xml.contains("TOC \\o"), "a table of contents field");
    }
}
