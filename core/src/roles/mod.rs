//! Roles: their storage and memberships. Records and validation are the domain's (`domain::roles`).

pub mod file;
pub mod members;
pub(crate) mod repo;

pub use domain::roles::*;
pub mod service;
