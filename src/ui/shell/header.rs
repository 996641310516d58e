//! The app bar: name, library link, saving status, undo/redo, language.

use crate::app::{Action, Route};
use crate::i18n::{Key, Lang};
use crate::ui::shell::context::AppHandle;
use crate::ui::shell::context::{navigate, Tr};
use crate::ui::shell::platform::now;
use yew::prelude::*;

/// A plain function of the screen (no state of its own; a component
/// costs about 1.4 KB gzip of generic code).
pub fn header(app: &AppHandle) -> Html {
    let app = app.clone();
    let in_plan = matches!(app.route, Route::Plan(..));
    let (status_class, status) = if app.save.problem.is_some() {
        ("save-status failed", Key::SaveFailed)
    } else if app.save.is_dirty() {
        ("save-status pending", Key::SavePending)
    } else {
        ("save-status", Key::SaveSaved)
    };
    let go_library = navigate(&app, Route::Library);
    let undo = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::Undo { now: now() }))
    };
    let redo = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::Redo { now: now() }))
    };
    let languages: Vec<Html> = Lang::ALL
        .iter()
        .map(|&lang| {
            let dispatch = app.clone();
            // The language's texts may still have to be fetched (i18n/texts.rs).
            let onclick = Callback::from(move |_| {
                let dispatch = dispatch.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    if crate::ui::shell::platform::load_language(lang).await {
                        dispatch.dispatch(Action::SetLang(lang));
                    } else {
                        dispatch.dispatch(Action::Notify {
                            text: crate::i18n::Text::new(Key::NoticeLanguageUnavailable),
                            is_error: true,
                        });
                    }
                });
            });
            let pressed = if app.lang == lang { "true" } else { "false" };
            html! {
                <button type="button" class="lang-option" aria-pressed={pressed} lang={lang.tag()} {onclick}>
                    { lang.own_name() }
                </button>
            }
        })
        .collect();
    html! {
        <header class="app-header">
            <a class="brand" href="#/" onclick={go_library}>
                <span class="brand-mark" aria-hidden="true">{ "M" }</span>
                <span class="brand-name">{ app.t(Key::AppName) }</span>
                <span class="brand-tagline">{ app.t(Key::AppTagline) }</span>
            </a>
            <div class="header-tools">
                if in_plan {
                    <div class="undo-redo">
                        <button type="button" class="btn btn-quiet" onclick={undo} disabled={!app.can_undo()}
                            title={app.t(Key::HeaderUndoHint)} aria-keyshortcuts="Control+Z">
                            <span class="btn-glyph" aria-hidden="true">{ "↶" }</span>
                            <span class="btn-label">{ app.t(Key::HeaderUndo) }</span>
                        </button>
                        <button type="button" class="btn btn-quiet" onclick={redo} disabled={!app.can_redo()}
                            title={app.t(Key::HeaderRedoHint)} aria-keyshortcuts="Control+Shift+Z Control+Y">
                            <span class="btn-glyph" aria-hidden="true">{ "↷" }</span>
                            <span class="btn-label">{ app.t(Key::HeaderRedo) }</span>
                        </button>
                    </div>
                }
                <span class={status_class} role="status" aria-live="polite">{ app.t(status) }</span>
                // One row on a phone: the language switch moves into a menu.
                <div class="lang-switch wide-only" role="group" aria-label={app.t(Key::HeaderLanguage)}>
                    { for languages.clone() }
                </div>
                <details class="header-menu phone-only">
                    <summary class="btn btn-quiet" aria-label={app.t(Key::HeaderMenu)}>
                        <span aria-hidden="true">{ "☰" }</span>
                    </summary>
                    <div class="header-menu-body">
                        <div class="lang-switch" role="group" aria-label={app.t(Key::HeaderLanguage)}>
                            { for languages }
                        </div>
                    </div>
                </details>
            </div>
        </header>
    }
}
