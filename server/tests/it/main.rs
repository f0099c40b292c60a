//! Integration tests: the real server (binary or router) on real SQLite files and a real
//! throwaway PostgreSQL cluster. Every test that touches storage runs on both.

mod support;

mod demo;
mod events;
mod guard;
mod health;
mod login;
mod password;
mod sessions;
mod startup;
