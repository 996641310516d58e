//! The communication plan: content themes in formats on chapter 5's
//! channels (their cadence is linked, not copied), the KOL shortlist
//! checked against the plan's criteria, and community groups against
//! their targets.

use super::{delete_button, text_field, Ui};
use crate::app::route::{ImplView, Section};
use crate::app::strategy::{cadence_text, kol_failure_text};
use crate::app::Route;
use crate::domain::core::ids::{IdSource, ItemId};
use crate::domain::core::rate::Rate;
use crate::domain::plan::Removal;
use crate::domain::strategy::channels::{CommunityTargets, Format, KolFigure, Theme};
use crate::domain::strategy::edit::{StrategyEdit, TextTarget};
use crate::domain::strategy::{Group, Kol, KolCriteria};
use crate::i18n::{Key, Text};
use crate::ui::shell::context::{navigate, Tr};
use crate::ui::shell::platform::BrowserIds;
use crate::ui::situation::{choice, name_form};
use crate::ui::widgets::amount_input::{NumberKind, OptionalNumber, PercentInput, WholeInput};
use crate::ui::widgets::dom::target_value;
use yew::prelude::*;

pub fn communication_view(ui: &Ui) -> Html {
    html! {
        <div class="strategy-communication">
            { themes(ui) }
            { kols(ui) }
            { groups(ui) }
        </div>
    }
}

fn themes(ui: &Ui) -> Html {
    let (app, handle, plan) = (&ui.app, &ui.handle, &ui.plan);
    let cadences = &plan.implementation.content;
    let add = {
        let (handle, focus, name) = (handle.clone(), ui.focus.clone(), app.t(Key::StratNewTheme).to_owned());
        Callback::from(move |_| {
            let id = BrowserIds.item_id();
            handle.edit(StrategyEdit::PutTheme(Theme {
                id,
                theme: name.clone(),
                format: Format::Article,
                cadence: None,
            }));
            focus.request(format!("theme-{id}-text"));
        })
    };
    let row = |t: &Theme| {
        let id = t.id;
        let format = {
            let (handle, t) = (handle.clone(), t.clone());
            Callback::from(move |f: Option<Format>| {
                if let Some(format) = f {
                    handle.edit(StrategyEdit::PutTheme(Theme { format, ..t.clone() }));
                }
            })
        };
        let cadence = {
            let (handle, t) = (handle.clone(), t.clone());
            Callback::from(move |e: Event| {
                let cadence = ItemId::parse(&target_value(&e));
                handle.edit(StrategyEdit::PutTheme(Theme { cadence, ..t.clone() }));
            })
        };
        let delete = {
            let handle = handle.clone();
            Callback::from(move |_| handle.remove(Removal::Strategies(vec![id])))
        };
        let gone = t.cadence.is_some_and(|c| !cadences.iter().any(|x| x.id == c));
        html! {
            <li class="situation-item theme-row">
                <div class="field-row">
                    { text_field(handle, format!("theme-{id}-text"), app.t(Key::StratTheme), TextTarget::Theme(id), &t.theme, false) }
                    <div class="field">
                        <label for={format!("theme-{id}-format")}>{ app.t(Key::StratFormat) }</label>
                        { choice(app, format!("theme-{id}-format"), Some(t.format), None, None, format) }
                    </div>
                    <div class="field">
                        <label for={format!("theme-{id}-cadence")}>{ app.t(Key::StratCadence) }</label>
                        <select id={format!("theme-{id}-cadence")} onchange={cadence}>
                            <option value="" selected={t.cadence.is_none()}>{ app.t(Key::StratCadenceNone) }</option>
                            if gone {
                                <option value={t.cadence.map(|c| c.to_string()).unwrap_or_default()} selected=true>{ app.t(Key::StratGoneItem) }</option>
                            }
                            { for cadences.iter().map(|c| html! {
                                <option value={c.id.to_string()} selected={t.cadence == Some(c.id)}>{ app.text(&cadence_text(c)) }</option>
                            }) }
                        </select>
                    </div>
                    <div class="item-actions">{ delete_button(app, &t.theme, delete) }</div>
                </div>
                if gone { <p class="flag-text" role="note">{ app.t(Key::StratCadenceGone) }</p> }
            </li>
        }
    };
    let calendar = Route::Plan(plan.id, Section::Implementation(ImplView::Calendar));
    html! {
        <section class="card" aria-labelledby="themes-title">
            <div class="section-head">
                <h3 id="themes-title">{ app.t(Key::StratThemesTitle) }</h3>
                <button type="button" class="btn btn-primary" onclick={add}>{ app.t(Key::StratThemeAdd) }</button>
            </div>
            <p class="muted">
                { app.t(Key::StratCadenceWhere) }{ " " }
                <a href={calendar.to_hash()} onclick={navigate(app, calendar)}>{ app.t(Key::StratCadenceOpen) }</a>
            </p>
            if plan.strategies.themes.is_empty() {
                <p class="empty-note">{ app.t(Key::StratThemesEmpty) }</p>
            }
            <ul class="plain-list">{ for plan.strategies.themes.iter().map(row) }</ul>
        </section>
    }
}

