//! SWOT and the TOWS matrix drawn from it. A SWOT item that a strategy
//! pairs is not deleted without asking, and Undo brings back the item and
//! its links together.

use super::{choice, goal_checks, score_select, text_field};
use crate::app::labels::Labelled;
use crate::app::situation::link_flag_text;
use crate::domain::core::ids::{IdSource, ItemId};
use crate::domain::plan::Removal;
use crate::domain::situation::edit::{SituationEdit, TextTarget};
use crate::domain::situation::{Score, SwotItem, SwotKind, TowsKind, TowsStrategy};
use crate::i18n::{Key, Text};
use crate::ui::shell::context::{AppHandle, PlanHandle, PlanRef, Tr};
use crate::ui::shell::platform::BrowserIds;
use yew::prelude::*;

pub fn swot_view(ui: &super::Ui) -> Html {
    let focus = ui.focus.clone();
    let confirming = ui.confirming.clone();
    let (app, handle) = (&ui.app, &ui.handle);
    let plan = &ui.plan;
    let s = &plan.situation;
    let quadrant = |kind: SwotKind| {
        let add = {
            let (handle, focus) = (handle.clone(), focus.clone());
            Callback::from(move |_| {
                let id = BrowserIds.item_id();
                handle.edit(SituationEdit::PutSwot(SwotItem {
                    id,
                    kind,
                    text: String::new(),
                    weight: Score::MID,
                    from_pestel: None,
                }));
                focus.request(format!("swot-{id}-text"));
            })
        };
        let items: Vec<&SwotItem> = s.swot.iter().filter(|i| i.kind == kind).collect();
        html! {
            <section class={classes!("card", "swot-quadrant", format!("swot-{}", kind.code()))}
                aria-labelledby={format!("swot-{}", kind.code())}>
                <div class="section-head">
                    <h3 id={format!("swot-{}", kind.code())}>{ app.t(kind.label()) }</h3>
                    <button type="button" class="btn" onclick={add}
                        aria-label={format!("{}: {}", app.t(Key::SitSwotAdd), app.t(kind.label()))}>{ app.t(Key::SitSwotAdd) }</button>
                </div>
                if items.is_empty() {
                    <p class="empty-note">{ app.t(Key::SitSwotEmpty) }</p>
                }
                <ul class="plain-list">{ for items.into_iter().map(|item| swot_item(app, handle, plan, item, &confirming)) }</ul>
            </section>
        }
    };
    let add_tows = {
        let (handle, focus) = (handle.clone(), focus.clone());
        Callback::from(move |_| {
            let id = BrowserIds.item_id();
            handle.edit(SituationEdit::PutTows(TowsStrategy {
                id,
                kind: TowsKind::So,
                action: String::new(),
                swot: Vec::new(),
                goals: Vec::new(),
            }));
            focus.request(format!("tows-{id}-action"));
        })
    };
    html! {
        <div class="situation-swot">
            <h3 class="visually-hidden">{ app.t(Key::SitSwotTitle) }</h3>
            <div class="swot-grid">{ for SwotKind::ALL.into_iter().map(quadrant) }</div>
            <section class="card" aria-labelledby="tows-title">
                <div class="section-head">
                    <h3 id="tows-title">{ app.t(Key::SitTowsTitle) }</h3>
                    <button type="button" class="btn btn-primary" onclick={add_tows}>{ app.t(Key::SitTowsAdd) }</button>
                </div>
                if s.tows.is_empty() {
                    <p class="empty-note">{ app.t(Key::SitTowsEmpty) }</p>
                }
                <ul class="plain-list">{ for s.tows.iter().map(|t| tows_item(app, handle, plan, t)) }</ul>
            </section>
        </div>
    }
}

fn swot_item(
    app: &AppHandle,
    handle: &PlanHandle,
    plan: &PlanRef,
    item: &SwotItem,
    confirming: &UseStateHandle<Option<ItemId>>,
) -> Html {
    let s = &plan.situation;
    let id = item.id;
    let used = s.used_by(id).len();
    let weight = {
        let (handle, item) = (handle.clone(), item.clone());
        Callback::from(move |w: Option<Score>| {
            handle.edit(SituationEdit::PutSwot(SwotItem {
                weight: w.unwrap_or_default(),
                ..item.clone()
            }))
        })
    };
    let remove = {
        let handle = handle.clone();
        let confirming = confirming.clone();
        Callback::from(move |_| {
            confirming.set(None);
            handle.remove(Removal::Situation(vec![id]));
        })
    };
    let ask = {
        let confirming = confirming.clone();
        Callback::from(move |_| confirming.set(Some(id)))
    };
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_| confirming.set(None))
    };
    let origin = item.from_pestel.map(|p| s.pestel_item(p).map(|p| p.finding.clone()));
    html! {
        <li class="situation-item">
            { text_field(handle, format!("swot-{id}-text"), app.t(Key::SitSwotText), TextTarget::Swot(id), &item.text, true) }
            <div class="field-row">
                <div class="field">
                    <label for={format!("swot-{id}-weight")}>{ app.t(Key::SitWeight) }</label>
                    { score_select(format!("swot-{id}-weight"), Some(item.weight), false, None, weight) }
                </div>
                <div class="item-actions">
                    if used > 0 {
                        <span class="tag">{ app.text(&Text::new(Key::SitSwotUsed).with("count", used)) }</span>
                    }
                    <button type="button" class="btn btn-quiet" onclick={if used > 0 { ask } else { remove.clone() }}
                        aria-label={format!("{}: {}", app.t(Key::SitDelete), item.text)}>{ app.t(Key::SitDelete) }</button>
                </div>
            </div>
            { match origin {
                Some(Some(finding)) => html! { <p class="muted">{ app.text(&Text::new(Key::SitSwotFrom).with("finding", finding)) }</p> },
                Some(None) => html! { <p class="flag-text">{ app.t(Key::SitSwotFromGone) }</p> },
                None => html! {},
            } }
            if **confirming == Some(id) {
                <div class="confirm" role="alertdialog" aria-labelledby={format!("swot-{id}-confirm")}>
                    <p id={format!("swot-{id}-confirm")}>
                        { app.text(&Text::new(Key::SitConfirmUsed).with("text", &item.text).with("count", used)) }
                    </p>
                    <button type="button" class="btn btn-danger" onclick={remove}>{ app.t(Key::SitDelete) }</button>
                    <button type="button" class="btn" onclick={cancel}>{ app.t(Key::FormCancel) }</button>
                </div>
            }
        </li>
    }
}

