//! What every page is given by the shell: the signed-in user (loaded once, kept current), the
//! theme, and a full page load. Pages read these here, never from the shell, so that the shell
//! alone knows every page (docs/ARCHITECTURE.md "Layers": no import circle).

use crate::error::AppError;
use domain::auth::Me;
pub use domain::prefs::Theme;
use leptos::prelude::*;

/// The signed-in user, loaded once per page and shared by every component.
#[derive(Clone, Copy)]
pub struct MeResource(pub Resource<Result<Me, AppError>>);

pub fn use_me() -> Resource<Result<Me, AppError>> {
    expect_context::<MeResource>().0
}

/// The signed-in user of a page, kept current when rights or the user's record change.
#[derive(Clone, Copy)]
pub struct CurrentUser(pub RwSignal<Me>);

pub fn current_user() -> RwSignal<Me> {
    expect_context::<CurrentUser>().0
}

/// The current theme of the page.
#[derive(Clone, Copy)]
pub struct ThemeSignal(pub RwSignal<Theme>);

pub fn use_theme() -> RwSignal<Theme> {
    expect_context::<ThemeSignal>().0
}

/// A full page load, so that every piece of state starts afresh.
pub fn go(path: &str) {
    #[cfg(feature = "hydrate")]
    {
        let _ = window().location().assign(path);
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = path;
}
