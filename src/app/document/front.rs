//! Chapters 1-4 of the document: summary, situation, goals, strategies.

use super::{Table, Writer};
use crate::app::goals::figures::{dimension_name, rate_text, status_key, value_text};
use crate::app::labels::Labelled;
use crate::app::messages::period_range;
use crate::app::strategy::goal_or_kpi_name;
use crate::domain::core::ids::ItemId;
use crate::domain::goals::dashboard::kpi_figures;
use crate::domain::plan::{Plan, SummaryField};
use crate::domain::strategy;
use crate::i18n::{format_date, Key, Text};
use chrono::NaiveDate;

/// The names of linked items, "(deleted)" for a link to one that is gone.
pub(super) fn names<S: Into<String>>(w: &Writer, ids: &[ItemId], name: impl Fn(ItemId) -> Option<S>) -> String {
    ids.iter()
        .map(|id| name(*id).map_or_else(|| w.t(Key::DocGone), Into::into))
        .collect::<Vec<_>>()
        .join("; ")
}

pub(super) fn goal_title(plan: &Plan, id: ItemId) -> Option<&str> {
    plan.goal(id).map(|g| g.title.as_str())
}

pub fn summary(w: &mut Writer, plan: &Plan) {
    w.section(Key::DocSecDetails);
    let mut rows = vec![
        (w.t(Key::DocFieldName), plan.name.clone()),
        (w.t(Key::DocFieldPeriod), period_range(w.lang, &plan.period)),
    ];
    if !plan.organisation.trim().is_empty() {
        rows.insert(1, (w.t(Key::DocFieldOrganisation), plan.organisation.clone()));
    }
    if let Some(t) = plan.period.launch_day {
        rows.push((w.t(Key::DocFieldLaunch), format_date(w.lang, t)));
    }
    rows.push((w.t(Key::DocFieldCurrency), plan.currency.code().to_owned()));
    w.fields(rows);
    for (field, title) in SummaryField::ALL.into_iter().zip([
        Key::DocSecPurpose,
        Key::DocSecBackground,
        Key::DocSecHeadlineGoals,
        Key::DocSecMainStrategies,
    ]) {
        w.section(title);
        w.paragraph_or_empty(field.get(&plan.summary));
    }
}

pub fn situation(w: &mut Writer, plan: &Plan) {
    let s = &plan.situation;
    let lang = w.lang;
    w.section(Key::DocSecPestel);
    let mut table = Table::new(
        lang,
        Key::DocSecPestel,
        &[
            (Key::DocColFactor, false),
            (Key::DocColFinding, false),
            (Key::DocColImpact, false),
            (Key::DocColWeight, true),
            (Key::DocColSource, false),
        ],
    );
    for p in &s.pestel {
        table.rows.push(vec![
            w.t(p.factor.label()),
            p.finding.clone(),
            w.t(p.impact.label()),
            p.weight.get().to_string(),
            p.source.clone(),
        ]);
    }
    w.table(table);

    w.section(Key::DocSecForces);
    let mut table = Table::new(
        lang,
        Key::DocSecForces,
        &[
            (Key::DocColForce, false),
            (Key::DocColLevel, false),
            (Key::DocColEvidence, false),
            (Key::DocColResponse, false),
        ],
    );
    for f in &s.forces {
        table.rows.push(vec![
            w.t(f.force.label()),
            f.level.map(|l| w.t(l.label())).unwrap_or_default(),
            f.evidence.clone(),
            f.response.clone(),
        ]);
    }
    w.table(table);

    w.section(Key::DocSecSwot);
    let mut table = Table::new(
        lang,
        Key::DocSecSwot,
        &[
            (Key::DocColKind, false),
            (Key::DocColItem, false),
            (Key::DocColWeight, true),
        ],
    );
    for item in &s.swot {
        table.rows.push(vec![
            w.t(item.kind.label()),
            item.text.clone(),
            item.weight.get().to_string(),
        ]);
    }
    w.table(table);

    w.section(Key::DocSecTows);
    let mut table = Table::new(
        lang,
        Key::DocSecTows,
        &[
            (Key::DocColKind, false),
            (Key::DocColAction, false),
            (Key::DocColPairs, false),
            (Key::DocColGoals, false),
        ],
    );
    for tows in &s.tows {
        table.rows.push(vec![
            w.t(tows.kind.label()),
            tows.action.clone(),
            names(w, &tows.swot, |id| s.swot_item(id).map(|i| i.text.as_str())),
            names(w, &tows.goals, |id| goal_title(plan, id)),
        ]);
    }
    w.table(table);

    w.section(Key::DocSecCompetitors);
    let mut table = Table::new(
        lang,
        Key::DocSecCompetitors,
        &[
            (Key::DocColCompetitor, false),
            (Key::DocColTier, false),
            (Key::DocColPositioning, false),
            (Key::DocColPricing, false),
            (Key::DocColShare, true),
        ],
    );
    for c in &s.competitors {
        table.rows.push(vec![
            c.name.clone(),
            c.tier.map(|t| w.t(t.label())).unwrap_or_default(),
            c.positioning.clone(),
            c.pricing.clone(),
            c.share.map(|r| r.percent_text()).unwrap_or_default(),
        ]);
    }
    w.table(table);

    w.section(Key::DocSecPersonas);
    let mut table = Table::new(
        lang,
        Key::DocSecPersonas,
        &[(Key::DocColPersona, false), (Key::DocColWeights, false)],
    );
    for p in &s.personas {
        let weights: Vec<String> = p
            .factors
            .iter()
            .map(|f| format!("{} {}", f.name, f.weight.percent_text()))
            .collect();
        table.rows.push(vec![p.name.clone(), weights.join("; ")]);
    }
    w.table(table);

    w.section(Key::DocSecPositioning);
    let pos = &s.positioning;
    match pos.kind {
        Some(kind) => {
            let mut rows = vec![(w.t(Key::DocColKind), w.t(kind.label()))];
            if !pos.statement.trim().is_empty() {
                rows.push((w.t(Key::DocSecPositioning), pos.statement.clone()));
            }
            w.fields(rows);
        }
        None => w.paragraph_or_empty(&pos.statement),
    }
}

