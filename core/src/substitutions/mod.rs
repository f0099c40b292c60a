//! Substitutions: their storage and the working-as mode. Records and validation are the domain's (`domain::substitutions`).

pub mod mode;
pub(crate) mod repo;
pub mod saving;

pub use domain::substitutions::*;
pub mod service;
