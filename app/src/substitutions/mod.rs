//! Substitutions (seed 003): a substitute works as an absent user between two days of the
//! account's time zone. Defining them (own / subordinates' / anyone's), the user menu's
//! "Start", the "working as" banner, and the end of the mode.

pub mod api;
mod menu;
mod page;
pub use menu::{ModeEnded, StartableList, WorkingAsBanner};
pub use page::SubstitutionsPage;

pub use domain::substitutions::*;
