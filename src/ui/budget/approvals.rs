//! Approval routing: the tiers by amount, the requests with their approver
//! and expected decision date, and the working calendar the dates follow.

use crate::app::budget::{approver_text, money, status_key};
use crate::app::messages::{budget_error, money_error};
use crate::app::route::{BudgetView, Section};
use crate::app::Route;
use crate::domain::budget::approval::{
    check_tiers, default_tiers, is_overdue, routing, with_new_tier, without_tier, ApprovalRequest, ApprovalStatus,
    ApprovalStep, Approver, Tier,
};
use crate::domain::budget::edit::BudgetEdit;
use crate::domain::budget::BudgetError;
use crate::domain::core::calendar::date_text;
use crate::domain::core::calendar::parse_date;
use crate::domain::core::calendar::OwnDay;
use crate::domain::core::holidays::covered_years;
use crate::domain::core::ids::{IdSource, ItemId};
use crate::domain::core::money::Money;
use crate::domain::implementation::edit::ImplementationEdit;
use crate::i18n::{format_date, Key, Text};
use crate::ui::shell::context::PlanActions;
use crate::ui::shell::context::{navigate, use_app, PlanRef, Tr};
use crate::ui::shell::platform::BrowserIds;
use crate::ui::widgets::amount_input::MoneyInput;
use crate::ui::widgets::dom::{target_checked, target_value};
use crate::ui::widgets::draft_input::DraftInput;
use crate::ui::widgets::table::WideTable;
use chrono::NaiveDate;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ApprovalsProps {
    pub plan: PlanRef,
}

/// The approvals view: its three parts (a plain function, not a component).
pub fn approvals_view(plan: &PlanRef) -> Html {
    html! {
        <>
            <Requests plan={plan.clone()} />
            <TiersEditor plan={plan.clone()} />
            <Holidays plan={plan.clone()} />
        </>
    }
}

fn approver_code(a: &Approver) -> &'static str {
    match a {
        Approver::MarketingDirector => "director",
        Approver::GeneralManager => "gm",
        Approver::OfficeMeeting => "meeting",
        Approver::Named(_) => "named",
    }
}

