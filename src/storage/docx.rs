//! The plan document as a Word file (.docx), written by `docx-rs`. Only
//! the files module (`crate::lazy::run`) calls it, so the writer is never
//! in the main module.
//!
//! Chapters are Word's "heading 1" and sections "heading 2" (so Word's own
//! table of contents and navigation pane work), tables are Word tables
//! whose rows do not split across pages, and every run carries an
//! East-Asian font so Chinese text is set in a Chinese face.

use crate::app::document::{Block, Document, Table};
use chrono::{DateTime, Utc};
use docx_rs::{
    AlignmentType, BreakType, Docx, Footer, Header, PageMargin, PageNum, Paragraph, Run, RunFonts, Shading, Style,
    StyleType, TableCell, TableOfContents, TableRow, WidthType,
};

/// A4 in twentieths of a point, and 2 cm margins.
const A4: (u32, u32) = (11_906, 16_838);
const MARGIN: i32 = 1_134;

fn fonts() -> RunFonts {
    // Office's defaults for the two scripts; Word falls back per script.
    RunFonts::new()
        .ascii("Calibri")
        .hi_ansi("Calibri")
        .east_asia("Microsoft YaHei")
        .cs("Calibri")
}

/// Characters XML 1.0 cannot hold (controls other than tab and line
/// breaks) are dropped: a hostile file must not give an unreadable .docx.
fn clean(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control() || matches!(c, '\t' | '\n'))
        .collect()
}

/// A run of text, line breaks kept as Word line breaks. Its fonts are the
/// document's defaults (East-Asian included).
fn run(text: &str) -> Run {
    let text = clean(text);
    let mut r = Run::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            r = r.add_break(BreakType::TextWrapping);
        }
        r = r.add_text(line);
    }
    r
}

fn para(text: &str) -> Paragraph {
    Paragraph::new().add_run(run(text))
}

fn heading_style(id: &str, name: &str, level: usize, size: usize) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .based_on("Normal")
        .next("Normal")
        .q_format(true)
        .outline_lvl(level)
        .size(size)
        .bold()
        .fonts(fonts())
}

fn table(t: &Table) -> docx_rs::Table {
    let cell = |text: &str, numeric: bool, head: bool| {
        let mut p = para(text);
        if numeric {
            p = p.align(AlignmentType::Right);
        }
        if head {
            p = p.bold();
        }
        let c = TableCell::new().add_paragraph(p);
        if head {
            c.shading(Shading::new().fill("E8ECF2"))
        } else {
            c
        }
    };
    let numeric = |i: usize| t.numeric.get(i).copied().unwrap_or(false);
    let mut rows = vec![TableRow::new(
        t.head
            .iter()
            .enumerate()
            .map(|(i, h)| cell(h, numeric(i), true))
            .collect(),
    )
    .cant_split()];
    for row in &t.rows {
        let cells = (0..t.head.len())
            .map(|i| cell(row.get(i).map_or("", String::as_str), numeric(i), false))
            .collect();
        rows.push(TableRow::new(cells).cant_split());
    }
    docx_rs::Table::new(rows).width(5_000, WidthType::Pct)
}

