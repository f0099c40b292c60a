//! `klucznik`: serves the console, or fills the demo sample (`klucznik demo`).

// Deeply nested views (the user card) need more than the default in release builds.
#![recursion_limit = "512"]

use clap::Parser;
use server::cli::{Cli, Command};
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let filter = match tracing_subscriber::EnvFilter::try_new(&cli.log) {
        Ok(filter) => filter,
        Err(e) => return fail(&format!("bad --log (KLUCZNIK_LOG) filter \"{}\": {e}", cli.log)),
    };
    tracing_subscriber::fmt().with_env_filter(filter).with_target(false).init();
    match run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => fail(&message),
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("klucznik: {message}");
    ExitCode::FAILURE
}

async fn run(cli: Cli) -> Result<(), String> {
    let operator =
        server::open_database(&cli.database_url, klucznik_core::auth::password::Hasher::new()).await?;
    if cli.command == Some(Command::Demo) {
        return server::fill_demo(&operator).await;
    }
    if let Some(Command::Catalogue(server::cli::CatalogueCommand::Apply { file, account, dry_run })) =
        &cli.command
    {
        println!("{}", server::catalogue::apply_file(&operator, *account, file, *dry_run).await?);
        return Ok(());
    }
    if let Some(Command::Client(server::cli::ClientCommand::Create { name, account, application })) =
        &cli.command
    {
        let made = server::create_client(&operator, *account, application, name).await?;
        println!("Client {} created. Its secret (shown only this once): {}", made.client_id, made.secret);
        return Ok(());
    }
    if cli.demo {
        server::fill_demo(&operator).await?;
    }
    let site_root = cli.site_root.to_string_lossy().to_string();
    if !cli.site_root.join("pkg").is_dir() {
        tracing::warn!("no browser bundle under {site_root}/pkg: pages will not hydrate (build with cargo leptos build, or set --site-root)");
    }
    let settings = server::settings(&cli);
    settings.mail.check()?;
    operator.start_workers(settings.mail.clone());
    let options = server::leptos_options(&site_root, cli.addr);
    let state = app::guard::AppState::new(operator.serve(settings), options);
    let listener = tokio::net::TcpListener::bind(cli.addr)
        .await
        .map_err(|e| format!("cannot listen on {} (--addr / KLUCZNIK_ADDR): {e}", cli.addr))?;
    println!("Klucznik {} listening on http://{}", env!("CARGO_PKG_VERSION"), cli.addr);
    let limits = server::serve::Limits {
        max_connections: cli
            .max_connections
            .map_or_else(server::serve::default_max_connections, |n| n as usize),
        header_timeout: std::time::Duration::from_millis(cli.header_timeout_ms),
        ..Default::default()
    };
    server::serve::serve(listener, server::router(state), limits, async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await;
    operator.close().await;
    Ok(())
}
