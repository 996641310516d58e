//! A KPI opened up: its card, its check-ins (with a form to add one) and
//! its decomposition over the plan's sub-periods.

use crate::app::draft::date_text;
use crate::app::goals::figures::{granularity_key, sub_label, value_text};
use crate::app::goals::forms::{parse_parts, parse_weights, CheckInDraft, CheckInField};
use crate::domain::core::ids::{IdSource, ItemId};
use crate::domain::core::order::{day, sort_by_rank};
use crate::domain::core::value::Value;
use crate::domain::goals::decompose::{Check, Decomposition, Granularity, Method};
use crate::domain::goals::edit::GoalsEdit;
use crate::domain::goals::kpi::{Aggregation, Counting, Kpi};
use crate::domain::plan::PlanEdit;
use crate::i18n::{format_date, Key, Text};
use crate::ui::goals::kpi_card::KpiCard;
use crate::ui::shell::context::PlanActions;
use crate::ui::shell::context::{use_app, PlanRef, Tr};
use crate::ui::shell::platform::BrowserIds;
use crate::ui::widgets::dom::{focus_element, target_value};
use crate::ui::widgets::field::{edit_draft, field, on_typing};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct KpiDetailProps {
    pub plan: PlanRef,
    pub goal: ItemId,
    pub kpi: ItemId,
    /// Opened to record an actual: the value field takes the cursor.
    #[prop_or_default]
    pub record: bool,
}

