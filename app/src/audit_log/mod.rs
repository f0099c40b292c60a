//! The audit view: the account's audit records, newest first, filtered by days, user and
//! action, showing "X for Y" for work done on someone's behalf, and exported to CSV.

pub mod api;
mod page;
pub use page::AuditPage;

pub use domain::audit_log::*;
