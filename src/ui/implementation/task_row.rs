//! One row of the task table, edited in place, and the details row under it
//! (deliverable, acceptance criterion, KPI, notes, dependencies).

use crate::app::draft::{date_text, parse_date};
use crate::app::implementation::offset_label;
use crate::app::state::EditField;
use crate::app::Action;
use crate::domain::core::ids::{ItemId, PlanId};
use crate::domain::implementation::edit::ImplementationEdit;
use crate::domain::implementation::edit::TaskField;
use crate::domain::implementation::edit::TaskText;
use crate::domain::implementation::schedule::{Progress, Task, TaskStatus, When};
use crate::domain::implementation::templates::offset;
use crate::domain::plan::Removal;
use crate::i18n::{format_date, Key, Text};
use crate::ui::shell::context::PlanActions;
use crate::ui::shell::context::{use_app, AppHandle, PlanRef, Tr};
use crate::ui::widgets::dom::{target_checked, target_value};
use crate::ui::widgets::draft_input::{DraftInput, DraftTextarea};
use crate::ui::widgets::enum_select::enum_select;
use chrono::NaiveDate;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TaskRowProps {
    pub plan: PlanId,
    pub task: Task,
    pub index: usize,
    pub total: usize,
    pub phases: Rc<Vec<(ItemId, String)>>,
    pub launch: Option<NaiveDate>,
    pub critical: bool,
    pub flags: Vec<String>,
    pub selected: bool,
    /// Up and down only make sense in the manual order, unfiltered.
    pub movable: bool,
    pub expanded: bool,
    pub on_select: Callback<(ItemId, bool)>,
    pub on_toggle: Callback<ItemId>,
}

/// Sends one field of the task, read from what the user picked; the
/// reducer applies it to the task as it is now and checks it.
fn field(
    app: &AppHandle,
    plan: PlanId,
    task: ItemId,
    read: impl Fn(String) -> Option<TaskField> + 'static,
) -> Callback<String> {
    app.edit_cb(plan, move |v: String| {
        read(v).map(|field| ImplementationEdit::TaskField { task, field })
    })
}

/// The same for a `<select>`'s change event.
fn picked_field(
    app: &AppHandle,
    plan: PlanId,
    task: ItemId,
    read: impl Fn(String) -> Option<TaskField> + 'static,
) -> Callback<Event> {
    field(app, plan, task, read).reform(|e: Event| target_value(&e))
}

/// A choice among an enum's values, sent as one field.
fn choice<T: 'static>(app: &AppHandle, plan: PlanId, task: ItemId, field: fn(T) -> TaskField) -> Callback<T> {
    app.edit_cb(plan, move |v: T| {
        Some(ImplementationEdit::TaskField { task, field: field(v) })
    })
}

/// Typing into one text field, saved as it is typed (one undo step).
fn typing(app: &AppHandle, plan: PlanId, task: ItemId, field: TaskText) -> Callback<String> {
    app.edit_cb(plan, move |text: String| {
        Some(ImplementationEdit::TaskText { task, field, text })
    })
}

fn seal(app: &AppHandle, plan: PlanId) -> Callback<FocusEvent> {
    let app = app.clone();
    Callback::from(move |_| app.dispatch(Action::Seal(plan)))
}

/// A picked date as the task's kind of date: an offset from T stays one.
fn picked(old: When, text: &str, launch: Option<NaiveDate>) -> Option<When> {
    let day = parse_date(text)?;
    Some(match (old, launch) {
        (When::FromLaunch(_), Some(t)) => When::FromLaunch(offset(t, day)),
        _ => When::Date(day),
    })
}

fn date_value(when: When, launch: Option<NaiveDate>) -> String {
    when.resolve(launch).map(date_text).unwrap_or_default()
}

