//! The Trash: deleted and replaced plans, kept until emptied.

use crate::app::{Action, Route};
use crate::domain::core::ids::IdSource;
use crate::domain::plan::library::TrashReason;
use crate::i18n::{format_datetime, Key, Text};
use crate::ui::shell::context::{navigate, use_app, Tr};
use crate::ui::shell::platform::BrowserIds;
use yew::prelude::*;

#[function_component(TrashScreen)]
pub fn trash_screen() -> Html {
    let Some(app) = use_app() else {
        return html! {};
    };
    let confirming = use_state(|| false);
    let back = navigate(&app, Route::Library);
    let ask = {
        let confirming = confirming.clone();
        Callback::from(move |_| confirming.set(true))
    };
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_| confirming.set(false))
    };
    let empty = {
        let (app, confirming) = (app.clone(), confirming.clone());
        Callback::from(move |_| {
            app.dispatch(Action::EmptyTrash);
            confirming.set(false);
        })
    };
    let entries = app.library.trash_listing();
    let rows = entries.iter().map(|entry| {
        let id = entry.entry;
        let restore = {
            let app = app.clone();
            Callback::from(move |_| app.dispatch(Action::Restore { entry: id, fresh_id: BrowserIds.plan_id() }))
        };
        let purge = {
            let app = app.clone();
            Callback::from(move |_| app.dispatch(Action::Purge(id)))
        };
        let reason = match entry.reason {
            TrashReason::Deleted => Key::TrashReasonDeleted,
            TrashReason::Replaced => Key::TrashReasonReplaced,
        };
        let when = Text::new(Key::TrashDeletedAt).with("time", format_datetime(app.lang, entry.deleted_at, app.utc_offset_minutes));
        html! {
            <li class="trash-item" key={id.to_string()}>
                <div>
                    <span class="plan-name">{ &entry.plan.name }</span>
                    <span class="trash-meta"><span class="tag">{ app.t(reason) }</span>{ app.text(&when) }</span>
                </div>
                <div class="row-actions">
                    <button type="button" class="btn btn-small" onclick={restore}>{ app.t(Key::TrashRestore) }</button>
                    <button type="button" class="btn btn-small btn-danger" onclick={purge}>{ app.t(Key::TrashPurge) }</button>
                </div>
            </li>
        }
    });
    let confirm_text = Text::counted(Key::TrashConfirmEmpty, entries.len());
    html! {
        <div class="trash">
            <a class="back-link" href="#/" onclick={back}>{ "← " }{ app.t(Key::TrashBack) }</a>
            <div class="page-head">
                <h1>{ app.t(Key::TrashTitle) }</h1>
                if !entries.is_empty() && !*confirming {
                    <button type="button" class="btn btn-danger" onclick={ask}>{ app.t(Key::TrashEmptyAll) }</button>
                }
            </div>
            if *confirming {
                <div class="confirm" role="alertdialog" aria-labelledby="confirm-empty">
                    <p id="confirm-empty">{ app.text(&confirm_text) }</p>
                    <button type="button" class="btn btn-danger" onclick={empty}>{ app.t(Key::TrashEmptyAll) }</button>
                    <button type="button" class="btn btn-quiet" onclick={cancel}>{ app.t(Key::FormCancel) }</button>
                </div>
            }
            if entries.is_empty() {
                <p class="empty-note">{ app.t(Key::TrashEmptyState) }</p>
            } else {
                <ul class="trash-list">{ for rows }</ul>
            }
        </div>
    }
}
