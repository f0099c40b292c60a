//! Small pieces every form uses: the note under a field and the form's error line.

use crate::error::AppError;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// The problem with one field, announced to screen readers; `id` is what the input's
/// `aria-describedby` points at.
#[component]
pub fn FieldNote(
    #[prop(into)] error: Signal<Option<AppError>>,
    field: &'static str,
    id: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let text =
        move || error.with(|e| e.as_ref().and_then(|e| e.field(field)).map(|f| f.render(i18n.lang.get())));
    view! {
        <p class="field-note" id=id role="alert" hidden=move || text().is_none()>
            {text}
        </p>
    }
}

/// The error of a form that is not about one field.
#[component]
pub fn ErrorNote(#[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    let text = move || {
        error.with(|e| match e {
            Some(AppError::Invalid(fields)) if !fields.is_empty() => None,
            Some(e) => Some(i18n.error(e)),
            None => None,
        })
    };
    view! {
        <p class="error-note" role="alert" hidden=move || text().is_none()>
            {text}
        </p>
    }
}
