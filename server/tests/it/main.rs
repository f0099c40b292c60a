//! Integration tests: the real server (binary or router) on real SQLite files and a real
//! throwaway PostgreSQL cluster. Every test that touches storage runs on both.

mod support;

mod account_scope;
mod accounts;
mod app_session_sweep;
mod app_sign_in;
mod applications;
mod audit;
mod authzen;
mod config;
mod crate_faces;
mod demo;
mod escalation;
mod events;
mod guard;
mod hardening;
mod health;
mod layers;
mod login;
mod mail;
mod matrix;
mod migrations;
mod password;
mod persons;
mod rights;
mod roles;
mod session_admin;
mod sessions;
mod startup;
mod substitutions;
mod throttle;
mod units;
mod users;