#[function_component(KpiDetail)]
pub fn kpi_detail(props: &KpiDetailProps) -> Html {
    let Some(app) = use_app() else {
        return html! {};
    };
    // The newest day a value can count on.
    let default_day = props.plan.period.nearest_day(app.today);
    let draft = use_state(|| CheckInDraft {
        date: date_text(default_day),
        ..CheckInDraft::default()
    });
    {
        let id = format!("ci-{}-value", props.kpi);
        use_effect_with(props.record, move |record| {
            if *record {
                focus_element(&id);
            }
        });
    }
    let tried = use_state(|| false);
    let plan = &props.plan;
    let Some((_, kpi)) = plan.kpi(props.kpi) else {
        return html! {};
    };
    let (plan_id, kpi_id) = (plan.id, kpi.id);
    let value = |v| value_text(app.lang, &kpi.unit, &plan.currency, v);

    let problems = if *tried {
        draft.build(kpi_id).err().unwrap_or_default()
    } else {
        Vec::new()
    };
    let problem = |f: CheckInField| problems.iter().find(|(g, _)| *g == f).map(|(_, t)| app.text(t));
    let update = |change: fn(&mut CheckInDraft, String)| edit_draft(&draft, change);
    let add = {
        let (app, draft, tried) = (app.clone(), draft.clone(), tried.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match draft.build(BrowserIds.item_id()) {
                Ok(check_in) => {
                    app.edit(plan_id, GoalsEdit::AddCheckIn { kpi: kpi_id, check_in });
                    draft.set(CheckInDraft {
                        date: draft.date.clone(),
                        ..CheckInDraft::default()
                    });
                    tried.set(false);
                }
                Err(_) => tried.set(true),
            }
        })
    };
    // Said while the date is typed, with the period: such a value is kept
    // but not counted.
    let period_text = Text::new(Key::CheckinOutside)
        .with("start", format_date(app.lang, plan.period.start))
        .with("end", format_date(app.lang, plan.period.end));
    let mut check_ins: Vec<_> = kpi.check_ins.iter().collect();
    sort_by_rank(&mut check_ins, |c| (-day(c.date), 0));
    let rows = check_ins.iter().map(|c| {
        let counting = c.counting(&plan.period, app.today);
        let (outside, future) = (counting == Counting::OutsidePeriod, counting == Counting::Later);
        let remove = {
            let (app, check_in) = (app.clone(), c.id);
            Callback::from(move |_| {
                app.edit(plan_id, GoalsEdit::RemoveCheckIn { kpi: kpi_id, check_in })
            })
        };
        html! {
            <tr key={c.id.to_string()} class={classes!(outside.then_some("outside"))}>
                <td>{ format_date(app.lang, c.date) }</td>
                <td class="num">{ value(c.value) }</td>
                <td>{ &c.note }{ if outside { format!(" ({})", app.text(&period_text)) } else { String::new() } }
                    if future {
                        <span class="tag tag-warning">{ app.text(&Text::new(Key::CheckinFuture).with("date", format_date(app.lang, c.date))) }</span>
                    }
                </td>
                <td><button type="button" class="btn btn-small btn-danger" onclick={remove}>{ app.t(Key::CheckinDelete) }</button></td>
            </tr>
        }
    });
    let p = format!("ci-{kpi_id}");
    let date_hint = crate::app::draft::parse_date(&draft.date)
        .filter(|d| !plan.period.contains(*d))
        .map(|_| app.text(&period_text));
    html! {
        <div class="kpi-detail">
            <KpiCard plan={plan.clone()} goal={props.goal} kpi={kpi_id} />
            <section class="check-ins" aria-label={app.t(Key::CheckinTitle)}>
                <h5>{ app.t(Key::CheckinTitle) }</h5>
                if kpi.aggregation == Aggregation::Additive { <p class="field-hint">{ app.t(Key::CheckinAdditiveHint) }</p> }
                <form class="checkin-form no-print" onsubmit={add} novalidate=true>
                    { field(&format!("{p}-date"), app.t(Key::CheckinDate), html! {
                        <input id={format!("{p}-date")} type="date" value={draft.date.clone()} oninput={on_typing(update(|d, v| d.date = v))}
                            aria-describedby={format!("{p}-date-error")} />
                    }, date_hint.as_deref(), problem(CheckInField::Date)) }
                    { field(&format!("{p}-value"), app.t(Key::CheckinValue), html! {
                        <input id={format!("{p}-value")} type="text" inputmode="decimal" value={draft.value.clone()}
                            oninput={on_typing(update(|d, v| d.value = v))}
                            aria-invalid={problem(CheckInField::Value).is_some().to_string()} aria-describedby={format!("{p}-value-error")} />
                    }, None, problem(CheckInField::Value)) }
                    { field(&format!("{p}-note"), app.t(Key::CheckinNote), html! {
                        <input id={format!("{p}-note")} type="text" value={draft.note.clone()} oninput={on_typing(update(|d, v| d.note = v))} />
                    }, None, None) }
                    <button type="submit" class="btn btn-primary">{ app.t(Key::CheckinAdd) }</button>
                </form>
                if check_ins.is_empty() {
                    <p class="empty-note">{ app.t(Key::CheckinEmpty) }</p>
                } else {
                    <table class="data-table">
                        <thead><tr>
                            <th scope="col">{ app.t(Key::CheckinDate) }</th>
                            <th scope="col">{ app.t(Key::CheckinValue) }</th>
                            <th scope="col">{ app.t(Key::CheckinNote) }</th>
                            <th scope="col"><span class="visually-hidden">{ app.t(Key::CheckinDelete) }</span></th>
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                }
            </section>
            <DecompositionEditor plan={plan.clone()} kpi={kpi.clone()} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct DecompositionProps {
    plan: PlanRef,
    kpi: Kpi,
}

/// The split as the user is shaping it, before it is applied.
#[derive(Clone, PartialEq)]
struct SplitDraft {
    granularity: Granularity,
    method: Method,
    weights: String,
    parts: Vec<String>,
}

#[function_component(DecompositionEditor)]
fn decomposition_editor(props: &DecompositionProps) -> Html {
    let Some(app) = use_app() else {
        return html! {};
    };
    let (plan, kpi) = (&props.plan, &props.kpi);
    let choices = Kpi::granularities(&plan.period);
    let current = kpi.decomposition.clone();
    let split = use_state(|| match &current {
        Some(d) => SplitDraft {
            granularity: d.granularity,
            method: d.method,
            weights: d.weights.iter().map(u32::to_string).collect::<Vec<_>>().join(", "),
            parts: d.parts.iter().map(Value::to_string).collect(),
        },
        None => SplitDraft {
            granularity: if choices.contains(&Granularity::Month) {
                Granularity::Month
            } else {
                choices.first().copied().unwrap_or(Granularity::Month)
            },
            method: Method::Even,
            weights: String::new(),
            parts: Vec::new(),
        },
    });
    let error = use_state(|| None::<Text>);
    if choices.is_empty() {
        return html! {};
    }
    let (plan_id, kpi_id) = (plan.id, kpi.id);
    let subs = split.granularity.split(&plan.period);
    let value = |v| value_text(app.lang, &kpi.unit, &plan.currency, v);

    let set_granularity = {
        let split = split.clone();
        Callback::from(move |e: Event| {
            if let Some(g) = Granularity::from_code(&target_value(&e)) {
                split.set(SplitDraft {
                    granularity: g,
                    parts: Vec::new(),
                    ..(*split).clone()
                });
            }
        })
    };
    let set_method = {
        let split = split.clone();
        Callback::from(move |e: Event| {
            let method = match target_value(&e).as_str() {
                "weighted" => Method::Weighted,
                "manual" => Method::Manual,
                _ => Method::Even,
            };
            split.set(SplitDraft {
                method,
                ..(*split).clone()
            });
        })
    };
    let set_weights = {
        let split = split.clone();
        Callback::from(move |e: InputEvent| {
            split.set(SplitDraft {
                weights: target_value(&e),
                ..(*split).clone()
            })
        })
    };
    let apply = {
        let (app, split, error, kpi, period) = (
            app.clone(),
            split.clone(),
            error.clone(),
            kpi.clone(),
            plan.period.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let n = split.granularity.split(&period).len();
            let made = match split.method {
                Method::Even => Ok(Decomposition::even(&kpi, &period, split.granularity)),
                Method::Weighted => parse_weights(&split.weights, n)
                    .and_then(|w| Decomposition::weighted(&kpi, &period, split.granularity, w))
                    .ok_or_else(|| Text::new(Key::ErrorWeights)),
                Method::Manual => parse_parts(&split.parts, n).map(|parts| Decomposition {
                    granularity: split.granularity,
                    method: Method::Manual,
                    weights: Vec::new(),
                    parts,
                }),
            };
            match made {
                Ok(decomposition) => {
                    error.set(None);
                    split.set(SplitDraft {
                        parts: decomposition.parts.iter().map(Value::to_string).collect(),
                        ..(*split).clone()
                    });
                    let edit = PlanEdit::Goals(GoalsEdit::Decompose {
                        kpi: kpi_id,
                        decomposition: Some(decomposition),
                    });
                    app.edit(plan_id, edit);
                }
                Err(text) => error.set(Some(text)),
            }
        })
    };
    let remove = {
        let app = app.clone();
        Callback::from(move |_| {
            app.edit(
                plan_id,
                GoalsEdit::Decompose {
                    kpi: kpi_id,
                    decomposition: None,
                },
            )
        })
    };
    let check = current.as_ref().map(|d| match d.check(kpi, &plan.period) {
        Check::AddsUp => Text::new(Key::DecAddsUp).with("sum", value(kpi.target)),
        Check::DoesNotAddUp { sum, difference } => Text::new(Key::DecNotAddsUp)
            .with("sum", value(sum))
            .with("whole", value(kpi.target))
            .with("difference", value(difference)),
        Check::ReachesTarget => Text::new(Key::DecReaches)
            .with("last", value(d.parts.last().copied().unwrap_or_default()))
            .with("target", value(kpi.target)),
        Check::FallsShort { last } => Text::new(Key::DecFallsShort)
            .with("last", value(last))
            .with("target", value(kpi.target)),
        Check::WrongCount { expected, found } => Text::new(Key::DecWrongCount)
            .with("expected", expected)
            .with("found", found),
    });
    let check_valid = current.as_ref().is_some_and(|d| d.check(kpi, &plan.period).is_valid());
    let p = format!("dec-{kpi_id}");
    let part_inputs = subs.iter().enumerate().map(|(i, sub)| {
        let id = format!("{p}-part-{i}");
        let typed = split.parts.get(i).cloned().unwrap_or_default();
        let oninput = {
            let split = split.clone();
            Callback::from(move |e: InputEvent| {
                let mut next = (*split).clone();
                next.parts.resize(next.parts.len().max(i + 1), String::new());
                next.parts[i] = target_value(&e);
                split.set(next);
            })
        };
        let shown = current
            .as_ref()
            .filter(|d| d.granularity == split.granularity)
            .and_then(|d| d.parts.get(i))
            .map(|v| value(*v));
        html! {
            <li>
                <label for={id.clone()}>{ sub_label(app.lang, sub.label) }</label>
                if split.method == Method::Manual {
                    <input id={id} type="text" inputmode="decimal" value={typed} {oninput} />
                } else {
                    <span id={id} class="num">{ shown.unwrap_or_else(|| "—".into()) }</span>
                }
            </li>
        }
    });
    html! {
        <form class="decomposition no-print" onsubmit={apply} novalidate=true aria-label={app.t(Key::DecTitle)}>
            <h5>{ app.t(Key::DecTitle) }</h5>
            <div class="form-grid">
                { field(&format!("{p}-granularity"), app.t(Key::DecGranularity), html! {
                    <select id={format!("{p}-granularity")} onchange={set_granularity}>
                        { for choices.iter().map(|g| html! { <option value={g.code()} selected={*g == split.granularity}>{ app.t(granularity_key(*g)) }</option> }) }
                    </select>
                }, None, None) }
                { field(&format!("{p}-method"), app.t(Key::DecMethod), html! {
                    <select id={format!("{p}-method")} onchange={set_method}>
                        <option value="even" selected={split.method == Method::Even}>{ app.t(Key::MethodEven) }</option>
                        <option value="weighted" selected={split.method == Method::Weighted}>{ app.t(Key::MethodWeighted) }</option>
                        <option value="manual" selected={split.method == Method::Manual}>{ app.t(Key::MethodManual) }</option>
                    </select>
                }, None, None) }
                if split.method == Method::Weighted {
                    { field(&format!("{p}-weights"), app.t(Key::DecWeights), html! {
                        <input id={format!("{p}-weights")} type="text" value={split.weights.clone()} oninput={set_weights} placeholder="1, 1, 2" />
                    }, None, None) }
                }
            </div>
            <p class="parts-title">{ app.t(Key::DecParts) }</p>
            <ol class="parts">{ for part_inputs }</ol>
            if let Some(text) = error.as_ref() { <p class="field-error" role="alert">{ app.text(text) }</p> }
            <p class={classes!("dec-check", if check_valid { "ok" } else if check.is_some() { "bad" } else { "" })} role="status">
                { check.as_ref().map_or_else(|| app.t(Key::DecNone).to_owned(), |t| app.text(t)) }
            </p>
            <div class="form-actions">
                <button type="submit" class="btn">{ app.t(Key::DecApply) }</button>
                if current.is_some() {
                    <button type="button" class="btn btn-quiet" onclick={remove}>{ app.t(Key::DecRemove) }</button>
                }
            </div>
        </form>
    }
}
