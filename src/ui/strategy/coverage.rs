//! Where the chain goal → strategy → tasks and money is broken: goals no
//! strategy serves, strategies with no tasks or no budget, budget lines
//! that serve no strategy, and links to items that are gone.

use super::Ui;
use crate::app::route::{Section, StrategyView};
use crate::app::strategy::dangling_key;
use crate::app::Route;
use crate::domain::core::ids::ItemId;
use crate::domain::strategy::{coverage, Coverage};
use crate::i18n::{Key, Text};
use crate::ui::shell::context::{navigate, AppHandle, Tr};
use std::collections::BTreeMap;
use yew::prelude::*;

pub fn coverage_view(ui: &Ui) -> Html {
    let (app, plan) = (&ui.app, &ui.plan);
    let c: Coverage = coverage(plan);
    let strategies: BTreeMap<ItemId, &str> = plan
        .strategies
        .strategies
        .iter()
        .map(|s| (s.id, s.title.as_str()))
        .collect();
    let name = |id: &ItemId| strategies.get(id).map_or_else(String::new, |n| (*n).to_owned());
    let goals: Vec<String> = c
        .unserved_goals
        .iter()
        .filter_map(|g| plan.goal(*g).map(|g| g.title.clone()))
        .collect();
    let lines: Vec<String> = c
        .idle_lines
        .iter()
        .filter_map(|l| plan.budget.line(*l).map(|l| l.name.clone()))
        .collect();
    let dangling: Vec<String> = c
        .dangling
        .iter()
        .map(|(s, d)| format!("{}: {}", name(s), app.t(dangling_key(*d))))
        .collect();
    let gaps = c.gaps();
    let to_list = Route::Plan(plan.id, Section::Strategies(StrategyView::Strategies));
    html! {
        <div class="strategy-coverage">
            if c.is_complete() {
                <p class="ok-text" role="status">{ app.t(Key::StratCovComplete) }</p>
            } else {
                <p class="flag-text" role="status">{ app.text(&Text::new(Key::StratCovSummary).with("gaps", gaps)) }</p>
            }
            <div class="coverage-grid">
                { group(app, "cov-goals", Key::StratCovUnserved, goals) }
                { group(app, "cov-tasks", Key::StratCovNoTasks, c.without_tasks.iter().map(name).collect()) }
                { group(app, "cov-budget", Key::StratCovNoBudget, c.without_budget.iter().map(name).collect()) }
                { group(app, "cov-lines", Key::StratCovIdleLines, lines) }
                { group(app, "cov-dangling", Key::StratCovDangling, dangling) }
            </div>
            <p class="no-print">
                <a href={to_list.to_hash()} onclick={navigate(app, to_list)}>{ app.t(Key::StratCovGo) }</a>
            </p>
        </div>
    }
}

fn group(app: &AppHandle, id: &str, title: Key, items: Vec<String>) -> Html {
    html! {
        <section class={classes!("card", "coverage-group", (!items.is_empty()).then_some("has-gaps"))} aria-labelledby={id.to_owned()}>
            <h3 id={id.to_owned()}>{ app.t(title) }{ format!(" ({})", items.len()) }</h3>
            if items.is_empty() {
                <p class="muted">{ app.t(Key::StratCovNone) }</p>
            } else {
                <ul>{ for items.into_iter().map(|i| html! { <li>{ i }</li> }) }</ul>
            }
        </section>
    }
}
