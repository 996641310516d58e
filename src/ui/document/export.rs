//! The document's exports: Markdown written here, Word in the files module.

use crate::app::document::{markdown, Document};
use crate::i18n::Key;
use crate::lazy::Job;
use crate::ui::shell::context::{use_app, Tr};
use crate::ui::shell::io::offer_download;
use crate::ui::shell::platform::now;
use crate::ui::widgets::lazy_export::LazyExport;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExportProps {
    pub doc: Rc<Document>,
    /// The file's name without its extension.
    pub stem: String,
}

#[function_component(MarkdownExport)]
pub fn markdown_export(props: &ExportProps) -> Html {
    let Some(app) = use_app() else { return html! {} };
    let onclick = {
        let (app, doc, name) = (app.clone(), props.doc.clone(), format!("{}.md", props.stem));
        Callback::from(move |_| {
            let text = markdown::write(&doc, app.t(Key::DocToc));
            offer_download(&app, &name, "text/markdown;charset=utf-8", &text);
        })
    };
    html! { <button type="button" class="btn" {onclick}>{ app.t(Key::DocExportMd) }</button> }
}

#[function_component(DocxExport)]
pub fn docx_export(props: &ExportProps) -> Html {
    let Some(app) = use_app() else { return html! {} };
    let job = {
        let doc = props.doc.clone();
        let contents = app.t(Key::DocToc).to_owned();
        Callback::from(move |()| Job::Document {
            document: (*doc).clone(),
            contents: contents.clone(),
            created: now(),
        })
    };
    html! {
        <LazyExport {job} file_name={format!("{}.docx", props.stem)}
            mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            label={Key::DocExportDocx} loading={Key::DocDocxLoading}
            writing={Key::DocDocxWriting} unavailable={Key::DocErrorDocxUnavailable} />
    }
}
