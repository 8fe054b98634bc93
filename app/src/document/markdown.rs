//! The document as Markdown (GitHub's tables): what people paste into a
//! mail or a wiki.

use super::blocks::{Block, Document, Table};

/// A cell's text with what would break a table row escaped.
fn cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('\n', "<br>")
}

/// Text that starts a line: a leading "#", "-", "+", ">" or "1." would
/// become structure, so it is escaped.
fn line(text: &str) -> String {
    text.lines()
        .map(|l| {
            let trimmed = l.trim_start();
            let starts_structure = trimmed.starts_with(['#', '-', '+', '>', '*', '|'])
                || trimmed
                    .split_once(". ")
                    .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
            if starts_structure {
                format!("\\{trimmed}")
            } else {
                trimmed.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("  \n")
}

fn table(out: &mut String, t: &Table) {
    if t.rows.is_empty() && t.total.is_none() {
        return;
    }
    out.push_str(&format!(
        "| {} |\n",
        t.head.iter().map(|h| cell(h)).collect::<Vec<_>>().join(" | ")
    ));
    let rule: Vec<&str> = t
        .numeric
        .iter()
        .map(|n| if *n { "---:" } else { "---" })
        .collect();
    out.push_str(&format!("| {} |\n", rule.join(" | ")));
    for row in &t.rows {
        out.push_str(&format!(
            "| {} |\n",
            row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | ")
        ));
    }
    if let Some(total) = &t.total {
        let cells: Vec<String> = total
            .iter()
            .map(|c| {
                if c.is_empty() {
                    String::new()
                } else {
                    format!("**{}**", cell(c))
                }
            })
            .collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out.push('\n');
}

pub fn markdown(doc: &Document) -> String {
    let mut out = format!(
        "# {}\n\n{}\n\n## {}\n\n",
        line(&doc.title),
        line(&doc.subtitle),
        doc.contents_heading
    );
    for section in &doc.sections {
        out.push_str(&format!("- [{}](#{})\n", section.heading, section.id.anchor()));
    }
    out.push('\n');
    for section in &doc.sections {
        out.push_str(&format!(
            "<a id=\"{}\"></a>\n\n## {}\n\n",
            section.id.anchor(),
            section.heading
        ));
        for block in &section.blocks {
            match block {
                Block::Subheading { text } => out.push_str(&format!("### {}\n\n", line(text))),
                Block::Paragraph { text } => out.push_str(&format!("{}\n\n", line(text))),
                Block::Missing { text } => out.push_str(&format!("> {}\n\n", line(text))),
                Block::Note { text } => out.push_str(&format!("_{}_\n\n", line(text).replace('_', "\\_"))),
                Block::List { items } => {
                    items
                        .iter()
                        .for_each(|i| out.push_str(&format!("- {}\n", line(i))));
                    out.push('\n');
                }
                Block::Figures { items } => {
                    items
                        .iter()
                        .for_each(|(k, v)| out.push_str(&format!("- **{}**: {}\n", line(k), line(v))));
                    out.push('\n');
                }
                Block::Table(t) => table(&mut out, t),
            }
        }
    }
    out
}
