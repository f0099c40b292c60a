//! Roles (seed 001 "grupy operatorów", seed 002 "role"): named sets of users that carry rights,
//! the units their members sign in to, and the built-ins Administrators and Everyone.

pub mod api;
mod card;
mod list;
pub use card::RoleCard;
pub use list::RolesPage;

pub use domain::roles::*;
