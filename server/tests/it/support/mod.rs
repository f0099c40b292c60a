//! What the integration tests share: a database of either backend, the real server binary,
//! an HTTP client that speaks to server functions, and the in-process router.

pub mod pg;
mod process;
pub mod router;
pub mod smtp;

pub use process::{binary, Api, Server};
pub use router::InProcess;

use tempfile::TempDir;

/// The first administrator's password in every test database.
pub const ADMIN_PASSWORD: &str = "Admin-Test-Password-1";
/// The password of the demo users.
pub const DEMO_PASSWORD: &str = "Demo-Klucznik-2026";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// An empty database of one backend, removed (SQLite) or abandoned to the throwaway
/// cluster (PostgreSQL) when the test ends.
pub struct TestDb {
    pub backend: Backend,
    pub url: String,
    _dir: Option<TempDir>,
}

impl TestDb {
    pub async fn new(backend: Backend) -> TestDb {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().unwrap();
                let url = format!("sqlite:{}", dir.path().join("klucznik.db").display());
                TestDb { backend, url, _dir: Some(dir) }
            }
            Backend::Postgres => TestDb { backend, url: pg::database().await, _dir: None },
        }
    }
}

impl TestDb {
    /// A pool on the test database, for setting up and checking what the server wrote.
    pub async fn pool(&self) -> sqlx::AnyPool {
        sqlx::any::install_default_drivers();
        let url = klucznik_core::store::DbUrl::parse(&self.url).unwrap();
        sqlx::AnyPool::connect(url.as_str()).await.unwrap()
    }

    /// One number from a query, e.g. a count.
    pub async fn number(&self, sql: &str) -> i64 {
        use sqlx::Row;
        let pool = self.pool().await;
        let row = sqlx::query(sql).fetch_one(&pool).await.unwrap();
        let n = row.try_get::<i64, _>(0).unwrap();
        pool.close().await;
        n
    }

    /// Runs a statement (test setup).
    pub async fn execute(&self, sql: &str) {
        let pool = self.pool().await;
        sqlx::query(sql).execute(&pool).await.unwrap();
        pool.close().await;
    }
}

/// Runs `async fn name(db: TestDb)` once on SQLite and once on PostgreSQL.
#[macro_export]
macro_rules! both {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            use $crate::support::{Backend, TestDb};

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$name(TestDb::new(Backend::Sqlite).await).await
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                super::$name(TestDb::new(Backend::Postgres).await).await
            }
        }
    )*};
}

/// Reads a `text/event-stream` until an event's data satisfies `wanted`, or gives up after
/// `seconds`. Returns every data line seen.
pub async fn read_events(
    response: reqwest::Response,
    seconds: u64,
    wanted: impl Fn(&serde_json::Value) -> bool,
) -> (bool, Vec<serde_json::Value>) {
    let mut response = response;
    let mut buffer = String::new();
    let mut seen = Vec::new();
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(seconds);
    loop {
        let chunk = match tokio::time::timeout_at(deadline, response.chunk()).await {
            Ok(Ok(Some(chunk))) => chunk,
            _ => return (false, seen),
        };
        buffer.push_str(&String::from_utf8_lossy(&chunk));
        while let Some(end) = buffer.find("\n\n") {
            let block: String = buffer.drain(..end + 2).collect();
            for line in block.lines() {
                if let Some(data) = line.strip_prefix("data:") {
                    if let Ok(value) = serde_json::from_str::<serde_json::Value>(data.trim()) {
                        let hit = wanted(&value);
                        seen.push(value);
                        if hit {
                            return (true, seen);
                        }
                    }
                }
            }
        }
    }
}
