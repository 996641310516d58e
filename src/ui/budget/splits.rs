//! The intended split on each of the five axes beside the actual split of
//! the lines, with the deviation and a bar chart per axis.

use crate::app::budget::chart::split_bars;
use crate::app::budget::{axis_key, money, points, value_key};
use crate::domain::budget::edit::BudgetEdit;
use crate::domain::budget::{default_splits, Axis, SPLIT_TOLERANCE};
use crate::i18n::{Key, Text};
use crate::ui::shell::context::AppHandle;
use crate::ui::shell::context::PlanActions;
use crate::ui::shell::context::{PlanRef, Tr};
use crate::ui::widgets::amount_input::PercentInput;
use crate::ui::widgets::chart::inline_svg;
use yew::prelude::*;

/// A plain function, not a component: a component costs about 1.4 KB
/// gzip of generic code, and this one keeps no state of its own.
pub fn budget_splits(app: &AppHandle, plan: &PlanRef) -> Html {
    let app = app.clone();
    let id = plan.id;
    let b = &plan.budget;
    let lang = app.lang;
    let reset = {
        let app = app.clone();
        Callback::from(move |_| app.edit(id, BudgetEdit::AllSplits(default_splits())))
    };
    let cards = Axis::ALL.iter().map(|&axis| {
        let view = b.split(axis);
        let axis_name = app.t(axis_key(axis));
        let labels: Vec<String> = view.rows.iter().map(|r| app.t(value_key(r.value)).to_owned()).collect();
        let chart = split_bars(
            &view,
            &labels,
            (app.t(Key::LegendIntended), app.t(Key::LegendActual)),
            &app.text(&Text::new(Key::SplitsChartLabel).with("axis", axis_name)),
        );
        let sum = if view.adds_up() {
            html! { <span class="status status-on">{ app.t(Key::SplitsSumOk) }</span> }
        } else {
            html! { <span class="status status-off" role="alert">{ app.text(&Text::new(Key::SplitsSumOff).with("sum", view.intended_sum.percent_text())) }</span> }
        };
        let rows = view.rows.iter().map(|row| {
            let onchange = {
                let app = app.clone();
                let shares = b.splits.get(axis.code()).cloned().unwrap_or_default();
                let value = row.value;
                Callback::from(move |r| {
                    let mut next = shares.clone();
                    next.insert(value.to_owned(), r);
                    app.edit(id, BudgetEdit::Split { axis, shares: next });
                })
            };
            let far = row.deviation.is_some_and(|d| d.abs() > SPLIT_TOLERANCE);
            html! {
                <tr>
                    <th scope="row">{ app.t(value_key(row.value)) }</th>
                    <td class="num"><PercentInput id={format!("split-{}-{}", axis.code(), row.value)} value={row.intended}
                        label={AttrValue::from(format!("{} · {}", axis_name, app.t(value_key(row.value))))} {onchange} /></td>
                    <td class="num">{ row.actual.map_or_else(|| "—".to_owned(), |r| r.percent_text()) }</td>
                    <td class={classes!("num", far.then_some("over"))}>{ row.deviation.map_or_else(|| "—".to_owned(), |d| points(lang, d)) }</td>
                    <td class="num">{ money(lang, plan, row.planned) }</td>
                </tr>
            }
        });
        html! {
            <section class="card split-card" aria-labelledby={format!("split-{}", axis.code())}>
                <div class="section-head">
                    <h3 id={format!("split-{}", axis.code())}>{ capitalised(axis_name) }</h3>
                    { sum }
                </div>
                <div class="split-body">
                    <table class="data-table">
                        <thead><tr>
                            <th scope="col">{ app.t(Key::SplitsColValue) }</th>
                            <th scope="col" class="num">{ app.t(Key::SplitsColIntended) }</th>
                            <th scope="col" class="num">{ app.t(Key::SplitsColActual) }</th>
                            <th scope="col" class="num">{ app.t(Key::SplitsColDeviation) }</th>
                            <th scope="col" class="num">{ app.t(Key::SplitsColAmount) }</th>
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                    <div class="split-chart-box">{ inline_svg(chart) }</div>
                </div>
            </section>
        }
    });
    html! {
        <>
            <div class="section-head">
                <p class="chapter-intro">{ app.t(Key::SplitsIntro) }</p>
                <button type="button" class="btn btn-small no-print" onclick={reset}>{ app.t(Key::SplitsReset) }</button>
            </div>
            <div class="split-grid">{ for cards }</div>
        </>
    }
}

/// "Online / offline" for a heading from "online / offline" in a sentence.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
