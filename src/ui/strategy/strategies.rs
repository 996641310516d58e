//! Strategies by area, each with the goals it moves, the TOWS strategy it
//! comes from and the tasks and budget lines that carry it out. Links are
//! ids; a link to something deleted stays, named as deleted and flagged.

use super::{delete_button, text_field, Pick, Ui};
use crate::app::labels::Labelled;
use crate::app::strategy::{dangling_key, goal_or_kpi_name};
use crate::domain::core::ids::{IdSource, ItemId};
use crate::domain::plan::Removal;
use crate::domain::strategy::edit::{StrategyEdit, TextTarget};
use crate::domain::strategy::{coverage, Area, Dangling, Strategy};
use crate::i18n::{Key, Text};
use crate::ui::shell::context::{AppHandle, PlanRef, Tr};
use crate::ui::shell::platform::BrowserIds;
use crate::ui::situation::choice;
use crate::ui::widgets::dom::target_value;
use std::collections::BTreeMap;
use yew::prelude::*;

/// The plan's tasks and lines in plan order, and their names by id, built
/// once per drawing.
struct Names<'a> {
    tasks: (Vec<(ItemId, &'a str)>, BTreeMap<ItemId, &'a str>),
    lines: (Vec<(ItemId, &'a str)>, BTreeMap<ItemId, &'a str>),
}

fn names<'a>(items: impl Iterator<Item = (ItemId, &'a str)>) -> (Vec<(ItemId, &'a str)>, BTreeMap<ItemId, &'a str>) {
    let order: Vec<(ItemId, &str)> = items.collect();
    let by_id = order.iter().copied().collect();
    (order, by_id)
}

pub fn strategies_view(ui: &Ui) -> Html {
    let (app, handle, plan) = (&ui.app, &ui.handle, &ui.plan);
    let names = Names {
        tasks: names(plan.implementation.tasks.iter().map(|t| (t.id, t.title.as_str()))),
        lines: names(plan.budget.lines.iter().map(|l| (l.id, l.name.as_str()))),
    };
    let gaps = coverage(plan);
    let area = |area: Area| {
        let add = {
            let (handle, focus, title) = (handle.clone(), ui.focus.clone(), app.t(Key::StratNewTitle).to_owned());
            Callback::from(move |_| {
                let id = BrowserIds.item_id();
                handle.edit(StrategyEdit::PutStrategy(Strategy::new(id, area, &title)));
                focus.request(format!("strategy-{id}-title"));
            })
        };
        let items: Vec<&Strategy> = plan.strategies.strategies.iter().filter(|s| s.area == area).collect();
        let heading = format!("area-{}", area.code());
        html! {
            <section class="card strategy-area" aria-labelledby={heading.clone()}>
                <div class="section-head">
                    <h3 id={heading}>{ app.t(area.label()) }</h3>
                    <button type="button" class="btn" onclick={add}
                        aria-label={format!("{}: {}", app.t(Key::StratAdd), app.t(area.label()))}>{ app.t(Key::StratAdd) }</button>
                </div>
                if items.is_empty() {
                    <p class="empty-note">{ app.t(Key::StratEmptyArea) }</p>
                }
                <ul class="plain-list">
                    { for items.into_iter().map(|s| {
                        let flags: Vec<Dangling> = gaps.dangling.iter().filter(|(id, _)| *id == s.id).map(|(_, d)| *d).collect();
                        strategy_item(ui, &names, s, &flags)
                    }) }
                </ul>
            </section>
        }
    };
    html! {
        <div class="strategy-list">{ for Area::ALL.into_iter().map(area) }</div>
    }
}

fn strategy_item(ui: &Ui, names: &Names, s: &Strategy, flags: &[Dangling]) -> Html {
    let (app, handle, plan) = (&ui.app, &ui.handle, &ui.plan);
    let id = s.id;
    let put = |change: fn(&mut Strategy, Vec<ItemId>)| {
        let (handle, s) = (handle.clone(), s.clone());
        Callback::from(move |ids: Vec<ItemId>| {
            let mut next = s.clone();
            change(&mut next, ids);
            handle.edit(StrategyEdit::PutStrategy(next));
        })
    };
    let area = {
        let (handle, s) = (handle.clone(), s.clone());
        Callback::from(move |a: Option<Area>| {
            if let Some(area) = a {
                handle.edit(StrategyEdit::PutStrategy(Strategy { area, ..s.clone() }));
            }
        })
    };
    let tows = {
        let (handle, s) = (handle.clone(), s.clone());
        Callback::from(move |e: Event| {
            let tows = ItemId::parse(&target_value(&e));
            handle.edit(StrategyEdit::PutStrategy(Strategy { tows, ..s.clone() }));
        })
    };
    let delete = {
        let handle = handle.clone();
        Callback::from(move |_| handle.remove(Removal::Strategies(vec![id])))
    };
    let picked: Vec<String> = s
        .goals
        .iter()
        .map(|g| goal_or_kpi_name(plan, *g).unwrap_or_else(|| app.t(Key::StratGoneItem).to_owned()))
        .collect();
    let gone_tows = s.tows.is_some_and(|t| !plan.situation.tows.iter().any(|x| x.id == t));
    html! {
        <li class="situation-item strategy-item" id={format!("strategy-{id}")}>
            <div class="field-row">
                { text_field(handle, format!("strategy-{id}-title"), app.t(Key::StratTitle), TextTarget::StrategyTitle(id), &s.title, false) }
                <div class="field">
                    <label for={format!("strategy-{id}-area")}>{ app.t(Key::StratArea) }</label>
                    { choice(app, format!("strategy-{id}-area"), Some(s.area), None, None, area) }
                </div>
            </div>
            { text_field(handle, format!("strategy-{id}-direction"), app.t(Key::StratDirection), TextTarget::StrategyDirection(id), &s.direction, true) }
            // The goal list is long (every goal and KPI); folded, its summary
            // names what is picked.
            <details class="goal-picker">
                <summary>
                    <span class="goal-picker-label">{ app.t(Key::StratGoals) }{ ": " }</span>
                    { if picked.is_empty() { app.t(Key::StratNoLinks).to_owned() } else { picked.join("; ") } }
                </summary>
                { goal_checks(app, plan, id, &s.goals, put(|s, ids| s.goals = ids)) }
            </details>
            if !plan.situation.tows.is_empty() || s.tows.is_some() {
                <div class="field">
                    <label for={format!("strategy-{id}-tows")}>{ app.t(Key::StratTows) }</label>
                    <select id={format!("strategy-{id}-tows")} onchange={tows}>
                        <option value="" selected={s.tows.is_none()}>{ app.t(Key::StratTowsNone) }</option>
                        if gone_tows {
                            <option value={s.tows.map(|t| t.to_string()).unwrap_or_default()} selected=true>{ app.t(Key::StratGoneItem) }</option>
                        }
                        { for plan.situation.tows.iter().map(|t| html! {
                            <option value={t.id.to_string()} selected={s.tows == Some(t.id)}>{ t.action.clone() }</option>
                        }) }
                    </select>
                </div>
            }
            <div class="link-groups">
                { links(ui, id, Pick::Task, &s.tasks, &names.tasks, put(|s, ids| s.tasks = ids)) }
                { links(ui, id, Pick::Line, &s.lines, &names.lines, put(|s, ids| s.lines = ids)) }
            </div>
            { for flags.iter().map(|f| html! { <p class="flag-text" role="note">{ app.t(dangling_key(*f)) }</p> }) }
            <div class="item-actions">{ delete_button(app, &s.title, delete) }</div>
        </li>
    }
}

/// Checkboxes for the plan's goals and, under each, its KPIs. A picked
/// goal or KPI that is gone is listed too, named as deleted, so it can be
/// unticked: it is never dropped silently.
fn goal_checks(
    app: &AppHandle,
    plan: &PlanRef,
    id: ItemId,
    picked: &[ItemId],
    onchange: Callback<Vec<ItemId>>,
) -> Html {
    let check = |target: ItemId, label: String, class: &'static str| {
        let checked = picked.contains(&target);
        let (picked, onchange) = (picked.to_vec(), onchange.clone());
        let toggle = Callback::from(move |_: Event| {
            let mut next = picked.clone();
            if checked {
                next.retain(|g| *g != target);
            } else {
                next.push(target);
            }
            onchange.emit(next);
        });
        let box_id = format!("strategy-{id}-goal-{target}");
        html! {
            <li class={class}>
                <input type="checkbox" id={box_id.clone()} {checked} onchange={toggle} />
                <label for={box_id}>{ label }</label>
            </li>
        }
    };
    let gone = picked.iter().filter(|g| goal_or_kpi_name(plan, **g).is_none());
    html! {
        <>
            if plan.goals.is_empty() {
                <p class="empty-note">{ app.t(Key::StratNoGoals) }</p>
            }
            <ul class="check-list">
                { for plan.goals.iter().map(|g| html! {
                    <>
                        { check(g.id, g.title.clone(), "") }
                        { for g.kpis.iter().map(|k| check(k.id, k.name.clone(), "check-nested")) }
                    </>
                }) }
                { for gone.map(|g| check(*g, app.t(Key::StratGoneItem).to_owned(), "is-gone")) }
            </ul>
        </>
    }
}

