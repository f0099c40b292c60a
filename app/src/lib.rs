//! Klucznik: the access-administration console. This crate holds the pages, their server
//! functions and validation, and, behind the `ssr` feature, the server-only storage and request
//! path. Languages, the catalogue and the rights resolver are the `domain` crate's.

#![recursion_limit = "512"]

pub mod accounts;
pub mod audit_log;
pub mod auth;
pub use domain::catalogue;
pub mod config;
pub mod error;
pub mod events;
pub mod i18n;
pub mod list;
pub mod notices;
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
pub mod audit;
#[cfg(feature = "ssr")]
pub mod guard;
#[cfg(feature = "ssr")]
pub mod health;
#[cfg(feature = "ssr")]
pub mod mail;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod time;

pub use domain::text_table;
#[cfg(feature = "ssr")]
pub use shell::shell;
pub use shell::App;
