//! The "new plan" form. Field checks live in `app::draft`; this renders them.

use crate::app::draft::{DraftField, PlanDraft};
use crate::app::templates::{template_about, template_name};
use crate::app::Action;
use crate::domain::core::ids::IdSource;
use crate::domain::core::period::PeriodKind;
use crate::domain::plan::templates::Template;
use crate::domain::plan::Currency;
use crate::i18n::Key;
use crate::ui::library::templates::create_from_template;
use crate::ui::shell::context::{use_app, use_focus_on, Tr};
use crate::ui::shell::platform::{now, BrowserIds};
use crate::ui::widgets::dom::target_value;
use crate::ui::widgets::enum_select::enum_select;
use crate::ui::widgets::field::on_typing;
use chrono::NaiveDate;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PlanFormProps {
    pub today: NaiveDate,
    pub onclose: Callback<()>,
}

#[function_component(PlanForm)]
pub fn plan_form(props: &PlanFormProps) -> Html {
    let Some(app) = use_app() else {
        return html! {};
    };
    let today = props.today;
    let draft = use_state(|| PlanDraft::new(today));
    let name_input = use_node_ref();
    use_focus_on(name_input.clone(), ());
    // Problems show after the first try to create, then update as the user types.
    let tried = use_state(|| false);
    let template = use_state(|| None::<Template>);
    // While a template's fill is being fetched and run.
    let busy = use_state(|| false);

    let update = |change: fn(&mut PlanDraft, String, NaiveDate)| {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            let mut next = (*draft).clone();
            change(&mut next, target_value(&e), today);
            draft.set(next);
        })
    };
    let on_name = update(|d, v, _| d.name = v);
    let on_org = update(|d, v, _| d.organisation = v);
    let on_kind = {
        let draft = draft.clone();
        Callback::from(move |kind: PeriodKind| {
            let mut next = (*draft).clone();
            next.set_kind(kind, today);
            draft.set(next);
        })
    };
    let on_template = {
        let (draft, template) = (draft.clone(), template.clone());
        Callback::from(move |e: Event| {
            let chosen = Template::from_code(&target_value(&e));
            if let Some(t) = chosen {
                let mut next = (*draft).clone();
                next.set_kind(t.period_kind(), today);
                draft.set(next);
            }
            template.set(chosen);
        })
    };
    let on_start = update(|d, v, _| d.set_start(v));
    let on_end = update(|d, v, _| d.end = v);
    let on_launch = update(|d, v, _| d.launch_day = v);
    let on_currency = update(|d, v, _| d.currency = v);

    let problems = if *tried { draft.problems() } else { Vec::new() };
    let problem = |field: DraftField| problems.iter().find(|(f, _)| *f == field).map(|(_, t)| app.text(t));

    let onsubmit = {
        let (app, draft, tried, onclose) = (app.clone(), draft.clone(), tried.clone(), props.onclose.clone());
        let (template, busy) = (template.clone(), busy.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            match (draft.build(BrowserIds.plan_id(), now()), *template) {
                (Ok(plan), Some(t)) => {
                    busy.set(true);
                    let (busy, onclose) = (busy.clone(), onclose.clone());
                    create_from_template(
                        &app,
                        t,
                        plan,
                        Callback::from(move |()| {
                            busy.set(false);
                            onclose.emit(());
                        }),
                    );
                }
                (Ok(plan), None) => {
                    app.dispatch(Action::Create(plan));
                    onclose.emit(());
                }
                (Err(_), _) => tried.set(true),
            }
        })
    };
    let cancel = props.onclose.reform(|_: MouseEvent| ());
    let onkeydown = {
        let onclose = props.onclose.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                onclose.emit(());
            }
        })
    };

    let is_campaign = draft.kind == PeriodKind::Campaign;
    let field = |id: &'static str, label: Key, control: Html, error: Option<String>, hint: Option<Key>| {
        let error_id = format!("{id}-error");
        html! {
            <div class={classes!("field", error.is_some().then_some("has-error"))}>
                <label for={id}>{ app.t(label) }</label>
                { control }
                if let Some(hint) = hint { <p class="field-hint">{ app.t(hint) }</p> }
                if let Some(error) = error { <p id={error_id} class="field-error">{ error }</p> }
            </div>
        }
    };
    let invalid = |f: DraftField| problem(f).is_some().to_string();

    html! {
        <form class="card plan-form" {onsubmit} {onkeydown} novalidate=true aria-labelledby="new-plan-title">
            <h2 id="new-plan-title">{ app.t(Key::FormNewTitle) }</h2>
            <div class="form-grid">
                { field("plan-name", Key::FormName, html! {
                    <input id="plan-name" type="text" value={draft.name.clone()} oninput={on_name.reform(|e: InputEvent| e.into())}
                        placeholder={app.t(Key::FormNamePlaceholder)} ref={name_input} aria-invalid={invalid(DraftField::Name)}
                        aria-describedby="plan-name-error" />
                }, problem(DraftField::Name), None) }
                { field("plan-template", Key::TplField, html! {
                    <select id="plan-template" onchange={on_template}>
                        <option value="" selected={template.is_none()}>{ app.t(Key::TplBlank) }</option>
                        { for Template::ALL.iter().map(|t| html! {
                            <option value={t.code()} selected={*template == Some(*t)}>{ app.t(template_name(*t)) }</option>
                        }) }
                    </select>
                }, None, Some(template.map_or(Key::TplHint, template_about))) }
                { field("plan-org", Key::FormOrganisation, html! {
                    <input id="plan-org" type="text" value={draft.organisation.clone()} oninput={on_org.reform(|e: InputEvent| e.into())} />
                }, None, None) }
                { field("plan-kind", Key::FormKind, html! {
                    { enum_select(&app, Some("plan-kind"), None, draft.kind, on_kind) }
                }, None, None) }
                { field("plan-start", Key::FormStart, html! {
                    <input id="plan-start" type="date" value={draft.start.clone()} oninput={on_typing(on_start)}
                        aria-invalid={invalid(DraftField::Start)} aria-describedby="plan-start-error" />
                }, problem(DraftField::Start), None) }
                { field("plan-end", Key::FormEnd, html! {
                    <input id="plan-end" type="date" value={draft.end.clone()} oninput={on_typing(on_end)} disabled={!is_campaign}
                        aria-invalid={invalid(DraftField::End)} aria-describedby="plan-end-error" />
                }, problem(DraftField::End), (!is_campaign).then_some(Key::FormEndDerived)) }
                if is_campaign {
                    { field("plan-launch", Key::FormLaunchDay, html! {
                        <input id="plan-launch" type="date" value={draft.launch_day.clone()} oninput={on_typing(on_launch)}
                            aria-invalid={invalid(DraftField::LaunchDay)} aria-describedby="plan-launch-error" />
                    }, problem(DraftField::LaunchDay), None) }
                }
                { field("plan-currency", Key::FormCurrency, html! {
                    <select id="plan-currency" onchange={on_currency}>
                        { for Currency::OFFERED.iter().map(|c| html! {
                            <option value={*c} selected={*c == draft.currency}>{ *c }</option>
                        }) }
                    </select>
                }, None, None) }
            </div>
            <div class="form-actions">
                <button type="submit" class={classes!("btn", "btn-primary", busy.then_some("busy"))}
                    aria-busy={busy.then_some("true")}>{ app.t(if *busy { Key::TplLoading } else { Key::FormCreate }) }</button>
                <button type="button" class="btn btn-quiet" onclick={cancel}>{ app.t(Key::FormCancel) }</button>
            </div>
        </form>
    }
}