fn kols(ui: &Ui) -> Html {
    let (app, handle, plan) = (&ui.app, &ui.handle, &ui.plan);
    let criteria = plan.strategies.kol_criteria;
    let add = {
        let handle = handle.clone();
        Callback::from(move |name: String| {
            handle.edit(StrategyEdit::PutKol(Kol {
                id: BrowserIds.item_id(),
                name,
                platform: String::new(),
                follower_match: None,
                engagement: None,
                commission: None,
            }))
        })
    };
    let figure = |k: &Kol, f: KolFigure| {
        let (handle, k) = (handle.clone(), k.clone());
        Callback::from(move |v: Option<i64>| handle.edit(StrategyEdit::PutKol(k.clone().with_figure(f, v.map(Rate)))))
    };
    let row = |k: &Kol| {
        let id = k.id;
        let failures = k.failures(&criteria);
        let delete = {
            let handle = handle.clone();
            Callback::from(move |_| handle.remove(Removal::Strategies(vec![id])))
        };
        let number = |f: KolFigure, key: Key, code: &str| {
            let fid = format!("kol-{id}-{code}");
            html! {
                <div class="field">
                    <label for={fid.clone()}>{ app.t(key) }</label>
                    <OptionalNumber id={fid} kind={NumberKind::Share} value={k.figure(f).map(|r| r.0)} onchange={figure(k, f)} />
                </div>
            }
        };
        html! {
            <li class={classes!("situation-item", "kol-row", (!failures.is_empty()).then_some("has-flags"))}>
                <div class="field-row">
                    { text_field(handle, format!("kol-{id}-name"), app.t(Key::StratKolName), TextTarget::KolName(id), &k.name, false) }
                    { text_field(handle, format!("kol-{id}-platform"), app.t(Key::StratPlatform), TextTarget::KolPlatform(id), &k.platform, false) }
                    { number(KolFigure::Match, Key::StratMatch, "match") }
                    { number(KolFigure::Engagement, Key::StratEngagement, "engagement") }
                    { number(KolFigure::Commission, Key::StratCommission, "commission") }
                    <div class="item-actions">{ delete_button(app, &k.name, delete) }</div>
                </div>
                <p class={if failures.is_empty() { "ok-text" } else { "flag-text" }} id={format!("kol-{id}-check")}>
                    <strong>{ app.t(Key::StratKolResult) }{ ": " }</strong>
                    if failures.is_empty() {
                        { app.t(Key::StratKolOk) }
                    } else {
                        { failures.iter().map(|f| app.text(&kol_failure_text(&criteria, *f))).collect::<Vec<_>>().join("; ") }
                    }
                </p>
            </li>
        }
    };
    let set = |change: fn(&mut KolCriteria, Rate)| {
        let handle = handle.clone();
        Callback::from(move |r: Rate| {
            let mut next = criteria;
            change(&mut next, r);
            handle.edit(StrategyEdit::KolCriteria(next));
        })
    };
    html! {
        <section class="card" aria-labelledby="kols-title">
            <h3 id="kols-title">{ app.t(Key::StratKolsTitle) }</h3>
            <fieldset class="pair-group">
                <legend>{ app.t(Key::StratCriteria) }</legend>
                <div class="field-row">
                    <div class="field">
                        <label for="crit-match">{ app.t(Key::StratCritMatch) }</label>
                        <PercentInput id="crit-match" value={criteria.min_match} onchange={set(|c, r| c.min_match = r)} />
                    </div>
                    <div class="field">
                        <label for="crit-engagement">{ app.t(Key::StratCritEng) }</label>
                        <PercentInput id="crit-engagement" value={criteria.min_engagement} onchange={set(|c, r| c.min_engagement = r)} />
                    </div>
                    <div class="field">
                        <label for="crit-comm-min">{ app.t(Key::StratCritCommMin) }</label>
                        <PercentInput id="crit-comm-min" value={criteria.min_commission} onchange={set(|c, r| c.min_commission = r)} />
                    </div>
                    <div class="field">
                        <label for="crit-comm-max">{ app.t(Key::StratCritCommMax) }</label>
                        <PercentInput id="crit-comm-max" value={criteria.max_commission} onchange={set(|c, r| c.max_commission = r)} />
                    </div>
                </div>
            </fieldset>
            if plan.strategies.kols.is_empty() {
                <p class="empty-note">{ app.t(Key::StratKolsEmpty) }</p>
            }
            <ul class="plain-list">{ for plan.strategies.kols.iter().map(row) }</ul>
            { name_form(app, "kol-name", Key::StratKolName, Key::StratKolAdd, &ui.kol_name, &ui.kol_error, add) }
        </section>
    }
}

