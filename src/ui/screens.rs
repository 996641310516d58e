//! The page frame: header, banners, the current screen, notices, dialogs.

use super::banners::Banners;
use super::context::use_app;
use super::header::Header;
use super::import_dialog::ImportDialog;
use super::library::LibraryScreen;
use super::notices::Notices;
use super::plan_page::PlanPage;
use super::trash::TrashScreen;
use crate::app::Route;
use yew::prelude::*;

#[function_component(Screens)]
pub fn screens() -> Html {
    let Some(app) = use_app() else {
        return html! {};
    };
    let screen = match app.route {
        Route::Library => html! { <LibraryScreen /> },
        Route::Trash => html! { <TrashScreen /> },
        Route::Plan(id, section) => html! { <PlanPage {id} {section} /> },
    };
    html! {
        <div class="app" lang={app.lang.tag()}>
            <Header />
            <Banners />
            <main id="main" class="main">{ screen }</main>
            <Notices />
            <ImportDialog />
        </div>
    }
}