#[function_component(Requests)]
fn requests(props: &ApprovalsProps) -> Html {
    let Some(app) = use_app() else { return html! {} };
    let plan = &props.plan;
    let id = plan.id;
    let b = &plan.budget;
    let lang = app.lang;
    let cal = plan.working_calendar();
    let day = use_state(|| date_text(app.today));
    let chosen_day = parse_date(&day).unwrap_or(app.today);
    let rows = b.approvals.iter().enumerate().map(|(i, r)| {
        let n = i + 1;
        let route = routing(&b.tiers, &cal, r);
        let approver = route.as_ref().map(|x| approver_text(lang, &x.tier.approver)).unwrap_or_default();
        let days = route.as_ref().map_or(0, |x| x.tier.days);
        let due = route.as_ref().and_then(|x| x.due);
        let overdue = is_overdue(&b.tiers, &cal, r, app.today);
        let actions = r.status.steps().iter().map(|&step| {
            let request = r.id;
            let onclick =
                app.edit_cb(id, move |_: MouseEvent| Some(BudgetEdit::ApprovalStep { request, step, day: chosen_day }));
            let (label, button_id, class) = match step {
                ApprovalStep::Submit => (Key::ApprovalSubmit, Some(format!("submit-request-{n}")), "btn btn-small"),
                ApprovalStep::Approve => (Key::ApprovalApprove, Some(format!("approve-request-{n}")), "btn btn-small"),
                ApprovalStep::Reject => (Key::ApprovalReject, None, "btn btn-small btn-quiet"),
                ApprovalStep::BackToDraft => (Key::ApprovalBackToDraft, None, "btn btn-small btn-quiet"),
            };
            html! { <button type="button" {class} id={button_id} {onclick}>{ app.t(label) }</button> }
        });
        let remove = {
            let (app, request) = (app.clone(), r.id);
            Callback::from(move |_| {
                app.edit(id, BudgetEdit::RemoveApproval(request))
            })
        };
        let sheet = Route::Plan(id, Section::Budget(BudgetView::Sheet(r.id)));
        html! {
            <tr class={classes!(overdue.then_some("row-over"))} id={format!("request-{n}")}>
                <td class="cell-lead pin"><button type="button" class="btn btn-small btn-quiet btn-danger btn-icon no-print" onclick={remove}
                    title={app.t(Key::ApprovalRemove)} aria-label={format!("{}: {}", app.t(Key::ApprovalRemove), r.title)}>{ "✕" }</button></td>
                <th scope="row" class="pin pin-last" data-label={app.t(Key::ApprovalColTitle)}>{ &r.title }</th>
                <td class="num" data-label={app.t(Key::ApprovalColAmount)}>{ money(lang, plan, r.amount) }</td>
                <td class="request-approver" data-label={app.t(Key::ApprovalColApprover)}>{ approver }</td>
                <td data-label={app.t(Key::ApprovalColSubmitted)}>{ r.status.submitted_on().map(|d| format_date(lang, d)).unwrap_or_default() }</td>
                <td class="request-due" data-label={app.t(Key::ApprovalColDue)}>
                    if let Some(due) = due {
                        { format_date(lang, due) }
                        <span class="field-hint">{ app.text(&Text::new(Key::ApprovalDueHint).with("days", days)) }</span>
                    }
                </td>
                <td data-label={app.t(Key::ApprovalColStatus)}>
                    <span class={classes!("tag", format!("approval-{}", r.status.code()))}>{ app.t(status_key(r.status)) }</span>
                    if let Some(d) = r.status.decided_on() { { " " }{ format_date(lang, d) } }
                    if overdue { { " " }<span class="tag tag-warn">{ app.t(Key::ApprovalOverdue) }</span> }
                </td>
                <td class="row-actions">
                    { for actions }
                    <a class="btn btn-small btn-quiet" href={sheet.to_hash()} onclick={navigate(&app, sheet)}>{ app.t(Key::ApprovalPrint) }</a>
                </td>
            </tr>
        }
    });
    let on_day = {
        let day = day.clone();
        Callback::from(move |e: InputEvent| day.set(target_value(&e)))
    };
    html! {
        <section class="card" aria-labelledby="requests-title">
            <div class="section-head">
                <h3 id="requests-title">{ app.t(Key::ApprovalsRequests) }</h3>
                <label class="no-print">{ app.t(Key::ApprovalDate) }{ " " }
                    <input id="approval-day" type="date" value={(*day).clone()} oninput={on_day} />
                </label>
            </div>
            if b.approvals.is_empty() {
                <p class="empty-note">{ app.t(Key::ApprovalsEmpty) }</p>
            } else {
                <WideTable label={app.t(Key::TableApprovals)}>
                    <table class="data-table" id="requests-table">
                        <thead><tr>
                            <th scope="col" class="cell-lead pin"><span class="visually-hidden">{ app.t(Key::ApprovalRemove) }</span></th>
                            <th scope="col" class="pin pin-last">{ app.t(Key::ApprovalColTitle) }</th>
                            <th scope="col" class="num">{ app.t(Key::ApprovalColAmount) }</th>
                            <th scope="col">{ app.t(Key::ApprovalColApprover) }</th>
                            <th scope="col">{ app.t(Key::ApprovalColSubmitted) }</th>
                            <th scope="col">{ app.t(Key::ApprovalColDue) }</th>
                            <th scope="col">{ app.t(Key::ApprovalColStatus) }</th>
                            <th scope="col"><span class="visually-hidden">{ app.t(Key::ColActions) }</span></th>
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </WideTable>
            }
            <TaskRequest plan={plan.clone()} />
        </section>
    }
}

