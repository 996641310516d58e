//! Ready-made sets (default phases, the launch example, the handbook's
//! workflows, an event rhythm) and the list of phases.

use crate::app::implementation::offset_label;
use crate::app::Action;
use crate::domain::core::calendar::date_text;
use crate::domain::core::calendar::parse_date;
use crate::domain::core::ids::IdSource;
use crate::domain::implementation::edit::ImplementationEdit;
use crate::domain::implementation::schedule::{Phase, Task, When};
use crate::domain::implementation::templates::{
    event_rhythm, launch_example, launch_phases, month_phases, offset, phase_for, Rhythm, Workflow,
};
use crate::domain::plan::{Plan, Unknown};
use crate::i18n::{t_id, Key, Lang, Text};
use crate::ui::shell::context::PlanActions;
use crate::ui::shell::context::{use_app, PlanRef, Tr};
use crate::ui::shell::platform::BrowserIds;
use crate::ui::widgets::dom::target_value;
use crate::ui::widgets::draft_input::DraftInput;
use crate::ui::widgets::field::on_typing;
use chrono::NaiveDate;
use yew::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Template {
    MonthPhases,
    LaunchPhases,
    LaunchExample,
    Workflow(Workflow),
    Rhythm,
}

impl Template {
    const ALL: [Template; 8] = [
        Self::LaunchExample,
        Self::LaunchPhases,
        Self::MonthPhases,
        Self::Workflow(Workflow::MarketResearch),
        Self::Workflow(Workflow::Event),
        Self::Workflow(Workflow::Conference),
        Self::Workflow(Workflow::ChannelDevelopment),
        Self::Rhythm,
    ];

    fn code(self) -> &'static str {
        match self {
            Self::MonthPhases => "month-phases",
            Self::LaunchPhases => "launch-phases",
            Self::LaunchExample => "launch-example",
            Self::Workflow(w) => w.code(),
            Self::Rhythm => "rhythm",
        }
    }

    fn key(self) -> Key {
        match self {
            Self::MonthPhases => Key::TemplateMonthPhases,
            Self::LaunchPhases => Key::TemplateLaunchPhases,
            Self::LaunchExample => Key::TemplateLaunchExample,
            Self::Workflow(Workflow::MarketResearch) => Key::TemplateResearch,
            Self::Workflow(Workflow::Event) => Key::TemplateEvent,
            Self::Workflow(Workflow::Conference) => Key::TemplateConference,
            Self::Workflow(Workflow::ChannelDevelopment) => Key::TemplateChannel,
            Self::Rhythm => Key::TemplateRhythm,
        }
    }

    fn needs_t(self) -> bool {
        matches!(self, Self::LaunchPhases | Self::LaunchExample)
    }
}

#[derive(Clone, PartialEq)]
struct Draft {
    template: Template,
    start: String,
    event: String,
    rhythm: [String; 3],
    growth_weeks: String,
}

/// A day in the plan as a date, or as an offset when the plan has T: sets
/// placed with T move with it.
fn when(day: NaiveDate, launch: Option<NaiveDate>) -> When {
    match launch {
        Some(t) => When::FromLaunch(offset(t, day)),
        None => When::Date(day),
    }
}

/// Builds the set; `None` with a message key when a number is not one.
fn build(plan: &Plan, draft: &Draft, lang: Lang) -> Result<(Vec<Phase>, Vec<Task>), Key> {
    let words = |key: &'static str| t_id(lang, key);
    let ids = &mut BrowserIds;
    let launch = plan.period.launch_day;
    let start = parse_date(&draft.start).ok_or(Key::ErrorDateInvalid);
    let number = |text: &str| text.trim().parse::<u32>().map_err(|_| Key::ErrorDaysInvalid);
    let (phases, mut tasks) = match draft.template {
        Template::MonthPhases => (month_phases(&plan.period, ids, &words), Vec::new()),
        Template::LaunchPhases => (launch_phases(number(&draft.growth_weeks)?, ids, &words), Vec::new()),
        Template::LaunchExample => (Vec::new(), launch_example(ids, &words)),
        Template::Workflow(w) => (Vec::new(), w.tasks(when(start?, launch), ids, &words)),
        Template::Rhythm => {
            let rhythm = Rhythm {
                warm_up: number(&draft.rhythm[0])?,
                burst: number(&draft.rhythm[1])?,
                continuation: number(&draft.rhythm[2])?,
            };
            (
                Vec::new(),
                event_rhythm(&draft.event, when(start?, launch), rhythm, ids, &words),
            )
        }
    };
    let all_phases: Vec<Phase> = plan.implementation.phases.iter().chain(&phases).cloned().collect();
    for task in &mut tasks {
        task.phase = phase_for(task, &all_phases, launch);
    }
    Ok((phases, tasks))
}

