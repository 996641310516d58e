//! PESTEL (宏观环境): findings under the six factors; an opportunity or a
//! threat goes on to the SWOT with one click.

use super::{choice, score_select, text_field};
use crate::app::labels::Labelled;
use crate::domain::core::calendar::parse_date;
use crate::domain::core::ids::IdSource;
use crate::domain::plan::Removal;
use crate::domain::situation::edit::{SituationEdit, TextTarget};
use crate::domain::situation::{Factor, Impact, PestelItem, Score};
use crate::i18n::{Key, Text};
use crate::ui::shell::context::Tr;
use crate::ui::shell::platform::BrowserIds;
use crate::ui::widgets::draft_input::DraftInput;
use yew::prelude::*;

pub fn pestel_view(ui: &super::Ui) -> Html {
    let focus = ui.focus.clone();
    let (app, handle) = (&ui.app, &ui.handle);
    let s = &ui.plan.situation;
    let factor_section = |factor: Factor| {
        let add = {
            let (handle, focus) = (handle.clone(), focus.clone());
            Callback::from(move |_| {
                let id = BrowserIds.item_id();
                handle.edit(SituationEdit::PutPestel(PestelItem {
                    id,
                    factor,
                    finding: String::new(),
                    impact: Impact::Neutral,
                    weight: Score::MID,
                    source: String::new(),
                    date: None,
                }));
                focus.request(format!("pestel-{id}-finding"));
            })
        };
        let items: Vec<&PestelItem> = s.pestel.iter().filter(|p| p.factor == factor).collect();
        html! {
            <section class="card pestel-factor" aria-labelledby={format!("pestel-{}", factor.code())}>
                <div class="section-head">
                    <h3 id={format!("pestel-{}", factor.code())}>{ app.t(factor.label()) }</h3>
                    <button type="button" class="btn" onclick={add}
                        aria-label={format!("{}: {}", app.t(Key::SitPestelAdd), app.t(factor.label()))}>{ app.t(Key::SitPestelAdd) }</button>
                </div>
                <ul class="plain-list">{ for items.into_iter().map(|item| pestel_item(app, handle, s, item)) }</ul>
            </section>
        }
    };
    html! {
        <div class="situation-pestel">
            <h3 class="visually-hidden">{ app.t(Key::SitPestelTitle) }</h3>
            if s.pestel.is_empty() {
                <p class="empty-note">{ app.t(Key::SitPestelEmpty) }</p>
            }
            <div class="pestel-grid">{ for Factor::ALL.into_iter().map(factor_section) }</div>
        </div>
    }
}

fn pestel_item(
    app: &crate::ui::shell::context::AppHandle,
    handle: &crate::ui::shell::context::PlanHandle,
    s: &crate::domain::situation::Situation,
    item: &PestelItem,
) -> Html {
    let id = item.id;
    let put = |change: fn(&mut PestelItem, Option<String>)| {
        let (handle, item) = (handle.clone(), item.clone());
        move |value: Option<String>| {
            let mut next = item.clone();
            change(&mut next, value);
            handle.edit(SituationEdit::PutPestel(next));
        }
    };
    let impact = {
        let set = put(|p, v| p.impact = v.and_then(|c| Impact::from_code(&c)).unwrap_or_default());
        Callback::from(move |i: Option<Impact>| set(i.map(|i| i.code().to_owned())))
    };
    let weight = {
        let set = put(|p, v| p.weight = v.and_then(|w| w.parse().ok()).and_then(Score::new).unwrap_or_default());
        Callback::from(move |w: Option<Score>| set(w.map(|w| w.get().to_string())))
    };
    let date = {
        let set = put(|p, v| p.date = v.as_deref().and_then(parse_date));
        Callback::from(move |text: String| set(Some(text)))
    };
    let send = {
        let handle = handle.clone();
        Callback::from(move |_| {
            handle.edit(SituationEdit::SendToSwot {
                pestel: id,
                id: BrowserIds.item_id(),
            })
        })
    };
    let delete = {
        let handle = handle.clone();
        Callback::from(move |_| handle.remove(Removal::Situation(vec![id])))
    };
    let sent = s.sent_from(id);
    html! {
        <li class={classes!("situation-item", format!("impact-{}", item.impact.code()))}>
            { text_field(handle, format!("pestel-{id}-finding"), app.t(Key::SitPestelFinding), TextTarget::PestelFinding(id), &item.finding, true) }
            <div class="field-row">
                <div class="field">
                    <label for={format!("pestel-{id}-impact")}>{ app.t(Key::SitPestelImpact) }</label>
                    { choice(app, format!("pestel-{id}-impact"), Some(item.impact), None, None, impact) }
                </div>
                <div class="field">
                    <label for={format!("pestel-{id}-weight")}>{ app.t(Key::SitWeight) }</label>
                    { score_select(format!("pestel-{id}-weight"), Some(item.weight), false, None, weight) }
                </div>
                <div class="field">
                    <label for={format!("pestel-{id}-date")}>{ app.t(Key::SitPestelDate) }</label>
                    <DraftInput id={format!("pestel-{id}-date")} kind="date"
                        value={item.date.map(|d| d.to_string()).unwrap_or_default()} onchange={date} />
                </div>
            </div>
            { text_field(handle, format!("pestel-{id}-source"), app.t(Key::SitPestelSource), TextTarget::PestelSource(id), &item.source, false) }
            <div class="item-actions">
                if let Some(swot) = sent {
                    <span class="tag">{ app.text(&Text::new(Key::SitInSwot).with_text("kind", Text::new(swot.kind.label()))) }</span>
                } else if item.impact != Impact::Neutral {
                    <button type="button" class="btn" onclick={send}>{ app.t(Key::SitSendToSwot) }</button>
                }
                <button type="button" class="btn btn-quiet" onclick={delete}
                    aria-label={format!("{}: {}", app.t(Key::SitDelete), item.finding)}>{ app.t(Key::SitDelete) }</button>
            </div>
        </li>
    }
}
