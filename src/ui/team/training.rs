//! The training plan: internal sessions monthly, external ones quarterly,
//! generated over the plan period by the meeting rules (so each session can
//! be moved or skipped in chapter 5's meeting list, shows in the marketing
//! calendar and goes into the calendar file).

use super::Ui;
use crate::app::implementation::{meeting_key, plan_meetings};
use crate::app::route::{ImplView, Section};
use crate::app::Route;
use crate::domain::core::calendar::time_text;
use crate::domain::implementation::edit::ImplementationEdit;
use crate::domain::implementation::meetings::MeetingKind;
use crate::i18n::{format_date, Key, Text};
use crate::ui::implementation::meetings::meeting_rule;
use crate::ui::shell::context::{navigate, Tr};
use crate::ui::widgets::amount_input::WholeInput;
use yew::prelude::*;

pub fn training_view(ui: &Ui) -> Html {
    let (app, handle, plan) = (&ui.app, &ui.handle, &ui.plan);
    let settings = &plan.implementation.meetings;
    let day = |internal: bool| {
        let (handle, settings) = (handle.clone(), settings.clone());
        Callback::from(move |n: u32| {
            let mut next = settings.clone();
            if internal {
                next.training.internal_day = n;
            } else {
                next.training.external_day = n;
            }
            handle.edit(ImplementationEdit::Meetings(next));
        })
    };
    let sessions: Vec<_> = plan_meetings(plan)
        .into_iter()
        .filter(|m| m.kind.is_training())
        .collect();
    let list = sessions.iter().map(|m| {
        let when = format!("{} {}", format_date(app.lang, m.start.date()), time_text(m.start.time()));
        html! {
            <li class={classes!("meeting", m.skipped.then_some("is-skipped"))}>
                <span class="meeting-when">{ when }</span>
                <span class="meeting-kind">{ app.t(meeting_key(m.kind)) }</span>
                if m.skipped { <span class="tag tag-muted">{ app.t(Key::MeetingSkipped) }</span> }
                if m.moved { <span class="tag">{ app.text(&Text::new(Key::MeetingMoved).with("date", format_date(app.lang, m.planned))) }</span> }
            </li>
        }
    });
    let meetings = Route::Plan(plan.id, Section::Implementation(ImplView::Meetings));
    let held = sessions.iter().filter(|m| !m.skipped).count();
    html! {
        <section class="card" aria-labelledby="training-title">
            <h3 id="training-title">{ app.t(Key::TeamTrainingTitle) }</h3>
            <p class="muted">{ app.t(Key::TeamTrainingIntro) }</p>
            <div class="meeting-rules">
                <div>
                    { meeting_rule(app, plan, MeetingKind::InternalTraining) }
                    <div class="field">
                        <label for="training-internal-day">{ app.t(Key::TeamTrainingDay) }</label>
                        <WholeInput id="training-internal-day" value={settings.training.internal_day} min={1} max={31} onchange={day(true)} />
                    </div>
                </div>
                <div>
                    { meeting_rule(app, plan, MeetingKind::ExternalTraining) }
                    <div class="field">
                        <label for="training-external-day">{ app.t(Key::TeamTrainingExternalDay) }</label>
                        <WholeInput id="training-external-day" value={settings.training.external_day} min={1} max={31} onchange={day(false)} />
                    </div>
                </div>
            </div>
            <p class="field-hint">{ app.t(Key::TeamTrainingDayRule) }</p>
            <h4>{ app.text(&Text::new(Key::TeamTrainingList).with("count", held)) }</h4>
            if sessions.is_empty() {
                <p class="empty-note">{ app.t(Key::TeamTrainingNone) }</p>
            } else {
                <ul class="meeting-list">{ for list }</ul>
                <p><a href={meetings.to_hash()} onclick={navigate(app, meetings)}>{ app.t(Key::TeamTrainingMove) }</a></p>
            }
        </section>
    }
}
