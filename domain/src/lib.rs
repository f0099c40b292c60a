//! Klucznik's domain, shared by the browser and the server: languages and every text (`i18n`,
//! `texts`), preferences, the catalogue of what can be protected, the rights resolver with its
//! snapshot, the error type, and each area's records and the validation its forms and the server
//! share (docs/ARCHITECTURE.md "Layers"). It knows neither Leptos nor the database, so its tests
//! and benchmarks build without either; two features only add conversions the other layers need.

pub mod catalogue;
pub mod error;
pub mod i18n;
pub mod ids;
pub mod list;
pub mod prefs;
pub mod rights;
pub mod texts;

pub mod accounts;
pub mod applications;
pub mod audit_log;
pub mod auth;
pub mod clients;
pub mod config;
pub mod events;
pub mod notices;
pub mod persons;
pub mod roles;
pub mod sessions;
pub mod substitutions;
pub mod units;
pub mod users;
pub mod views;
