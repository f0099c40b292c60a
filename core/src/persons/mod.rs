//! Persons: their storage, who may see whom, and supervisor relations. Records and validation are the domain's (`domain::persons`).

pub mod access;
pub(crate) mod repo;
pub mod supervisor;

pub use domain::persons::*;
pub mod service;
