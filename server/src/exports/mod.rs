//! The sessions list and the audit log as CSV or XLSX files, streamed to the browser with the
//! same filters and column rights as their pages (seed 000: "Export").

pub mod audit;
pub mod sessions;
