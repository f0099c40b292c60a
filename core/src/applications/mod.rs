//! Business applications and their catalogues, on the server: registering or updating one from
//! a catalogue file (preview, then apply), listing them, and purging the grants a new catalogue
//! orphaned. Records and the file's checks are the domain's (`domain::applications`).

pub mod applying;
pub mod demo;
pub mod giving;
pub(crate) mod repo;

pub use domain::applications::*;
pub mod service;
