//! The unit tree: its storage. Records and validation are the domain's (`domain::units`).

pub(crate) mod repo;

pub use domain::units::*;
pub mod service;
