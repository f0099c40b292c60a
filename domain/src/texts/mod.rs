//! Every text of the product in English, Polish and Czech, one `text_table!` table per area of the
//! console (docs/ARCHITECTURE.md "Translations": every text in the three languages), and `Msg`, which names any of them
//! so that errors and notices carry a key the browser translates.

pub mod accounts;
pub mod applications;
pub mod audit_actions;
pub mod audit_log;
pub mod auth;
pub mod clients;
mod common;
pub mod config;
mod msg;
pub mod notices;
pub mod persons;
pub mod rights;
pub mod roles;
pub mod sessions;
pub mod shell;
pub mod substitutions;
pub mod units;
pub mod users;

pub use common::CommonT;
pub use msg::Msg;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, Text};

    fn placeholders(text: &str) -> Vec<&str> {
        let mut names: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.split(':').next().unwrap_or(name)))
            .collect();
        names.sort();
        names.dedup();
        names
    }

    #[test]
    fn every_text_is_translated_and_keeps_its_placeholders() {
        for msg in msg::all_msgs() {
            let en = msg.text(Lang::En);
            assert!(!en.trim().is_empty(), "{msg:?} has no English text");
            for lang in [Lang::Pl, Lang::Cs] {
                let text = msg.text(lang);
                assert!(!text.trim().is_empty(), "{msg:?} has no {lang:?} text");
                assert_eq!(placeholders(en), placeholders(text), "{msg:?} in {lang:?}");
            }
        }
    }
}
