//! Abuse script (issue 13): what an attacker on loopback gets from the real binary.
//!
//! 1. 200 concurrent wrong passwords for one login from one address, then for 200 logins:
//!    how many passwords the server checked (answers 409) before waiting (429).
//! 2. Half-open connections: how many it holds and for how long, and whether `/healthz`
//!    answers meanwhile.
//! 3. A fuzz run of every server function with hostile bodies: how many answers were 5xx.
//!
//! `./dev abuse` runs it against the release binary. Loopback only; every loop is bounded in
//! count and time.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const DEMO_PASSWORD: &str = "Demo-Klucznik-2026";
const HALF_OPEN: usize = 2_000;

struct Server {
    child: Child,
    base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(bin: &str, dir: &std::path::Path) -> Server {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let db = dir.join("abuse.db").display().to_string();
    let child = Command::new(bin)
        .args(["--demo", "--database-url", &format!("sqlite:{db}"), "--addr", &format!("127.0.0.1:{port}")])
        .args(["--log", "error"])
        .env("KLUCZNIK_ADMIN_PASSWORD", "Abuse-Admin-Password-1")
        .stdout(Stdio::null())
        .spawn()
        .expect("start klucznik");
    Server { child, base: format!("http://127.0.0.1:{port}") }
}

async fn wait_healthy(base: &str) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if reqwest::get(format!("{base}/healthz")).await.is_ok_and(|r| r.status().is_success()) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the server did not start");
}

fn client() -> reqwest::Client {
    reqwest::Client::builder().cookie_store(true).build().unwrap()
}

async fn login(http: &reqwest::Client, base: &str, login: &str, password: &str) -> u16 {
    http.post(format!("{base}/api/auth/login"))
        .header("sec-fetch-site", "same-origin")
        .form(&[("login", login), ("password", password)])
        .send()
        .await
        .map(|r| r.status().as_u16())
        .unwrap_or(0)
}

/// Answers (checked, told to wait) for concurrent wrong passwords.
async fn race(base: &str, logins: Vec<String>) -> (usize, usize) {
    let tasks: Vec<_> = logins
        .into_iter()
        .map(|l| {
            let base = base.to_string();
            tokio::spawn(async move { login(&client(), &base, &l, "Wrong-Password-1").await })
        })
        .collect();
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await.unwrap_or(0));
    }
    (statuses.iter().filter(|s| **s == 409).count(), statuses.iter().filter(|s| **s == 429).count())
}

/// Opens half-open connections; answers (opened, seconds until the server closed the last,
/// /healthz latency while they hang).
async fn half_open(base: &str) -> (usize, f64, f64) {
    let addr = base.trim_start_matches("http://").to_string();
    let mut streams = Vec::new();
    for _ in 0..HALF_OPEN {
        match tokio::time::timeout(Duration::from_secs(2), tokio::net::TcpStream::connect(&addr)).await {
            Ok(Ok(mut s)) => {
                let _ = s.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n").await;
                streams.push(s);
            }
            _ => break,
        }
    }
    let opened = streams.len();
    let started = Instant::now();
    let health = tokio::time::timeout(Duration::from_secs(60), reqwest::get(format!("{base}/healthz"))).await;
    let health_s = if matches!(health, Ok(Ok(_))) { started.elapsed().as_secs_f64() } else { f64::INFINITY };
    let deadline = started + Duration::from_secs(120);
    for s in &mut streams {
        let left = deadline.saturating_duration_since(Instant::now());
        let mut buffer = [0u8; 64];
        let _ = tokio::time::timeout(left, s.read(&mut buffer)).await;
    }
    (opened, started.elapsed().as_secs_f64(), health_s)
}

