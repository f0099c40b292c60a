//! Reading a catalogue file (docs/INTEGRATION.md "Catalogue file", format 1): JSON, checked
//! whole before anything is written; every problem names its line or the path of its key.

use super::{AppArea, AppCatalogue, AppModule, AppOp, AppT, Item, Names};
use crate::catalogue::Op;
use crate::error::{AppError, Checks, Message};
use serde::Deserialize;
use std::collections::HashSet;

/// The largest catalogue file accepted.
pub const MAX_FILE_KIB: usize = 512;
const MAX_AREAS: usize = 100;
const MAX_MODULES: usize = 2000;
const MAX_OPS: usize = 32;
const MAX_COLUMNS: usize = 100;
const MAX_PERMISSIONS: usize = 500;
const NAME_MAX: usize = 100;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    format: u32,
    application: RawApp,
    #[serde(default)]
    version: String,
    #[serde(default)]
    areas: Vec<RawArea>,
    #[serde(default)]
    permissions: Vec<RawItem>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawApp {
    key: String,
    name: RawNames,
    #[serde(default)]
    description: Option<RawNames>,
    #[serde(default)]
    accepts_internal_users: bool,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawNames {
    Plain(String),
    Full(FullNames),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FullNames {
    #[serde(default)]
    en: String,
    pl: Option<String>,
    cs: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawArea {
    key: String,
    name: RawNames,
    #[serde(default)]
    modules: Vec<RawModule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawModule {
    key: String,
    name: RawNames,
    #[serde(default)]
    operations: Vec<RawOp>,
    #[serde(default)]
    columns: Vec<RawItem>,
    #[serde(default)]
    persons: bool,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawOp {
    Standard(String),
    Custom(RawItem),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    key: String,
    name: RawNames,
}

/// The problems of one file, each naming where it is.
struct Problems(Checks, usize);

impl Problems {
    fn add(&mut self, problem: Message) {
        // Ten say enough; a broken generator would otherwise fill the screen.
        if self.1 < 10 {
            self.0.add("file", AppT::File, problem);
        }
        self.1 += 1;
    }

    fn key(&mut self, at: &str, key: &str) {
        let sound = (1..=50).contains(&key.len())
            && key.starts_with(|c: char| c.is_ascii_lowercase())
            && key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !sound {
            self.add(Message::new(AppT::BadKey).arg("at", at).arg("key", key));
        }
    }

    fn unique(&mut self, seen: &mut HashSet<String>, at: &str, key: &str) {
        if !seen.insert(key.to_string()) {
            self.add(Message::new(AppT::Duplicate).arg("at", at).arg("key", key));
        }
    }

    fn most(&mut self, at: &str, len: usize, max: usize) {
        if len > max {
            self.add(Message::new(AppT::TooMany).arg("at", at).arg("max", max));
        }
    }

    fn names(&mut self, at: &str, raw: RawNames) -> Names {
        let names = match raw {
            RawNames::Plain(en) => Names { en, pl: None, cs: None },
            RawNames::Full(f) => Names { en: f.en, pl: f.pl, cs: f.cs },
        };
        let long = |s: &Option<String>| s.as_ref().is_some_and(|s| s.chars().count() > NAME_MAX);
        if names.en.trim().is_empty()
            || names.en.chars().count() > NAME_MAX
            || long(&names.pl)
            || long(&names.cs)
        {
            self.add(Message::new(AppT::NameMissing).arg("at", format!("{at}.name")));
        }
        names
    }

    fn item(&mut self, at: &str, raw: RawItem, seen: &mut HashSet<String>) -> Item {
        self.key(at, &raw.key);
        self.unique(seen, at, &raw.key);
        let name = self.names(at, raw.name);
        Item { key: raw.key, name }
    }
}

/// Reads and checks a catalogue file. Nothing in it is trusted until every check passed.
pub fn parse(text: &str) -> Result<AppCatalogue, AppError> {
    if text.len() > MAX_FILE_KIB * 1024 {
        return Err(AppError::invalid(
            "file",
            AppT::File,
            Message::new(AppT::FileTooLarge).arg("max", MAX_FILE_KIB),
        ));
    }
    let raw: RawFile = serde_json::from_str(text).map_err(|e| {
        // serde_json's own words end with " at line L column C"; the line is said apart.
        let detail = e.to_string();
        let detail = detail.split(" at line ").next().unwrap_or(&detail).to_string();
        AppError::invalid(
            "file",
            AppT::File,
            Message::new(AppT::BadJson).arg("line", e.line()).arg("column", e.column()).arg("detail", detail),
        )
    })?;
    let mut p = Problems(Checks::new(), 0);
    if raw.format != 1 {
        p.add(Message::new(AppT::BadFormat));
    }
    p.key("application.key", &raw.application.key);
    if raw.application.key == crate::clients::BUILT_IN_APPLICATION {
        p.add(Message::new(AppT::ReservedKey).arg("at", "application.key").arg("key", &raw.application.key));
    }
    let name = p.names("application", raw.application.name);
    let description = match raw.application.description {
        Some(d) => match d {
            RawNames::Plain(en) => Names { en, pl: None, cs: None },
            RawNames::Full(f) => Names { en: f.en, pl: f.pl, cs: f.cs },
        },
        None => Names::default(),
    };
    if raw.version.chars().count() > 50 {
        p.add(Message::new(AppT::TooMany).arg("at", "version").arg("max", 50));
    }
    p.most("areas", raw.areas.len(), MAX_AREAS);
    let total: usize = raw.areas.iter().map(|a| a.modules.len()).sum();
    p.most("areas[].modules", total, MAX_MODULES);
    let (mut area_keys, mut module_keys) = (HashSet::new(), HashSet::new());
    let mut areas = Vec::new();
    for (a, area) in raw.areas.into_iter().enumerate() {
        let at = format!("areas[{a}] ({})", area.key);
        p.key(&at, &area.key);
        p.unique(&mut area_keys, &at, &area.key);
        let name = p.names(&at, area.name);
        let mut modules = Vec::new();
        for (m, module) in area.modules.into_iter().enumerate() {
            let at = format!("{at}.modules[{m}] ({})", module.key);
            modules.push(read_module(&mut p, &at, module, &mut module_keys));
        }
        areas.push(AppArea { key: area.key, name, modules });
    }
    p.most("permissions", raw.permissions.len(), MAX_PERMISSIONS);
    let mut perm_keys = HashSet::new();
    let permissions = raw
        .permissions
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let at = format!("permissions[{i}] ({})", item.key);
            p.item(&at, item, &mut perm_keys)
        })
        .collect();
    p.0.finish()?;
    Ok(AppCatalogue {
        key: raw.application.key,
        name,
        description,
        version: raw.version,
        accepts_internal_users: raw.application.accepts_internal_users,
        areas,
        permissions,
    })
}

fn read_module(p: &mut Problems, at: &str, raw: RawModule, seen: &mut HashSet<String>) -> AppModule {
    p.key(at, &raw.key);
    if raw.key == "perm" {
        p.add(Message::new(AppT::ReservedKey).arg("at", at).arg("key", &raw.key));
    }
    p.unique(seen, at, &raw.key);
    let name = p.names(at, raw.name);
    p.most(&format!("{at}.operations"), raw.operations.len(), MAX_OPS);
    p.most(&format!("{at}.columns"), raw.columns.len(), MAX_COLUMNS);
    let mut op_keys = HashSet::new();
    let mut operations = Vec::new();
    for (o, op) in raw.operations.into_iter().enumerate() {
        let at = format!("{at}.operations[{o}]");
        let op = match op {
            RawOp::Standard(key) => match Op::ALL.into_iter().find(|op| op.key() == key) {
                Some(op) => AppOp::Standard(op),
                None => {
                    p.add(Message::new(AppT::UnknownOperation).arg("at", &at).arg("key", &key));
                    continue;
                }
            },
            RawOp::Custom(item) => {
                if Op::ALL.iter().any(|op| op.key() == item.key) {
                    p.add(Message::new(AppT::ReservedKey).arg("at", &at).arg("key", &item.key));
                }
                let item = p.item(&at, item, &mut HashSet::new());
                AppOp::Custom { key: item.key, name: item.name }
            }
        };
        p.unique(&mut op_keys, &at, op.key());
        operations.push(op);
    }
    let view = AppOp::Standard(Op::View);
    let empty = operations.is_empty() && raw.columns.is_empty();
    if !empty && !operations.contains(&view) {
        p.add(Message::new(AppT::NeedsView).arg("at", at));
    }
    // View first: rule 3 makes every other right of the module need it.
    operations.sort_by_key(|op| *op != view);
    let mut column_keys = HashSet::new();
    let columns = raw
        .columns
        .into_iter()
        .enumerate()
        .map(|(c, item)| p.item(&format!("{at}.columns[{c}]"), item, &mut column_keys))
        .collect();
    AppModule { key: raw.key, name, operations, columns, persons: raw.persons }
}
