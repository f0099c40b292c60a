//! Accounts: their storage. Records and validation are the domain's (`domain::accounts`).

pub mod store;

pub use domain::accounts::*;
