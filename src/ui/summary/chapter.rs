//! Chapter 1, the executive summary (执行摘要).

use crate::domain::plan::DetailsEdit;
use crate::domain::plan::{Plan, SummaryField};
use crate::i18n::Key;
use crate::ui::shell::context::{use_app, use_plan, Tr};
use crate::ui::widgets::draft_input::DraftTextarea;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub plan: Plan,
}

fn labels(field: SummaryField) -> (&'static str, Key, Key) {
    match field {
        SummaryField::Purpose => ("summary-purpose", Key::SummaryPurpose, Key::SummaryPurposeHint),
        SummaryField::Background => ("summary-background", Key::SummaryBackground, Key::SummaryBackgroundHint),
        SummaryField::HeadlineGoals => (
            "summary-goals",
            Key::SummaryHeadlineGoals,
            Key::SummaryHeadlineGoalsHint,
        ),
        SummaryField::MainStrategies => (
            "summary-strategies",
            Key::SummaryMainStrategies,
            Key::SummaryMainStrategiesHint,
        ),
    }
}

#[function_component(SummaryChapter)]
pub fn summary_chapter(props: &SummaryProps) -> Html {
    let (Some(app), Some(edits)) = (use_app(), use_plan()) else {
        return html! {};
    };
    let plan = &props.plan;
    let fields = SummaryField::ALL.iter().map(|&field| {
        let (dom_id, label, hint) = labels(field);
        let oninput = edits.edit_cb(move |text: String| Some(DetailsEdit::Summary(field, text)));
        let onblur = {
            let edits = edits.clone();
            Callback::from(move |_: FocusEvent| edits.seal())
        };
        let hint_id = format!("{dom_id}-hint");
        html! {
            <div class="field">
                <label for={dom_id}>{ app.t(label) }</label>
                <p id={hint_id.clone()} class="field-hint">{ app.t(hint) }</p>
                <DraftTextarea id={dom_id} rows={4} value={field.get(&plan.summary).to_owned()} {oninput} {onblur}
                    describedby={hint_id} />
            </div>
        }
    });
    html! {
        <section class="card chapter" id="chapter-summary" aria-labelledby="summary-title">
            <h2 id="summary-title">{ format!("1. {}", app.t(Key::ChapterSummary)) }</h2>
            <p class="chapter-intro">{ app.t(Key::SummaryIntro) }</p>
            { for fields }
        </section>
    }
}
