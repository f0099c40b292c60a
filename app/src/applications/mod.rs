//! Business applications in the console (issue 16): the configuration page's section where an
//! administrator registers an application or updates its catalogue from a file (preview, then
//! apply) and purges the grants a removed right left behind.

pub mod api;
mod section;

pub use section::ApplicationsSection;

pub use domain::applications::*;
