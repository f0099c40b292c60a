//! Notifications: their storage. Records and validation are the domain's (`domain::notices`).

pub(crate) mod repo;

pub use domain::notices::*;
pub mod service;
