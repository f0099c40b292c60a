//! Storage: one code path for SQLite and PostgreSQL through sqlx's `Any` driver. SQL is written
//! once with `$1, $2…` placeholders, which both backends accept; times are BIGINT UTC
//! milliseconds; booleans are BOOLEAN on PostgreSQL and INTEGER 0/1 on SQLite (the `Any`
//! driver cannot read SQLite's BOOLEAN) and are read through `Flag`.
//! SQLite gets WAL, a busy timeout and a single writer connection, so concurrent writers queue
//! instead of failing.

pub mod bus;
mod clock;
mod periodic;
mod row;
mod tx;
pub mod url;

pub use clock::Clock;
pub use periodic::spawn_every;
pub use row::{non_null, Flag};
pub use tx::Tx;
pub use url::{Backend, DbUrl};

use crate::error::AppError;
use bus::Bus;
use sqlx::any::AnyPoolOptions;
use sqlx::{AnyPool, Executor};
use std::sync::Arc;
use std::time::Duration;

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/postgres");

/// The program's version, recorded in every session row.
pub const PROGRAM_VERSION: &str = env!("CARGO_PKG_VERSION");

#[derive(Clone)]
pub struct Store {
    inner: Arc<Inner>,
}

struct Inner {
    backend: Backend,
    url: DbUrl,
    read: AnyPool,
    /// On SQLite a pool of one connection: the single writer. On PostgreSQL the same as `read`.
    write: AnyPool,
    bus: Bus,
    clock: Clock,
    schema_version: i64,
}

impl Store {
    /// Connects, applies the migrations and starts the event bus. The error is one line that
    /// says what to fix. Outside the core the operator's handle opens it (`Operator::open`).
    pub(crate) async fn open(url: &DbUrl, clock: Clock) -> Result<Store, String> {
        sqlx::any::install_default_drivers();
        let (read, write) = match url.backend {
            Backend::Sqlite => {
                let write = sqlite_pool(url, 1).await?;
                let read = sqlite_pool(url, 8).await?;
                (read, write)
            }
            Backend::Postgres => {
                let pool = AnyPoolOptions::new()
                    .max_connections(16)
                    .acquire_timeout(Duration::from_secs(10))
                    .connect(url.as_str())
                    .await
                    .map_err(|e| {
                        format!(
                            "cannot connect to the database at {url}: {e}. Check --database-url \
                             (DATABASE_URL) and that PostgreSQL is running and reachable"
                        )
                    })?;
                (pool.clone(), pool)
            }
        };
        let migrator = match url.backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        migrator
            .run(&write)
            .await
            .map_err(|e| format!("cannot apply the database migrations to {url}: {e}"))?;
        let schema_version = migrator.iter().map(|m| m.version).max().unwrap_or_default();
        let bus =
            Bus::start(url, &write).await.map_err(|e| format!("cannot listen for events on {url}: {e}"))?;
        Ok(Store {
            inner: Arc::new(Inner {
                backend: url.backend,
                url: url.clone(),
                read,
                write,
                bus,
                clock,
                schema_version,
            }),
        })
    }

    pub fn backend(&self) -> Backend {
        self.inner.backend
    }

    pub fn url(&self) -> &DbUrl {
        &self.inner.url
    }

    /// Now, in UTC milliseconds, from the store's clock.
    pub fn now(&self) -> i64 {
        self.inner.clock.now()
    }

    pub fn clock(&self) -> &Clock {
        &self.inner.clock
    }

    pub fn bus(&self) -> &Bus {
        &self.inner.bus
    }

    /// The newest migration applied: the "DB version" of every session row.
    pub fn schema_version(&self) -> i64 {
        self.inner.schema_version
    }

    /// The pool for reads outside a transaction: the repositories' only (no caller outside the
    /// core reaches SQL, docs/ARCHITECTURE.md "Layers").
    pub(crate) fn reader(&self) -> &AnyPool {
        &self.inner.read
    }

