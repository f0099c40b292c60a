//! The account's configuration: its storage. Records and validation are the domain's (`domain::config`).

pub mod store;

pub use domain::config::*;
