//! Channel performance: results per channel with ROI, CAC, conversion and
//! lifetime value, the advice the plan's rules give, the rules themselves,
//! and a reallocation the user can accept or dismiss.

use crate::app::budget::{all_advice, money, ratio_text};
use crate::app::messages::money_error;
use crate::app::Action;
use crate::domain::budget::edit::BudgetEdit;
use crate::domain::budget::edit::ChannelField;
use crate::domain::budget::roi::{figures, propose, Channel, Proposal, ReallocError, RoiRules};
use crate::domain::core::ids::IdSource;
use crate::domain::core::money::Money;
use crate::domain::core::value::Value;
use crate::i18n::{format_count, Key, Text};
use crate::ui::shell::context::PlanActions;
use crate::ui::shell::context::{use_app, PlanRef, Tr};
use crate::ui::shell::platform::BrowserIds;
use crate::ui::widgets::amount_input::{MoneyInput, PercentInput};
use crate::ui::widgets::dom::target_value;
use crate::ui::widgets::draft_input::DraftInput;
use crate::ui::widgets::table::WideTable;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChannelsProps {
    pub plan: PlanRef,
}

#[function_component(ChannelsView)]
pub fn channels_view(props: &ChannelsProps) -> Html {
    let Some(app) = use_app() else { return html! {} };
    let plan = &props.plan;
    let id = plan.id;
    let b = &plan.budget;
    let lang = app.lang;
    let m = |a: Money| money(lang, plan, a);
    let count_error = use_state(|| None::<Text>);
    let put = {
        let app = app.clone();
        move |c: Channel| app.edit(id, BudgetEdit::PutChannel(c))
    };
    let add = {
        let (put, name) = (put.clone(), app.t(Key::ChannelsNewName).to_owned());
        Callback::from(move |_| put(Channel::new(BrowserIds.item_id(), &name)))
    };
    let rows = b.channels.iter().enumerate().map(|(i, c)| {
        let n = i + 1;
        let f = figures(b, c);
        // Each field is sent alone, applied to the channel as it is in the store.
        let set = {
            let (app, channel) = (app.clone(), c.id);
            move |field: ChannelField| {
                app.edit(id, BudgetEdit::ChannelField { channel, field })
            }
        };
        let name_edit = {
            let set = set.clone();
            Callback::from(move |v: String| set(ChannelField::Name(v.trim().to_owned())))
        };
        let count_edit = |f: fn(u64) -> ChannelField| {
            let (set, error) = (set.clone(), count_error.clone());
            Callback::from(move |typed: String| {
                match typed.trim().replace([',', ' '], "").parse::<u64>() {
                    Ok(v) => {
                        error.set(None);
                        set(f(v));
                    }
                    Err(_) => error.set(Some(Text::new(Key::ErrorCountInvalid).with("text", typed.trim()))),
                }
            })
        };
        let revenue = {
            let set = set.clone();
            Callback::from(move |m| set(ChannelField::Revenue(m)))
        };
        let aov = {
            let set = set.clone();
            Callback::from(move |m: Money| set(ChannelField::OrderValue(m.is_positive().then_some(m))))
        };
        let repeat = {
            let set = set.clone();
            Callback::from(move |r: crate::domain::core::rate::Rate| set(ChannelField::RepeatRate((r.0 > 0).then_some(r))))
        };
        let remove = {
            let (app, channel) = (app.clone(), c.id);
            Callback::from(move |_| {
                app.edit(id, BudgetEdit::RemoveChannel(channel))
            })
        };
        let dash = || "—".to_owned();
        html! {
            <tr>
                <td class="cell-lead pin"><button type="button" class="btn btn-small btn-quiet btn-danger btn-icon no-print" onclick={remove}
                    title={app.t(Key::ChannelRemove)} aria-label={format!("{}: {}", app.t(Key::ChannelRemove), c.name)}>{ "✕" }</button></td>
                <td class="pin pin-last" data-label={app.t(Key::ChannelColName)}><DraftInput id={format!("channel-name-{n}")} value={c.name.clone()} label={AttrValue::from(app.t(Key::ChannelColName))}
                    onchange={name_edit} /></td>
                <td class="num" data-label={app.t(Key::ChannelColSpend)}>{ m(f.spend) }</td>
                <td class="num" data-label={app.t(Key::ChannelColRevenue)}><MoneyInput id={format!("channel-revenue-{n}")} value={c.revenue} onchange={revenue} label={AttrValue::from(app.t(Key::ChannelColRevenue))} /></td>
                <td class="num" data-label={app.t(Key::ChannelColLeads)}><DraftInput inputmode={AttrValue::Static("numeric")} class="input-narrow" id={format!("channel-leads-{n}")} value={c.leads.to_string()}
                    label={AttrValue::from(app.t(Key::ChannelColLeads))} onchange={count_edit(ChannelField::Leads)} /></td>
                <td class="num" data-label={app.t(Key::ChannelColCustomers)}><DraftInput inputmode={AttrValue::Static("numeric")} class="input-narrow" id={format!("channel-customers-{n}")} value={c.customers.to_string()}
                    label={AttrValue::from(app.t(Key::ChannelColCustomers))} onchange={count_edit(ChannelField::Customers)} /></td>
                <td class="num" data-label={app.t(Key::ChannelColAov)}><MoneyInput id={format!("channel-aov-{n}")} value={c.order_value.unwrap_or(Money::ZERO)} onchange={aov} label={AttrValue::from(app.t(Key::ChannelColAov))} /></td>
                <td class="num" data-label={app.t(Key::ChannelColRepeat)}><PercentInput id={format!("channel-repeat-{n}")} value={c.repeat_rate.unwrap_or(crate::domain::core::rate::Rate(0))} onchange={repeat} label={AttrValue::from(app.t(Key::ChannelColRepeat))} /></td>
                <td class="num" data-label={app.t(Key::ChannelColRoi)} id={format!("channel-roi-{n}")}>{ f.roi.map_or_else(dash, ratio_text) }</td>
                <td class="num" data-label={app.t(Key::ChannelColCac)}>{ f.cac.map_or_else(dash, m) }</td>
                <td class="num" data-label={app.t(Key::ChannelColConversion)}>{ f.conversion.map_or_else(dash, |r| r.percent_text()) }</td>
                <td class="num" data-label={app.t(Key::ChannelColLtv)}>{ f.ltv.map_or_else(dash, m) }</td>
                <td class="num" data-label={app.t(Key::ChannelColLtvCac)}>{ f.ltv_cac.map_or_else(dash, ratio_text) }</td>
            </tr>
        }
    });
    let advice_items = all_advice(lang, plan);
    html! {
        <>
            <section class="card" aria-labelledby="channels-title">
                <div class="section-head">
                    <h3 id="channels-title">{ app.t(Key::ChannelsTitle) }</h3>
                    <button type="button" class="btn btn-primary" id="add-channel" onclick={add}>{ app.t(Key::ChannelsAdd) }</button>
                </div>
                if b.channels.is_empty() {
                    <div class="empty-state"><p>{ app.t(Key::ChannelsEmpty) }</p></div>
                } else {
                    <WideTable label={app.t(Key::TableChannels)}>
                        <table class="task-table channel-table" id="channel-table">
                            <thead><tr>
                                <th scope="col" class="cell-lead pin"><span class="visually-hidden">{ app.t(Key::ColActions) }</span></th>
                                <th scope="col" class="pin pin-last">{ app.t(Key::ChannelColName) }</th>
                                <th scope="col" class="num">{ app.t(Key::ChannelColSpend) }</th>
                                <th scope="col" class="num">{ app.t(Key::ChannelColRevenue) }</th>
                                <th scope="col" class="num">{ app.t(Key::ChannelColLeads) }</th>
                                <th scope="col" class="num">{ app.t(Key::ChannelColCustomers) }</th>
                                <th scope="col" class="num">{ app.t(Key::ChannelColAov) }</th>
                                <th scope="col" class="num">{ app.t(Key::ChannelColRepeat) }</th>
                                <th scope="col" class="num">{ app.t(Key::ChannelColRoi) }</th>
                                <th scope="col" class="num">{ app.t(Key::ChannelColCac) }</th>
                                <th scope="col" class="num">{ app.t(Key::ChannelColConversion) }</th>
                                <th scope="col" class="num">{ app.t(Key::ChannelColLtv) }</th>
                                <th scope="col" class="num">{ app.t(Key::ChannelColLtvCac) }</th>
                            </tr></thead>
                            <tbody>{ for rows }</tbody>
                        </table>
                    </WideTable>
                    if let Some(text) = &*count_error { <p class="field-error" role="alert">{ app.text(text) }</p> }
                    <p class="field-hint">{ app.t(Key::ChannelsSpendHint) }</p>
                }
            </section>
            if !b.channels.is_empty() {
                <section class="card" aria-labelledby="advice-title">
                    <h3 id="advice-title">{ app.t(Key::AdviceTitle) }</h3>
                    if advice_items.is_empty() {
                        <p class="empty-note">{ app.t(Key::AdviceNone) }</p>
                    } else {
                        <ul class="advice-list" id="advice-list">{ for advice_items.into_iter().map(|a| html! { <li>{ a }</li> }) }</ul>
                    }
                </section>
                <Reallocation plan={plan.clone()} />
            }
            <RulesEditor plan={plan.clone()} />
        </>
    }
}

