//! Application clients' storage: made, listed, their secret replaced or revoked; and the
//! bearer check of the decision API (docs/INTEGRATION.md).

use super::{ClientRow, NewSecret};
use crate::auth::token::{hash_token, new_token};
use crate::error::AppError;
use crate::guard::CoreState;
use crate::guard::Scope;
use crate::store::{expect_changed, Store, Tx};
use crate::time::format_ms;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How often at most "last used" is written (a busy client asks thousands of times a second).
const TOUCH_EVERY_MS: i64 = 60_000;

/// An authenticated client: which one, and the main account it belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Caller {
    pub id: i64,
    pub account_id: i64,
    pub application: String,
    pub name: String,
}

/// A client as the list shows it.
#[derive(sqlx::FromRow)]
struct ClientRecord {
    id: i64,
    application: String,
    name: String,
    client_id: String,
    created_at: i64,
    last_used_at: Option<i64>,
    revoked_at: Option<i64>,
}

/// A live client found by its secret.
#[derive(sqlx::FromRow)]
struct CallerRecord {
    id: i64,
    account_id: i64,
    application: String,
    name: String,
    last_used_at: Option<i64>,
}

fn new_client_id() -> String {
    let bytes: [u8; 9] = rand::random();
    format!("kc_{}", bytes.iter().map(|b| format!("{b:02x}")).collect::<String>())
}

/// The installation's first main account (where the command line adds clients by default).
pub async fn first_main_account(store: &Store) -> Result<Option<i64>, AppError> {
    let id =
        sqlx::query_scalar("SELECT MIN(id) FROM accounts WHERE parent_id IS NULL AND deleted_at IS NULL")
            .fetch_one(store.reader())
            .await?;
    Ok(id)
}

/// A new client of `application` in main account `account`; its secret is in the answer only.
pub async fn create(
    tx: &mut Tx,
    account: Scope,
    application: &str,
    name: &str,
) -> Result<NewSecret, AppError> {
    let main: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM accounts WHERE id = $1 AND parent_id IS NULL AND deleted_at IS NULL",
    )
    .bind(account)
    .fetch_optional(tx.conn())
    .await?;
    if main.is_none() {
        return Err(AppError::NotFound);
    }
    // A client asks about one application's catalogue: the built-in one or a registered one.
    if application != super::BUILT_IN_APPLICATION {
        let known: Option<i64> =
            sqlx::query_scalar("SELECT id FROM applications WHERE account_id = $1 AND app_key = $2")
                .bind(account)
                .bind(application)
                .fetch_optional(tx.conn())
                .await?;
        if known.is_none() {
            let problem = crate::error::Message::new(crate::i18n::CommonT::FieldUnknown);
            return Err(AppError::invalid("application", domain::applications::AppT::Application, problem));
        }
    }
    let client_id = new_client_id();
    let secret = new_token();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO app_clients (account_id, application, name, client_id, secret_hash, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(account)
    .bind(application)
    .bind(name.trim())
    .bind(&client_id)
    .bind(hash_token(&secret))
    .bind(tx.now())
    .fetch_one(tx.conn())
    .await?;
    Ok(NewSecret { id, client_id, secret })
}

/// A new secret for a live client of the account; the old one stops working once the service
/// has committed and called `forget_all`.
pub async fn rotate(tx: &mut Tx, account: Scope, id: i64) -> Result<NewSecret, AppError> {
    let secret = new_token();
    let client_id: Option<String> = sqlx::query_scalar(
        "UPDATE app_clients SET secret_hash = $1, version = version + 1
         WHERE id = $2 AND account_id = $3 AND revoked_at IS NULL RETURNING client_id",
    )
    .bind(hash_token(&secret))
    .bind(id)
    .bind(account)
    .fetch_optional(tx.conn())
    .await?;
    let client_id = client_id.ok_or(AppError::NotFound)?;
    Ok(NewSecret { id, client_id, secret })
}

/// Revokes a client of the account: its secret is refused once the service has committed and
/// called `forget_all`.
pub async fn revoke(tx: &mut Tx, account: Scope, id: i64) -> Result<(), AppError> {
    let done = sqlx::query(
        "UPDATE app_clients SET revoked_at = $1, version = version + 1
         WHERE id = $2 AND account_id = $3 AND revoked_at IS NULL",
    )
    .bind(tx.now())
    .bind(id)
    .bind(account)
    .execute(tx.conn())
    .await?;
    expect_changed(done.rows_affected()).map_err(|_| AppError::NotFound)?;
    Ok(())
}