fn tows_item(app: &AppHandle, handle: &PlanHandle, plan: &PlanRef, t: &TowsStrategy) -> Html {
    let s = &plan.situation;
    let id = t.id;
    let kind = {
        let (handle, t) = (handle.clone(), t.clone());
        Callback::from(move |k: Option<TowsKind>| {
            if let Some(kind) = k {
                handle.edit(SituationEdit::PutTows(TowsStrategy { kind, ..t.clone() }))
            }
        })
    };
    let goals = {
        let (handle, t) = (handle.clone(), t.clone());
        Callback::from(move |goals: Vec<ItemId>| {
            handle.edit(SituationEdit::PutTows(TowsStrategy { goals, ..t.clone() }))
        })
    };
    let delete = {
        let handle = handle.clone();
        Callback::from(move |_| handle.remove(Removal::Situation(vec![id])))
    };
    let (internal, external) = t.kind.pairs();
    let pair_box = |item: &SwotItem| {
        let checked = t.swot.contains(&item.id);
        let sid = item.id;
        let (handle, t) = (handle.clone(), t.clone());
        let toggle = Callback::from(move |_: Event| {
            let mut swot = t.swot.clone();
            if checked {
                swot.retain(|x| *x != sid);
            } else {
                swot.push(sid);
            }
            handle.edit(SituationEdit::PutTows(TowsStrategy { swot, ..t.clone() }));
        });
        let box_id = format!("tows-{id}-{sid}");
        html! {
            <li>
                <input type="checkbox" id={box_id.clone()} {checked} onchange={toggle} />
                <label for={box_id}>{ item.text.clone() }</label>
            </li>
        }
    };
    let group = |kind: SwotKind| {
        html! {
            <fieldset class="pair-group">
                <legend>{ app.t(kind.label()) }</legend>
                <ul class="check-list">{ for s.swot.iter().filter(|i| i.kind == kind).map(pair_box) }</ul>
            </fieldset>
        }
    };
    let flags = s.tows_flags(t, |g| plan.goal(g).is_some());
    // Chapter 4's strategies that name this TOWS strategy as their origin.
    let carried: Vec<&str> = plan
        .strategies
        .strategies
        .iter()
        .filter(|x| x.tows == Some(id))
        .map(|x| x.title.as_str())
        .collect();
    html! {
        <li class="situation-item tows-item" id={format!("tows-{id}")}>
            <div class="field">
                <label for={format!("tows-{id}-kind")}>{ app.t(Key::SitTowsKind) }</label>
                { choice(app, format!("tows-{id}-kind"), Some(t.kind), None, None, kind) }
            </div>
            { text_field(handle, format!("tows-{id}-action"), app.t(Key::SitTowsAction), TextTarget::TowsAction(id), &t.action, true) }
            <div class="pair-groups" role="group" aria-label={app.t(Key::SitTowsPairs)}>
                { group(internal) }
                { group(external) }
            </div>
            <fieldset class="pair-group">
                <legend>{ app.t(Key::SitTowsGoals) }</legend>
                { goal_checks(plan, &format!("tows-{id}-goal"), &t.goals, goals) }
            </fieldset>
            { for flags.into_iter().map(|f| html! { <p class="flag-text" role="note">{ app.text(&link_flag_text(s, f)) }</p> }) }
            if !carried.is_empty() {
                <p class="muted">{ app.text(&Text::new(Key::StratCarriedBy).with("titles", carried.join("; "))) }</p>
            }
            <div class="item-actions">
                <button type="button" class="btn btn-quiet" onclick={delete}
                    aria-label={format!("{}: {}", app.t(Key::SitDelete), t.action)}>{ app.t(Key::SitDelete) }</button>
            </div>
        </li>
    }
}
