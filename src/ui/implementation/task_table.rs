//! The task table (核心任务分解): filters, sorting, selection with a shared
//! date shift, and pages of rows so that thousands of tasks stay quick.

use crate::app::implementation::{status_key, task_flags};
use crate::app::Action;
use crate::domain::core::ids::{IdSource, ItemId};
use crate::domain::implementation::edit::ImplementationEdit;
use crate::domain::implementation::schedule::{distinct, table_rows, SortKey, Task, TaskFilter, TaskStatus, When};
use crate::domain::plan::Removal;
use crate::i18n::{Key, Text};
use crate::ui::implementation::chapter::AnalysisRef;
use crate::ui::implementation::task_row::{TaskDetails, TaskRow};
use crate::ui::implementation::task_templates::{PhaseList, TaskTemplates};
use crate::ui::shell::context::PlanActions;
use crate::ui::shell::context::{use_app, PlanRef, Tr};
use crate::ui::shell::platform::BrowserIds;
use crate::ui::widgets::dom::{target_value, use_focus_later};
use crate::ui::widgets::pager::use_pager;
use crate::ui::widgets::table::WideTable;
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

/// Rows drawn at once; "show more" adds as many again. Fifty rows of inputs
/// keep the table quick with thousands of tasks (see scripts/bench.sh).
pub const PAGE: usize = 50;

#[derive(Properties, PartialEq)]
pub struct TaskTableProps {
    pub plan: PlanRef,
    pub analysis: AnalysisRef,
    /// A task to open, show and focus (a reminder's link).
    pub focus: Option<ItemId>,
}

fn sort_key_label(s: SortKey) -> Key {
    match s {
        SortKey::Manual => Key::SortManual,
        SortKey::Start => Key::SortStart,
        SortKey::End => Key::SortEnd,
        SortKey::Status => Key::SortStatus,
        SortKey::Owner => Key::SortOwner,
        SortKey::Priority => Key::SortPriority,
    }
}

