//! Sub-accounts (seed 004): the main account's list of sub-accounts, which main-account users
//! may enter which of them, and the title bar's "Switch account".

mod access;
pub mod api;
mod page;
mod switcher;
pub use access::AccessDialog;
pub use page::AccountsPage;
pub use switcher::SwitchAccount;

pub use domain::accounts::*;
