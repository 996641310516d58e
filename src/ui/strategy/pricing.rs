//! The product portfolio and, for one product at a time, the pricing
//! calculator: cost-plus, the competitor band, value-based, the price
//! ladder with its checks, the dynamic rules and the price calendar. Every
//! figure comes from `domain::strategy::pricing`; this file only lays out.

use super::{delete_button, form_error, RowDraft, Ui};
use crate::app::budget::money;
use crate::app::labels::Labelled;
use crate::app::strategy::{forms, ladder_flag_text, percent, stage_actions};
use crate::app::Action;
use crate::domain::core::ids::{IdSource, ItemId};
use crate::domain::core::money::Money;
use crate::domain::core::rate::Rate;
use crate::domain::plan::Removal;
use crate::domain::strategy::edit::{StrategyEdit, TextTarget};
use crate::domain::strategy::pricing::{
    margin, markup_for_margin, BandPosition, BulkRule, LifeStage, PriceRun, Product, Role, SeasonKind, FMCG_MARGIN,
};
use crate::domain::strategy::{Area, Strategy};
use crate::i18n::format_date;
use crate::i18n::{Key, Text};
use crate::ui::shell::context::{AppHandle, PlanHandle, PlanRef, Tr};
use crate::ui::shell::platform::BrowserIds;
use crate::ui::situation::{choice, name_form};
use crate::ui::widgets::amount_input::{NumberKind, OptionalNumber, PercentInput, WholeInput};
use crate::ui::widgets::field::{edit_draft, on_typing};
use yew::prelude::*;

/// A callback that saves the product with one change made.
fn change<T: 'static>(handle: &PlanHandle, p: &Product, set: fn(&mut Product, T)) -> Callback<T> {
    let (handle, p) = (handle.clone(), p.clone());
    Callback::from(move |value: T| {
        let mut next = p.clone();
        set(&mut next, value);
        handle.edit(StrategyEdit::PutProduct(next));
    })
}

fn money_of(v: Option<i64>) -> Option<Money> {
    v.map(Money::from_fen)
}

fn rate_of(v: Option<i64>) -> Option<Rate> {
    v.map(Rate)
}

pub fn products_view(ui: &Ui) -> Html {
    let (app, handle, plan) = (&ui.app, &ui.handle, &ui.plan);
    let products = &plan.strategies.products;
    let add = {
        let (handle, selected) = (handle.clone(), ui.product.clone());
        Callback::from(move |name: String| {
            let id = BrowserIds.item_id();
            handle.edit(StrategyEdit::PutProduct(Product::new(id, &name)));
            selected.set(Some(id));
        })
    };
    let selected = (*ui.product)
        .and_then(|id| plan.strategies.product(id))
        .or_else(|| products.first());
    html! {
        <div class="strategy-products">
            <section class="card" aria-labelledby="portfolio-title">
                <h3 id="portfolio-title">{ app.t(Key::StratProductsTitle) }</h3>
                if products.is_empty() {
                    <p class="empty-note">{ app.t(Key::StratProductsEmpty) }</p>
                } else {
                    <ul class="plain-list">{ for products.iter().map(|p| portfolio_row(ui, p, selected.map(|s| s.id) == Some(p.id))) }</ul>
                }
                { name_form(app, "product-name", Key::StratProductName, Key::StratProductAdd, &ui.product_name, &ui.product_error, add) }
            </section>
            if let Some(p) = selected {
                { pricing(ui, p) }
            }
        </div>
    }
}

