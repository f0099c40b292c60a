//! The account configuration: the password policy and the session timeouts.

pub mod api;
mod page;
pub use page::ConfigPage;

pub use domain::config::*;
