//! The language in the reactive context: one signal read by every translated text.

use super::{Lang, Text};
use crate::error::{AppError, Message};
use leptos::prelude::*;

/// The current language of the page; reading a text through it re-renders on a switch.
#[derive(Clone, Copy)]
pub struct I18n {
    pub lang: RwSignal<Lang>,
}

impl I18n {
    /// The language, tracked. A closure of a page the server has finished rendering may still
    /// run once; its text is never shown, so it gets the default instead of a panic.
    fn current(&self) -> Lang {
        self.lang.try_get().unwrap_or_default()
    }

    pub fn t(&self, key: impl Text) -> &'static str {
        key.text(self.current())
    }

    pub fn message(&self, message: &Message) -> String {
        message.render(self.current())
    }

    /// A field's problem with its label: "Catalogue file: line 3, column 5: …".
    pub fn field(&self, field: &crate::error::FieldError) -> String {
        field.render(self.current())
    }

    pub fn error(&self, error: &AppError) -> String {
        error.render(self.current())
    }
}

pub fn provide_i18n(lang: Lang) -> I18n {
    let i18n = I18n { lang: RwSignal::new(lang) };
    provide_context(i18n);
    i18n
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}
