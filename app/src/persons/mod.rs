//! The persons directory (employee records): name, personal number, unit and supervisor — the
//! subordinate relation that rights and substitutions use.

pub mod api;
mod card;
mod list;
mod picker;
pub use card::PersonCard;
pub use list::PersonsPage;
pub use picker::PersonPicker;

pub use domain::persons::*;
