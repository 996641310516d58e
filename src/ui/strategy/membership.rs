//! Membership tiers (普通/银卡/金卡) with their thresholds and benefits, and
//! the referral reward, whose cost can become a budget line.

use super::{text_field, Ui};
use crate::app::budget::money;
use crate::app::labels::Labelled;
use crate::app::Action;
use crate::domain::budget::edit::BudgetEdit;
use crate::domain::budget::BudgetLine;
use crate::domain::core::ids::IdSource;
use crate::domain::core::money::Money;
use crate::domain::strategy::edit::{StrategyEdit, TextTarget};
use crate::domain::strategy::{MemberLevel, MemberTier, Referral};
use crate::i18n::{Key, Text};
use crate::ui::shell::context::Tr;
use crate::ui::shell::platform::BrowserIds;
use crate::ui::widgets::amount_input::{MoneyInput, NumberKind, OptionalNumber, WholeInput};
use yew::prelude::*;

pub fn membership_view(ui: &Ui) -> Html {
    let (app, handle, plan) = (&ui.app, &ui.handle, &ui.plan);
    let c = &plan.strategies;
    let tier = |level: MemberLevel| {
        let current = c.tier(level).cloned().unwrap_or(MemberTier {
            level,
            threshold: None,
            benefits: String::new(),
        });
        let threshold = {
            let (handle, current) = (handle.clone(), current.clone());
            Callback::from(move |v: Option<i64>| {
                handle.edit(StrategyEdit::PutTier(MemberTier {
                    threshold: v.map(Money::from_fen),
                    ..current.clone()
                }))
            })
        };
        let code = level.code();
        html! {
            <li class="situation-item tier-row">
                <h4>{ app.t(level.label()) }</h4>
                <div class="field-row">
                    <div class="field">
                        <label for={format!("tier-{code}-threshold")}>{ app.t(Key::StratThreshold) }</label>
                        <OptionalNumber id={format!("tier-{code}-threshold")} kind={NumberKind::Money} value={current.threshold.map(Money::fen)} onchange={threshold} />
                    </div>
                    { text_field(handle, format!("tier-{code}-benefits"), app.t(Key::StratBenefits), TextTarget::Benefits(level), &current.benefits, true) }
                </div>
            </li>
        }
    };
    let referral = c.referral;
    let set = |change: fn(&mut Referral, Money)| {
        let handle = handle.clone();
        Callback::from(move |m: Money| {
            let mut next = referral;
            change(&mut next, m);
            handle.edit(StrategyEdit::Referral(next));
        })
    };
    let expected = {
        let handle = handle.clone();
        Callback::from(move |n: u32| {
            handle.edit(StrategyEdit::Referral(Referral {
                expected: n,
                ..referral
            }))
        })
    };
    let cost = referral.cost();
    let to_budget = {
        let (handle, app2, name) = (
            handle.clone(),
            app.clone(),
            app.t(Key::StratReferralLineName).to_owned(),
        );
        let amount_text = money(app.lang, plan, cost);
        Callback::from(move |_| {
            handle.edit(BudgetEdit::PutLine(BudgetLine::new(BrowserIds.item_id(), &name, cost)));
            app2.dispatch(Action::Notify {
                text: Text::new(Key::StratReferralAdded)
                    .with("name", &name)
                    .with("amount", &amount_text),
                is_error: false,
            });
        })
    };
    html! {
        <div class="strategy-membership">
            <section class="card" aria-labelledby="tiers-title">
                <h3 id="tiers-title">{ app.t(Key::StratTiersTitle) }</h3>
                <ul class="plain-list">{ for MemberLevel::ALL.into_iter().map(tier) }</ul>
            </section>
            <section class="card" aria-labelledby="referral-title">
                <h3 id="referral-title">{ app.t(Key::StratReferral) }</h3>
                <div class="field-row">
                    <div class="field">
                        <label for="referral-referrer">{ app.t(Key::StratReferrer) }</label>
                        <MoneyInput id="referral-referrer" value={referral.referrer} onchange={set(|r, m| r.referrer = m)} />
                    </div>
                    <div class="field">
                        <label for="referral-friend">{ app.t(Key::StratFriend) }</label>
                        <MoneyInput id="referral-friend" value={referral.friend} onchange={set(|r, m| r.friend = m)} />
                    </div>
                    <div class="field">
                        <label for="referral-expected">{ app.t(Key::StratExpected) }</label>
                        <WholeInput id="referral-expected" value={referral.expected} min={0} max={10_000_000} onchange={expected} />
                    </div>
                </div>
                <p class="result-text" role="status" id="referral-cost">
                    { app.text(&Text::new(Key::StratReferralCost).with("cost", money(app.lang, plan, cost))) }
                </p>
                if cost.is_positive() {
                    <button type="button" class="btn" onclick={to_budget}>{ app.t(Key::StratReferralLine) }</button>
                }
            </section>
        </div>
    }
}
