//! Incidents and their response clocks: a risk that happened, logged with
//! its start; each step's due time on the wall clock or in working time,
//! the time left or overdue, and the time taken once done.

use super::{text_field, IncidentDraft, Ui};
use crate::app::risk::duration;
use crate::domain::core::calendar::{datetime_text, parse_datetime};
use crate::domain::core::ids::{IdSource, ItemId};
use crate::domain::plan::sample_team::step_key;
use crate::domain::plan::Removal;
use crate::domain::risk::clock::{Clock, Incident, Step, StepState, WorkingHours};
use crate::domain::risk::edit::{RiskEdit, RiskText};
use crate::domain::risk::Category;
use crate::i18n::{format_date, t, Key, Text};
use crate::ui::shell::context::Tr;
use crate::ui::shell::platform::BrowserIds;
use crate::ui::situation::choice;
use crate::ui::strategy::delete_button;
use crate::ui::widgets::amount_input::WholeInput;
use crate::ui::widgets::draft_input::DraftInput;
use crate::ui::widgets::field::edit_draft;
use chrono::NaiveDateTime;
use yew::prelude::*;

fn when(lang: crate::i18n::Lang, at: NaiveDateTime) -> String {
    format!(
        "{} {}",
        format_date(lang, at.date()),
        crate::domain::core::calendar::time_text(at.time())
    )
}

pub fn incidents_view(ui: &Ui) -> Html {
    let (app, plan) = (&ui.app, &ui.plan);
    let r = &plan.risks;
    let mut list: Vec<&Incident> = r.incidents.iter().collect();
    list.reverse();
    html! {
        <div class="risk-incidents">
            { log_form(ui) }
            <section class="card" aria-labelledby="incidents-title">
                <h3 id="incidents-title">{ app.text(&Text::new(Key::RiskIncidentsTitle).with("count", list.len())) }</h3>
                if list.is_empty() {
                    <p class="empty-note">{ app.t(Key::RiskIncidentsEmpty) }</p>
                }
                <ul class="plain-list">{ for list.into_iter().map(|i| incident_item(ui, i)) }</ul>
            </section>
            { hours_card(ui) }
        </div>
    }
}

fn log_form(ui: &Ui) -> Html {
    let (app, handle, plan) = (&ui.app, &ui.handle, &ui.plan);
    let draft = &ui.incident;
    let start_text = if draft.start.is_empty() {
        ui.now.map(datetime_text).unwrap_or_default()
    } else {
        draft.start.clone()
    };
    let submit = {
        let (handle, draft, error, lang) = (handle.clone(), ui.incident.clone(), ui.incident_error.clone(), app.lang);
        let risks: Vec<(ItemId, Category, String)> = plan
            .risks
            .risks
            .iter()
            .map(|r| (r.id, r.category, r.description.clone()))
            .collect();
        let start_text = start_text.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let risk = ItemId::parse(&draft.risk).and_then(|id| risks.iter().find(|(r, _, _)| *r == id));
            let title = match (draft.title.trim(), risk) {
                ("", Some((_, _, d))) => d.clone(),
                (t, _) => t.to_owned(),
            };
            if title.is_empty() {
                error.set(Some(Text::new(Key::ErrorNameRequired)));
                return;
            }
            let Some(started) = parse_datetime(&start_text) else {
                error.set(Some(Text::new(Key::RiskStartInvalid)));
                return;
            };
            error.set(None);
            let category = risk.map_or(Category::Other, |(_, c, _)| *c);
            let incident = Incident::new(
                &mut BrowserIds,
                risk.map(|(id, _, _)| *id),
                category,
                &title,
                started,
                |s| t(lang, step_key(s)).to_owned(),
            );
            handle.edit(RiskEdit::PutIncident(incident));
            draft.set(IncidentDraft::default());
        })
    };
    let risk_change = edit_draft(draft, |d, v| d.risk = v);
    let title_change = edit_draft(draft, |d, v| d.title = v);
    let start_change = {
        let draft = draft.clone();
        Callback::from(move |v: String| {
            let mut next = (*draft).clone();
            next.start = v;
            draft.set(next);
        })
    };
    html! {
        <section class="card" aria-labelledby="log-title">
            <h3 id="log-title">{ app.t(Key::RiskLogTitle) }</h3>
            <p class="muted">{ app.t(Key::RiskLogIntro) }</p>
            <form onsubmit={submit}>
                <div class="field-row">
                    <div class="field">
                        <label for="incident-risk">{ app.t(Key::RiskIncidentRisk) }</label>
                        <select id="incident-risk" onchange={risk_change}>
                            <option value="" selected={draft.risk.is_empty()}>{ app.t(Key::RiskIncidentNoRisk) }</option>
                            { for plan.risks.risks.iter().map(|r| html! {
                                <option value={r.id.to_string()} selected={draft.risk == r.id.to_string()}>{ r.description.clone() }</option>
                            }) }
                        </select>
                    </div>
                    <div class="field field-grow">
                        <label for="incident-title">{ app.t(Key::RiskIncidentTitle) }</label>
                        <input id="incident-title" type="text" value={draft.title.clone()} onchange={title_change} />
                    </div>
                    <div class="field">
                        <label for="incident-start">{ app.t(Key::RiskIncidentStart) }</label>
                        <DraftInput id="incident-start" kind="datetime-local" value={AttrValue::from(start_text)} onchange={start_change} />
                    </div>
                </div>
                if let Some(e) = &*ui.incident_error {
                    <p class="field-error" role="alert">{ app.text(e) }</p>
                }
                <button type="submit" class="btn btn-primary">{ app.t(Key::RiskLog) }</button>
            </form>
        </section>
    }
}

