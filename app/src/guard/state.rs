//! The router's state: the core's state and the options the Leptos renderer needs. Routes and
//! server functions take it; the guard hands them only the core's authorized handles.

use axum::extract::FromRef;
use klucznik_core::guard::CoreState;
use leptos::config::LeptosOptions;
use std::ops::Deref;

#[derive(Clone)]
pub struct AppState {
    core: CoreState,
    leptos: LeptosOptions,
}

impl AppState {
    /// The core's state comes from the operator's handle (`Operator::serve`).
    pub fn new(core: CoreState, leptos: LeptosOptions) -> AppState {
        AppState { core, leptos }
    }

    pub fn core(&self) -> &CoreState {
        &self.core
    }

    pub fn leptos_options(&self) -> &LeptosOptions {
        &self.leptos
    }
}

impl Deref for AppState {
    type Target = CoreState;

    fn deref(&self) -> &CoreState {
        &self.core
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos.clone()
    }
}