/// The linked items as removable chips, and a button that opens a select
/// of the items not linked yet (one picker open in the chapter at a time).
fn links(
    ui: &Ui,
    strategy: ItemId,
    pick: Pick,
    linked: &[ItemId],
    (order, names): &(Vec<(ItemId, &str)>, BTreeMap<ItemId, &str>),
    onchange: Callback<Vec<ItemId>>,
) -> Html {
    let app = &ui.app;
    let (label, prompt, code) = match pick {
        Pick::Task => (Key::StratTasks, Key::StratLinkTask, "tasks"),
        Pick::Line => (Key::StratLines, Key::StratLinkLine, "lines"),
    };
    let id = format!("strategy-{strategy}-{code}");
    let chips = linked.iter().map(|item| {
        let name = names
            .get(item)
            .map_or_else(|| app.t(Key::StratGoneItem).to_owned(), |n| (*n).to_owned());
        let gone = !names.contains_key(item);
        let (linked, onchange, item) = (linked.to_vec(), onchange.clone(), *item);
        let unlink = Callback::from(move |_: MouseEvent| {
            onchange.emit(linked.iter().copied().filter(|x| *x != item).collect());
        });
        html! {
            <li class={classes!("link-chip", gone.then_some("is-gone"))}>
                <span>{ name.clone() }</span>
                <button type="button" class="btn-icon btn-quiet" onclick={unlink}
                    aria-label={app.text(&Text::new(Key::StratUnlink).with("name", name))}>{ "✕" }</button>
            </li>
        }
    });
    let open = *ui.picking == Some((strategy, pick));
    let select_id = format!("{id}-add");
    let picker = if open {
        let add = {
            let (linked, onchange, picking) = (linked.to_vec(), onchange.clone(), ui.picking.clone());
            Callback::from(move |e: Event| {
                if let Some(item) = ItemId::parse(&target_value(&e)) {
                    let mut next = linked.clone();
                    if !next.contains(&item) {
                        next.push(item);
                    }
                    onchange.emit(next);
                }
                picking.set(None);
            })
        };
        html! {
            <select id={select_id} onchange={add} aria-label={app.t(prompt)}>
                <option value="" selected=true>{ app.t(prompt) }</option>
                { for order.iter().filter(|(k, _)| !linked.contains(k)).map(|(k, n)| html! {
                    <option value={k.to_string()}>{ (*n).to_owned() }</option>
                }) }
            </select>
        }
    } else {
        let (picking, focus) = (ui.picking.clone(), ui.focus.clone());
        let start = Callback::from(move |_: MouseEvent| {
            picking.set(Some((strategy, pick)));
            focus.request(select_id.clone());
        });
        html! { <button type="button" class="btn btn-small" onclick={start}>{ app.t(prompt) }</button> }
    };
    html! {
        <div class="link-group">
            <h4 id={format!("{id}-label")}>{ app.t(label) }</h4>
            if linked.is_empty() {
                <p class="muted">{ app.t(Key::StratNoLinks) }</p>
            }
            <ul class="link-chips" aria-labelledby={format!("{id}-label")}>{ for chips }</ul>
            { picker }
        </div>
    }
}
