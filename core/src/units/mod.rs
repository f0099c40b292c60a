//! The unit tree: its storage. Records and validation are the domain's (`domain::units`).

pub mod store;

pub use domain::units::*;