#[derive(Properties, PartialEq)]
pub struct TemplatesProps {
    pub plan: PlanRef,
}

#[function_component(TaskTemplates)]
pub fn task_templates(props: &TemplatesProps) -> Html {
    let Some(app) = use_app() else { return html! {} };
    let plan = &props.plan;
    let default_day = plan.period.launch_day.unwrap_or(plan.period.nearest_day(app.today));
    let draft = use_state(|| Draft {
        template: Template::LaunchExample,
        start: date_text(default_day),
        event: String::new(),
        rhythm: ["7".into(), "3".into(), "7".into()],
        growth_weeks: "4".into(),
    });
    // Setting or moving T moves the suggested day with it.
    {
        let draft = draft.clone();
        use_effect_with(plan.period.launch_day, move |launch| {
            if let Some(t) = launch {
                let mut next = (*draft).clone();
                next.start = date_text(*t);
                draft.set(next);
            }
        });
    }
    let problem = use_state(|| None::<Key>);
    let set = |change: fn(&mut Draft, String)| {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            let mut next = (*draft).clone();
            change(&mut next, target_value(&e));
            draft.set(next);
        })
    };
    let onsubmit = {
        let (app, plan, draft, problem) = (app.clone(), plan.clone(), draft.clone(), problem.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match build(&plan, &draft, app.lang) {
                Ok((phases, tasks)) => {
                    problem.set(None);
                    let (np, nt) = (phases.len(), tasks.len());
                    app.edit(plan.id, ImplementationEdit::AddTasks { phases, tasks });
                    app.dispatch(Action::Seal(plan.id));
                    let text = if nt > 0 {
                        Text::new(Key::TemplatesAdded).with("count", nt)
                    } else {
                        Text::new(Key::TemplatesPhasesAdded).with("count", np)
                    };
                    app.dispatch(Action::Notify { text, is_error: false });
                }
                Err(key) => problem.set(Some(key)),
            }
        })
    };
    let template = draft.template;
    let needs_start = matches!(template, Template::Workflow(_) | Template::Rhythm);
    let blocked = template.needs_t() && plan.period.launch_day.is_none();
    html! {
        <form class="card templates no-print" {onsubmit} aria-labelledby="templates-title">
            <h3 id="templates-title">{ app.t(Key::TemplatesTitle) }</h3>
            <div class="form-row">
                <label>{ app.t(Key::TemplatesPick) }
                    <select id="template-pick" onchange={set(|d, v| {
                        if let Some(t) = Template::ALL.into_iter().find(|t| t.code() == v) { d.template = t; }
                    })}>
                        { for Template::ALL.iter().map(|t| html! {
                            <option value={t.code()} selected={*t == template}>{ app.t(t.key()) }</option>
                        }) }
                    </select>
                </label>
                if template == Template::Rhythm {
                    <label>{ app.t(Key::TemplatesEventName) }
                        <input id="template-event" type="text" value={draft.event.clone()} oninput={on_typing(set(|d, v| d.event = v))} />
                    </label>
                }
                if needs_start {
                    <label>{ app.t(if template == Template::Rhythm { Key::TemplatesEventDay } else { Key::TemplatesStart }) }
                        <input id="template-start" type="date" value={draft.start.clone()} oninput={on_typing(set(|d, v| d.start = v))} />
                    </label>
                }
                if template == Template::Rhythm {
                    <label>{ app.t(Key::TemplatesWarmUpDays) }
                        <input id="template-warm-up" type="number" min="0" class="input-narrow" value={draft.rhythm[0].clone()} oninput={on_typing(set(|d, v| d.rhythm[0] = v))} />
                    </label>
                    <label>{ app.t(Key::TemplatesBurstDays) }
                        <input id="template-burst" type="number" min="1" class="input-narrow" value={draft.rhythm[1].clone()} oninput={on_typing(set(|d, v| d.rhythm[1] = v))} />
                    </label>
                    <label>{ app.t(Key::TemplatesContinuationDays) }
                        <input id="template-continuation" type="number" min="0" class="input-narrow" value={draft.rhythm[2].clone()} oninput={on_typing(set(|d, v| d.rhythm[2] = v))} />
                    </label>
                }
                if template == Template::LaunchPhases {
                    <label>{ app.t(Key::TemplatesGrowthWeeks) }
                        <input id="template-growth" type="number" min="1" class="input-narrow" value={draft.growth_weeks.clone()} oninput={on_typing(set(|d, v| d.growth_weeks = v))} />
                    </label>
                }
                <button type="submit" class="btn btn-primary" disabled={blocked}>{ app.t(Key::TemplatesAdd) }</button>
            </div>
            if blocked { <p class="field-hint">{ app.t(Key::TemplatesNeedsT) }</p> }
            if let Some(key) = *problem { <p class="field-error" role="alert">{ app.t(key) }</p> }
        </form>
    }
}

