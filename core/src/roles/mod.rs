//! Roles: their storage and memberships. Records and validation are the domain's (`domain::roles`).

pub mod members;
pub mod store;

pub use domain::roles::*;
