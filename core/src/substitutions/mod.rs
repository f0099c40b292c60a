//! Substitutions: their storage and the working-as mode. Records and validation are the domain's (`domain::substitutions`).

pub mod repo;

pub use domain::substitutions::*;
pub mod service;
