//! The audit view: the account's audit records, newest first, filtered by days, user and
//! action, showing "X for Y" for work done on someone's behalf, and exported to CSV.

pub use crate::texts::audit_actions::{action_text, ActionT};
pub use crate::texts::audit_log::AuditT;

use crate::error::{Checks, Message};
use crate::i18n::{fill, Lang, Text};
use crate::list::parse_date;
use crate::texts::CommonT;
use serde::{Deserialize, Serialize};

pub const PAGE_SIZE: u32 = 50;

/// The filter of the list and the export; days are in the account's time zone.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditQuery {
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    /// Matches the login or name of the user at the keyboard or of the one worked for.
    #[serde(default)]
    pub user: String,
    #[serde(default)]
    pub action: String,
    #[serde(default)]
    pub page: u32,
}

impl AuditQuery {
    pub fn check(&self) -> Checks {
        let mut checks = Checks::new();
        let mut day = |field: &str, label: AuditT, value: &str| {
            let bad = !value.trim().is_empty() && parse_date(value).is_none();
            if bad {
                checks.add(field, label, Message::new(CommonT::FieldBadDate));
            }
            (!bad && !value.trim().is_empty()).then(|| value.trim().to_string())
        };
        let (from, to) = (day("from", AuditT::From, &self.from), day("to", AuditT::To, &self.to));
        if let (Some(from), Some(to)) = (from, to) {
            if to < from {
                checks.add("to", AuditT::To, Message::new(AuditT::ToBeforeFrom));
            }
        }
        for (field, label, value) in
            [("user", AuditT::User, &self.user), ("action", AuditT::Action, &self.action)]
        {
            if value.chars().count() > 100 {
                checks.add(field, label, Message::new(CommonT::FieldTooLong).arg("max", 100));
            }
        }
        checks
    }
}

/// One audit record as the view shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRow {
    pub id: i64,
    pub at_text: String,
    /// Who was at the keyboard.
    pub native: String,
    /// Whose behalf they worked on, when not their own.
    pub effective: Option<String>,
    pub action: String,
    pub object: String,
    pub detail: String,
    pub client_addr: String,
    /// Before and after, for viewers who may see the details column.
    pub change: Option<(String, String)>,
}

impl AuditRow {
    /// The action in `lang`, with its key where it has a text (the filter matches keys).
    pub fn action_label(&self, lang: Lang) -> String {
        match action_text(&self.action) {
            Some(t) => format!("{} ({})", t.text(lang), self.action),
            None => self.action.clone(),
        }
    }

    /// "X" or "X for Y".
    pub fn who(&self, lang: Lang) -> String {
        who(&self.native, self.effective.as_deref(), lang)
    }
}

pub fn who(native: &str, effective: Option<&str>, lang: Lang) -> String {
    match effective {
        Some(effective) => fill(
            AuditT::NativeFor.text(lang),
            &[("native".into(), native.to_string()), ("effective".into(), effective.to_string())],
        ),
        None => native.to_string(),
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditList {
    pub rows: Vec<AuditRow>,
    pub total: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn work_on_someones_behalf_reads_x_for_y() {
        assert_eq!(who("Ewa", Some("Anna"), Lang::En), "Ewa for Anna");
        assert_eq!(who("Ewa", Some("Anna"), Lang::Pl), "Ewa w zastępstwie za Anna");
        assert_eq!(who("Ewa", None, Lang::Cs), "Ewa");
    }

    #[test]
    fn the_filter_names_bad_fields() {
        let q = |from: &str, to: &str| AuditQuery { from: from.into(), to: to.into(), ..Default::default() };
        assert!(q("2026-11-01", "2026-11-22").check().finish().is_ok());
        assert!(q("2026-11-23", "2026-11-22").check().has("to"));
        assert!(q("22.11.2026", "").check().has("from"));
    }
}