fn portfolio_row(ui: &Ui, p: &Product, open: bool) -> Html {
    let (app, handle) = (&ui.app, &ui.handle);
    let id = p.id;
    let role = {
        let set = change(handle, p, |p, r: Role| p.role = r);
        Callback::from(move |r: Option<Role>| {
            if let Some(r) = r {
                set.emit(r)
            }
        })
    };
    let stage = change(handle, p, |p, s: Option<LifeStage>| p.stage = s);
    let price_it = {
        let selected = ui.product.clone();
        Callback::from(move |_| selected.set(Some(id)))
    };
    let delete = {
        let handle = handle.clone();
        Callback::from(move |_| handle.remove(Removal::Strategies(vec![id])))
    };
    html! {
        <li class={classes!("situation-item", "product-row", open.then_some("is-open"))}>
            <div class="field-row">
                { super::text_field(handle, format!("product-{id}-name"), app.t(Key::StratProductName), TextTarget::ProductName(id), &p.name, false) }
                <div class="field">
                    <label for={format!("product-{id}-role")}>{ app.t(Key::StratRole) }</label>
                    { choice(app, format!("product-{id}-role"), Some(p.role), None, None, role) }
                </div>
                <div class="field">
                    <label for={format!("product-{id}-stage")}>{ app.t(Key::StratStage) }</label>
                    { choice(app, format!("product-{id}-stage"), p.stage, Some(Key::StratStageNone), None, stage) }
                </div>
                <div class="item-actions">
                    <button type="button" class={classes!("btn", open.then_some("btn-primary"))} onclick={price_it}
                        aria-pressed={open.to_string()}>{ app.text(&Text::new(Key::StratPricingFor).with("name", &p.name)) }</button>
                    { delete_button(app, &p.name, delete) }
                </div>
            </div>
            if let Some(stage) = p.stage.filter(|_| open) {
                { stage_suggestions(app, handle, p, stage) }
            }
        </li>
    }
}

/// The typical actions of the product's stage, each one click from being a
/// strategy of the product area.
fn stage_suggestions(app: &AppHandle, handle: &PlanHandle, p: &Product, stage: LifeStage) -> Html {
    let items = stage_actions(app.lang, stage).into_iter().map(|action| {
        let title = format!("{} · {}", p.name, action);
        let (handle, app2, t) = (handle.clone(), app.clone(), title.clone());
        let make = Callback::from(move |_| {
            handle.edit(StrategyEdit::PutStrategy(Strategy::new(BrowserIds.item_id(), Area::Product, &t)));
            app2.dispatch(Action::Notify {
                text: Text::new(Key::StratMadeStrategy).with("title", &t),
                is_error: false,
            });
        });
        html! {
            <li>
                <span>{ action }</span>
                <button type="button" class="btn btn-small" onclick={make}
                    aria-label={app.text(&Text::new(Key::StratMakeStrategyNamed).with("text", action))}>{ app.t(Key::StratMakeStrategy) }</button>
            </li>
        }
    });
    html! {
        <div class="stage-actions">
            <h4>{ app.t(Key::StratStageActions) }{ format!(" · {}", app.t(stage.label())) }</h4>
            <ul class="plain-list suggestion-list">{ for items }</ul>
        </div>
    }
}

fn pricing(ui: &Ui, p: &Product) -> Html {
    let (app, handle, plan) = (&ui.app, &ui.handle, &ui.plan);
    let id = p.id;
    let m = |amount: Money| money(app.lang, plan, amount);
    let cost_plus = p.cost_plus_price().zip(p.cost).map(|(price, cost)| {
        let margin = margin(price, cost).map_or_else(|| "–".to_owned(), |r| r.percent_text());
        let markup = p.markup.map(|r| r.percent_text()).unwrap_or_default();
        Text::new(Key::StratCostPlusResult)
            .with("price", m(price))
            .with("margin", margin)
            .with("markup", markup)
    });
    let fmcg = markup_for_margin(FMCG_MARGIN)
        .map(|r| r.percent_text())
        .unwrap_or_default();
    let band = p.band();
    let position = band.zip(p.base).map(|(b, base)| {
        let key = match b.position(base) {
            BandPosition::Below => Key::StratBandBelow,
            BandPosition::Within => Key::StratBandWithin,
            BandPosition::Above => Key::StratBandAbove,
        };
        Text::new(key).with("price", m(base))
    });
    let value = p
        .base
        .zip(p.customer_value)
        .and_then(|(base, value)| base.rate_of(value))
        .map(|share| Text::new(Key::StratValueResult).with("share", share.percent_text()));
    html! {
        <section class="card pricing" aria-labelledby="pricing-title">
            <h3 id="pricing-title">{ app.text(&Text::new(Key::StratPricingFor).with("name", &p.name)) }</h3>
            <div class="pricing-methods">
                <fieldset class="pair-group">
                    <legend>{ app.t(Key::StratCostPlus) }</legend>
                    <div class="field-row">
                        { money_field(app, &format!("product-{id}-cost"), Key::StratCost, p.cost, change(handle, p, |p, v| p.cost = money_of(v))) }
                        { number_field(app, &format!("product-{id}-markup"), Key::StratMarkup, NumberKind::Markup, p.markup.map(|r| r.0), change(handle, p, |p, v| p.markup = rate_of(v))) }
                    </div>
                    if let Some(result) = cost_plus { <p class="result-text" role="status">{ app.text(&result) }</p> }
                    <p class="muted">{ app.text(&Text::new(Key::StratFmcgHint).with("markup", fmcg)) }</p>
                </fieldset>
                <fieldset class="pair-group">
                    <legend>{ app.t(Key::StratBenchmark) }</legend>
                    <div class="field-row">
                        { money_field(app, &format!("product-{id}-competitor"), Key::StratCompetitorPrice, p.competitor_price, change(handle, p, |p, v| p.competitor_price = money_of(v))) }
                        <div class="field">
                            <label for={format!("product-{id}-band")}>{ app.t(Key::StratBand) }</label>
                            <PercentInput id={format!("product-{id}-band")} value={p.band} onchange={change(handle, p, |p, r: Rate| p.band = r)} />
                        </div>
                    </div>
                    if let Some(b) = band {
                        <p class="result-text">{ app.text(&Text::new(Key::StratBandResult).with("low", m(b.low)).with("high", m(b.high))) }</p>
                    }
                    if let Some(pos) = position { <p class="muted">{ app.text(&pos) }</p> }
                </fieldset>
                <fieldset class="pair-group">
                    <legend>{ app.t(Key::StratValueBased) }</legend>
                    { money_field(app, &format!("product-{id}-value"), Key::StratCustomerValue, p.customer_value, change(handle, p, |p, v| p.customer_value = money_of(v))) }
                    if let Some(v) = value { <p class="result-text">{ app.text(&v) }</p> }
                </fieldset>
            </div>
            { ladder(ui, p) }
            { dynamic(ui, p) }
            { calendar(app, plan, p) }
        </section>
    }
}

