//! The `klucznik` server: the router and the start-up sequence.

// Deeply nested views (the user card) need more than the default in release builds.
#![recursion_limit = "512"]

pub mod authzen;
pub mod catalogue;
pub mod cli;
pub mod exports;
pub mod health;
pub mod live;
pub mod serve;

use app::guard::{guard_layer, AppState};

use app::{shell, App};
use axum::routing::get;
use axum::Router;
use klucznik_core::auth::password::Hasher;
use klucznik_core::guard::Settings;
use klucznik_core::operator::Operator;
use klucznik_core::setup::demo::{DemoOutcome, DEFAULT_DEMO_PASSWORD};
use klucznik_core::store::{Clock, DbUrl};
use leptos::config::LeptosOptions;
use leptos_axum::{generate_route_list, LeptosRoutes};

/// Every route: health, the event stream, the server functions and pages (behind the guard),
/// and the static files.
pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let options = state.leptos_options().clone();
    Router::new()
        .route("/healthz", get(health::healthz))
        .route("/events", get(live::events))
        .route("/sessions/export", get(exports::sessions::export))
        .route("/audit/export", get(exports::audit::export))
        .leptos_routes(&state, routes, move || shell(options.clone()))
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(axum::middleware::from_fn_with_state(state.clone(), guard_layer))
        // The decision API has its own guard (application clients' bearer secrets), and the
        // security headers of every other answer.
        .merge(authzen::routes().layer(axum::middleware::from_fn(api_headers)))
        .with_state(state)
}

async fn api_headers(req: axum::extract::Request, next: axum::middleware::Next) -> axum::response::Response {
    let path = req.uri().path().to_string();
    let mut res = next.run(req).await;
    app::guard::headers::secure(&path, res.headers_mut(), false);
    res
}

/// The options the Leptos renderer needs, for a bundle under `site_root`. A build with hashed
/// file names leaves `hash.txt` beside the binary (cargo-leptos, `./dev release` copies it);
/// without it the names are plain.
pub fn leptos_options(site_root: &str, addr: std::net::SocketAddr) -> LeptosOptions {
    let hashed = std::env::current_exe().ok().is_some_and(|exe| exe.with_file_name("hash.txt").is_file());
    LeptosOptions::builder()
        .output_name("klucznik")
        .site_root(site_root)
        .site_pkg_dir("pkg")
        .site_addr(addr)
        .hash_files(hashed)
        .build()
}

/// Opens the database and bootstraps it if empty; prints the generated administrator
/// password once. Errors are one line that says what to fix.
pub async fn open_database(url: &str, hasher: Hasher) -> Result<Operator, String> {
    let url = DbUrl::parse(url).map_err(|e| format!("bad --database-url (DATABASE_URL): {e}"))?;
    let operator = Operator::open(&url, Clock::default(), hasher).await?;
    let password = std::env::var("KLUCZNIK_ADMIN_PASSWORD").ok().filter(|p| !p.is_empty());
    match operator.bootstrap(password).await.map_err(|e| format!("cannot bootstrap the database: {e}"))? {
        Some(done) => match done.generated_password {
            Some(password) => println!(
                "First start: created the administrator \"admin\" with the password {password}\n\
                 (shown only this once; it must be changed at the first sign-in)."
            ),
            None => println!("First start: created the administrator \"admin\" with the password from KLUCZNIK_ADMIN_PASSWORD."),
        },
        None => tracing::info!("database {url} ready (schema version {})", operator.schema_version()),
    }
    operator.refresh_name_keys().await.map_err(|e| format!("cannot prepare the accounts: {e}"))?;
    Ok(operator)
}

/// Fills the demo sample (if the database is new) and says what it did.
pub async fn fill_demo(operator: &Operator) -> Result<(), String> {
    let password = std::env::var("KLUCZNIK_DEMO_PASSWORD").ok().filter(|p| !p.is_empty());
    let password = password.as_deref().unwrap_or(DEFAULT_DEMO_PASSWORD);
    match operator.fill_demo(password).await? {
        DemoOutcome::Filled { users } => {
            println!("Demo sample added. Users (password {password}): {}", users.join(", "));
            // Nordwind ERP's catalogue, and a client of it, so that the sample can be asked at once.
            let main = operator
                .first_main_account()
                .await
                .map_err(|e| e.to_string())?
                .ok_or("no main account in this database")?;
            operator
                .register_demo_application(main)
                .await
                .map_err(|e| format!("cannot register the demo application: {e}"))?;
            println!("Business application Nordwind ERP registered (docs/examples/nordwind-erp.json).");
            let client = create_client(operator, None, "nordwind", "Nordwind ERP (demo)").await?;
            println!(
                "Decision API client {} (docs/INTEGRATION.md), secret shown only this once: {}",
                client.client_id, client.secret
            );
        }
        DemoOutcome::AlreadyThere => println!("The demo sample is already in this database."),
    }
    Ok(())
}

pub fn settings(cli: &cli::Cli) -> Settings {
    Settings {
        behind_proxy: cli.behind_proxy,
        trusted_proxies: usize::from(cli.trusted_proxies),
        public_url: cli.public_url.clone(),
        mail: klucznik_core::mail::MailSettings {
            host: cli.smtp_host.clone().filter(|h| !h.trim().is_empty()),
            port: cli.smtp_port,
            from: cli.smtp_from.clone(),
            retry_base_ms: i64::from(cli.smtp_retry_ms.max(1)),
        },
    }
}

/// Adds a client of an application to a main account (`klucznik client create`).
pub async fn create_client(
    operator: &Operator,
    account: Option<i64>,
    application: &str,
    name: &str,
) -> Result<klucznik_core::clients::NewSecret, String> {
    klucznik_core::clients::check_name(name, klucznik_core::i18n::CommonT::Name)
        .finish()
        .map_err(|e| format!("bad --name: {}", e.render(klucznik_core::i18n::Lang::En)))?;
    let fail = |e: klucznik_core::error::AppError| format!("cannot create the client: {e}");
    let account = match account {
        Some(a) => a,
        None => {
            operator.first_main_account().await.map_err(fail)?.ok_or("no main account in this database")?
        }
    };
    operator.create_client(account, application, name).await.map_err(|e| match e {
        klucznik_core::error::AppError::NotFound => format!("--account {account} is not a main account"),
        e @ klucznik_core::error::AppError::Invalid(_) => {
            format!("bad --application: {}", e.render(klucznik_core::i18n::Lang::En))
        }
        e => fail(e),
    })
}
