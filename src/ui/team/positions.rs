//! Groups with their planned head counts, the positions with their
//! superiors, holders and duties, head count against positions filled, and
//! the hiring plan of the vacancies by phase.

use super::{text_field, Ui};
use crate::app::team::hire_by;
use crate::domain::core::ids::{IdSource, ItemId};
use crate::domain::plan::Removal;
use crate::domain::team::edit::{TeamEdit, TeamText};
use crate::domain::team::{head_counts, hiring_plan, Group, Position};
use crate::i18n::{Key, Text};
use crate::ui::shell::context::Tr;
use crate::ui::shell::platform::BrowserIds;
use crate::ui::strategy::delete_button;
use crate::ui::widgets::amount_input::WholeInput;
use crate::ui::widgets::dom::target_value;
use crate::ui::widgets::table::WideTable;
use yew::prelude::*;

pub fn positions_view(ui: &Ui) -> Html {
    html! {
        <div class="team-positions">
            { groups_card(ui) }
            { positions_card(ui) }
            { hiring_card(ui) }
        </div>
    }
}

fn groups_card(ui: &Ui) -> Html {
    let (app, handle, plan) = (&ui.app, &ui.handle, &ui.plan);
    let team = &plan.team;
    let add = {
        let (handle, name, focus) = (handle.clone(), ui.new_group.clone(), ui.focus.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = name.trim().to_owned();
            if text.is_empty() {
                focus.request("new-group".into());
                return;
            }
            handle.edit(TeamEdit::PutGroup(Group {
                id: BrowserIds.item_id(),
                name: text,
                planned: 1,
            }));
            name.set(String::new());
        })
    };
    let typing = {
        let name = ui.new_group.clone();
        Callback::from(move |e: InputEvent| name.set(target_value(&e)))
    };
    let counts = head_counts(team);
    let rows = counts.iter().map(|(group, c)| {
        let name = match group.and_then(|g| team.group(g)) {
            Some(g) => g.name.clone(),
            None => app.t(Key::TeamNoGroup).to_owned(),
        };
        let row_class = (c.unplanned_gap() > 0 || c.positions > c.planned && group.is_some()).then_some("is-flagged");
        html! {
            <tr class={classes!(row_class)}>
                <th scope="row">{ name }</th>
                <td class="num">{ if group.is_some() { c.planned.to_string() } else { "—".into() } }</td>
                <td class="num">{ c.positions }</td>
                <td class="num">{ c.filled }</td>
                <td class="num">{ c.vacant() }</td>
            </tr>
        }
    });
    let group_items = team.groups.iter().map(|g| {
        let id = g.id;
        let planned = {
            let (handle, g) = (handle.clone(), g.clone());
            Callback::from(move |n: u32| handle.edit(TeamEdit::PutGroup(Group { planned: n, ..g.clone() })))
        };
        let delete = {
            let handle = handle.clone();
            Callback::from(move |_| handle.remove(Removal::Team(vec![id])))
        };
        html! {
            <li class="situation-item group-row">
                <div class="field-row">
                    { text_field(handle, format!("group-{id}-name"), app.t(Key::TeamGroupName), TeamText::GroupName(id), &g.name, false) }
                    <div class="field">
                        <label for={format!("group-{id}-planned")}>{ app.t(Key::TeamPlanned) }</label>
                        <WholeInput id={format!("group-{id}-planned")} value={g.planned} min={0} max={10_000} onchange={planned} />
                    </div>
                    <div class="item-actions">{ delete_button(app, &g.name, delete) }</div>
                </div>
            </li>
        }
    });
    html! {
        <section class="card" aria-labelledby="groups-title">
            <h3 id="groups-title">{ app.t(Key::TeamGroupsTitle) }</h3>
            if team.groups.is_empty() {
                <p class="empty-note">{ app.t(Key::TeamGroupsEmpty) }</p>
            }
            <ul class="plain-list">{ for group_items }</ul>
            <form class="form-row" onsubmit={add}>
                <div class="field">
                    <label for="new-group">{ app.t(Key::TeamNewGroup) }</label>
                    <input id="new-group" type="text" value={(*ui.new_group).clone()} oninput={typing} />
                </div>
                <button type="submit" class="btn">{ app.t(Key::TeamAddGroup) }</button>
            </form>
            if !counts.is_empty() {
                <h4 id="headcount-title">{ app.t(Key::TeamHeadcountTitle) }</h4>
                <WideTable label={app.t(Key::TeamHeadcountTitle)}>
                    <table class="data-table headcount-table">
                        <thead><tr>
                            <th scope="col">{ app.t(Key::TeamGroup) }</th>
                            <th scope="col" class="num">{ app.t(Key::TeamPlanned) }</th>
                            <th scope="col" class="num">{ app.t(Key::TeamPositions) }</th>
                            <th scope="col" class="num">{ app.t(Key::TeamFilled) }</th>
                            <th scope="col" class="num">{ app.t(Key::TeamVacancies) }</th>
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </WideTable>
            }
        </section>
    }
}

