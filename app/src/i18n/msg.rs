//! `Msg`: a text of any area, so that errors and notices can carry a translatable key.

use super::{CommonT, Lang, Text};
use crate::auth::AuthT;
use crate::catalogue::CatalogueT;
use crate::shell::ShellT;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Msg {
    Common(CommonT),
    Auth(AuthT),
    Shell(ShellT),
    Catalogue(CatalogueT),
}

impl Text for Msg {
    fn text(self, lang: Lang) -> &'static str {
        match self {
            Msg::Common(t) => t.text(lang),
            Msg::Auth(t) => t.text(lang),
            Msg::Shell(t) => t.text(lang),
            Msg::Catalogue(t) => t.text(lang),
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

into_msg!(Common(CommonT), Auth(AuthT), Shell(ShellT), Catalogue(CatalogueT));

/// Every text of every area, for the completeness tests.
#[cfg(test)]
pub fn all_msgs() -> Vec<Msg> {
    let mut all: Vec<Msg> = CommonT::ALL.iter().map(|t| (*t).into()).collect();
    all.extend(AuthT::ALL.iter().map(|t| Msg::from(*t)));
    all.extend(ShellT::ALL.iter().map(|t| Msg::from(*t)));
    all.extend(CatalogueT::ALL.iter().map(|t| Msg::from(*t)));
    all
}
