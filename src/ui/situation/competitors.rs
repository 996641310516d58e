//! The competitor database (竞品数据库): one row per competitor, its card
//! opened one at a time, with the dated log of its moves and its marks on
//! the personas' decision factors.

use super::{choice, score_select, text_field};
use crate::app::labels::Labelled;
use crate::domain::core::calendar::parse_date;
use crate::domain::core::ids::{IdSource, ItemId};
use crate::domain::core::money::Money;
use crate::domain::core::order::{day, sort_by_rank};
use crate::domain::core::rate::Rate;
use crate::domain::plan::Removal;
use crate::domain::situation::edit::{SituationEdit, TextTarget};
use crate::domain::situation::{Competitor, CompetitorText, Move, MoveKind, Score, Tier};
use crate::i18n::{format_date, Key, Text};
use crate::ui::shell::context::{AppHandle, PlanHandle, PlanRef, Tr};
use crate::ui::shell::platform::BrowserIds;
use crate::ui::widgets::amount_input::{NumberKind, OptionalNumber};
use crate::ui::widgets::draft_input::DraftInput;
use yew::prelude::*;

pub fn competitors_view(ui: &super::Ui) -> Html {
    let open = ui.open.clone();
    let name = ui.competitor_name.clone();
    let error = ui.competitor_error.clone();
    let pager = ui.pager.clone();
    let focus = ui.focus.clone();
    let (app, handle) = (&ui.app, &ui.handle);
    let plan = &ui.plan;
    let s = &plan.situation;
    let add = {
        let (handle, open, focus) = (handle.clone(), open.clone(), focus.clone());
        Callback::from(move |name: String| {
            let id = BrowserIds.item_id();
            handle.edit(SituationEdit::AddCompetitor(Competitor::new(id, &name)));
            open.set(Some(id));
            focus.request(format!("comp-{id}-positioning"));
        })
    };
    let total = s.competitor_share_total();
    let shown = pager.shown(s.competitors.len());
    let rows = s.competitors.iter().take(shown).map(|c| {
        let id = c.id;
        let is_open = *open == Some(id);
        let toggle = {
            let open = open.clone();
            Callback::from(move |_| open.set((!is_open).then_some(id)))
        };
        html! {
            <li class={classes!("competitor", is_open.then_some("open"))}>
                <div class="competitor-head">
                    <button type="button" class="btn-link competitor-toggle" aria-expanded={is_open.to_string()}
                        aria-controls={format!("comp-{id}")} onclick={toggle}>
                        { if is_open { "▾ " } else { "▸ " } }{ c.name.clone() }
                    </button>
                    <span class="muted">
                        { c.tier.map(|t| app.t(t.label())).unwrap_or_default() }
                        { c.share.map(|r| format!(" · {}", r.percent_text())).unwrap_or_default() }
                        { format!(" · {} {}", c.moves.len(), app.t(Key::SitMoves)) }
                    </span>
                </div>
                if is_open {
                    <div id={format!("comp-{id}")}>{ competitor_card(app, handle, plan, c) }</div>
                }
            </li>
        }
    });
    html! {
        <div class="situation-competitors">
            { super::name_form(app, "comp-new", Key::SitCompNew, Key::SitCompAdd, &name, &error, add) }
            if total.is_over() {
                <p class="field-error" role="alert">{ app.text(&Text::new(Key::SitCompSharesOver).with("total", total.total.percent_text())) }</p>
            }
            if s.competitors.is_empty() {
                <p class="empty-note">{ app.t(Key::SitCompEmpty) }</p>
            }
            <ul class="plain-list competitor-list" aria-label={app.t(Key::SitCompTitle)}>{ for rows }</ul>
            { pager.view_if_long(app, s.competitors.len()) }
        </div>
    }
}

