//! What applying a catalogue changes: modules, operations, columns and permissions added,
//! renamed or removed (issue 16: upload → preview → confirm). Removed rights keep their grants,
//! orphaned and out of effect, until an administrator purges them.

use super::{AppCatalogue, AppRights};
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One entry of the preview: a right or a module, by key, with its English name (before, for a
/// rename).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub key: String,
    pub name: String,
    pub before: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preview {
    pub key: String,
    pub name: String,
    /// The application is not registered yet.
    pub new: bool,
    pub version_before: Option<String>,
    pub version: String,
    pub added: Vec<Change>,
    pub renamed: Vec<Change>,
    pub removed: Vec<Change>,
    /// Grants that name a right this file removes (filled by the server).
    pub orphaned: i64,
    /// A fingerprint of the catalogue in storage when previewed: applying refuses if it moved.
    pub base: String,
}

impl Preview {
    /// Nothing would change: applying again is a no-op.
    pub fn unchanged(&self) -> bool {
        !self.new && self.added.is_empty() && self.renamed.is_empty() && self.removed.is_empty()
    }
}

/// Everything named in a catalogue: modules and areas by a `module:`/`area:` key, rights by
/// their key, names in English.
fn entries(c: &AppCatalogue) -> BTreeMap<String, String> {
    let mut all = BTreeMap::new();
    for area in &c.areas {
        all.insert(format!("area:{}", area.key), area.name.en.clone());
    }
    for module in c.modules() {
        all.insert(format!("module:{}", module.key), module.name.en.clone());
    }
    let rights = AppRights::new(c.clone());
    for (i, key) in rights.keys().iter().enumerate() {
        all.insert(key.clone(), rights.name(i as u32, Lang::En));
    }
    all
}

/// The difference between the stored catalogue (if any) and a new one.
pub fn preview(before: Option<&AppCatalogue>, after: &AppCatalogue, base: String) -> Preview {
    let old = before.map(entries).unwrap_or_default();
    let new = entries(after);
    let change = |key: &String, name: &String, before: Option<&String>| Change {
        key: key.clone(),
        name: name.clone(),
        before: before.cloned(),
    };
    let added = new.iter().filter(|(k, _)| !old.contains_key(*k)).map(|(k, n)| change(k, n, None)).collect();
    let renamed = new
        .iter()
        .filter_map(|(k, n)| old.get(k).filter(|o| *o != n).map(|o| change(k, n, Some(o))))
        .collect();
    let removed =
        old.iter().filter(|(k, _)| !new.contains_key(*k)).map(|(k, n)| change(k, n, None)).collect();
    let renamed_app = before.is_some_and(|b| b.name != after.name || b.description != after.description);
    let mut renamed: Vec<Change> = renamed;
    if renamed_app {
        let b = before.map(|b| b.name.en.clone());
        renamed.insert(0, Change { key: "application".into(), name: after.name.en.clone(), before: b });
    }
    Preview {
        key: after.key.clone(),
        name: after.name.en.clone(),
        new: before.is_none(),
        version_before: before.map(|b| b.version.clone()),
        version: after.version.clone(),
        added,
        renamed,
        removed,
        orphaned: 0,
        base,
    }
}
