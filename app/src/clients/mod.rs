//! Application clients in the console (issue 16): the section of the configuration page where
//! an administrator adds the clients business applications ask for decisions with, replaces
//! their secrets and revokes them.

pub mod api;
mod section;

pub use section::ClientsSection;

pub use domain::clients::*;
