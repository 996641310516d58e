//! Work that is heavy and rarely used runs in modules built separately and
//! fetched the first time it is needed, so the main module stays small.
//!
//! The pattern (README, "Lazily loaded modules"):
//! - a [`Job`] is plain data; the main module only ever *encodes* one
//!   ([`Job::request`]) and gets bytes back;
//! - [`run`] decodes and does the work. Only the module's own binary
//!   (`src/bin/<stem>.rs`) calls it, so link-time optimisation leaves the
//!   heavy code out of the main module;
//! - `ui::shell::lazy` starts the module's Web Worker through
//!   `static/lazy-worker.js` and matches answers to requests.
//!
//! Everything here is plain Rust and tested natively.

use crate::app::document::Document;
use crate::domain::core::ids::SeededIds;
use crate::domain::plan::templates::{self, Template, TemplateRows};
use crate::domain::plan::Plan;
use crate::i18n::Lang;
use crate::storage::xlsx::{self, Sheet};
use crate::storage::{docx, format};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A separately built module. Its stem names the files Trunk writes:
/// `<stem>.js` and `<stem>_bg.wasm` (worker modules are not hashed).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Module {
    /// File writers and file diagnosis: the XLSX and Word writers, the exact place of
    /// a refused file's error.
    Files,
}

impl Module {
    pub const ALL: [Module; 1] = [Module::Files];

    pub fn stem(self) -> &'static str {
        match self {
            Module::Files => "files_worker",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "job", rename_all = "snake_case")]
pub enum Job {
    /// An Excel workbook of these sheets; `created` is stamped in it so the
    /// same data gives the same bytes.
    Workbook {
        sheets: Vec<Sheet>,
        currency_symbol: String,
        created: DateTime<Utc>,
    },
    /// The plan document as a Word file; `contents` titles its table of
    /// contents.
    Document {
        document: Document,
        contents: String,
        created: DateTime<Utc>,
    },
    /// A new plan filled from a template in the user's language (the
    /// templates' words are only in this module); ids are drawn from `seed`.
    /// Answers a plan file holding it.
    Template {
        template: String,
        lang: String,
        plan: Box<Plan>,
        seed: [u8; 16],
    },
    /// Where a refused plan file stops matching the model, as UTF-8 text
    /// (empty when it cannot be told).
    LocateFileError { text: String },
}

impl Job {
    pub fn module(&self) -> Module {
        match self {
            Job::Workbook { .. } | Job::Document { .. } | Job::Template { .. } | Job::LocateFileError { .. } => {
                Module::Files
            }
        }
    }

