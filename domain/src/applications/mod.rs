//! Business applications and their catalogues (issue 16, docs/INTEGRATION.md "Catalogue file"):
//! what an application protects, declared as data in a file rather than in code. Klucznik's own
//! modules stay the built-in catalogue (`crate::catalogue`); an application's rights are keyed
//! `<application>/<right>` in the same grants, and decided by the same engine over a `Spec` of
//! their own (docs/ARCHITECTURE.md "How a rights decision is made" does not change).

mod file;
mod preview;
mod rights;

pub use crate::rights::split_key;
pub use crate::texts::applications::AppT;
pub use file::{parse, MAX_FILE_KIB};
pub use preview::{preview, Change, Preview};
pub use rights::{AppRight, AppRights};

use crate::catalogue::Op;
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// A name in the three languages; Polish and Czech fall back to English.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Names {
    pub en: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pl: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cs: Option<String>,
}

impl Names {
    pub fn get(&self, lang: Lang) -> &str {
        let other = match lang {
            Lang::En => None,
            Lang::Pl => self.pl.as_deref(),
            Lang::Cs => self.cs.as_deref(),
        };
        other.filter(|s| !s.trim().is_empty()).unwrap_or(&self.en)
    }
}

/// An operation of a module: a standard one (named by the console's texts) or the
/// application's own.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AppOp {
    Standard(Op),
    Custom { key: String, name: Names },
}

impl AppOp {
    pub fn key(&self) -> &str {
        match self {
            AppOp::Standard(op) => op.key(),
            AppOp::Custom { key, .. } => key,
        }
    }
}

/// A column of a module's list or a field of its card, or a named permission.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub key: String,
    pub name: Names,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppModule {
    pub key: String,
    pub name: Names,
    /// View first when there are any (rule 3: every other operation needs it).
    pub operations: Vec<AppOp>,
    pub columns: Vec<Item>,
    /// Operations on a record that names a person are also decided by the person data rights
    /// over the unit tree (seed 002 "Práva na osoby"): view, create, edit, delete as themselves,
    /// every other operation as edit.
    pub persons: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppArea {
    pub key: String,
    pub name: Names,
    pub modules: Vec<AppModule>,
}

/// An application's catalogue, checked: keys are unique and well formed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppCatalogue {
    pub key: String,
    pub name: Names,
    pub description: Names,
    pub version: String,
    /// Internal users (the console's) may sign in to it too (issue 17); external and universal
    /// users always may.
    #[serde(default)]
    pub accepts_internal_users: bool,
    pub areas: Vec<AppArea>,
    pub permissions: Vec<Item>,
}

impl AppCatalogue {
    pub fn modules(&self) -> impl Iterator<Item = &AppModule> {
        self.areas.iter().flat_map(|a| a.modules.iter())
    }

    pub fn module(&self, key: &str) -> Option<&AppModule> {
        self.modules().find(|m| m.key == key)
    }

    /// The stored key of a right of this application: `nordwind/sales_invoices.view`.
    pub fn grant_key(&self, right: &str) -> String {
        format!("{}/{right}", self.key)
    }
}

/// An application as the console lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppRow {
    pub key: String,
    pub name: String,
    pub version: String,
    pub modules: usize,
    pub applied_text: String,
    /// Grants of this application that name rights no longer in its catalogue.
    pub orphaned: i64,
}

/// An application's catalogue as a rights editor gets it, with the rights of it the viewer may
/// give or take (rule 6: the ones they hold; every one for an administrator).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppEditor {
    pub catalogue: AppCatalogue,
    /// Keys within the application.
    pub held: Vec<String>,
}

#[cfg(test)]
mod tests;