    /// The read pool for tests that look at rows directly (feature `test-access`, which only
    /// the server crate's tests turn on).
    #[cfg(feature = "test-access")]
    pub fn reader_for_tests(&self) -> &AnyPool {
        &self.inner.read
    }

    /// Starts a write transaction. Audit records and events written through it commit with it.
    pub async fn begin(&self) -> Result<Tx, AppError> {
        Ok(Tx::new(self.inner.write.begin().await?, self.clone()))
    }

    /// A cheap round trip, for the health check.
    pub async fn ping(&self) -> Result<(), sqlx::Error> {
        self.inner.read.execute("SELECT 1").await.map(|_| ())
    }

    pub async fn close(&self) {
        self.inner.read.close().await;
        self.inner.write.close().await;
    }
}

async fn sqlite_pool(url: &DbUrl, connections: u32) -> Result<AnyPool, String> {
    AnyPoolOptions::new()
        .max_connections(connections)
        .min_connections(1)
        .test_before_acquire(false)
        .acquire_timeout(Duration::from_secs(30))
        .after_connect(|conn, _| {
            Box::pin(async move {
                for pragma in [
                    "PRAGMA journal_mode = WAL",
                    "PRAGMA synchronous = NORMAL",
                    "PRAGMA foreign_keys = ON",
                    "PRAGMA busy_timeout = 10000",
                ] {
                    conn.execute(pragma).await?;
                }
                Ok(())
            })
        })
        .connect(url.as_str())
        .await
        .map_err(|e| {
            let path = url.sqlite_path().unwrap_or_default();
            format!(
                "cannot open the SQLite database {path}: {e}. Check that its directory exists \
                 and is writable, or give another --database-url (DATABASE_URL)"
            )
        })
}

/// A write by id and version changed its one row, or someone changed or removed the record
/// first (docs/ARCHITECTURE.md "Storage").
pub fn expect_changed(rows: u64) -> Result<(), AppError> {
    if rows == 0 {
        Err(AppError::Stale)
    } else {
        Ok(())
    }
}

/// The version a form was loaded with is still the stored one.
pub fn expect_version(stored: i64, loaded: i64) -> Result<(), AppError> {
    if stored == loaded {
        Ok(())
    } else {
        Err(AppError::Stale)
    }
}

/// Where a read runs: on the read pool (from a `&Store`) or inside a write transaction (from a
/// `&mut Tx`, to see its own changes), so that one repository function serves both.
pub enum Reader<'a> {
    Pool(&'a Store),
    Tx(&'a mut Tx),
}

impl<'a> From<&'a Store> for Reader<'a> {
    fn from(store: &'a Store) -> Self {
        Reader::Pool(store)
    }
}

impl<'a> From<&'a mut Tx> for Reader<'a> {
    fn from(tx: &'a mut Tx) -> Self {
        Reader::Tx(tx)
    }
}

/// A connection a `Reader` lends: one from the pool, or the transaction's.
pub(crate) enum ReadConn<'a> {
    Pooled(sqlx::pool::PoolConnection<sqlx::Any>),
    Borrowed(&'a mut sqlx::AnyConnection),
}

impl<'a> Reader<'a> {
    pub(crate) async fn conn(self) -> Result<ReadConn<'a>, sqlx::Error> {
        Ok(match self {
            Reader::Pool(store) => ReadConn::Pooled(store.reader().acquire().await?),
            Reader::Tx(tx) => ReadConn::Borrowed(tx.conn()),
        })
    }
}

impl std::ops::Deref for ReadConn<'_> {
    type Target = sqlx::AnyConnection;
    fn deref(&self) -> &sqlx::AnyConnection {
        match self {
            ReadConn::Pooled(c) => c,
            ReadConn::Borrowed(c) => c,
        }
    }
}

impl std::ops::DerefMut for ReadConn<'_> {
    fn deref_mut(&mut self) -> &mut sqlx::AnyConnection {
        match self {
            ReadConn::Pooled(c) => c,
            ReadConn::Borrowed(c) => c,
        }
    }
}
