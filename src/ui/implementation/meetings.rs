//! Meeting cadence settings, every meeting of the period (each can be moved
//! or skipped), reminder settings and the plan's time zone.

use crate::app::implementation::{meeting_key, plan_meetings, weekday_key, WEEKDAYS};
use crate::app::Action;
use crate::domain::implementation::edit::ImplementationEdit;
use crate::domain::implementation::meetings::{MeetingChange, MeetingKind, MeetingRule, MeetingSettings};
use crate::domain::implementation::TimeZone;
use crate::i18n::{format_date, Key, Text};
use crate::ui::shell::context::AppHandle;
use crate::ui::shell::context::PlanActions;
use crate::ui::shell::context::{PlanRef, Tr};
use crate::ui::widgets::amount_input::WholeInput;
use crate::ui::widgets::dom::{target_checked, target_value};
use crate::ui::widgets::draft_input::DraftInput;
use yew::prelude::*;

/// A plain function, not a component: a component costs about 1.4 KB
/// gzip of generic code, and this one keeps no state of its own.
pub fn meetings_view(app: &AppHandle, plan: &PlanRef) -> Html {
    let app = app.clone();
    let id = plan.id;
    let imp = &plan.implementation;
    let settings = &imp.meetings;
    let rule = |kind: MeetingKind| meeting_rule(&app, plan, kind);
    let all = plan_meetings(plan);
    let list = all.iter().map(|m| {
        let key = (m.kind, m.planned);
        let toggle = {
            let (app, settings) = (app.clone(), settings.clone());
            let skipped = m.skipped;
            Callback::from(move |_| {
                let mut next = settings.clone();
                if skipped {
                    next.changes.remove(&key);
                } else {
                    next.changes.insert(key, MeetingChange::Skip);
                }
                app.edit(id, ImplementationEdit::Meetings(next));
            })
        };
        let move_to = {
            let (app, settings) = (app.clone(), settings.clone());
            Callback::from(move |typed: String| {
                if let Some(when) = crate::domain::core::calendar::parse_datetime(&typed) {
                    let mut next = settings.clone();
                    next.changes.insert(key, MeetingChange::MoveTo(when));
                    app.edit(id, ImplementationEdit::Meetings(next));
                }
            })
        };
        let label = format!("{} {}", format_date(app.lang, m.start.date()), crate::domain::core::calendar::time_text(m.start.time()));
        html! {
            <li class={classes!("meeting", m.skipped.then_some("is-skipped"))}>
                <span class="meeting-when">{ label }</span>
                <span class="meeting-kind">{ app.t(meeting_key(m.kind)) }</span>
                if m.skipped { <span class="tag tag-muted">{ app.t(Key::MeetingSkipped) }</span> }
                if m.moved { <span class="tag">{ app.text(&Text::new(Key::MeetingMoved).with("date", format_date(app.lang, m.planned))) }</span> }
                <span class="meeting-actions no-print">
                    <label>{ app.t(Key::MeetingMove) }{ " " }
                        <DraftInput id={format!("meeting-{}-{}", m.kind.code(), m.planned)} kind="datetime-local" value={crate::domain::core::calendar::datetime_text(m.start)} onchange={move_to} />
                    </label>
                    <button type="button" class="btn btn-small btn-quiet" onclick={toggle}>
                        { app.t(if m.skipped { Key::MeetingRestore } else { Key::MeetingSkip }) }
                    </button>
                </span>
            </li>
        }
    });
    let on_reminder_days = {
        let app = app.clone();
        Callback::from(move |days: u32| app.edit(id, ImplementationEdit::ReminderDays(days)))
    };
    let on_zone = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            if let Some(zone) = TimeZone::from_name(&target_value(&e)) {
                app.edit(id, ImplementationEdit::TimeZone(zone));
            }
        })
    };
    html! {
        <div class="meetings-view">
            { crate::ui::implementation::reminders::reminders_panel(&app, plan) }
            <section class="card" aria-labelledby="meetings-title">
                <h3 id="meetings-title">{ app.t(Key::MeetingsTitle) }</h3>
                <p class="muted">{ app.t(Key::MeetingsIntro) }</p>
                <p class="field-hint meetings-rule">{ app.t(Key::MeetingsDayOffRule) }</p>
                <div class="meeting-rules">
                    { rule(MeetingKind::Weekly) }
                    { rule(MeetingKind::Monthly) }
                    { rule(MeetingKind::Quarterly) }
                </div>
                <div class="form-row">
                    <label>{ app.t(Key::RemindersDays) }
                        <WholeInput id="reminder-days" min={0} max={365} value={imp.reminder_days} onchange={on_reminder_days} />
                    </label>
                    <label>{ app.t(Key::MeetingsTimeZone) }
                        <select id="time-zone" onchange={on_zone}>
                            { for TimeZone::ALL.iter().map(|z| html! {
                                <option value={z.name()} selected={*z == imp.time_zone}>{ z.name() }</option>
                            }) }
                        </select>
                    </label>
                </div>
                <h4>{ app.text(&Text::new(Key::MeetingsList).with("count", all.iter().filter(|m| !m.skipped).count())) }</h4>
                if all.is_empty() {
                    <p class="empty-note">{ app.t(Key::MeetingsNone) }</p>
                } else {
                    <ul class="meeting-list">{ for list }</ul>
                }
            </section>
        </div>
    }
}

