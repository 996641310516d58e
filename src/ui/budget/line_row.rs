//! One budget line, edited in place, with a details row for its phase and
//! the tasks it pays for.

use crate::app::budget::{approver_text, money, status_key, value_key};
use crate::app::Action;
use crate::domain::budget::approval::{routing, ApprovalRequest, ApprovalStatus};
use crate::domain::budget::edit::BudgetEdit;
use crate::domain::budget::edit::LineField;
use crate::domain::budget::{Category, Function, PriorityClass, Reach, Region};
use crate::domain::core::calendar::months_between;
use crate::domain::core::calendar::parse_date;
use crate::domain::core::ids::{IdSource, ItemId};
use crate::domain::plan::Removal;
use crate::i18n::{format_date, format_month, Key};
use crate::ui::shell::context::PlanActions;
use crate::ui::shell::context::{use_app, PlanRef, Tr};
use crate::ui::shell::platform::BrowserIds;
use crate::ui::widgets::amount_input::MoneyInput;
use crate::ui::widgets::dom::target_value;
use crate::ui::widgets::draft_input::DraftInput;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LineRowProps {
    pub plan: PlanRef,
    pub line: ItemId,
    pub index: usize,
}

/// A select over the codes of one axis.
fn axis_select(
    id: String,
    label: &str,
    lang: crate::i18n::Lang,
    codes: &[&'static str],
    current: &str,
    onchange: Callback<Event>,
) -> Html {
    html! {
        <select {id} aria-label={label.to_owned()} {onchange}>
            { for codes.iter().map(|c| html! {
                <option value={*c} selected={*c == current}>{ crate::i18n::t(lang, value_key(c)) }</option>
            }) }
        </select>
    }
}

#[function_component(BudgetLineRow)]
pub fn budget_line_row(props: &LineRowProps) -> Html {
    let Some(app) = use_app() else { return html! {} };
    let open = use_state(|| false);
    let plan = &props.plan;
    let id = plan.id;
    let Some(line) = plan.budget.line(props.line) else {
        return html! {};
    };
    let n = props.index + 1;
    // Each control sends its own field: the line it changes is the one in
    // the store when the edit lands, not this render's copy.
    let put = {
        let (app, line_id) = (app.clone(), line.id);
        move |f: fn(String) -> Option<LineField>| {
            let app = app.clone();
            Callback::from(move |e: Event| {
                if let Some(field) = f(target_value(&e)) {
                    app.edit(id, BudgetEdit::LineField { line: line_id, field });
                }
            })
        }
    };
    let on_name = {
        let (app, line_id) = (app.clone(), line.id);
        Callback::from(move |text: String| app.edit(id, BudgetEdit::LineName { line: line_id, text }))
    };
    let seal = {
        let app = app.clone();
        Callback::from(move |_: FocusEvent| app.dispatch(Action::Seal(id)))
    };
    let owner = {
        let (app, line_id) = (app.clone(), line.id);
        Callback::from(move |v: String| {
            app.edit(
                id,
                BudgetEdit::LineField {
                    line: line_id,
                    field: LineField::Owner(v),
                },
            )
        })
    };
    let on_amount = {
        let (app, line_id) = (app.clone(), line.id);
        Callback::from(move |amount| {
            app.edit(
                id,
                BudgetEdit::LineField {
                    line: line_id,
                    field: LineField::Amount(amount),
                },
            );
        })
    };
    let remove = {
        let (app, line_id) = (app.clone(), line.id);
        Callback::from(move |_| app.remove(id, Removal::Lines(vec![line_id])))
    };
    let b = &plan.budget;
    let request = b.approvals.iter().find(|r| r.line == Some(line.id));
    let approval = match request {
        Some(r) => {
            let cal = plan.working_calendar();
            let route = routing(&b.tiers, &cal, r);
            let who = route
                .as_ref()
                .map(|x| approver_text(app.lang, &x.tier.approver))
                .unwrap_or_default();
            let due = route.and_then(|x| x.due).map(|d| format_date(app.lang, d));
            html! {
                <span class="approval-cell">
                    <span class={classes!("tag", format!("approval-{}", r.status.code()))}>{ app.t(status_key(r.status)) }</span>
                    <span class="approval-who">{ who }</span>
                    if let Some(due) = due { <span class="approval-due">{ due }</span> }
                </span>
            }
        }
        None => {
            let (handle, line) = (app.clone(), line.clone());
            let title = line.name.clone();
            let submit = Callback::from(move |_| {
                let app = &handle;
                let request = ApprovalRequest {
                    id: BrowserIds.item_id(),
                    title: title.clone(),
                    amount: line.amount,
                    line: Some(line.id),
                    task: None,
                    status: ApprovalStatus::Submitted { on: app.today },
                    note: String::new(),
                };
                app.edit(id, BudgetEdit::PutApproval(request));
            });
            html! { <button type="button" class="btn btn-small" id={format!("submit-line-{n}")} onclick={submit}>{ app.t(Key::BudgetSubmit) }</button> }
        }
    };
    let spent = line.spent();
    let over = spent > line.amount;
    let lang = app.lang;
    let months = months_between(plan.period.start, plan.period.end);
    let month_value = line
        .month
        .map(crate::domain::core::calendar::month_text)
        .unwrap_or_default();
    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    let details = (*open).then(|| {
        let phases = &plan.implementation.phases;
        let tasks = &plan.implementation.tasks;
        let on_tasks = {
            let (app, line_id) = (app.clone(), line.id);
            Callback::from(move |e: Event| {
                let Some(select) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()) else {
                    return;
                };
                let options = select.selected_options();
                let chosen: Vec<ItemId> = (0..options.length())
                    .filter_map(|i| options.item(i))
                    .filter_map(|o| o.get_attribute("value"))
                    .filter_map(|v| ItemId::parse(&v))
                    .collect();
                app.edit(id, BudgetEdit::LineField {
                        line: line_id,
                        field: LineField::Tasks(chosen),
                    });
            })
        };
        html! {
            <tr class="task-details">
                <td colspan="13">
                    <div class="form-row">
                        <label>{ app.t(Key::BudgetColPhase) }
                            <select onchange={put(|v| Some(LineField::Phase(ItemId::parse(&v))))}>
                                <option value="" selected={line.phase.is_none()}>{ app.t(Key::BudgetNoChannel) }</option>
                                { for phases.iter().map(|p| html! {
                                    <option value={p.id.to_string()} selected={line.phase == Some(p.id)}>{ &p.name }</option>
                                }) }
                            </select>
                        </label>
                        if !tasks.is_empty() {
                            <label>{ app.t(Key::BudgetColTasks) }
                                <select multiple=true size="4" onchange={on_tasks}>
                                    { for tasks.iter().map(|t| html! {
                                        <option value={t.id.to_string()} selected={line.tasks.contains(&t.id)}>{ &t.title }</option>
                                    }) }
                                </select>
                            </label>
                        }
                    </div>
                </td>
            </tr>
        }
    });
    html! {
        <>
            <tr class={classes!(over.then_some("row-over"))}>
                <td class="cell-lead pin row-actions">
                    <button type="button" class="btn btn-small btn-quiet btn-icon no-print" aria-expanded={if *open { "true" } else { "false" }} onclick={toggle}
                        title={app.t(Key::BudgetDetails)} aria-label={format!("{}: {}", app.t(Key::BudgetDetails), line.name)}>{ if *open { "▾" } else { "▸" } }</button>
                    <button type="button" class="btn btn-small btn-quiet btn-danger btn-icon no-print" id={format!("remove-line-{n}")} onclick={remove}
                        title={app.t(Key::BudgetRemoveLine)} aria-label={format!("{}: {}", app.t(Key::BudgetRemoveLine), line.name)}>{ "✕" }</button>
                </td>
                <td class="pin pin-last" data-label={app.t(Key::BudgetColName)}>
                    <DraftInput id={format!("line-name-{n}")} class="input-wide" value={line.name.clone()}
                        label={app.t(Key::BudgetColName)} oninput={on_name} onblur={seal} />
                </td>
                <td data-label={app.t(Key::BudgetColAmount)} class="num"><MoneyInput id={format!("line-amount-{n}")} value={line.amount} onchange={on_amount} label={AttrValue::from(app.t(Key::BudgetColAmount))} /></td>
                <td data-label={app.t(Key::BudgetColSpent)} class={classes!("num", over.then_some("over"))}>
                    { money(lang, plan, spent) }
                    if over { <span class="tag tag-warn">{ app.t(Key::SpendingOver) }</span> }
                </td>
                <td data-label={app.t(Key::BudgetColCategory)}>{ axis_select(format!("line-category-{n}"), app.t(Key::BudgetColCategory), lang, Category::CODES, line.category.code(),
                    put(|v| Category::from_code(&v).map(LineField::Category))) }</td>
                <td data-label={app.t(Key::BudgetColChannel)}>
                    <select id={format!("line-channel-{n}")} aria-label={app.t(Key::BudgetColChannel)}
                        onchange={put(|v| Some(LineField::Channel(ItemId::parse(&v))))}>
                        <option value="" selected={line.channel.is_none()}>{ app.t(Key::BudgetNoChannel) }</option>
                        { for b.channels.iter().map(|c| html! {
                            <option value={c.id.to_string()} selected={line.channel == Some(c.id)}>{ &c.name }</option>
                        }) }
                    </select>
                </td>
                <td data-label={app.t(Key::BudgetColReach)}>{ axis_select(format!("line-reach-{n}"), app.t(Key::BudgetColReach), lang, Reach::CODES, line.reach.code(),
                    put(|v| Reach::from_code(&v).map(LineField::Reach))) }</td>
                <td data-label={app.t(Key::BudgetColFunction)}>{ axis_select(format!("line-function-{n}"), app.t(Key::BudgetColFunction), lang, Function::CODES, line.function.code(),
                    put(|v| Function::from_code(&v).map(LineField::Function))) }</td>
                <td data-label={app.t(Key::BudgetColRegion)}>{ axis_select(format!("line-region-{n}"), app.t(Key::BudgetColRegion), lang, Region::CODES, line.region.code(),
                    put(|v| Region::from_code(&v).map(LineField::Region))) }</td>
                <td data-label={app.t(Key::BudgetColPriority)}>{ axis_select(format!("line-priority-{n}"), app.t(Key::BudgetColPriority), lang, PriorityClass::CODES, line.priority.code(),
                    put(|v| PriorityClass::from_code(&v).map(LineField::Priority))) }</td>
                <td data-label={app.t(Key::BudgetColMonth)}>
                    <select id={format!("line-month-{n}")} aria-label={app.t(Key::BudgetColMonth)}
                        onchange={put(|v| Some(LineField::Month(parse_date(&format!("{v}-01")))))}>
                        <option value="" selected={line.month.is_none()}>{ app.t(Key::BudgetSpread) }</option>
                        { for months.iter().map(|m| {
                            let v = crate::domain::core::calendar::month_text(*m);
                            html! { <option value={v.clone()} selected={v == month_value}>{ format_month(lang, *m) }</option> }
                        }) }
                    </select>
                </td>
                <td data-label={app.t(Key::BudgetColOwner)}><DraftInput id={format!("line-owner-{n}")} value={line.owner.clone()} label={AttrValue::from(app.t(Key::BudgetColOwner))}
                    onchange={owner} /></td>
                <td data-label={app.t(Key::BudgetColApproval)}>{ approval }</td>
            </tr>
            { for details }
        </>
    }
}
