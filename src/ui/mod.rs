//! Thin Yew components: they render the state and send actions to the one
//! reducer. Anything the browser must do happens in effects and callbacks,
//! so every component also renders natively (see tests/render.rs).

mod budget;
mod document;
mod evaluation;
mod goals;
mod implementation;
mod library;
mod risk;
pub mod shell;
mod situation;
mod strategy;
mod summary;
mod team;
mod widgets;

pub use shell::root::{initial_state, Root, RootProps};
pub use shell::{context, io, platform};

/// Starts the app in the page's `<body>`, once the texts of its language
/// are in (`i18n/texts.rs`). If they cannot be had it starts in the other
/// language and says why; if neither can, index.html's own bilingual
/// message asks for a reload.
pub fn start() {
    let mut initial = initial_state();
    wasm_bindgen_futures::spawn_local(async move {
        let lang = initial.lang;
        if !platform::load_language(lang).await {
            if !platform::load_language(lang.other()).await {
                show_load_failure();
                return;
            }
            initial.lang = lang.other();
            initial.apply(crate::app::Action::Notify {
                text: crate::i18n::Text::new(crate::i18n::Key::NoticeLanguageUnavailable),
                is_error: true,
            });
        }
        render(initial);
    });
}

fn render(initial: crate::app::AppState) {
    yew::Renderer::<Root>::with_props(RootProps { initial, live: true }).render();
}

/// index.html's message for a page that cannot get any texts.
fn show_load_failure() {
    if let Some(note) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("load-failed"))
    {
        let _ = note.remove_attribute("hidden");
    }
}
