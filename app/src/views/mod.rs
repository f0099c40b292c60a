//! Each user's view of a list (seed 002: "Edit view" is the right to save one's own columns and
//! sort order): which columns are shown and how the list is sorted. Anyone may choose columns
//! for the page they are on; saving the choice needs the list's Edit view right.

pub mod api;
mod chooser;
pub use chooser::ColumnChooser;

pub use domain::views::*;
