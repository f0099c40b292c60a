//! The account's configuration: its storage. Records and validation are the domain's (`domain::config`).

pub(crate) mod repo;

pub use domain::config::*;
pub mod service;
