//! Live events: what the bus carries and what `/events` streams to the browser.

mod client;
pub use client::{provide_live, use_live, Ending, Live};

pub use domain::events::*;
