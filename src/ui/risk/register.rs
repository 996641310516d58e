//! The risk register: each risk with its category, likelihood × impact and
//! band, owner, warning sign and KPI trigger, response plan, residual score,
//! status and review; the bands the plan scores by; a new risk starts from
//! its category's suggested response.

use super::{text_field, Ui};
use crate::app::labels::Labelled;
use crate::app::risk::{assessed, band_class, band_key, flag_text, risk_number, suggested_response, summary};
use crate::app::route::{RiskView, Section};
use crate::app::Route;
use crate::domain::core::ids::{IdSource, ItemId};
use crate::domain::core::value::Value;
use crate::domain::goals::kpi::Direction;
use crate::domain::plan::Removal;
use crate::domain::risk::edit::{RiskEdit, RiskText};
use crate::domain::risk::{Assessment, Bands, Category, KpiTrigger, Risk, RiskStatus, Scale};
use crate::i18n::{format_date, Key, Text};
use crate::ui::shell::context::{navigate, Tr};
use crate::ui::shell::platform::BrowserIds;
use crate::ui::situation::choice;
use crate::ui::strategy::delete_button;
use crate::ui::team::positions::id_select;
use crate::ui::widgets::amount_input::{NumberKind, OptionalNumber, WholeInput};
use crate::ui::widgets::dom::target_value;
use yew::prelude::*;

pub fn register_view(ui: &Ui) -> Html {
    let (app, plan) = (&ui.app, &ui.plan);
    let all = assessed(plan, app.today);
    let s = summary(&all);
    let summary = Text::new(Key::RiskSummary)
        .with("high", s.high)
        .with("medium", s.medium)
        .with("low", s.low);
    let alarms = Text::new(Key::RiskAlarms)
        .with("triggered", s.triggered)
        .with("flagged", s.flagged);
    let total = all.len();
    let shown = ui.pager.shown(total);
    let heat = Route::Plan(plan.id, Section::Risks(RiskView::HeatMap));
    html! {
        <div class="risk-register">
            <section class="card" aria-labelledby="register-title">
                <h3 id="register-title">{ app.text(&Text::new(Key::RiskRegisterTitle).with("count", total)) }</h3>
                <p class="result-text" role="status" id="risk-summary">{ app.text(&summary) }{ " " }{ app.text(&alarms) }</p>
                <p><a href={heat.to_hash()} onclick={navigate(app, heat)}>{ app.t(Key::RiskSeeHeatMap) }</a></p>
                { add_form(ui) }
                if all.is_empty() {
                    <p class="empty-note">{ app.t(Key::RiskEmpty) }</p>
                }
                <ol class="plain-list risk-list">
                    { for all.iter().enumerate().take(shown).map(|(i, (r, a))| risk_item(ui, i, r, a)) }
                </ol>
                { ui.pager.view_if_long(app, total) }
            </section>
            { bands_card(ui) }
        </div>
    }
}

fn add_form(ui: &Ui) -> Html {
    let (app, handle) = (&ui.app, &ui.handle);
    let category = *ui.category;
    let add = {
        let (handle, text, error, focus, app2) = (
            handle.clone(),
            ui.description.clone(),
            ui.description_error.clone(),
            ui.focus.clone(),
            app.clone(),
        );
        let pager = ui.pager.clone();
        let count = ui.plan.risks.risks.len();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let description = text.trim().to_owned();
            if description.is_empty() {
                error.set(true);
                focus.request("new-risk".into());
                return;
            }
            error.set(false);
            let mut risk = Risk::new(BrowserIds.item_id(), category, &description);
            // A start, not a decision: the category's suggested response.
            risk.response = app2.t(suggested_response(category)).to_owned();
            let id = risk.id;
            handle.edit(RiskEdit::PutRisk(risk));
            text.set(String::new());
            pager.show_at_least(count + 1);
            focus.request(format!("risk-{id}-likelihood"));
        })
    };
    let pick = {
        let state = ui.category.clone();
        Callback::from(move |c: Option<Category>| {
            if let Some(c) = c {
                state.set(c);
            }
        })
    };
    let typing = {
        let text = ui.description.clone();
        Callback::from(move |e: InputEvent| text.set(target_value(&e)))
    };
    html! {
        <form class="add-risk" onsubmit={add}>
            <h4>{ app.t(Key::RiskAddTitle) }</h4>
            <div class="field-row">
                <div class="field">
                    <label for="new-risk-category">{ app.t(Key::RiskCategory) }</label>
                    { choice(app, "new-risk-category".into(), Some(category), None, None, pick) }
                </div>
                <div class="field field-grow">
                    <label for="new-risk">{ app.t(Key::RiskDescription) }</label>
                    <input id="new-risk" type="text" value={(*ui.description).clone()} oninput={typing}
                        aria-invalid={ui.description_error.then_some("true")}
                        aria-describedby={ui.description_error.then_some("new-risk-error")} />
                    if *ui.description_error {
                        <p class="field-error" id="new-risk-error">{ app.t(Key::ErrorDescriptionRequired) }</p>
                    }
                </div>
                <button type="submit" class="btn btn-primary">{ app.t(Key::RiskAdd) }</button>
            </div>
            <p class="field-hint">{ app.t(Key::RiskSuggestedHint) }{ " " }{ app.t(suggested_response(category)) }</p>
        </form>
    }
}

