//! Incentives tied to KPIs ("when KPI X reaches Y, then Z"), judged on the
//! KPI's latest check-in; and joint projects with Sales whose shared cost
//! follows each department's results, beside the budget lines it covers.

use super::positions::id_select;
use super::{text_field, Ui};
use crate::app::budget::money;
use crate::app::team::{incentive_state, reaches_key};
use crate::domain::core::ids::{IdSource, ItemId};
use crate::domain::core::money::Money;
use crate::domain::core::value::Value;
use crate::domain::plan::Removal;
use crate::domain::team::edit::{TeamEdit, TeamText};
use crate::domain::team::{Incentive, JointProject, Party};
use crate::i18n::{Key, Text};
use crate::ui::shell::context::Tr;
use crate::ui::shell::platform::BrowserIds;
use crate::ui::strategy::delete_button;
use crate::ui::widgets::amount_input::{MoneyInput, NumberKind, OptionalNumber};
use crate::ui::widgets::dom::target_value;
use crate::ui::widgets::draft_input::DraftInput;
use yew::prelude::*;

pub fn incentives_view(ui: &Ui) -> Html {
    html! {
        <div class="team-incentives">
            { incentives_card(ui) }
            { joint_card(ui) }
        </div>
    }
}

fn kpis(ui: &Ui) -> impl Iterator<Item = (ItemId, String)> + '_ {
    ui.plan
        .goals
        .iter()
        .flat_map(|g| g.kpis.iter().map(move |k| (k.id, format!("{} · {}", k.name, g.title))))
}

fn incentives_card(ui: &Ui) -> Html {
    let (app, handle, plan) = (&ui.app, &ui.handle, &ui.plan);
    let team = &plan.team;
    let add = {
        let (handle, focus) = (handle.clone(), ui.focus.clone());
        let first = plan
            .goals
            .iter()
            .flat_map(|g| g.kpis.iter())
            .next()
            .map(|k| (k.id, k.target));
        Callback::from(move |_| {
            let id = BrowserIds.item_id();
            handle.edit(TeamEdit::PutIncentive(Incentive {
                id,
                kpi: first.map(|f| f.0),
                threshold: first.map_or(Value::from_units(0), |f| f.1),
                reward: String::new(),
            }));
            focus.request(format!("incentive-{id}-reward"));
        })
    };
    let items = team.incentives.iter().map(|rule| {
        let id = rule.id;
        let kpi = {
            let (handle, rule) = (handle.clone(), rule.clone());
            Callback::from(move |k: Option<ItemId>| handle.edit(TeamEdit::PutIncentive(Incentive { kpi: k, ..rule.clone() })))
        };
        let threshold = {
            let (handle, rule) = (handle.clone(), rule.clone());
            Callback::from(move |v: Option<i64>| {
                if let Some(v) = v {
                    handle.edit(TeamEdit::PutIncentive(Incentive {
                        threshold: Value::from_thousandths(v),
                        ..rule.clone()
                    }))
                }
            })
        };
        let delete = {
            let handle = handle.clone();
            Callback::from(move |_| handle.remove(Removal::Team(vec![id])))
        };
        let (state, met) = incentive_state(app.lang, plan, rule, app.today);
        html! {
            <li class={classes!("situation-item", "incentive-item", met.then_some("is-met"))} id={format!("incentive-{id}")}>
                <div class="field-row">
                    { id_select(format!("incentive-{id}-kpi"), app.t(Key::TeamIncentiveKpi), app.t(Key::TeamIncentiveNoKpi), app.t(Key::StratGoneItem), rule.kpi, kpis(ui), kpi) }
                    <div class="field">
                        <label for={format!("incentive-{id}-threshold")}>{ app.t(reaches_key(plan, rule.kpi)) }</label>
                        <OptionalNumber id={format!("incentive-{id}-threshold")} kind={NumberKind::Decimal} value={Some(rule.threshold.thousandths())} onchange={threshold} />
                    </div>
                </div>
                { text_field(handle, format!("incentive-{id}-reward"), app.t(Key::TeamIncentiveThen), TeamText::Reward(id), &rule.reward, false) }
                <p class={classes!("result-text", met.then_some("is-good"))} role="status">
                    if met { <span class="tag tag-ok">{ app.t(Key::TeamIncentiveMetTag) }</span>{ " " } }
                    { app.text(&state) }
                </p>
                <div class="item-actions">{ delete_button(app, app.t(Key::TeamIncentiveRule), delete) }</div>
            </li>
        }
    });
    html! {
        <section class="card" aria-labelledby="incentives-title">
            <div class="section-head">
                <h3 id="incentives-title">{ app.t(Key::TeamIncentivesTitle) }</h3>
                <button type="button" class="btn" onclick={add}>{ app.t(Key::TeamAddIncentive) }</button>
            </div>
            <p class="muted">{ app.t(Key::TeamIncentivesIntro) }</p>
            if team.incentives.is_empty() {
                <p class="empty-note">{ app.t(Key::TeamIncentivesEmpty) }</p>
            }
            <ul class="plain-list">{ for items }</ul>
        </section>
    }
}