fn money_field(app: &AppHandle, id: &str, label: Key, value: Option<Money>, onchange: Callback<Option<i64>>) -> Html {
    number_field(app, id, label, NumberKind::Money, value.map(Money::fen), onchange)
}

fn number_field(
    app: &AppHandle,
    id: &str,
    label: Key,
    kind: NumberKind,
    value: Option<i64>,
    onchange: Callback<Option<i64>>,
) -> Html {
    html! {
        <div class="field">
            <label for={id.to_owned()}>{ app.t(label) }</label>
            <OptionalNumber id={id.to_owned()} {kind} {value} {onchange} />
        </div>
    }
}

fn draft_input(
    id: String,
    label: &str,
    value: &str,
    kind: &'static str,
    draft: &UseStateHandle<RowDraft>,
    set: fn(&mut RowDraft, String),
) -> Html {
    let oninput = on_typing(edit_draft(draft, set));
    html! {
        <div class="field">
            <label for={id.clone()}>{ label.to_owned() }</label>
            <input {id} type={kind} value={value.to_owned()} {oninput} />
        </div>
    }
}

fn ladder(ui: &Ui, p: &Product) -> Html {
    let (app, handle, plan) = (&ui.app, &ui.handle, &ui.plan);
    let id = p.id;
    let m = |amount: Money| money(app.lang, plan, amount);
    let flags = p.ladder_flags();
    let promo = (*ui.promo).clone();
    let add_promo = {
        let (handle, p, draft, error) = (handle.clone(), p.clone(), ui.promo.clone(), ui.promo_error.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match forms::promotion(
                BrowserIds.item_id(),
                &draft.name,
                &draft.amount,
                &draft.start,
                &draft.end,
            ) {
                Ok(promotion) => {
                    let mut next = p.clone();
                    next.promotions.push(promotion);
                    handle.edit(StrategyEdit::PutProduct(next));
                    draft.set(RowDraft::default());
                    error.set(None);
                }
                Err(why) => error.set(Some(why)),
            }
        })
    };
    let tier = (*ui.tier).clone();
    let add_tier = {
        let (handle, p, draft, error) = (handle.clone(), p.clone(), ui.tier.clone(), ui.tier_error.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match forms::tier(BrowserIds.item_id(), &draft.amount, &draft.name) {
                Ok(tier) => {
                    let mut next = p.clone();
                    next.bulk.push(tier);
                    handle.edit(StrategyEdit::PutProduct(next));
                    draft.set(RowDraft::default());
                    error.set(None);
                }
                Err(why) => error.set(Some(why)),
            }
        })
    };
    let remove_promo = |pid: ItemId| {
        let (handle, p) = (handle.clone(), p.clone());
        Callback::from(move |_| {
            let mut next = p.clone();
            next.promotions.retain(|x| x.id != pid);
            handle.edit(StrategyEdit::PutProduct(next));
        })
    };
    let remove_tier = |tid: ItemId| {
        let (handle, p) = (handle.clone(), p.clone());
        Callback::from(move |_| {
            let mut next = p.clone();
            next.bulk.retain(|x| x.id != tid);
            handle.edit(StrategyEdit::PutProduct(next));
        })
    };
    let rule = {
        let set = change(handle, p, |p, r: BulkRule| p.bulk_rule = r);
        Callback::from(move |r: Option<BulkRule>| {
            if let Some(r) = r {
                set.emit(r)
            }
        })
    };
    let quantity = {
        let q = ui.quantity.clone();
        Callback::from(move |n: u32| q.set(n))
    };
    let qty = *ui.quantity;
    let total = p.total(qty);
    html! {
        <fieldset class="pair-group ladder">
            <legend>{ app.t(Key::StratLadder) }</legend>
            <div class="field-row">
                { money_field(app, &format!("product-{id}-base"), Key::StratBase, p.base, change(handle, p, |p, v| p.base = money_of(v))) }
                { money_field(app, &format!("product-{id}-member"), Key::StratMember, p.member, change(handle, p, |p, v| p.member = money_of(v))) }
                { number_field(app, &format!("product-{id}-floor"), Key::StratMinMargin, NumberKind::Markup, p.min_margin.map(|r| r.0), change(handle, p, |p, v| p.min_margin = rate_of(v))) }
            </div>
            if let Some(floor) = p.floor() {
                <p class="muted">{ app.text(&Text::new(Key::StratFloor).with("floor", m(floor))) }</p>
            }
            <h4>{ app.t(Key::StratPromotions) }</h4>
            <ul class="plain-list">
                { for p.promotions.iter().map(|x| html! {
                    <li class="ladder-row">
                        <span>{ format!("{} · {} · {} – {}", x.name, m(x.price), format_date(app.lang, x.start), format_date(app.lang, x.end)) }</span>
                        <button type="button" class="btn-icon btn-quiet" onclick={remove_promo(x.id)}
                            aria-label={app.text(&Text::new(Key::StratRemove).with("name", &x.name))}>{ "✕" }</button>
                    </li>
                }) }
            </ul>
            <form class="inline-form" onsubmit={add_promo} aria-label={app.t(Key::StratPromoAdd)}>
                { draft_input(format!("promo-{id}-name"), app.t(Key::StratPromoName), &promo.name, "text", &ui.promo, |d, v| d.name = v) }
                { draft_input(format!("promo-{id}-price"), app.t(Key::StratPrice), &promo.amount, "text", &ui.promo, |d, v| d.amount = v) }
                { draft_input(format!("promo-{id}-start"), app.t(Key::StratStart), &promo.start, "date", &ui.promo, |d, v| d.start = v) }
                { draft_input(format!("promo-{id}-end"), app.t(Key::StratEnd), &promo.end, "date", &ui.promo, |d, v| d.end = v) }
                <button type="submit" class="btn">{ app.t(Key::StratPromoAdd) }</button>
                { form_error(app, &format!("promo-{id}-error"), &ui.promo_error) }
            </form>
            <h4>{ app.t(Key::StratBulk) }</h4>
            <ul class="plain-list">
                { for p.bulk.iter().map(|t| html! {
                    <li class="ladder-row">
                        <span>{ app.text(&Text::new(Key::StratBulkTier)
                            .with("qty", t.min_quantity)
                            .with("discount", t.discount.percent_text())
                            .with("price", p.tier_price(t).map(m).unwrap_or_else(|| "–".into()))) }</span>
                        <button type="button" class="btn-icon btn-quiet" onclick={remove_tier(t.id)}
                            aria-label={app.text(&Text::new(Key::StratRemove).with("name", app.text(&Text::new(Key::StratWhichBulk).with("qty", t.min_quantity))))}>{ "✕" }</button>
                    </li>
                }) }
            </ul>
            <form class="inline-form" onsubmit={add_tier} aria-label={app.t(Key::StratBulkAdd)}>
                { draft_input(format!("tier-{id}-qty"), app.t(Key::StratMinQty), &tier.amount, "text", &ui.tier, |d, v| d.amount = v) }
                { draft_input(format!("tier-{id}-discount"), app.t(Key::StratDiscount), &tier.name, "text", &ui.tier, |d, v| d.name = v) }
                <button type="submit" class="btn">{ app.t(Key::StratBulkAdd) }</button>
                { form_error(app, &format!("tier-{id}-error"), &ui.tier_error) }
            </form>
            <div class="field-row">
                <div class="field">
                    <label for={format!("product-{id}-rule")}>{ app.t(Key::StratBulkRule) }</label>
                    { choice(app, format!("product-{id}-rule"), Some(p.bulk_rule), None, None, rule) }
                </div>
                <div class="field">
                    <label for={format!("product-{id}-qty")}>{ app.t(Key::StratQuantity) }</label>
                    <WholeInput id={format!("product-{id}-qty")} value={qty} min={1} max={1_000_000} onchange={quantity} />
                </div>
            </div>
            if let Some(total) = total {
                <p class="result-text" role="status" id={format!("product-{id}-total")}>
                    { app.text(&Text::new(Key::StratTotal).with("qty", qty).with("total", m(total))) }
                </p>
            }
            <div class="ladder-flags" role="status">
                if flags.is_empty() {
                    if p.base.is_some() { <p class="ok-text">{ app.t(Key::StratLadderOk) }</p> }
                } else {
                    <ul class="flag-list">{ for flags.iter().map(|f| html! {
                        <li class="flag-text">{ app.text(&ladder_flag_text(app.lang, plan, p, *f)) }</li>
                    }) }</ul>
                }
            </div>
        </fieldset>
    }
}

