//! The document as a DOCX a word processor opens and edits: Word's own
//! heading styles (so the navigation pane and the table of contents find
//! the sections), a table of contents field filled in at export (a word
//! processor refreshes its page numbers), real tables whose rows never
//! split, a running header and page numbers, and East Asian text set in a
//! CJK font.

use app::document::{Block, Document, Table};
use app::domain::error::AppError;
use docx_rs::{
    AlignmentType, Docx, Footer, Header, NumPages, PageNum, Paragraph, Run, RunFonts, Shading, Style,
    StyleType, TableCell, TableOfContents, TableRow, WidthType,
};

/// The fonts Word and LibreOffice pick, or substitute for, on each system.
const LATIN_FONT: &str = "Calibri";
const CJK_FONT: &str = "Noto Sans CJK SC";

pub fn docx(doc: &Document) -> Result<Vec<u8>, AppError> {
    let mut file = Docx::new()
        .default_fonts(
            RunFonts::new()
                .ascii(LATIN_FONT)
                .hi_ansi(LATIN_FONT)
                .east_asia(CJK_FONT),
        )
        .default_size(21)
        .add_style(heading_style(1, 32))
        .add_style(heading_style(2, 26))
        .header(Header::new().add_paragraph(small(&format!("{} · {}", doc.title, doc.subtitle))))
        .footer(
            Footer::new().add_paragraph(
                Paragraph::new()
                    .align(AlignmentType::Right)
                    .add_page_num(PageNum::new())
                    .add_run(Run::new().add_text(" / "))
                    .add_num_pages(NumPages::new()),
            ),
        )
        .add_paragraph(Paragraph::new().add_run(Run::new().add_text(&doc.title).bold().size(44)))
        .add_paragraph(Paragraph::new().add_run(Run::new().add_text(&doc.subtitle).size(26)))
        .add_table_of_contents(
            TableOfContents::new()
                .heading_styles_range(1, 1)
                .alias(doc.contents_heading.as_str())
                .auto(),
        );
    for (index, section) in doc.sections.iter().enumerate() {
        file = file.add_paragraph(heading(1, &section.heading).page_break_before(index > 0));
        for block in &section.blocks {
            file = match block {
                Block::Subheading { text } => file.add_paragraph(heading(2, text)),
                Block::Paragraph { text } => file.add_paragraph(lines(Paragraph::new(), text)),
                Block::Missing { text } => file.add_paragraph(lines(Paragraph::new(), text).style("Missing")),
                Block::Note { text } => file.add_paragraph(small(text)),
                Block::List { items } => items.iter().fold(file, |file, item| {
                    file.add_paragraph(lines(Paragraph::new().add_run(Run::new().add_text("• ")), item))
                }),
                Block::Figures { items } => items.iter().fold(file, |file, (label, value)| {
                    file.add_paragraph(
                        Paragraph::new()
                            .add_run(Run::new().add_text(format!("{label}: ")))
                            .add_run(Run::new().add_text(value).bold()),
                    )
                }),
                Block::Table(table) if table.head.is_empty() => file,
                Block::Table(table) => file.add_table(data_table(table)),
            };
        }
    }
    let file = file.add_style(
        Style::new("Missing", StyleType::Paragraph)
            .name("Missing")
            .based_on("Normal")
            .color("8A4500"),
    );
    let mut out = std::io::Cursor::new(Vec::new());
    file.build().pack(&mut out).map_err(|e| {
        tracing::error!(error = %e, "writing the DOCX failed");
        AppError::Internal
    })?;
    Ok(out.into_inner())
}

fn heading_style(level: usize, half_points: usize) -> Style {
    Style::new(format!("Heading{level}"), StyleType::Paragraph)
        .name(format!("heading {level}"))
        .based_on("Normal")
        .next("Normal")
        .q_format(true)
        .outline_lvl(level - 1)
        .size(half_points)
        .bold()
        .color("1F4E79")
}

fn heading(level: usize, text: &str) -> Paragraph {
    Paragraph::new()
        .style(&format!("Heading{level}"))
        .keep_next(true)
        .add_run(Run::new().add_text(text))
}

fn small(text: &str) -> Paragraph {
    lines(Paragraph::new(), text).size(17)
}

/// Line breaks people typed stay line breaks.
fn lines(paragraph: Paragraph, text: &str) -> Paragraph {
    text.split('\n').enumerate().fold(paragraph, |p, (i, line)| {
        let run = Run::new();
        let run = if i > 0 {
            run.add_break(docx_rs::BreakType::TextWrapping)
        } else {
            run
        };
        p.add_run(run.add_text(line))
    })
}

fn data_table(table: &Table) -> docx_rs::Table {
    let width = table.head.len();
    let cell = |text: &str, column: usize, bold: bool| {
        let run = Run::new().add_text(text).size(17);
        let run = if bold { run.bold() } else { run };
        let mut paragraph = Paragraph::new().add_run(run);
        if table.numeric.get(column).copied().unwrap_or(false) {
            paragraph = paragraph.align(AlignmentType::Right);
        }
        TableCell::new().add_paragraph(paragraph)
    };
    let row = |cells: &[String], bold: bool| {
        let cells = (0..width)
            .map(|i| cell(cells.get(i).map(String::as_str).unwrap_or(""), i, bold))
            .collect();
        TableRow::new(cells).cant_split()
    };
    let head = TableRow::new(
        table
            .head
            .iter()
            .enumerate()
            .map(|(i, h)| cell(h, i, true).shading(Shading::new().fill("E8EEF5")))
            .collect(),
    )
    .cant_split();
    let rows = std::iter::once(head)
        .chain(table.rows.iter().map(|r| row(r, false)))
        .chain(table.total.iter().map(|r| row(r, true)))
        .collect();
    docx_rs::Table::new(rows).width(5000, WidthType::Pct)
}
