//! The budget's total and reserve, and the table of budget lines, edited in
//! place, 25 rows at a time.

use crate::app::budget::{kind_key, money};
use crate::app::route::{BudgetView, Section};
use crate::app::Route;
use crate::domain::budget::edit::BudgetEdit;
use crate::domain::budget::{Band, BudgetKind, BudgetLine, ReserveCheck, TotalBasis, REVENUE_SHARE_HINT};
use crate::domain::core::ids::IdSource;
use crate::domain::core::money::Money;
use crate::domain::core::rate::Rate;
use crate::domain::plan::PlanEdit;
use crate::i18n::{Key, Text};
use crate::ui::budget::line_row::BudgetLineRow;
use crate::ui::shell::context::PlanActions;
use crate::ui::shell::context::{navigate, use_app, PlanRef, Tr};
use crate::ui::shell::platform::BrowserIds;
use crate::ui::widgets::amount_input::{MoneyInput, PercentInput};
use crate::ui::widgets::dom::{target_value, use_focus_later};
use crate::ui::widgets::pager::use_pager;
use crate::ui::widgets::table::WideTable;
use yew::prelude::*;

/// Rows drawn at once; "show more" adds as many again. A line's row holds
/// eight inputs and selects, so 25 rows are already a full screen.
pub const PAGE: usize = 25;

#[derive(Properties, PartialEq)]
pub struct LinesProps {
    pub plan: PlanRef,
}

#[function_component(BudgetLines)]
pub fn budget_lines(props: &LinesProps) -> Html {
    let Some(app) = use_app() else { return html! {} };
    let plan = &props.plan;
    let id = plan.id;
    let b = &plan.budget;
    let pager = use_pager(PAGE);
    // A line just added takes the cursor in its name once it is drawn.
    let focus_later = use_focus_later();
    let edit = {
        let app = app.clone();
        move |edit: PlanEdit| {
            app.edit(id, edit);
        }
    };
    let add = {
        let edit = edit.clone();
        let (name, pager, count) = (app.t(Key::BudgetNewLineName).to_owned(), pager.clone(), b.lines.len());
        let focus_later = focus_later.clone();
        Callback::from(move |_| {
            focus_later.request(format!("line-name-{}", count + 1));
            edit(PlanEdit::Budget(BudgetEdit::PutLine(BudgetLine::new(
                BrowserIds.item_id(),
                &name,
                Money::ZERO,
            ))));
            // The new line is the last one: keep it on screen.
            pager.show_at_least(count + 1);
        })
    };
    let rows = b
        .lines
        .iter()
        .enumerate()
        .take(pager.shown(b.lines.len()))
        .map(|(index, line)| html! { <BudgetLineRow key={line.id.to_string()} plan={plan.clone()} line={line.id} {index} /> });
    let pager = pager.view_if_long(&app, b.lines.len());
    let m = |a| money(app.lang, plan, a);
    let channels = Route::Plan(id, Section::Budget(BudgetView::Channels));
    html! {
        <>
            { total_form(&app, plan) }
            <div class="section-head">
                <h3>{ app.t(Key::BudgetLinesTitle) }</h3>
                <button type="button" class="btn btn-primary no-print" id="add-line" onclick={add}>{ app.t(Key::BudgetAddLine) }</button>
            </div>
            if b.channels.is_empty() {
                <p class="field-hint no-print">
                    { app.t(Key::BudgetNoChannelsHint) }{ " " }
                    <a href={channels.to_hash()} onclick={navigate(&app, channels)}>{ app.t(Key::BudgetNoChannelsLink) }</a>
                </p>
            }
            if b.lines.is_empty() {
                <div class="empty-state"><p>{ app.t(Key::BudgetLinesEmpty) }</p></div>
            } else {
                <WideTable label={app.t(Key::TableBudgetLines)}>
                    <table class="task-table budget-table">
                        <thead><tr>
                            <th scope="col" class="cell-lead pin"><span class="visually-hidden">{ app.t(Key::ColActions) }</span></th>
                            <th scope="col" class="pin pin-last">{ app.t(Key::BudgetColName) }</th>
                            <th scope="col" class="num">{ app.t(Key::BudgetColAmount) }</th>
                            <th scope="col" class="num">{ app.t(Key::BudgetColSpent) }</th>
                            <th scope="col">{ app.t(Key::BudgetColCategory) }</th>
                            <th scope="col">{ app.t(Key::BudgetColChannel) }</th>
                            <th scope="col">{ app.t(Key::BudgetColReach) }</th>
                            <th scope="col">{ app.t(Key::BudgetColFunction) }</th>
                            <th scope="col">{ app.t(Key::BudgetColRegion) }</th>
                            <th scope="col">{ app.t(Key::BudgetColPriority) }</th>
                            <th scope="col">{ app.t(Key::BudgetColMonth) }</th>
                            <th scope="col">{ app.t(Key::BudgetColOwner) }</th>
                            <th scope="col">{ app.t(Key::BudgetColApproval) }</th>
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                        <tfoot><tr>
                            <td class="cell-lead pin"></td>
                            <th scope="row" class="pin pin-last">{ app.t(Key::BudgetTotalRow) }</th>
                            <td class="num" id="lines-total" data-label={app.t(Key::BudgetColAmount)}>{ m(b.planned()) }</td>
                            <td class="num" data-label={app.t(Key::BudgetColSpent)}>{ m(b.spent()) }</td>
                            <td colspan="9" class="cell-filler"></td>
                        </tr></tfoot>
                    </table>
                </WideTable>
                { pager }
            }
        </>
    }
}

