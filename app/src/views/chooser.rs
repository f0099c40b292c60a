//! The "Columns" disclosure over a list: a checkbox per column the user may see, and "Save my
//! view" for holders of the list's Edit view right. The saved view is applied once the page is
//! hydrated (the server renders every column).

use super::api::{get_view, SaveView};
use crate::catalogue::Op;
use crate::i18n::{use_i18n, CommonT, Msg};
use crate::ui::{error_of, BrowserData, Status};
use domain::views::{ListSpec, ListView};
use leptos::prelude::*;

#[component]
pub fn ColumnChooser(
    spec: ListSpec,
    view: RwSignal<ListView>,
    /// The columns offered, with their captions (those the user may see).
    #[prop(into)]
    columns: Signal<Vec<(&'static str, Msg)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let me = crate::page_context::current_user();
    let may_save = move || me.with(|m| m.rights.can(spec.module, Op::EditView));
    let saved = BrowserData::new(move || get_view(spec.key.to_string()));
    Effect::new(move |applied: Option<bool>| {
        if applied == Some(true) {
            return true;
        }
        match saved.get() {
            Some(Ok(Some(v))) => {
                view.set(v);
                true
            }
            Some(_) => true,
            None => false,
        }
    });
    let save = ServerAction::<SaveView>::new();
    let done = Signal::derive(move || {
        matches!(save.value().get(), Some(Ok(()))).then(|| i18n.t(CommonT::ViewSaved).to_string())
    });
    let toggle = move |key: &'static str, shown: bool| {
        view.update(|v| {
            v.hidden.retain(|c| c != key);
            if !shown {
                v.hidden.push(key.to_string());
            }
        });
        save.value().set(None);
    };
    view! {
        <details class="column-chooser">
            <summary>{move || i18n.t(CommonT::Columns)}</summary>
            <fieldset>
                <legend class="visually-hidden">{move || i18n.t(CommonT::Columns)}</legend>
                {move || columns.get().into_iter().map(|(key, label)| {
                    let id = format!("{}-col-{key}", spec.key);
                    let for_id = id.clone();
                    view! {
                        <label class="check" for=for_id>
                            <input type="checkbox" id=id prop:checked=move || view.with(|v| v.shows(key))
                                on:change=move |ev| toggle(key, event_target_checked(&ev)) />
                            {move || i18n.t(label)}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <Show when=may_save fallback=move || view! { <p class="muted small-text">{move || i18n.t(CommonT::ViewNotSaved)}</p> }>
                <button type="button" class="small secondary" disabled=move || save.pending().get()
                    on:click=move |_| { save.dispatch(SaveView { list: spec.key.to_string(), view: view.get_untracked() }); }>
                    {move || i18n.t(CommonT::SaveView)}
                </button>
            </Show>
            <Status text=done />
            <crate::ui::ErrorNote error=error_of(save.value()) />
        </details>
    }
}
