//! Load script for the decision API (AuthZEN): single evaluations per second with as many
//! callers as it takes, their latency at fixed rates, decisions per second in batches of 100,
//! and the server's memory. `./dev decisions` runs it against the release binary on loopback;
//! every phase is bounded in requests and time.

use serde_json::{json, Value};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

const SUBJECTS: [&str; 6] = [
    "anna.nowak",
    "piotr.wisniewski",
    "jan.kowalski",
    "ewa.szymanska",
    "michal.zielinski",
    "magdalena.dabrowska",
];
const ACTIONS: [(&str, &str); 5] =
    [("view", "users"), ("edit", "users"), ("view", "sessions"), ("view", "persons"), ("print", "audit")];
const PHASE: Duration = Duration::from_secs(10);
const MAX_REQUESTS: usize = 400_000;

fn question(i: usize) -> Value {
    let (action, resource) = ACTIONS[i % ACTIONS.len()];
    json!({"subject": {"type": "user", "id": SUBJECTS[(i / ACTIONS.len()) % SUBJECTS.len()]},
           "action": {"name": action}, "resource": {"type": resource, "id": "1"}})
}

fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
}

struct Pdp {
    http: reqwest::Client,
    base: String,
    secret: String,
}

impl Pdp {
    async fn post(&self, path: &str, body: &Value) -> Value {
        let r =
            self.http.post(format!("{}{path}", self.base)).bearer_auth(&self.secret).json(body).send().await;
        match r {
            Ok(r) if r.status().is_success() => r.json().await.unwrap_or(Value::Null),
            Ok(r) => panic!("{path}: {}", r.status()),
            Err(e) => panic!("{path}: {e}"),
        }
    }
}

/// As many single evaluations as `workers` callers manage in `PHASE`.
async fn saturate(pdp: &Arc<Pdp>, workers: usize, batch: usize) -> (f64, Vec<Duration>) {
    let start = Instant::now();
    let mut tasks = Vec::new();
    for w in 0..workers {
        let pdp = pdp.clone();
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let mut i = w;
            while start.elapsed() < PHASE && latencies.len() * workers < MAX_REQUESTS {
                let t = Instant::now();
                if batch == 1 {
                    let answer = pdp.post("/access/v1/evaluation", &question(i)).await;
                    assert!(answer["decision"].is_boolean());
                } else {
                    let items: Vec<Value> = (0..batch).map(|k| question(i + k)).collect();
                    let answer = pdp.post("/access/v1/evaluations", &json!({ "evaluations": items })).await;
                    assert_eq!(answer["evaluations"].as_array().map(Vec::len), Some(batch));
                }
                latencies.push(t.elapsed());
                i += workers;
            }
            latencies
        }));
    }
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await.unwrap());
    }
    let per_second = (all.len() * batch) as f64 / start.elapsed().as_secs_f64();
    all.sort();
    (per_second, all)
}

/// Single evaluations sent at `rate` per second (open loop: a slow answer does not slow the
/// sending), their latencies.
async fn fixed_rate(pdp: &Arc<Pdp>, rate: u64) -> Vec<Duration> {
    let count = (rate * PHASE.as_secs()) as usize;
    let mut ticker = tokio::time::interval(Duration::from_nanos(1_000_000_000 / rate));
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Burst);
    let mut tasks = Vec::with_capacity(count);
    for i in 0..count.min(MAX_REQUESTS) {
        ticker.tick().await;
        let pdp = pdp.clone();
        tasks.push(tokio::spawn(async move {
            let t = Instant::now();
            pdp.post("/access/v1/evaluation", &question(i)).await;
            t.elapsed()
        }));
    }
    let mut all = Vec::new();
    for t in tasks {
        all.push(t.await.unwrap());
    }
    all.sort();
    all
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let bin = args.windows(2).find(|w| w[0] == "--bin").map(|w| w[1].clone()).expect("--bin <klucznik>");
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite:{}", dir.path().join("decisions.db").display());
    let demo = Command::new(&bin).args(["demo", "--database-url", &db, "--log", "warn"]).output().unwrap();
    let text = String::from_utf8_lossy(&demo.stdout).to_string();
    let secret = text
        .lines()
        .find_map(|l| l.split_once("secret shown only this once: ").map(|(_, s)| s.trim().to_string()))
        .expect("the demo's client secret");
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut child = Command::new(&bin)
        .args(["--database-url", &db, "--addr", &format!("127.0.0.1:{port}"), "--log", "warn"])
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let base = format!("http://127.0.0.1:{port}");
    let http = reqwest::Client::builder().pool_max_idle_per_host(256).build().unwrap();
    for _ in 0..200 {
        if http.get(format!("{base}/healthz")).send().await.is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let pdp = Arc::new(Pdp { http, base, secret });
    let rss_idle = rss_kib(child.id());
    println!("decision API load, {bin}, SQLite, loopback; each phase {} s", PHASE.as_secs());
    for workers in [1, 8, 32] {
        let (rate, lat) = saturate(&pdp, workers, 1).await;
        println!(
            "single evaluations, {workers:>2} callers: {rate:>8.0} decisions/s, p50 {:.2} ms, p99 {:.2} ms",
            percentile(&lat, 0.5),
            percentile(&lat, 0.99)
        );
    }
    for rate in [100, 2_000] {
        let lat = fixed_rate(&pdp, rate).await;
        println!(
            "single evaluations at {rate:>5} req/s: p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms ({} requests)",
            percentile(&lat, 0.5),
            percentile(&lat, 0.99),
            percentile(&lat, 1.0),
            lat.len()
        );
    }
    for workers in [1, 4, 16] {
        let (rate, lat) = saturate(&pdp, workers, 100).await;
        println!(
            "batches of 100, {workers:>2} callers: {rate:>8.0} decisions/s, p50 {:.2} ms, p99 {:.2} ms per batch",
            percentile(&lat, 0.5),
            percentile(&lat, 0.99)
        );
    }
    println!(
        "server memory: {} MiB idle, {} MiB after the load",
        rss_idle / 1024,
        rss_kib(child.id()) / 1024
    );
    let _ = child.kill();
    let _ = child.wait();
}
