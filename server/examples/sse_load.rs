//! Load script for the live stream: how many `/events` connections one server holds, its memory
//! per connection, and how long an ended session waits for its notice while many listen.
//!
//! `./dev load` runs it against the release binary; everything stays on loopback, counts and
//! times are bounded. Sessions are written straight into a fresh SQLite file (signing in 10,000
//! times would measure argon2, not the stream); each connection is a real HTTP connection.

use futures::StreamExt;
use klucznik_core::auth::token::hash_token;
use std::collections::HashMap;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tokio::sync::mpsc;

const DEMO_PASSWORD: &str = "Demo-Klucznik-2026";
const MAX_CONNECTIONS: usize = 12_000;
const DEADLINE: Duration = Duration::from_secs(600);

struct Options {
    bin: String,
    sizes: Vec<usize>,
    listeners: usize,
    ends: usize,
}

fn options() -> Options {
    let mut o = Options { bin: String::new(), sizes: vec![1_000, 10_000], listeners: 1_000, ends: 200 };
    let args: Vec<String> = std::env::args().skip(1).collect();
    for pair in args.chunks(2) {
        let value = pair.get(1).cloned().unwrap_or_default();
        match pair[0].as_str() {
            "--bin" => o.bin = value,
            "--sizes" => o.sizes = value.split(',').filter_map(|v| v.parse().ok()).collect(),
            "--listeners" => o.listeners = value.parse().unwrap_or(o.listeners),
            "--ends" => o.ends = value.parse().unwrap_or(o.ends),
            other => panic!("unknown option {other}"),
        }
    }
    assert!(!o.bin.is_empty(), "--bin <path to klucznik> is required");
    o.sizes.retain(|n| *n <= MAX_CONNECTIONS);
    o.listeners = o.listeners.min(MAX_CONNECTIONS);
    o
}

fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

