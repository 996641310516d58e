//! Customer personas (用户画像) with their decision factors, whose weights
//! must add up to 100%, and each persona's journey with its emotion curve.

use super::text_field;
use crate::app::labels::Labelled;
use crate::app::situation::{emotion_curve, emotion_key, journey_key, persona_key};
use crate::domain::core::ids::{IdSource, ItemId};
use crate::domain::core::money::Money;
use crate::domain::core::rate::Rate;
use crate::domain::plan::Removal;
use crate::domain::situation::edit::{SituationEdit, TextTarget};
use crate::domain::situation::persona::{JourneyText, PersonaText};
use crate::domain::situation::{DecisionFactor, Emotion, JourneyStage, MediaHabit, Persona, Stage};
use crate::i18n::{Key, Text};
use crate::ui::shell::context::{AppHandle, PlanHandle, PlanRef, Tr};
use crate::ui::shell::platform::BrowserIds;
use crate::ui::widgets::amount_input::{NumberKind, OptionalNumber, PercentInput};
use crate::ui::widgets::chart::inline_svg;
use crate::ui::widgets::dom::{target_value, FocusLater};
use yew::prelude::*;

pub fn personas_view(ui: &super::Ui) -> Html {
    let name = ui.persona_name.clone();
    let error = ui.persona_error.clone();
    let focus = ui.focus.clone();
    let (app, handle) = (&ui.app, &ui.handle);
    let plan = &ui.plan;
    let s = &plan.situation;
    let add = {
        let (handle, focus) = (handle.clone(), focus.clone());
        Callback::from(move |name: String| {
            let id = BrowserIds.item_id();
            handle.edit(SituationEdit::AddPersona(Persona::new(id, &name)));
            focus.request(format!("persona-{id}-ageband"));
        })
    };
    html! {
        <div class="situation-personas">
            { super::name_form(app, "persona-new", Key::SitPersonaNew, Key::SitPersonaAdd, &name, &error, add) }
            if s.personas.is_empty() {
                <p class="empty-note">{ app.t(Key::SitPersonaEmpty) }</p>
            }
            { for s.personas.iter().map(|p| persona_card(app, handle, plan, p, &focus)) }
        </div>
    }
}

