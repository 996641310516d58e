//! The question an import asks when a plan with the same id is already here.

use crate::app::{Action, ImportChoice};
use crate::domain::core::ids::IdSource;
use crate::i18n::{Key, Text};
use crate::ui::shell::context::{use_app, use_focus_on, Tr};
use crate::ui::shell::platform::{now, BrowserIds};
use yew::prelude::*;

#[function_component(ImportDialog)]
pub fn import_dialog() -> Html {
    let Some(app) = use_app() else {
        return html! {};
    };
    let first_button = use_node_ref();
    use_focus_on(first_button.clone(), app.import_queue.front().map(|p| p.id));
    let Some(incoming) = app.import_queue.front() else {
        return html! {};
    };
    let existing = app.library.get(incoming.id).map(|p| p.name.clone()).unwrap_or_default();
    let body = Text::new(Key::ImportConflictBody)
        .with("name", &incoming.name)
        .with("existing", existing);
    let choose = |make: fn() -> ImportChoice| {
        let app = app.clone();
        Callback::from(move |()| app.dispatch(Action::ResolveImport(make())))
    };
    let click = |cb: &Callback<()>| cb.reform(|_: MouseEvent| ());
    let replace = choose(|| ImportChoice::Replace {
        entry: BrowserIds.trash_id(),
        now: now(),
    });
    let keep_both = choose(|| ImportChoice::KeepBoth {
        new_id: BrowserIds.plan_id(),
        now: now(),
    });
    let skip = choose(|| ImportChoice::Skip);
    let onkeydown = {
        let skip = skip.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                skip.emit(());
            }
        })
    };
    html! {
        <div class="dialog-backdrop">
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="import-title" {onkeydown}>
                <h2 id="import-title">{ app.t(Key::ImportConflictTitle) }</h2>
                <p>{ app.text(&body) }</p>
                <div class="dialog-actions">
                    <button type="button" class="btn btn-primary" onclick={click(&replace)} ref={first_button}>{ app.t(Key::ImportReplace) }</button>
                    <button type="button" class="btn" onclick={click(&keep_both)}>{ app.t(Key::ImportKeepBoth) }</button>
                    <button type="button" class="btn btn-quiet" onclick={click(&skip)}>{ app.t(Key::ImportSkip) }</button>
                </div>
            </div>
        </div>
    }
}
