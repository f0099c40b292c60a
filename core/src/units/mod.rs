//! The unit tree: its storage. Records and validation are the domain's (`domain::units`).

pub mod repo;

pub use domain::units::*;
pub mod service;
