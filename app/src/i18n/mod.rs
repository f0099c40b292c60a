//! The translation layer of the pages: the language context. Languages, `text_table!`, filling and
//! every area's texts are the domain crate's (`domain::i18n`, `domain::texts`).

mod context;

pub use context::{provide_i18n, use_i18n, I18n};
pub use domain::i18n::{fill, fill_in, plural_form, Lang, Text};
pub use domain::texts::{CommonT, Msg};