fn persona_card(app: &AppHandle, handle: &PlanHandle, plan: &PlanRef, p: &Persona, focus: &FocusLater) -> Html {
    let id = p.id;
    let female = {
        let handle = handle.clone();
        Callback::from(move |v: Option<i64>| handle.edit(SituationEdit::FemaleShare(id, v.map(Rate))))
    };
    let basket = {
        let handle = handle.clone();
        Callback::from(move |v: Option<i64>| handle.edit(SituationEdit::BasketSize(id, v.map(Money::from_fen))))
    };
    let delete = {
        let handle = handle.clone();
        Callback::from(move |_| handle.remove(Removal::Situation(vec![id])))
    };
    let add_factor = {
        let (handle, focus, name) = (handle.clone(), focus.clone(), app.t(Key::SitFactorName));
        Callback::from(move |_| {
            let fid = BrowserIds.item_id();
            handle.edit(SituationEdit::PutFactor {
                persona: id,
                factor: DecisionFactor {
                    id: fid,
                    name: name.to_owned(),
                    weight: Rate(0),
                },
            });
            focus.request(format!("factor-{fid}-name"));
        })
    };
    let add_media = {
        let (handle, focus) = (handle.clone(), focus.clone());
        Callback::from(move |_| {
            let mid = BrowserIds.item_id();
            handle.edit(SituationEdit::PutMedia {
                persona: id,
                media: MediaHabit {
                    id: mid,
                    name: String::new(),
                    share: Rate(0),
                },
            });
            focus.request(format!("media-{mid}-name"));
        })
    };
    let sum = p.weight_sum();
    let field_id = |f: PersonaText| format!("persona-{id}-{}", format!("{f:?}").to_lowercase());
    let factor_row = |f: &DecisionFactor| {
        let fid = f.id;
        let weight = {
            let (handle, f) = (handle.clone(), f.clone());
            Callback::from(move |weight: Rate| {
                handle.edit(SituationEdit::PutFactor {
                    persona: id,
                    factor: DecisionFactor { weight, ..f.clone() },
                })
            })
        };
        let remove = {
            let handle = handle.clone();
            Callback::from(move |_| handle.edit(SituationEdit::RemoveFactor { persona: id, id: fid }))
        };
        html! {
            <tr>
                <td data-label={app.t(Key::SitFactorName)}>
                    { text_field(handle, format!("factor-{fid}-name"), app.t(Key::SitFactorName), TextTarget::Factor { persona: id, id: fid }, &f.name, false) }
                </td>
                <td data-label={app.t(Key::SitFactorWeight)}>
                    <PercentInput id={format!("factor-{fid}-weight")} value={f.weight} onchange={weight}
                        label={format!("{} · {}", f.name, app.t(Key::SitFactorWeight))} />{ " %" }
                </td>
                <td><button type="button" class="btn btn-quiet" onclick={remove}
                    aria-label={format!("{}: {}", app.t(Key::SitDelete), f.name)}>{ "×" }</button></td>
            </tr>
        }
    };
    let media_row = |m: &MediaHabit| {
        let mid = m.id;
        let share = {
            let (handle, m) = (handle.clone(), m.clone());
            Callback::from(move |share: Rate| {
                handle.edit(SituationEdit::PutMedia {
                    persona: id,
                    media: MediaHabit { share, ..m.clone() },
                })
            })
        };
        let remove = {
            let handle = handle.clone();
            Callback::from(move |_| handle.edit(SituationEdit::RemoveMedia { persona: id, id: mid }))
        };
        html! {
            <tr>
                <td data-label={app.t(Key::SitMediaName)}>
                    { text_field(handle, format!("media-{mid}-name"), app.t(Key::SitMediaName), TextTarget::Media { persona: id, id: mid }, &m.name, false) }
                </td>
                <td data-label={app.t(Key::SitMediaShare)}>
                    <PercentInput id={format!("media-{mid}-share")} value={m.share} onchange={share}
                        label={format!("{} · {}", m.name, app.t(Key::SitMediaShare))} />{ " %" }
                </td>
                <td><button type="button" class="btn btn-quiet" onclick={remove}
                    aria-label={format!("{}: {}", app.t(Key::SitDelete), m.name)}>{ "×" }</button></td>
            </tr>
        }
    };
    html! {
        <section class={classes!("card", "persona-card", (!p.is_complete()).then_some("incomplete"))}
            aria-labelledby={format!("persona-{id}-title")}>
            <div class="section-head">
                <h3 id={format!("persona-{id}-title")}>{ p.name.clone() }</h3>
                <button type="button" class="btn btn-quiet" onclick={delete}
                    aria-label={format!("{}: {}", app.t(Key::SitDelete), p.name)}>{ app.t(Key::SitDelete) }</button>
            </div>
            if !p.is_complete() {
                <p class="banner banner-warning">{ app.t(Key::SitPersonaIncomplete) }</p>
            }
            <div class="persona-fields">
                { for PersonaText::ALL.into_iter().map(|f| text_field(
                    handle, field_id(f), app.t(persona_key(f)), TextTarget::Persona(id, f), p.text(f), f.is_long(),
                )) }
                <div class="field">
                    <label for={format!("persona-{id}-female")}>{ app.t(Key::SitPFemaleShare) }{ " (%)" }</label>
                    <OptionalNumber id={format!("persona-{id}-female")} kind={NumberKind::Share} value={p.female_share.map(|r| r.0)} onchange={female} />
                </div>
                <div class="field">
                    <label for={format!("persona-{id}-basket")}>{ app.t(Key::SitPBasketSize) }</label>
                    <OptionalNumber id={format!("persona-{id}-basket")} kind={NumberKind::Money} value={p.basket_size.map(Money::fen)} onchange={basket} />
                </div>
            </div>
            <h4 id={format!("persona-{id}-factors")}>{ app.t(Key::SitFactors) }</h4>
            <table class="factor-table" aria-labelledby={format!("persona-{id}-factors")}>
                <thead><tr>
                    <th scope="col">{ app.t(Key::SitFactorName) }</th>
                    <th scope="col">{ app.t(Key::SitFactorWeight) }</th>
                    <th scope="col"><span class="visually-hidden">{ app.t(Key::SitDelete) }</span></th>
                </tr></thead>
                <tbody>{ for p.factors.iter().map(factor_row) }</tbody>
            </table>
            if sum == Rate::FULL {
                <p class="ok-text" role="status">{ app.t(Key::SitWeightsOk) }</p>
            } else {
                <p class="field-error" role="alert" id={format!("persona-{id}-sum")}>
                    { app.text(&Text::new(Key::SitWeightsSum).with("sum", sum.percent_text())) }
                </p>
            }
            <button type="button" class="btn" onclick={add_factor}>{ app.t(Key::SitFactorAdd) }</button>
            <h4 id={format!("persona-{id}-media")}>{ app.t(Key::SitMedia) }</h4>
            <table class="factor-table" aria-labelledby={format!("persona-{id}-media")}>
                <thead><tr>
                    <th scope="col">{ app.t(Key::SitMediaName) }</th>
                    <th scope="col">{ app.t(Key::SitMediaShare) }</th>
                    <th scope="col"><span class="visually-hidden">{ app.t(Key::SitDelete) }</span></th>
                </tr></thead>
                <tbody>{ for p.media.iter().map(media_row) }</tbody>
            </table>
            <button type="button" class="btn" onclick={add_media}>{ app.t(Key::SitMediaAdd) }</button>
            { journey(app, handle, plan, p) }
        </section>
    }
}

