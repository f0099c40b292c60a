//! Who may work in which sub-account: the administrators of the main account, the access given
//! user by user, switching a session between accounts, and sending visitors home when access
//! ends.

use crate::accounts::{AccessChoice, AccountT, SwitchTarget, UserAccess};
use crate::error::{AppError, Message};
use crate::events::EventKind;
use crate::guard::Scope;
use crate::store::{Flag, Store, Tx};
use domain::ids::{AccountId, SessionId, UserId};
use sqlx::AnyConnection;
use std::collections::HashMap;

/// A sub-account and whether the user was given it (`granted` > 0).
#[derive(sqlx::FromRow)]
struct AccessRecord {
    pub id: i64,
    pub name: String,
    pub external_id: String,
    #[sqlx(try_from = "Flag")]
    pub active: bool,
    pub granted: i64,
}

/// Whether `user` is a member of the built-in Administrators of `account`.
async fn is_administrator(conn: &mut AnyConnection, user: i64, account: Scope) -> Result<bool, AppError> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT m.user_id FROM role_members m JOIN roles r ON r.id = m.role_id
         WHERE m.user_id = $1 AND r.account_id = $2 AND r.builtin = 'administrators'",
    )
    .bind(user)
    .bind(account)
    .fetch_optional(conn)
    .await?;
    Ok(found.is_some())
}

/// Whether `caller` may change sub-account `id` of `main`: an administrator of the main
/// account may change any; anyone else only one they were given access to, active or not
/// (rule 6: nobody deactivates, renames or deletes an account they cannot enter).
pub async fn may_change(tx: &mut Tx, caller: i64, main: Scope, id: i64) -> Result<(), AppError> {
    let conn = tx.conn();
    if is_administrator(&mut *conn, caller, main).await? {
        return Ok(());
    }
    let granted: Option<i64> =
        sqlx::query_scalar("SELECT account_id FROM account_access WHERE user_id = $1 AND account_id = $2")
            .bind(caller)
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    granted.map(|_| ()).ok_or_else(|| AppError::refused(super::AccountT::NotHeldByYou))
}

/// The accounts `user` (whose home is `home`) may work in: the home account, and when it is a
/// main account, the live, active sub-accounts they were given (administrators: all of them).
pub async fn targets(tx: &mut Tx, user: i64, home: Scope) -> Result<Vec<SwitchTarget>, AppError> {
    targets_on(tx.conn(), user, home).await
}

/// Whether the user may switch between accounts: more than one account to work in.
pub async fn may_switch(store: &Store, user: i64, home: Scope) -> Result<bool, AppError> {
    let mut conn = store.reader().acquire().await?;
    Ok(targets_on(&mut conn, user, home).await?.len() > 1)
}

async fn targets_on(conn: &mut AnyConnection, user: i64, home: Scope) -> Result<Vec<SwitchTarget>, AppError> {
    let rows: Vec<(i64, String, Option<String>, Option<i64>)> = sqlx::query_as(
        "SELECT a.id, a.name, a.external_id, a.parent_id FROM accounts a
         WHERE a.id = $1
            OR (a.parent_id = $1 AND a.deleted_at IS NULL AND a.active = TRUE
                AND NOT EXISTS (SELECT 1 FROM accounts h WHERE h.id = $1 AND h.parent_id IS NOT NULL)
                AND (EXISTS (SELECT 1 FROM account_access x WHERE x.account_id = a.id AND x.user_id = $2)
                     OR EXISTS (SELECT 1 FROM role_members m JOIN roles r ON r.id = m.role_id
                                WHERE m.user_id = $2 AND r.account_id = $1 AND r.builtin = 'administrators')))
         ORDER BY CASE WHEN a.id = $1 THEN 0 ELSE 1 END, a.name_key",
    )
    .bind(home)
    .bind(user)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, external_id, parent)| SwitchTarget {
            id,
            name,
            external_id,
            is_main: parent.is_none(),
            current: false,
        })
        .collect())
}

/// Moves the open sessions that visit `account` from their home account back home (only those
/// of `user`, if given), and tells each of them.
pub async fn send_home(tx: &mut Tx, account: Scope, user: Option<i64>) -> Result<usize, AppError> {
    let name: String = sqlx::query_scalar("SELECT name FROM accounts WHERE id = $1")
        .bind(account)
        .fetch_one(tx.conn())
        .await?;
    let ids: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM sessions WHERE current_account_id = $1 AND home_account_id <> $1 AND closed_at IS NULL
           AND ($2 = 0 OR user_id = $2)",
    )
    .bind(account)
    .bind(user.unwrap_or(0))
    .fetch_all(tx.conn())
    .await?;
    for id in &ids {
        sqlx::query("UPDATE sessions SET current_account_id = home_account_id WHERE id = $1")
            .bind(id)
            .execute(tx.conn())
            .await?;
        tx.raise(Some(account.id()), EventKind::ReturnedHome { session_id: *id, from: name.clone() }).await?;
    }
    Ok(ids.len())
}