#[function_component(PhaseList)]
pub fn phase_list(props: &TemplatesProps) -> Html {
    let Some(app) = use_app() else { return html! {} };
    let plan = &props.plan;
    let (id, launch) = (plan.id, plan.period.launch_day);
    let phases = &plan.implementation.phases;
    // Open while there is nothing to list, and kept open once the user adds
    // a phase (it is there to be named).
    let open = use_state(|| phases.is_empty());
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            if let Some(details) = e.target_dyn_into::<web_sys::Element>() {
                open.set(details.has_attribute("open"));
            }
        })
    };
    let add = {
        let (app, open) = (app.clone(), open.clone());
        let (start, end) = (plan.period.start, plan.period.end);
        let name = app.t(Key::PhasesNewName).to_owned();
        Callback::from(move |_| {
            let phase = Phase {
                id: BrowserIds.item_id(),
                name: name.clone(),
                start: When::Date(start),
                end: When::Date(end),
                unknown: Unknown::new(),
            };
            app.edit(id, ImplementationEdit::PutPhase(phase));
            open.set(true);
        })
    };
    let rows = phases.iter().map(|phase| {
        let put = |change: fn(&mut Phase, String, Option<NaiveDate>)| {
            let (app, phase) = (app.clone(), phase.clone());
            Callback::from(move |typed: String| {
                let mut next = phase.clone();
                change(&mut next, typed, launch);
                if next != phase {
                    app.edit(id, ImplementationEdit::PutPhase(next));
                }
            })
        };
        let remove = {
            let (app, pid) = (app.clone(), phase.id);
            Callback::from(move |_| app.edit(id, ImplementationEdit::RemovePhase(pid)))
        };
        let date = |w: When| w.resolve(launch).map(date_text).unwrap_or_default();
        fn pick(w: &mut When, v: &str, launch: Option<NaiveDate>) {
            if let Some(day) = parse_date(v) {
                *w = match (*w, launch) {
                    (When::FromLaunch(_), Some(t)) => When::FromLaunch(offset(t, day)),
                    _ => When::Date(day),
                };
            }
        }
        html! {
            <li class="phase-row" key={phase.id.to_string()}>
                <DraftInput id={format!("phase-{}-name", phase.id)} value={phase.name.clone()} label={app.t(Key::PhaseName)}
                    onchange={put(|p, v, _| p.name = v)} />
                <DraftInput id={format!("phase-{}-start", phase.id)} kind="date" value={date(phase.start)} label={app.t(Key::ColStart)} onchange={put(|p, v, l| pick(&mut p.start, &v, l))} />
                <span class="offset">{ offset_label(phase.start).unwrap_or_default() }</span>
                { "–" }
                <DraftInput id={format!("phase-{}-end", phase.id)} kind="date" value={date(phase.end)} label={app.t(Key::ColEnd)} onchange={put(|p, v, l| pick(&mut p.end, &v, l))} />
                <span class="offset">{ offset_label(phase.end).unwrap_or_default() }</span>
                <button type="button" class="btn btn-small btn-quiet" onclick={remove}
                    aria-label={app.text(&Text::new(Key::PhaseRemove).with("name", &phase.name))}>{ "×" }</button>
            </li>
        }
    });
    html! {
        <details class="phases card" open={*open} {ontoggle}>
            <summary>{ format!("{} ({})", app.t(Key::PhasesTitle), phases.len()) }</summary>
            if phases.is_empty() {
                <p class="empty-note">{ app.t(Key::PhasesEmpty) }</p>
            } else {
                <ul class="phase-list">{ for rows }</ul>
            }
            <button type="button" class="btn btn-small no-print" onclick={add}>{ app.t(Key::PhasesAdd) }</button>
        </details>
    }
}
