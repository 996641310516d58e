//! Plans from templates: the fill runs in the lazily loaded files module
//! (the templates' words are there), then the plan is created like any
//! other. Used by the new-plan form and the empty library's buttons.

use crate::app::templates::{read_filled, template_about, template_job, template_name};
use crate::app::Action;
use crate::domain::core::ids::IdSource;
use crate::domain::core::period::Period;
use crate::domain::plan::templates::Template;
use crate::domain::plan::{Currency, Plan};
use crate::i18n::{Key, Text};
use crate::ui::shell::context::{use_app, AppHandle, Tr};
use crate::ui::shell::lazy::{self, LazyError};
use crate::ui::shell::platform::{now, today, BrowserIds};
use yew::prelude::*;

/// Fills `plan` from `template` and creates it; `done` runs either way.
pub fn create_from_template(app: &AppHandle, template: Template, plan: Plan, done: Callback<()>) {
    let seed = BrowserIds.random_bytes();
    let job = template_job(template, app.lang, plan, seed);
    let app = app.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let result = lazy::run(&job).await;
        done.emit(());
        let error = match result {
            Ok(bytes) => match read_filled(&bytes) {
                Ok(plan) => {
                    let name = plan.name.clone();
                    app.dispatch(Action::Create(plan));
                    app.dispatch(Action::Notify {
                        text: Text::new(Key::TplCreated).with("name", name),
                        is_error: false,
                    });
                    return;
                }
                Err(e) => Text::new(Key::ErrorExport).with("error", format!("{e:?}")),
            },
            Err(LazyError::Unavailable(detail)) => Text::new(Key::TplErrorUnavailable).with("detail", detail),
            Err(LazyError::Failed(error)) => Text::new(Key::ErrorExport).with("error", error),
        };
        app.dispatch(Action::Notify {
            text: error,
            is_error: true,
        });
    });
}

/// One click per template from the empty library: a plan named after the
/// template, over the period of its kind that holds today.
#[function_component(TemplateButtons)]
pub fn template_buttons() -> Html {
    let busy = use_state(|| None::<Template>);
    let Some(app) = use_app() else { return html! {} };
    let items = Template::ALL.iter().map(|&template| {
        let onclick = {
            let (app, busy) = (app.clone(), busy.clone());
            Callback::from(move |_| {
                if busy.is_some() {
                    return;
                }
                let day = today();
                let name = app.t(template_name(template));
                let period = Period::starting_from(template.period_kind(), day);
                let Ok(plan) = Plan::new(BrowserIds.plan_id(), name, "", period, Currency::default(), now()) else {
                    return;
                };
                busy.set(Some(template));
                let busy = busy.clone();
                create_from_template(&app, template, plan, Callback::from(move |()| busy.set(None)));
            })
        };
        let running = *busy == Some(template);
        html! {
            <li>
                <button type="button" class={classes!("btn", "template-button", running.then_some("busy"))}
                    aria-busy={running.then_some("true")} aria-describedby={format!("tpl-{}-about", template.code())} {onclick}>
                    { app.t(if running { Key::TplLoading } else { template_name(template) }) }
                </button>
                <p id={format!("tpl-{}-about", template.code())} class="field-hint">{ app.t(template_about(template)) }</p>
            </li>
        }
    });
    html! {
        <section class="templates" aria-labelledby="templates-title">
            <h3 id="templates-title">{ app.t(Key::TplLibraryTitle) }</h3>
            <ul class="template-list">{ for items }</ul>
        </section>
    }
}
