//! The document as one print-ready HTML file: a table of contents, each
//! section on a new page, running headers (CSS paged media), tables whose
//! header rows repeat and whose rows never split across pages.

use super::blocks::{Block, Document, Table};

fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Line breaks people typed stay line breaks.
fn lines(text: &str) -> String {
    esc(text).replace('\n', "<br>")
}

const STYLE: &str = r#"
@page { size: A4; margin: 22mm 18mm 20mm 18mm;
  @top-center { content: string(doctitle); font-size: 9pt; color: #444; }
  @bottom-right { content: counter(page); font-size: 9pt; color: #444; } }
body { font-family: "Noto Sans", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
  font-size: 11pt; line-height: 1.45; color: #111; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { string-set: doctitle content(); font-size: 22pt; margin-bottom: .2rem; }
h2 { font-size: 16pt; border-bottom: 2px solid #1f4e79; padding-bottom: .2rem; }
h3 { font-size: 12.5pt; }
nav ol { padding-left: 1.2rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: 9.5pt; }
th, td { border: 1px solid #999; padding: .25rem .4rem; vertical-align: top; text-align: left; }
th { background: #e8eef5; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: bold; border-top: 2px solid #333; }
.missing { border-left: 4px solid #b35c00; background: #fff4e5; padding: .4rem .6rem; }
.note { font-size: 9pt; color: #333; }
dl.figures { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dl.figures dd { margin: 0; white-space: nowrap; font-variant-numeric: tabular-nums; }
@media print { section { break-before: page; } nav { break-after: page; } a { color: inherit; text-decoration: none; } }
"#;

fn table(out: &mut String, t: &Table) {
    if t.rows.is_empty() && t.total.is_none() {
        return;
    }
    let class = |i: usize| {
        if t.numeric.get(i).copied().unwrap_or(false) {
            " class=\"num\""
        } else {
            ""
        }
    };
    out.push_str("<table><thead><tr>");
    for (i, h) in t.head.iter().enumerate() {
        out.push_str(&format!("<th scope=\"col\"{}>{}</th>", class(i), esc(h)));
    }
    out.push_str("</tr></thead><tbody>");
    let row = |out: &mut String, cells: &[String], total: bool| {
        out.push_str(if total { "<tr class=\"total\">" } else { "<tr>" });
        for (i, c) in cells.iter().enumerate() {
            out.push_str(&format!("<td{}>{}</td>", class(i), lines(c)));
        }
        out.push_str("</tr>");
    };
    t.rows.iter().for_each(|r| row(out, r, false));
    if let Some(total) = &t.total {
        row(out, total, true);
    }
    out.push_str("</tbody></table>");
}

pub fn html(doc: &Document) -> String {
    let mut out = format!(
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title><style>{STYLE}</style></head><body><header><h1>{}</h1><p>{}</p></header>",
        doc.locale.tag(),
        esc(&doc.title),
        esc(&doc.title),
        esc(&doc.subtitle)
    );
    out.push_str(&format!(
        "<nav aria-labelledby=\"contents\"><h2 id=\"contents\">{}</h2><ol>",
        esc(&doc.contents_heading)
    ));
    for s in &doc.sections {
        out.push_str(&format!(
            "<li><a href=\"#{}\">{}</a></li>",
            s.id.anchor(),
            esc(&s.heading)
        ));
    }
    out.push_str("</ol></nav><main>");
    for s in &doc.sections {
        out.push_str(&format!(
            "<section id=\"{}\"><h2>{}</h2>",
            s.id.anchor(),
            esc(&s.heading)
        ));
        for block in &s.blocks {
            match block {
                Block::Subheading { text } => out.push_str(&format!("<h3>{}</h3>", esc(text))),
                Block::Paragraph { text } => out.push_str(&format!("<p>{}</p>", lines(text))),
                Block::Missing { text } => out.push_str(&format!("<p class=\"missing\">{}</p>", esc(text))),
                Block::Note { text } => out.push_str(&format!("<p class=\"note\">{}</p>", esc(text))),
                Block::List { items } => {
                    out.push_str("<ul>");
                    items
                        .iter()
                        .for_each(|i| out.push_str(&format!("<li>{}</li>", lines(i))));
                    out.push_str("</ul>");
                }
                Block::Figures { items } => {
                    out.push_str("<dl class=\"figures\">");
                    items
                        .iter()
                        .for_each(|(k, v)| out.push_str(&format!("<dt>{}</dt><dd>{}</dd>", esc(k), esc(v))));
                    out.push_str("</dl>");
                }
                Block::Table(t) => table(&mut out, t),
            }
        }
        out.push_str("</section>");
    }
    out.push_str("</main></body></html>\n");
    out
}
