//! One plan in the library list, with its actions and an inline rename.

use crate::app::messages::{period_kind, period_range, plan_error};
use crate::app::route::Section;
use crate::app::{Action, Route};
use crate::domain::core::ids::IdSource;
use crate::domain::plan::DetailsEdit;
use crate::domain::plan::{validate_name, Plan};
use crate::i18n::{format_datetime, Key, Text};
use crate::ui::shell::context::PlanActions;
use crate::ui::shell::context::{navigate, use_app, use_focus_on, Tr};
use crate::ui::shell::io::export_plan;
use crate::ui::shell::platform::{now, BrowserIds};
use crate::ui::widgets::dom::target_value;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PlanRowProps {
    pub plan: Plan,
}

#[function_component(PlanRow)]
pub fn plan_row(props: &PlanRowProps) -> Html {
    let Some(app) = use_app() else {
        return html! {};
    };
    let plan = &props.plan;
    let id = plan.id;
    // The name being typed while renaming; None when not renaming.
    let renaming = use_state(|| None::<String>);
    let rename_input = use_node_ref();
    use_focus_on(rename_input.clone(), renaming.is_some());

    let open = navigate(&app, Route::Plan(id, Section::Dashboard));
    let start_rename = {
        let renaming = renaming.clone();
        let name = plan.name.clone();
        Callback::from(move |_| renaming.set(Some(name.clone())))
    };
    let duplicate = {
        let app = app.clone();
        Callback::from(move |_| {
            app.dispatch(Action::Duplicate {
                id,
                new_id: BrowserIds.plan_id(),
                now: now(),
            })
        })
    };
    let export = {
        let app = app.clone();
        let plan = plan.clone();
        Callback::from(move |_| export_plan(&app, &plan))
    };
    let delete = {
        let app = app.clone();
        Callback::from(move |_| {
            let mut ids = BrowserIds;
            app.dispatch(Action::Delete {
                id,
                entry: ids.trash_id(),
                restore_id: ids.plan_id(),
                now: now(),
            })
        })
    };

    let name_cell = match &*renaming {
        Some(draft) => {
            let problem = validate_name(draft).err();
            let save = {
                let (app, renaming, draft, problem) = (app.clone(), renaming.clone(), draft.clone(), problem.clone());
                Callback::from(move |e: SubmitEvent| {
                    e.prevent_default();
                    if problem.is_none() {
                        app.edit(id, DetailsEdit::Name(draft.trim().to_owned()));
                        app.dispatch(Action::Seal(id));
                        renaming.set(None);
                    }
                })
            };
            let oninput = {
                let renaming = renaming.clone();
                Callback::from(move |e: InputEvent| renaming.set(Some(target_value(&e))))
            };
            let cancel = {
                let renaming = renaming.clone();
                Callback::from(move |_| renaming.set(None))
            };
            let onkeydown = {
                let renaming = renaming.clone();
                Callback::from(move |e: KeyboardEvent| {
                    if e.key() == "Escape" {
                        renaming.set(None);
                    }
                })
            };
            let input_id = format!("rename-{id}");
            let error_id = format!("rename-error-{id}");
            html! {
                <form class="rename" onsubmit={save}>
                    <label for={input_id.clone()} class="visually-hidden">{ app.t(Key::FormRenameTitle) }</label>
                    <input id={input_id} type="text" value={draft.clone()} {oninput} {onkeydown} ref={rename_input.clone()}
                        aria-invalid={problem.is_some().to_string()} aria-describedby={error_id.clone()} />
                    <button type="submit" class="btn btn-small btn-primary">{ app.t(Key::FormSave) }</button>
                    <button type="button" class="btn btn-small btn-quiet" onclick={cancel}>{ app.t(Key::FormCancel) }</button>
                    if let Some(problem) = problem {
                        <p id={error_id} class="field-error">{ app.text(&plan_error(problem)) }</p>
                    }
                </form>
            }
        }
        None => html! {
            <>
                <a class="plan-name" href={Route::Plan(id, Section::Dashboard).to_hash()} onclick={open.clone()}>{ &plan.name }</a>
                if !plan.organisation.is_empty() {
                    <span class="plan-org">{ &plan.organisation }</span>
                }
            </>
        },
    };

    let actions_label = Text::new(Key::LibraryActionsFor).with("name", &plan.name);
    html! {
        <tr class="plan-row">
            <td class="cell-name">{ name_cell }</td>
            <td class="cell-period">
                <span class="tag">{ app.t(period_kind(plan.period.kind)) }</span>
                <span>{ period_range(app.lang, &plan.period) }</span>
            </td>
            <td class="cell-edited">{ format_datetime(app.lang, plan.updated_at, app.utc_offset_minutes) }</td>
            <td class="cell-actions">
                <div class="row-actions" role="group" aria-label={app.text(&actions_label)}>
                    <button type="button" class="btn btn-small" onclick={open.reform(|e| e)}>{ app.t(Key::LibraryOpen) }</button>
                    <button type="button" class="btn btn-small btn-quiet" onclick={start_rename}>{ app.t(Key::LibraryRename) }</button>
                    <button type="button" class="btn btn-small btn-quiet" onclick={duplicate}>{ app.t(Key::LibraryDuplicate) }</button>
                    <button type="button" class="btn btn-small btn-quiet" onclick={export}>{ app.t(Key::LibraryExport) }</button>
                    <button type="button" class="btn btn-small btn-danger" onclick={delete}>{ app.t(Key::LibraryDelete) }</button>
                </div>
            </td>
        </tr>
    }
}
