//! Live events: each session's stream slots (the bus is the database's: `store::bus`). Records are
//! the domain's (`domain::events`).

pub mod feed;
pub mod slots;

pub use domain::events::*;