/// The .docx bytes of the document. `contents` titles the table of
/// contents (Word fills it in when the file is opened); `created` is
/// stamped in it so the same plan gives the same file.
pub fn write(doc: &Document, contents: &str, created: DateTime<Utc>) -> Result<Vec<u8>, String> {
    let stamp = created.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let header = Header::new().add_paragraph(para(&doc.title).size(18).align(AlignmentType::Right));
    let footer = Footer::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_page_num(PageNum::new()),
    );
    // Word fills the page numbers in when it opens the file (the field is
    // marked dirty); until then, and in readers that never do, the
    // entries carry none rather than a made-up "1".
    let mut contents_field = TableOfContents::new().heading_styles_range(1, 2).auto().dirty();
    contents_field.page_ref_placeholder = Some(String::new());
    let mut docx = Docx::new()
        .default_fonts(fonts())
        .default_size(21)
        .add_style(heading_style("Heading1", "heading 1", 0, 32))
        .add_style(heading_style("Heading2", "heading 2", 1, 26))
        .add_style(heading_style("Title", "Title", 0, 44).outline_lvl(9))
        .page_size(A4.0, A4.1)
        .page_margin(
            PageMargin::new()
                .top(MARGIN)
                .bottom(MARGIN)
                .left(MARGIN)
                .right(MARGIN)
                .header(567)
                .footer(567),
        )
        .header(header)
        .footer(footer)
        .created_at(&stamp)
        .updated_at(&stamp)
        .add_paragraph(para(&doc.title).style("Title"))
        .add_paragraph(para(&doc.subtitle))
        .add_paragraph(para(&doc.prepared).italic());
    for text in &doc.lead {
        docx = docx.add_paragraph(para(text));
    }
    if !doc.report {
        docx = docx
            .add_paragraph(para(contents).bold().size(28))
            .add_table_of_contents(contents_field);
    }
    for c in &doc.chapters {
        docx = docx.add_paragraph(
            para(&format!("{} {}", c.number, c.title))
                .style("Heading1")
                .page_break_before(!doc.report),
        );
        for b in &c.blocks {
            docx = match b {
                Block::Section { number, title } => {
                    docx.add_paragraph(para(&format!("{number} {title}")).style("Heading2").keep_next(true))
                }
                Block::Paragraph { text } => text.split("\n\n").fold(docx, |d, p| d.add_paragraph(para(p.trim()))),
                Block::Fields { rows } => rows.iter().fold(docx, |d, (label, value)| {
                    d.add_paragraph(
                        Paragraph::new()
                            .add_run(run(&format!("{label}: ")).bold())
                            .add_run(run(value)),
                    )
                }),
                Block::List { items } => items.iter().fold(docx, |d, item| {
                    d.add_paragraph(para(&format!("• {item}")).indent(Some(360), None, None, None))
                }),
                Block::Table(t) => docx
                    .add_paragraph(para(&t.caption).italic().keep_next(true))
                    .add_table(table(t))
                    .add_paragraph(Paragraph::new()),
                Block::Chart { caption, .. } | Block::Empty { text: caption } => {
                    docx.add_paragraph(para(caption).italic())
                }
            };
        }
    }
    let mut out = std::io::Cursor::new(Vec::new());
    docx.build().pack(&mut out).map_err(|e| e.to_string())?;
    deflate(out.into_inner()).map_err(|e| e.to_string())
}

/// The same parts, compressed: docx-rs writes them stored, which makes a
/// large plan's document ten times the size it needs to be.
fn deflate(stored: Vec<u8>) -> zip::result::ZipResult<Vec<u8>> {
    use std::io::{Cursor, Write};
    let mut input = zip::ZipArchive::new(Cursor::new(stored))?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for i in 0..input.len() {
        let mut part = input.by_index(i)?;
        out.start_file(part.name().to_owned(), options)?;
        std::io::copy(&mut part, &mut out)?;
    }
    out.flush()?;
    Ok(out.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::document::{DocChapter, Table};
    use chrono::TimeZone;
    use std::io::Read;

    fn part(bytes: &[u8], name: &str) -> String {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut text = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut text).unwrap();
        text
    }

    #[test]
    fn hostile_text_is_escaped_and_control_characters_dropped() {
        let doc = Document {
            title: "<w:t>计划\u{1}</w:t> & \"x\"".into(),
            subtitle: "s".into(),
            prepared: "p".into(),
            lead: Vec::new(),
            report: false,
            chapters: vec![DocChapter {
                number: 1,
                title: "执行摘要".into(),
                blocks: vec![Block::Table(Table {
                    caption: "T".into(),
                    head: vec!["A".into()],
                    rows: vec![vec!["=1+1\nline two".into()]],
                    numeric: vec![false],
                })],
            }],
        };
        let bytes = write(&doc, "目录", Utc.with_ymd_and_hms(2026, 12, 4, 8, 0, 0).unwrap()).unwrap();
        let xml = part(&bytes, "word/document.xml");
        assert!(
            xml.contains("&lt;w:t&gt;计划&lt;/w:t&gt; &amp;"),
            "{}",
            &xml[..xml.len().min(2000)]
        );
        assert!(!xml.contains('\u{1}'));
        assert!(part(&bytes, "word/styles.xml").contains("w:eastAsia=\"Microsoft YaHei\""));
        // Deflated, not stored.
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
        assert_eq!(
            zip.by_name("word/document.xml").unwrap().compression(),
            zip::CompressionMethod::Deflated
        );
        assert!(xml.contains("<w:cantSplit"));
    }
}
