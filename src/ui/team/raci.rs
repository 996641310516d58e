//! The RACI matrix: chapter 5's tasks down the side (a page at a time),
//! positions across (one group at a time when the team is large), each
//! row checked against the rules; and the weekly workload it puts on each
//! position, flagged above the plan's limit.

use super::Ui;
use crate::app::labels::Labelled;
use crate::app::team::{position_name, raci_issue};
use crate::domain::core::ids::ItemId;
use crate::domain::team::edit::TeamEdit;
use crate::domain::team::raci::{check, row_issues, workload, Raci};
use crate::domain::team::Position;
use crate::i18n::{format_date, Key, Text};
use crate::ui::shell::context::Tr;
use crate::ui::widgets::amount_input::WholeInput;
use crate::ui::widgets::dom::target_value;
use crate::ui::widgets::table::WideTable;
use yew::prelude::*;

/// Positions drawn as columns: more than this and the matrix shows one
/// group at a time (a team of 500 would be 500 selects per row).
const ALL_UP_TO: usize = 12;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Columns {
    /// All positions for a small team, else the first group's.
    Default,
    All,
    Group(ItemId),
    /// Positions of no group (or of a deleted one).
    NoGroup,
}

fn columns(ui: &Ui) -> (Columns, Vec<&Position>) {
    let team = &ui.plan.team;
    let chosen = match *ui.columns {
        Columns::Default if team.positions.len() <= ALL_UP_TO => Columns::All,
        Columns::Default => team.groups.first().map_or(Columns::All, |g| Columns::Group(g.id)),
        other => other,
    };
    let list = team
        .positions
        .iter()
        .filter(|p| match chosen {
            Columns::All | Columns::Default => true,
            Columns::Group(g) => p.group == Some(g),
            Columns::NoGroup => p.group.is_none_or(|g| team.group(g).is_none()),
        })
        .collect();
    (chosen, list)
}

pub fn raci_view(ui: &Ui) -> Html {
    html! {
        <div class="team-raci">
            { matrix_card(ui) }
            { workload_card(ui) }
        </div>
    }
}

fn matrix_card(ui: &Ui) -> Html {
    let (app, handle, plan) = (&ui.app, &ui.handle, &ui.plan);
    let team = &plan.team;
    let tasks = &plan.implementation.tasks;
    let checked = check(team, tasks);
    let (chosen, cols) = columns(ui);
    let pick_columns = {
        let columns = ui.columns.clone();
        Callback::from(move |e: Event| {
            let v = target_value(&e);
            columns.set(match v.as_str() {
                "all" => Columns::All,
                "none" => Columns::NoGroup,
                other => ItemId::parse(other).map_or(Columns::All, Columns::Group),
            });
        })
    };
    let total = tasks.len();
    let shown = ui.pager.shown(total);
    let rows = tasks.iter().take(shown).map(|task| {
        let row = team.raci.get(&task.id);
        let cells = cols.iter().map(|p| {
            let role = row.and_then(|r| r.get(&p.id)).copied();
            let (handle, task_id, position) = (handle.clone(), task.id, p.id);
            let onchange = Callback::from(move |e: Event| {
                handle.edit(TeamEdit::Raci {
                    task: task_id,
                    position,
                    role: Raci::from_code(&target_value(&e)),
                })
            });
            let label = format!("{} × {}", task.title, p.title);
            html! {
                <td class={classes!("raci-cell", role.map(|r| format!("raci-{}", r.code())))}>
                    <select aria-label={label} {onchange}>
                        <option value="" selected={role.is_none()}>{ "—" }</option>
                        { for Raci::ALL.iter().map(|r| html! {
                            <option value={r.code()} selected={role == Some(*r)} title={app.t(r.label())}>{ r.code() }</option>
                        }) }
                    </select>
                </td>
            }
        });
        let issues = match row {
            Some(r) if !r.is_empty() => row_issues(team, r),
            _ => Vec::new(),
        };
        let status = if row.is_none_or(|r| r.is_empty()) {
            html! { <span class="muted">{ app.t(Key::TeamRaciUnassigned) }</span> }
        } else if issues.is_empty() {
            html! { <span class="tag tag-ok">{ app.t(Key::TeamRaciOk) }</span> }
        } else {
            html! {
                <ul class="plain-list">
                    { for issues.iter().map(|i| html! { <li class="flag-text">{ app.text(&raci_issue(plan, *i)) }</li> }) }
                </ul>
            }
        };
        html! {
            <tr class={classes!((!issues.is_empty()).then_some("is-flagged"))}>
                <th scope="row" class="task-name">{ task.title.clone() }</th>
                <td class="raci-check">{ status }</td>
                { for cells }
            </tr>
        }
    });
    let clear_missing = {
        let handle = handle.clone();
        let cells: Vec<(ItemId, ItemId)> = checked
            .missing_tasks
            .iter()
            .flat_map(|t| {
                team.raci
                    .get(t)
                    .into_iter()
                    .flat_map(move |r| r.keys().map(move |p| (*t, *p)))
            })
            .collect();
        Callback::from(move |_| {
            for (task, position) in &cells {
                handle.edit(TeamEdit::Raci {
                    task: *task,
                    position: *position,
                    role: None,
                });
            }
        })
    };
    let (broken, unassigned) = (checked.rows.len(), checked.unassigned);
    let summary = Text::new(Key::TeamRaciSummary)
        .with("broken", broken)
        .with("unassigned", unassigned);
    let group_value = match chosen {
        Columns::Group(g) => g.to_string(),
        Columns::NoGroup => "none".into(),
        _ => "all".into(),
    };
    html! {
        <section class="card" aria-labelledby="raci-title">
            <h3 id="raci-title">{ app.t(Key::TeamRaciTitle) }</h3>
            <p class="muted">{ app.t(Key::TeamRaciIntro) }</p>
            <p class="result-text" role="status" id="raci-summary">
                { app.text(&summary) }
            </p>
            if !checked.missing_tasks.is_empty() {
                <p class="flag-text" role="note">
                    { app.text(&Text::new(Key::TeamRaciMissingTasks).with("count", checked.missing_tasks.len())) }
                    { " " }
                    <button type="button" class="btn btn-small" onclick={clear_missing}>{ app.t(Key::TeamRaciClearMissing) }</button>
                </p>
            }
            if tasks.is_empty() || team.positions.is_empty() {
                <p class="empty-note">{ app.t(Key::TeamRaciEmpty) }</p>
            } else {
                <div class="field">
                    <label for="raci-columns">{ app.t(Key::TeamRaciColumns) }</label>
                    <select id="raci-columns" onchange={pick_columns}>
                        <option value="all" selected={group_value == "all"}>{ app.t(Key::TeamRaciAllPositions) }</option>
                        { for team.groups.iter().map(|g| html! {
                            <option value={g.id.to_string()} selected={group_value == g.id.to_string()}>{ g.name.clone() }</option>
                        }) }
                        <option value="none" selected={group_value == "none"}>{ app.t(Key::TeamNoGroup) }</option>
                    </select>
                </div>
                <WideTable label={app.t(Key::TeamRaciTitle)}>
                    <table class="data-table raci-table">
                        <thead><tr>
                            <th scope="col">{ app.t(Key::ColTitle) }</th>
                            <th scope="col">{ app.t(Key::TeamRaciCheck) }</th>
                            { for cols.iter().map(|p| html! {
                                <th scope="col" class={classes!("raci-position", p.is_vacant().then_some("is-vacant"))}>
                                    { p.title.clone() }
                                    if p.is_vacant() { <span class="tag tag-warn">{ app.t(Key::TeamVacant) }</span> }
                                </th>
                            }) }
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </WideTable>
                { ui.pager.view_if_long(app, total) }
                <p class="field-hint">{ app.t(Key::TeamRaciLegend) }</p>
            }
        </section>
    }
}

