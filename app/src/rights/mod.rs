//! Rights in the console: the editors, their server functions and storage, and the checks of
//! rule 6 across users. The resolver itself is the domain crate's (`domain::rights`).

pub mod api;
mod editor;

pub use domain::rights::*;
pub use domain::texts::rights::RightT;
pub use editor::{EffectivePage, RightsPage};
