//! The file a role's settings are exported to and imported from: JSON with a versioned schema.
//! Parsing is shared, so the browser can refuse a damaged file before asking to confirm.

use super::ROLE_DESCRIPTION_MAX;
use crate::catalogue::Right;
use serde::{Deserialize, Serialize};

pub const FORMAT: &str = "klucznik.role-settings";
pub const VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleFile {
    pub format: String,
    pub version: u32,
    /// The name of the role it came from (not imported: the target keeps its name).
    pub role: String,
    pub description: String,
    /// Units as paths from the account's top unit: "Company / Sales / Kraków".
    pub units: Vec<String>,
    pub grants: Vec<GrantEntry>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GrantEntry {
    pub right: String,
    pub allow: bool,
    /// Where a data right applies: `unit:<path>`, `assigned` or `subordinates`; absent for
    /// account-wide rights.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
}

impl GrantEntry {
    /// Whether the key and the scope fit together and name something of the catalogue.
    fn sound(&self) -> bool {
        match self.scope.as_deref() {
            // A business application's right: its catalogue is checked when imported.
            None => {
                Right::parse(&self.right).is_some()
                    || crate::rights::split_key(&self.right)
                        .is_some_and(|(a, r)| !a.is_empty() && !r.is_empty())
            }
            Some(scope) => {
                crate::catalogue::DataOp::parse_grant_key(&self.right).is_some()
                    && (matches!(scope, "assigned" | "subordinates")
                        || scope.strip_prefix("unit:").is_some_and(|p| !p.trim().is_empty()))
            }
        }
    }
}

impl RoleFile {
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The account-wide grants as rights of the catalogue.
    pub fn rights(&self) -> Vec<(Right, bool)> {
        self.grants
            .iter()
            .filter(|g| g.scope.is_none())
            .filter_map(|g| Right::parse(&g.right).map(|r| (r, g.allow)))
            .collect()
    }
}

/// Reads a file; `None` when it is not a role-settings file of a version we know, or is
/// damaged (the seed's "wrong format or damaged file").
pub fn parse(content: &str) -> Option<RoleFile> {
    let file: RoleFile = serde_json::from_str(content).ok()?;
    let sound = file.format == FORMAT
        && file.version == VERSION
        && file.description.chars().count() <= ROLE_DESCRIPTION_MAX
        && file.grants.iter().all(GrantEntry::sound)
        && file.units.iter().all(|u| !u.trim().is_empty());
    sound.then_some(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> RoleFile {
        RoleFile {
            format: FORMAT.into(),
            version: VERSION,
            role: "Kadry".into(),
            description: "HR".into(),
            units: vec!["Firma / Kadry".into()],
            grants: vec![
                GrantEntry { right: "persons.view".into(), allow: true, scope: None },
                GrantEntry {
                    right: "persons.data.edit".into(),
                    allow: false,
                    scope: Some("unit:Firma / Kadry".into()),
                },
            ],
        }
    }

    #[test]
    fn a_written_file_reads_back() {
        let file = sample();
        assert_eq!(parse(&file.to_json()), Some(file));
    }

    #[test]
    fn damaged_or_foreign_files_are_refused() {
        let json = sample().to_json();
        assert_eq!(parse(&json[..json.len() / 2]), None, "cut short");
        assert_eq!(parse("{}"), None);
        assert_eq!(parse("not json at all"), None);
        assert_eq!(parse(&json.replace(FORMAT, "other.format")), None);
        assert_eq!(parse(&json.replace("\"version\": 1", "\"version\": 99")), None);
        assert_eq!(parse(&json.replace("persons.view", "persons.fly")), None, "unknown right");
        assert_eq!(parse(&json.replace("unit:Firma / Kadry", "somewhere")), None, "unknown scope");
        assert_eq!(
            parse(&json.replace("persons.data.edit", "persons.edit")),
            None,
            "a scope on an account-wide right"
        );
        assert_eq!(parse(&json.replace("\"role\"", "\"extra\": 1, \"role\"")), None, "unknown field");
    }
}