fn scale_select(
    id: String,
    label: &str,
    value: Option<Scale>,
    blank: Option<&str>,
    onchange: Callback<Option<Scale>>,
) -> Html {
    let change =
        Callback::from(move |e: Event| onchange.emit(target_value(&e).parse::<u8>().ok().and_then(Scale::new)));
    html! {
        <div class="field">
            <label for={id.clone()}>{ label.to_owned() }</label>
            <select {id} onchange={change} class="input-narrow">
                if let Some(blank) = blank {
                    <option value="" selected={value.is_none()}>{ blank.to_owned() }</option>
                }
                { for Scale::ALL.iter().map(|s| html! {
                    <option value={s.get().to_string()} selected={value == Some(*s)}>{ s.get().to_string() }</option>
                }) }
            </select>
        </div>
    }
}

fn risk_item(ui: &Ui, index: usize, r: &Risk, a: &Assessment) -> Html {
    let (app, handle, plan) = (&ui.app, &ui.handle, &ui.plan);
    let id = r.id;
    let put = |change: fn(&mut Risk, Option<Scale>)| {
        let (handle, r) = (handle.clone(), r.clone());
        Callback::from(move |v: Option<Scale>| {
            let mut next = r.clone();
            change(&mut next, v);
            handle.edit(RiskEdit::PutRisk(next));
        })
    };
    let category = {
        let (handle, r) = (handle.clone(), r.clone());
        Callback::from(move |c: Option<Category>| {
            if let Some(category) = c {
                handle.edit(RiskEdit::PutRisk(Risk { category, ..r.clone() }));
            }
        })
    };
    let status = {
        let (handle, r) = (handle.clone(), r.clone());
        Callback::from(move |s: Option<RiskStatus>| {
            if let Some(status) = s {
                handle.edit(RiskEdit::PutRisk(Risk { status, ..r.clone() }));
            }
        })
    };
    let owner = {
        let (handle, r) = (handle.clone(), r.clone());
        Callback::from(move |owner: Option<ItemId>| handle.edit(RiskEdit::PutRisk(Risk { owner, ..r.clone() })))
    };
    let trigger_kpi = {
        let (handle, r) = (handle.clone(), r.clone());
        // A new trigger starts at the KPI's target.
        let targets: Vec<(ItemId, Value)> = plan
            .goals
            .iter()
            .flat_map(|g| g.kpis.iter().map(|k| (k.id, k.target)))
            .collect();
        Callback::from(move |kpi: Option<ItemId>| {
            let kpi_trigger = kpi.map(|kpi| KpiTrigger {
                kpi,
                threshold: r
                    .kpi_trigger
                    .map(|t| t.threshold)
                    .or_else(|| targets.iter().find(|(k, _)| *k == kpi).map(|(_, v)| *v))
                    .unwrap_or(Value::from_units(0)),
            });
            handle.edit(RiskEdit::PutRisk(Risk {
                kpi_trigger,
                ..r.clone()
            }));
        })
    };
    let threshold = {
        let (handle, r) = (handle.clone(), r.clone());
        Callback::from(move |v: Option<i64>| {
            if let (Some(v), Some(t)) = (v, r.kpi_trigger) {
                let kpi_trigger = Some(KpiTrigger {
                    threshold: Value::from_thousandths(v),
                    ..t
                });
                handle.edit(RiskEdit::PutRisk(Risk {
                    kpi_trigger,
                    ..r.clone()
                }));
            }
        })
    };
    let review_days = {
        let (handle, r) = (handle.clone(), r.clone());
        Callback::from(move |n: u32| {
            let review_days = (n > 0).then_some(n);
            handle.edit(RiskEdit::PutRisk(Risk {
                review_days,
                ..r.clone()
            }))
        })
    };
    let reviewed = {
        let (handle, r, today) = (handle.clone(), r.clone(), app.today);
        Callback::from(move |_| {
            handle.edit(RiskEdit::PutRisk(Risk {
                reviewed_on: Some(today),
                ..r.clone()
            }))
        })
    };
    let use_suggestion = {
        let (handle, text) = (handle.clone(), app.t(suggested_response(r.category)).to_owned());
        Callback::from(move |_| handle.edit(RiskEdit::Text(RiskText::Response(id), text.clone())))
    };
    let delete = {
        let handle = handle.clone();
        Callback::from(move |_| handle.remove(Removal::Risks(vec![id])))
    };
    let number = risk_number(index);
    let score_text = Text::new(Key::RiskScore)
        .with("score", r.score())
        .with("band", app.t(band_key(a.band)));
    let residual_text = Text::new(Key::RiskResidualScore)
        .with("score", r.residual_score())
        .with("band", app.t(band_key(a.residual_band)));
    let kpis = plan
        .goals
        .iter()
        .flat_map(|g| g.kpis.iter().map(|k| (k.id, k.name.clone())));
    let trigger_kpi_dir = r.kpi_trigger.and_then(|t| plan.kpi(t.kpi)).map(|(_, k)| k.direction);
    let crossing = a.crossing.map(|c| {
        let value = c.value.grouped();
        Text::new(Key::RiskCrossedBy)
            .with("date", format_date(app.lang, c.date))
            .with("value", value)
    });
    let review = r
        .review_due(&plan.period)
        .map(|d| Text::new(Key::RiskNextReview).with("date", format_date(app.lang, d)));
    html! {
        <li class={classes!("situation-item", "risk-item", band_class(a.band), (a.status == RiskStatus::Closed).then_some("is-closed"))} id={format!("risk-{id}")}>
            <div class="risk-head">
                <span class="risk-number">{ number.clone() }</span>
                <span class={classes!("tag", "band-tag", band_class(a.band))}>{ app.text(&score_text) }</span>
                <span class={classes!("tag", (a.status == RiskStatus::Triggered).then_some("tag-warn"))}>{ app.t(a.status.label()) }</span>
            </div>
            { for a.flags.iter().map(|f| html! { <p class="flag-text" role="note">{ app.text(&flag_text(app.lang, *f)) }</p> }) }
            if let Some(c) = crossing { <p class="flag-text risk-crossing" role="note">{ app.text(&c) }</p> }
            <div class="field-row">
                <div class="field">
                    <label for={format!("risk-{id}-category")}>{ app.t(Key::RiskCategory) }</label>
                    { choice(app, format!("risk-{id}-category"), Some(r.category), None, None, category) }
                </div>
                { text_field(handle, format!("risk-{id}-description"), app.t(Key::RiskDescription), RiskText::Description(id), &r.description, false) }
            </div>
            <div class="field-row">
                { scale_select(format!("risk-{id}-likelihood"), app.t(Key::RiskLikelihood), Some(r.likelihood), None, put(|r, v| if let Some(v) = v { r.likelihood = v })) }
                { scale_select(format!("risk-{id}-impact"), app.t(Key::RiskImpact), Some(r.impact), None, put(|r, v| if let Some(v) = v { r.impact = v })) }
                { id_select(format!("risk-{id}-owner"), app.t(Key::RiskOwner), app.t(Key::RiskNoOwner), app.t(Key::TeamPositionGone), r.owner,
                    plan.team.positions.iter().map(|p| (p.id, p.title.clone())), owner) }
                <div class="field">
                    <label for={format!("risk-{id}-status")}>{ app.t(Key::RiskStatus) }</label>
                    { choice(app, format!("risk-{id}-status"), Some(r.status), None, None, status) }
                </div>
            </div>
            { text_field(handle, format!("risk-{id}-trigger"), app.t(Key::RiskTrigger), RiskText::Trigger(id), &r.trigger, false) }
            <div class="field-row">
                { id_select(format!("risk-{id}-kpi"), app.t(Key::RiskKpiTrigger), app.t(Key::RiskNoKpiTrigger), app.t(Key::StratGoneItem),
                    r.kpi_trigger.map(|t| t.kpi), kpis, trigger_kpi) }
                if let Some(t) = r.kpi_trigger {
                    <div class="field">
                        <label for={format!("risk-{id}-threshold")}>{ app.t(if trigger_kpi_dir == Some(Direction::LowerIsBetter) { Key::RiskWhenAbove } else { Key::RiskWhenBelow }) }</label>
                        <OptionalNumber id={format!("risk-{id}-threshold")} kind={NumberKind::Decimal} value={Some(t.threshold.thousandths())} onchange={threshold} />
                    </div>
                }
            </div>
            { text_field(handle, format!("risk-{id}-response"), app.t(Key::RiskResponse), RiskText::Response(id), &r.response, true) }
            if r.response.trim().is_empty() {
                <p class="field-hint">{ app.t(Key::RiskSuggestedHint) }{ " " }{ app.t(suggested_response(r.category)) }{ " " }
                    <button type="button" class="btn btn-small" onclick={use_suggestion}>{ app.t(Key::RiskUseSuggestion) }</button>
                </p>
            }
            <div class="field-row">
                { scale_select(format!("risk-{id}-res-likelihood"), app.t(Key::RiskResidualLikelihood), r.residual_likelihood, Some(app.t(Key::RiskSameAsBefore)), put(|r, v| r.residual_likelihood = v)) }
                { scale_select(format!("risk-{id}-res-impact"), app.t(Key::RiskResidualImpact), r.residual_impact, Some(app.t(Key::RiskSameAsBefore)), put(|r, v| r.residual_impact = v)) }
                <p class="result-text">{ app.text(&residual_text) }</p>
            </div>
            <div class="field-row">
                <div class="field">
                    <label for={format!("risk-{id}-review")}>{ app.t(Key::RiskReviewDays) }</label>
                    <WholeInput id={format!("risk-{id}-review")} value={r.review_days.unwrap_or(0)} min={0} max={366} onchange={review_days} />
                </div>
                <p class="result-text">
                    { r.reviewed_on.map(|d| app.text(&Text::new(Key::RiskReviewedOn).with("date", format_date(app.lang, d)))).unwrap_or_else(|| app.t(Key::RiskNeverReviewed).to_owned()) }
                    if let Some(review) = review { { " · " }{ app.text(&review) } }
                </p>
                <button type="button" class="btn btn-small" onclick={reviewed}>{ app.t(Key::RiskMarkReviewed) }</button>
            </div>
            <div class="item-actions">{ delete_button(app, &number, delete) }</div>
        </li>
    }
}