fn groups(ui: &Ui) -> Html {
    let (app, handle, plan) = (&ui.app, &ui.handle, &ui.plan);
    let targets = plan.strategies.community;
    let add = {
        let (handle, focus, name) = (handle.clone(), ui.focus.clone(), app.t(Key::StratNewGroup).to_owned());
        Callback::from(move |_| {
            let id = BrowserIds.item_id();
            handle.edit(StrategyEdit::PutGroup(Group {
                id,
                name: name.clone(),
                members: None,
                active: None,
            }));
            focus.request(format!("group-{id}-name"));
        })
    };
    let row = |g: &Group| {
        let id = g.id;
        let count = |set: fn(&mut Group, Option<u32>)| {
            let (handle, g) = (handle.clone(), g.clone());
            Callback::from(move |v: Option<i64>| {
                let mut next = g.clone();
                set(&mut next, v.and_then(|n| u32::try_from(n).ok()));
                handle.edit(StrategyEdit::PutGroup(next));
            })
        };
        let delete = {
            let handle = handle.clone();
            Callback::from(move |_| handle.remove(Removal::Strategies(vec![id])))
        };
        let mut notes: Vec<(bool, String)> = Vec::new();
        if g.below_target(&targets) {
            notes.push((
                true,
                app.text(&Text::new(Key::StratGroupLow).with("target", targets.monthly_activity.percent_text())),
            ));
        }
        if g.over_size(&targets) {
            notes.push((
                true,
                app.text(&Text::new(Key::StratGroupBig).with("size", targets.group_size)),
            ));
        }
        if notes.is_empty() && g.activity().is_some() {
            notes.push((false, app.t(Key::StratGroupOk).to_owned()));
        }
        html! {
            <li class="situation-item group-row">
                <div class="field-row">
                    { text_field(handle, format!("group-{id}-name"), app.t(Key::StratGroupName), TextTarget::GroupName(id), &g.name, false) }
                    <div class="field">
                        <label for={format!("group-{id}-members")}>{ app.t(Key::StratMembers) }</label>
                        <OptionalNumber id={format!("group-{id}-members")} kind={NumberKind::Count} value={g.members.map(i64::from)} onchange={count(|g, v| g.members = v)} />
                    </div>
                    <div class="field">
                        <label for={format!("group-{id}-active")}>{ app.t(Key::StratActive) }</label>
                        <OptionalNumber id={format!("group-{id}-active")} kind={NumberKind::Count} value={g.active.map(i64::from)} onchange={count(|g, v| g.active = v)} />
                    </div>
                    <div class="field">
                        <span class="field-label">{ app.t(Key::StratActivity) }</span>
                        <span class="figure">{ g.activity().map(|r| r.percent_text()).unwrap_or_else(|| "–".into()) }</span>
                    </div>
                    <div class="item-actions">{ delete_button(app, &g.name, delete) }</div>
                </div>
                { for notes.into_iter().map(|(flag, text)| html! { <p class={if flag { "flag-text" } else { "ok-text" }}>{ text }</p> }) }
            </li>
        }
    };
    let size = {
        let handle = handle.clone();
        Callback::from(move |n: u32| {
            handle.edit(StrategyEdit::Community(CommunityTargets {
                group_size: n,
                ..targets
            }))
        })
    };
    let activity = {
        let handle = handle.clone();
        Callback::from(move |r: Rate| {
            handle.edit(StrategyEdit::Community(CommunityTargets {
                monthly_activity: r,
                ..targets
            }))
        })
    };
    html! {
        <section class="card" aria-labelledby="groups-title">
            <div class="section-head">
                <h3 id="groups-title">{ app.t(Key::StratGroupsTitle) }</h3>
                <button type="button" class="btn" onclick={add}>{ app.t(Key::StratGroupAdd) }</button>
            </div>
            <div class="field-row">
                <div class="field">
                    <label for="community-size">{ app.t(Key::StratTargetSize) }</label>
                    <WholeInput id="community-size" value={targets.group_size} min={1} max={100_000} onchange={size} />
                </div>
                <div class="field">
                    <label for="community-activity">{ app.t(Key::StratTargetActivity) }</label>
                    <PercentInput id="community-activity" value={targets.monthly_activity} onchange={activity} />
                </div>
            </div>
            if plan.strategies.groups.is_empty() {
                <p class="empty-note">{ app.t(Key::StratGroupsEmpty) }</p>
            }
            <ul class="plain-list">{ for plan.strategies.groups.iter().map(row) }</ul>
        </section>
    }
}