/// A select of ids with a blank first entry; a chosen id that is gone is
/// kept as "deleted" so it is not dropped by the next save.
pub fn id_select(
    id: String,
    label: &str,
    blank: &str,
    gone: &str,
    value: Option<ItemId>,
    options: impl Iterator<Item = (ItemId, String)>,
    onchange: Callback<Option<ItemId>>,
) -> Html {
    let options: Vec<(ItemId, String)> = options.collect();
    let missing = value.filter(|v| !options.iter().any(|(k, _)| k == v));
    let change = Callback::from(move |e: Event| {
        onchange.emit(ItemId::parse(&target_value(&e)));
        // A refused choice (a reporting loop) changes nothing, so nothing
        // redraws the select: once the redraw is done, it shows the value
        // the plan holds (`data-value`), the new one or, if refused, the old.
        if let Some(select) = e
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlSelectElement>(t).ok())
        {
            gloo::timers::callback::Timeout::new(0, move || {
                if let Some(held) = select.get_attribute("data-value") {
                    select.set_value(&held);
                }
            })
            .forget();
        }
    });
    let held = value.map(|v| v.to_string()).unwrap_or_default();
    html! {
        <div class="field">
            <label for={id.clone()}>{ label.to_owned() }</label>
            <select {id} onchange={change} data-value={held}>
                <option value="" selected={value.is_none()}>{ blank.to_owned() }</option>
                if let Some(m) = missing {
                    <option value={m.to_string()} selected=true>{ gone.to_owned() }</option>
                }
                { for options.into_iter().map(|(k, name)| html! {
                    <option value={k.to_string()} selected={value == Some(k)}>{ name }</option>
                }) }
            </select>
        </div>
    }
}

fn positions_card(ui: &Ui) -> Html {
    let (app, handle, plan) = (&ui.app, &ui.handle, &ui.plan);
    let team = &plan.team;
    let add = {
        let (handle, name, error, focus) = (
            handle.clone(),
            ui.new_position.clone(),
            ui.name_error.clone(),
            ui.focus.clone(),
        );
        let pager = ui.pager.clone();
        let count = team.positions.len();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = name.trim().to_owned();
            if text.is_empty() {
                error.set(true);
                focus.request("new-position".into());
                return;
            }
            error.set(false);
            let id = BrowserIds.item_id();
            handle.edit(TeamEdit::PutPosition(Position::new(id, &text)));
            name.set(String::new());
            pager.show_at_least(count + 1);
            focus.request(format!("position-{id}-holder"));
        })
    };
    let typing = {
        let name = ui.new_position.clone();
        Callback::from(move |e: InputEvent| name.set(target_value(&e)))
    };
    let total = team.positions.len();
    let shown = ui.pager.shown(total);
    let items = team.positions.iter().take(shown).map(|p| position_item(ui, p));
    html! {
        <section class="card" aria-labelledby="positions-title">
            <h3 id="positions-title">{ app.text(&Text::new(Key::TeamPositionsTitle).with("count", total)) }</h3>
            <p class="muted">{ app.t(Key::TeamPositionsIntro) }</p>
            <form class="form-row" onsubmit={add}>
                <div class="field">
                    <label for="new-position">{ app.t(Key::TeamNewPosition) }</label>
                    <input id="new-position" type="text" value={(*ui.new_position).clone()} oninput={typing}
                        aria-invalid={ui.name_error.then_some("true")}
                        aria-describedby={ui.name_error.then_some("new-position-error")} />
                    if *ui.name_error {
                        <p class="field-error" id="new-position-error">{ app.t(Key::ErrorNameRequired) }</p>
                    }
                </div>
                <button type="submit" class="btn btn-primary">{ app.t(Key::TeamAddPosition) }</button>
            </form>
            if team.positions.is_empty() {
                <p class="empty-note">{ app.t(Key::TeamPositionsEmpty) }</p>
            }
            <ul class="plain-list position-list">{ for items }</ul>
            { ui.pager.view_if_long(app, total) }
        </section>
    }
}

