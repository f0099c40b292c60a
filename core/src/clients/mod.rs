//! Clients of business applications: their storage and authentication. Records are the
//! domain's (`domain::clients`).

pub mod feed;
pub(crate) mod repo;

pub use domain::clients::*;
pub mod service;
