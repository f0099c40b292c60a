//! The audit log's queries. Records and validation are the domain's (`domain::audit_log`).

pub(crate) mod repo;

pub use domain::audit_log::*;
pub mod service;
