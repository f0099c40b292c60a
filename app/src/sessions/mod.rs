//! Sessions: who is signed in. The dashboard's live "online now" list, the sessions list of
//! seed 000 with ending sessions and exports, and every user's own sessions.

pub mod api;
mod mine;
mod page;
mod table;
pub use mine::MySessionsPage;
pub use page::SessionsPage;

pub use domain::sessions::*;
