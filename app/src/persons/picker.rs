//! Choosing a person by typing part of a name or number.

use super::api::person_choices;
use crate::i18n::{use_i18n, CommonT, Msg};
use domain::persons::{PersonChoice, PersonT};
use leptos::prelude::*;

/// A search box with the matching persons in a list below; `selected` is the chosen person.
#[component]
pub fn PersonPicker(
    label: Msg,
    name: &'static str,
    selected: RwSignal<Option<PersonChoice>>,
    #[prop(into, optional)] error: Option<Signal<Option<crate::error::AppError>>>,
    #[prop(into, optional)] disabled: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let search = RwSignal::new(String::new());
    let found = crate::ui::BrowserData::new(move || {
        let s = search.get();
        async move { person_choices(s).await.unwrap_or_default() }
    });
    let search_id = format!("{name}-search");
    let note = Signal::derive(move || {
        error.and_then(|e| {
            e.with(|e| e.as_ref().and_then(|e| e.field(name)).map(|f| f.render(i18n.lang.get())))
        })
    });
    let note_id = format!("{name}-note");
    let on_pick = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let id: Option<i64> = value.parse().ok();
        let chosen = id.and_then(|id| {
            found
                .get_untracked()
                .unwrap_or_default()
                .into_iter()
                .find(|p| p.id == id)
                .or_else(|| selected.get_untracked().filter(|p| p.id == id))
        });
        selected.set(chosen);
    };
    view! {
        <fieldset class="picker">
            <legend>{move || i18n.t(label)}</legend>
            <label for=search_id.clone()>{move || i18n.t(PersonT::SearchPersons)}</label>
                        <input id=search_id type="search" disabled=move || disabled.get() prop:value=move || search.get() on:input=move |ev| search.set(event_target_value(&ev)) />
            <label for=name>{move || i18n.t(PersonT::ChoosePerson)}</label>
                        <select
                id=name
                name=name
                disabled=move || disabled.get()
                aria-invalid=move || note.with(Option::is_some).to_string()
                aria-describedby=note_id.clone()
                on:change=on_pick
                prop:value=move || selected.get().map(|p| p.id.to_string()).unwrap_or_default()
            >
                <option value="">{move || i18n.t(CommonT::None)}</option>
                {move || {
                    let mut list = found.get().unwrap_or_default();
                    if let Some(current) = selected.get() {
                        if !list.iter().any(|p| p.id == current.id) {
                            list.insert(0, current);
                        }
                    }
                    let chosen = selected.get().map(|p| p.id);
                    list.into_iter()
                        .map(|p| {
                            let text = if p.personal_number.is_empty() { p.name.clone() } else { format!("{} ({})", p.name, p.personal_number) };
                            view! { <option value=p.id.to_string() selected=chosen == Some(p.id)>{text}</option> }
                        })
                        .collect_view()
                }}
            </select>
            <p class="field-note" id=note_id role="alert" hidden=move || note.with(Option::is_none)>{move || note.get()}</p>
        </fieldset>
    }
}
