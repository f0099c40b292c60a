//! Filling a new database: the first start (the main account and its administrator), a new
//! account with its top unit and built-in roles, and the demo. Use cases over the accounts',
//! units', roles' and users' repositories; the database itself is `store`.

pub mod account;
pub mod bootstrap;
pub mod demo;