fn dynamic(ui: &Ui, p: &Product) -> Html {
    let (app, handle) = (&ui.app, &ui.handle);
    let id = p.id;
    let season = (*ui.season).clone();
    let kind = SeasonKind::from_code(&season.kind).unwrap_or(SeasonKind::Peak);
    let add = {
        let (handle, p, draft, error) = (handle.clone(), p.clone(), ui.season.clone(), ui.season_error.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let kind = SeasonKind::from_code(&draft.kind).unwrap_or(SeasonKind::Peak);
            match forms::season(BrowserIds.item_id(), kind, &draft.amount, &draft.start, &draft.end) {
                Ok(season) => {
                    let mut next = p.clone();
                    next.seasons.push(season);
                    handle.edit(StrategyEdit::PutProduct(next));
                    draft.set(RowDraft::default());
                    error.set(None);
                }
                Err(why) => error.set(Some(why)),
            }
        })
    };
    let pick_kind = {
        let draft = ui.season.clone();
        Callback::from(move |k: Option<SeasonKind>| {
            let mut next = (*draft).clone();
            next.kind = k.map(|k| k.code().to_owned()).unwrap_or_default();
            draft.set(next);
        })
    };
    let remove = |sid: ItemId| {
        let (handle, p) = (handle.clone(), p.clone());
        Callback::from(move |_| {
            let mut next = p.clone();
            next.seasons.retain(|x| x.id != sid);
            handle.edit(StrategyEdit::PutProduct(next));
        })
    };
    html! {
        <fieldset class="pair-group">
            <legend>{ app.t(Key::StratDynamic) }</legend>
            <h4>{ app.t(Key::StratSeasons) }</h4>
            <ul class="plain-list">
                { for p.seasons.iter().map(|s| {
                    let row = app.text(&Text::new(Key::StratSeasonRow)
                        .with("kind", app.t(s.kind.label()))
                        .with("change", percent(s.change, true))
                        .with("start", format_date(app.lang, s.start))
                        .with("end", format_date(app.lang, s.end)));
                    html! {
                        <li class="ladder-row">
                            <span>{ row.clone() }</span>
                            <button type="button" class="btn-icon btn-quiet" onclick={remove(s.id)}
                                aria-label={app.text(&Text::new(Key::StratRemove).with("name", row))}>{ "✕" }</button>
                        </li>
                    }
                }) }
            </ul>
            <form class="inline-form" onsubmit={add} aria-label={app.t(Key::StratSeasonAdd)}>
                <div class="field">
                    <label for={format!("season-{id}-kind")}>{ app.t(Key::StratSeasonKind) }</label>
                    { choice(app, format!("season-{id}-kind"), Some(kind), None, None, pick_kind) }
                </div>
                { draft_input(format!("season-{id}-change"), app.t(Key::StratChange), &season.amount, "text", &ui.season, |d, v| d.amount = v) }
                { draft_input(format!("season-{id}-start"), app.t(Key::StratStart), &season.start, "date", &ui.season, |d, v| d.start = v) }
                { draft_input(format!("season-{id}-end"), app.t(Key::StratEnd), &season.end, "date", &ui.season, |d, v| d.end = v) }
                <button type="submit" class="btn">{ app.t(Key::StratSeasonAdd) }</button>
                { form_error(app, &format!("season-{id}-error"), &ui.season_error) }
            </form>
            <div class="field-row">
                { number_field(app, &format!("product-{id}-online"), Key::StratOnline, NumberKind::Share, p.online_discount.map(|r| r.0), change(handle, p, |p, v| p.online_discount = rate_of(v))) }
                { number_field(app, &format!("product-{id}-first"), Key::StratFirstOrder, NumberKind::Share, p.first_order.map(|r| r.0), change(handle, p, |p, v| p.first_order = rate_of(v))) }
            </div>
        </fieldset>
    }
}

