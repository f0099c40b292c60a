//! Accounts: their storage. Records and validation are the domain's (`domain::accounts`).

pub(crate) mod repo;

pub use domain::accounts::*;
pub mod service;
