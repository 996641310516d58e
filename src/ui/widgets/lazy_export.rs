//! The button of an export whose writer is in a lazily loaded module (the
//! Excel workbook, the Word document): the first export fetches the
//! module, so the button says so while it loads, then while it writes,
//! and says what happened if the module cannot be fetched.

use crate::app::Action;
use crate::i18n::{Key, Text};
use crate::lazy::Job;
use crate::ui::shell::context::{use_app, Tr};
use crate::ui::shell::io::offer_bytes;
use crate::ui::shell::lazy::{self, LazyError};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LazyExportProps {
    /// Makes the job when the button is pressed (from the data of then).
    pub job: Callback<(), Job>,
    pub file_name: String,
    pub mime: &'static str,
    pub label: Key,
    pub loading: Key,
    pub writing: Key,
    /// The message when the module cannot be fetched; has `{detail}`.
    pub unavailable: Key,
}

#[function_component(LazyExport)]
pub fn lazy_export(props: &LazyExportProps) -> Html {
    let busy = use_state(|| None::<Key>);
    // Set at once on a click (the state only on the next render), so a
    // double click starts one export.
    let running = use_mut_ref(|| false);
    let Some(app) = use_app() else { return html! {} };
    let onclick = {
        let (app, busy, running) = (app.clone(), busy.clone(), running.clone());
        let (make, name, mime, writing, loading, unavailable) = (
            props.job.clone(),
            props.file_name.clone(),
            props.mime,
            props.writing,
            props.loading,
            props.unavailable,
        );
        Callback::from(move |_| {
            if std::mem::replace(&mut *running.borrow_mut(), true) {
                return;
            }
            let job = make.emit(());
            busy.set(Some(if lazy::is_loaded(job.module()) {
                writing
            } else {
                loading
            }));
            let (app, busy, running, name) = (app.clone(), busy.clone(), running.clone(), name.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let result = lazy::run(&job).await;
                *running.borrow_mut() = false;
                busy.set(None);
                let error = match result {
                    Ok(bytes) => {
                        offer_bytes(&app, &name, mime, &bytes);
                        return;
                    }
                    Err(LazyError::Unavailable(detail)) => Text::new(unavailable).with("detail", detail),
                    Err(LazyError::Failed(error)) => Text::new(Key::ErrorExport).with("error", error),
                };
                app.dispatch(Action::Notify {
                    text: error,
                    is_error: true,
                });
            });
        })
    };
    let label = app.t(busy.unwrap_or(props.label));
    html! {
        <button type="button" class={classes!("btn", busy.is_some().then_some("busy"))}
            aria-busy={busy.is_some().then_some("true")} aria-disabled={busy.is_some().then_some("true")}
            {onclick}>{ label }</button>
    }
}
