//! Actual spending: record a payment against a line, and compare planned
//! with actual per line, per month or per value of an axis.

use crate::app::budget::chart::{monthly_bars, Pair};
use crate::app::budget::payment_form::PaymentDraft;
use crate::app::budget::{axis_key, money, value_key};
use crate::app::Action;
use crate::domain::budget::edit::BudgetEdit;
use crate::domain::budget::{Actual, Axis, Variance};
use crate::domain::core::calendar::date_text;
use crate::domain::core::ids::{IdSource, ItemId};
use crate::domain::core::money::Money;
use crate::domain::core::order::{day, sort_by_rank};
use crate::i18n::{format_date, format_month, Key, Lang, Text};
use crate::ui::shell::context::PlanActions;
use crate::ui::shell::context::{use_app, PlanRef, Tr};
use crate::ui::shell::platform::BrowserIds;
use crate::ui::widgets::chart::inline_svg;
use crate::ui::widgets::dom::target_value;
use crate::ui::widgets::field::{edit_draft, on_typing};
use crate::ui::widgets::pager::use_pager;
use chrono::NaiveDate;
use yew::prelude::*;

/// Payments listed at once; more on request.
const PAGE: usize = 50;

#[derive(Properties, PartialEq)]
pub struct SpendingProps {
    pub plan: PlanRef,
}

#[derive(Clone, Copy, PartialEq)]
enum Grouping {
    Line,
    Month,
    Axis(Axis),
}