fn competitor_card(app: &AppHandle, handle: &PlanHandle, plan: &PlanRef, c: &Competitor) -> Html {
    let id = c.id;
    let tier = {
        let handle = handle.clone();
        Callback::from(move |t: Option<Tier>| handle.edit(SituationEdit::CompetitorTier(id, t)))
    };
    let share = {
        let handle = handle.clone();
        Callback::from(move |v: Option<i64>| handle.edit(SituationEdit::CompetitorShare(id, v.map(Rate))))
    };
    let delete = {
        let handle = handle.clone();
        Callback::from(move |_| handle.remove(Removal::Situation(vec![id])))
    };
    let add_move = {
        let handle = handle.clone();
        let day = plan.period.nearest_day(app.today);
        Callback::from(move |_| {
            handle.edit(SituationEdit::PutMove {
                competitor: id,
                item: Move {
                    id: BrowserIds.item_id(),
                    date: day,
                    kind: MoveKind::Campaign,
                    text: String::new(),
                    old_price: None,
                    new_price: None,
                },
            })
        })
    };
    let field_id = |f: CompetitorText| format!("comp-{id}-{}", format!("{f:?}").to_lowercase());
    let mut moves: Vec<&Move> = c.moves.iter().collect();
    sort_by_rank(&mut moves, |m| (-day(m.date), 0));
    let scores = plan
        .situation
        .personas
        .iter()
        .filter(|p| !p.factors.is_empty())
        .map(|p| {
            html! {
                <fieldset class="pair-group">
                    <legend>{ app.text(&Text::new(Key::SitCompScores).with("persona", &p.name)) }</legend>
                    <div class="field-row">
                    { for p.factors.iter().map(|f| {
                        let factor = f.id;
                        let handle = handle.clone();
                        let cb = Callback::from(move |score: Option<Score>| {
                            handle.edit(SituationEdit::CompetitorScore { competitor: id, factor, score })
                        });
                        let sid = format!("comp-{id}-score-{factor}");
                        html! {
                            <div class="field">
                                <label for={sid.clone()}>{ f.name.clone() }</label>
                                { score_select(sid, c.scores.get(&factor).copied(), true, None, cb) }
                            </div>
                        }
                    }) }
                    </div>
                </fieldset>
            }
        });
    html! {
        <div class="competitor-card">
            <div class="field-row">
                <div class="field">
                    <label for={format!("comp-{id}-tier")}>{ app.t(Key::SitCompTier) }</label>
                    { choice(app, format!("comp-{id}-tier"), c.tier, Some(Key::SitNone), None, tier) }
                </div>
                <div class="field">
                    <label for={format!("comp-{id}-share")}>{ app.t(Key::SitCompShare) }{ " (%)" }</label>
                    <OptionalNumber id={format!("comp-{id}-share")} kind={NumberKind::Share} value={c.share.map(|r| r.0)} onchange={share} />
                </div>
            </div>
            <div class="competitor-fields">
                { for CompetitorText::ALL.into_iter().map(|f| text_field(
                    handle,
                    field_id(f),
                    app.t(crate::app::situation::competitor_key(f)),
                    TextTarget::Competitor(id, f),
                    c.text(f),
                    !matches!(f, CompetitorText::Name),
                )) }
            </div>
            { for scores }
            <section class="moves" aria-labelledby={format!("comp-{id}-moves")}>
                <div class="section-head">
                    <h4 id={format!("comp-{id}-moves")}>{ app.t(Key::SitMoves) }</h4>
                    <button type="button" class="btn" onclick={add_move}>{ app.t(Key::SitMoveAdd) }</button>
                </div>
                if moves.is_empty() {
                    <p class="empty-note">{ app.t(Key::SitMovesEmpty) }</p>
                }
                <ul class="plain-list">{ for moves.into_iter().map(|m| move_row(app, handle, id, m)) }</ul>
            </section>
            <div class="item-actions">
                <button type="button" class="btn btn-quiet" onclick={delete}
                    aria-label={format!("{}: {}", app.t(Key::SitDelete), c.name)}>{ app.t(Key::SitDelete) }</button>
            </div>
        </div>
    }
}

fn move_row(app: &AppHandle, handle: &PlanHandle, competitor: ItemId, m: &Move) -> Html {
    let id = m.id;
    let put = |change: fn(&mut Move, &str) -> bool| {
        let (handle, m) = (handle.clone(), m.clone());
        Callback::from(move |text: String| {
            let mut next = m.clone();
            if change(&mut next, &text) {
                handle.edit(SituationEdit::PutMove { competitor, item: next });
            }
        })
    };
    let date = put(|m, t| parse_date(t).map(|d| m.date = d).is_some());
    let kind = {
        let (handle, m) = (handle.clone(), m.clone());
        Callback::from(move |k: Option<MoveKind>| {
            if let Some(kind) = k {
                handle.edit(SituationEdit::PutMove {
                    competitor,
                    item: Move { kind, ..m.clone() },
                });
            }
        })
    };
    let price = |old: bool| {
        let (handle, m) = (handle.clone(), m.clone());
        Callback::from(move |v: Option<i64>| {
            let price = v.map(Money::from_fen);
            let mut next = m.clone();
            if old {
                next.old_price = price;
            } else {
                next.new_price = price;
            }
            handle.edit(SituationEdit::PutMove { competitor, item: next });
        })
    };
    let delete = {
        let handle = handle.clone();
        Callback::from(move |_| handle.edit(SituationEdit::RemoveMove { competitor, id }))
    };
    html! {
        <li class="situation-item move-row">
            <div class="field-row">
                <div class="field">
                    <label for={format!("move-{id}-date")}>{ app.t(Key::SitMoveDate) }</label>
                    <DraftInput id={format!("move-{id}-date")} kind="date" value={m.date.to_string()} onchange={date} />
                </div>
                <div class="field">
                    <label for={format!("move-{id}-kind")}>{ app.t(Key::SitMoveKind) }</label>
                    { choice(app, format!("move-{id}-kind"), Some(m.kind), None, None, kind) }
                </div>
                if m.kind == MoveKind::Price {
                    <div class="field">
                        <label for={format!("move-{id}-old")}>{ app.t(Key::SitMoveOld) }</label>
                        <OptionalNumber id={format!("move-{id}-old")} kind={NumberKind::Money} value={m.old_price.map(Money::fen)} onchange={price(true)} />
                    </div>
                    <div class="field">
                        <label for={format!("move-{id}-new")}>{ app.t(Key::SitMoveNew) }</label>
                        <OptionalNumber id={format!("move-{id}-new")} kind={NumberKind::Money} value={m.new_price.map(Money::fen)} onchange={price(false)} />
                    </div>
                }
            </div>
            { text_field(handle, format!("move-{id}-text"), app.t(Key::SitMoveText), TextTarget::Move { competitor, id }, &m.text, false) }
            <div class="item-actions">
                <span class="muted">{ format_date(app.lang, m.date) }</span>
                <button type="button" class="btn btn-quiet" onclick={delete}
                    aria-label={format!("{}: {}", app.t(Key::SitDelete), m.text)}>{ app.t(Key::SitDelete) }</button>
            </div>
        </li>
    }
}
