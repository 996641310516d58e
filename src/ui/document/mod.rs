//! The plan document screen: the eight chapters as a reader sees them in
//! print, with the completeness check beside them and the exports. It
//! draws `app::document`'s model and nothing else.

mod completeness;
mod export;

use crate::app::document::report::{build_report, period_label};
use crate::app::document::{anchor, build, file_name, Block, DocChapter, Document, Table};
use crate::app::route::{DocView, Section};
use crate::domain::core::calendar::date_text;
use crate::domain::evaluation::report::{ReportKind, ReportPeriod};
use crate::i18n::Key;
use crate::ui::shell::context::{use_app, AppHandle, PlanRef, Tr};
use crate::ui::widgets::chart::inline_svg;
use crate::ui::widgets::dom::target_value;
use crate::ui::widgets::tabs::{chapter_tabs, view_tabs};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DocumentProps {
    pub plan: PlanRef,
    pub view: DocView,
}

/// Tables longer than this are filled straight into the DOM (see
/// [`LongBody`]); shorter ones are drawn like the rest of the app.
const LONG_TABLE: usize = 100;

#[derive(Properties, PartialEq)]
struct LongBodyProps {
    rows: Rc<Vec<Vec<String>>>,
    numeric: Rc<Vec<bool>>,
}

/// The body of a long table (a plan's 2,000 tasks): built once with the
/// DOM's own calls, each cell's text set as text, instead of thousands of
/// virtual nodes diffed on every redraw. Drawn again only when the rows
/// change (the props compare by content).
#[function_component(LongBody)]
fn long_body(props: &LongBodyProps) -> Html {
    let body = use_node_ref();
    {
        let body = body.clone();
        use_effect_with((props.rows.clone(), props.numeric.clone()), move |(rows, numeric)| {
            fill_body(&body, rows, numeric);
        });
    }
    html! { <tbody ref={body}></tbody> }
}

fn fill_body(body: &NodeRef, rows: &[Vec<String>], numeric: &[bool]) {
    let (Some(body), Some(doc)) = (
        body.cast::<web_sys::Element>(),
        web_sys::window().and_then(|w| w.document()),
    ) else {
        return;
    };
    body.set_text_content(None);
    let fragment = doc.create_document_fragment();
    for row in rows {
        let Ok(tr) = doc.create_element("tr") else { return };
        for (i, text) in row.iter().enumerate() {
            let Ok(td) = doc.create_element("td") else { return };
            if numeric.get(i).copied().unwrap_or(false) {
                td.set_class_name("num");
            }
            td.set_text_content(Some(text));
            let _ = tr.append_child(&td);
        }
        let _ = fragment.append_child(&tr);
    }
    let _ = body.append_child(&fragment);
}

