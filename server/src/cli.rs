//! The command line: every option also reads an environment variable.

use clap::{Parser, Subcommand};
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "klucznik",
    version,
    about = "Klucznik: the access-administration console.",
    after_help = "Environment only:\n  KLUCZNIK_ADMIN_PASSWORD  password of the first administrator \"admin\", used only when an empty \
                  database is bootstrapped (default: a random one, printed once)\n  KLUCZNIK_DEMO_PASSWORD   password of every \
                  demo user (default: Demo-Klucznik-2026)"
)]
pub struct Cli {
    /// Database: sqlite:FILE (created if missing) or postgres://USER:PASSWORD@HOST:PORT/DB
    #[arg(long, env = "DATABASE_URL", default_value = "sqlite:klucznik.db", global = true)]
    pub database_url: String,

    /// Address to listen on
    #[arg(long, env = "KLUCZNIK_ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,

    /// Folder with the browser bundle (pkg/) and static files, as built by cargo-leptos
    #[arg(long, env = "LEPTOS_SITE_ROOT", default_value = "site")]
    pub site_root: PathBuf,

    /// Fill an empty database with the demo sample before serving
    #[arg(long, env = "KLUCZNIK_DEMO")]
    pub demo: bool,

    /// Running behind a TLS-terminating reverse proxy: trust its X-Forwarded-For/-Proto/-Host
    /// headers and mark cookies Secure
    #[arg(long, env = "KLUCZNIK_BEHIND_PROXY")]
    pub behind_proxy: bool,

    /// Behind a proxy: how many proxies append to X-Forwarded-For; the client is the address
    /// the outermost of them saw (entries further left are the client's own word)
    #[arg(long, env = "KLUCZNIK_TRUSTED_PROXIES", default_value_t = 1, value_parser = clap::value_parser!(u8).range(1..=16))]
    pub trusted_proxies: u8,

    /// The address callers reach the server at, e.g. https://klucznik.example.com: the decision
    /// API's metadata (/.well-known/authzen-configuration) names its endpoints under it
    #[arg(long, env = "KLUCZNIK_PUBLIC_URL", value_parser = public_url)]
    pub public_url: Option<String>,

    /// Time a client has to send a request's headers, and the longest a kept-alive connection
    /// may sit idle, in milliseconds
    #[arg(long, env = "KLUCZNIK_HEADER_TIMEOUT_MS", default_value_t = 10_000, value_parser = clap::value_parser!(u64).range(100..=600_000))]
    pub header_timeout_ms: u64,

    /// Most connections served at once; more wait to be accepted (default: three quarters of the
    /// open-files limit, so that the database and the log always find a descriptor)
    #[arg(long, env = "KLUCZNIK_MAX_CONNECTIONS", value_parser = clap::value_parser!(u32).range(8..=1_000_000))]
    pub max_connections: Option<u32>,

    /// SMTP relay for notification e-mails (plain SMTP, e.g. a local MTA); without it mail
    /// waits in the outbox
    #[arg(long, env = "KLUCZNIK_SMTP_HOST")]
    pub smtp_host: Option<String>,

    /// Port of the SMTP relay
    #[arg(long, env = "KLUCZNIK_SMTP_PORT", default_value_t = 25)]
    pub smtp_port: u16,

    /// Sender of notification e-mails, e.g. "Klucznik <klucznik@example.com>"
    #[arg(long, env = "KLUCZNIK_SMTP_FROM", default_value = "klucznik@localhost")]
    pub smtp_from: String,

    /// Wait before retrying a message the mail server did not take, in milliseconds; it
    /// doubles with every failure (up to an hour)
    #[arg(long, env = "KLUCZNIK_SMTP_RETRY_MS", default_value_t = 5_000)]
    pub smtp_retry_ms: u32,

    /// Log filter (tracing's env-filter syntax), e.g. info or klucznik=debug
    #[arg(long, env = "KLUCZNIK_LOG", default_value = "info", global = true)]
    pub log: String,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug, PartialEq, Eq)]
pub enum Command {
    /// Serve the console (the default)
    Serve,
    /// Fill an empty database with the demo sample and exit
    Demo,
    /// Manage the clients of business applications (the decision API's credentials)
    #[command(subcommand)]
    Client(ClientCommand),
    /// Register or update business applications from catalogue files (docs/INTEGRATION.md)
    #[command(subcommand)]
    Catalogue(CatalogueCommand),
}

#[derive(Subcommand, Debug, PartialEq, Eq)]
pub enum CatalogueCommand {
    /// Check a catalogue file and apply it: the application is registered, or its catalogue
    /// updated (the same file again changes nothing)
    Apply {
        /// The catalogue file (JSON, format 1)
        file: PathBuf,
        /// The main account it belongs to (default: the installation's first main account)
        #[arg(long)]
        account: Option<i64>,
        /// Only say what would change; write nothing
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Subcommand, Debug, PartialEq, Eq)]
pub enum ClientCommand {
    /// Add a client and print its id and secret (shown only this once)
    Create {
        /// Its name, e.g. the application and the machine it runs on
        #[arg(long)]
        name: String,
        /// The main account it belongs to (default: the installation's first main account)
        #[arg(long)]
        account: Option<i64>,
        /// The application whose catalogue it asks about: klucznik (the console's own modules)
        /// or the key of a registered application
        #[arg(long, default_value = "klucznik")]
        application: String,
    },
}

/// An http(s) address without query, fragment or trailing slash.
fn public_url(value: &str) -> Result<String, String> {
    let value = value.trim().trim_end_matches('/');
    let rest = value.strip_prefix("https://").or_else(|| value.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !value.contains(['?', '#', ' ']) => Ok(value.to_string()),
        _ => {
            Err("must be an http(s) address without query or fragment, e.g. https://klucznik.example.com"
                .into())
        }
    }
}
