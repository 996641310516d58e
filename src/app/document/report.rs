//! A status report (weekly or monthly) as a [`Document`], drawn, printed
//! and exported like the plan document.

use super::{DocChapter, Document, Table, Writer};
use crate::app::budget::money;
use crate::app::goals::figures::{rate_text, status_key, value_text};
use crate::app::implementation::meeting_key;
use crate::app::labels::Labelled;
use crate::domain::core::calendar::time_text;
use crate::domain::evaluation::report::{report, ReportKind, ReportPeriod, StatusReport};
use crate::domain::goals::dashboard::kpi_figures;
use crate::domain::implementation::schedule::Task;
use crate::domain::plan::Plan;
use crate::i18n::{format_date, format_month, t, Key, Lang, Text};
use chrono::NaiveDate;

/// How a period is named in the report picker: "23 Nov 2026 – 29 Nov 2026", "November 2026".
pub fn period_label(lang: Lang, period: ReportPeriod) -> String {
    match period.kind {
        ReportKind::Weekly => format!(
            "{} – {}",
            format_date(lang, period.start),
            format_date(lang, period.end)
        ),
        ReportKind::Monthly => format_month(lang, period.start),
    }
}

/// "Weekly report: 23 Nov 2026 – 29 Nov 2026" / "Monthly report: November 2026".
pub fn report_title(lang: Lang, period: ReportPeriod) -> String {
    match period.kind {
        ReportKind::Weekly => Text::new(Key::RepTitleWeekly)
            .with("start", format_date(lang, period.start))
            .with("end", format_date(lang, period.end))
            .render(lang),
        ReportKind::Monthly => Text::new(Key::RepTitleMonthly)
            .with("month", format_month(lang, period.start))
            .render(lang),
    }
}

fn task_table(w: &Writer, plan: &Plan, caption: Key, tasks: &[&Task], dated: Key, with_status: bool) -> Table {
    let mut columns = vec![(Key::DocColTask, false), (Key::DocColOwner, false), (dated, false)];
    if with_status {
        columns.extend([(Key::DocColStatus, false), (Key::DocColProgress, true)]);
    }
    let mut table = Table::new(w.lang, caption, &columns);
    let launch = plan.period.launch_day;
    for task in tasks {
        let when = if dated == Key::DocColStart {
            task.start
        } else {
            task.end
        };
        let mut row = vec![task.title.clone(), task.owner.clone(), w.when(when, launch)];
        if with_status {
            row.extend([w.t(task.status.label()), format!("{}%", task.progress.percent())]);
        }
        table.rows.push(row);
    }
    table
}