#[function_component(Reallocation)]
fn reallocation(props: &ChannelsProps) -> Html {
    let Some(app) = use_app() else { return html! {} };
    let plan = &props.plan;
    let id = plan.id;
    let b = &plan.budget;
    let lang = app.lang;
    let m = |a: Money| money(lang, plan, a);
    // The amount to move and the floor per line, as typed.
    let typed = use_state(|| (String::new(), String::new()));
    let result = use_state(|| None::<Result<(Proposal, Money), Text>>);
    let on_amount = {
        let typed = typed.clone();
        Callback::from(move |e: InputEvent| typed.set((target_value(&e), typed.1.clone())))
    };
    let on_floor = {
        let typed = typed.clone();
        Callback::from(move |e: InputEvent| typed.set((typed.0.clone(), target_value(&e))))
    };
    let rules = b.rules;
    let propose_it = {
        let (typed, result, plan) = (typed.clone(), result.clone(), plan.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (amount, floor) = (*typed).clone();
            let asked = match Money::parse(&amount) {
                Ok(a) => a,
                Err(err) => return result.set(Some(Err(money_error(err, &amount)))),
            };
            let keep = if floor.trim().is_empty() {
                Money::ZERO
            } else {
                match Money::parse(&floor) {
                    Ok(f) => f,
                    Err(err) => return result.set(Some(Err(money_error(err, &floor)))),
                }
            };
            let cut = ratio_text(rules.cut_below);
            let grow = ratio_text(rules.grow_above);
            result.set(Some(match propose(&plan.budget, asked, keep) {
                Ok(p) => Ok((p, asked)),
                Err(ReallocError::NothingAsked) => Err(Text::new(Key::ReallocNothing)),
                Err(ReallocError::NoWeakChannel) => Err(Text::new(Key::ReallocNoWeak).with("cut", cut)),
                Err(ReallocError::NoStrongChannel) => Err(Text::new(Key::ReallocNoStrong).with("grow", grow)),
                Err(ReallocError::NothingAboveFloor) => Err(Text::new(Key::ReallocNothingAbove)),
            }));
        })
    };
    let body = match &*result {
        None => html! {},
        Some(Err(text)) => html! { <p class="field-error" role="alert" id="realloc-error">{ app.text(text) }</p> },
        Some(Ok((p, asked))) => {
            let accept = {
                let (app, result, amounts) = (
                    app.clone(),
                    result.clone(),
                    p.changes.iter().map(|c| (c.line, c.after)).collect::<Vec<_>>(),
                );
                Callback::from(move |_| {
                    app.edit(id, BudgetEdit::PlannedAmounts(amounts.clone()));
                    app.dispatch(Action::Notify {
                        text: Text::new(Key::ReallocAccepted),
                        is_error: false,
                    });
                    result.set(None);
                })
            };
            let dismiss = {
                let result = result.clone();
                Callback::from(move |_| result.set(None))
            };
            let rows = p.changes.iter().map(|c| {
                let line = b.line(c.line).map(|l| l.name.clone()).unwrap_or_default();
                let channel = b.channel(c.channel).map(|ch| ch.name.clone()).unwrap_or_default();
                let delta = c.after - c.before;
                html! {
                    <tr>
                        <th scope="row">{ line }</th>
                        <td>{ channel }</td>
                        <td class="num">{ m(c.before) }</td>
                        <td class="num">{ m(c.after) }</td>
                        <td class="num">{ if delta.is_positive() { format!("+{}", m(delta)) } else { m(delta) } }</td>
                    </tr>
                }
            });
            let summary = if p.moved < *asked {
                Text::new(Key::ReallocPartial)
                    .with("moved", m(p.moved))
                    .with("asked", m(*asked))
            } else {
                Text::new(Key::ReallocMoved).with("moved", m(p.moved))
            };
            html! {
                <div class="proposal" id="realloc-proposal">
                    <p>{ app.text(&summary) }</p>
                    <table class="data-table">
                        <thead><tr>
                            <th scope="col">{ app.t(Key::BudgetColName) }</th>
                            <th scope="col">{ app.t(Key::BudgetColChannel) }</th>
                            <th scope="col" class="num">{ app.t(Key::ReallocBefore) }</th>
                            <th scope="col" class="num">{ app.t(Key::ReallocAfter) }</th>
                            <th scope="col" class="num">{ app.t(Key::ReallocChange) }</th>
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                    <div class="toolbar">
                        <button type="button" class="btn btn-primary" id="realloc-accept" onclick={accept}>{ app.t(Key::ReallocAccept) }</button>
                        <button type="button" class="btn btn-quiet" onclick={dismiss}>{ app.t(Key::ReallocDismiss) }</button>
                    </div>
                </div>
            }
        }
    };
    html! {
        <section class="card" aria-labelledby="realloc-title">
            <h3 id="realloc-title">{ app.t(Key::ReallocTitle) }</h3>
            <p class="field-hint">{ app.text(&Text::new(Key::ReallocIntro)
                .with("cut", ratio_text(rules.cut_below)).with("grow", ratio_text(rules.grow_above))) }</p>
            <form class="form-row no-print" onsubmit={propose_it}>
                <label>{ app.t(Key::ReallocAmount) }
                    <input id="realloc-amount" type="text" inputmode="decimal" class="input-money" value={typed.0.clone()} oninput={on_amount} />
                </label>
                <label>{ app.t(Key::ReallocFloor) }
                    <input id="realloc-floor" type="text" inputmode="decimal" class="input-money" value={typed.1.clone()} oninput={on_floor}
                        placeholder={format_count(lang, 0)} />
                </label>
                <button type="submit" class="btn" id="realloc-propose">{ app.t(Key::ReallocPropose) }</button>
            </form>
            { body }
        </section>
    }
}