/// What the users list shows in its "Sub-accounts" column: for each user of `main`, whether
/// they are an administrator (all sub-accounts) and the names of the sub-accounts given.
pub async fn summary(
    store: &Store,
    main: Scope,
    users: &[i64],
) -> Result<HashMap<i64, (bool, Vec<String>)>, AppError> {
    let subs: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM accounts WHERE parent_id = $1 AND deleted_at IS NULL")
            .bind(main)
            .fetch_one(store.reader())
            .await?;
    if users.is_empty() || subs == 0 {
        return Ok(HashMap::new());
    }
    let mut out: HashMap<i64, (bool, Vec<String>)> =
        users.iter().map(|u| (*u, (false, Vec::new()))).collect();
    let ids = users.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    let admins: Vec<i64> = sqlx::query_scalar(&format!(
        "SELECT m.user_id FROM role_members m JOIN roles r ON r.id = m.role_id
         WHERE r.account_id = $1 AND r.builtin = 'administrators' AND m.user_id IN ({ids})"
    ))
    .bind(main)
    .fetch_all(store.reader())
    .await?;
    for admin in admins {
        out.entry(admin).or_default().0 = true;
    }
    let rows: Vec<(i64, String)> = sqlx::query_as(&format!(
        "SELECT x.user_id, a.name FROM account_access x JOIN accounts a ON a.id = x.account_id
         WHERE a.parent_id = $1 AND a.deleted_at IS NULL AND x.user_id IN ({ids}) ORDER BY a.name_key"
    ))
    .bind(main)
    .fetch_all(store.reader())
    .await?;
    for (user, name) in rows {
        out.entry(user).or_default().1.push(name);
    }
    Ok(out)
}

/// A user of `main` and their access, with the boxes `caller` may change.
pub async fn access(tx: &mut Tx, main: Scope, user: i64, caller: i64) -> Result<UserAccess, AppError> {
    let login: String = sqlx::query_scalar("SELECT login FROM users WHERE id = $1 AND account_id = $2")
        .bind(user)
        .bind(main)
        .fetch_optional(tx.conn())
        .await?
        .ok_or(AppError::NotFound)?;
    let administrator = is_administrator(tx.conn(), user, main).await?;
    let mine: Vec<i64> = targets(tx, caller, main).await?.into_iter().map(|t| t.id).collect();
    let caller_admin = is_administrator(tx.conn(), caller, main).await?;
    let rows: Vec<AccessRecord> = sqlx::query_as(
        "SELECT a.id, a.name, COALESCE(a.external_id, '') AS external_id, a.active,
                (SELECT COUNT(*) FROM account_access x WHERE x.account_id = a.id AND x.user_id = $2) AS granted
         FROM accounts a WHERE a.parent_id = $1 AND a.deleted_at IS NULL ORDER BY a.name_key, a.id",
    )
    .bind(main)
    .bind(user)
    .fetch_all(tx.conn())
    .await?;
    let mut choices = Vec::with_capacity(rows.len());
    for r in rows {
        choices.push(AccessChoice {
            account_id: r.id,
            name: r.name,
            external_id: r.external_id,
            active: r.active,
            granted: administrator || r.granted > 0,
            changeable: !administrator && user != caller && (caller_admin || mine.contains(&r.id)),
        });
    }
    Ok(UserAccess { user_id: user, login, administrator, choices })
}

/// Gives `user` exactly `wanted` among the sub-accounts `caller` may change; returns the
/// granted ids before and after. Sessions of the user inside a withdrawn sub-account go home.
pub async fn set_access(
    tx: &mut Tx,
    main: Scope,
    user: i64,
    caller: i64,
    wanted: &[i64],
) -> Result<(Vec<i64>, Vec<i64>), AppError> {
    let current = access(tx, main, user, caller).await?;
    if user == caller {
        return Err(AppError::refused(AccountT::NotYourAccess));
    }
    if current.administrator {
        return Err(AppError::refused(AccountT::AdministratorHasAll));
    }
    for id in wanted {
        if !current.choices.iter().any(|c| c.account_id == *id) {
            return Err(AppError::NotFound);
        }
    }
    let before: Vec<i64> = current.choices.iter().filter(|c| c.granted).map(|c| c.account_id).collect();
    for choice in &current.choices {
        let want = wanted.contains(&choice.account_id);
        if want == choice.granted {
            continue;
        }
        if !choice.changeable {
            return Err(AppError::refused(AccountT::NotHeldByYou));
        }
        if want {
            sqlx::query(
                "INSERT INTO account_access (user_id, account_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            )
            .bind(user)
            .bind(choice.account_id)
            .execute(tx.conn())
            .await?;
        } else {
            sqlx::query("DELETE FROM account_access WHERE user_id = $1 AND account_id = $2")
                .bind(user)
                .bind(choice.account_id)
                .execute(tx.conn())
                .await?;
            send_home(tx, main.related(choice.account_id), Some(user)).await?;
        }
    }
    let mut after: Vec<i64> = wanted.to_vec();
    after.sort_unstable();
    after.dedup();
    Ok((before, after))
}

/// Moves session `session` of `user` (home `home`) into `account`, if the user may enter it.
pub async fn switch(
    tx: &mut Tx,
    session: SessionId,
    user: UserId,
    home: Scope,
    account: AccountId,
) -> Result<String, AppError> {
    let target = targets(tx, user.get(), home)
        .await?
        .into_iter()
        .find(|t| t.id == account.get())
        .ok_or_else(|| AppError::Refused(Message::new(AccountT::NoAccess)))?;
    sqlx::query("UPDATE sessions SET current_account_id = $1 WHERE id = $2 AND closed_at IS NULL")
        .bind(account)
        .bind(session)
        .execute(tx.conn())
        .await?;
    Ok(target.name)
}
