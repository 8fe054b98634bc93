//! The document as a PDF, laid out by typst from `proposal.typ`: a title
//! page, a real table of contents (the outline, with page numbers and
//! links), one section per page run, tables whose header row repeats and
//! whose rows never split, running headers and page numbers.

use super::fonts::{is_cjk, FontSet};
use app::document::{Block, Document, Section, Table};
use app::domain::error::AppError;
use app::i18n::Locale;
use typst::foundations::{Dict, IntoValue};
use typst_as_lib::TypstEngine;
use typst_layout::PagedDocument;

const TEMPLATE: &str = include_str!("proposal.typ");

pub fn pdf(doc: &Document, fonts: &FontSet) -> Result<Vec<u8>, AppError> {
    let doc = printable(doc, fonts)?;
    let chinese = doc.locale == Locale::ZhCn;
    let doc_json = serde_json::to_string(&doc).map_err(|e| internal("the document as JSON", e))?;
    let fonts_json =
        serde_json::to_string(&fonts.families(chinese)).map_err(|e| internal("the fonts as JSON", e))?;
    let mut inputs = Dict::new();
    inputs.insert("doc".into(), doc_json.into_value());
    inputs.insert("fonts".into(), fonts_json.into_value());
    inputs.insert("lang".into(), (if chinese { "zh" } else { "en" }).into_value());
    inputs.insert("region".into(), (if chinese { "CN" } else { "GB" }).into_value());
    let engine = TypstEngine::builder()
        .main_file(TEMPLATE)
        .fonts(fonts.fonts.iter().cloned())
        // typst memoises layouts process-wide; a server renders many
        // different documents, so nothing is kept past the render.
        .comemo_evict_max_age(Some(0))
        .build();
    let laid_out: PagedDocument = engine
        .compile_with_input(inputs)
        .output
        .map_err(|e| internal("laying out the PDF", format!("{e:?}")))?;
    typst_pdf::pdf(&laid_out, &typst_pdf::PdfOptions::default())
        .map_err(|e| internal("writing the PDF", format!("{e:?}")))
}

fn internal(what: &str, detail: impl std::fmt::Display) -> AppError {
    tracing::error!(%detail, "{what} failed");
    AppError::Internal
}

/// The document with every character a font has. Chinese without the CJK
/// font refuses the whole file, saying why (the operator can install one);
/// anything else no font has (an emoji in a typed text) prints as "?", so
/// one character a delegate typed never stops the room's PDF.
pub(super) fn printable(doc: &Document, fonts: &FontSet) -> Result<Document, AppError> {
    let mut lacking_cjk = false;
    let mut fix = |text: &String| -> String {
        text.chars()
            .map(|c| match fonts.covers(c) {
                true => c,
                false if is_cjk(c) => {
                    lacking_cjk = true;
                    c
                }
                false => '?',
            })
            .collect()
    };
    let printed = Document {
        locale: doc.locale,
        title: fix(&doc.title),
        subtitle: fix(&doc.subtitle),
        contents_heading: fix(&doc.contents_heading),
        sections: doc
            .sections
            .iter()
            .map(|s| Section {
                id: s.id,
                heading: fix(&s.heading),
                blocks: s.blocks.iter().map(|b| map_block(b, &mut fix)).collect(),
            })
            .collect(),
    };
    if lacking_cjk {
        return Err(AppError::Unavailable(format!(
            "no Chinese font on this server (looked for {}): install Debian's fonts-noto-cjk or set ROUNDTABLE_CJK_FONT",
            fonts.cjk_source
        )));
    }
    Ok(printed)
}

fn all(items: &[String], f: &mut impl FnMut(&String) -> String) -> Vec<String> {
    items.iter().map(f).collect()
}

fn map_block(block: &Block, f: &mut impl FnMut(&String) -> String) -> Block {
    match block {
        Block::Subheading { text } => Block::Subheading { text: f(text) },
        Block::Paragraph { text } => Block::Paragraph { text: f(text) },
        Block::Missing { text } => Block::Missing { text: f(text) },
        Block::Note { text } => Block::Note { text: f(text) },
        Block::List { items } => Block::List { items: all(items, f) },
        Block::Figures { items } => Block::Figures {
            items: items.iter().map(|(k, v)| (f(k), f(v))).collect(),
        },
        Block::Table(t) => Block::Table(Table {
            head: all(&t.head, f),
            rows: t.rows.iter().map(|row| all(row, f)).collect(),
            numeric: t.numeric.clone(),
            total: t.total.as_ref().map(|row| all(row, f)),
        }),
    }
}
