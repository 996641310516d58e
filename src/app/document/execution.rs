//! Chapters 5-8 of the document: implementation, budget and team, risks,
//! evaluation.

use super::front::names;
use super::{Table, Writer};
use crate::app::budget::{axis_key, money, status_key as approval_key, value_key};
use crate::app::implementation::gantt::{gantt, GanttInput, Zoom};
use crate::app::labels::Labelled;
use crate::app::risk::heatmap::heat_map_svg;
use crate::app::risk::{assessed, band_key, risk_number};
use crate::app::team::chart::chart_svg;
use crate::domain::budget::Axis;
use crate::domain::evaluation::review::{lessons, LessonKind};
use crate::domain::implementation::meetings::MeetingRule;
use crate::domain::implementation::schedule::Analysis;
use crate::domain::plan::Plan;
use crate::domain::risk::HeatMap;
use crate::domain::team::raci::Raci;
use crate::i18n::{format_date, Key, Text};
use chrono::NaiveDate;

/// Above this many tasks the timeline is taller than a printed page is
/// useful for; the task table carries the dates.
const TIMELINE_MAX_TASKS: usize = 150;

pub fn implementation(w: &mut Writer, plan: &Plan, today: NaiveDate) {
    let lang = w.lang;
    let imp = &plan.implementation;
    let launch = plan.period.launch_day;
    w.section(Key::DocSecPhases);
    let mut table = Table::new(
        lang,
        Key::DocSecPhases,
        &[
            (Key::DocColPhase, false),
            (Key::DocColStart, false),
            (Key::DocColEnd, false),
        ],
    );
    for p in &imp.phases {
        table
            .rows
            .push(vec![p.name.clone(), w.when(p.start, launch), w.when(p.end, launch)]);
    }
    w.table(table);

    w.section(Key::DocSecTasks);
    let mut table = Table::new(
        lang,
        Key::DocSecTasks,
        &[
            (Key::DocColNo, true),
            (Key::DocColTask, false),
            (Key::DocColPhase, false),
            (Key::DocColOwner, false),
            (Key::DocColStart, false),
            (Key::DocColEnd, false),
            (Key::DocColDeliverable, false),
            (Key::DocColStatus, false),
            (Key::DocColProgress, true),
        ],
    );
    for (i, task) in imp.tasks.iter().enumerate() {
        let phase = task.phase.and_then(|id| imp.phase(id)).map_or("", |p| p.name.as_str());
        table.rows.push(vec![
            (i + 1).to_string(),
            task.title.clone(),
            phase.to_owned(),
            task.owner.clone(),
            w.when(task.start, launch),
            w.when(task.end, launch),
            task.deliverable.clone(),
            w.t(task.status.label()),
            format!("{}%", task.progress.percent()),
        ]);
    }
    w.table(table);

    if !imp.tasks.is_empty() {
        w.section(Key::DocSecTimeline);
        if imp.tasks.len() > TIMELINE_MAX_TASKS {
            w.paragraph(w.text(&Text::new(Key::DocTimelineTooLong).with("count", imp.tasks.len())));
        } else {
            let analysis = Analysis::of(&imp.tasks, launch);
            let chart = gantt(&GanttInput {
                plan,
                analysis: &analysis,
                zoom: Zoom::Quarter,
                today,
                show_critical: false,
                lang,
            });
            let caption = w.t(Key::DocSecTimeline);
            w.chart(caption, chart.map(|g| g.svg));
        }
    }

    w.section(Key::DocSecMeetings);
    let m = &imp.meetings;
    let rule = |w: &Writer, r: &MeetingRule| {
        if r.enabled {
            w.text(&Text::new(Key::DocMeetingOn).with("minutes", r.minutes))
        } else {
            w.t(Key::DocMeetingOff)
        }
    };
    let rows = vec![
        (w.t(Key::DocMeetingWeekly), rule(w, &m.weekly)),
        (w.t(Key::DocMeetingMonthly), rule(w, &m.monthly)),
        (w.t(Key::DocMeetingQuarterly), rule(w, &m.quarterly)),
    ];
    w.fields(rows);
}

