//! Porter's five forces (波特五力) and the market's tiers by share.

use super::{choice, text_field};
use crate::app::labels::Labelled;
use crate::domain::core::rate::Rate;
use crate::domain::situation::edit::{SituationEdit, TextTarget};
use crate::domain::situation::{Force, ForceAssessment, Level, Tier, TierShare};
use crate::i18n::{Key, Text};
use crate::ui::shell::context::Tr;
use crate::ui::widgets::amount_input::{NumberKind, OptionalNumber};
use yew::prelude::*;

pub fn forces_view(ui: &super::Ui) -> Html {
    let (app, handle) = (&ui.app, &ui.handle);
    let s = &ui.plan.situation;
    let force_card = |force: Force| {
        let current = s.force(force).cloned().unwrap_or(ForceAssessment {
            force,
            level: None,
            evidence: String::new(),
            response: String::new(),
        });
        let code = force.code();
        let level = {
            let (handle, current) = (handle.clone(), current.clone());
            Callback::from(move |level: Option<Level>| {
                handle.edit(SituationEdit::PutForce(ForceAssessment {
                    level,
                    ..current.clone()
                }))
            })
        };
        html! {
            <section class={classes!("card", "force-card", current.level.map(|l| format!("level-{}", l.code())))}
                aria-labelledby={format!("force-{code}")}>
                <h3 id={format!("force-{code}")}>{ app.t(force.label()) }</h3>
                <div class="field">
                    <label for={format!("force-{code}-level")}>{ app.t(Key::SitForceLevel) }</label>
                    { choice(app, format!("force-{code}-level"), current.level, Some(Key::SitNone), None, level) }
                </div>
                { text_field(handle, format!("force-{code}-evidence"), app.t(Key::SitForceEvidence), TextTarget::ForceEvidence(force), &current.evidence, true) }
                { text_field(handle, format!("force-{code}-response"), app.t(Key::SitForceResponse), TextTarget::ForceResponse(force), &current.response, true) }
            </section>
        }
    };
    let total = s.tier_total();
    let tier_row = |tier: Tier| {
        let code = tier.code();
        let existing = s.tier(tier).cloned();
        let share = {
            let (handle, existing) = (handle.clone(), existing.clone());
            Callback::from(move |share: Option<i64>| match share {
                Some(bp) => handle.edit(SituationEdit::PutTier(TierShare {
                    tier,
                    share: Rate(bp),
                    who: existing.as_ref().map(|t| t.who.clone()).unwrap_or_default(),
                })),
                None => handle.edit(SituationEdit::RemoveTier(tier)),
            })
        };
        html! {
            <tr>
                <th scope="row">{ app.t(tier.label()) }</th>
                <td data-label={app.t(Key::SitTierShare)}>
                    <OptionalNumber id={format!("tier-{code}-share")} kind={NumberKind::Share}
                        value={existing.as_ref().map(|t| t.share.0)} onchange={share}
                        label={format!("{} · {}", app.t(tier.label()), app.t(Key::SitTierShare))} />
                    { " %" }
                </td>
                <td data-label={app.t(Key::SitTierWho)}>
                    if let Some(t) = &existing {
                        { text_field(handle, format!("tier-{code}-who"), app.t(Key::SitTierWho), TextTarget::TierWho(tier), &t.who, false) }
                    }
                </td>
            </tr>
        }
    };
    html! {
        <div class="situation-forces">
            <div class="forces-grid">{ for Force::ALL.into_iter().map(force_card) }</div>
            <section class="card">
                <h3 id="tiers-title">{ app.t(Key::SitTiersTitle) }</h3>
                <table class="tiers-table" aria-labelledby="tiers-title">
                    <thead><tr>
                        <th scope="col">{ app.t(Key::SitCompTier) }</th>
                        <th scope="col">{ app.t(Key::SitTierShare) }</th>
                        <th scope="col">{ app.t(Key::SitTierWho) }</th>
                    </tr></thead>
                    <tbody>{ for Tier::ALL.into_iter().map(tier_row) }</tbody>
                </table>
                if total.is_over() {
                    <p class="field-error" role="alert" id="tiers-over">
                        { app.text(&Text::new(Key::SitSharesOver).with("total", total.total.percent_text())) }
                    </p>
                }
            </section>
        </div>
    }
}
