//! The plan document (计划文档): the whole plan as the eight chapters of
//! DOMAIN.md §1, built from the plan's data in the user's language. One
//! model feeds the document view (and its print), the Markdown export and
//! the Word writer of the files module, so the three always say the same.
//!
//! Nothing is invented: a part with no data is an [`Block::Empty`] note.

mod execution;
mod front;
pub mod gaps;
pub mod markdown;
pub mod report;

use crate::app::svg::SvgDoc;
use crate::domain::plan::{Chapter, Plan};
use crate::i18n::{format_date, t, Key, Lang, Text};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The document: a title page's lines and the chapters in order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub title: String,
    pub subtitle: String,
    /// "Written from the plan's data on …".
    pub prepared: String,
    /// Paragraphs before the first chapter (a report's "nothing to report").
    #[serde(default)]
    pub lead: Vec<String>,
    /// A status report: no contents, and its sections run on without a
    /// page break each.
    #[serde(default)]
    pub report: bool,
    pub chapters: Vec<DocChapter>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocChapter {
    /// The chapter's number, 1-8; sections are numbered under it.
    pub number: usize,
    pub title: String,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// A numbered section heading under the chapter: "3.1 Goals".
    Section {
        number: String,
        title: String,
    },
    Paragraph {
        text: String,
    },
    /// Label and value pairs (plan details, budget figures).
    Fields {
        rows: Vec<(String, String)>,
    },
    List {
        items: Vec<String>,
    },
    Table(Table),
    /// One of the app's SVG charts. The drawing is for the view and its
    /// print only; the exports write the caption (their tables carry the
    /// same figures).
    Chart {
        caption: String,
        #[serde(skip)]
        svg: Option<SvgDoc>,
    },
    /// What the plan does not have yet, said as such.
    Empty {
        text: String,
    },
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub caption: String,
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Columns of figures, aligned to the right.
    pub numeric: Vec<bool>,
}

impl Table {
    /// A table with these column headings; `numeric` marks the columns of figures.
    fn new(lang: Lang, caption: Key, columns: &[(Key, bool)]) -> Table {
        Table {
            caption: t(lang, caption).to_owned(),
            head: columns.iter().map(|(k, _)| t(lang, *k).to_owned()).collect(),
            rows: Vec::new(),
            numeric: columns.iter().map(|(_, n)| *n).collect(),
        }
    }
}

/// An entry of the table of contents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TocEntry {
    pub number: String,
    pub title: String,
    /// 1 for a chapter, 2 for a section.
    pub level: u8,
    /// The anchor of its heading in the document view.
    pub anchor: String,
}

impl Document {
    pub fn toc(&self) -> Vec<TocEntry> {
        let mut out = Vec::new();
        if self.report {
            return out;
        }
        for c in &self.chapters {
            out.push(TocEntry {
                number: c.number.to_string(),
                title: c.title.clone(),
                level: 1,
                anchor: anchor(&c.number.to_string()),
            });
            for b in &c.blocks {
                if let Block::Section { number, title } = b {
                    out.push(TocEntry {
                        number: number.clone(),
                        title: title.clone(),
                        level: 2,
                        anchor: anchor(number),
                    });
                }
            }
        }
        out
    }
}

/// The id of a numbered heading: "doc-3-1" for 3.1.
pub fn anchor(number: &str) -> String {
    format!("doc-{}", number.replace('.', "-"))
}

pub fn chapter_key(chapter: Chapter) -> Key {
    match chapter {
        Chapter::Summary => Key::ChapterSummary,
        Chapter::Situation => Key::ChapterSituation,
        Chapter::Goals => Key::ChapterGoals,
        Chapter::Strategies => Key::ChapterStrategies,
        Chapter::Implementation => Key::ChapterImplementation,
        Chapter::Budget => Key::ChapterBudget,
        Chapter::Risks => Key::ChapterRisks,
        Chapter::Evaluation => Key::ChapterEvaluation,
    }
}

/// The exported file's name: "Q4 plan.md", "Q4 plan weekly 2026-11-23.docx".
pub fn file_name(
    plan: &Plan,
    report: Option<crate::domain::evaluation::report::ReportPeriod>,
    extension: &str,
) -> String {
    use crate::domain::evaluation::report::ReportKind;
    let name = crate::app::implementation::export_name(plan, extension);
    match report {
        None => name,
        Some(p) => {
            let kind = match p.kind {
                ReportKind::Weekly => "weekly",
                ReportKind::Monthly => "monthly",
            };
            let stem = name.strip_suffix(&format!(".{extension}")).unwrap_or(&name);
            format!(
                "{stem} {kind} {}.{extension}",
                crate::domain::core::calendar::date_text(p.start)
            )
        }
    }
}

