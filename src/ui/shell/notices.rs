//! Short-lived notices at the bottom of the screen, some with an Undo.

use crate::app::state::Notice;
use crate::app::Action;
use crate::i18n::Key;
use crate::ui::shell::context::AppHandle;
use crate::ui::shell::context::{use_app, Tr};
use gloo::timers::callback::Timeout;
use yew::prelude::*;

/// How long a notice stays; one offering Undo stays longer.
const SHOW_MS: u32 = 6_000;
const SHOW_WITH_UNDO_MS: u32 = 12_000;

/// A plain function of the screen (no state of its own; a component
/// costs about 1.4 KB gzip of generic code).
pub fn notices(app: &AppHandle) -> Html {
    let app = app.clone();
    html! {
        <div class="notices" role="status" aria-live="polite">
            { for app.notices.iter().map(|n| html! { <NoticeItem key={n.id} notice={n.clone()} /> }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct NoticeProps {
    notice: Notice,
}

#[function_component(NoticeItem)]
fn notice_item(props: &NoticeProps) -> Html {
    let Some(app) = use_app() else {
        return html! {};
    };
    let notice = &props.notice;
    {
        let app = app.clone();
        let (id, ms) = (
            notice.id,
            if notice.undo.is_some() {
                SHOW_WITH_UNDO_MS
            } else {
                SHOW_MS
            },
        );
        // Errors stay until dismissed: the user needs time to read why.
        let is_error = notice.is_error;
        use_effect_with(id, move |_| {
            let timer = (!is_error).then(|| Timeout::new(ms, move || app.dispatch(Action::Dismiss(id))));
            move || drop(timer)
        });
    }
    let dismiss = {
        let app = app.clone();
        let id = notice.id;
        Callback::from(move |_| app.dispatch(Action::Dismiss(id)))
    };
    let undo = notice.undo.clone().map(|action| {
        let dispatch = app.clone();
        let onclick = Callback::from(move |_| dispatch.dispatch(action.clone()));
        html! { <button type="button" class="btn btn-small btn-primary" {onclick}>{ app.t(Key::NoticeUndo) }</button> }
    });
    let class = if notice.is_error {
        "notice notice-error"
    } else {
        "notice"
    };
    html! {
        <div {class}>
            <div class="notice-text">
                { for notice.texts.iter().map(|t| html! { <p>{ app.text(t) }</p> }) }
            </div>
            { for undo }
            <button type="button" class="btn btn-small btn-quiet" onclick={dismiss} aria-label={app.t(Key::NoticeDismiss)}>{ "×" }</button>
        </div>
    }
}
