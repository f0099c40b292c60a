//! Load script for signing in (issue 17): bare argon2id verifications per second on these
//! cores, console and application sign-ins per second with 32 concurrent clients against the
//! release binary, and the p99 of other requests idle and during a login storm. `./dev
//! sign-ins` runs it on loopback; every phase is bounded in requests and time. `--watch PATH`
//! times another request than `/api/auth/me` (e.g. one that reads no database);
//! `--split-cores` gives the server and the bare figures half of the cores and the clients the
//! other half (`cores.rs`).

mod cores;

use klucznik_core::auth::password::Hasher;
use serde_json::{json, Value};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

const PHASE: Duration = Duration::from_secs(10);
const WORKERS: usize = 32;
const MAX_REQUESTS: usize = 20_000;
const PASSWORD: &str = "Demo-Klucznik-2026";
/// Demo users of the main account (several have more than one unit to choose from).
const USERS: [&str; 5] =
    ["anna.nowak", "piotr.wisniewski", "jan.kowalski", "ewa.szymanska", "michal.zielinski"];

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize].as_secs_f64() * 1000.0
}

/// Bare argon2id verifications per second with the server's parameters and concurrency.
async fn bare_argon2() -> f64 {
    let hasher = Hasher::new();
    let hash: Arc<str> = hasher.hash(PASSWORD).await.unwrap().into();
    let start = Instant::now();
    let tasks: Vec<_> = (0..WORKERS)
        .map(|_| {
            let (hasher, hash) = (hasher.clone(), hash.clone());
            tokio::spawn(async move {
                let mut n = 0usize;
                while start.elapsed() < PHASE && n * WORKERS < MAX_REQUESTS {
                    assert!(hasher.verify(PASSWORD, Some(&hash)).await.unwrap());
                    n += 1;
                }
                n
            })
        })
        .collect();
    let mut total = 0;
    for t in tasks {
        total += t.await.unwrap();
    }
    total as f64 / start.elapsed().as_secs_f64()
}

/// The same verifications through the `argon2` crate's own verifier, one thread per core,
/// which allocates its 19 MiB for every hash — as the server's hasher did until it kept its
/// memory between hashes (docs/MEASUREMENTS.md "Signing in"): the figure issue 17's target
/// was first stated against.
fn bare_reference(hash: &str, on: Option<&[usize]>) -> f64 {
    use argon2::password_hash::{PasswordHash, PasswordVerifier};
    let cores =
        on.map_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()), <[usize]>::len);
    let start = Instant::now();
    let total: usize = std::thread::scope(|s| {
        let threads: Vec<_> = (0..cores)
            .map(|_| {
                s.spawn(|| {
                    if let Some(on) = on {
                        cores::pin(on);
                    }
                    let parsed = PasswordHash::new(hash).unwrap();
                    let mut n = 0usize;
                    while start.elapsed() < PHASE && n * cores < MAX_REQUESTS {
                        assert!(argon2::Argon2::default()
                            .verify_password(PASSWORD.as_bytes(), &parsed)
                            .is_ok());
                        n += 1;
                    }
                    n
                })
            })
            .collect();
        threads.into_iter().map(|t| t.join().unwrap()).sum()
    });
    total as f64 / start.elapsed().as_secs_f64()
}

/// One console sign-in through the form's server function: the unit chosen (with the step
/// token the first answer gives), the other session ended; answers how many requests it took.
async fn console_sign_in(http: &reqwest::Client, base: &str, login: &str) -> usize {
    let post = |form: Vec<(&'static str, String)>| {
        http.post(format!("{base}/api/auth/login")).header("sec-fetch-site", "same-origin").form(&form).send()
    };
    let mut form =
        vec![("login", login.to_string()), ("password", PASSWORD.to_string()), ("replace", "1".into())];
    for step in 1..=3 {
        let r = post(form.clone()).await.expect("sign-in request");
        assert!(r.status().is_success(), "{login}: {}", r.status());
        let body: Value = r.json().await.unwrap_or(Value::Null);
        let Some(units) = body["units"].as_array().filter(|u| !u.is_empty()) else { return step };
        let unit = body["default_unit"].as_i64().unwrap_or_else(|| units[0][0].as_i64().unwrap());
        form.push(("unit", unit.to_string()));
        // The form sends the password again, as the page does; the step token stands for it.
        if let Some(token) = body["step"].as_str() {
            form.push(("step", token.to_string()));
        }
    }
    panic!("{login}: no session after three steps")
}