    /// The request as the worker receives it.
    pub fn request(&self) -> String {
        // Plain structs, strings and numbers: serialising cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// The module's side: a request in, the bytes out, or why not.
pub fn run(request: &str) -> Result<Vec<u8>, String> {
    let job: Job = serde_json::from_str(request).map_err(|e| format!("unreadable request: {e}"))?;
    match job {
        Job::Workbook {
            sheets,
            currency_symbol,
            created,
        } => xlsx::write(&sheets, &currency_symbol, created),
        Job::Document {
            document,
            contents,
            created,
        } => docx::write(&document, &contents, created),
        Job::Template {
            template,
            lang,
            plan,
            seed,
        } => from_template(&template, &lang, *plan, seed),
        Job::LocateFileError { text } => Ok(format::locate_error(&text).unwrap_or_default().into_bytes()),
    }
}

/// The template catalogue of a language: each template's rows.
fn template_rows(lang: &str) -> Result<BTreeMap<String, TemplateRows>, String> {
    let text = match Lang::from_tag(lang) {
        Some(Lang::ZhCn) => include_str!("../i18n/templates/zh-CN.json"),
        Some(Lang::En) => include_str!("../i18n/templates/en.json"),
        None => return Err(format!("no templates in {lang}")),
    };
    serde_json::from_str(text).map_err(|e| e.to_string())
}

fn from_template(code: &str, lang: &str, plan: Plan, seed: [u8; 16]) -> Result<Vec<u8>, String> {
    let template = Template::from_code(code).ok_or_else(|| format!("no template {code}"))?;
    let all = template_rows(lang)?;
    let rows = all.get(code).ok_or_else(|| format!("no template {code} in {lang}"))?;
    let plan = templates::fill(template, rows, plan, &mut SeededIds::new(seed)).map_err(|e| e.0)?;
    // As a plan file: the page reads it with the import's own checks.
    let stamp = plan.created_at;
    Ok(format::encode_file(format::FileKind::Plan, std::slice::from_ref(&plan), stamp).into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::xlsx::Cell;
    use calamine::{Data, Reader, Xlsx};
    use chrono::TimeZone;
    use std::io::Cursor;

    #[test]
    fn a_workbook_request_round_trips_to_a_readable_workbook() {
        let job = Job::Workbook {
            sheets: vec![Sheet {
                name: "Lines".into(),
                header: vec!["Name".into(), "Amount".into()],
                rows: vec![vec![Cell::Text("<b>=1+1</b>".into()), Cell::Money(12_345)]],
            }],
            currency_symbol: "¥".into(),
            created: Utc.with_ymd_and_hms(2026, 12, 2, 8, 0, 0).unwrap(),
        };
        let request = job.request();
        assert_eq!(serde_json::from_str::<Job>(&request).unwrap(), job);
        let bytes = run(&request).unwrap();
        let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
        let range = book.worksheet_range("Lines").unwrap();
        assert_eq!(range.get_value((1, 0)), Some(&Data::String("<b>=1+1</b>".into())));
        assert_eq!(range.get_value((1, 1)), Some(&Data::Float(123.45)));
    }

    /// The Word document of the sample plan, read back with a zip reader
    /// and an XML parser of our own choosing (not docx-rs).
    #[test]
    fn a_document_request_gives_a_word_file_with_heading_styles_tables_and_chinese_text() {
        use crate::app::document::build;
        use crate::domain::core::ids::CountingIds;
        use crate::domain::plan::sample::sample_plan;
        use crate::i18n::{t, Key, Lang};
        use std::io::Read;
        let now = Utc.with_ymd_and_hms(2026, 12, 4, 8, 0, 0).unwrap();
        let today = now.date_naive();
        let plan = sample_plan(Lang::ZhCn, &mut CountingIds::default(), today, now);
        let document = build(&plan, Lang::ZhCn, today);
        let job = Job::Document {
            document: document.clone(),
            contents: "目录".into(),
            created: now,
        };
        assert_eq!(job.module(), Module::Files);
        let bytes = run(&job.request()).unwrap();
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut xml = String::new();
        zip.by_name("word/document.xml")
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
        let mut styles = String::new();
        zip.by_name("word/styles.xml")
            .unwrap()
            .read_to_string(&mut styles)
            .unwrap();
        let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        let tree = roxmltree::Document::parse(&xml).unwrap();
        let text_of = |n: roxmltree::Node| -> String {
            n.descendants()
                .filter(|d| d.has_tag_name((w, "t")))
                .filter_map(|d| d.text())
                .collect()
        };
        let styled = |style: &str| -> Vec<String> {
            tree.descendants()
                .filter(|n| n.has_tag_name((w, "p")))
                .filter(|p| {
                    p.descendants()
                        .any(|d| d.has_tag_name((w, "pStyle")) && d.attribute((w, "val")) == Some(style))
                })
                .map(text_of)
                .collect()
        };
        let chapters = styled("Heading1");
        assert_eq!(chapters.len(), 8);
        assert_eq!(chapters[0], format!("1 {}", t(Lang::ZhCn, Key::ChapterSummary)));
        assert_eq!(chapters[7], format!("8 {}", t(Lang::ZhCn, Key::ChapterEvaluation)));
        assert!(styled("Heading2").iter().any(|h| h == "3.2 目标与关键指标"));
        // Word knows the styles as its built-in headings.
        let styles = roxmltree::Document::parse(&styles).unwrap();
        let names: Vec<&str> = styles
            .descendants()
            .filter(|n| n.has_tag_name((w, "name")))
            .filter_map(|n| n.attribute((w, "val")))
            .collect();
        assert!(names.contains(&"heading 1") && names.contains(&"heading 2"));
        // The KPI table's head and the first KPI's name are table cells.
        let cells: Vec<String> = tree
            .descendants()
            .filter(|n| n.has_tag_name((w, "tc")))
            .map(text_of)
            .collect();
        assert!(cells.iter().any(|c| c == "挑战"));
        let first_kpi = &plan.goals.iter().find_map(|g| g.kpis.first()).unwrap().name;
        assert!(cells.contains(first_kpi), "{first_kpi}");
        assert!(styles.input_text().contains("w:eastAsia=\"Microsoft YaHei\""));
    }

    /// A new plan over `period` filled from the template through the job.
    fn filled(template: Template, lang: &str, period: crate::domain::core::period::Period, now: DateTime<Utc>) -> Plan {
        use crate::domain::core::ids::{CountingIds, IdSource};
        let blank = Plan::new(
            CountingIds::default().plan_id(),
            "T",
            "",
            period,
            crate::domain::plan::Currency::default(),
            now,
        )
        .unwrap();
        let job = Job::Template {
            template: template.code().into(),
            lang: lang.into(),
            plan: Box::new(blank),
            seed: [9; 16],
        };
        let file = String::from_utf8(run(&job.request()).unwrap()).unwrap();
        crate::storage::format::decode_import(&file).unwrap().remove(0)
    }

    /// Every template in both languages gives a valid plan with every part
    /// it promises, no made-up figure, and survives a trip through a file.
    #[test]
    fn every_template_fills_a_valid_plan_that_round_trips_through_a_file() {
        use crate::domain::core::ids::{CountingIds, IdSource};
        use crate::domain::core::period::Period;
        use crate::domain::core::value::Value;
        use crate::domain::goals::goal::Dimension;
        use crate::domain::plan::Currency;
        use crate::storage::format::{decode_import, encode_file, FileKind};
        let now = Utc.with_ymd_and_hms(2026, 12, 4, 8, 0, 0).unwrap();
        let today = now.date_naive();
        for lang in ["en", "zh-CN"] {
            for template in Template::ALL {
                let period = Period::starting_from(template.period_kind(), today);
                let what = format!("{lang} {}", template.code());
                let plan = filled(template, lang, period.clone(), now);
                plan.validate().unwrap_or_else(|e| panic!("{what}: {e:?}"));
                let imp = &plan.implementation;
                assert!(imp.phases.len() >= 3 && imp.tasks.len() >= 6, "{what}");
                for task in &imp.tasks {
                    let phase = task
                        .phase
                        .and_then(|p| imp.phase(p))
                        .unwrap_or_else(|| panic!("{what}: phase"));
                    let (start, end) = (
                        phase.start.resolve(period.launch_day),
                        phase.end.resolve(period.launch_day),
                    );
                    let (start, end) = (start.unwrap(), end.unwrap());
                    assert!(
                        start <= end && plan.period.contains(start) && plan.period.contains(end),
                        "{what}: {}",
                        phase.name
                    );
                }
                assert!(plan.goals.len() >= 4, "{what}");
                for kpi in plan.goals.iter().flat_map(|g| &g.kpis) {
                    assert_eq!(
                        (kpi.baseline, kpi.target, kpi.challenge),
                        (Value::ZERO, Value::ZERO, Value::ZERO),
                        "{what}"
                    );
                    assert!(kpi.check_ins.is_empty());
                }
                assert!(
                    plan.risks.risks.len() >= 3 && plan.risks.risks.iter().all(|r| r.response.is_empty()),
                    "{what}"
                );
                assert_eq!(
                    plan.budget.reserve_check(),
                    crate::domain::budget::ReserveCheck::Within,
                    "{what}"
                );
                let back = decode_import(&encode_file(FileKind::Plan, std::slice::from_ref(&plan), now)).unwrap();
                assert_eq!(back, vec![plan.clone()], "{what}");
                // A year's template on a quarter plan: every phase fitted inside it.
                if template.period_kind() == crate::domain::core::period::PeriodKind::Year {
                    let quarter = Period::starting_from(crate::domain::core::period::PeriodKind::Quarter, today);
                    let small = filled(template, lang, quarter.clone(), now);
                    for p in &small.implementation.phases {
                        let (a, b) = (p.start.resolve(None).unwrap(), p.end.resolve(None).unwrap());
                        assert!(
                            a <= b && quarter.contains(a) && quarter.contains(b),
                            "{what} in a quarter: {}",
                            p.name
                        );
                    }
                }
                if template == Template::Quarterly {
                    assert!(Dimension::BUILT_IN
                        .iter()
                        .all(|d| plan.goals.iter().any(|g| g.dimension == *d)));
                }
            }
            // The two languages' templates have the same structure.
            let (en, zh) = (template_rows("en").unwrap(), template_rows("zh-CN").unwrap());
            assert_eq!(en.keys().collect::<Vec<_>>(), zh.keys().collect::<Vec<_>>());
            for (code, rows) in &en {
                let other = &zh[code];
                assert_eq!(
                    (rows.phases.len(), rows.tasks.len(), rows.goals.len(), rows.risks.len()),
                    (
                        other.phases.len(),
                        other.tasks.len(),
                        other.goals.len(),
                        other.risks.len()
                    ),
                    "{code}"
                );
            }
        }
        assert!(run(&Job::Template {
            template: "nope".into(),
            lang: "en".into(),
            plan: Box::new(
                Plan::new(
                    CountingIds::default().plan_id(),
                    "T",
                    "",
                    Period::starting_from(crate::domain::core::period::PeriodKind::Year, today),
                    Currency::default(),
                    now
                )
                .unwrap()
            ),
            seed: [0; 16],
        }
        .request())
        .is_err());
    }

    #[test]
    fn a_refused_file_is_located_and_bad_requests_are_refused() {
        let text = r#"{"format":"marketplan.plan-file","schema_version":4,"app_version":"x",
            "exported_at":"2026-12-02T00:00:00Z","kind":"plan","plans":[{"id":7}]}"#;
        let job = Job::LocateFileError { text: text.into() };
        assert_eq!(run(&job.request()).unwrap(), b"plans[0].id".to_vec());
        assert!(run("{\"job\":\"nope\"}").unwrap_err().contains("unreadable request"));
        assert!(run("not json").is_err());
    }

    #[test]
    fn every_job_names_a_module_with_a_plain_file_stem() {
        for module in Module::ALL {
            assert!(module.stem().chars().all(|c| c.is_ascii_lowercase() || c == '_'));
        }
    }
}