fn incident_item(ui: &Ui, i: &Incident) -> Html {
    let (app, handle, plan) = (&ui.app, &ui.handle, &ui.plan);
    let id = i.id;
    let cal = plan.working_calendar();
    let hours = plan.risks.hours;
    let put = {
        let handle = handle.clone();
        move |next: Incident| handle.edit(RiskEdit::PutIncident(next))
    };
    let started = {
        let (put, i) = (put.clone(), i.clone());
        Callback::from(move |v: String| {
            if let Some(at) = parse_datetime(&v) {
                put(Incident {
                    started: at,
                    ..i.clone()
                });
            }
        })
    };
    let add_step = {
        let (put, i, name) = (put.clone(), i.clone(), app.t(Key::RiskNewStep).to_owned());
        Callback::from(move |_| {
            let mut next = i.clone();
            next.steps.push(Step {
                id: BrowserIds.item_id(),
                name: name.clone(),
                minutes: 60,
                clock: Clock::Working,
                done: None,
            });
            put(next);
        })
    };
    let delete = {
        let handle = handle.clone();
        Callback::from(move |_| handle.remove(Removal::Risks(vec![id])))
    };
    let risk = i.risk.map(|r| match plan.risks.risk(r) {
        Some(x) => x.description.clone(),
        None => app.t(Key::StratGoneItem).to_owned(),
    });
    let steps = i.steps.iter().enumerate().map(|(at, s)| {
        // A done step's state needs no clock; an open one's waits for it.
        let state = match (s.done, ui.now) {
            (Some(_), _) => Some(s.state(i.started, i.started, hours, &cal)),
            (None, now) => now.map(|now| s.state(i.started, now, hours, &cal)),
        };
        let due = s.due(i.started, hours, &cal);
        let set = |f: fn(&mut Step, String)| {
            let (put, i) = (put.clone(), i.clone());
            Callback::from(move |v: String| {
                let mut next = i.clone();
                if let Some(step) = next.steps.get_mut(at) {
                    f(step, v);
                }
                put(next);
            })
        };
        let minutes = {
            let (put, i) = (put.clone(), i.clone());
            Callback::from(move |m: u32| {
                let mut next = i.clone();
                if let Some(step) = next.steps.get_mut(at) {
                    step.minutes = m;
                }
                put(next);
            })
        };
        let clock = {
            let (put, i) = (put.clone(), i.clone());
            Callback::from(move |c: Option<Clock>| {
                let mut next = i.clone();
                if let (Some(step), Some(c)) = (next.steps.get_mut(at), c) {
                    step.clock = c;
                }
                put(next);
            })
        };
        let done_now = {
            let (put, i, now) = (put.clone(), i.clone(), ui.now);
            Callback::from(move |_| {
                let mut next = i.clone();
                if let (Some(step), Some(now)) = (next.steps.get_mut(at), now) {
                    step.done = Some(now.max(next.started));
                }
                put(next);
            })
        };
        let undo_done = {
            let (put, i) = (put.clone(), i.clone());
            Callback::from(move |_| {
                let mut next = i.clone();
                if let Some(step) = next.steps.get_mut(at) {
                    step.done = None;
                }
                put(next);
            })
        };
        let remove = {
            let (put, i) = (put.clone(), i.clone());
            Callback::from(move |_| {
                let mut next = i.clone();
                if at < next.steps.len() {
                    next.steps.remove(at);
                }
                put(next);
            })
        };
        let sid = format!("step-{}", s.id);
        let status = match state {
            Some(StepState::Done { at: done, taken, late, .. }) => {
                let text = Text::new(if late { Key::RiskStepDoneLate } else { Key::RiskStepDone })
                    .with("at", when(app.lang, done))
                    .with("taken", app.text(&duration(taken)));
                html! { <span class={classes!(late.then_some("flag-text"))}>{ app.text(&text) }</span> }
            }
            Some(StepState::Open { left, .. }) if left < 0 => {
                let text = Text::new(Key::RiskStepOverdue).with("by", app.text(&duration(left)));
                html! { <span class="flag-text">{ app.text(&text) }</span> }
            }
            Some(StepState::Open { left, .. }) => {
                html! { <span>{ app.text(&Text::new(Key::RiskStepLeft).with("left", app.text(&duration(left)))) }</span> }
            }
            None => html! { <span class="muted">{ app.t(Key::RiskStepOpen) }</span> },
        };
        html! {
            <tr class={classes!(state.is_some_and(StepState::is_overdue).then_some("is-flagged"))}>
                <td><DraftInput id={format!("{sid}-name")} label={app.t(Key::RiskStepName)} value={AttrValue::from(s.name.clone())} onchange={set(|s, v| s.name = v)} /></td>
                <td><WholeInput id={format!("{sid}-minutes")} label={app.t(Key::RiskStepMinutes)} value={s.minutes} min={1} max={100_000} onchange={minutes} /></td>
                <td>{ choice(app, format!("{sid}-clock"), Some(s.clock), None, Some(app.t(Key::RiskStepClock)), clock) }</td>
                <td class="step-due">{ when(app.lang, due) }</td>
                <td class="step-state">{ status }</td>
                <td class="step-actions">
                    if s.done.is_some() {
                        <button type="button" class="btn btn-small btn-quiet" onclick={undo_done}>{ app.t(Key::RiskStepUndone) }</button>
                    } else if ui.now.is_some() {
                        <button type="button" class="btn btn-small" onclick={done_now}
                            aria-label={app.text(&Text::new(Key::RiskStepDoneNamed).with("name", &s.name))}>{ app.t(Key::RiskStepDoneNow) }</button>
                    }
                    <button type="button" class="btn btn-small btn-quiet" onclick={remove}
                        aria-label={app.text(&Text::new(Key::StratDeleteNamed).with("name", &s.name))}>{ "✕" }</button>
                </td>
            </tr>
        }
    });
    let closed = i.is_closed();
    html! {
        <li class={classes!("situation-item", "incident-item", closed.then_some("is-closed"))} id={format!("incident-{id}")}>
            <div class="field-row">
                { text_field(handle, format!("incident-{id}-title"), app.t(Key::RiskIncidentTitle), RiskText::IncidentTitle(id), &i.title, false) }
                <div class="field">
                    <label for={format!("incident-{id}-start")}>{ app.t(Key::RiskIncidentStart) }</label>
                    <DraftInput id={format!("incident-{id}-start")} kind="datetime-local" value={AttrValue::from(datetime_text(i.started))} onchange={started} />
                </div>
                if closed { <span class="tag tag-ok">{ app.t(Key::RiskIncidentClosed) }</span> }
            </div>
            if let Some(risk) = risk { <p class="muted">{ app.text(&Text::new(Key::RiskIncidentOf).with("risk", risk)) }</p> }
            <div class="table-scroll">
                <table class="data-table steps-table">
                    <thead><tr>
                        <th scope="col">{ app.t(Key::RiskStepName) }</th>
                        <th scope="col">{ app.t(Key::RiskStepMinutes) }</th>
                        <th scope="col">{ app.t(Key::RiskStepClock) }</th>
                        <th scope="col">{ app.t(Key::RiskStepDue) }</th>
                        <th scope="col">{ app.t(Key::RiskStepState) }</th>
                        <th scope="col"><span class="visually-hidden">{ app.t(Key::RiskStepActions) }</span></th>
                    </tr></thead>
                    <tbody>{ for steps }</tbody>
                </table>
            </div>
            <div class="item-actions">
                <button type="button" class="btn btn-small" onclick={add_step}>{ app.t(Key::RiskAddStep) }</button>
                { delete_button(app, &i.title, delete) }
            </div>
        </li>
    }
}