pub fn goals(w: &mut Writer, plan: &Plan, today: NaiveDate) {
    let lang = w.lang;
    w.section(Key::DocSecGoalsList);
    let mut table = Table::new(
        lang,
        Key::DocSecGoalsList,
        &[
            (Key::DocColDimension, false),
            (Key::DocColGoal, false),
            (Key::DocColOwner, false),
            (Key::DocColDue, false),
        ],
    );
    for g in plan.goals.iter() {
        table.rows.push(vec![
            dimension_name(lang, plan, g.dimension),
            g.title.clone(),
            g.owner.clone(),
            g.due.map(|d| format_date(lang, d)).unwrap_or_default(),
        ]);
    }
    w.table(table);

    w.section(Key::DocSecGoals);
    let mut table = Table::new(
        lang,
        Key::DocSecGoals,
        &[
            (Key::DocColGoal, false),
            (Key::DocColKpi, false),
            (Key::DocColBaseline, true),
            (Key::DocColTarget, true),
            (Key::DocColChallenge, true),
            (Key::DocColLatest, true),
            (Key::DocColCompletion, true),
            (Key::DocColStatus, false),
        ],
    );
    let cur = &plan.currency;
    for g in plan.goals.iter() {
        for k in &g.kpis {
            let f = kpi_figures(plan, g, k, today);
            table.rows.push(vec![
                g.title.clone(),
                k.name.clone(),
                value_text(lang, &k.unit, cur, k.baseline),
                value_text(lang, &k.unit, cur, k.target),
                value_text(lang, &k.unit, cur, k.challenge),
                f.latest
                    .map(|c| value_text(lang, &k.unit, cur, c.value))
                    .unwrap_or_default(),
                f.latest.map(|_| rate_text(f.completion)).unwrap_or_default(),
                w.t(status_key(f.status)),
            ]);
        }
    }
    w.table(table);
}

pub fn strategies(w: &mut Writer, plan: &Plan) {
    let lang = w.lang;
    let imp = &plan.implementation;
    w.section(Key::DocSecStrategies);
    let mut table = Table::new(
        lang,
        Key::DocSecStrategies,
        &[
            (Key::DocColArea, false),
            (Key::DocColAction, false),
            (Key::DocColDirection, false),
            (Key::DocColGoals, false),
            (Key::DocColTasks, true),
            (Key::DocColLines, true),
        ],
    );
    for s in &plan.strategies.strategies {
        table.rows.push(vec![
            w.t(s.area.label()),
            s.title.clone(),
            s.direction.clone(),
            // A strategy serves a goal or one of its KPIs.
            names(w, &s.goals, |id| goal_or_kpi_name(plan, id)),
            s.tasks.iter().filter(|id| imp.task(**id).is_some()).count().to_string(),
            s.lines
                .iter()
                .filter(|id| plan.budget.line(**id).is_some())
                .count()
                .to_string(),
        ]);
    }
    let any = !table.rows.is_empty();
    w.table(table);
    if !any {
        return;
    }
    w.section(Key::DocSecCoverage);
    let c = strategy::coverage(plan);
    let title = |id: ItemId| {
        plan.strategies
            .strategies
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.title.as_str())
    };
    let mut items = Vec::new();
    for (ids, key, of_goals) in [
        (&c.unserved_goals, Key::DocCoverageUnserved, true),
        (&c.without_tasks, Key::DocCoverageNoTasks, false),
        (&c.without_budget, Key::DocCoverageNoBudget, false),
    ] {
        if !ids.is_empty() {
            let list = if of_goals {
                names(w, ids, |id| goal_title(plan, id))
            } else {
                names(w, ids, title)
            };
            items.push(w.text(&Text::new(key).with("list", list)));
        }
    }
    if items.is_empty() {
        w.paragraph(w.t(Key::DocCoverageAll));
    } else {
        w.list(items);
    }
}