#[function_component(TaskRow)]
pub fn task_row(props: &TaskRowProps) -> Html {
    let Some(app) = use_app() else { return html! {} };
    let task = &props.task;
    let (plan, id, launch) = (props.plan, task.id, props.launch);
    let prefix = format!("task-{id}");
    let select = {
        let on_select = props.on_select.clone();
        Callback::from(move |e: Event| on_select.emit((id, target_checked(&e))))
    };
    let move_to = |to: usize| {
        let app = app.clone();
        Callback::from(move |_| app.edit(plan, ImplementationEdit::MoveTask { task: id, to }))
    };
    let delete = {
        let app = app.clone();
        Callback::from(move |_| app.remove(plan, Removal::Tasks(vec![id])))
    };
    let toggle = {
        let on_toggle = props.on_toggle.clone();
        Callback::from(move |_| on_toggle.emit(id))
    };
    let on_progress = {
        let app = app.clone();
        let current = task.progress;
        Callback::from(move |typed: String| match Progress::parse(&typed) {
            Some(p) if p != current => app.edit(
                plan,
                ImplementationEdit::TaskField {
                    task: id,
                    field: TaskField::Progress(p),
                },
            ),
            Some(_) => {}
            None => app.dispatch(Action::Notify {
                text: Text::new(Key::ErrorProgressInvalid),
                is_error: true,
            }),
        })
    };
    let date_cell = |when: When, is_start: bool| {
        let label = app.t(if is_start { Key::ColStart } else { Key::ColEnd });
        // A date that is not a real one (30 February, the year 1112) is
        // refused with a message; the field keeps what was typed.
        let onchange = {
            let app = app.clone();
            Callback::from(move |v: String| match picked(when, &v, launch) {
                Some(w) => {
                    let field = if is_start {
                        TaskField::Start(w)
                    } else {
                        TaskField::End(w)
                    };
                    app.edit(plan, ImplementationEdit::TaskField { task: id, field });
                }
                None => app.dispatch(Action::Notify {
                    text: Text::new(Key::ErrorDateInvalid),
                    is_error: true,
                }),
            })
        };
        html! {
            <td class="cell-date" data-label={label}>
                <DraftInput id={format!("{prefix}-{}", if is_start { "start" } else { "end" })} kind="date"
                    value={date_value(when, launch)} {onchange} label={format!("{label}: {}", task.title)} />
                if let Some(off) = offset_label(when) { <span class="offset">{ off }</span> }
            </td>
        }
    };
    let phase_value = task.phase.map(|p| p.to_string()).unwrap_or_default();
    let toggle_text = app.t(if props.expanded {
        Key::TaskHideDetails
    } else {
        Key::TaskDetails
    });
    let row_class = classes!(
        "task-row",
        props.critical.then_some("is-critical"),
        (!props.flags.is_empty()).then_some("is-flagged"),
        matches!(task.status, TaskStatus::Done | TaskStatus::Cancelled).then_some("is-closed"),
        props.selected.then_some("is-selected"),
    );
    html! {
        <tr class={row_class} data-task={id.to_string()}>
            <td class="cell-lead pin">
                <span class="cell-index">{ props.index + 1 }</span>
                <input type="checkbox" class="no-print" checked={props.selected} onchange={select}
                    aria-label={app.text(&Text::new(Key::TasksSelect).with("title", &task.title))} />
                <button type="button" class="btn btn-small btn-quiet btn-icon no-print" onclick={toggle}
                    aria-expanded={props.expanded.to_string()} aria-controls={format!("{prefix}-details")}
                    title={toggle_text} aria-label={format!("{toggle_text}: {}", task.title)}>
                    { if props.expanded { "▾" } else { "▸" } }
                </button>
                <button type="button" class="btn btn-small btn-quiet btn-danger btn-icon no-print" onclick={delete}
                    title={app.t(Key::TaskDelete)} aria-label={format!("{}: {}", app.t(Key::TaskDelete), task.title)}>{ "×" }</button>
            </td>
            <td class="cell-title pin pin-last" data-label={app.t(Key::ColTitle)}>
                <DraftInput id={format!("{prefix}-title")} class="task-title" value={task.title.clone()}
                    oninput={typing(&app, plan, id, TaskText::Title)} onblur={seal(&app, plan)} label={app.t(Key::ColTitle)} />
                if props.critical { <span class="tag tag-critical">{ app.t(Key::TaskCritical) }</span> }
                if task.milestone { <span class="tag">{ app.t(Key::TaskMilestone) }</span> }
                { for props.flags.iter().map(|f| html! { <span class="tag tag-warning">{ f }</span> }) }
                if let Some(error) = app.edit_error.as_ref().filter(|e| e.plan == plan && e.field == EditField::Task(id)) {
                    <p class="field-error" role="alert">{ app.text(&error.text) }</p>
                }
            </td>
            <td data-label={app.t(Key::ColPhase)}>
                <select aria-label={app.t(Key::ColPhase)} onchange={picked_field(&app, plan, id, |v| Some(TaskField::Phase(ItemId::parse(&v))))}>
                    <option value="" selected={task.phase.is_none()}>{ app.t(Key::TaskNoPhase) }</option>
                    { for props.phases.iter().map(|(pid, name)| html! {
                        <option value={pid.to_string()} selected={phase_value == pid.to_string()}>{ name }</option>
                    }) }
                </select>
            </td>
            <td data-label={app.t(Key::ColDepartment)}><DraftInput id={format!("{prefix}-department")} class="input-short" value={task.department.clone()} label={app.t(Key::ColDepartment)}
                oninput={typing(&app, plan, id, TaskText::Department)} onblur={seal(&app, plan)} /></td>
            <td data-label={app.t(Key::ColOwner)}><DraftInput id={format!("{prefix}-owner")} class="input-short" value={task.owner.clone()} label={app.t(Key::ColOwner)}
                oninput={typing(&app, plan, id, TaskText::Owner)} onblur={seal(&app, plan)} /></td>
            { date_cell(task.start, true) }
            { date_cell(task.end, false) }
            <td data-label={app.t(Key::ColStatus)}>
                { enum_select(&app, None, Some(app.t(Key::ColStatus)), task.status, choice(&app, plan, id, TaskField::Status)) }
            </td>
            <td data-label={app.t(Key::ColProgress)}><DraftInput id={format!("{prefix}-progress")} kind={AttrValue::Static("number")} min={AttrValue::Static("0")}
                max={AttrValue::Static("100")} step={AttrValue::Static("5")} class="input-narrow" value={task.progress.percent().to_string()}
                onchange={on_progress} label={AttrValue::from(app.t(Key::ColProgress))} /></td>
            <td data-label={app.t(Key::ColPriority)}>
                { enum_select(&app, None, Some(app.t(Key::ColPriority)), task.priority, choice(&app, plan, id, TaskField::Priority)) }
            </td>
            <td class="cell-actions no-print">
                if props.movable {
                    <button type="button" class="btn btn-small btn-quiet" disabled={props.index == 0}
                        onclick={move_to(props.index.saturating_sub(1))} aria-label={app.t(Key::TaskMoveUp)}>{ "↑" }</button>
                    <button type="button" class="btn btn-small btn-quiet" disabled={props.index + 1 >= props.total}
                        onclick={move_to(props.index + 1)} aria-label={app.t(Key::TaskMoveDown)}>{ "↓" }</button>
                }
            </td>
        </tr>
    }
}

