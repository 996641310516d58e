//! The monthly competitor brief (竞品分析简报), for any month of the plan,
//! ready to print as a document.

use crate::app::budget::money;
use crate::app::labels::Labelled;
use crate::app::situation::{default_month, month_label, score_text};
use crate::domain::core::ids::ItemId;
use crate::domain::core::rate::Rate;
use crate::domain::situation::brief::{Month, PriceDirection};
use crate::domain::situation::edit::SituationEdit;
use crate::i18n::{format_date, Key, Text};
use crate::ui::shell::context::Tr;
use crate::ui::widgets::amount_input::PercentInput;
use crate::ui::widgets::dom::target_value;
use yew::prelude::*;

pub fn brief_view(ui: &super::Ui) -> Html {
    let picked_month = ui.month.clone();
    let picked_persona = ui.persona.clone();
    let (app, handle) = (&ui.app, &ui.handle);
    let plan = &ui.plan;
    let s = &plan.situation;
    let lang = app.lang;
    let months = Month::of_period(&plan.period);
    let month = picked_month
        .filter(|m| months.contains(m))
        .unwrap_or_else(|| default_month(plan, app.today));
    let brief = s.brief(month, *picked_persona);
    let on_month = {
        let picked = picked_month.clone();
        Callback::from(move |e: Event| picked.set(Month::parse(&target_value(&e))))
    };
    let on_persona = {
        let picked = picked_persona.clone();
        Callback::from(move |e: Event| picked.set(ItemId::parse(&target_value(&e))))
    };
    let threshold = {
        let handle = handle.clone();
        Callback::from(move |r: Rate| handle.edit(SituationEdit::PriceThreshold(r)))
    };
    let print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let m = |amount| money(lang, plan, amount);
    let title = app.text(&Text::new(Key::SitBriefTitle).with("month", month_label(lang, month)));
    let moves = brief.moves.iter().map(|(c, moves)| {
        html! {
            <section class="brief-competitor">
                <h4>{ c.name.clone() }</h4>
                <ul>{ for moves.iter().map(|mv| html! {
                    <li>
                        <span class="muted">{ format_date(lang, mv.date) }{ " · " }{ app.t(mv.kind.label()) }</span>
                        { " " }{ mv.text.clone() }
                    </li>
                }) }</ul>
            </section>
        }
    });
    let flags = brief.price_flags.iter().map(|f| {
        let (word, class) = match f.direction {
            PriceDirection::Up => (Key::SitBriefUp, "up"),
            PriceDirection::Down => (Key::SitBriefDown, "down"),
        };
        let old = f.price_move.old_price.map(m).unwrap_or_default();
        let new = f.price_move.new_price.map(m).unwrap_or_default();
        html! {
            <tr class={classes!("price-flag", class)}>
                <th scope="row">{ f.competitor.name.clone() }</th>
                <td>{ format_date(lang, f.price_move.date) }</td>
                <td>{ format!("{old} → {new}") }</td>
                <td>{ format!("{} {}", app.t(word), Rate(f.change.0.abs()).percent_text()) }</td>
            </tr>
        }
    });
    let quiet: Vec<String> = brief.quiet.iter().map(|c| c.name.clone()).collect();
    html! {
        <div class="situation-brief">
            <div class="toolbar no-print brief-controls">
                <div class="field">
                    <label for="brief-month">{ app.t(Key::SitBriefMonth) }</label>
                    <select id="brief-month" onchange={on_month}>
                        { for months.iter().map(|mo| html! {
                            <option value={mo.code()} selected={*mo == month}>{ month_label(lang, *mo) }</option>
                        }) }
                    </select>
                </div>
                if !s.personas.is_empty() {
                    <div class="field">
                        <label for="brief-persona">{ app.t(Key::SitBriefPersona) }</label>
                        <select id="brief-persona" onchange={on_persona}>
                            { for s.personas.iter().map(|p| html! {
                                <option value={p.id.to_string()} selected={brief.persona.map(|b| b.id) == Some(p.id)}>{ p.name.clone() }</option>
                            }) }
                        </select>
                    </div>
                }
                <div class="field">
                    <label for="brief-threshold">{ app.t(Key::SitBriefThreshold) }{ " (%)" }</label>
                    <PercentInput id="brief-threshold" value={s.price_threshold} onchange={threshold} />
                </div>
                <button type="button" class="btn" onclick={print}>{ app.t(Key::SitBriefPrint) }</button>
            </div>
            <article class="brief-document" aria-labelledby="brief-title">
                <h3 id="brief-title">{ title }</h3>
                <p class="muted">{ plan.name.clone() }</p>
                <h4>{ app.t(Key::SitBriefMoves) }</h4>
                if brief.moves.is_empty() {
                    <p class="empty-note">{ app.t(Key::SitBriefNoMoves) }</p>
                }
                { for moves }
                if !quiet.is_empty() && !brief.moves.is_empty() {
                    <p class="muted">{ app.text(&Text::new(Key::SitBriefQuiet).with("names", quiet.join("、"))) }</p>
                }
                <h4>{ app.text(&Text::new(Key::SitBriefPrices).with("threshold", brief.threshold.percent_text())) }</h4>
                if brief.price_flags.is_empty() {
                    <p class="empty-note">{ app.t(Key::SitBriefNoPrices) }</p>
                } else {
                    <table class="brief-table">
                        <thead><tr>
                            <th scope="col">{ app.t(Key::SitBriefCompetitor) }</th>
                            <th scope="col">{ app.t(Key::SitMoveDate) }</th>
                            <th scope="col">{ format!("{} → {}", app.t(Key::SitMoveOld), app.t(Key::SitMoveNew)) }</th>
                            <th scope="col">{ app.t(Key::SitMovePrice) }</th>
                        </tr></thead>
                        <tbody>{ for flags }</tbody>
                    </table>
                }
                { match brief.persona {
                    None => html! { <p class="banner banner-warning">{ app.t(Key::SitBriefNoPersona) }</p> },
                    Some(p) => html! {
                        <>
                        <h4>{ app.text(&Text::new(Key::SitBriefCompare).with("persona", &p.name)) }</h4>
                        <table class="brief-table brief-scores">
                            <thead><tr>
                                <th scope="col">{ app.t(Key::SitBriefCompetitor) }</th>
                                { for p.factors.iter().map(|f| html! {
                                    <th scope="col">{ format!("{} {}", f.name, f.weight.percent_text()) }</th>
                                }) }
                                <th scope="col">{ app.t(Key::SitBriefScore) }</th>
                            </tr></thead>
                            <tbody>{ for brief.scores.iter().map(|row| html! {
                                <tr>
                                    <th scope="row">{ row.competitor.name.clone() }</th>
                                    { for p.factors.iter().map(|f| html! {
                                        <td>{ row.competitor.scores.get(&f.id).map(|s| s.get().to_string()).unwrap_or_else(|| "–".into()) }</td>
                                    }) }
                                    <td class="brief-score-cell">{ row.score.map(score_text).unwrap_or_else(|| app.t(Key::SitBriefUnscored).to_owned()) }</td>
                                </tr>
                            }) }</tbody>
                        </table>
                        </>
                    },
                } }
            </article>
        </div>
    }
}