/// A request for an activity: a task of the implementation plan, for the
/// amount of the lines that pay for it (or one typed in).
#[function_component(TaskRequest)]
fn task_request(props: &ApprovalsProps) -> Html {
    let Some(app) = use_app() else { return html! {} };
    let plan = &props.plan;
    let id = plan.id;
    let tasks = &plan.implementation.tasks;
    // Which task is chosen drives the suggested amount; the amount as typed
    // is the field's own draft (empty: the suggested amount).
    let task = use_state(|| None::<ItemId>);
    let amount = use_state(String::new);
    let error = use_state(|| None::<Text>);
    if tasks.is_empty() {
        return html! { <p class="field-hint">{ app.t(Key::ApprovalNoTasks) }</p> };
    }
    let chosen = (*task).or_else(|| tasks.first().map(|t| t.id));
    let linked = chosen.map_or(Money::ZERO, |t| plan.budget.planned_for_task(t));
    let create = {
        let (app, amount, error, plan) = (app.clone(), amount.clone(), error.clone(), plan.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(t) = chosen.and_then(|c| plan.task(c)) else {
                return;
            };
            let sum = if amount.trim().is_empty() {
                linked
            } else {
                match Money::parse(&amount) {
                    Ok(m) => m,
                    Err(err) => return error.set(Some(money_error(err, &amount))),
                }
            };
            let request = ApprovalRequest {
                id: BrowserIds.item_id(),
                title: t.title.clone(),
                amount: sum,
                line: None,
                task: Some(t.id),
                status: ApprovalStatus::Draft,
                note: String::new(),
            };
            if let Err(err) = request.check() {
                return error.set(Some(budget_error(BudgetError::Approval(err))));
            }
            error.set(None);
            amount.set(String::new());
            app.edit(id, BudgetEdit::PutApproval(request));
        })
    };
    let on_amount = {
        let amount = amount.clone();
        Callback::from(move |e: InputEvent| amount.set(target_value(&e)))
    };
    let on_task = {
        let task = task.clone();
        Callback::from(move |e: Event| task.set(ItemId::parse(&target_value(&e))))
    };
    html! {
        <form class="form-row no-print" onsubmit={create} aria-labelledby="task-request-title">
            <h4 id="task-request-title" class="form-title">{ app.t(Key::ApprovalsNew) }</h4>
            <label>{ app.t(Key::ApprovalTask) }
                <select id="request-task" onchange={on_task}>
                    { for tasks.iter().map(|t| html! { <option value={t.id.to_string()} selected={Some(t.id) == chosen}>{ &t.title }</option> }) }
                </select>
            </label>
            <label>{ app.t(Key::ApprovalAmount) }
                <input id="request-amount" type="text" inputmode="decimal" class="input-money" value={(*amount).clone()} oninput={on_amount}
                    placeholder={linked.input_text()} />
            </label>
            <button type="submit" class="btn">{ app.t(Key::ApprovalCreate) }</button>
            if let Some(text) = &*error { <p class="field-error" role="alert">{ app.text(text) }</p> }
        </form>
    }
}

