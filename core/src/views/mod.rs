//! Saved list views: their storage. Records and validation are the domain's (`domain::views`).

pub(crate) mod repo;

pub use domain::views::*;
pub mod service;
