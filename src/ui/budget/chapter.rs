//! Chapter 6, the budget: the figures that matter at a glance, what needs a
//! look, the five views and the Excel and CSV exports.

use crate::app::budget::{budget_workbook, flag_text, lines_csv, money, overdue_texts};
use crate::app::implementation::export_name;
use crate::app::route::{BudgetView, Section};
use crate::app::state::EditField;
use crate::app::Route;
use crate::domain::budget::edit::BudgetEdit;
use crate::i18n::{Key, Text};
use crate::ui::budget::approval_sheet::ApprovalSheet;
use crate::ui::budget::channels::ChannelsView;
use crate::ui::budget::lines::BudgetLines;
use crate::ui::budget::spending::BudgetSpending;
use crate::ui::shell::context::PlanActions;
use crate::ui::shell::context::{use_app, PlanRef, Tr};
use crate::ui::shell::io::offer_download;
use crate::ui::shell::platform::now;
use crate::ui::widgets::dom::target_checked;
use crate::ui::widgets::lazy_export::LazyExport;
use crate::ui::widgets::tabs::view_tabs;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BudgetProps {
    pub plan: PlanRef,
    pub view: BudgetView,
}

fn view_key(view: BudgetView) -> Key {
    match view {
        BudgetView::Lines => Key::BudgetTabLines,
        BudgetView::Splits => Key::BudgetTabSplits,
        BudgetView::Spending => Key::BudgetTabSpending,
        BudgetView::Approvals | BudgetView::Sheet(_) => Key::BudgetTabApprovals,
        BudgetView::Channels => Key::BudgetTabChannels,
    }
}

#[function_component(BudgetChapter)]
pub fn budget_chapter(props: &BudgetProps) -> Html {
    let Some(app) = use_app() else { return html! {} };
    let plan = &props.plan;
    let id = plan.id;
    if let BudgetView::Sheet(request) = props.view {
        return html! { <ApprovalSheet plan={plan.clone()} {request} /> };
    }
    let b = &plan.budget;
    let lang = app.lang;
    let m = |amount| money(lang, plan, amount);

    let tabs = view_tabs(
        &app,
        app.t(Key::BudgetViews),
        BudgetView::TABS.iter().map(|&view| {
            let current = view == props.view;
            (Route::Plan(id, Section::Budget(view)), app.t(view_key(view)), current)
        }),
    );
    let export_csv = {
        let (app, plan) = (app.clone(), plan.clone());
        Callback::from(move |_| {
            let text = lines_csv(&plan, app.lang);
            offer_download(&app, &export_name(&plan, "csv"), "text/csv;charset=utf-8", &text);
        })
    };
    let toggle_wan = {
        let app = app.clone();
        Callback::from(move |e: Event| app.edit(id, BudgetEdit::ShowWan(target_checked(&e))))
    };
    let error = app
        .edit_error
        .as_ref()
        .filter(|e| e.plan == id && e.field == EditField::Budget)
        .map(|e| app.text(&e.text));
    let mut flags: Vec<String> = b
        .flags(&plan.period, app.today)
        .iter()
        .map(|f| flag_text(lang, plan, f))
        .collect();
    flags.extend(overdue_texts(lang, plan, app.today));
    let projected = b.projected_spend(&plan.period, app.today);
    let figure = |label: String, value: String, class: Option<&'static str>| {
        html! { <div class={classes!("budget-figure", class)}><dt>{ label }</dt><dd>{ value }</dd></div> }
    };
    let remaining = b.available() - b.planned();
    let content = match props.view {
        BudgetView::Lines => html! { <BudgetLines plan={plan.clone()} /> },
        BudgetView::Splits => crate::ui::budget::splits::budget_splits(&app, plan),
        BudgetView::Spending => html! { <BudgetSpending plan={plan.clone()} /> },
        BudgetView::Approvals | BudgetView::Sheet(_) => crate::ui::budget::approvals::approvals_view(plan),
        BudgetView::Channels => html! { <ChannelsView plan={plan.clone()} /> },
    };
    html! {
        <section class="chapter budget" aria-labelledby="budget-title">
            <div class="section-head">
                <h2 id="budget-title">{ format!("6. {}", app.t(Key::ChapterBudget)) }</h2>
                <div class="toolbar no-print">
                    <label class="check-inline"><input id="show-wan" type="checkbox" checked={b.show_wan} onchange={toggle_wan} />{ " " }{ app.t(Key::BudgetShowWan) }</label>
                    <XlsxExport plan={plan.clone()} />
                    <button type="button" class="btn" onclick={export_csv}>{ app.t(Key::BudgetExportCsv) }</button>
                </div>
            </div>
            <p class="chapter-intro no-print">{ app.t(Key::BudgetIntro) }</p>
            <dl class="budget-figures" aria-label={app.t(Key::ChapterBudget)}>
                { figure(app.t(Key::BudgetFigTotal).into(), m(b.total()), None) }
                { figure(app.text(&Text::new(Key::BudgetFigReserve).with("share", b.reserve.percent_text())), m(b.reserve_amount()), None) }
                { figure(app.t(Key::BudgetFigPlanned).into(), m(b.planned()), None) }
                { figure(app.t(Key::BudgetFigRemaining).into(), m(remaining), remaining.is_negative().then_some("bad")) }
                { figure(app.t(Key::BudgetFigSpent).into(), m(b.spent()), None) }
                if let Some(p) = projected {
                    { figure(app.t(Key::BudgetFigProjected).into(), m(p), (p > b.total()).then_some("bad")) }
                }
            </dl>
            if let Some(error) = error {
                <p class="field-error" role="alert" id="budget-error">{ error }</p>
            }
            if !flags.is_empty() {
                <div class="banner banner-warning budget-flags" role="status">
                    <strong>{ app.t(Key::BudgetFlagsTitle) }</strong>
                    <ul>{ for flags.into_iter().map(|f| html! { <li>{ f }</li> }) }</ul>
                </div>
            }
            { tabs }
            { content }
        </section>
    }
}

/// The Excel export; the writer is in the lazily loaded files module (the
/// CSV export works without it).
#[derive(Properties, PartialEq)]
struct XlsxExportProps {
    plan: PlanRef,
}

#[function_component(XlsxExport)]
fn xlsx_export(props: &XlsxExportProps) -> Html {
    let Some(app) = use_app() else { return html! {} };
    let job = {
        let (plan, lang) = (props.plan.clone(), app.lang);
        Callback::from(move |()| budget_workbook(&plan, lang, now()))
    };
    html! {
        <LazyExport {job} file_name={export_name(&props.plan, "xlsx")}
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            label={Key::BudgetExportXlsx} loading={Key::BudgetExportXlsxLoading}
            writing={Key::BudgetExportXlsxWriting} unavailable={Key::ErrorXlsxUnavailable} />
    }
}
