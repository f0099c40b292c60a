//! Labelled form fields bound to signals, with their error under them.

use crate::error::AppError;
use crate::i18n::{use_i18n, Msg};
use leptos::prelude::*;

fn problem(error: Signal<Option<AppError>>, field: &'static str) -> Signal<Option<String>> {
    let i18n = use_i18n();
    Signal::derive(move || {
        error.with(|e| e.as_ref().and_then(|e| e.field(field)).map(|f| f.render(i18n.lang.get())))
    })
}

#[component]
fn Note(id: String, text: Signal<Option<String>>) -> impl IntoView {
    view! {
        <p class="field-note" id=id role="alert" hidden=move || text.with(Option::is_none)>
            {move || text.get()}
        </p>
    }
}

/// A text input; `name` is the field's key in errors and its element id.
#[component]
pub fn TextField(
    label: Msg,
    name: &'static str,
    value: RwSignal<String>,
    #[prop(into, optional)] error: Option<Signal<Option<AppError>>>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] maxlength: Option<usize>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(into, optional)] disabled: Signal<bool>,
    #[prop(optional)] required: bool,
    #[prop(optional)] hint: Option<Msg>,
    #[prop(optional)] inputmode: Option<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    let text = problem(error.unwrap_or_else(|| Signal::stored(None)), name);
    let note_id = format!("{name}-note");
    let hint_id = format!("{name}-hint");
    let described = if hint.is_some() { format!("{hint_id} {note_id}") } else { note_id.clone() };
    view! {
        <div class="field">
            <label for=name>{move || i18n.t(label)}</label>
            <input
                id=name
                name=name
                type=kind
                maxlength=maxlength
                autocomplete=autocomplete
                inputmode=inputmode
                required=required
                disabled=move || disabled.get()
                aria-invalid=move || text.with(Option::is_some).to_string()
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
            {hint.map(|h| view! { <p class="muted hint" id=hint_id.clone()>{move || i18n.t(h)}</p> })}
            <Note id=note_id text />
        </div>
    }
}

/// A multi-line text input.
#[component]
pub fn TextAreaField(
    label: Msg,
    name: &'static str,
    value: RwSignal<String>,
    #[prop(into, optional)] error: Option<Signal<Option<AppError>>>,
    #[prop(optional)] maxlength: Option<usize>,
) -> impl IntoView {
    let i18n = use_i18n();
    let text = problem(error.unwrap_or_else(|| Signal::stored(None)), name);
    let note_id = format!("{name}-note");
    view! {
        <div class="field">
            <label for=name>{move || i18n.t(label)}</label>
            <textarea
                id=name
                name=name
                rows="3"
                maxlength=maxlength
                aria-invalid=move || text.with(Option::is_some).to_string()
                aria-describedby=note_id.clone()
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            ></textarea>
            <Note id=note_id text />
        </div>
    }
}

/// A date input (`YYYY-MM-DD`, empty for none).
#[component]
pub fn DateField(
    label: Msg,
    name: &'static str,
    value: RwSignal<String>,
    #[prop(into, optional)] error: Option<Signal<Option<AppError>>>,
    #[prop(into, optional)] disabled: Signal<bool>,
) -> impl IntoView {
    view! { <TextField label name value error=error.unwrap_or_else(|| Signal::stored(None)) kind="date" disabled /> }
}

/// A checkbox with its label after it.
#[component]
pub fn CheckField(
    label: Msg,
    name: &'static str,
    checked: RwSignal<bool>,
    #[prop(into, optional)] disabled: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label class="check" for=name>
            <input
                type="checkbox"
                id=name
                name=name
                disabled=move || disabled.get()
                prop:checked=move || checked.get()
                on:change=move |ev| checked.set(event_target_checked(&ev))
            />
            {move || i18n.t(label)}
        </label>
    }
}

/// A drop-down list of (value, text) options.
#[component]
pub fn SelectField(
    label: Msg,
    name: &'static str,
    value: RwSignal<String>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(into, optional)] error: Option<Signal<Option<AppError>>>,
    #[prop(into, optional)] disabled: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let text = problem(error.unwrap_or_else(|| Signal::stored(None)), name);
    let note_id = format!("{name}-note");
    view! {
        <div class="field">
            <label for=name>{move || i18n.t(label)}</label>
            <select
                id=name
                name=name
                disabled=move || disabled.get()
                aria-invalid=move || text.with(Option::is_some).to_string()
                aria-describedby=note_id.clone()
                prop:value=move || value.get()
                on:change=move |ev| value.set(event_target_value(&ev))
            >
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(v, t)| {
                            let selected = value.get_untracked() == v;
                            view! { <option value=v selected=selected>{t}</option> }
                        })
                        .collect_view()
                }}
            </select>
            <Note id=note_id text />
        </div>
    }
}