fn sections(lang: Lang, plan: &Plan, r: &StatusReport) -> Vec<DocChapter> {
    let mut out = Vec::new();
    let mut chapter = |title: Key, blocks: Vec<super::Block>| {
        out.push(DocChapter {
            number: out.len() + 1,
            title: t(lang, title).to_owned(),
            blocks,
        });
    };
    let section = |fill: &dyn Fn(&mut Writer)| {
        let mut s = Writer::new(lang, 0);
        fill(&mut s);
        s.blocks
    };
    chapter(
        Key::RepSecDone,
        section(&|s| s.table(task_table(s, plan, Key::RepSecDone, &r.done, Key::DocColEnd, false))),
    );
    chapter(
        Key::RepSecStarted,
        section(&|s| {
            s.table(task_table(
                s,
                plan,
                Key::RepSecStarted,
                &r.started_tasks,
                Key::DocColStart,
                true,
            ))
        }),
    );
    chapter(
        Key::RepSecLate,
        section(&|s| s.table(task_table(s, plan, Key::RepSecLate, &r.late, Key::DocColEnd, true))),
    );
    let next = match r.period.kind {
        ReportKind::Weekly => Key::RepSecDueNextWeek,
        ReportKind::Monthly => Key::RepSecDueNextMonth,
    };
    chapter(
        next,
        section(&|s| s.table(task_table(s, plan, next, &r.due_next, Key::DocColEnd, true))),
    );
    chapter(
        Key::RepSecKpis,
        section(&|s| {
            let mut table = Table::new(
                lang,
                Key::RepSecKpis,
                &[
                    (Key::DocColGoal, false),
                    (Key::DocColKpi, false),
                    (Key::RepColBefore, true),
                    (Key::RepColLatest, true),
                    (Key::RepColDate, false),
                    (Key::DocColCompletion, true),
                    (Key::DocColStatus, false),
                ],
            );
            let cur = &plan.currency;
            for m in &r.kpis {
                let f = kpi_figures(plan, m.goal, m.kpi, r.as_of);
                table.rows.push(vec![
                    m.goal.title.clone(),
                    m.kpi.name.clone(),
                    m.before
                        .map(|c| value_text(lang, &m.kpi.unit, cur, c.value))
                        .unwrap_or_default(),
                    value_text(lang, &m.kpi.unit, cur, m.latest.value),
                    format_date(lang, m.latest.date),
                    rate_text(m.kpi.completion_of(m.latest.value)),
                    s.t(status_key(f.status)),
                ]);
            }
            s.table(table);
        }),
    );
    chapter(
        Key::RepSecSpending,
        section(&|s| {
            if r.planned.is_positive() || r.spent.is_positive() {
                s.fields(vec![
                    (s.t(Key::RepFigSpent), money(lang, plan, r.spent)),
                    (s.t(Key::RepFigPlanned), money(lang, plan, r.planned)),
                    (s.t(Key::RepFigDifference), money(lang, plan, r.spent - r.planned)),
                ]);
            } else {
                s.empty();
            }
        }),
    );
    chapter(
        Key::RepSecApprovals,
        section(&|s| {
            let mut table = Table::new(
                lang,
                Key::RepSecApprovals,
                &[
                    (Key::DocColRequest, false),
                    (Key::DocColAmount, true),
                    (Key::RepColSubmitted, false),
                ],
            );
            for a in &r.approvals_waiting {
                let on = match a.status {
                    crate::domain::budget::approval::ApprovalStatus::Submitted { on } => format_date(lang, on),
                    _ => String::new(),
                };
                table.rows.push(vec![a.title.clone(), money(lang, plan, a.amount), on]);
            }
            s.table(table);
        }),
    );
    chapter(
        Key::RepSecRisks,
        section(&|s| {
            let mut table = Table::new(
                lang,
                Key::RepSecRisks,
                &[
                    (Key::DocColNo, false),
                    (Key::DocColDescription, false),
                    (Key::DocColKpi, false),
                    (Key::RepColValue, true),
                    (Key::RepColDate, false),
                ],
            );
            for (risk, crossing) in &r.risks_triggered {
                let index = plan.risks.risks.iter().position(|x| x.id == risk.id).unwrap_or(0);
                let kpi = risk.kpi_trigger.and_then(|k| plan.kpi(k.kpi)).map(|(_, k)| k);
                table.rows.push(vec![
                    crate::app::risk::risk_number(index),
                    risk.description.clone(),
                    kpi.map(|k| k.name.clone()).unwrap_or_default(),
                    kpi.map(|k| value_text(lang, &k.unit, &plan.currency, crossing.value))
                        .unwrap_or_default(),
                    format_date(lang, crossing.date),
                ]);
            }
            s.table(table);
        }),
    );
    chapter(
        Key::RepSecMeetings,
        section(&|s| {
            let mut table = Table::new(
                lang,
                Key::RepSecMeetings,
                &[(Key::RepColMeeting, false), (Key::RepColDate, false)],
            );
            for m in &r.meetings {
                table.rows.push(vec![
                    s.t(meeting_key(m.kind)),
                    format!("{} {}", format_date(lang, m.start.date()), time_text(m.start.time())),
                ]);
            }
            s.table(table);
        }),
    );
    out
}

/// The report of `period` as of `today`.
pub fn build_report(plan: &Plan, lang: Lang, period: ReportPeriod, today: NaiveDate) -> Document {
    let r = report(plan, period, today);
    let mut lead = Vec::new();
    if !r.started {
        lead.push(Text::new(Key::RepNotBegun).render(lang));
    } else if r.is_empty() {
        lead.push(Text::new(Key::RepNothing).render(lang));
    }
    let chapters = if r.started && !r.is_empty() {
        sections(lang, plan, &r)
    } else {
        Vec::new()
    };
    Document {
        title: report_title(lang, period),
        subtitle: plan.name.clone(),
        prepared: format!(
            "{} {}",
            Text::new(Key::DocPrepared)
                .with("date", format_date(lang, today))
                .render(lang),
            Text::new(Key::RepAsOf)
                .with("date", format_date(lang, r.as_of))
                .render(lang)
        ),
        lead,
        report: true,
        chapters,
    }
}
