//! `Msg`: a text of any area, so that errors and notices can carry a translatable key.

use super::accounts::AccountT;
use super::applications::AppT;
use super::audit_actions::ActionT;
use super::audit_log::AuditT;
use super::auth::AuthT;
use super::clients::ClientT;
use super::config::ConfigT;
use super::notices::NoticeT;
use super::persons::PersonT;
use super::rights::RightT;
use super::roles::RoleT;
use super::sessions::SessionT;
use super::shell::ShellT;
use super::substitutions::SubT;
use super::units::UnitT;
use super::users::UserT;
use super::CommonT;
use crate::catalogue::CatalogueT;
use crate::i18n::{Lang, Text};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Msg {
    Common(CommonT),
    Auth(AuthT),
    Shell(ShellT),
    Catalogue(CatalogueT),
    Unit(UnitT),
    Person(PersonT),
    Role(RoleT),
    User(UserT),
    Config(ConfigT),
    Right(RightT),
    Session(SessionT),
    Account(AccountT),
    Sub(SubT),
    Notice(NoticeT),
    Audit(AuditT),
    Action(ActionT),
    Client(ClientT),
    App(AppT),
}

impl Text for Msg {
    fn text(self, lang: Lang) -> &'static str {
        match self {
            Msg::Common(t) => t.text(lang),
            Msg::Auth(t) => t.text(lang),
            Msg::Shell(t) => t.text(lang),
            Msg::Catalogue(t) => t.text(lang),
            Msg::Unit(t) => t.text(lang),
            Msg::Person(t) => t.text(lang),
            Msg::Role(t) => t.text(lang),
            Msg::User(t) => t.text(lang),
            Msg::Config(t) => t.text(lang),
            Msg::Right(t) => t.text(lang),
            Msg::Session(t) => t.text(lang),
            Msg::Account(t) => t.text(lang),
            Msg::Sub(t) => t.text(lang),
            Msg::Notice(t) => t.text(lang),
            Msg::Audit(t) => t.text(lang),
            Msg::Action(t) => t.text(lang),
            Msg::Client(t) => t.text(lang),
            Msg::App(t) => t.text(lang),
        }
    }
}

macro_rules! into_msg {
    ($($variant:ident($ty:ty)),*) => {
        $(impl From<$ty> for Msg {
            fn from(t: $ty) -> Msg {
                Msg::$variant(t)
            }
        })*
    };
}

into_msg!(
    Common(CommonT),
    Auth(AuthT),
    Shell(ShellT),
    Catalogue(CatalogueT),
    Unit(UnitT),
    Person(PersonT),
    Role(RoleT),
    User(UserT),
    Config(ConfigT),
    Right(RightT),
    Session(SessionT),
    Account(AccountT),
    Sub(SubT),
    Notice(NoticeT),
    Audit(AuditT),
    Action(ActionT),
    Client(ClientT),
    App(AppT)
);

/// Every text of every area, for the completeness tests.
#[cfg(test)]
pub fn all_msgs() -> Vec<Msg> {
    let mut all: Vec<Msg> = CommonT::ALL.iter().map(|t| (*t).into()).collect();
    all.extend(AuthT::ALL.iter().map(|t| Msg::from(*t)));
    all.extend(ShellT::ALL.iter().map(|t| Msg::from(*t)));
    all.extend(CatalogueT::ALL.iter().map(|t| Msg::from(*t)));
    all.extend(UnitT::ALL.iter().map(|t| Msg::from(*t)));
    all.extend(PersonT::ALL.iter().map(|t| Msg::from(*t)));
    all.extend(RoleT::ALL.iter().map(|t| Msg::from(*t)));
    all.extend(UserT::ALL.iter().map(|t| Msg::from(*t)));
    all.extend(ConfigT::ALL.iter().map(|t| Msg::from(*t)));
    all.extend(RightT::ALL.iter().map(|t| Msg::from(*t)));
    all.extend(SessionT::ALL.iter().map(|t| Msg::from(*t)));
    all.extend(AccountT::ALL.iter().map(|t| Msg::from(*t)));
    all.extend(SubT::ALL.iter().map(|t| Msg::from(*t)));
    all.extend(NoticeT::ALL.iter().map(|t| Msg::from(*t)));
    all.extend(AuditT::ALL.iter().map(|t| Msg::from(*t)));
    all.extend(ActionT::ALL.iter().map(|t| Msg::from(*t)));
    all.extend(ClientT::ALL.iter().map(|t| Msg::from(*t)));
    all.extend(AppT::ALL.iter().map(|t| Msg::from(*t)));
    all
}
