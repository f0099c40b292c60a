//! Start-up: `--help`, bad options and unreachable databases stop with one clear line.

use crate::support::pg;
use std::process::Command;

fn run(args: &[&str]) -> (bool, String, String) {
    let out =
        Command::new(env!("CARGO_BIN_EXE_klucznik")).args(args).env_remove("DATABASE_URL").output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

#[test]
fn help_lists_every_option_with_its_environment_variable() {
    let (ok, stdout, _) = run(&["--help"]);
    assert!(ok);
    for (option, env) in [
        ("--database-url", "DATABASE_URL"),
        ("--addr", "KLUCZNIK_ADDR"),
        ("--site-root", "LEPTOS_SITE_ROOT"),
        ("--demo", "KLUCZNIK_DEMO"),
        ("--behind-proxy", "KLUCZNIK_BEHIND_PROXY"),
        ("--log", "KLUCZNIK_LOG"),
    ] {
        assert!(stdout.contains(option), "{option} missing from --help:\n{stdout}");
        assert!(stdout.contains(&format!("env: {env}")), "{env} missing from --help:\n{stdout}");
    }
    assert!(stdout.contains("KLUCZNIK_ADMIN_PASSWORD"));
    assert!(stdout.contains("127.0.0.1:3000") && stdout.contains("sqlite:klucznik.db"), "defaults shown");
}

fn one_line_failure(args: &[&str], expected: &str) {
    let (ok, _, stderr) = run(args);
    assert!(!ok, "{args:?} should fail");
    let lines: Vec<&str> = stderr.lines().filter(|l| l.starts_with("klucznik:")).collect();
    assert_eq!(lines.len(), 1, "{stderr}");
    assert!(lines[0].contains(expected), "{stderr}");
}

#[test]
fn bad_options_stop_start_up_with_one_line() {
    one_line_failure(&["--database-url", "mysql://root@localhost/k"], "unsupported database \"mysql\"");
    one_line_failure(
        &["--database-url", "sqlite:/no/such/dir/k.db"],
        "cannot open the SQLite database /no/such/dir/k.db",
    );
    let (ok, _, stderr) = run(&["--addr", "not-an-address"]);
    assert!(!ok && stderr.contains("--addr"), "{stderr}");
}

#[tokio::test]
async fn an_unreachable_postgres_stops_start_up_with_one_line() {
    // A port where nothing listens.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let url = format!("postgres://k:secret@127.0.0.1:{port}/k");
    let (ok, _, stderr) = tokio::task::spawn_blocking(move || run(&["--database-url", &url])).await.unwrap();
    assert!(!ok);
    assert!(stderr.contains("cannot connect to the database at postgres://k:***@127.0.0.1"), "{stderr}");
    assert!(!stderr.contains("secret"), "the password leaked: {stderr}");
    // The cluster helper is used elsewhere; keep it linked here too.
    let _ = pg::database;
}
