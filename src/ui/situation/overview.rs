//! The chapter's summary page: the positioning (edited here), the weightiest
//! opportunities and threats, and the TOWS strategies with what they pair
//! and justify.

use super::{choice, text_field};
use crate::app::route::{Section, SituationView};
use crate::app::situation::{link_flag_text, positioning_key};
use crate::app::Route;
use crate::domain::situation::edit::{SituationEdit, TextTarget};
use crate::domain::situation::{PositioningKind, PositioningText, SwotKind};
use crate::i18n::Key;
use crate::ui::shell::context::{navigate, Tr};
use yew::prelude::*;

pub fn overview_view(ui: &super::Ui) -> Html {
    let (app, handle) = (&ui.app, &ui.handle);
    let plan = &ui.plan;
    let s = &plan.situation;
    let kind = {
        let handle = handle.clone();
        Callback::from(move |k: Option<PositioningKind>| handle.edit(SituationEdit::Positioning(k)))
    };
    let top = |kind: SwotKind, title: Key| {
        let items = s.top(kind, 5);
        html! {
            <section class="card situation-top">
                <h3>{ app.t(title) }</h3>
                if items.is_empty() {
                    <p class="empty-note">{ app.t(Key::SitNoneYet) }</p>
                } else {
                    <ol>{ for items.into_iter().map(|(text, weight)| html! {
                        <li><span class="weight-tag">{ weight.get().to_string() }</span>{ " " }{ text.to_owned() }</li>
                    }) }</ol>
                }
            </section>
        }
    };
    let swot_link = Route::Plan(plan.id, Section::Situation(SituationView::Swot));
    let tows = s.tows.iter().map(|t| {
        let pairs: Vec<String> = t.swot.iter().filter_map(|id| s.swot_item(*id)).map(|i| i.text.clone()).collect();
        let goals: Vec<String> = t.goals.iter().filter_map(|g| plan.goal(*g)).map(|g| g.title.clone()).collect();
        let flags = s.tows_flags(t, |g| plan.goal(g).is_some());
        html! {
            <li class="tows-summary">
                <p><strong>{ app.t(crate::app::labels::Labelled::label(t.kind)) }</strong></p>
                <p>{ t.action.clone() }</p>
                if !pairs.is_empty() {
                    <p class="muted">{ format!("{}: {}", app.t(Key::SitTowsPairs), pairs.join(" · ")) }</p>
                }
                if !goals.is_empty() {
                    <p class="muted">{ format!("{}: {}", app.t(Key::SitTowsGoals), goals.join(" · ")) }</p>
                }
                { for flags.into_iter().map(|f| html! { <p class="flag-text" role="note">{ app.text(&link_flag_text(s, f)) }</p> }) }
            </li>
        }
    });
    html! {
        <div class="situation-overview">
            <section class="card">
                <h3>{ app.t(Key::SitPositioning) }</h3>
                <div class="field">
                    <label for="pos-kind">{ app.t(Key::SitPosKind) }</label>
                    { choice(app, "pos-kind".into(), s.positioning.kind, Some(Key::SitNone), None, kind) }
                </div>
                { for PositioningText::ALL.into_iter().map(|f| text_field(
                    handle,
                    format!("pos-{f:?}").to_lowercase(),
                    app.t(positioning_key(f)),
                    TextTarget::Positioning(f),
                    f.get(&s.positioning),
                    true,
                )) }
            </section>
            <div class="situation-tops">
                { top(SwotKind::Opportunity, Key::SitTopOpportunities) }
                { top(SwotKind::Threat, Key::SitTopThreats) }
            </div>
            <section class="card">
                <h3>{ app.t(Key::SitOverviewTows) }</h3>
                if s.tows.is_empty() {
                    <p class="empty-note">
                        { app.t(Key::SitTowsEmpty) }{ " " }
                        <a href={swot_link.to_hash()} onclick={navigate(app, swot_link)}>{ app.t(Key::SitTabSwot) }</a>
                    </p>
                } else {
                    <ul class="plain-list">{ for tows }</ul>
                }
            </section>
        </div>
    }
}