pub fn budget(w: &mut Writer, plan: &Plan) {
    let lang = w.lang;
    let b = &plan.budget;
    w.section(Key::DocSecBudget);
    let band = b.band();
    let reserve = Text::new(Key::DocFigReserveValue)
        .with("share", b.reserve.percent_text())
        .with("amount", money(lang, plan, b.reserve_amount()))
        .with("low", band.low.percent_text())
        .with("high", band.high.percent_text());
    let rows = vec![
        (w.t(Key::DocFigTotal), money(lang, plan, b.total())),
        (w.t(Key::DocFigReserve), w.text(&reserve)),
        (w.t(Key::DocFigPlanned), money(lang, plan, b.planned())),
        (w.t(Key::DocFigSpent), money(lang, plan, b.spent())),
    ];
    w.fields(rows);

    w.section(Key::DocSecLines);
    let mut table = Table::new(
        lang,
        Key::DocSecLines,
        &[
            (Key::DocColLine, false),
            (Key::DocColCategory, false),
            (Key::DocColOwner, false),
            (Key::DocColPlanned, true),
            (Key::DocColSpent, true),
        ],
    );
    for l in &b.lines {
        table.rows.push(vec![
            l.name.clone(),
            w.t(value_key(l.category.code())),
            l.owner.clone(),
            money(lang, plan, l.amount),
            money(lang, plan, l.spent()),
        ]);
    }
    w.table(table);

    w.section(Key::DocSecSplits);
    if b.lines.is_empty() && b.splits.is_empty() {
        w.empty();
    }
    for axis in Axis::ALL {
        let view = b.split(axis);
        if b.splits.get(axis.code()).is_none_or(|m| m.is_empty()) && b.lines.is_empty() {
            continue;
        }
        let mut table = Table::new(
            lang,
            axis_key(axis),
            &[
                (Key::DocColValue, false),
                (Key::DocColIntended, true),
                (Key::DocColPlanned, true),
                (Key::DocColActualShare, true),
            ],
        );
        for row in &view.rows {
            table.rows.push(vec![
                w.t(value_key(row.value)),
                row.intended.percent_text(),
                money(lang, plan, row.planned),
                row.actual.map(|r| r.percent_text()).unwrap_or_default(),
            ]);
        }
        w.table(table);
        if !view.adds_up() {
            w.paragraph(w.text(&Text::new(Key::DocFigSplitOff).with("sum", view.intended_sum.percent_text())));
        }
    }

    w.section(Key::DocSecApprovals);
    let mut table = Table::new(
        lang,
        Key::DocSecApprovals,
        &[
            (Key::DocColRequest, false),
            (Key::DocColAmount, true),
            (Key::DocColStatus, false),
        ],
    );
    for a in &b.approvals {
        table.rows.push(vec![
            a.title.clone(),
            money(lang, plan, a.amount),
            w.t(approval_key(a.status)),
        ]);
    }
    w.table(table);

    team(w, plan);
}

fn team(w: &mut Writer, plan: &Plan) {
    let lang = w.lang;
    let team = &plan.team;
    w.section(Key::DocSecTeam);
    let mut table = Table::new(
        lang,
        Key::DocSecTeam,
        &[
            (Key::DocColPosition, false),
            (Key::DocColGroup, false),
            (Key::DocColReportsTo, false),
            (Key::DocColHolder, false),
        ],
    );
    for p in &team.positions {
        table.rows.push(vec![
            p.title.clone(),
            p.group
                .map(|g| team.group(g).map_or_else(|| w.t(Key::DocGone), |g| g.name.clone()))
                .unwrap_or_default(),
            p.reports_to
                .map(|r| team.position(r).map_or_else(|| w.t(Key::DocGone), |r| r.title.clone()))
                .unwrap_or_default(),
            if p.holder.trim().is_empty() {
                w.t(Key::DocVacant)
            } else {
                p.holder.clone()
            },
        ]);
    }
    let any = !table.rows.is_empty();
    w.table(table);
    if any {
        w.chart(w.t(Key::DocSecTeam), chart_svg(lang, team));
    }

    w.section(Key::DocSecRaci);
    let mut table = Table::new(
        lang,
        Key::DocSecRaci,
        &[
            (Key::DocColTask, false),
            (Key::TeamRaciR, false),
            (Key::TeamRaciA, false),
            (Key::TeamRaciC, false),
            (Key::TeamRaciI, false),
        ],
    );
    for task in plan.implementation.tasks.iter() {
        let Some(row) = team.raci.get(&task.id).filter(|r| !r.is_empty()) else {
            continue;
        };
        let with = |role: Raci| {
            let ids: Vec<_> = row.iter().filter(|(_, r)| **r == role).map(|(p, _)| *p).collect();
            names(w, &ids, |id| team.position(id).map(|p| p.title.as_str()))
        };
        table.rows.push(vec![
            task.title.clone(),
            with(Raci::R),
            with(Raci::A),
            with(Raci::C),
            with(Raci::I),
        ]);
    }
    w.table(table);
}

