use super::*;
use crate::domain::core::ids::{CountingIds, IdSource};
use crate::domain::core::period::{Period, PeriodKind};
use crate::domain::plan::sample::sample_plan;
use crate::domain::plan::Currency;
use chrono::{TimeZone, Utc};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 4).unwrap()
}

fn sample(lang: Lang) -> Plan {
    sample_plan(
        lang,
        &mut CountingIds::default(),
        today(),
        Utc.with_ymd_and_hms(2026, 12, 4, 8, 0, 0).unwrap(),
    )
}

fn tables(doc: &Document, chapter: usize) -> Vec<&Table> {
    doc.chapters[chapter - 1]
        .blocks
        .iter()
        .filter_map(|b| if let Block::Table(t) = b { Some(t) } else { None })
        .collect()
}

#[test]
fn the_sample_plans_document_has_the_eight_chapters_numbered_in_order() {
    let plan = sample(Lang::En);
    let doc = build(&plan, Lang::En, today());
    assert_eq!(doc.title, plan.name);
    let titles: Vec<String> = doc
        .chapters
        .iter()
        .map(|c| format!("{} {}", c.number, c.title))
        .collect();
    assert_eq!(titles[0], "1 Executive summary");
    assert_eq!(doc.chapters.len(), 8);
    let toc = doc.toc();
    // Sections are numbered under their chapter, 1-based and in order.
    let sections: Vec<&str> = toc.iter().filter(|e| e.level == 2).map(|e| e.number.as_str()).collect();
    assert_eq!(&sections[..3], ["1.1", "1.2", "1.3"]);
    assert!(sections.contains(&"3.2") && sections.contains(&"7.1"));
    assert!(toc
        .iter()
        .all(|e| e.anchor.starts_with("doc-") && !e.anchor.contains('.')));
    let chapter_of_each: Vec<usize> = toc
        .iter()
        .map(|e| e.number.split('.').next().unwrap().parse().unwrap())
        .collect();
    assert!(chapter_of_each.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn goal_table_carries_the_three_levels_and_the_current_completion() {
    let plan = sample(Lang::En);
    let doc = build(&plan, Lang::En, today());
    let kpis = tables(&doc, 3)
        .into_iter()
        .find(|t| t.head.contains(&"Challenge".to_owned()))
        .unwrap();
    let n: usize = plan.goals.iter().map(|g| g.kpis.len()).sum();
    assert_eq!(kpis.rows.len(), n);
    assert_eq!(kpis.head[2..5], ["Baseline", "Target", "Challenge"]);
    let (goal, kpi) = plan.goals.iter().find_map(|g| g.kpis.first().map(|k| (g, k))).unwrap();
    let row = kpis.rows.iter().find(|r| r[1] == kpi.name).unwrap();
    assert_eq!(row[0], goal.title);
    let cur = &plan.currency;
    use crate::app::goals::figures::value_text;
    assert_eq!(row[3], value_text(Lang::En, &kpi.unit, cur, kpi.target));
    let figures = crate::domain::goals::dashboard::kpi_figures(&plan, goal, kpi, today());
    if figures.latest.is_some() {
        assert_eq!(row[6], crate::app::goals::figures::rate_text(figures.completion));
    }
    // Figures columns are marked for right alignment.
    assert_eq!(kpis.numeric, [false, false, true, true, true, true, true, false]);
}

#[test]
fn budget_chapter_states_total_reserve_and_every_line() {
    let plan = sample(Lang::ZhCn);
    let doc = build(&plan, Lang::ZhCn, today());
    let chapter = &doc.chapters[5];
    assert_eq!(chapter.title, t(Lang::ZhCn, Key::ChapterBudget));
    let fields = chapter
        .blocks
        .iter()
        .find_map(|b| {
            if let Block::Fields { rows } = b {
                Some(rows)
            } else {
                None
            }
        })
        .unwrap();
    assert_eq!(fields[0].0, "预算总额");
    assert_eq!(
        fields[0].1,
        crate::app::budget::money(Lang::ZhCn, &plan, plan.budget.total())
    );
    assert!(fields[1].1.starts_with(&plan.budget.reserve.percent_text()));
    let lines = tables(&doc, 6).into_iter().find(|t| t.caption == "预算科目").unwrap();
    assert_eq!(lines.rows.len(), plan.budget.lines.len());
}

#[test]
fn an_empty_plan_is_written_from_what_it_has_and_invents_nothing() {
    let mut ids = CountingIds::default();
    let period = Period::starting_from(PeriodKind::Quarter, NaiveDate::from_ymd_opt(2027, 1, 1).unwrap());
    let now = Utc.with_ymd_and_hms(2026, 12, 4, 8, 0, 0).unwrap();
    let plan = Plan::new(ids.plan_id(), "<b>Q1</b>", "", period, Currency::default(), now).unwrap();
    let doc = build(&plan, Lang::En, today());
    assert_eq!(doc.title, "<b>Q1</b>");
    // A new plan holds only the budget's default intended splits.
    let axes: Vec<&str> = crate::domain::budget::Axis::ALL
        .iter()
        .map(|a| t(Lang::En, crate::app::budget::axis_key(*a)))
        .collect();
    for c in &doc.chapters {
        assert!(
            !c.blocks.iter().any(|b| match b {
                Block::Table(table) => !axes.contains(&table.caption.as_str()),
                Block::Chart { .. } => true,
                _ => false,
            }),
            "chapter {} has a table or chart with no data",
            c.number
        );
    }
    let empties = doc
        .chapters
        .iter()
        .flat_map(|c| &c.blocks)
        .filter(|b| matches!(b, Block::Empty { .. }))
        .count();
    assert!(empties >= 15, "{empties}");
    let md = markdown::write(&doc, "Contents");
    assert!(md.starts_with("# \\<b\\>Q1\\</b\\>\n"));
    assert!(md.contains("## 3 Goals") || md.contains("## 3 "));
    assert!(!md.contains("<b>"));
}

#[test]
fn markdown_of_the_sample_has_numbered_headings_and_gfm_tables() {
    let plan = sample(Lang::En);
    let doc = build(&plan, Lang::En, today());
    let md = markdown::write(&doc, "Contents");
    assert!(md.contains("## Contents\n"));
    assert!(md.contains("\n## 1 Executive summary\n"));
    assert!(md.contains("\n### 3.2 Goals and KPIs\n"));
    assert!(md.contains("| Goal | KPI | Baseline | Target | Challenge | Latest actual | Completion | Status |\n| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |\n"));
    // Every table row has as many cells as its head.
    for line in md.lines().filter(|l| l.starts_with("| ")) {
        assert!(line.ends_with(" |"), "{line}");
    }
}

#[test]
fn a_document_request_survives_the_trip_to_the_worker_without_its_drawings() {
    let plan = sample(Lang::En);
    let doc = build(&plan, Lang::En, today());
    assert!(doc
        .chapters
        .iter()
        .flat_map(|c| &c.blocks)
        .any(|b| matches!(b, Block::Chart { svg: Some(_), .. })));
    let json = serde_json::to_string(&doc).unwrap();
    let back: Document = serde_json::from_str(&json).unwrap();
    assert_eq!(back.chapters.len(), 8);
    assert_eq!(back.toc(), doc.toc());
    assert!(back
        .chapters
        .iter()
        .flat_map(|c| &c.blocks)
        .all(|b| !matches!(b, Block::Chart { svg: Some(_), .. })));
}

#[test]
fn a_monthly_report_lists_what_happened_and_a_future_month_says_it_has_not_begun() {
    use crate::domain::evaluation::report::{ReportKind, ReportPeriod};
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let plan = sample_plan(
        Lang::En,
        &mut CountingIds::default(),
        today,
        Utc.with_ymd_and_hms(2026, 11, 26, 2, 0, 0).unwrap(),
    );
    let november = ReportPeriod::of(ReportKind::Monthly, today);
    let doc = report::build_report(&plan, Lang::En, november, today);
    assert_eq!(doc.title, "Monthly report: November 2026");
    assert!(doc.report && doc.toc().is_empty());
    let titles: Vec<&str> = doc.chapters.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(
        titles[..5],
        [
            "Tasks done",
            "Tasks started",
            "Late tasks",
            "Due next month",
            "KPIs that moved"
        ]
    );
    // The KPIs that moved are exactly those with a check-in dated in November by today.
    let kpis = tables(&doc, 5);
    let moved: usize = plan
        .goals
        .iter()
        .flat_map(|g| &g.kpis)
        .filter(|k| {
            k.history(&plan.period)
                .iter()
                .any(|c| november.contains(c.date) && c.date <= today)
        })
        .count();
    assert_eq!(kpis.first().map_or(0, |t| t.rows.len()), moved);
    assert!(moved > 0);
    let md = markdown::write(&doc, "Contents");
    assert!(!md.contains("## Contents"));
    assert!(md.contains("## 5 KPIs that moved"));

    let december = ReportPeriod::of(ReportKind::Monthly, NaiveDate::from_ymd_opt(2026, 12, 10).unwrap());
    let doc = report::build_report(&plan, Lang::ZhCn, december, today);
    assert_eq!(doc.title, "月报：2026年12月");
    assert!(doc.chapters.is_empty());
    assert_eq!(doc.lead, ["该周期尚未开始：开始后才会统计。"]);
}

#[test]
fn a_strategy_linked_to_a_kpi_names_it_and_is_not_flagged_as_deleted() {
    let mut plan = sample(Lang::En);
    let (goal, kpi) = plan
        .goals
        .iter()
        .find_map(|g| g.kpis.first().map(|k| (g.title.clone(), k.clone())))
        .unwrap();
    std::rc::Rc::make_mut(&mut plan.strategies).strategies[0].goals = vec![kpi.id];
    let doc = build(&plan, Lang::En, today());
    let strategies = &tables(&doc, 4)[0];
    assert_eq!(strategies.rows[0][3], format!("{goal} · {}", kpi.name));
    assert!(!strategies.rows.iter().any(|r| r[3].contains("(deleted)")));
}
