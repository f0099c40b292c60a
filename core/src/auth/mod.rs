//! Signing in, passwords and the throttle of failed attempts. Records and validation are the domain's (`domain::auth`).

pub mod app_sign_in;
pub mod login;
pub mod password;
pub mod password_change;
pub(crate) mod repo;
pub mod throttle;
pub mod token;

pub use domain::auth::*;
pub mod service;
pub(crate) mod standing;