/// The price calendar over the plan period, in runs of equal days.
fn calendar(app: &AppHandle, plan: &PlanRef, p: &Product) -> Html {
    let m = |amount: Money| money(app.lang, plan, amount);
    if p.base.is_none() {
        return html! {
            <section class="price-calendar" aria-labelledby="calendar-title">
                <h4 id="calendar-title">{ app.t(Key::StratCalendar) }</h4>
                <p class="empty-note">{ app.t(Key::StratCalNeedBase) }</p>
            </section>
        };
    }
    let runs = p.calendar_runs(plan.period.start, plan.period.end);
    let under = PriceRun::days_under_floor(&runs);
    let rules = |r: &PriceRun| {
        let mut names: Vec<String> = Vec::new();
        if let Some(promo) = r.day.promotion.and_then(|id| p.promotions.iter().find(|x| x.id == id)) {
            names.push(promo.name.clone());
        }
        for s in r
            .day
            .seasons
            .iter()
            .filter_map(|id| p.seasons.iter().find(|x| x.id == *id))
        {
            names.push(format!("{} {}", app.t(s.kind.label()), percent(s.change, true)));
        }
        names.join(" · ")
    };
    html! {
        <section class="price-calendar" aria-labelledby="calendar-title">
            <h4 id="calendar-title">{ app.t(Key::StratCalendar) }</h4>
            if under > 0 {
                <p class="flag-text" role="status">{ app.text(&Text::new(Key::StratCalSummary).with("count", under)) }</p>
            } else {
                <p class="ok-text" role="status">{ app.t(Key::StratCalNone) }</p>
            }
            <div class="table-scroll">
                <table class="data-table calendar-runs">
                    <thead><tr>
                        <th scope="col">{ app.t(Key::StratCalDays) }</th>
                        <th scope="col" class="num">{ app.t(Key::StratOffline) }</th>
                        <th scope="col" class="num">{ app.t(Key::StratOnlineCol) }</th>
                        <th scope="col" class="num">{ app.t(Key::StratFirstCol) }</th>
                        <th scope="col">{ app.t(Key::StratRules) }</th>
                    </tr></thead>
                    <tbody>
                        { for runs.iter().map(|r| html! {
                            <tr class={classes!(r.day.under_floor.then_some("is-flagged"))}>
                                <th scope="row">{ if r.last == r.day.date { format_date(app.lang, r.day.date) } else {
                                    format!("{} – {}", format_date(app.lang, r.day.date), format_date(app.lang, r.last)) } }</th>
                                <td class="num">{ m(r.day.offline) }</td>
                                <td class="num">{ m(r.day.online) }</td>
                                <td class="num">{ r.day.first_order.map(m).unwrap_or_default() }</td>
                                <td>
                                    { rules(r) }
                                    if r.day.under_floor { <span class="tag tag-warn">{ app.t(Key::StratCalUnder) }</span> }
                                </td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
