//! The channel mix: channels by type with their role and intended share of
//! revenue (the shares must make 100%), and the omni-channel choices.

use super::{delete_button, text_field, Ui};
use crate::app::labels::Labelled;
use crate::domain::core::ids::IdSource;
use crate::domain::plan::Removal;
use crate::domain::strategy::channels::{share_sum, ShareSum};
use crate::domain::strategy::edit::{StrategyEdit, TextTarget};
use crate::domain::strategy::{Channel, ChannelKind, Omo};
use crate::i18n::{Key, Text};
use crate::ui::shell::context::Tr;
use crate::ui::shell::platform::BrowserIds;
use crate::ui::situation::choice;
use crate::ui::widgets::amount_input::{NumberKind, OptionalNumber};
use yew::prelude::*;

pub fn channels_view(ui: &Ui) -> Html {
    let (app, handle, plan) = (&ui.app, &ui.handle, &ui.plan);
    let c = &plan.strategies;
    let add = {
        let (handle, focus) = (handle.clone(), ui.focus.clone());
        Callback::from(move |_| {
            let id = BrowserIds.item_id();
            handle.edit(StrategyEdit::PutChannel(Channel {
                id,
                kind: ChannelKind::OwnPlatform,
                name: String::new(),
                role: String::new(),
                share: None,
            }));
            focus.request(format!("channel-{id}-name"));
        })
    };
    let sum = share_sum(&c.channels);
    let row = |ch: &Channel| {
        let id = ch.id;
        let kind = {
            let (handle, ch) = (handle.clone(), ch.clone());
            Callback::from(move |k: Option<ChannelKind>| {
                if let Some(kind) = k {
                    handle.edit(StrategyEdit::PutChannel(Channel { kind, ..ch.clone() }));
                }
            })
        };
        let share = {
            let (handle, ch) = (handle.clone(), ch.clone());
            Callback::from(move |v: Option<i64>| {
                handle.edit(StrategyEdit::PutChannel(Channel {
                    share: v.map(crate::domain::core::rate::Rate),
                    ..ch.clone()
                }))
            })
        };
        let delete = {
            let handle = handle.clone();
            Callback::from(move |_| handle.remove(Removal::Strategies(vec![id])))
        };
        let name = if ch.name.is_empty() {
            app.t(ch.kind.label()).to_owned()
        } else {
            ch.name.clone()
        };
        html! {
            <li class="situation-item channel-row">
                <div class="field-row">
                    <div class="field">
                        <label for={format!("channel-{id}-kind")}>{ app.t(Key::StratChannelKind) }</label>
                        { choice(app, format!("channel-{id}-kind"), Some(ch.kind), None, None, kind) }
                    </div>
                    { text_field(handle, format!("channel-{id}-name"), app.t(Key::StratChannelName), TextTarget::ChannelName(id), &ch.name, false) }
                    { text_field(handle, format!("channel-{id}-role"), app.t(Key::StratChannelRole), TextTarget::ChannelRole(id), &ch.role, false) }
                    <div class="field">
                        <label for={format!("channel-{id}-share")}>{ app.t(Key::StratShare) }</label>
                        <OptionalNumber id={format!("channel-{id}-share")} kind={NumberKind::Share} value={ch.share.map(|r| r.0)} onchange={share} />
                    </div>
                    <div class="item-actions">{ delete_button(app, &name, delete) }</div>
                </div>
            </li>
        }
    };
    let omo = |choice: Omo| {
        let on = c.omo.contains(&choice);
        let handle = handle.clone();
        let toggle = Callback::from(move |_: Event| handle.edit(StrategyEdit::Omo(choice, !on)));
        let id = format!("omo-{}", choice.code());
        html! {
            <li>
                <input type="checkbox" id={id.clone()} checked={on} onchange={toggle} />
                <label for={id}>{ app.t(choice.label()) }</label>
            </li>
        }
    };
    html! {
        <div class="strategy-channels">
            <section class="card" aria-labelledby="channels-title">
                <div class="section-head">
                    <h3 id="channels-title">{ app.t(Key::StratChannelsTitle) }</h3>
                    <button type="button" class="btn btn-primary" onclick={add}>{ app.t(Key::StratChannelAdd) }</button>
                </div>
                if c.channels.is_empty() {
                    <p class="empty-note">{ app.t(Key::StratChannelsEmpty) }</p>
                }
                <ul class="plain-list">{ for c.channels.iter().map(row) }</ul>
                { match sum {
                    ShareSum::NoneSet => html! {},
                    ShareSum::Whole => html! { <p class="ok-text" role="status">{ app.t(Key::StratSharesOk) }</p> },
                    ShareSum::Off(total) => html! {
                        <p class="field-error" role="alert" id="channel-shares">
                            { app.text(&Text::new(Key::StratSharesOff).with("total", total.percent_text())) }
                        </p>
                    },
                } }
            </section>
            <section class="card" aria-labelledby="omo-title">
                <h3 id="omo-title">{ app.t(Key::StratOmo) }</h3>
                <ul class="check-list">{ for Omo::ALL.into_iter().map(omo) }</ul>
            </section>
        </div>
    }
}