/// Whether an answer is a server error; names it. A body over the limit is answered 413 as
/// soon as its length is read, and the connection closed while the client is still sending:
/// that client sees the connection go, which is no server error.
fn report(
    path: &str,
    body: &str,
    answer: Result<reqwest::Response, reqwest::Error>,
    oversized: bool,
) -> bool {
    let status = answer.as_ref().map(|r| r.status().as_u16()).unwrap_or(0);
    let bad = if status == 0 { !oversized } else { status >= 500 };
    if bad {
        eprintln!("  {status} from {path} for {body:?}…");
    }
    bad
}

/// Hostile bodies against every server function as a signed-in administrator: answers
/// (calls, 5xx answers).
async fn fuzz(base: &str) -> (usize, usize) {
    let http = client();
    assert_eq!(login(&http, base, "magdalena.dabrowska", DEMO_PASSWORD).await, 200);
    // Linking the router links every server function's registration.
    std::hint::black_box(server::router as fn(app::guard::AppState) -> axum::Router);
    let mut paths: Vec<String> = server_fn::axum::server_fn_paths().map(|(p, _)| p.to_string()).collect();
    assert!(paths.len() > 30, "the server functions are registered: {}", paths.len());
    paths.sort();
    paths.retain(|p| p != "/api/auth/logout" && p != "/api/auth/login");
    let big = "x".repeat(600_000);
    let forms: Vec<String> = vec![
        String::new(),
        "garbage".into(),
        "id=-1&version=99999999999999999999".into(),
        format!("search={}", "%".repeat(60_000)),
        format!("id={big}"),
    ];
    let jsons: Vec<String> = vec![
        "{}".into(),
        "[]".into(),
        "null".into(),
        format!("{{\"input\": \"{big}\"}}"),
        format!("{}{}", "[".repeat(5_000), "]".repeat(5_000)),
        format!("{{\"query\": {{\"search\": \"{}\"}}}}", "a".repeat(60_000)),
        "x".repeat(1_500_000),
    ];
    let (mut calls, mut errors) = (0, 0);
    for path in &paths {
        for f in &forms {
            let r = http
                .post(format!("{base}{path}"))
                .header("sec-fetch-site", "same-origin")
                .header("content-type", "application/x-www-form-urlencoded")
                .body(f.clone())
                .send()
                .await;
            calls += 1;
            if report(path, &f[..f.len().min(30)], r, false) {
                errors += 1;
            }
        }
        for j in &jsons {
            let r = http
                .post(format!("{base}{path}"))
                .header("sec-fetch-site", "same-origin")
                .header("content-type", "application/json")
                .body(j.clone())
                .send()
                .await;
            calls += 1;
            if report(path, &j[..j.len().min(30)], r, j.len() > 1 << 20) {
                errors += 1;
            }
        }
    }
    (calls, errors)
}

/// A fresh server for each measurement, so that one's counts do not hold back the next.
async fn fresh(bin: &str) -> (Server, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let server = start(bin, dir.path());
    wait_healthy(&server.base).await;
    (server, dir)
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let bin = args.iter().position(|a| a == "--bin").and_then(|i| args.get(i + 1)).expect("--bin <klucznik>");

    let (server, _dir) = fresh(bin).await;
    let (checked, waited) = race(&server.base, vec!["admin".to_string(); 200]).await;
    println!("200 concurrent wrong passwords, one login:   {checked} checked, {waited} told to wait");
    drop(server);
    let (server, _dir) = fresh(bin).await;
    let sprayed: Vec<String> = (0..200).map(|i| format!("sprayed.{i}")).collect();
    let (checked, waited) = race(&server.base, sprayed).await;
    println!("200 concurrent wrong passwords, 200 logins:  {checked} checked, {waited} told to wait");
    drop(server);
    let (server, _dir) = fresh(bin).await;
    let (calls, errors) = fuzz(&server.base).await;
    println!("fuzz run of every server function:           {calls} calls, {errors} answered 5xx");
    let (opened, held_s, health_s) = half_open(&server.base).await;
    println!(
        "{opened} half-open connections:                   all closed after {held_s:.1} s; /healthz answered after {health_s:.2} s"
    );
}