fn hours_card(ui: &Ui) -> Html {
    let (app, handle, plan) = (&ui.app, &ui.handle, &ui.plan);
    let hours = plan.risks.hours;
    let set = |start: bool| {
        let handle = handle.clone();
        Callback::from(move |v: String| {
            if let Some(t) = crate::domain::core::calendar::parse_time(&v) {
                let next = if start {
                    WorkingHours { start: t, ..hours }
                } else {
                    WorkingHours { end: t, ..hours }
                };
                handle.edit(RiskEdit::Hours(next));
            }
        })
    };
    let time = crate::domain::core::calendar::time_text;
    html! {
        <section class="card" aria-labelledby="hours-title">
            <h3 id="hours-title">{ app.t(Key::RiskHoursTitle) }</h3>
            <p class="muted">{ app.t(Key::RiskHoursIntro) }</p>
            <div class="field-row">
                <div class="field">
                    <label for="hours-start">{ app.t(Key::RiskHoursStart) }</label>
                    <DraftInput id="hours-start" kind="time" value={AttrValue::from(time(hours.start))} onchange={set(true)} />
                </div>
                <div class="field">
                    <label for="hours-end">{ app.t(Key::RiskHoursEnd) }</label>
                    <DraftInput id="hours-end" kind="time" value={AttrValue::from(time(hours.end))} onchange={set(false)} />
                </div>
            </div>
        </section>
    }
}
