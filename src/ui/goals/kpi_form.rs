//! Adding or editing a KPI: from the catalogue or blank, with its unit,
//! direction, kind and three levels.

use crate::app::goals::figures::{aggregation_key, direction_key, unit_key};
use crate::app::goals::forms::{KpiDraft, KpiField, UNIT_CODES};
use crate::domain::core::ids::{IdSource, ItemId};
use crate::domain::goals::catalogue::CATALOGUE;
use crate::domain::goals::edit::GoalsEdit;
use crate::domain::goals::kpi::{Aggregation, Direction, Kpi};
use crate::i18n::{Key, Text};
use crate::ui::shell::context::PlanActions;
use crate::ui::shell::context::{use_app, use_focus_on, PlanRef, Tr};
use crate::ui::shell::platform::BrowserIds;
use crate::ui::widgets::dom::target_value;
use crate::ui::widgets::field::{edit_draft, field, on_typing};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct KpiFormProps {
    pub plan: PlanRef,
    pub goal: ItemId,
    /// The KPI being edited; None for a new one.
    pub kpi: Option<Kpi>,
    pub onclose: Callback<()>,
}

#[function_component(KpiForm)]
pub fn kpi_form(props: &KpiFormProps) -> Html {
    let Some(app) = use_app() else {
        return html! {};
    };
    let draft = use_state(|| props.kpi.as_ref().map_or_else(KpiDraft::default, KpiDraft::of));
    let tried = use_state(|| false);
    let first = use_node_ref();
    use_focus_on(first.clone(), ());
    let (plan_id, goal_id) = (props.plan.id, props.goal);
    let prefix = props
        .kpi
        .as_ref()
        .map_or_else(|| format!("new-kpi-{goal_id}"), |k| format!("kpi-{}", k.id));
    let fid = |name: &str| format!("{prefix}-{name}");

    let update = |change: fn(&mut KpiDraft, String)| edit_draft(&draft, change);
    let typed = on_typing;
    // The entry the form was filled from, drawn as selected so the select
    // never shows an entry the (blank) form does not hold.
    let picked = use_state(|| None::<usize>);
    let on_catalogue = {
        let (draft, lang, picked) = (draft.clone(), app.lang, picked.clone());
        Callback::from(move |e: Event| {
            let index = target_value(&e).parse::<usize>().ok().filter(|i| *i < CATALOGUE.len());
            picked.set(index);
            let choice = index.and_then(|i| CATALOGUE.get(i));
            draft.set(choice.map_or_else(KpiDraft::default, |entry| KpiDraft::from_catalogue(entry, lang)));
        })
    };
    let problems = if *tried { draft.problems() } else { Vec::new() };
    let problem = |f: KpiField| problems.iter().find(|(g, _)| *g == f).map(|(_, t)| app.text(t));
    let onsubmit = {
        let (app, draft, tried, onclose, existing) = (
            app.clone(),
            draft.clone(),
            tried.clone(),
            props.onclose.clone(),
            props.kpi.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let id = existing.as_ref().map_or_else(|| BrowserIds.item_id(), |k| k.id);
            match draft.build(id, existing.as_ref()) {
                Ok(kpi) => {
                    app.edit(plan_id, GoalsEdit::PutKpi { goal: goal_id, kpi });
                    onclose.emit(());
                }
                Err(_) => tried.set(true),
            }
        })
    };
    let cancel = props.onclose.reform(|_: MouseEvent| ());
    let formula = CATALOGUE
        .iter()
        .find(|k| app.t(k.name) == draft.name)
        .map(|k| Text::new(Key::KpiFormula).with_text("formula", k.formula.into()));
    let number = |name: &str, label: Key, value: &str, change: fn(&mut KpiDraft, String), f: KpiField| {
        let id = fid(name);
        field(
            &id,
            app.t(label),
            html! {
                <input id={id.clone()} type="text" inputmode="decimal" value={value.to_owned()} oninput={typed(update(change))}
                    aria-invalid={problem(f).is_some().to_string()} aria-describedby={format!("{id}-error")} />
            },
            None,
            problem(f),
        )
    };
    html! {
        <form class="kpi-form" {onsubmit} novalidate=true aria-label={app.t(Key::KpiFormTitle)}>
            if props.kpi.is_none() {
                { field(&fid("catalogue"), app.t(Key::KpiFromCatalogue), html! {
                    <select id={fid("catalogue")} ref={first.clone()} onchange={on_catalogue}>
                        <option value="" selected={picked.is_none()}>{ app.t(Key::KpiCatalogueBlank) }</option>
                        { for CATALOGUE.iter().enumerate().map(|(i, k)| html! {
                            <option value={i.to_string()} selected={*picked == Some(i)}>{ app.t(k.name) }</option>
                        }) }
                    </select>
                }, None, None) }
            }
            <div class="form-grid">
                { field(&fid("name"), app.t(Key::KpiName), html! {
                    <input id={fid("name")} type="text" value={draft.name.clone()} oninput={typed(update(|d, v| d.name = v))}
                        aria-invalid={problem(KpiField::Name).is_some().to_string()} aria-describedby={format!("{}-error", fid("name"))} />
                }, None, problem(KpiField::Name)) }
                { field(&fid("unit"), app.t(Key::KpiUnit), html! {
                    <select id={fid("unit")} onchange={update(|d, v| d.unit = UNIT_CODES.into_iter().find(|c| *c == v).unwrap_or("count"))}>
                        { for UNIT_CODES.iter().map(|c| html! { <option value={*c} selected={*c == draft.unit}>{ app.t(unit_key(c)) }</option> }) }
                    </select>
                }, None, None) }
                if draft.unit == "custom" {
                    { field(&fid("custom-unit"), app.t(Key::KpiCustomUnit), html! {
                        <input id={fid("custom-unit")} type="text" value={draft.custom_unit.clone()} oninput={typed(update(|d, v| d.custom_unit = v))} />
                    }, None, problem(KpiField::CustomUnit)) }
                }
                { field(&fid("direction"), app.t(Key::KpiDirection), html! {
                    <select id={fid("direction")} onchange={update(|d, v| d.direction = if v == "lower" { Direction::LowerIsBetter } else { Direction::HigherIsBetter })}>
                        <option value="higher" selected={draft.direction == Direction::HigherIsBetter}>{ app.t(direction_key(Direction::HigherIsBetter)) }</option>
                        <option value="lower" selected={draft.direction == Direction::LowerIsBetter}>{ app.t(direction_key(Direction::LowerIsBetter)) }</option>
                    </select>
                }, None, None) }
                { field(&fid("aggregation"), app.t(Key::KpiAggregation), html! {
                    <select id={fid("aggregation")} onchange={update(|d, v| d.aggregation = if v == "level" { Aggregation::Level } else { Aggregation::Additive })}>
                        <option value="additive" selected={draft.aggregation == Aggregation::Additive}>{ app.t(aggregation_key(Aggregation::Additive)) }</option>
                        <option value="level" selected={draft.aggregation == Aggregation::Level}>{ app.t(aggregation_key(Aggregation::Level)) }</option>
                    </select>
                }, None, None) }
                { number("baseline", Key::KpiBaseline, &draft.baseline, |d, v| d.baseline = v, KpiField::Baseline) }
                { number("target", Key::KpiTarget, &draft.target, |d, v| d.target = v, KpiField::Target) }
                { number("challenge", Key::KpiChallenge, &draft.challenge, |d, v| d.challenge = v, KpiField::Challenge) }
            </div>
            if let Some(formula) = formula { <p class="field-hint">{ app.text(&formula) }</p> }
            if let Some(error) = problem(KpiField::Levels) { <p class="field-error" role="alert">{ error }</p> }
            <div class="form-actions">
                <button type="submit" class="btn btn-primary">{ app.t(Key::KpiSave) }</button>
                <button type="button" class="btn btn-quiet" onclick={cancel}>{ app.t(Key::FormCancel) }</button>
            </div>
        </form>
    }
}
