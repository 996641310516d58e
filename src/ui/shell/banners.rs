//! Problems that stay on screen until they are solved: full or blocked
//! storage, unreadable stored data, a conflict with another tab.

use crate::app::state::StorageProblem;
use crate::app::Action;
use crate::i18n::{Key, Text};
use crate::ui::shell::context::AppHandle;
use crate::ui::shell::context::Tr;
use crate::ui::shell::io::{download_raw, export_all, save_now};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// A plain function of the screen (no state of its own; a component
/// costs about 1.4 KB gzip of generic code).
pub fn banners(app: &AppHandle) -> Html {
    let app = app.clone();
    let export_now = {
        let app = app.clone();
        Callback::from(move |_| export_all(&app))
    };
    let storage = app.save.problem.map(|problem| {
        let key = match problem {
            StorageProblem::Full => Key::BannerStorageFull,
            StorageProblem::Unavailable => Key::BannerStorageUnavailable,
        };
        html! {
            <div class="banner banner-error" role="alert">
                <p>{ app.t(key) }</p>
                <div class="banner-actions">
                    <button type="button" class="btn btn-primary" onclick={export_now.clone()}>{ app.t(Key::BannerExportNow) }</button>
                </div>
            </div>
        }
    });
    let recovery = app.recovery.as_ref().map(|r| {
        let detail = app.text(&r.error);
        let text = match &r.backup_key {
            Some(key) => Text::new(Key::BannerCorrupted).with("detail", detail).with("key", key),
            None => Text::new(Key::BannerCorruptedNoBackup).with("detail", detail),
        };
        let download = {
            let app = app.clone();
            let raw = r.raw.clone();
            Callback::from(move |_| download_raw(&app, &raw))
        };
        let dismiss = {
            let app = app.clone();
            Callback::from(move |_| app.dispatch(Action::DismissRecovery))
        };
        html! {
            <div class="banner banner-warning" role="alert">
                <p>{ app.text(&text) }</p>
                <div class="banner-actions">
                    <button type="button" class="btn btn-primary" onclick={download}>{ app.t(Key::BannerDownloadRaw) }</button>
                    <button type="button" class="btn" onclick={dismiss}>{ app.t(Key::BannerDismiss) }</button>
                </div>
            </div>
        }
    });
    let conflict = app.conflict.as_ref().map(|c| {
        let names: Vec<&str> = c.plans.iter().filter_map(|id| app.library.get(*id)).map(|p| p.name.as_str()).collect();
        let text = Text::new(Key::BannerConflict).with("names", names.join("、"));
        let choose = |keep_mine: bool| {
            let app = app.clone();
            Callback::from(move |_| app.dispatch(Action::ResolveConflict { keep_mine }))
        };
        html! {
            <div class="banner banner-warning" role="alert">
                <p>{ app.text(&text) }</p>
                <div class="banner-actions">
                    <button type="button" class="btn btn-primary" onclick={choose(true)}>{ app.t(Key::BannerKeepMine) }</button>
                    <button type="button" class="btn" onclick={choose(false)}>{ app.t(Key::BannerTakeTheirs) }</button>
                </div>
            </div>
        }
    });
    let update = app.update_ready.then(|| {
        let reload = {
            let app = app.clone();
            Callback::from(move |_| {
                // Never reload over edits that are not stored.
                if save_now(&app) {
                    apply_update();
                } else {
                    app.dispatch(Action::Notify {
                        text: Text::new(Key::NoticeUpdateNotSaved),
                        is_error: true,
                    });
                }
            })
        };
        html! {
            <div class="banner banner-info" role="status">
                <p>{ app.t(Key::BannerUpdate) }</p>
                <div class="banner-actions">
                    <button type="button" class="btn btn-primary" onclick={reload}>{ app.t(Key::BannerUpdateReload) }</button>
                </div>
            </div>
        }
    });
    html! {
        <div class="banners">
            { for update }
            { for storage }
            { for recovery }
            { for conflict }
        </div>
    }
}

/// Lets the waiting service worker take over; the page reloads when it has.
fn apply_update() {
    let Some(window) = web_sys::window() else { return };
    let apply = js_sys::Reflect::get(&window, &"marketplanApplyUpdate".into()).ok();
    match apply.and_then(|f| f.dyn_into::<js_sys::Function>().ok()) {
        Some(apply) => {
            let _ = apply.call0(&window);
        }
        None => {
            let _ = window.location().reload();
        }
    }
}
