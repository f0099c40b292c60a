//! Light and dark themes.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

impl Theme {
    pub fn key(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn parse(key: &str) -> Option<Theme> {
        match key {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    /// Reads a stored key, falling back to light.
    pub fn from_key(key: &str) -> Theme {
        Theme::parse(key).unwrap_or_default()
    }
}

/// The current theme of the page.
#[derive(Clone, Copy)]
pub struct ThemeSignal(pub RwSignal<Theme>);

pub fn use_theme() -> RwSignal<Theme> {
    expect_context::<ThemeSignal>().0
}
