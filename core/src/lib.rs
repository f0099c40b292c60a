//! Klucznik's core, on the server only: the database and its repositories, audit, the event bus,
//! mail, authorization (`guard`: who calls, what they need, the `Ctx` that is the only way to
//! storage) and the steps that span tables (signing in, saving rights, ending sessions, the
//! working-as mode, bootstrap, demo). It knows no Leptos and no HTTP framework; the app crate's
//! server functions and the server's routes call it (docs/ARCHITECTURE.md "Layers").

pub use domain::{catalogue, error, list};

/// Languages and the texts every area shares, as the app crate names them.
pub mod i18n {
    pub use domain::i18n::{fill, fill_in, plural_form, Lang, Text};
    pub use domain::texts::{CommonT, Msg};
}

pub mod actor;
pub mod audit;
pub mod guard;
pub mod mail;
pub mod operator;
pub mod store;
pub mod time;

pub mod accounts;
pub mod applications;
pub mod audit_log;
pub mod auth;
pub mod clients;
pub mod config;
pub mod decisions;
pub mod events;
pub mod notices;
pub mod persons;
pub mod rights;
pub mod roles;
pub mod sessions;
pub mod setup;
pub mod substitutions;
pub mod units;
pub mod users;
pub mod views;
