//! The audit log's queries. Records and validation are the domain's (`domain::audit_log`).

pub mod store;

pub use domain::audit_log::*;
