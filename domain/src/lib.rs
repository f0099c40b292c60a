//! Klucznik's domain, shared by the browser and the server: languages and every text (`i18n`,
//! `texts`), preferences, the catalogue of what can be protected, and the rights resolver with its snapshot
//! (docs/ARCHITECTURE.md "Layers"). It knows neither Leptos nor the database, so its tests and
//! benchmarks build without either.

pub mod catalogue;
pub mod i18n;
pub mod prefs;
pub mod rights;
pub mod texts;
