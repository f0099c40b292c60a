//! The account's organisation tree of units (seed 001 "centra struktury", seed 002
//! "organizační struktura"): who sits where, and where users sign in.

pub mod api;
mod page;
pub use page::UnitsPage;

pub use domain::units::*;
