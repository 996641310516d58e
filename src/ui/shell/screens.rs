//! The page frame: header, banners, the current screen, notices, dialogs.

use crate::app::Route;
use crate::ui::library::list::LibraryScreen;
use crate::ui::library::trash::TrashScreen;
use crate::ui::shell::context::use_app;
use crate::ui::shell::import_dialog::ImportDialog;
use crate::ui::shell::plan_page::PlanPage;
use yew::prelude::*;

#[function_component(Screens)]
pub fn screens() -> Html {
    let Some(app) = use_app() else {
        return html! {};
    };
    // A plan's tables use the whole width of the window; the library reads
    // better in a column.
    let wide = matches!(app.route, Route::Plan(..));
    let screen = match app.route {
        Route::Library => html! { <LibraryScreen /> },
        Route::Trash => html! { <TrashScreen /> },
        Route::Plan(id, section) => html! { <PlanPage {id} {section} /> },
    };
    html! {
        <div class="app" lang={app.lang.tag()}>
            { crate::ui::shell::header::header(&app) }
            { crate::ui::shell::banners::banners(&app) }
            <main id="main" class={classes!("main", wide.then_some("main-wide"))}>{ screen }</main>
            { crate::ui::shell::notices::notices(&app) }
            <ImportDialog />
        </div>
    }
}
