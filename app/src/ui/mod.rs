//! Form fields, dialogs and list pieces every page uses: each control has a visible label, its
//! error is announced and tied to it, dialogs are real `<dialog>` elements.

mod browser_data;
mod dialog;
mod fields;
mod files;
mod notes;
mod pager;

pub use browser_data::{hydrated, mark_hydrated, BrowserData};
pub use dialog::{ConfirmDialog, Dialog};
pub use fields::{CheckField, DateField, SelectField, TextAreaField, TextField};
pub use files::{download, read_chosen};
pub use notes::{ErrorNote, FieldNote};
pub use pager::Pager;

use crate::error::AppError;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// A line that says an action succeeded, announced politely.
#[component]
pub fn Status(#[prop(into)] text: Signal<Option<String>>) -> impl IntoView {
    view! {
        <p class="status-note" role="status" hidden=move || text.with(Option::is_none)>
            {move || text.get()}
        </p>
    }
}

/// The result of the last server call, as an error signal for the fields.
pub fn error_of<T, S>(value: S) -> Signal<Option<AppError>>
where
    T: Clone + Send + Sync + 'static,
    S: With<Value = Option<Result<T, AppError>>> + Send + Sync + 'static,
{
    Signal::derive(move || value.with(|v| v.as_ref().and_then(|r| r.as_ref().err().cloned())))
}

/// Renders a loaded list or its error.
pub fn loaded<T, V: IntoView + 'static>(
    result: Result<T, AppError>,
    show: impl FnOnce(T) -> V,
) -> leptos::either::Either<V, impl IntoView> {
    match result {
        Ok(value) => leptos::either::Either::Left(show(value)),
        Err(e) => {
            let i18n = use_i18n();
            let text = i18n.error(&e);
            leptos::either::Either::Right(view! { <p class="error-note" role="alert">{text}</p> })
        }
    }
}
