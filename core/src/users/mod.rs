//! Users: their storage, the columns of the list, and whom a caller may reach. Records and validation are the domain's (`domain::users`).

pub mod columns;
pub mod reach;
pub(crate) mod repo;

pub use domain::users::*;
pub mod service;