/// Builds one chapter's blocks, numbering its sections in order.
pub(crate) struct Writer {
    pub lang: Lang,
    chapter: usize,
    sections: usize,
    pub blocks: Vec<Block>,
}

impl Writer {
    fn new(lang: Lang, chapter: usize) -> Writer {
        Writer {
            lang,
            chapter,
            sections: 0,
            blocks: Vec::new(),
        }
    }

    pub fn t(&self, key: Key) -> String {
        t(self.lang, key).to_owned()
    }

    pub fn text(&self, text: &Text) -> String {
        text.render(self.lang)
    }

    /// A date of chapter 5: the day, or "T-21" when the plan has no T.
    pub fn when(&self, when: crate::domain::implementation::schedule::When, launch: Option<NaiveDate>) -> String {
        match when.resolve(launch) {
            Some(d) => format_date(self.lang, d),
            None => crate::app::implementation::offset_label(when).unwrap_or_default(),
        }
    }

    pub fn section(&mut self, title: Key) {
        self.sections += 1;
        let number = format!("{}.{}", self.chapter, self.sections);
        let title = self.t(title);
        self.blocks.push(Block::Section { number, title });
    }

    /// The text as a paragraph, or the empty note when it is blank.
    pub fn paragraph_or_empty(&mut self, text: &str) {
        let block = if text.trim().is_empty() {
            self.empty_block()
        } else {
            Block::Paragraph {
                text: text.trim().to_owned(),
            }
        };
        self.blocks.push(block);
    }

    pub fn paragraph(&mut self, text: String) {
        self.blocks.push(Block::Paragraph { text });
    }

    fn empty_block(&self) -> Block {
        Block::Empty {
            text: self.t(Key::DocEmpty),
        }
    }

    pub fn empty(&mut self) {
        let block = self.empty_block();
        self.blocks.push(block);
    }

    /// The table, or the empty note when it has no rows.
    pub fn table(&mut self, table: Table) {
        if table.rows.is_empty() {
            self.empty();
        } else {
            self.blocks.push(Block::Table(table));
        }
    }

    pub fn fields(&mut self, rows: Vec<(String, String)>) {
        self.blocks.push(Block::Fields { rows });
    }

    pub fn list(&mut self, items: Vec<String>) {
        if items.is_empty() {
            self.empty();
        } else {
            self.blocks.push(Block::List { items });
        }
    }

    pub fn chart(&mut self, caption: String, svg: Option<SvgDoc>) {
        if let Some(svg) = svg {
            self.blocks.push(Block::Chart {
                caption,
                svg: Some(svg),
            });
        }
    }
}

/// The document of the plan on `today` (completion, statuses and the
/// risks' assessments are as of that day).
pub fn build(plan: &Plan, lang: Lang, today: NaiveDate) -> Document {
    let chapters = Chapter::ALL
        .iter()
        .map(|&chapter| {
            let mut w = Writer::new(lang, chapter.number());
            match chapter {
                Chapter::Summary => front::summary(&mut w, plan),
                Chapter::Situation => front::situation(&mut w, plan),
                Chapter::Goals => front::goals(&mut w, plan, today),
                Chapter::Strategies => front::strategies(&mut w, plan),
                Chapter::Implementation => execution::implementation(&mut w, plan, today),
                Chapter::Budget => execution::budget(&mut w, plan),
                Chapter::Risks => execution::risks(&mut w, plan, today),
                Chapter::Evaluation => execution::evaluation(&mut w, plan),
            }
            DocChapter {
                number: chapter.number(),
                title: t(lang, chapter_key(chapter)).to_owned(),
                blocks: w.blocks,
            }
        })
        .collect();
    Document {
        title: plan.name.clone(),
        subtitle: Text::new(Key::DocSubtitle)
            .with("period", crate::app::messages::period_range(lang, &plan.period))
            .render(lang),
        prepared: Text::new(Key::DocPrepared)
            .with("date", format_date(lang, today))
            .render(lang),
        lead: Vec::new(),
        report: false,
        chapters,
    }
}

#[cfg(test)]
mod tests;