struct Server {
    child: Child,
    base: String,
    db: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn start(bin: &str, dir: &std::path::Path) -> Server {
    let port = free_port();
    let db = dir.join("load.db").display().to_string();
    let child = Command::new(bin)
        .args(["--demo", "--database-url", &format!("sqlite:{db}"), "--addr", &format!("127.0.0.1:{port}")])
        .args(["--log", "warn"])
        .env("KLUCZNIK_ADMIN_PASSWORD", "Load-Admin-Password-1")
        .stdout(Stdio::null())
        .spawn()
        .expect("start klucznik");
    // Owned at once, so that the process is killed and reaped on every path.
    let server = Server { child, base: format!("http://127.0.0.1:{port}"), db };
    let http = reqwest::Client::new();
    for _ in 0..300 {
        if http.get(format!("{}/healthz", server.base)).send().await.is_ok_and(|r| r.status().is_success()) {
            return server;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("klucznik did not come up");
}

/// Writes `n` open sessions of a user who may hold many; returns (id, token) of each.
async fn sessions(db: &str, n: usize) -> Vec<(i64, String)> {
    use sqlx::{Connection, Row};
    let mut conn = sqlx::SqliteConnection::connect(&format!("sqlite:{db}")).await.unwrap();
    let user = sqlx::query("SELECT id, account_id FROM users WHERE login = 'michal.zielinski'")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    let (user, account): (i64, i64) = (user.get("id"), user.get("account_id"));
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as i64;
    let mut out = Vec::with_capacity(n);
    let mut tx = conn.begin().await.unwrap();
    for i in 0..n {
        let token = format!("load-token-{i}-{now}");
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO sessions (token_hash, user_id, home_account_id, current_account_id, client_addr,
                 user_agent, computer, service, session_name, db_version, program_version, created_at, last_activity_at)
             VALUES (?, ?, ?, ?, '127.0.0.1', 'load', 'load', 'web', 'load', '4', 'load', ?, ?) RETURNING id",
        )
        .bind(hash_token(&token))
        .bind(user)
        .bind(account)
        .bind(account)
        .bind(now)
        .bind(now)
        .fetch_one(&mut *tx)
        .await
        .unwrap();
        out.push((id, token));
    }
    tx.commit().await.unwrap();
    out
}

/// Opens one stream per session; each reports (its session id, when) on seeing its own close.
async fn listen(
    base: &str,
    sessions: &[(i64, String)],
    closed: mpsc::UnboundedSender<(i64, Instant)>,
) -> usize {
    let http = reqwest::Client::builder().pool_max_idle_per_host(0).build().unwrap();
    let opened = futures::stream::iter(sessions.iter().cloned())
        .map(|(id, token)| {
            let (http, closed) = (http.clone(), closed.clone());
            let url = format!("{base}/events");
            async move {
                let response =
                    http.get(url).header("cookie", format!("klucznik_session={token}")).send().await.ok()?;
                if !response.status().is_success() {
                    return None;
                }
                tokio::spawn(async move {
                    let mut body = response.bytes_stream();
                    let needle = format!("\"session_id\":{id},");
                    while let Some(Ok(chunk)) = body.next().await {
                        let text = String::from_utf8_lossy(&chunk);
                        if text.contains("SessionClosed") && text.contains(&needle) {
                            let _ = closed.send((id, Instant::now()));
                            return;
                        }
                    }
                });
                Some(())
            }
        })
        .buffer_unordered(256)
        .filter_map(|r| async move { r })
        .count()
        .await;
    opened
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

#[tokio::main]
async fn main() {
    let o = options();
    let started = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    for &n in &o.sizes {
        let server = start(&o.bin, dir.path()).await;
        let pid = server.child.id();
        let list = sessions(&server.db, n).await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let before = rss_kib(pid);
        let (tx, _rx) = mpsc::unbounded_channel();
        let t = Instant::now();
        let opened = listen(&server.base, &list, tx).await;
        tokio::time::sleep(Duration::from_secs(2)).await;
        let after = rss_kib(pid);
        println!(
            "{n:>6} streams requested, {opened} held open in {:.1} s; server RSS {:.1} MiB → {:.1} MiB, {:.1} KiB per connection",
            t.elapsed().as_secs_f64(),
            before as f64 / 1024.0,
            after as f64 / 1024.0,
            (after.saturating_sub(before)) as f64 / opened.max(1) as f64
        );
        drop(server);
        let _ = std::fs::remove_file(dir.path().join("load.db"));
        assert!(started.elapsed() < DEADLINE, "over the time limit");
    }

    // Latency: `listeners` streams open; end sessions one by one through the API and time each
    // until its own stream has the notice.
    let server = start(&o.bin, dir.path()).await;
    let list = sessions(&server.db, o.listeners).await;
    let (tx, mut rx) = mpsc::unbounded_channel();
    let opened = listen(&server.base, &list, tx).await;
    let admin = reqwest::Client::builder().cookie_store(true).build().unwrap();
    let login = admin
        .post(format!("{}/api/auth/login", server.base))
        .header("sec-fetch-site", "same-origin")
        .form(&[("login", "magdalena.dabrowska"), ("password", DEMO_PASSWORD)])
        .send()
        .await
        .unwrap();
    assert!(login.status().is_success(), "admin sign-in");
    let mut waits = Vec::new();
    let mut early: HashMap<i64, Instant> = HashMap::new();
    for (id, _) in list.iter().take(o.ends.min(opened)) {
        let sent = Instant::now();
        let answer = admin
            .post(format!("{}/api/sessions/end", server.base))
            .header("sec-fetch-site", "same-origin")
            .json(&serde_json::json!({"ids": [id], "note": ""}))
            .send()
            .await
            .unwrap();
        assert!(answer.status().is_success(), "end {id}: {}", answer.status());
        let at = loop {
            if let Some(at) = early.remove(id) {
                break at;
            }
            match tokio::time::timeout(Duration::from_secs(10), rx.recv()).await {
                Ok(Some((got, at))) if got == *id => break at,
                Ok(Some((got, at))) => {
                    early.insert(got, at);
                }
                _ => panic!("no notice for session {id}"),
            }
        };
        waits.push(at.duration_since(sent).as_secs_f64() * 1000.0);
        assert!(started.elapsed() < DEADLINE, "over the time limit");
    }
    waits.sort_by(f64::total_cmp);
    println!(
        "end → notice with {opened} listeners, {} ends: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        waits.len(),
        percentile(&waits, 0.5),
        percentile(&waits, 0.99),
        waits.last().copied().unwrap_or_default()
    );

    // The sessions list with 100k sessions in the table: first and last page, two orders.
    sessions(&server.db, 100_000 - o.listeners).await;
    for (sort, page) in [("Created", 0), ("Created", 3_999), ("User", 0), ("LastActivity", 2_000)] {
        let mut times = Vec::new();
        for _ in 0..5 {
            let t = Instant::now();
            let query = serde_json::json!({"query": {"state": "All", "search": "", "from": "", "to": "",
                "sort": sort, "descending": true, "page": page}});
            let answer = admin
                .post(format!("{}/api/sessions/list", server.base))
                .header("sec-fetch-site", "same-origin")
                .json(&query)
                .send()
                .await
                .unwrap();
            assert!(answer.status().is_success());
            let _ = answer.bytes().await;
            times.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(f64::total_cmp);
        println!(
            "sessions list, 100k rows, sorted by {sort}, page {page}: median {:.1} ms",
            percentile(&times, 0.5)
        );
    }
}
