//! The plan's own fields: name, organisation, period, currency.

use crate::app::draft::{date_text, parse_date};
use crate::app::state::EditField;
use crate::app::Action;
use crate::domain::core::period::PeriodKind;
use crate::domain::plan::DetailsEdit;
use crate::domain::plan::{Currency, Plan};
use crate::i18n::Key;
use crate::ui::shell::context::PlanActions;
use crate::ui::shell::context::{use_app, Tr};
use crate::ui::widgets::dom::target_value;
use crate::ui::widgets::draft_input::DraftInput;
use crate::ui::widgets::enum_select::enum_select;
use chrono::NaiveDate;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PlanDetailsProps {
    pub plan: Plan,
}

#[function_component(PlanDetails)]
pub fn plan_details(props: &PlanDetailsProps) -> Html {
    let Some(app) = use_app() else {
        return html! {};
    };
    let plan = &props.plan;
    let id = plan.id;
    // A date field holding text that is not a date (typed by hand).
    let bad_date = use_state(|| None::<&'static str>);

    let typed = |make: fn(String) -> Option<DetailsEdit>| app.edit_cb(id, make);
    let edit = |make: fn(String) -> Option<DetailsEdit>| typed(make).reform(|e: Event| target_value(&e));
    let date_edit = |field: &'static str, make: fn(NaiveDate) -> DetailsEdit| {
        let (app, bad_date) = (app.clone(), bad_date.clone());
        Callback::from(move |text: String| match parse_date(&text) {
            Some(date) => {
                bad_date.set(None);
                app.edit(id, make(date));
            }
            None => bad_date.set(Some(field)),
        })
    };
    let seal = {
        let app = app.clone();
        Callback::from(move |_: FocusEvent| app.dispatch(Action::Seal(id)))
    };
    let on_name = typed(|v| Some(DetailsEdit::Name(v)));
    let on_org = typed(|v| Some(DetailsEdit::Organisation(v)));
    let on_kind = app.edit_cb(id, |kind: PeriodKind| Some(DetailsEdit::PeriodKind(kind)));
    let on_currency = edit(|v| Currency::parse(&v).map(DetailsEdit::Currency));
    let on_start = date_edit("start", DetailsEdit::Start);
    let on_end = date_edit("end", DetailsEdit::End);
    let on_launch = date_edit("launch", DetailsEdit::LaunchDay);

    let error_for = |field: EditField| {
        app.edit_error
            .as_ref()
            .filter(|e| e.plan == id && e.field == field)
            .map(|e| app.text(&e.text))
    };
    let name_error = error_for(EditField::Name);
    let period_error =
        error_for(EditField::Period).or_else(|| bad_date.is_some().then(|| app.t(Key::ErrorDateInvalid).to_owned()));
    let is_campaign = plan.period.kind == PeriodKind::Campaign;
    let mut currencies: Vec<&str> = Currency::OFFERED.to_vec();
    if !currencies.contains(&plan.currency.code()) {
        currencies.push(plan.currency.code());
    }

    html! {
        <section class="card plan-details" aria-labelledby="details-title">
            <h2 id="details-title">{ app.t(Key::PlanBasics) }</h2>
            <div class="form-grid">
                <div class={classes!("field", name_error.is_some().then_some("has-error"))}>
                    <label for="detail-name">{ app.t(Key::FormName) }</label>
                    <DraftInput id="detail-name" value={plan.name.clone()} oninput={on_name}
                        onblur={seal.clone()} error_id={name_error.is_some().then_some(AttrValue::Static("detail-name-error"))} />
                    if let Some(error) = name_error { <p id="detail-name-error" class="field-error">{ error }</p> }
                </div>
                <div class="field">
                    <label for="detail-org">{ app.t(Key::FormOrganisation) }</label>
                    <DraftInput id="detail-org" value={plan.organisation.clone()} oninput={on_org} onblur={seal} />
                </div>
                <div class="field">
                    <label for="detail-kind">{ app.t(Key::FormKind) }</label>
                    { enum_select(&app, Some("detail-kind"), None, plan.period.kind, on_kind) }
                </div>
                <div class="field">
                    <label for="detail-currency">{ app.t(Key::FormCurrency) }</label>
                    <select id="detail-currency" onchange={on_currency}>
                        { for currencies.iter().map(|c| html! {
                            <option value={c.to_string()} selected={*c == plan.currency.code()}>{ c.to_string() }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="detail-start">{ app.t(Key::FormStart) }</label>
                    <DraftInput id="detail-start" kind="date" value={date_text(plan.period.start)} onchange={on_start} />
                </div>
                <div class="field">
                    <label for="detail-end">{ app.t(Key::FormEnd) }</label>
                    <DraftInput id="detail-end" kind="date" value={date_text(plan.period.end)} onchange={on_end} disabled={!is_campaign} />
                    if !is_campaign { <p class="field-hint">{ app.t(Key::FormEndDerived) }</p> }
                </div>
                if is_campaign {
                    <div class="field">
                        <label for="detail-launch">{ app.t(Key::FormLaunchDay) }</label>
                        <DraftInput id="detail-launch" kind="date" value={plan.period.launch_day.map(date_text).unwrap_or_default()} onchange={on_launch} />
                    </div>
                }
            </div>
            if let Some(error) = period_error { <p class="field-error" role="alert">{ error }</p> }
        </section>
    }
}
