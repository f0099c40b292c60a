//! Light and dark themes.

pub use domain::prefs::Theme;
use leptos::prelude::*;

/// The current theme of the page.
#[derive(Clone, Copy)]
pub struct ThemeSignal(pub RwSignal<Theme>);

pub fn use_theme() -> RwSignal<Theme> {
    expect_context::<ThemeSignal>().0
}
