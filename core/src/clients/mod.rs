//! Clients of business applications: their storage and authentication. Records are the
//! domain's (`domain::clients`).

pub mod feed;
pub mod repo;

pub use domain::clients::*;
pub mod service;
