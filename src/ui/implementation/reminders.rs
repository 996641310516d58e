//! Tasks due soon and overdue, on the dashboard and the meetings view.

use crate::app::implementation::due_text;
use crate::app::route::{ImplView, Section};
use crate::app::Route;
use crate::domain::implementation::schedule::reminders;
use crate::i18n::{Key, Text};
use crate::ui::shell::context::AppHandle;
use crate::ui::shell::context::{navigate, PlanRef, Tr};
use yew::prelude::*;

/// A plain function, not a component: a component costs about 1.4 KB
/// gzip of generic code, and this one keeps no state of its own.
pub fn reminders_panel(app: &AppHandle, plan: &PlanRef) -> Html {
    let app = app.clone();
    let imp = &plan.implementation;
    let launch = plan.period.launch_day;
    let r = reminders(&imp.tasks, launch, app.today, imp.reminder_days);
    let item = |(task, days): &(crate::domain::core::ids::ItemId, i64), overdue: bool| {
        let Some(t) = plan.task(*task) else { return html! {} };
        let due = t.end.resolve(launch).unwrap_or(app.today);
        let route = Route::Plan(plan.id, Section::Implementation(ImplView::Task(t.id)));
        html! {
            <li class={classes!("reminder", overdue.then_some("is-overdue"))}>
                <a href={route.to_hash()} onclick={navigate(&app, route)}>{ &t.title }</a>
                { " — " }{ due_text(app.lang, *days, due, overdue) }
                if !t.owner.is_empty() { <span class="muted">{ " · " }{ &t.owner }</span> }
            </li>
        }
    };
    html! {
        <section class="card reminders" aria-labelledby="reminders-title">
            <h3 id="reminders-title">{ app.t(Key::RemindersTitle) }</h3>
            if r.count() == 0 {
                <p class="empty-note">{ app.text(&Text::new(Key::RemindersNone).with("days", imp.reminder_days)) }</p>
            }
            if !r.overdue.is_empty() {
                <h4>{ app.t(Key::RemindersOverdueTitle) }</h4>
                <ul class="reminder-list">{ for r.overdue.iter().map(|x| item(x, true)) }</ul>
            }
            if !r.due_soon.is_empty() {
                <h4>{ app.t(Key::RemindersDueSoon) }</h4>
                <ul class="reminder-list">{ for r.due_soon.iter().map(|x| item(x, false)) }</ul>
            }
        </section>
    }
}
