//! Signing in and out, the current user, passwords, preferences.

pub mod api;
mod pages;
pub mod prefs;
pub use pages::{ChangePasswordPage, LoginPage};

pub use domain::auth::*;
