//! The real `klucznik` binary on a free loopback port, and a client for its server functions.

use super::{TestDb, ADMIN_PASSWORD};
use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub struct Server {
    pub base: String,
    child: Child,
    output: Arc<Mutex<Vec<String>>>,
    _site: tempfile::TempDir,
}

pub fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_klucznik")
}

impl Server {
    /// Starts the binary on `db` with the test administrator password and waits for /healthz.
    pub async fn start(db: &TestDb, args: &[&str]) -> Server {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let site = tempfile::tempdir().unwrap();
        let mut child = Command::new(binary())
            .args(["--database-url", &db.url, "--addr", &format!("127.0.0.1:{port}")])
            .args(["--site-root", site.path().to_str().unwrap(), "--log", "warn"])
            .args(args)
            .env("KLUCZNIK_ADMIN_PASSWORD", ADMIN_PASSWORD)
            .env_remove("DATABASE_URL")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start klucznik");
        let output = Arc::new(Mutex::new(Vec::new()));
        for stream in [
            child.stdout.take().map(|s| Box::new(s) as Box<dyn std::io::Read + Send>),
            child.stderr.take().map(|s| Box::new(s) as Box<dyn std::io::Read + Send>),
        ]
        .into_iter()
        .flatten()
        {
            let output = output.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stream).lines().map_while(Result::ok) {
                    output.lock().unwrap().push(line);
                }
            });
        }
        let server = Server { base: format!("http://127.0.0.1:{port}"), child, output, _site: site };
        server.wait_healthy().await;
        server
    }

    async fn wait_healthy(&self) {
        let deadline = Instant::now() + Duration::from_secs(60);
        let http = reqwest::Client::new();
        loop {
            if let Ok(r) = http.get(format!("{}/healthz", self.base)).send().await {
                if r.status().is_success() {
                    return;
                }
            }
            assert!(Instant::now() < deadline, "klucznik did not become healthy: {:?}", self.output());
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The server's process id (to look at what it holds open).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn output(&self) -> Vec<String> {
        self.output.lock().unwrap().clone()
    }

    /// A new browser-like client with its own cookie jar.
    pub fn client(&self) -> Api {
        Api::new(&self.base)
    }
}

impl Drop for Server {
    /// Stops the server; a test whose server panicked fails (issue 13: no panic in the log).
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let panics: Vec<String> = self.output().into_iter().filter(|l| l.contains("panicked at")).collect();
        if !panics.is_empty() && !std::thread::panicking() {
            panic!("the server panicked: {panics:?}");
        }
    }
}

/// Calls server functions the way the browser does (form-encoded POST), keeping cookies.
pub struct Api {
    pub base: String,
    pub http: reqwest::Client,
}

impl Api {
    pub fn new(base: &str) -> Api {
        let http = reqwest::Client::builder()
            .cookie_store(true)
            .user_agent("Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0.0.0 Safari/537.36")
            .build()
            .unwrap();
        Api { base: base.to_string(), http }
    }

    /// POSTs a server function; answers the status and the JSON body (or Null).
    pub async fn call(&self, path: &str, form: &[(&str, &str)]) -> (u16, Value) {
        let response = self
            .http
            .post(format!("{}{path}", self.base))
            .header("sec-fetch-site", "same-origin")
            .form(form)
            .send()
            .await
            .expect("request");
        let status = response.status().as_u16();
        let body = response.text().await.unwrap_or_default();
        (status, serde_json::from_str(&body).unwrap_or(Value::Null))
    }

    /// POSTs a server function that takes JSON.
    pub async fn json(&self, path: &str, body: &Value) -> (u16, Value) {
        let response = self
            .http
            .post(format!("{}{path}", self.base))
            .header("sec-fetch-site", "same-origin")
            .json(body)
            .send()
            .await
            .expect("request");
        let status = response.status().as_u16();
        let text = response.text().await.unwrap_or_default();
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }

    /// Signs in; when the user has several units, picks the preselected one as a person would.
    pub async fn login(&self, login: &str, password: &str) -> (u16, Value) {
        let answer = self.call("/api/auth/login", &[("login", login), ("password", password)]).await;
        match (&answer.0, answer.1["next"].is_null(), answer.1["default_unit"].as_i64()) {
            (200, true, Some(unit)) => self.login_to(login, password, unit).await,
            _ => answer,
        }
    }

    /// Signs in to a chosen unit.
    pub async fn login_to(&self, login: &str, password: &str, unit: i64) -> (u16, Value) {
        let unit = unit.to_string();
        self.call("/api/auth/login", &[("login", login), ("password", password), ("unit", unit.as_str())])
            .await
    }

    /// Signs in and fails the test unless it worked.
    pub async fn signed_in(self, login: &str, password: &str) -> Api {
        let (status, body) = self.login(login, password).await;
        assert_eq!(status, 200, "sign-in of {login}: {body}");
        assert!(body["already"].is_null(), "{login} is signed in elsewhere: {body}");
        self
    }

    pub async fn me(&self) -> (u16, Value) {
        self.call("/api/auth/me", &[]).await
    }

    /// Opens the event stream, optionally resuming after an event id.
    pub async fn events(&self, last_event_id: Option<i64>) -> reqwest::Response {
        let mut request = self.http.get(format!("{}/events", self.base));
        if let Some(id) = last_event_id {
            request = request.header("last-event-id", id.to_string());
        }
        request.send().await.expect("open /events")
    }
}