fn joint_card(ui: &Ui) -> Html {
    let (app, handle, plan) = (&ui.app, &ui.handle, &ui.plan);
    let team = &plan.team;
    let add = {
        let (handle, focus) = (handle.clone(), ui.focus.clone());
        let (name, ours, sales) = (
            app.t(Key::TeamJointNew).to_owned(),
            app.t(Key::TeamJointMarketing).to_owned(),
            app.t(Key::TeamJointSales).to_owned(),
        );
        Callback::from(move |_| {
            let id = BrowserIds.item_id();
            let party = |name: &str| Party {
                name: name.to_owned(),
                result: Value::from_units(0),
            };
            handle.edit(TeamEdit::PutJoint(JointProject {
                id,
                name: name.clone(),
                cost: Money::ZERO,
                lines: Vec::new(),
                parties: vec![party(&ours), party(&sales)],
            }));
            focus.request(format!("joint-{id}-name"));
        })
    };
    let items = team.joint.iter().map(|j| joint_item(ui, j));
    html! {
        <section class="card" aria-labelledby="joint-title">
            <div class="section-head">
                <h3 id="joint-title">{ app.t(Key::TeamJointTitle) }</h3>
                <button type="button" class="btn" onclick={add}>{ app.t(Key::TeamAddJoint) }</button>
            </div>
            <p class="muted">{ app.t(Key::TeamJointIntro) }</p>
            if team.joint.is_empty() {
                <p class="empty-note">{ app.t(Key::TeamJointEmpty) }</p>
            }
            <ul class="plain-list">{ for items }</ul>
        </section>
    }
}

