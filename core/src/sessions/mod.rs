//! Sessions: their storage, the lists, ending them, and the periodic clean-up. Records and validation are the domain's (`domain::sessions`).

pub mod ending;
pub(crate) mod list_repo;
pub mod listing;
pub mod maintenance;
pub(crate) mod repo;
pub mod resolve;

pub use domain::sessions::*;
pub mod service;