pub fn risks(w: &mut Writer, plan: &Plan, today: NaiveDate) {
    let lang = w.lang;
    let r = &plan.risks;
    w.section(Key::DocSecRegister);
    let mut table = Table::new(
        lang,
        Key::DocSecRegister,
        &[
            (Key::DocColNo, false),
            (Key::DocColCategory, false),
            (Key::DocColDescription, false),
            (Key::DocColLikelihood, true),
            (Key::DocColImpact, true),
            (Key::DocColBand, false),
            (Key::DocColOwner, false),
            (Key::DocColTrigger, false),
            (Key::DocColResponse, false),
            (Key::DocColStatus, false),
        ],
    );
    for (i, (risk, a)) in assessed(plan, today).into_iter().enumerate() {
        let owner = risk
            .owner
            .map(|id| {
                plan.team
                    .position(id)
                    .map_or_else(|| w.t(Key::DocGone), |p| p.title.clone())
            })
            .unwrap_or_default();
        table.rows.push(vec![
            risk_number(i),
            w.t(risk.category.label()),
            risk.description.clone(),
            risk.likelihood.get().to_string(),
            risk.impact.get().to_string(),
            w.t(band_key(a.band)),
            owner,
            risk.trigger.clone(),
            risk.response.clone(),
            w.t(a.status.label()),
        ]);
    }
    let any = !table.rows.is_empty();
    w.table(table);
    if any {
        w.section(Key::DocSecHeat);
        let caption = w.t(Key::RiskBeforeResponse);
        let svg = heat_map_svg(lang, &HeatMap::of(&r.risks, false), r.bands, &caption);
        w.chart(caption, Some(svg));
        let caption = w.t(Key::RiskAfterResponse);
        let svg = heat_map_svg(lang, &HeatMap::of(&r.risks, true), r.bands, &caption);
        w.chart(caption, Some(svg));
    }
}

pub fn evaluation(w: &mut Writer, plan: &Plan) {
    let lang = w.lang;
    w.section(Key::DocSecReviewCycle);
    let m = &plan.implementation.meetings;
    let on = |r: &MeetingRule| {
        w.t(if r.enabled {
            Key::DocMeetingOnShort
        } else {
            Key::DocMeetingOff
        })
    };
    let rows = vec![
        (w.t(Key::DocMeetingWeekly), on(&m.weekly)),
        (w.t(Key::DocMeetingMonthly), on(&m.monthly)),
        (w.t(Key::DocMeetingQuarterly), on(&m.quarterly)),
    ];
    w.fields(rows);

    w.section(Key::DocSecReviews);
    let mut table = Table::new(
        lang,
        Key::DocSecReviews,
        &[
            (Key::DocColCadence, false),
            (Key::DocColDates, false),
            (Key::DocColHighlights, false),
            (Key::DocColAdjustments, false),
        ],
    );
    for r in plan.reviews.iter() {
        table.rows.push(vec![
            w.t(r.cadence.label()),
            format!("{} – {}", format_date(lang, r.start), format_date(lang, r.end)),
            r.highlights.clone(),
            r.adjustments.clone(),
        ]);
    }
    w.table(table);

    for (kind, title) in [
        (LessonKind::Keep, Key::DocSecSop),
        (LessonKind::Avoid, Key::DocSecPitfalls),
    ] {
        w.section(title);
        let items = lessons(plan, kind).into_iter().map(|(_, l)| l.text.clone()).collect();
        w.list(items);
    }
}
