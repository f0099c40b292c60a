//! The first start on an empty database: the main account, its root unit, the built-in roles
//! and the first administrator, who must change the password at the first sign-in.

use super::account::new_account;
use crate::actor::Actor;
use crate::audit::{self, Entry};
use crate::auth::password::Hasher;
use crate::error::AppError;
use crate::store::Store;
use domain::ids::AccountId;

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
    let account = new_account(&mut tx, None, MAIN_ACCOUNT_NAME, None).await?;
    let admin = crate::users::repo::insert_internal(
        &mut tx,
        account.scope,
        ADMIN_LOGIN,
        "Administrator",
        &hash,
        true,
    )
    .await?;
    crate::roles::repo::membership::add(&mut tx, account.administrators, admin).await?;
    let actor = Actor { account_id: Some(AccountId::new(account.id)), ..Default::default() };
    audit::record(&mut tx, &actor, Entry::new("bootstrap").object("user", admin).detail("first start"))
        .await?;
    tx.commit().await?;
    Ok(Some(Bootstrapped { generated_password: generated }))
}
