//! Notifications: their storage. Records and validation are the domain's (`domain::notices`).

pub mod store;

pub use domain::notices::*;