fn joint_item(ui: &Ui, j: &JointProject) -> Html {
    let (app, handle, plan) = (&ui.app, &ui.handle, &ui.plan);
    let id = j.id;
    let cost = {
        let (handle, j) = (handle.clone(), j.clone());
        Callback::from(move |m: Money| handle.edit(TeamEdit::PutJoint(JointProject { cost: m, ..j.clone() })))
    };
    let delete = {
        let handle = handle.clone();
        Callback::from(move |_| handle.remove(Removal::Team(vec![id])))
    };
    let add_line = {
        let (handle, j) = (handle.clone(), j.clone());
        Callback::from(move |e: Event| {
            if let Some(line) = ItemId::parse(&target_value(&e)) {
                let mut next = j.clone();
                if !next.lines.contains(&line) {
                    next.lines.push(line);
                }
                handle.edit(TeamEdit::PutJoint(next));
            }
        })
    };
    let split = j.split();
    let parties = j.parties.iter().enumerate().map(|(at, party)| {
        let name = {
            let (handle, j) = (handle.clone(), j.clone());
            Callback::from(move |text: String| {
                let mut next = j.clone();
                if let Some(p) = next.parties.get_mut(at) {
                    p.name = text;
                }
                handle.edit(TeamEdit::PutJoint(next));
            })
        };
        let result = {
            let (handle, j) = (handle.clone(), j.clone());
            Callback::from(move |v: Option<i64>| {
                let mut next = j.clone();
                if let Some(p) = next.parties.get_mut(at) {
                    p.result = Value::from_thousandths(v.unwrap_or(0));
                }
                handle.edit(TeamEdit::PutJoint(next));
            })
        };
        let share = split.get(at).copied().unwrap_or(Money::ZERO);
        html! {
            <tr>
                <td><DraftInput id={format!("joint-{id}-party-{at}")} label={app.t(Key::TeamJointParty)} value={AttrValue::from(party.name.clone())} onchange={name} /></td>
                <td><OptionalNumber id={format!("joint-{id}-result-{at}")} label={app.t(Key::TeamJointResult)} kind={NumberKind::Decimal} value={Some(party.result.thousandths())} onchange={result} /></td>
                <td class="num joint-share">{ money(app.lang, plan, share) }</td>
            </tr>
        }
    });
    let lines = j.lines.iter().map(|l| {
        let text = match plan.budget.line(*l) {
            Some(line) => {
                let planned = money(app.lang, plan, line.amount);
                app.text(
                    &Text::new(Key::TeamJointLine)
                        .with("name", &line.name)
                        .with("planned", planned),
                )
            }
            None => app.t(Key::StratGoneItem).to_owned(),
        };
        let unlink = {
            let (handle, j, l) = (handle.clone(), j.clone(), *l);
            Callback::from(move |_: MouseEvent| {
                let mut next = j.clone();
                next.lines.retain(|x| *x != l);
                handle.edit(TeamEdit::PutJoint(next));
            })
        };
        html! {
            <li class="link-chip">
                <span>{ text.clone() }</span>
                <button type="button" class="btn-icon btn-quiet" onclick={unlink}
                    aria-label={app.text(&Text::new(Key::StratUnlink).with("name", text))}>{ "✕" }</button>
            </li>
        }
    });
    html! {
        <li class="situation-item joint-item" id={format!("joint-{id}")}>
            <div class="field-row">
                { text_field(handle, format!("joint-{id}-name"), app.t(Key::TeamJointName), TeamText::JointName(id), &j.name, false) }
                <div class="field">
                    <label for={format!("joint-{id}-cost")}>{ app.t(Key::TeamJointCost) }</label>
                    <MoneyInput id={format!("joint-{id}-cost")} value={j.cost} onchange={cost} />
                </div>
            </div>
            <table class="data-table joint-table">
                <thead><tr>
                    <th scope="col">{ app.t(Key::TeamJointParty) }</th>
                    <th scope="col">{ app.t(Key::TeamJointResult) }</th>
                    <th scope="col" class="num">{ app.t(Key::TeamJointShare) }</th>
                </tr></thead>
                <tbody>{ for parties }</tbody>
            </table>
            <div class="link-group">
                <h4 id={format!("joint-{id}-lines")}>{ app.t(Key::TeamJointLines) }</h4>
                <ul class="link-chips" aria-labelledby={format!("joint-{id}-lines")}>{ for lines }</ul>
                if !plan.budget.lines.is_empty() {
                    <select aria-label={app.t(Key::StratLinkLine)} onchange={add_line}>
                        <option value="" selected=true>{ app.t(Key::StratLinkLine) }</option>
                        { for plan.budget.lines.iter().filter(|l| !j.lines.contains(&l.id)).map(|l| html! {
                            <option value={l.id.to_string()}>{ l.name.clone() }</option>
                        }) }
                    </select>
                }
            </div>
            <div class="item-actions">{ delete_button(app, &j.name, delete) }</div>
        </li>
    }
}