#[function_component(TiersEditor)]
fn tiers_editor(props: &ApprovalsProps) -> Html {
    let Some(app) = use_app() else { return html! {} };
    let plan = &props.plan;
    let id = plan.id;
    let tiers = &plan.budget.tiers;
    let error = use_state(|| None::<Text>);
    // Tiers are checked here before they are saved, so the message sits by
    // the table and the plan keeps its last good tiers.
    let save = {
        let (app, error) = (app.clone(), error.clone());
        move |next: Vec<Tier>| match check_tiers(&next) {
            Ok(()) => {
                error.set(None);
                app.edit(id, BudgetEdit::Tiers(next));
            }
            Err(e) => error.set(Some(budget_error(BudgetError::Tiers(e)))),
        }
    };
    let count = tiers.len();
    let rows = tiers.iter().enumerate().map(|(i, tier)| {
        let n = i + 1;
        let ceiling = match tier.up_to {
            Some(up_to) => {
                let (save, tiers) = (save.clone(), tiers.clone());
                html! { <MoneyInput id={format!("tier-{n}-up-to")} value={up_to} label={AttrValue::from(app.t(Key::TierUpTo))}
                    onchange={Callback::from(move |m| { let mut next = tiers.clone(); next[i].up_to = Some(m); save(next); })} /> }
            }
            None => html! { <span>{ app.t(Key::TierAbove) }</span> },
        };
        let on_approver = {
            let (save, tiers, name) = (save.clone(), tiers.clone(), app.t(Key::ApproverNamed).to_owned());
            Callback::from(move |e: Event| {
                let mut next = tiers.clone();
                next[i].approver = match target_value(&e).as_str() {
                    "director" => Approver::MarketingDirector,
                    "gm" => Approver::GeneralManager,
                    "meeting" => Approver::OfficeMeeting,
                    _ => Approver::Named(name.clone()),
                };
                save(next);
            })
        };
        let on_name = {
            let (save, tiers) = (save.clone(), tiers.clone());
            Callback::from(move |v: String| {
                let mut next = tiers.clone();
                next[i].approver = Approver::Named(v.trim().to_owned());
                save(next);
            })
        };
        let on_days = {
            let (save, tiers, error) = (save.clone(), tiers.clone(), error.clone());
            Callback::from(move |typed: String| {
                match typed.trim().parse::<u32>() {
                    Ok(days) => {
                        let mut next = tiers.clone();
                        next[i].days = days;
                        save(next);
                    }
                    Err(_) => error.set(Some(Text::new(Key::ErrorCountInvalid).with("text", typed.trim()))),
                }
            })
        };
        let remove = {
            let (save, tiers) = (save.clone(), tiers.clone());
            Callback::from(move |_| save(without_tier(&tiers, i)))
        };
        let code = approver_code(&tier.approver);
        html! {
            <tr>
                <td>{ ceiling }</td>
                <td>
                    <select id={format!("tier-{n}-approver")} aria-label={app.t(Key::TierApprover)} onchange={on_approver}>
                        <option value="director" selected={code == "director"}>{ app.t(Key::ApproverDirector) }</option>
                        <option value="gm" selected={code == "gm"}>{ app.t(Key::ApproverGm) }</option>
                        <option value="meeting" selected={code == "meeting"}>{ app.t(Key::ApproverMeeting) }</option>
                        <option value="named" selected={code == "named"}>{ app.t(Key::ApproverNamed) }</option>
                    </select>
                    if let Approver::Named(name) = &tier.approver {
                        <DraftInput id={format!("tier-{n}-name")} value={name.clone()} label={AttrValue::from(app.t(Key::ApproverName))} onchange={on_name} />
                    }
                </td>
                <td><DraftInput id={format!("tier-{n}-days")} kind={AttrValue::Static("number")} min={AttrValue::Static("0")} max={AttrValue::Static("60")}
                    class="input-narrow" value={tier.days.to_string()} label={AttrValue::from(app.t(Key::TierDays))} onchange={on_days} /></td>
                <td>if count > 1 {
                    <button type="button" class="btn btn-small btn-quiet" onclick={remove} aria-label={format!("{} {n}", app.t(Key::TierRemove))}>{ "✕" }</button>
                }</td>
            </tr>
        }
    });
    let add = {
        let (save, tiers) = (save.clone(), tiers.clone());
        Callback::from(move |_| save(with_new_tier(&tiers)))
    };
    let reset = {
        let save = save.clone();
        Callback::from(move |_| save(default_tiers()))
    };
    html! {
        <section class="card" aria-labelledby="tiers-title">
            <div class="section-head">
                <h3 id="tiers-title">{ app.t(Key::ApprovalsTiers) }</h3>
                <div class="toolbar no-print">
                    <button type="button" class="btn btn-small" onclick={add}>{ app.t(Key::TierAdd) }</button>
                    <button type="button" class="btn btn-small btn-quiet" onclick={reset}>{ app.t(Key::TierReset) }</button>
                </div>
            </div>
            <table class="data-table" id="tiers-table">
                <thead><tr>
                    <th scope="col">{ app.t(Key::TierUpTo) }</th>
                    <th scope="col">{ app.t(Key::TierApprover) }</th>
                    <th scope="col">{ app.t(Key::TierDays) }</th>
                    <th scope="col"><span class="visually-hidden">{ app.t(Key::ColActions) }</span></th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            if let Some(text) = &*error { <p class="field-error" role="alert" id="tiers-error">{ app.text(text) }</p> }
        </section>
    }
}