/// The account's clients, newest first, their times in `zone` and `lang`.
pub async fn list(
    store: &Store,
    account: Scope,
    zone: &str,
    lang: crate::i18n::Lang,
) -> Result<Vec<ClientRow>, AppError> {
    let rows: Vec<ClientRecord> = sqlx::query_as(
        "SELECT id, application, name, client_id, created_at, last_used_at, revoked_at
         FROM app_clients WHERE account_id = $1 ORDER BY id DESC",
    )
    .bind(account)
    .fetch_all(store.reader())
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| ClientRow {
            id: r.id,
            application: r.application,
            name: r.name,
            client_id: r.client_id,
            created_at: r.created_at,
            last_used_at: r.last_used_at,
            revoked_at: r.revoked_at,
            created_text: format_ms(r.created_at, zone, lang),
            last_used_text: r.last_used_at.map(|ms| format_ms(ms, zone, lang)),
        })
        .collect())
}

/// How long an authenticated secret is believed without asking the database: a busy client
/// would otherwise pay a query per decision. A new secret or a revocation on this instance
/// forgets every one at once; other instances believe a revoked secret at most this long.
const BELIEVED_FOR: Duration = Duration::from_secs(5);

/// Secrets (by hash) authenticated lately, with when and under which generation.
type Believed = HashMap<String, (Caller, Instant, u64)>;
static BELIEVED: Mutex<Option<Believed>> = Mutex::new(None);
/// Bumped by every new secret and revocation of this process.
static GENERATION: AtomicU64 = AtomicU64::new(0);

pub fn forget_all() {
    GENERATION.fetch_add(1, Ordering::SeqCst);
}

fn believed(hash: &str) -> Option<Caller> {
    let map = BELIEVED.lock().unwrap_or_else(|e| e.into_inner());
    let (caller, at, generation) = map.as_ref()?.get(hash)?;
    (at.elapsed() < BELIEVED_FOR && *generation == GENERATION.load(Ordering::SeqCst)).then(|| caller.clone())
}

fn believe(hash: String, caller: &Caller, generation: u64) {
    let mut map = BELIEVED.lock().unwrap_or_else(|e| e.into_inner());
    let map = map.get_or_insert_with(HashMap::new);
    if map.len() >= 10_000 {
        map.clear();
    }
    map.insert(hash, (caller.clone(), Instant::now(), generation));
}

/// The live client whose secret `bearer` is, in an active main account; `None` for anything
/// else (unknown, revoked, empty), which the API answers with 401 and nothing more.
pub async fn authenticate(state: &CoreState, bearer: &str) -> Result<Option<Caller>, AppError> {
    let store = state.store();
    if bearer.is_empty() || bearer.len() > 200 {
        return Ok(None);
    }
    let hash = hash_token(bearer);
    if let Some(caller) = believed(&hash) {
        return Ok(Some(caller));
    }
    let generation = GENERATION.load(Ordering::SeqCst);
    let row: Option<CallerRecord> = sqlx::query_as(
        "SELECT c.id, c.account_id, c.application, c.name, c.last_used_at FROM app_clients c
         JOIN accounts a ON a.id = c.account_id
         WHERE c.secret_hash = $1 AND c.revoked_at IS NULL AND a.active = TRUE AND a.deleted_at IS NULL",
    )
    .bind(&hash)
    .fetch_optional(store.reader())
    .await?;
    let Some(r) = row else { return Ok(None) };
    let caller = Caller { id: r.id, account_id: r.account_id, application: r.application, name: r.name };
    let last = r.last_used_at;
    let now = store.now();
    if last.is_none_or(|l| now - l >= TOUCH_EVERY_MS) {
        let mut tx = store.begin().await?;
        sqlx::query("UPDATE app_clients SET last_used_at = $1 WHERE id = $2")
            .bind(now)
            .bind(caller.id)
            .execute(tx.conn())
            .await?;
        tx.commit().await?;
    }
    believe(hash, &caller, generation);
    Ok(Some(caller))
}

/// Whether a client is still live (its stream ends when it is revoked).
pub async fn still_live(state: &CoreState, id: i64) -> Result<bool, AppError> {
    let live: Option<i64> =
        sqlx::query_scalar("SELECT id FROM app_clients WHERE id = $1 AND revoked_at IS NULL")
            .bind(id)
            .fetch_optional(state.store().reader())
            .await?;
    Ok(live.is_some())
}

/// The ids of main account `main` and its sub-accounts.
pub async fn family(store: &Store, main: Scope) -> Result<Vec<i64>, AppError> {
    Ok(sqlx::query_scalar("SELECT id FROM accounts WHERE id = $1 OR parent_id = $1")
        .bind(main)
        .fetch_all(store.reader())
        .await?)
}
