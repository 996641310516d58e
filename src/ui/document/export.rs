//! The document's exports: Markdown written here, Word in the files module.

use crate::app::document::{build, markdown};
use crate::app::implementation::export_name;
use crate::i18n::Key;
use crate::lazy::Job;
use crate::ui::shell::context::{use_app, PlanRef, Tr};
use crate::ui::shell::io::offer_download;
use crate::ui::shell::platform::now;
use crate::ui::widgets::lazy_export::LazyExport;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExportProps {
    pub plan: PlanRef,
}

#[function_component(MarkdownExport)]
pub fn markdown_export(props: &ExportProps) -> Html {
    let Some(app) = use_app() else { return html! {} };
    let onclick = {
        let (app, plan) = (app.clone(), props.plan.clone());
        Callback::from(move |_| {
            let doc = build(&plan, app.lang, app.today);
            let text = markdown::write(&doc, app.t(Key::DocToc));
            offer_download(&app, &export_name(&plan, "md"), "text/markdown;charset=utf-8", &text);
        })
    };
    html! { <button type="button" class="btn" {onclick}>{ app.t(Key::DocExportMd) }</button> }
}

#[function_component(DocxExport)]
pub fn docx_export(props: &ExportProps) -> Html {
    let Some(app) = use_app() else { return html! {} };
    let job = {
        let (plan, lang, today) = (props.plan.clone(), app.lang, app.today);
        let contents = app.t(Key::DocToc).to_owned();
        Callback::from(move |()| Job::Document {
            document: build(&plan, lang, today),
            contents: contents.clone(),
            created: now(),
        })
    };
    html! {
        <LazyExport {job} file_name={export_name(&props.plan, "docx")}
            mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            label={Key::DocExportDocx} loading={Key::DocDocxLoading}
            writing={Key::DocDocxWriting} unavailable={Key::DocErrorDocxUnavailable} />
    }
}