fn bands_card(ui: &Ui) -> Html {
    let (app, handle, plan) = (&ui.app, &ui.handle, &ui.plan);
    let bands = plan.risks.bands;
    let set = |f: fn(&mut Bands, u32)| {
        let handle = handle.clone();
        Callback::from(move |n: u32| {
            let mut next = bands;
            f(&mut next, n);
            handle.edit(RiskEdit::Bands(next));
        })
    };
    let text = Text::new(Key::RiskBandsNow)
        .with("medium", bands.medium_from)
        .with("high", bands.high_from);
    html! {
        <section class="card" aria-labelledby="bands-title">
            <h3 id="bands-title">{ app.t(Key::RiskBandsTitle) }</h3>
            <p class="muted">{ app.text(&text) }</p>
            <div class="field-row">
                <div class="field">
                    <label for="band-medium">{ app.t(Key::RiskMediumFrom) }</label>
                    <WholeInput id="band-medium" value={u32::from(bands.medium_from)} min={2} max={24} onchange={set(|b, n| b.medium_from = u8::try_from(n).unwrap_or(u8::MAX))} />
                </div>
                <div class="field">
                    <label for="band-high">{ app.t(Key::RiskHighFrom) }</label>
                    <WholeInput id="band-high" value={u32::from(bands.high_from)} min={3} max={25} onchange={set(|b, n| b.high_from = u8::try_from(n).unwrap_or(u8::MAX))} />
                </div>
            </div>
        </section>
    }
}
