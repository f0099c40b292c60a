//! Rights: grants' storage, saving them under rule 6, and who outranks whom. Records and validation are the domain's (`domain::rights`).

pub mod editing;
pub mod outrank;
pub(crate) mod repo;
pub mod snapshots;

pub use domain::rights::*;
pub mod service;
