//! The notification centre: the product's notices to each user (session ended, rights changed,
//! password reset, substitutions), copies for the substitutes of absent users, the bell in the
//! title bar with its live unread count, and the e-mails that go out through the outbox.

pub mod api;
mod bell;
pub use bell::Bell;

pub use domain::notices::*;
