//! Accounts: their storage. Records and validation are the domain's (`domain::accounts`).

pub mod repo;

pub use domain::accounts::*;
pub mod service;
