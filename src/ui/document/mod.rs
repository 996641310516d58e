//! The plan document screen: the eight chapters as a reader sees them in
//! print, with the completeness check beside them and the exports. It
//! draws `app::document`'s model and nothing else.

mod completeness;
mod export;

use crate::app::document::{anchor, build, Block, DocChapter, Document, Table};
use crate::app::route::DocView;
use crate::i18n::Key;
use crate::ui::shell::context::{use_app, AppHandle, PlanRef, Tr};
use crate::ui::widgets::chart::inline_svg;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DocumentProps {
    pub plan: PlanRef,
    pub view: DocView,
}

fn table(t: &Table) -> Html {
    let class = |i: usize| t.numeric.get(i).copied().unwrap_or(false).then_some("num");
    let head = t
        .head
        .iter()
        .enumerate()
        .map(|(i, h)| html! { <th scope="col" class={class(i)}>{ h }</th> });
    let rows = t.rows.iter().map(|row| {
        let cells = row
            .iter()
            .enumerate()
            .map(|(i, c)| html! { <td class={class(i)}>{ c }</td> });
        html! { <tr>{ for cells }</tr> }
    });
    html! {
        // Scrolls sideways when wider than the page: reachable by keyboard.
        <div class="doc-table-wrap" role="region" tabindex="0" aria-label={t.caption.clone()}>
            <table class="doc-table">
                <caption>{ &t.caption }</caption>
                <thead><tr>{ for head }</tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}

fn block(b: &Block) -> Html {
    match b {
        Block::Section { number, title } => html! {
            <h4 id={anchor(number)} class="doc-section" tabindex="-1">{ format!("{number} {title}") }</h4>
        },
        Block::Paragraph { text } => html! { <p class="doc-text">{ text }</p> },
        Block::Fields { rows } => html! {
            <dl class="doc-fields">
                { for rows.iter().map(|(label, value)| html! { <><dt>{ label }</dt><dd>{ value }</dd></> }) }
            </dl>
        },
        Block::List { items } => {
            html! { <ul class="doc-list">{ for items.iter().map(|i| html! { <li>{ i }</li> }) }</ul> }
        }
        Block::Table(t) => table(t),
        Block::Chart { caption, svg } => match svg {
            Some(svg) => html! {
                <figure class="doc-chart" tabindex="0">
                    { inline_svg(svg.clone()) }
                    <figcaption>{ caption }</figcaption>
                </figure>
            },
            None => html! {},
        },
        Block::Empty { text } => html! { <p class="doc-empty">{ text }</p> },
    }
}

fn chapter(c: &DocChapter) -> Html {
    let id = anchor(&c.number.to_string());
    html! {
        <section class="doc-chapter" aria-labelledby={id.clone()}>
            <h3 {id} tabindex="-1">{ format!("{} {}", c.number, c.title) }</h3>
            { for c.blocks.iter().map(block) }
        </section>
    }
}

/// The contents, linking to the headings. The app's routes live in the
/// URL hash, so a link scrolls to its heading instead of changing it.
fn contents(app: &AppHandle, doc: &Document) -> Html {
    let items = doc.toc().into_iter().map(|e| {
        let target = e.anchor.clone();
        let onclick = Callback::from(move |ev: MouseEvent| {
            ev.prevent_default();
            crate::ui::widgets::dom::bring_to_top(&target);
        });
        html! {
            <li class={if e.level == 1 { "toc-chapter" } else { "toc-section" }}>
                <a href={format!("#{}", e.anchor)} {onclick}>{ format!("{} {}", e.number, e.title) }</a>
            </li>
        }
    });
    html! {
        <nav class="doc-toc" aria-labelledby="doc-toc-title">
            <h3 id="doc-toc-title">{ app.t(Key::DocToc) }</h3>
            <ol>{ for items }</ol>
        </nav>
    }
}

/// The plan's name in the printed pages' top margin. Margin boxes take
/// their text from CSS only, so the name goes into a style rule as a CSS
/// string with every character escaped (`\HHHHHH `): whatever the name
/// holds, it cannot end the string or the rule.
fn margin_style(name: &str) -> String {
    let escaped: String = name
        .chars()
        .filter(|c| !c.is_control())
        .map(|c| format!("\\{:06X} ", c as u32))
        .collect();
    format!("@media print {{ @page doc {{ @top-center {{ content: \"{escaped}\"; font-size: 9pt; color: #555; }} }} }}")
}

#[function_component(DocumentScreen)]
pub fn document_screen(props: &DocumentProps) -> Html {
    let Some(app) = use_app() else { return html! {} };
    let plan = &props.plan;
    let doc = build(plan, app.lang, app.today);
    let DocView::Plan = props.view;
    let print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    html! {
        <section class="chapter plan-document-screen" aria-labelledby="document-title">
            <style>{ margin_style(&plan.name) }</style>
            <div class="section-head no-print">
                <h2 id="document-title">{ app.t(Key::DocTitle) }</h2>
                <div class="toolbar">
                    <button type="button" class="btn" onclick={print}>{ app.t(Key::DocPrint) }</button>
                    <export::MarkdownExport plan={plan.clone()} />
                    <export::DocxExport plan={plan.clone()} />
                </div>
            </div>
            <p class="chapter-intro no-print">{ app.t(Key::DocIntro) }</p>
            <div class="doc-layout">
                <article class="plan-document" lang={app.lang.tag()}>
                    <header class="doc-cover">
                        <p class="doc-title">{ &doc.title }</p>
                        <p class="doc-subtitle">{ &doc.subtitle }</p>
                        if !plan.organisation.trim().is_empty() {
                            <p class="doc-subtitle">{ &plan.organisation }</p>
                        }
                        <p class="doc-prepared">{ &doc.prepared }</p>
                    </header>
                    { contents(&app, &doc) }
                    { for doc.chapters.iter().map(chapter) }
                </article>
                { completeness::panel(&app, plan) }
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_margin_name_cannot_leave_its_css_string() {
        let css = margin_style("Q1\"; } body { display:none } </style><script>");
        assert!(!css.contains("</style>") && !css.contains("display:none"));
        assert!(css.contains("\\000051 \\000031 \\000022 "));
        assert_eq!(css.matches('"').count(), 2);
    }
}