#[function_component(Holidays)]
fn holidays(props: &ApprovalsProps) -> Html {
    let Some(app) = use_app() else { return html! {} };
    let plan = &props.plan;
    let id = plan.id;
    let lang = app.lang;
    let own = &plan.implementation.work_calendar;
    let day = use_state(String::new);
    let years: Vec<String> = covered_years().map(|y| y.to_string()).collect();
    let years = format!(
        "{}–{}",
        years.first().cloned().unwrap_or_default(),
        years.last().cloned().unwrap_or_default()
    );
    let toggle = {
        let app = app.clone();
        Callback::from(move |e: Event| app.edit(id, BudgetEdit::OfficialHolidays(target_checked(&e))))
    };
    let set = |day: NaiveDate, own: Option<OwnDay>| ImplementationEdit::CalendarDay { day, own };
    let add = |own: OwnDay| {
        let day = day.clone();
        app.edit_cb(id, move |_: MouseEvent| parse_date(&day).map(|d| set(d, Some(own))))
    };
    let items = own.own_days().into_iter().map(|(d, kind)| {
        let remove = app.edit_cb(id, move |_: MouseEvent| Some(set(d, None)));
        let off = kind == OwnDay::Off;
        html! {
            <li>
                { format_date(lang, d) }{ " · " }{ app.t(if off { Key::HolidaysOff } else { Key::HolidaysWork }) }{ " " }
                <button type="button" class="btn btn-small btn-quiet" onclick={remove}
                    aria-label={format!("{}: {}", app.t(Key::HolidaysRemove), format_date(lang, d))}>{ "✕" }</button>
            </li>
        }
    });
    let on_day = {
        let day = day.clone();
        Callback::from(move |e: InputEvent| day.set(target_value(&e)))
    };
    html! {
        <section class="card" aria-labelledby="holidays-title">
            <h3 id="holidays-title">{ app.t(Key::HolidaysTitle) }</h3>
            <label class="check-inline">
                <input id="official-holidays" type="checkbox" checked={plan.budget.official_holidays} onchange={toggle} />
                { " " }{ app.text(&Text::new(Key::HolidaysOfficial).with("years", years)) }
            </label>
            <p class="field-hint">{ app.t(Key::HolidaysOutside) }</p>
            <h4>{ app.t(Key::HolidaysOwn) }</h4>
            if own.holidays.is_empty() && own.workdays.is_empty() {
                <p class="empty-note">{ app.t(Key::HolidaysNone) }</p>
            } else {
                <ul class="plain-list" id="own-days">{ for items }</ul>
            }
            <div class="form-row no-print">
                <input id="own-day" type="date" value={(*day).clone()} oninput={on_day} aria-label={app.t(Key::SpendingDate)} />
                <button type="button" class="btn btn-small" onclick={add(OwnDay::Off)}>{ app.t(Key::HolidaysAddOff) }</button>
                <button type="button" class="btn btn-small" onclick={add(OwnDay::Worked)}>{ app.t(Key::HolidaysAddWork) }</button>
            </div>
        </section>
    }
}