/// The total (an amount or a share of revenue) and the reserve with its band
/// (a plain function: it keeps no state of its own).
fn total_form(app: &crate::ui::shell::context::AppHandle, plan: &PlanRef) -> Html {
    let app = app.clone();
    let id = plan.id;
    let b = &plan.budget;
    let edit = {
        let app = app.clone();
        move |edit: PlanEdit| app.edit(id, edit)
    };
    let on_basis = {
        let (edit, total, current) = (edit.clone(), b.total(), b.total);
        Callback::from(move |e: Event| {
            let next = match target_value(&e).as_str() {
                "share" => match current {
                    TotalBasis::ShareOfRevenue { .. } => return,
                    // Start from the revenue that gives today's total at 4%.
                    TotalBasis::Amount { .. } => TotalBasis::share_of_revenue(total, Rate(400)),
                },
                _ => TotalBasis::Amount { amount: total },
            };
            edit(PlanEdit::Budget(BudgetEdit::Total(next)));
        })
    };
    let reserve_edit = {
        let edit = edit.clone();
        let (share, kind, band) = (b.reserve, b.kind, b.reserve_band);
        move |f: fn(&mut Rate, &mut BudgetKind, &mut Option<Band>, Rate)| {
            let edit = edit.clone();
            Callback::from(move |r: Rate| {
                let (mut s, mut k, mut bd) = (share, kind, band);
                f(&mut s, &mut k, &mut bd, r);
                edit(PlanEdit::Budget(BudgetEdit::Reserve {
                    share: s,
                    kind: k,
                    band: bd,
                }));
            })
        }
    };
    let on_kind = {
        let edit = edit.clone();
        let (share, band) = (b.reserve, b.reserve_band);
        Callback::from(move |e: Event| {
            let kind = if target_value(&e) == "innovation" {
                BudgetKind::Innovation
            } else {
                BudgetKind::Normal
            };
            edit(PlanEdit::Budget(BudgetEdit::Reserve { share, kind, band }));
        })
    };
    let reset_band = {
        let edit = edit.clone();
        let (share, kind) = (b.reserve, b.kind);
        Callback::from(move |_| {
            edit(PlanEdit::Budget(BudgetEdit::Reserve {
                share,
                kind,
                band: None,
            }))
        })
    };
    let band = b.band();
    let (check_class, check_key) = match b.reserve_check() {
        ReserveCheck::Within => ("status status-on", Key::BudgetReserveOk),
        ReserveCheck::Below => ("status status-risk", Key::BudgetReserveLow),
        ReserveCheck::Above => ("status status-risk", Key::BudgetReserveHigh),
    };
    let kind_hint = Text::new(Key::BudgetReserveHint)
        .with_text("kind", Text::new(kind_key(b.kind)))
        .with("low", b.kind.default_band().low.percent_text())
        .with("high", b.kind.default_band().high.percent_text());
    let total_fields = match b.total {
        TotalBasis::Amount { amount } => {
            let edit = edit.clone();
            html! {
                <div class="field">
                    <label for="budget-total">{ app.t(Key::BudgetTotalAmount) }</label>
                    <MoneyInput id="budget-total" value={amount}
                        onchange={Callback::from(move |amount| edit(PlanEdit::Budget(BudgetEdit::Total(TotalBasis::Amount { amount }))))} />
                </div>
            }
        }
        TotalBasis::ShareOfRevenue { revenue, share } => {
            let (e1, e2) = (edit.clone(), edit.clone());
            let share_off = share < REVENUE_SHARE_HINT.0 || share > REVENUE_SHARE_HINT.1;
            html! {
                <>
                    <div class="field">
                        <label for="budget-revenue">{ app.t(Key::BudgetRevenue) }</label>
                        <MoneyInput id="budget-revenue" value={revenue}
                            onchange={Callback::from(move |revenue| e1(PlanEdit::Budget(BudgetEdit::Total(TotalBasis::ShareOfRevenue { revenue, share }))))} />
                    </div>
                    <div class="field">
                        <label for="budget-share">{ app.t(Key::BudgetRevenueShare) }</label>
                        <PercentInput id="budget-share" value={share}
                            onchange={Callback::from(move |share| e2(PlanEdit::Budget(BudgetEdit::Total(TotalBasis::ShareOfRevenue { revenue, share }))))} />
                        <p class={classes!("field-hint", share_off.then_some("hint-warn"))}>{ app.t(Key::BudgetShareHint) }</p>
                    </div>
                </>
            }
        }
    };
    let is_share = matches!(b.total, TotalBasis::ShareOfRevenue { .. });
    html! {
        <fieldset class="card budget-settings no-print">
            <legend>{ app.t(Key::BudgetSettings) }</legend>
            <div class="form-row">
                <div class="field">
                    <label for="budget-basis">{ app.t(Key::BudgetTotalBasis) }</label>
                    <select id="budget-basis" onchange={on_basis}>
                        <option value="amount" selected={!is_share}>{ app.t(Key::BudgetBasisAmount) }</option>
                        <option value="share" selected={is_share}>{ app.t(Key::BudgetBasisShare) }</option>
                    </select>
                </div>
                { total_fields }
            </div>
            <div class="form-row">
                <div class="field">
                    <label for="budget-kind">{ app.t(Key::BudgetKindLabel) }</label>
                    <select id="budget-kind" onchange={on_kind}>
                        { for BudgetKind::ALL.iter().map(|k| html! {
                            <option value={if *k == BudgetKind::Normal { "normal" } else { "innovation" }} selected={*k == b.kind}>{ app.t(kind_key(*k)) }</option>
                        }) }
                    </select>
                    <p class="field-hint">{ app.text(&kind_hint) }</p>
                </div>
                <div class="field">
                    <label for="budget-reserve">{ app.t(Key::BudgetReserveShare) }</label>
                    <PercentInput id="budget-reserve" value={b.reserve} onchange={reserve_edit(|s, _, _, r| *s = r)} />
                    <p><span id="reserve-check" class={check_class}>{ app.t(check_key) }</span></p>
                </div>
                <div class="field">
                    <label for="band-low">{ app.t(Key::BudgetBandLow) }</label>
                    <PercentInput id="band-low" value={band.low} onchange={reserve_edit(|_, k, bd, r| {
                        let high = bd.unwrap_or_else(|| k.default_band()).high;
                        *bd = Some(Band { low: r, high });
                    })} />
                </div>
                <div class="field">
                    <label for="band-high">{ app.t(Key::BudgetBandHigh) }</label>
                    <PercentInput id="band-high" value={band.high} onchange={reserve_edit(|_, k, bd, r| {
                        let low = bd.unwrap_or_else(|| k.default_band()).low;
                        *bd = Some(Band { low, high: r });
                    })} />
                    if b.reserve_band.is_some() {
                        <button type="button" class="btn btn-small btn-quiet" onclick={reset_band}>{ app.t(Key::BudgetBandDefault) }</button>
                    }
                </div>
            </div>
        </fieldset>
    }
}
