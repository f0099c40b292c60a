//! Klucznik: the access-administration console. This crate holds the pages and their server
//! functions, and, behind the `ssr` feature, the web side of the guard (finding the caller of a
//! request, the table of needs). Records, validation, texts and the resolver are the `domain`
//! crate's; storage and the steps behind each server function are the `klucznik-core` crate's
//! (docs/ARCHITECTURE.md "Layers").

#![recursion_limit = "512"]

pub mod accounts;
pub mod applications;
pub mod audit_log;
pub mod auth;
pub mod clients;
pub use domain::catalogue;
pub mod config;
pub use domain::error;
pub mod events;
pub mod i18n;
pub use domain::list;
pub mod notices;
pub mod page_context;
pub mod persons;
pub mod rights;
pub mod roles;
pub mod sessions;
pub mod shell;
pub mod substitutions;
pub mod ui;
pub mod units;
pub mod users;
pub mod views;

#[cfg(feature = "ssr")]
pub mod guard;
mod wire;

pub use domain::text_table;
#[cfg(feature = "ssr")]
pub use shell::shell;
pub use shell::App;