#[function_component(RulesEditor)]
fn rules_editor(props: &ChannelsProps) -> Html {
    let Some(app) = use_app() else { return html! {} };
    let plan = &props.plan;
    let id = plan.id;
    let rules = plan.budget.rules;
    let error = use_state(|| None::<Text>);
    let save = {
        let (app, error) = (app.clone(), error.clone());
        move |next: RoiRules| {
            if next.is_consistent() {
                error.set(None);
                app.edit(id, BudgetEdit::RoiRules(next));
            } else {
                error.set(Some(Text::new(Key::ErrorRoiRules)));
            }
        }
    };
    let ratio = |f: fn(&mut RoiRules, Value)| {
        let (save, error) = (save.clone(), error.clone());
        Callback::from(move |typed: String| match Value::parse(&typed) {
            Ok(v) => {
                let mut next = rules;
                f(&mut next, v);
                save(next);
            }
            Err(_) => error.set(Some(Text::new(Key::ErrorNumberInvalid).with("text", typed.trim()))),
        })
    };
    let ceiling = {
        let save = save.clone();
        Callback::from(move |m| {
            save(RoiRules {
                cac_ceiling: m,
                ..rules
            })
        })
    };
    let conversion = {
        let save = save.clone();
        Callback::from(move |r| {
            save(RoiRules {
                conversion_above: r,
                ..rules
            })
        })
    };
    let reset = {
        let save = save.clone();
        Callback::from(move |_| save(RoiRules::default()))
    };
    let plain = |v: Value| v.grouped().replace(',', "");
    type SetRatio = fn(&mut RoiRules, Value);
    let ratio_fields: [(&str, Key, Value, SetRatio); 3] = [
        ("rule-move", Key::RulesMoveBelow, rules.move_below, |r, v| {
            r.move_below = v
        }),
        ("rule-cut", Key::RulesCutBelow, rules.cut_below, |r, v| r.cut_below = v),
        ("rule-grow", Key::RulesGrowAbove, rules.grow_above, |r, v| {
            r.grow_above = v
        }),
    ];
    html! {
        <section class="card no-print" aria-labelledby="rules-title">
            <div class="section-head">
                <h3 id="rules-title">{ app.t(Key::RulesTitle) }</h3>
                <button type="button" class="btn btn-small btn-quiet" onclick={reset}>{ app.t(Key::RulesReset) }</button>
            </div>
            <div class="form-row">
                { for ratio_fields.into_iter().map(|(id, key, value, set)| html! {
                    <label>{ app.t(key) }
                        <DraftInput {id} inputmode={AttrValue::Static("decimal")} class="input-narrow" value={plain(value)} onchange={ratio(set)} />
                    </label>
                }) }
                <label for="rule-cac">{ app.t(Key::RulesCacCeiling) }</label>
                <MoneyInput id="rule-cac" value={rules.cac_ceiling} onchange={ceiling} />
                <label for="rule-conversion">{ app.t(Key::RulesConversionAbove) }</label>
                <PercentInput id="rule-conversion" value={rules.conversion_above} onchange={conversion} />
            </div>
            if let Some(text) = &*error { <p class="field-error" role="alert" id="rules-error">{ app.text(text) }</p> }
        </section>
    }
}
