//! Own resources (自身资源评估): internal and external, numbers where
//! numbers belong, distilled into core advantages.

use super::text_field;
use crate::app::situation::{resource_key, ResourceField, EXTERNAL, INTERNAL};
use crate::domain::core::rate::Rate;
use crate::domain::situation::edit::{SituationEdit, TextTarget};
use crate::domain::situation::ResourceText;
use crate::i18n::Key;
use crate::ui::shell::context::Tr;
use crate::ui::widgets::amount_input::{NumberKind, OptionalNumber};
use yew::prelude::*;

pub fn resources_view(ui: &super::Ui) -> Html {
    let (app, handle) = (&ui.app, &ui.handle);
    let r = &ui.plan.situation.resources;
    let control = |field: ResourceField| {
        let id = format!("res-{}", format!("{field:?}").to_lowercase().replace(['(', ')'], "-"));
        let label = app.t(resource_key(field));
        match field {
            ResourceField::Text(f) => text_field(handle, id, label, TextTarget::Resource(f), r.text(f), false),
            ResourceField::Share(f) => {
                let handle = handle.clone();
                let cb =
                    Callback::from(move |v: Option<i64>| handle.edit(SituationEdit::ResourceShare(f, v.map(Rate))));
                html! {
                    <div class="field">
                        <label for={id.clone()}>{ label }{ " (%)" }</label>
                        <OptionalNumber {id} kind={NumberKind::Share} value={r.share(f).map(|x| x.0)} onchange={cb} />
                    </div>
                }
            }
            ResourceField::Count(f) => {
                let handle = handle.clone();
                let cb = Callback::from(move |v: Option<i64>| {
                    handle.edit(SituationEdit::ResourceCount(f, v.and_then(|n| u32::try_from(n).ok())))
                });
                html! {
                    <div class="field">
                        <label for={id.clone()}>{ label }</label>
                        <OptionalNumber {id} kind={NumberKind::Count} value={r.count(f).map(i64::from)} onchange={cb} />
                    </div>
                }
            }
        }
    };
    html! {
        <div class="situation-resources">
            <section class="card">
                <h3>{ app.t(Key::SitResInternal) }</h3>
                <div class="resource-fields">{ for INTERNAL.into_iter().map(control) }</div>
            </section>
            <section class="card">
                <h3>{ app.t(Key::SitResExternal) }</h3>
                <div class="resource-fields">{ for EXTERNAL.into_iter().map(control) }</div>
            </section>
            <section class="card">
                { text_field(handle, "res-core".into(), app.t(Key::SitResCoreAdvantages), TextTarget::Resource(ResourceText::CoreAdvantages), &r.core_advantages, true) }
            </section>
        </div>
    }
}
