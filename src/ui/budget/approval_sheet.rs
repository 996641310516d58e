//! One approval request as a printable sheet, with room for signatures.

use crate::app::budget::{approver_text, money, status_key};
use crate::app::route::{BudgetView, Section};
use crate::app::Route;
use crate::domain::budget::approval::routing;
use crate::domain::budget::approval::ApprovalRequest;
use crate::domain::budget::edit::BudgetEdit;
use crate::domain::core::ids::ItemId;
use crate::i18n::{format_date, Key, Text};
use crate::ui::shell::context::PlanActions;
use crate::ui::shell::context::{navigate, use_app, PlanRef, Tr};
use crate::ui::widgets::draft_input::DraftTextarea;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SheetProps {
    pub plan: PlanRef,
    pub request: ItemId,
}

#[function_component(ApprovalSheet)]
pub fn approval_sheet(props: &SheetProps) -> Html {
    let Some(app) = use_app() else { return html! {} };
    let plan = &props.plan;
    let lang = app.lang;
    let back_route = Route::Plan(plan.id, Section::Budget(BudgetView::Approvals));
    let back = html! {
        <a class="back-link no-print" href={back_route.to_hash()} onclick={navigate(&app, back_route)}>{ "← " }{ app.t(Key::SheetBack) }</a>
    };
    let Some(r) = plan.budget.approvals.iter().find(|r| r.id == props.request) else {
        return html! { <section class="chapter">{ back }<p class="empty-note">{ app.t(Key::SheetNotFound) }</p></section> };
    };
    let cal = plan.working_calendar();
    let route = routing(&plan.budget.tiers, &cal, r);
    let line = r.line.and_then(|l| plan.budget.line(l));
    let task = r.task.and_then(|t| plan.task(t));
    let print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let on_note = {
        let (app, request, id) = (app.clone(), r.clone(), plan.id);
        Callback::from(move |note: String| {
            app.edit(
                id,
                BudgetEdit::PutApproval(ApprovalRequest {
                    note,
                    ..request.clone()
                }),
            )
        })
    };
    let row = |label: Key, value: String| html! { <tr><th scope="row">{ app.t(label) }</th><td>{ value }</td></tr> };
    html! {
        <section class="chapter approval-sheet" aria-labelledby="sheet-title">
            { back }
            <div class="section-head">
                <h2 id="sheet-title">{ app.t(Key::SheetTitle) }</h2>
                <button type="button" class="btn no-print" onclick={print}>{ app.t(Key::SheetPrint) }</button>
            </div>
            <table class="sheet-table">
                <tbody>
                    { row(Key::SheetPlan, plan.name.clone()) }
                    { row(Key::SheetRequest, r.title.clone()) }
                    { row(Key::SheetAmount, money(lang, plan, r.amount)) }
                    if let Some(line) = line {
                        { row(Key::SheetLine, format!("{} ({})", line.name, app.text(&Text::new(Key::SheetLineContext)
                            .with("planned", money(lang, plan, line.amount))
                            .with("spent", money(lang, plan, line.spent()))))) }
                    }
                    if let Some(task) = task { { row(Key::SheetTask, task.title.clone()) } }
                    { row(Key::SheetApprover, route.as_ref().map(|x| approver_text(lang, &x.tier.approver)).unwrap_or_default()) }
                    { row(Key::SheetSubmitted, r.status.submitted_on().map(|d| format_date(lang, d)).unwrap_or_default()) }
                    { row(Key::SheetDue, route.as_ref().and_then(|x| x.due).map(|d| format_date(lang, d)).unwrap_or_default()) }
                    { row(Key::SheetStatus, app.t(status_key(r.status)).to_owned()) }
                    <tr>
                        <th scope="row"><label for="sheet-note">{ app.t(Key::SheetNote) }</label></th>
                        <td>
                            <DraftTextarea id="sheet-note" class="no-print" value={r.note.clone()} onchange={on_note} />
                            <p class="print-only">{ &r.note }</p>
                        </td>
                    </tr>
                </tbody>
            </table>
            <div class="signatures">
                <p>{ app.t(Key::SheetSignApplicant) }</p>
                <p>{ app.t(Key::SheetSignApprover) }</p>
            </div>
        </section>
    }
}