#[function_component(BudgetSpending)]
pub fn budget_spending(props: &SpendingProps) -> Html {
    let Some(app) = use_app() else { return html! {} };
    let plan = &props.plan;
    let id = plan.id;
    let b = &plan.budget;
    let lang = app.lang;
    let default_day = plan.period.nearest_day(app.today);
    // The form as typed; every field follows its own draft, so a redraw
    // (an autosave) never puts back an old value.
    let draft = use_state(|| PaymentDraft::on(default_day));
    let typed = |change: fn(&mut PaymentDraft, String)| edit_draft(&draft, change);
    let error = use_state(|| None::<Text>);
    let grouping = use_state(|| Grouping::Line);
    let pager = use_pager(PAGE);
    let m = |a: Money| money(lang, plan, a);

    let add = {
        let (app, error, plan, draft) = (app.clone(), error.clone(), plan.clone(), draft.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let first = plan.budget.lines.first().map(|l| l.id);
            match draft.build(BrowserIds.item_id(), first, &plan.period) {
                Ok((line, actual)) => {
                    error.set(None);
                    let recorded = Text::new(Key::SpendingAdded)
                        .with("amount", money(app.lang, &plan, actual.amount))
                        .with("line", plan.budget.line(line).map_or("", |l| l.name.as_str()));
                    app.edit(id, BudgetEdit::AddActual { line, actual });
                    app.dispatch(Action::Notify {
                        text: recorded,
                        is_error: false,
                    });
                    draft.set(draft.next());
                }
                Err(text) => error.set(Some(text)),
            }
        })
    };
    let on_group = {
        let grouping = grouping.clone();
        Callback::from(move |e: Event| {
            let v = target_value(&e);
            grouping.set(match v.as_str() {
                "month" => Grouping::Month,
                "line" => Grouping::Line,
                code => Axis::ALL
                    .into_iter()
                    .find(|a| a.code() == code)
                    .map_or(Grouping::Line, Grouping::Axis),
            });
        })
    };
    let variance_rows: Vec<(String, Variance)> = match *grouping {
        Grouping::Line => b.lines.iter().map(|l| (l.name.clone(), b.line_variance(l))).collect(),
        Grouping::Month => b
            .by_month(&plan.period)
            .into_iter()
            .map(|(month, v)| (format_month(lang, month), v))
            .collect(),
        Grouping::Axis(axis) => b
            .variance_by(axis)
            .into_iter()
            .map(|(value, v)| (app.t(value_key(value)).to_owned(), v))
            .collect(),
    };
    let table_rows = variance_rows.iter().map(|(name, v)| {
        let over = v.is_over();
        html! {
            <tr class={classes!(over.then_some("row-over"))}>
                <th scope="row">{ name }</th>
                <td class="num">{ m(v.planned) }</td>
                <td class="num">{ m(v.actual) }</td>
                <td class={classes!("num", over.then_some("over"))}>{ m(v.difference()) }</td>
                <td class="num">{ v.burn().map_or_else(|| "—".to_owned(), |r| r.percent_text()) }</td>
            </tr>
        }
    });
    let months: Vec<Pair> = b
        .by_month(&plan.period)
        .into_iter()
        .map(|(month, v)| Pair {
            label: short_month(lang, month),
            first: v.planned.as_yuan_f64(),
            second: v.actual.as_yuan_f64(),
        })
        .collect();
    let chart = monthly_bars(
        &months,
        (app.t(Key::LegendPlanned), app.t(Key::LegendActual)),
        app.t(Key::SpendingChartLabel),
    );
    let mut entries: Vec<(&str, ItemId, &Actual)> = b
        .lines
        .iter()
        .flat_map(|l| l.actuals.iter().map(move |a| (l.name.as_str(), l.id, a)))
        .collect();
    sort_by_rank(&mut entries, |e| (-day(e.2.date), 0));
    let total_entries = entries.len();
    let entry_rows = entries.into_iter().take(pager.shown(total_entries)).map(|(name, line, a)| {
        let remove = {
            let (app, actual) = (app.clone(), a.id);
            Callback::from(move |_| {
                app.edit(id, BudgetEdit::RemoveActual { line, actual })
            })
        };
        let outside = !plan.period.contains(a.date);
        html! {
            <tr class={classes!(outside.then_some("outside"))}>
                <td>{ format_date(lang, a.date) }if outside { { " · " }{ app.t(Key::SpendingOutside) } }</td>
                <td>{ name }</td>
                <td class="num">{ m(a.amount) }</td>
                <td>{ &a.note }</td>
                <td><button type="button" class="btn btn-small btn-quiet" onclick={remove}
                    aria-label={format!("{}: {} {}", app.t(Key::SpendingRemove), name, format_date(lang, a.date))}>{ "✕" }</button></td>
            </tr>
        }
    });
    let group_value = match *grouping {
        Grouping::Line => "line",
        Grouping::Month => "month",
        Grouping::Axis(a) => a.code(),
    };
    html! {
        <>
            if b.lines.is_empty() {
                <div class="empty-state"><p>{ app.t(Key::SpendingNoLines) }</p></div>
            } else {
                <form class="card form-row spending-form no-print" onsubmit={add} aria-labelledby="spending-add" novalidate=true>
                    <h3 id="spending-add" class="form-title">{ app.t(Key::SpendingAdd) }</h3>
                    <label>{ app.t(Key::SpendingLine) }
                        <select id="payment-line" onchange={typed(|d, v| d.line = v)}>
                            { for b.lines.iter().map(|l| html! {
                                <option value={l.id.to_string()} selected={draft.line == l.id.to_string()}>{ &l.name }</option>
                            }) }
                        </select>
                    </label>
                    <label>{ app.t(Key::SpendingDate) }
                        <input id="payment-date" type="date" value={draft.date.clone()} oninput={on_typing(typed(|d, v| d.date = v))}
                            min={date_text(plan.period.start)} max={date_text(plan.period.end)} />
                    </label>
                    <label>{ app.t(Key::SpendingAmount) }
                        <input id="payment-amount" type="text" inputmode="decimal" class="input-money"
                            value={draft.amount.clone()} oninput={on_typing(typed(|d, v| d.amount = v))}
                            aria-invalid={error.is_some().then_some("true")}
                            aria-describedby={error.is_some().then_some("payment-error")} />
                    </label>
                    <label>{ app.t(Key::SpendingNote) }
                        <input id="payment-note" type="text" value={draft.note.clone()} oninput={on_typing(typed(|d, v| d.note = v))} />
                    </label>
                    <button type="submit" class="btn btn-primary" id="add-payment">{ app.t(Key::SpendingAddButton) }</button>
                    if let Some(text) = &*error {
                        <p id="payment-error" class="field-error" role="alert">{ app.text(text) }</p>
                    }
                </form>
                <div class="section-head">
                    <h3>{ app.t(Key::BudgetTabSpending) }</h3>
                    <label class="no-print">{ app.t(Key::SpendingGroupBy) }{ " " }
                        <select id="spending-group" onchange={on_group}>
                            <option value="line" selected={group_value == "line"}>{ app.t(Key::SpendingByLine) }</option>
                            <option value="month" selected={group_value == "month"}>{ app.t(Key::SpendingByMonth) }</option>
                            { for Axis::ALL.iter().map(|a| html! {
                                <option value={a.code()} selected={group_value == a.code()}>
                                    { app.text(&Text::new(Key::SpendingByAxis).with("axis", app.t(axis_key(*a)))) }
                                </option>
                            }) }
                        </select>
                    </label>
                </div>
                <div class="table-scroll" tabindex="0">
                    <table class="data-table variance-table" id="variance-table">
                        <thead><tr>
                            <th scope="col">{ app.t(Key::SplitsColValue) }</th>
                            <th scope="col" class="num">{ app.t(Key::BudgetColAmount) }</th>
                            <th scope="col" class="num">{ app.t(Key::BudgetColSpent) }</th>
                            <th scope="col" class="num">{ app.t(Key::BudgetColVariance) }</th>
                            <th scope="col" class="num">{ app.t(Key::BudgetColBurn) }</th>
                        </tr></thead>
                        <tbody>{ for table_rows }</tbody>
                    </table>
                </div>
                <div class="month-chart-box">{ inline_svg(chart) }</div>
                <h3>{ app.t(Key::SpendingEntries) }</h3>
                if total_entries == 0 {
                    <p class="empty-note">{ app.t(Key::SpendingEmpty) }</p>
                } else {
                    <div class="table-scroll" tabindex="0">
                        <table class="data-table" id="payments-table">
                            <thead><tr>
                                <th scope="col">{ app.t(Key::SpendingDate) }</th>
                                <th scope="col">{ app.t(Key::SpendingLine) }</th>
                                <th scope="col" class="num">{ app.t(Key::SpendingAmount) }</th>
                                <th scope="col">{ app.t(Key::SpendingNote) }</th>
                                <th scope="col"><span class="visually-hidden">{ app.t(Key::ColActions) }</span></th>
                            </tr></thead>
                            <tbody>{ for entry_rows }</tbody>
                        </table>
                    </div>
                    if total_entries > PAGE {
                        { pager.view(&app, total_entries) }
                    }
                }
            }
        </>
    }
}

/// "10月" / "Oct": the chart's month labels.
fn short_month(lang: Lang, month: NaiveDate) -> String {
    match lang {
        Lang::ZhCn => format!("{}月", chrono::Datelike::month(&month)),
        Lang::En => crate::domain::core::calendar::month_abbr(month).to_owned(),
    }
}