/// One rule's settings (on, weekday, time, length): also drawn by the
/// team's training plan.
pub fn meeting_rule(app: &AppHandle, plan: &PlanRef, kind: MeetingKind) -> Html {
    let id = plan.id;
    let settings = &plan.implementation.meetings;
    let change = |f: fn(&mut MeetingSettings, &Event)| {
        let (app, settings) = (app.clone(), settings.clone());
        Callback::from(move |e: Event| {
            let mut next = settings.clone();
            f(&mut next, &e);
            if next != settings {
                app.edit(id, ImplementationEdit::Meetings(next));
            }
        })
    };
    // Settings changed by a typed value: the time and the length of one kind.
    let set = |kind: MeetingKind, f: fn(&mut MeetingRule, u32)| {
        let (app, settings) = (app.clone(), settings.clone());
        Callback::from(move |value: u32| {
            let mut next = settings.clone();
            f(next.rule_mut(kind), value);
            if next != settings {
                app.edit(id, ImplementationEdit::Meetings(next));
            }
        })
    };
    let r = settings.rule(kind);
    let code = kind.code();
    let enabled = {
        let (app, settings) = (app.clone(), settings.clone());
        Callback::from(move |e: Event| {
            let mut next = settings.clone();
            next.rule_mut(kind).enabled = target_checked(&e);
            app.edit(id, ImplementationEdit::Meetings(next));
        })
    };
    let time = {
        let (app, settings) = (app.clone(), settings.clone());
        Callback::from(
            move |typed: String| match crate::domain::core::calendar::parse_time(&typed).ok_or(()) {
                Ok(t) => {
                    let mut next = settings.clone();
                    next.rule_mut(kind).time = t;
                    if next != settings {
                        app.edit(id, ImplementationEdit::Meetings(next));
                    }
                }
                Err(_) => app.dispatch(Action::Notify {
                    text: Text::new(Key::ErrorTimeInvalid),
                    is_error: true,
                }),
            },
        )
    };
    let minutes = set(kind, |r, m| r.minutes = m);
    html! {
        <fieldset class="meeting-rule">
            <legend>{ app.t(meeting_key(kind)) }</legend>
            <label><input id={format!("meeting-{code}-on")} type="checkbox" checked={r.enabled} onchange={enabled} />{ " " }{ app.t(Key::MeetingEnabled) }</label>
            if kind == MeetingKind::Weekly {
                <label>{ app.t(Key::MeetingWeekday) }
                    <select id="meeting-weekday" onchange={change(|s, e| {
                        if let Some(d) = WEEKDAYS.iter().find(|d| d.to_string() == target_value(e)) { s.weekday = *d; }
                    })}>
                        { for WEEKDAYS.iter().map(|d| html! {
                            <option value={d.to_string()} selected={*d == settings.weekday}>{ app.t(weekday_key(*d, false)) }</option>
                        }) }
                    </select>
                </label>
            }
            <label>{ app.t(Key::MeetingTime) }
                <DraftInput id={format!("meeting-{code}-time")} kind="time" value={crate::domain::core::calendar::time_text(r.time)} onchange={time} />
            </label>
            <label>{ app.t(Key::MeetingMinutes) }
                <WholeInput id={format!("meeting-{code}-minutes")} min={5} max={600} value={r.minutes} onchange={minutes} />
            </label>
        </fieldset>
    }
}
