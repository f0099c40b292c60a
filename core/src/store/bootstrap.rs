//! The first start on an empty database: the main account, its root unit, the built-in roles
//! and the first administrator, who must change the password at the first sign-in.

use super::Store;
use crate::actor::Actor;
use crate::audit::{self, Entry};
use crate::auth::password::Hasher;
use crate::auth::policy::login_key;
use crate::error::AppError;
use crate::store::Tx;

pub const ADMIN_LOGIN: &str = "admin";
pub const MAIN_ACCOUNT_NAME: &str = "Main account";

/// What the first start did.
pub struct Bootstrapped {
    /// The administrator's password when it was generated (to be printed once).
    pub generated_password: Option<String>,
}

/// A random password of 20 letters and digits.
pub fn random_password() -> String {
    use rand::distributions::{Alphanumeric, DistString};
    Alphanumeric.sample_string(&mut rand::thread_rng(), 20)
}

/// Bootstraps an empty database; `None` if it was bootstrapped before.
pub async fn bootstrap(
    store: &Store,
    hasher: &Hasher,
    admin_password: Option<String>,
) -> Result<Option<Bootstrapped>, AppError> {
    let done: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM installation").fetch_one(store.reader()).await?;
    if done > 0 {
        return Ok(None);
    }
    let generated = admin_password.is_none().then(random_password);
    let password = admin_password.or_else(|| generated.clone()).unwrap_or_default();
    let hash = hasher.hash(&password).await?;

    let mut tx = store.begin().await?;
    let now = tx.now();
    // Two instances starting at once: the second one stops here on the primary key.
    if let Err(e) = sqlx::query("INSERT INTO installation (id, rights_version, created_at) VALUES (1, 1, $1)")
        .bind(now)
        .execute(tx.conn())
        .await
    {
        tracing::info!("another instance bootstrapped the database first ({e})");
        return Ok(None);
    }
    let account = create_account(&mut tx, None, MAIN_ACCOUNT_NAME, None).await?;
    let admin = insert_user(&mut tx, account.id, ADMIN_LOGIN, "Administrator", &hash, true).await?;
    add_member(&mut tx, account.administrators, admin).await?;
    let actor = Actor { account_id: Some(account.id), ..Default::default() };
    audit::record(&mut tx, &actor, Entry::new("bootstrap").object("user", admin).detail("first start"))
        .await?;
    tx.commit().await?;
    Ok(Some(Bootstrapped { generated_password: generated }))
}

/// A new account with its root unit and its built-in roles.
pub struct NewAccount {
    pub id: i64,
    pub root_unit: i64,
    pub administrators: i64,
    pub everyone: i64,
}

pub async fn create_account(
    tx: &mut Tx,
    parent: Option<i64>,
    name: &str,
    external_id: Option<&str>,
) -> Result<NewAccount, AppError> {
    let now = tx.now();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO accounts (parent_id, name, name_key, external_id, created_at) VALUES ($1, $2, $3, $4, $5)
         RETURNING id",
    )
    .bind(parent)
    .bind(name)
    .bind(login_key(name))
    .bind(external_id)
    .bind(now)
    .fetch_one(tx.conn())
    .await?;
    let root_unit: i64 = sqlx::query_scalar(
        "INSERT INTO units (account_id, name, created_at) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(id)
    .bind(name)
    .bind(now)
    .fetch_one(tx.conn())
    .await?;
    let administrators =
        insert_role(tx, id, "Administrators", "Built-in: holds every right.", Some("administrators")).await?;
    // Administrators can always sign in to the account's top unit.
    sqlx::query("INSERT INTO role_units (role_id, unit_id) VALUES ($1, $2)")
        .bind(administrators)
        .bind(root_unit)
        .execute(tx.conn())
        .await?;
    let everyone =
        insert_role(tx, id, "Everyone", "Built-in: every user is a member.", Some("everyone")).await?;
    // A new user can sign in at once, to the top unit (issue 14: on a fresh installation nobody
    // but the administrator could); organisations that assign units take it away from Everyone.
    sqlx::query("INSERT INTO role_units (role_id, unit_id) VALUES ($1, $2)")
        .bind(everyone)
        .bind(root_unit)
        .execute(tx.conn())
        .await?;
    Ok(NewAccount { id, root_unit, administrators, everyone })
}

pub async fn insert_role(
    tx: &mut Tx,
    account: i64,
    name: &str,
    description: &str,
    builtin: Option<&str>,
) -> Result<i64, AppError> {
    let now = tx.now();
    Ok(sqlx::query_scalar(
        "INSERT INTO roles (account_id, name, name_key, description, builtin, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(account)
    .bind(name)
    .bind(login_key(name))
    .bind(description)
    .bind(builtin)
    .bind(now)
    .fetch_one(tx.conn())
    .await?)
}

pub async fn insert_user(
    tx: &mut Tx,
    account: i64,
    login: &str,
    full_name: &str,
    hash: &str,
    must_change: bool,
) -> Result<i64, AppError> {
    let now = tx.now();
    Ok(sqlx::query_scalar(
        "INSERT INTO users (account_id, kind, login, login_key, full_name, print_label, password_hash,
                            password_changed_at, must_change_password, search_key, created_at)
         VALUES ($1, 'internal', $2, $3, $4, $2, $5, $6, $7, $8, $6) RETURNING id",
    )
    .bind(account)
    .bind(login)
    .bind(login_key(login))
    .bind(full_name)
    .bind(hash)
    .bind(now)
    .bind(must_change)
    .bind(crate::list::search_key(&[login, full_name]))
    .fetch_one(tx.conn())
    .await?)
}

pub async fn add_member(tx: &mut Tx, role: i64, user: i64) -> Result<(), AppError> {
    sqlx::query("INSERT INTO role_members (role_id, user_id) VALUES ($1, $2)")
        .bind(role)
        .bind(user)
        .execute(tx.conn())
        .await?;
    Ok(())
}