fn position_item(ui: &Ui, p: &Position) -> Html {
    let (app, handle, plan) = (&ui.app, &ui.handle, &ui.plan);
    let team = &plan.team;
    let id = p.id;
    let put = |change: fn(&mut Position, Option<ItemId>)| {
        let (handle, p) = (handle.clone(), p.clone());
        Callback::from(move |v: Option<ItemId>| {
            let mut next = p.clone();
            change(&mut next, v);
            handle.edit(TeamEdit::PutPosition(next));
        })
    };
    let delete = {
        let handle = handle.clone();
        Callback::from(move |_| handle.remove(Removal::Team(vec![id])))
    };
    let gone = app.t(Key::StratGoneItem);
    let groups = team.groups.iter().map(|g| (g.id, g.name.clone()));
    let bosses = team
        .positions
        .iter()
        .filter(|x| x.id != id)
        .map(|x| (x.id, x.title.clone()));
    let phases = plan.implementation.phases.iter().map(|x| (x.id, x.name.clone()));
    html! {
        <li class={classes!("situation-item", "position-item", p.is_vacant().then_some("is-vacant"))} id={format!("position-{id}")}>
            <div class="field-row">
                { text_field(handle, format!("position-{id}-title"), app.t(Key::TeamTitleField), TeamText::Title(id), &p.title, false) }
                { text_field(handle, format!("position-{id}-holder"), app.t(Key::TeamHolder), TeamText::Holder(id), &p.holder, false) }
                if p.is_vacant() { <span class="tag tag-warn">{ app.t(Key::TeamVacant) }</span> }
            </div>
            <div class="field-row">
                { id_select(format!("position-{id}-group"), app.t(Key::TeamGroup), app.t(Key::TeamNoGroup), gone, p.group, groups, put(|p, v| p.group = v)) }
                { id_select(format!("position-{id}-reports"), app.t(Key::TeamReportsTo), app.t(Key::TeamReportsNone), gone, p.reports_to, bosses, put(|p, v| p.reports_to = v)) }
                if p.is_vacant() {
                    { id_select(format!("position-{id}-hire"), app.t(Key::TeamHireBy), app.t(Key::TeamHireUnscheduled), gone, p.hire_by, phases, put(|p, v| p.hire_by = v)) }
                }
            </div>
            { text_field(handle, format!("position-{id}-duties"), app.t(Key::TeamDuties), TeamText::Duties(id), &p.duties, true) }
            <div class="item-actions">{ delete_button(app, &p.title, delete) }</div>
        </li>
    }
}

fn hiring_card(ui: &Ui) -> Html {
    let (app, plan) = (&ui.app, &ui.plan);
    let team = &plan.team;
    let plan_rows = hiring_plan(team, &plan.implementation.phases);
    let groups = plan_rows.iter().map(|(when, list)| {
        let names = list
            .iter()
            .filter_map(|id| team.position(*id))
            .map(|p| html! { <li>{ p.title.clone() }</li> });
        html! {
            <li>
                <h4>{ app.text(&hire_by(plan, *when)) }{ format!(" ({})", list.len()) }</h4>
                <ul class="plain-list">{ for names }</ul>
            </li>
        }
    });
    html! {
        <section class="card" aria-labelledby="hiring-title">
            <h3 id="hiring-title">{ app.t(Key::TeamHiringTitle) }</h3>
            if plan_rows.is_empty() {
                <p class="empty-note">{ app.t(Key::TeamHiringEmpty) }</p>
            } else {
                <ul class="plain-list hiring-plan">{ for groups }</ul>
            }
        </section>
    }
}