/// Sign-ins per second with `WORKERS` clients, and the requests they took.
async fn storm(base: &str, app_secret: Option<&str>) -> (f64, usize) {
    let start = Instant::now();
    let tasks: Vec<_> = (0..WORKERS)
        .map(|w| {
            let base = base.to_string();
            let secret = app_secret.map(str::to_string);
            tokio::spawn(async move {
                let http = reqwest::Client::new();
                let (mut done, mut requests) = (0usize, 0usize);
                while start.elapsed() < PHASE && done * WORKERS < MAX_REQUESTS {
                    let login = USERS[(w + done) % USERS.len()];
                    match &secret {
                        None => requests += console_sign_in(&http, &base, login).await,
                        Some(secret) => {
                            let body = json!({"login": login, "password": PASSWORD, "computer": format!("LOAD-{w}"),
                                              "session_name": "load", "close_other": true});
                            let r = http
                                .post(format!("{base}/integration/v1/sessions"))
                                .bearer_auth(secret)
                                .json(&body)
                                .send()
                                .await
                                .expect("sign-in request");
                            assert_eq!(r.status(), 201, "{login}");
                            requests += 1;
                        }
                    }
                    done += 1;
                }
                (done, requests)
            })
        })
        .collect();
    let (mut done, mut requests) = (0, 0);
    for t in tasks {
        let (d, r) = t.await.unwrap();
        done += d;
        requests += r;
    }
    (done as f64 / start.elapsed().as_secs_f64(), requests)
}

/// Latencies of a signed-in user's `/api/auth/me`, 100 per second for the phase (1,000
/// samples: the p99 is the tenth slowest, not one or two stalls of this shared machine; with
/// 500 the idle p99 alone ranged 1.2–5.0 ms between runs), from a client of its own: a thread with its own
/// runtime, as another user's browser would be. Sharing the storm's runtime charged the
/// watcher with waiting behind the script's own 32 clients, which is not the server's time.
fn others(base: &str, cookie: &str, path: &str) -> std::thread::JoinHandle<Vec<Duration>> {
    let (base, cookie, path) = (base.to_string(), cookie.to_string(), path.to_string());
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        runtime.block_on(watch(&base, &cookie, &path))
    })
}

/// `path` is `/api/auth/me` unless `--watch PATH` names another; a path outside `/api/` is a
/// GET (e.g. `/.well-known/authzen-configuration`, which reads no database: what is left of
/// the tail there is the cores' scheduling, not the server's queries).
/// How late a thread that only sleeps 1 ms at a time wakes, for the phase: the floor under
/// every request's latency on these cores, since a request wakes a thread a few times.
fn wake_ups() -> std::thread::JoinHandle<Vec<Duration>> {
    std::thread::spawn(|| {
        let (start, mut late) = (Instant::now(), Vec::new());
        while start.elapsed() < PHASE && late.len() < MAX_REQUESTS {
            let t = Instant::now();
            std::thread::sleep(Duration::from_millis(1));
            late.push(t.elapsed().saturating_sub(Duration::from_millis(1)));
        }
        late.sort();
        late
    })
}

async fn watch(base: &str, cookie: &str, path: &str) -> Vec<Duration> {
    let http = reqwest::Client::new();
    let mut ticker = tokio::time::interval(Duration::from_millis(10));
    let mut all = Vec::new();
    let start = Instant::now();
    while start.elapsed() < PHASE {
        ticker.tick().await;
        let t = Instant::now();
        let url = format!("{base}{path}");
        let request = if path.starts_with("/api/") { http.post(url) } else { http.get(url) };
        let r = request
            .header("cookie", cookie)
            .header("sec-fetch-site", "same-origin")
            .send()
            .await
            .expect("the watched request");
        assert!(r.status().is_success());
        all.push(t.elapsed());
    }
    all.sort();
    all
}

/// The storm's clients share the server's cores; with `--clients-at-nice-19` their runtime's
/// threads run at nice 19, standing for other machines (docs/MEASUREMENTS.md "Signing in":
/// the storm's p99 is the same either way, and nice-10 hashing then starves the clients).
fn main() {
    let normal = !std::env::args().any(|a| a == "--clients-at-nice-19");
    let split = std::env::args().any(|a| a == "--split-cores").then(cores::split).flatten();
    if let Some(split) = &split {
        // The hashing threads of the bare figure start now, on the server's cores.
        cores::pin(&split.server);
        let warm = tokio::runtime::Builder::new_current_thread().build().expect("a runtime");
        warm.block_on(Hasher::new().hash(PASSWORD)).expect("a hash");
        cores::pin(&split.clients);
    }
    let mut builder = tokio::runtime::Builder::new_multi_thread();
    builder.enable_all();
    if !normal {
        // SAFETY: setpriority only reads its integer arguments; who = 0 is the calling thread.
        builder.on_thread_start(|| unsafe {
            libc::setpriority(libc::PRIO_PROCESS, 0, 19);
        });
    }
    builder.build().expect("the load script's runtime").block_on(run(normal, split));
}

