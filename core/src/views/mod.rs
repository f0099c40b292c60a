//! Saved list views: their storage. Records and validation are the domain's (`domain::views`).

pub mod store;

pub use domain::views::*;
