//! The document as Markdown: headings numbered as in the view, tables as
//! GFM tables. User text is escaped so that it stays text: it cannot
//! start a heading, a list, a link or HTML, nor break a table's cells.

use super::{Block, Document, Table};
use std::fmt::Write;

/// Characters with a meaning in Markdown (CommonMark's ASCII punctuation
/// that can start or end a construct), escaped with a backslash.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '<' | '>' | '(' | ')' | '#' | '+' | '-' | '!' | '|'
            | '~' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Text in one line (a table cell, a list item): line breaks become
/// `<br>`, the one HTML GFM tables need for them.
fn inline(text: &str) -> String {
    text.lines()
        .map(|l| escape(l.trim()))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("<br>")
}

fn table(out: &mut String, t: &Table) {
    let _ = writeln!(out, "*{}*\n", escape(&t.caption));
    let _ = writeln!(
        out,
        "| {} |",
        t.head.iter().map(|h| inline(h)).collect::<Vec<_>>().join(" | ")
    );
    let rule: Vec<&str> = t.numeric.iter().map(|n| if *n { "---:" } else { "---" }).collect();
    let _ = writeln!(out, "| {} |", rule.join(" | "));
    for row in &t.rows {
        let cells: Vec<String> = (0..t.head.len())
            .map(|i| row.get(i).map_or_else(String::new, |c| inline(c)))
            .collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
}

pub fn write(doc: &Document, contents_title: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", inline(&doc.title));
    let _ = writeln!(out, "{}\n\n{}\n", inline(&doc.subtitle), inline(&doc.prepared));
    for para in &doc.lead {
        let _ = writeln!(out, "{}\n", inline(para));
    }
    let toc = doc.toc();
    if !toc.is_empty() {
        let _ = writeln!(out, "## {}\n", escape(contents_title));
        for entry in toc {
            let indent = if entry.level == 1 { "" } else { "  " };
            let _ = writeln!(out, "{indent}- {} {}", entry.number, inline(&entry.title));
        }
        out.push('\n');
    }
    for c in &doc.chapters {
        let _ = writeln!(out, "## {} {}\n", c.number, inline(&c.title));
        for b in &c.blocks {
            match b {
                Block::Section { number, title } => {
                    let _ = writeln!(out, "### {number} {}\n", inline(title));
                }
                Block::Paragraph { text } => {
                    for para in text.split("\n\n") {
                        let _ = writeln!(out, "{}\n", inline(para));
                    }
                }
                Block::Fields { rows } => {
                    for (label, value) in rows {
                        let _ = writeln!(out, "- **{}**: {}", inline(label), inline(value));
                    }
                    out.push('\n');
                }
                Block::List { items } => {
                    for item in items {
                        let _ = writeln!(out, "- {}", inline(item));
                    }
                    out.push('\n');
                }
                Block::Table(t) => table(&mut out, t),
                Block::Chart { caption, .. } => {
                    let _ = writeln!(out, "*{}*\n", inline(caption));
                }
                Block::Empty { text } => {
                    let _ = writeln!(out, "*{}*\n", inline(text));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_stays_text_and_cannot_break_a_table() {
        assert_eq!(escape("# <b>x</b> | [a](b)"), r"\# \<b\>x\</b\> \| \[a\]\(b\)");
        assert_eq!(inline("one\n\n  two | three "), r"one<br>two \| three");
        let t = Table {
            caption: "T".into(),
            head: vec!["A".into(), "B".into()],
            rows: vec![vec!["=1+1".into()], vec!["x|y".into(), "2".into()]],
            numeric: vec![false, true],
        };
        let mut out = String::new();
        table(&mut out, &t);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[2], "| A | B |");
        assert_eq!(lines[3], "| --- | ---: |");
        // A short row gets its empty cells; a pipe in a cell is escaped.
        assert_eq!(lines[4], "| =1\\+1 |  |");
        assert_eq!(lines[5], r"| x\|y | 2 |");
    }
}
