//! Users (seed 001 "konta operatorów", seed 002 "uživatelé"): the user card with every field of
//! the seeds, the list with its filters, passwords set by an administrator.

pub mod api;
mod card;
mod list;
mod password_dialog;
pub use card::UserCardPage;
pub use list::UsersPage;

pub use domain::users::*;
