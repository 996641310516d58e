//! The plan library: every plan, newest first, with search, create, import,
//! export and the way to the Trash.

use crate::app::{Action, Route};
use crate::domain::plan::sample::sample_plan;
use crate::i18n::{Key, Text};
use crate::ui::library::plan_form::PlanForm;
use crate::ui::library::plan_row::PlanRow;
use crate::ui::library::templates::TemplateButtons;
use crate::ui::shell::context::{navigate, use_app, Tr};
use crate::ui::shell::io::{export_all, file_list, import_files};
use crate::ui::shell::platform::{now, today, BrowserIds};
use crate::ui::widgets::dom::target_value;
use chrono::NaiveDate;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[function_component(LibraryScreen)]
pub fn library_screen() -> Html {
    let Some(app) = use_app() else {
        return html! {};
    };
    // The day the "new plan" form opened with, or None while it is closed.
    let form_opened = use_state(|| None::<NaiveDate>);
    let file_input = use_node_ref();

    let open_form = {
        let form_opened = form_opened.clone();
        Callback::from(move |_| form_opened.set(Some(today())))
    };
    let close_form = {
        let form_opened = form_opened.clone();
        Callback::from(move |()| form_opened.set(None))
    };
    let open_sample = {
        let app = app.clone();
        Callback::from(move |_| {
            app.dispatch(Action::OpenSample(sample_plan(
                app.lang,
                &mut BrowserIds,
                today(),
                now(),
            )));
        })
    };
    let pick_file = {
        let file_input = file_input.clone();
        Callback::from(move |_| {
            if let Some(input) = file_input.cast::<web_sys::HtmlInputElement>() {
                input.click();
            }
        })
    };
    let on_file = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
                return;
            };
            import_files(&app, file_list(input.files()));
            // Let the same file be picked again after a fix.
            input.set_value("");
        })
    };
    let on_export_all = {
        let app = app.clone();
        Callback::from(move |_| export_all(&app))
    };
    let on_search = {
        let app = app.clone();
        Callback::from(move |e: InputEvent| app.dispatch(Action::Search(target_value(&e))))
    };
    let go_trash = navigate(&app, Route::Trash);

    let total = app.library.plans.len();
    let listing = app.library.listing(&app.search);
    let trash_label = Text::new(Key::LibraryTrash).with("count", app.library.trash.len());

    let body = if total == 0 {
        html! {
            <section class="empty-state">
                <h2>{ app.t(Key::LibraryEmptyTitle) }</h2>
                <p>{ app.t(Key::LibraryEmptyBody) }</p>
                <div class="empty-actions">
                    <button type="button" class="btn btn-primary" onclick={open_sample.clone()}>{ app.t(Key::LibraryOpenSample) }</button>
                    <button type="button" class="btn" onclick={open_form.clone()}>{ app.t(Key::LibraryNewPlan) }</button>
                </div>
                <TemplateButtons />
            </section>
        }
    } else if listing.is_empty() {
        html! { <p class="empty-note">{ app.text(&Text::new(Key::LibraryNoMatch).with("query", app.search.trim())) }</p> }
    } else {
        html! {
            <table class="plan-table">
                <thead>
                    <tr>
                        <th scope="col">{ app.t(Key::LibraryColName) }</th>
                        <th scope="col">{ app.t(Key::LibraryColPeriod) }</th>
                        <th scope="col">{ app.t(Key::LibraryColEdited) }</th>
                        <th scope="col"><span class="visually-hidden">{ app.t(Key::LibraryColActions) }</span></th>
                    </tr>
                </thead>
                <tbody>
                    { for listing.iter().map(|p| html! { <PlanRow key={p.id.to_string()} plan={(*p).clone()} /> }) }
                </tbody>
            </table>
        }
    };

    html! {
        <div class="library">
            <div class="page-head">
                <div>
                    <h1>{ app.t(Key::LibraryTitle) }</h1>
                    if total > 0 {
                        <p class="page-sub">{ app.text(&Text::counted(Key::LibraryCount, total)) }</p>
                    }
                </div>
                <div class="toolbar">
                    <button type="button" class="btn btn-primary" onclick={open_form}>{ app.t(Key::LibraryNewPlan) }</button>
                    <button type="button" class="btn" onclick={pick_file}>{ app.t(Key::LibraryImport) }</button>
                    <input ref={file_input} type="file" class="visually-hidden" tabindex="-1" aria-hidden="true"
                        accept=".json,.mplan.json,application/json" multiple=true onchange={on_file} />
                    if total > 0 {
                        <button type="button" class="btn" onclick={on_export_all}>{ app.t(Key::LibraryExportAll) }</button>
                        <button type="button" class="btn btn-quiet" onclick={open_sample}>{ app.t(Key::LibraryOpenSample) }</button>
                    }
                    <a class="btn btn-quiet" href="#/trash" onclick={go_trash}>{ app.text(&trash_label) }</a>
                </div>
            </div>
            if let Some(day) = *form_opened {
                <PlanForm today={day} onclose={close_form} />
            }
            if total > 0 {
                <div class="search">
                    <label for="plan-search" class="visually-hidden">{ app.t(Key::LibrarySearch) }</label>
                    <input id="plan-search" type="search" value={app.search.clone()} oninput={on_search}
                        placeholder={app.t(Key::LibrarySearchPlaceholder)} />
                </div>
            }
            { body }
        </div>
    }
}
