//! Media selection and partners: candidates marked 1-5 on criteria whose
//! weights the user sets, ranked by the weighted mean; PR activities by
//! their strategy type, each type saying what it asks of the plan.

use super::{delete_button, Ui};
use crate::app::strategy::{pr_asks, score_text};
use crate::domain::core::ids::{IdSource, ItemId};
use crate::domain::plan::Removal;
use crate::domain::situation::Score;
use crate::domain::strategy::edit::{Board, StrategyEdit, TextTarget};
use crate::domain::strategy::scorecard::{Candidate, Criterion, Scorecard};
use crate::domain::strategy::{PrActivity, PrKind};
use crate::i18n::Key;
use crate::ui::shell::context::{AppHandle, PlanHandle, Tr};
use crate::ui::shell::platform::BrowserIds;
use crate::ui::situation::{choice, score_select};
use crate::ui::widgets::amount_input::WholeInput;
use yew::prelude::*;

pub fn media_view(ui: &Ui) -> Html {
    let c = &ui.plan.strategies;
    html! {
        <div class="strategy-media">
            { board(ui, Board::Media, &c.media) }
            { pr(ui) }
            { board(ui, Board::Partners, &c.partners) }
        </div>
    }
}

fn board(ui: &Ui, which: Board, card: &Scorecard) -> Html {
    let (app, handle) = (&ui.app, &ui.handle);
    let (title, empty, code, defaults) = match which {
        Board::Media => (
            Key::StratMediaTitle,
            Key::StratMediaEmpty,
            "media",
            Key::StratMediaCriteria,
        ),
        Board::Partners => (
            Key::StratPartnersTitle,
            Key::StratPartnersEmpty,
            "partners",
            Key::StratPartnerCriteria,
        ),
    };
    let use_defaults = {
        let (handle, names) = (handle.clone(), crate::app::strategy::criteria_names(app.lang, defaults));
        Callback::from(move |_| {
            for name in &names {
                handle.edit(StrategyEdit::PutCriterion(
                    which,
                    Criterion {
                        id: BrowserIds.item_id(),
                        name: name.clone(),
                        weight: 1,
                    },
                ));
            }
        })
    };
    let add_criterion = {
        let (handle, focus, name) = (
            handle.clone(),
            ui.focus.clone(),
            app.t(Key::StratNewCriterion).to_owned(),
        );
        Callback::from(move |_| {
            let id = BrowserIds.item_id();
            handle.edit(StrategyEdit::PutCriterion(
                which,
                Criterion {
                    id,
                    name: name.clone(),
                    weight: 1,
                },
            ));
            focus.request(format!("criterion-{id}-name"));
        })
    };
    let add_candidate = {
        let (handle, focus, name) = (
            handle.clone(),
            ui.focus.clone(),
            app.t(Key::StratNewCandidate).to_owned(),
        );
        Callback::from(move |_| {
            let id = BrowserIds.item_id();
            handle.edit(StrategyEdit::PutCandidate(
                which,
                Candidate {
                    id,
                    name: name.clone(),
                    scores: Default::default(),
                },
            ));
            focus.request(format!("candidate-{id}-name"));
        })
    };
    let criterion_row = |k: &Criterion| {
        let id = k.id;
        let weight = {
            let (handle, k) = (handle.clone(), k.clone());
            Callback::from(move |weight: u32| {
                handle.edit(StrategyEdit::PutCriterion(which, Criterion { weight, ..k.clone() }))
            })
        };
        let delete = {
            let handle = handle.clone();
            Callback::from(move |_| handle.remove(Removal::Strategies(vec![id])))
        };
        html! {
            <li class="situation-item criterion-row">
                <div class="field-row">
                    { super::text_field(handle, format!("criterion-{id}-name"), app.t(Key::StratCriterion), TextTarget::Criterion(id), &k.name, false) }
                    <div class="field">
                        <label for={format!("criterion-{id}-weight")}>{ app.t(Key::StratCriterionWeight) }</label>
                        <WholeInput id={format!("criterion-{id}-weight")} value={k.weight} min={0} max={100} onchange={weight} />
                    </div>
                    <div class="field">
                        <span class="field-label">{ app.t(Key::StratCriterionShare) }</span>
                        <span class="figure">{ card.share(k).map(|r| r.percent_text()).unwrap_or_else(|| "–".into()) }</span>
                    </div>
                    <div class="item-actions">{ delete_button(app, &k.name, delete) }</div>
                </div>
            </li>
        }
    };
    let ranked = card.ranked();
    let rank_of = |id: ItemId| ranked.iter().position(|r| r.candidate == id);
    html! {
        <section class="card scorecard" aria-labelledby={format!("{code}-title")}>
            <div class="section-head">
                <h3 id={format!("{code}-title")}>{ app.t(title) }</h3>
                <button type="button" class="btn btn-primary" onclick={add_candidate}>{ app.t(Key::StratCandidateAdd) }</button>
            </div>
            <h4>{ app.t(Key::StratCriteriaTitle) }</h4>
            if card.criteria.is_empty() {
                <p class="empty-note">{ app.t(empty) }</p>
                <button type="button" class="btn" onclick={use_defaults}>{ app.t(Key::StratUseDefaults) }</button>
            }
            <ul class="plain-list">{ for card.criteria.iter().map(criterion_row) }</ul>
            <button type="button" class="btn btn-small" onclick={add_criterion}>{ app.t(Key::StratCriterionAdd) }</button>
            if !card.candidates.is_empty() {
                <div class="table-scroll">
                    <table class="data-table score-table">
                        <thead><tr>
                            <th scope="col">{ app.t(Key::StratRank) }</th>
                            <th scope="col">{ app.t(Key::StratCandidate) }</th>
                            { for card.criteria.iter().map(|k| html! { <th scope="col">{ k.name.clone() }</th> }) }
                            <th scope="col" class="num">{ app.t(Key::StratWeightedScore) }</th>
                            <th scope="col"><span class="visually-hidden">{ app.t(Key::StratDelete) }</span></th>
                        </tr></thead>
                        <tbody>
                            { for ranked.iter().filter_map(|r| card.candidates.iter().find(|c| c.id == r.candidate)).map(|cand| {
                                candidate_row(app, handle, which, card, cand, rank_of(cand.id))
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </section>
    }
}

fn candidate_row(
    app: &AppHandle,
    handle: &PlanHandle,
    which: Board,
    card: &Scorecard,
    cand: &Candidate,
    rank: Option<usize>,
) -> Html {
    let id = cand.id;
    let delete = {
        let handle = handle.clone();
        Callback::from(move |_| handle.remove(Removal::Strategies(vec![id])))
    };
    let mark = |k: &Criterion| {
        let kid = k.id;
        let current = cand.scores.get(&kid).copied();
        let aria = format!("{} · {}", cand.name, k.name);
        let (handle, cand) = (handle.clone(), cand.clone());
        let onchange = Callback::from(move |s: Option<Score>| {
            let mut next = cand.clone();
            match s {
                Some(s) => next.scores.insert(kid, s),
                None => next.scores.remove(&kid),
            };
            handle.edit(StrategyEdit::PutCandidate(which, next));
        });
        html! { <td>{ score_select(format!("candidate-{id}-{kid}"), current, true, Some(aria), onchange) }</td> }
    };
    let score = card.score(cand);
    html! {
        <tr>
            <td>{ if score.is_some() { rank.map(|r| (r + 1).to_string()).unwrap_or_default() } else { String::new() } }</td>
            <th scope="row">{ super::text_field(handle, format!("candidate-{id}-name"), app.t(Key::StratCandidate), TextTarget::Candidate(id), &cand.name, false) }</th>
            { for card.criteria.iter().map(mark) }
            <td class="num">{ score.map_or_else(|| app.t(Key::StratNotMarked).to_owned(), score_text) }</td>
            <td>{ delete_button(app, &cand.name, delete) }</td>
        </tr>
    }
}

fn pr(ui: &Ui) -> Html {
    let (app, handle) = (&ui.app, &ui.handle);
    let add = {
        let (handle, focus, text) = (handle.clone(), ui.focus.clone(), app.t(Key::StratNewPr).to_owned());
        Callback::from(move |_| {
            let id = BrowserIds.item_id();
            handle.edit(StrategyEdit::PutPr(PrActivity {
                id,
                kind: PrKind::Publicity,
                text: text.clone(),
            }));
            focus.request(format!("pr-{id}-text"));
        })
    };
    let row = |a: &PrActivity| {
        let id = a.id;
        let kind = {
            let (handle, a) = (handle.clone(), a.clone());
            Callback::from(move |k: Option<PrKind>| {
                if let Some(kind) = k {
                    handle.edit(StrategyEdit::PutPr(PrActivity { kind, ..a.clone() }));
                }
            })
        };
        let delete = {
            let handle = handle.clone();
            Callback::from(move |_| handle.remove(Removal::Strategies(vec![id])))
        };
        html! {
            <li class="situation-item pr-row">
                <div class="field-row">
                    { super::text_field(handle, format!("pr-{id}-text"), app.t(Key::StratPrActivity), TextTarget::Pr(id), &a.text, false) }
                    <div class="field">
                        <label for={format!("pr-{id}-kind")}>{ app.t(Key::StratPrKind) }</label>
                        { choice(app, format!("pr-{id}-kind"), Some(a.kind), None, None, kind) }
                    </div>
                    <div class="item-actions">{ delete_button(app, &a.text, delete) }</div>
                </div>
                <p class="muted">{ app.t(pr_asks(a.kind)) }</p>
            </li>
        }
    };
    let list = &ui.plan.strategies.pr;
    html! {
        <section class="card" aria-labelledby="pr-title">
            <div class="section-head">
                <h3 id="pr-title">{ app.t(Key::StratPrTitle) }</h3>
                <button type="button" class="btn" onclick={add}>{ app.t(Key::StratPrAdd) }</button>
            </div>
            if list.is_empty() { <p class="empty-note">{ app.t(Key::StratPrEmpty) }</p> }
            <ul class="plain-list">{ for list.iter().map(row) }</ul>
        </section>
    }
}
