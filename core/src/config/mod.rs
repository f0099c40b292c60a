//! The account's configuration: its storage. Records and validation are the domain's (`domain::config`).

pub mod repo;

pub use domain::config::*;
pub mod service;
