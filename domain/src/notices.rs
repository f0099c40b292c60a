//! The notification centre: the product's notices to each user (session ended, rights changed,
//! password reset, substitutions), copies for the substitutes of absent users, the bell in the
//! title bar with its live unread count, and the e-mails that go out through the outbox.

pub use crate::texts::notices::NoticeT;

use crate::i18n::{fill, Lang, Text};
use serde::{Deserialize, Serialize};

/// What a notice says; names are stored as they were when it was sent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum Notice {
    SessionEnded {
        by: String,
        note: Option<String>,
    },
    RightsChanged {
        by: String,
    },
    /// An administrator set a new password: its e-mail is never forwarded to a substitute.
    PasswordReset {
        by: String,
    },
    /// To the substitute: someone defined a substitution for them.
    SubstitutionDefined {
        by: String,
        absent: String,
        from: String,
        to: String,
    },
    /// To the absent user.
    SubstitutionStarted {
        substitute: String,
    },
    /// To the absent user.
    SubstitutionStopped {
        substitute: String,
    },
    /// To the substitute, when the mode was ended for them.
    ModeEnded {
        absent: String,
        why: crate::substitutions::ModeEnd,
    },
}

impl Notice {
    /// Whether the e-mail of this notice may be forwarded to a substitute.
    pub fn forwardable(&self) -> bool {
        !matches!(self, Notice::PasswordReset { .. })
    }

    /// Whether substitutes get a copy: not of the notices about substitutions themselves.
    pub fn copied(&self) -> bool {
        !matches!(
            self,
            Notice::SubstitutionDefined { .. }
                | Notice::SubstitutionStarted { .. }
                | Notice::SubstitutionStopped { .. }
                | Notice::ModeEnded { .. }
        )
    }

    /// A stable key, for the outbox and the tests.
    pub fn key(&self) -> &'static str {
        match self {
            Notice::SessionEnded { .. } => "session_ended",
            Notice::RightsChanged { .. } => "rights_changed",
            Notice::PasswordReset { .. } => "password_reset",
            Notice::SubstitutionDefined { .. } => "substitution_defined",
            Notice::SubstitutionStarted { .. } => "substitution_started",
            Notice::SubstitutionStopped { .. } => "substitution_stopped",
            Notice::ModeEnded { .. } => "mode_ended",
        }
    }

    /// One line for the list and the mail subject.
    pub fn title(&self, lang: Lang) -> String {
        let f = |t: NoticeT, args: &[(&str, &str)]| {
            let args: Vec<(String, String)> =
                args.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
            fill(t.text(lang), &args)
        };
        match self {
            Notice::SessionEnded { by, .. } => f(NoticeT::SessionEnded, &[("by", by)]),
            Notice::RightsChanged { by } => f(NoticeT::RightsChanged, &[("by", by)]),
            Notice::PasswordReset { by } => f(NoticeT::PasswordReset, &[("by", by)]),
            Notice::SubstitutionDefined { by, absent, from, to } => {
                f(NoticeT::SubstitutionDefined, &[("by", by), ("absent", absent), ("from", from), ("to", to)])
            }
            Notice::SubstitutionStarted { substitute } => {
                f(NoticeT::SubstitutionStarted, &[("substitute", substitute)])
            }
            Notice::SubstitutionStopped { substitute } => {
                f(NoticeT::SubstitutionStopped, &[("substitute", substitute)])
            }
            Notice::ModeEnded { absent, why } => {
                let why = why.text().text(lang);
                f(NoticeT::ModeEnded, &[("absent", absent), ("why", why)])
            }
        }
    }

    /// Further lines, if any (the reason given when a session was ended).
    pub fn detail(&self, lang: Lang) -> Option<String> {
        match self {
            Notice::SessionEnded { note: Some(note), .. } => {
                Some(fill(NoticeT::Reason.text(lang), &[("note".into(), note.clone())]))
            }
            _ => None,
        }
    }
}

/// One notice in the bell's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeRow {
    pub id: i64,
    pub notice: Notice,
    /// For a copy: the absent user it was meant for.
    pub for_user: Option<String>,
    pub at_text: String,
    pub read: bool,
}

/// The bell's content: the newest notices and how many are unread.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inbox {
    pub unread: i64,
    pub items: Vec<NoticeRow>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn password_resets_are_never_forwarded_and_substitution_notices_never_copied() {
        assert!(!Notice::PasswordReset { by: "a".into() }.forwardable());
        assert!(Notice::RightsChanged { by: "a".into() }.forwardable());
        assert!(Notice::PasswordReset { by: "a".into() }.copied());
        assert!(!Notice::SubstitutionStarted { substitute: "s".into() }.copied());
    }

    #[test]
    fn notices_read_in_every_language() {
        let n = Notice::SubstitutionStarted { substitute: "Piotr Wiśniewski".into() };
        for lang in Lang::ALL {
            let title = n.title(lang);
            assert!(title.contains("Piotr Wiśniewski") && !title.contains('{'), "{title}");
        }
        let ended = Notice::SessionEnded { by: "Admin".into(), note: Some("audit".into()) };
        assert!(ended.detail(Lang::Pl).is_some_and(|d| d.contains("audit")));
    }
}