#[derive(Properties, PartialEq)]
pub struct TaskDetailsProps {
    pub plan: PlanRef,
    pub task: ItemId,
}

#[function_component(TaskDetails)]
pub fn task_details(props: &TaskDetailsProps) -> Html {
    let Some(app) = use_app() else { return html! {} };
    let plan = &props.plan;
    let Some(task) = plan.task(props.task) else {
        return html! {};
    };
    let (plan_id, id, launch) = (plan.id, task.id, plan.period.launch_day);
    let prefix = format!("task-{id}");
    let text_field = |field: TaskText, key: Key, area: bool| {
        let input_id = format!("{prefix}-{}", field.code());
        let value = field.get(task).to_owned();
        html! {
            <div class="field">
                <label for={input_id.clone()}>{ app.t(key) }</label>
                if area {
                    <DraftTextarea id={input_id} rows={2} value={value} oninput={typing(&app, plan_id, id, field)} onblur={seal(&app, plan_id)} />
                } else {
                    <DraftInput id={input_id} value={value} oninput={typing(&app, plan_id, id, field)} onblur={seal(&app, plan_id)} />
                }
            </div>
        }
    };
    let kpis: Vec<_> = plan.goals.iter().flat_map(|g| g.kpis.iter()).collect();
    let kpi_value = task.kpi.map(|k| k.to_string()).unwrap_or_default();
    let on_milestone = app.edit_cb(plan_id, move |e: Event| {
        Some(ImplementationEdit::TaskField {
            task: id,
            field: TaskField::Milestone(target_checked(&e)),
        })
    });
    // Switching to dates counted from T keeps the days the task is on.
    let on_relative = {
        let (app, task) = (app.clone(), task.clone());
        Callback::from(move |e: Event| {
            let to_relative = target_checked(&e);
            let convert = |w: When| match (to_relative, w.resolve(launch), launch) {
                (true, Some(day), Some(t)) => When::FromLaunch(offset(t, day)),
                (false, Some(day), _) => When::Date(day),
                _ => w,
            };
            let mut start = convert(task.start);
            let end = convert(task.end);
            if to_relative && launch.is_none() {
                start = When::FromLaunch(0);
            }
            let field = TaskField::Dates(start, end);
            app.edit(plan_id, ImplementationEdit::TaskField { task: id, field });
        })
    };
    let add_dependency = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let Some(pred) = ItemId::parse(&target_value(&e)) else {
                return;
            };
            let field = TaskField::AddDependency(pred);
            app.edit(plan_id, ImplementationEdit::TaskField { task: id, field });
            if let Some(select) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()) {
                select.set_value("");
            }
        })
    };
    let deps = task.depends_on.iter().map(|dep| {
        let title = plan
            .task(*dep)
            .map_or_else(|| app.t(Key::FlagMissingDependency).to_owned(), |t| t.title.clone());
        let dates = plan
            .task(*dep)
            .and_then(|t| t.end.resolve(launch))
            .map(|d| format_date(app.lang, d))
            .unwrap_or_default();
        let remove = {
            let (app, dep) = (app.clone(), *dep);
            Callback::from(move |_| {
                let field = TaskField::RemoveDependency(dep);
                app.edit(plan_id, ImplementationEdit::TaskField { task: id, field });
            })
        };
        html! {
            <li>
                <span>{ title.clone() }</span>
                if !dates.is_empty() { <span class="muted">{ " · " }{ dates }</span> }
                <button type="button" class="btn btn-small btn-quiet" onclick={remove}
                    aria-label={app.text(&Text::new(Key::TaskRemoveDependency).with("title", &title))}>{ "×" }</button>
            </li>
        }
    });
    let candidates = plan
        .implementation
        .tasks
        .iter()
        .filter(|t| t.id != id && !task.depends_on.contains(&t.id));
    html! {
        <tr class="task-details-row" id={format!("{prefix}-details")}>
            <td colspan="11">
                <div class="task-details form-grid">
                    { text_field(TaskText::Deliverable, Key::ColDeliverable, false) }
                    { text_field(TaskText::Acceptance, Key::ColAcceptance, false) }
                    <div class="field">
                        <label for={format!("{prefix}-kpi")}>{ app.t(Key::ColKpi) }</label>
                        <select id={format!("{prefix}-kpi")} onchange={picked_field(&app, plan_id, id, |v| Some(TaskField::Kpi(ItemId::parse(&v))))}>
                            <option value="" selected={task.kpi.is_none()}>{ app.t(Key::TaskNoKpi) }</option>
                            { for kpis.iter().map(|k| html! {
                                <option value={k.id.to_string()} selected={kpi_value == k.id.to_string()}>{ &k.name }</option>
                            }) }
                        </select>
                    </div>
                    { text_field(TaskText::Notes, Key::ColNotes, true) }
                    <div class="field field-checks">
                        <label><input type="checkbox" checked={task.milestone} onchange={on_milestone} />{ " " }{ app.t(Key::TaskMilestone) }</label>
                        <label><input type="checkbox" checked={task.start.is_relative()} onchange={on_relative} />{ " " }{ app.t(Key::TaskRelative) }</label>
                    </div>
                    <div class="field field-wide">
                        <span class="label">{ app.t(Key::ColDependsOn) }</span>
                        if task.depends_on.is_empty() {
                            <p class="muted">{ app.t(Key::TaskNoDependencies) }</p>
                        } else {
                            <ul class="dependency-list">{ for deps }</ul>
                        }
                        <label class="visually-hidden" for={format!("{prefix}-add-dep")}>{ app.t(Key::TaskAddDependency) }</label>
                        <select id={format!("{prefix}-add-dep")} class="add-dependency" onchange={add_dependency}>
                            <option value="" selected=true>{ format!("+ {}", app.t(Key::TaskAddDependency)) }</option>
                            { for candidates.map(|t| html! { <option value={t.id.to_string()}>{ &t.title }</option> }) }
                        </select>
                    </div>
                </div>
            </td>
        </tr>
    }
}