fn journey(app: &AppHandle, handle: &PlanHandle, plan: &PlanRef, p: &Persona) -> Html {
    let id = p.id;
    let stage_row = |stage: Stage| {
        let entry = p.stage(stage).cloned().unwrap_or_else(|| JourneyStage::new(stage));
        let code = stage.code();
        let emotion = {
            let handle = handle.clone();
            Callback::from(move |e: Event| {
                if let Some(emotion) = target_value(&e).parse::<i8>().ok().and_then(Emotion::new) {
                    handle.edit(SituationEdit::Emotion(id, stage, emotion));
                }
            })
        };
        let goal = {
            let handle = handle.clone();
            Callback::from(move |e: Event| {
                let goals: Vec<ItemId> = ItemId::parse(&target_value(&e)).into_iter().collect();
                handle.edit(SituationEdit::JourneyGoals(id, stage, goals));
            })
        };
        let linked = entry.goals.first().copied();
        let gone = linked.is_some_and(|g| plan.goal(g).is_none());
        let eid = format!("journey-{id}-{code}-emotion");
        let gid = format!("journey-{id}-{code}-goal");
        html! {
            <section class="journey-stage" aria-labelledby={format!("journey-{id}-{code}")}>
                <h5 id={format!("journey-{id}-{code}")}>{ app.t(stage.label()) }</h5>
                { for JourneyText::ALL.into_iter().map(|f| text_field(
                    handle,
                    format!("journey-{id}-{code}-{}", format!("{f:?}").to_lowercase()),
                    app.t(journey_key(f)),
                    TextTarget::Journey(id, stage, f),
                    f.get(&entry),
                    true,
                )) }
                <div class="field-row">
                    <div class="field">
                        <label for={eid.clone()}>{ app.t(Key::SitJourneyEmotion) }</label>
                        <select id={eid} onchange={emotion}>
                            { for Emotion::ALL.iter().map(|e| html! {
                                <option value={e.get().to_string()} selected={*e == entry.emotion}>{ app.t(emotion_key(*e)) }</option>
                            }) }
                        </select>
                    </div>
                    <div class="field">
                        <label for={gid.clone()}>{ app.t(Key::SitJourneyGoal) }</label>
                        <select id={gid} onchange={goal}>
                            <option value="" selected={linked.is_none()}>{ app.t(Key::SitNoGoal) }</option>
                            { for plan.goals.iter().map(|g| html! {
                                <option value={g.id.to_string()} selected={linked == Some(g.id)}>{ g.title.clone() }</option>
                            }) }
                        </select>
                    </div>
                </div>
                if gone {
                    <p class="flag-text" role="note">{ app.t(Key::SitFlagMissingGoal) }</p>
                }
            </section>
        }
    };
    html! {
        <section class="journey" aria-labelledby={format!("journey-{id}")}>
            <h4 id={format!("journey-{id}")}>{ app.t(Key::SitJourney) }</h4>
            <figure class="journey-figure">
                { inline_svg(emotion_curve(app.lang, p)) }
                <figcaption>{ app.t(Key::SitJourneyCurve) }</figcaption>
            </figure>
            <div class="journey-grid">{ for Stage::ALL.into_iter().map(stage_row) }</div>
        </section>
    }
}