fn workload_card(ui: &Ui) -> Html {
    let (app, handle, plan) = (&ui.app, &ui.handle, &ui.plan);
    let team = &plan.team;
    let load = workload(team, &plan.implementation.tasks, plan.period.launch_day);
    let limit = team.workload_limit;
    let over = load.over(limit);
    let set_limit = {
        let handle = handle.clone();
        Callback::from(move |n: u32| handle.edit(TeamEdit::WorkloadLimit(n)))
    };
    let busy = load.positions_over(limit);
    let rows = load.rows.iter().map(|(p, _)| {
        let (peak, week) = load.peak(*p).unwrap_or((0, plan.period.start));
        let weeks_over = over.iter().filter(|(q, _, _)| q == p).count();
        html! {
            <tr class={classes!((weeks_over > 0).then_some("is-flagged"))}>
                <th scope="row">{ app.text(&position_name(plan, *p)) }</th>
                <td class="num">{ peak }</td>
                <td>{ app.text(&Text::new(Key::TeamWeekOf).with("date", format_date(app.lang, week))) }</td>
                <td class="num">{ weeks_over }</td>
            </tr>
        }
    });
    html! {
        <section class="card" aria-labelledby="workload-title">
            <h3 id="workload-title">{ app.t(Key::TeamWorkloadTitle) }</h3>
            <div class="field">
                <label for="workload-limit">{ app.t(Key::TeamWorkloadLimit) }</label>
                <WholeInput id="workload-limit" value={limit} min={1} max={100} onchange={set_limit} />
            </div>
            if load.rows.is_empty() {
                <p class="empty-note">{ app.t(Key::TeamWorkloadEmpty) }</p>
            } else {
                <p class="result-text" role="status">
                    { app.text(&Text::new(Key::TeamWorkloadOver).with("count", busy)) }
                </p>
                <WideTable label={app.t(Key::TeamWorkloadTitle)}>
                    <table class="data-table workload-table">
                        <thead><tr>
                            <th scope="col">{ app.t(Key::TeamPosition) }</th>
                            <th scope="col" class="num">{ app.t(Key::TeamPeak) }</th>
                            <th scope="col">{ app.t(Key::TeamPeakWeek) }</th>
                            <th scope="col" class="num">{ app.t(Key::TeamWeeksOver) }</th>
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </WideTable>
            }
        </section>
    }
}