#[function_component(TaskTable)]
pub fn task_table(props: &TaskTableProps) -> Html {
    let Some(app) = use_app() else { return html! {} };
    let filter = use_state(TaskFilter::default);
    let sort = use_state(SortKey::default);
    let selected = use_state(BTreeSet::<ItemId>::new);
    let pager = use_pager(PAGE);
    let open = use_state(|| None::<ItemId>);
    let shift = use_state(|| "7".to_owned());
    // Opened at a task: show it whatever the filters and pages were, open
    // its details, and once it is drawn, scroll to its title and focus it.
    let focus_later = use_focus_later();
    {
        let (filter, pager, open, focus_later) = (filter.clone(), pager.clone(), open.clone(), focus_later.clone());
        let position = props
            .focus
            .and_then(|t| props.plan.implementation.tasks.iter().position(|x| x.id == t));
        use_effect_with(props.focus, move |focus| {
            if let (Some(task), Some(position)) = (*focus, position) {
                filter.set(TaskFilter::default());
                pager.show_at_least(position + 1);
                open.set(Some(task));
                focus_later.request(format!("task-{task}-title"));
            }
        });
    }
    let plan = &props.plan;
    let id = plan.id;
    let imp = &plan.implementation;
    let analysis = &props.analysis.0;
    let launch = plan.period.launch_day;

    let rows = table_rows(&imp.tasks, analysis, &filter, *sort);
    let total = rows.len();
    let shown = pager.shown(total);
    let phases: Rc<Vec<(ItemId, String)>> = Rc::new(imp.phases.iter().map(|p| (p.id, p.name.clone())).collect());

    let add = {
        let (app, open, focus_later, pager, filter) = (
            app.clone(),
            open.clone(),
            focus_later.clone(),
            pager.clone(),
            filter.clone(),
        );
        let count = imp.tasks.len();
        let title = app.t(Key::TasksNewTitle).to_owned();
        let today = app.today;
        let (start, phase) = match launch {
            Some(_) => (When::FromLaunch(0), None),
            None => (When::Date(plan.period.nearest_day(today)), None),
        };
        Callback::from(move |_| {
            let mut task = Task::new(BrowserIds.item_id(), &title, start, start.shifted(6));
            task.phase = phase;
            let new_id = task.id;
            app.edit(id, ImplementationEdit::PutTask(task));
            open.set(Some(new_id));
            // The new task is last: show it, and put the cursor in its title.
            filter.set(TaskFilter::default());
            pager.show_at_least(count + 1);
            focus_later.request(format!("task-{new_id}-title"));
        })
    };
    let set_filter = |change: fn(&mut TaskFilter, String)| {
        let (filter, pager) = (filter.clone(), pager.clone());
        Callback::from(move |e: Event| {
            let mut next = (*filter).clone();
            change(&mut next, target_value(&e));
            filter.set(next);
            pager.reset();
        })
    };
    let on_search = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| {
            let mut next = (*filter).clone();
            next.text = target_value(&e);
            filter.set(next);
        })
    };
    let on_sort = {
        let sort = sort.clone();
        Callback::from(move |e: Event| sort.set(SortKey::from_code(&target_value(&e)).unwrap_or_default()))
    };
    let clear_filters = {
        let filter = filter.clone();
        Callback::from(move |_| filter.set(TaskFilter::default()))
    };
    let on_select = {
        let selected = selected.clone();
        Callback::from(move |(task, on): (ItemId, bool)| {
            let mut next = (*selected).clone();
            if on {
                next.insert(task);
            } else {
                next.remove(&task);
            }
            selected.set(next);
        })
    };
    let visible: Vec<ItemId> = rows.iter().take(shown).map(|t| t.id).collect();
    let all_selected = !visible.is_empty() && visible.iter().all(|t| selected.contains(t));
    let select_all = {
        let (selected, visible) = (selected.clone(), visible.clone());
        Callback::from(move |_| {
            let mut next = (*selected).clone();
            if visible.iter().all(|t| next.contains(t)) {
                for t in &visible {
                    next.remove(t);
                }
            } else {
                next.extend(visible.iter().copied());
            }
            selected.set(next);
        })
    };
    // Selected tasks that are still in the plan.
    let chosen: Vec<ItemId> = selected.iter().copied().filter(|t| imp.task(*t).is_some()).collect();
    let do_shift = {
        let (app, chosen, shift) = (app.clone(), chosen.clone(), shift.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match shift.trim().parse::<i32>() {
                Ok(days) if days != 0 => {
                    app.edit(
                        id,
                        ImplementationEdit::ShiftTasks {
                            tasks: chosen.clone(),
                            days,
                        },
                    );
                    app.dispatch(Action::Notify {
                        text: Text::new(Key::TasksShifted)
                            .with("count", chosen.len())
                            .with("days", days),
                        is_error: false,
                    });
                }
                Ok(_) => {}
                Err(_) => app.dispatch(Action::Notify {
                    text: Text::new(Key::ErrorDaysInvalid),
                    is_error: true,
                }),
            }
        })
    };
    let delete_selected = {
        let (app, chosen, selected) = (app.clone(), chosen.clone(), selected.clone());
        Callback::from(move |_| {
            app.remove(id, Removal::Tasks(chosen.clone()));
            selected.set(BTreeSet::new());
        })
    };
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |task: ItemId| open.set(if *open == Some(task) { None } else { Some(task) }))
    };

    let departments = distinct(&imp.tasks, |t| &t.department);
    let owners = distinct(&imp.tasks, |t| &t.owner);
    let all = app.t(Key::TasksFilterAll);
    let text_options = |values: &[String], current: &Option<String>| {
        values
            .iter()
            .map(|v| html! { <option value={v.clone()} selected={current.as_deref() == Some(v.as_str())}>{ v }</option> })
            .collect::<Html>()
    };
    let phase_value = match filter.phase {
        None => String::new(),
        Some(None) => "-".into(),
        Some(Some(p)) => p.to_string(),
    };
    let manual = *sort == SortKey::Manual && filter.is_empty();
    let body = rows.iter().take(shown).enumerate().map(|(i, task)| {
        let index = imp.tasks.iter().position(|t| t.id == task.id).unwrap_or(i);
        let row = html! {
            <TaskRow key={task.id.to_string()} plan={id} task={(*task).clone()} {index} total={imp.tasks.len()}
                phases={phases.clone()} {launch} critical={analysis.is_critical(task.id)}
                flags={task_flags(task, analysis, plan, app.lang)} selected={selected.contains(&task.id)}
                movable={manual} expanded={*open == Some(task.id)} on_select={on_select.clone()} on_toggle={on_toggle.clone()} />
        };
        if *open == Some(task.id) {
            html! {
                <>
                    { row }
                    <TaskDetails key={format!("{}-details", task.id)} plan={plan.clone()} task={task.id} />
                </>
            }
        } else {
            row
        }
    });

    html! {
        <div class="task-view">
            <PhaseList plan={plan.clone()} />
            <div class="table-toolbar no-print">
                <button type="button" class="btn btn-primary" onclick={add}>{ app.t(Key::TasksAdd) }</button>
                <div class="filters">
                    <label>{ app.t(Key::TasksFilterPhase) }
                        <select value={phase_value.clone()} onchange={set_filter(|f, v| {
                            f.phase = match v.as_str() { "" => None, "-" => Some(None), id => ItemId::parse(id).map(Some) };
                        })}>
                            <option value="" selected={phase_value.is_empty()}>{ all }</option>
                            <option value="-" selected={phase_value == "-"}>{ app.t(Key::TasksFilterNoPhase) }</option>
                            { for phases.iter().map(|(pid, name)| html! {
                                <option value={pid.to_string()} selected={phase_value == pid.to_string()}>{ name }</option>
                            }) }
                        </select>
                    </label>
                    <label>{ app.t(Key::TasksFilterDepartment) }
                        <select onchange={set_filter(|f, v| f.department = (!v.is_empty()).then_some(v))}>
                            <option value="" selected={filter.department.is_none()}>{ all }</option>
                            { text_options(&departments, &filter.department) }
                        </select>
                    </label>
                    <label>{ app.t(Key::TasksFilterOwner) }
                        <select onchange={set_filter(|f, v| f.owner = (!v.is_empty()).then_some(v))}>
                            <option value="" selected={filter.owner.is_none()}>{ all }</option>
                            { text_options(&owners, &filter.owner) }
                        </select>
                    </label>
                    <label>{ app.t(Key::TasksFilterStatus) }
                        <select onchange={set_filter(|f, v| f.status = TaskStatus::from_code(&v))}>
                            <option value="" selected={filter.status.is_none()}>{ all }</option>
                            { for TaskStatus::ALL.iter().map(|s| html! {
                                <option value={s.code()} selected={filter.status == Some(*s)}>{ app.t(status_key(*s)) }</option>
                            }) }
                        </select>
                    </label>
                    <label>{ app.t(Key::TasksSearch) }
                        <input type="search" value={filter.text.clone()} oninput={on_search} />
                    </label>
                    <label>{ app.t(Key::TasksSort) }
                        <select onchange={on_sort}>
                            { for SortKey::ALL.iter().map(|s| html! {
                                <option value={s.code()} selected={*sort == *s}>{ app.t(sort_key_label(*s)) }</option>
                            }) }
                        </select>
                    </label>
                    if !filter.is_empty() {
                        <button type="button" class="btn btn-small btn-quiet" onclick={clear_filters}>{ app.t(Key::TasksClearFilters) }</button>
                    }
                </div>
            </div>
            if !chosen.is_empty() {
                <form class="selection-bar no-print" onsubmit={do_shift} aria-live="polite">
                    <strong>{ app.text(&Text::new(Key::TasksSelected).with("count", chosen.len())) }</strong>
                    <label>{ app.t(Key::TasksShiftBy) }
                        <input type="number" step="1" class="input-narrow" value={(*shift).clone()} oninput={{
                            let shift = shift.clone();
                            Callback::from(move |e: InputEvent| shift.set(target_value(&e)))
                        }} />
                    </label>
                    <button type="submit" class="btn btn-small">{ app.t(Key::TasksShift) }</button>
                    <button type="button" class="btn btn-small btn-danger" onclick={delete_selected}>{ app.t(Key::TasksDeleteSelected) }</button>
                </form>
            }
            if imp.tasks.is_empty() {
                <p class="empty-note">{ app.t(Key::TasksEmpty) }</p>
            } else if total == 0 {
                <p class="empty-note">{ app.t(Key::TasksEmptyFiltered) }</p>
            } else {
                <WideTable label={app.t(Key::TableTasks)}>
                    <table class="task-table">
                        <thead>
                            <tr>
                                <th scope="col" class="cell-lead pin">
                                    <span class="cell-index">{ "#" }</span>
                                    <input type="checkbox" class="no-print" checked={all_selected} onclick={select_all} aria-label={app.t(Key::TasksSelectAll)} />
                                </th>
                                <th scope="col" class="pin pin-last">{ app.t(Key::ColTitle) }</th>
                                <th scope="col">{ app.t(Key::ColPhase) }</th>
                                <th scope="col">{ app.t(Key::ColDepartment) }</th>
                                <th scope="col">{ app.t(Key::ColOwner) }</th>
                                <th scope="col">{ app.t(Key::ColStart) }</th>
                                <th scope="col">{ app.t(Key::ColEnd) }</th>
                                <th scope="col">{ app.t(Key::ColStatus) }</th>
                                <th scope="col">{ app.t(Key::ColProgress) }</th>
                                <th scope="col">{ app.t(Key::ColPriority) }</th>
                                <th scope="col" class="no-print"><span class="visually-hidden">{ app.t(Key::ColActions) }</span></th>
                            </tr>
                        </thead>
                        <tbody>{ for body }</tbody>
                    </table>
                </WideTable>
                { pager.view(&app, total) }
            }
            <TaskTemplates plan={plan.clone()} />
        </div>
    }
}