async fn run(normal: bool, split: Option<cores::Split>) {
    let args: Vec<String> = std::env::args().collect();
    let bin = args.windows(2).find(|w| w[0] == "--bin").map(|w| w[1].clone()).expect("--bin <klucznik>");
    let watched = args.windows(2).find(|w| w[0] == "--watch").map_or("/api/auth/me", |w| w[1].as_str());
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite:{}", dir.path().join("signins.db").display());
    let demo = Command::new(&bin).args(["demo", "--database-url", &db, "--log", "warn"]).output().unwrap();
    assert!(demo.status.success());
    let made = Command::new(&bin)
        .args(["--database-url", &db, "--log", "warn", "client", "create", "--name", "Load"])
        .output()
        .unwrap();
    let secret = String::from_utf8_lossy(&made.stdout).trim().rsplit(": ").next().unwrap().to_string();
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut server = Command::new(&bin);
    server.args(["--database-url", &db, "--addr", &format!("127.0.0.1:{port}"), "--log", "warn"]);
    if let Some(split) = &split {
        cores::pinned(&mut server, split.server.clone());
    }
    let mut child = server.stdout(Stdio::null()).spawn().unwrap();
    let base = format!("http://127.0.0.1:{port}");
    let http = reqwest::Client::new();
    for _ in 0..200 {
        if http.get(format!("{base}/healthz")).send().await.is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let clients = if normal { "normal priority" } else { "nice 19" };
    let place = match &split {
        Some(s) => format!("server on cores {:?}, clients on cores {:?}", s.server, s.clients),
        None => "server and clients sharing the cores".to_string(),
    };
    println!(
        "sign-in load, {bin}, SQLite, loopback, {WORKERS} clients at {clients}, {place}; each phase {} s",
        PHASE.as_secs()
    );
    // This machine's argon2 figure drifts between minutes: each storm is compared with the mean
    // of bare runs just before and just after it.
    let before = bare_argon2().await;
    println!("bare argon2id verifications: {before:.1}/s");
    let hash = Hasher::new().hash(PASSWORD).await.unwrap();
    let reference = bare_reference(&hash, split.as_ref().map(|s| s.server.as_slice()));
    println!("bare argon2id, the argon2 crate's verifier (allocating per hash): {reference:.1}/s");
    // A watcher who stays signed in (the auditor may hold several sessions).
    let r = http
        .post(format!("{base}/api/auth/login"))
        .header("sec-fetch-site", "same-origin")
        .form(&[("login", "magdalena.dabrowska"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    let cookie = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("klucznik_session="))
        .map(|c| c.split(';').next().unwrap().to_string())
        .expect("the watcher's session");
    let floor = wake_ups();
    let idle = others(&base, &cookie, watched).join().unwrap();
    let floor = floor.join().unwrap();
    println!(
        "other requests idle: p50 {:.2} ms, p99 {:.2} ms",
        percentile(&idle, 0.5),
        percentile(&idle, 0.99)
    );
    // Throughput alone (the watcher's requests would be charged to the sign-ins), then the
    // watcher's latency during a second storm.
    let (rate, requests) = storm(&base, None).await;
    let between = bare_argon2().await;
    println!("bare argon2id verifications: {between:.1}/s");
    println!(
        "console sign-ins: {rate:.1}/s ({:.0} % of bare argon2, {:.0} % of the crate's verifier), {:.2} requests each",
        rate / ((before + between) / 2.0) * 100.0,
        rate / reference * 100.0,
        requests as f64 / (rate * PHASE.as_secs_f64()).max(1.0)
    );
    let (watcher, storm_floor) = (others(&base, &cookie, watched), wake_ups());
    storm(&base, None).await;
    let watch = watcher.join().unwrap();
    let storm_floor = storm_floor.join().unwrap();
    println!(
        "other requests during a console storm: p50 {:.2} ms, p99 {:.2} ms ({:.1}× idle)",
        percentile(&watch, 0.5),
        percentile(&watch, 0.99),
        percentile(&watch, 0.99) / percentile(&idle, 0.99).max(0.001)
    );
    println!(
        "a sleeping thread's wake-up delay: p99 {:.2} ms idle, {:.2} ms during the storm",
        percentile(&floor, 0.99),
        percentile(&storm_floor, 0.99)
    );
    let between = bare_argon2().await;
    println!("bare argon2id verifications: {between:.1}/s");
    let (rate, _) = storm(&base, Some(&secret)).await;
    let after = bare_argon2().await;
    println!("bare argon2id verifications: {after:.1}/s");
    println!(
        "application sign-ins: {rate:.1}/s ({:.0} % of bare argon2, {:.0} % of the crate's verifier)",
        rate / ((between + after) / 2.0) * 100.0,
        rate / reference * 100.0
    );
    let _ = child.kill();
    let _ = child.wait();
}
