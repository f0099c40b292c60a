//! Sessions: their storage, the lists, ending them, and the periodic clean-up. Records and validation are the domain's (`domain::sessions`).

pub mod list_store;
pub mod maintenance;
pub mod resolve;
pub mod server;
pub mod store;

pub use domain::sessions::*;