fn table(t: &Table) -> Html {
    let class = |i: usize| t.numeric.get(i).copied().unwrap_or(false).then_some("num");
    let head = t
        .head
        .iter()
        .enumerate()
        .map(|(i, h)| html! { <th scope="col" class={class(i)}>{ h }</th> });
    let body = if t.rows.len() > LONG_TABLE {
        html! { <LongBody rows={Rc::new(t.rows.clone())} numeric={Rc::new(t.numeric.clone())} /> }
    } else {
        let rows = t.rows.iter().map(|row| {
            let cells = row
                .iter()
                .enumerate()
                .map(|(i, c)| html! { <td class={class(i)}>{ c }</td> });
            html! { <tr>{ for cells }</tr> }
        });
        html! { <tbody>{ for rows }</tbody> }
    };
    html! {
        // Scrolls sideways when wider than the page: reachable by keyboard.
        <div class="doc-table-wrap" role="region" tabindex="0" aria-label={t.caption.clone()}>
            <table class="doc-table">
                <caption>{ &t.caption }</caption>
                <thead><tr>{ for head }</tr></thead>
                { body }
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

pub fn view_key(view: DocView) -> Key {
    match view {
        DocView::Plan => Key::DocTabPlan,
        DocView::Weekly => Key::DocTabWeekly,
        DocView::Monthly => Key::DocTabMonthly,
    }
}

/// The week or month a report is of, chosen from the plan's.
fn period_picker(
    app: &AppHandle,
    all: &[ReportPeriod],
    open: ReportPeriod,
    chosen: &UseStateHandle<Option<ReportPeriod>>,
) -> Html {
    let label = match open.kind {
        ReportKind::Weekly => Key::RepChooseWeek,
        ReportKind::Monthly => Key::RepChooseMonth,
    };
    let onchange = {
        let (all, chosen) = (all.to_vec(), chosen.clone());
        Callback::from(move |e: Event| {
            let value = target_value(&e);
            if let Some(p) = all.iter().find(|p| date_text(p.start) == value) {
                chosen.set(Some(*p));
            }
        })
    };
    let options = all.iter().map(|p| {
        html! { <option value={date_text(p.start)} selected={*p == open}>{ period_label(app.lang, *p) }</option> }
    });
    html! {
        <div class="form-row report-period no-print">
            <label for="report-period">{ app.t(label) }</label>
            <select id="report-period" {onchange}>{ for options }</select>
        </div>
    }
}

#[function_component(DocumentScreen)]
pub fn document_screen(props: &DocumentProps) -> Html {
    let chosen = use_state(|| None::<ReportPeriod>);
    let Some(app) = use_app() else { return html! {} };
    let plan = &props.plan;
    let kind = match props.view {
        DocView::Plan => None,
        DocView::Weekly => Some(ReportKind::Weekly),
        DocView::Monthly => Some(ReportKind::Monthly),
    };
    let periods = kind.map(|k| ReportPeriod::all_in(k, plan)).unwrap_or_default();
    let period = kind.map(|k| {
        (*chosen)
            .filter(|p| periods.contains(p))
            .unwrap_or_else(|| ReportPeriod::default_for(k, plan, app.today))
    });
    let doc = Rc::new(match period {
        None => build(plan, app.lang, app.today),
        Some(p) => build_report(plan, app.lang, p, app.today),
    });
    let name = file_name(plan, period, "md");
    let stem = name.strip_suffix(".md").unwrap_or(&name).to_owned();
    let print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let tabs = chapter_tabs(&app, plan.id, &DocView::ALL, props.view, Section::Document, view_key);
    let intro = if period.is_some() { Key::RepIntro } else { Key::DocIntro };
    html! {
        <section class="chapter plan-document-screen" aria-labelledby="document-title">
            <style>{ margin_style(&plan.name) }</style>
            <div class="section-head no-print">
                <h2 id="document-title">{ app.t(view_key(props.view)) }</h2>
                <div class="toolbar">
                    <button type="button" class="btn" onclick={print}>{ app.t(Key::DocPrint) }</button>
                    <export::MarkdownExport doc={doc.clone()} stem={stem.clone()} />
                    <export::DocxExport doc={doc.clone()} {stem} />
                </div>
            </div>
            <p class="chapter-intro no-print">{ app.t(intro) }</p>
            { view_tabs(&app, app.t(Key::DocViews), tabs) }
            if let Some(open) = period {
                { period_picker(&app, &periods, open, &chosen) }
            }
            <div class={classes!("doc-layout", period.is_some().then_some("doc-layout-report"))}>
                <article class={classes!("plan-document", doc.report.then_some("report"))} lang={app.lang.tag()}>
                    <header class="doc-cover">
                        <p class="doc-title">{ &doc.title }</p>
                        <p class="doc-subtitle">{ &doc.subtitle }</p>
                        if period.is_none() && !plan.organisation.trim().is_empty() {
                            <p class="doc-subtitle">{ &plan.organisation }</p>
                        }
                        <p class="doc-prepared">{ &doc.prepared }</p>
                    </header>
                    { for doc.lead.iter().map(|text| html! { <p class="doc-lead" role="status">{ text }</p> }) }
                    if !doc.report { { contents(&app, &doc) } }
                    { for doc.chapters.iter().map(chapter) }
                </article>
                if period.is_none() { { completeness::panel(&app, plan) } }
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
