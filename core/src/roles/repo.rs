//! Roles in storage, always within one account.

use super::{copy_name, Builtin, Member, RoleDetail, RoleInput, RoleRow, RoleT};
use crate::auth::policy::login_key;
use crate::catalogue::{DataOp, Right, Target};
use crate::error::{AppError, Checks, Message};
use crate::guard::Scope;
use crate::i18n::CommonT;
use crate::rights::GrantRow;
use crate::store::{Store, Tx};
use records::{MemberRecord, RoleRecord};

pub mod membership;
mod records;

/// What a role is, found within the account.
pub struct RoleHead {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub builtin: Option<Builtin>,
    pub version: i64,
}

const MEMBER_COLUMNS: &str = "u.id, u.login, u.full_name, p.first_name, p.last_name";

async fn members_of(
    store: &Store,
    account: Scope,
    role: i64,
    builtin: Option<Builtin>,
    inside: bool,
) -> Result<Vec<Member>, AppError> {
    let everyone = builtin == Some(Builtin::Everyone);
    let condition = match (everyone, inside) {
        (true, true) => "TRUE",
        (true, false) => "FALSE",
        (false, true) => "u.id IN (SELECT user_id FROM role_members WHERE role_id = $2)",
        (false, false) => "u.id NOT IN (SELECT user_id FROM role_members WHERE role_id = $2)",
    };
    let rows: Vec<MemberRecord> = sqlx::query_as(&format!(
        "SELECT {MEMBER_COLUMNS} FROM users u LEFT JOIN persons p ON p.id = u.person_id
         WHERE u.account_id = $1 AND ($2 = $2) AND {condition} ORDER BY u.login"
    ))
    .bind(account)
    .bind(role)
    .fetch_all(store.reader())
    .await?;
    Ok(rows.into_iter().map(Member::from).collect())
}

pub async fn list(store: &Store, account: Scope) -> Result<Vec<RoleRow>, AppError> {
    let rows: Vec<(i64, String, String, Option<String>)> = sqlx::query_as(
        "SELECT id, name, description, builtin FROM roles WHERE account_id = $1
         ORDER BY CASE builtin WHEN 'administrators' THEN 0 WHEN 'everyone' THEN 1 ELSE 2 END, name_key",
    )
    .bind(account)
    .fetch_all(store.reader())
    .await?;
    let mut roles = Vec::with_capacity(rows.len());
    for (id, name, description, builtin) in rows {
        let builtin = builtin.as_deref().and_then(Builtin::parse);
        roles.push(RoleRow {
            id,
            name,
            description,
            builtin,
            members: members_of(store, account, id, builtin, true).await?,
        });
    }
    Ok(roles)
}

pub async fn head(tx: &mut Tx, account: Scope, id: i64) -> Result<RoleHead, AppError> {
    let r: RoleRecord = sqlx::query_as(
        "SELECT id, name, description, builtin, version FROM roles WHERE id = $1 AND account_id = $2",
    )
    .bind(id)
    .bind(account)
    .fetch_optional(tx.conn())
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(RoleHead {
        id,
        name: r.name,
        description: r.description,
        builtin: r.builtin.as_deref().and_then(Builtin::parse),
        version: r.version,
    })
}

pub async fn get(store: &Store, account: Scope, id: i64) -> Result<RoleDetail, AppError> {
    let r: RoleRecord = sqlx::query_as(
        "SELECT name, description, builtin, version FROM roles WHERE id = $1 AND account_id = $2",
    )
    .bind(id)
    .bind(account)
    .fetch_optional(store.reader())
    .await?
    .ok_or(AppError::NotFound)?;
    let builtin = r.builtin.as_deref().and_then(Builtin::parse);
    let units: Vec<i64> =
        sqlx::query_scalar("SELECT unit_id FROM role_units WHERE role_id = $1 ORDER BY unit_id")
            .bind(id)
            .fetch_all(store.reader())
            .await?;
    Ok(RoleDetail {
        id,
        name: r.name,
        description: r.description,
        builtin,
        version: r.version,
        units,
        members: members_of(store, account, id, builtin, true).await?,
        non_members: members_of(store, account, id, builtin, false).await?,
    })
}

/// The role's grants.
async fn check_name(tx: &mut Tx, account: Scope, name: &str, except: i64) -> Result<(), AppError> {
    let taken: Option<i64> =
        sqlx::query_scalar("SELECT id FROM roles WHERE account_id = $1 AND name_key = $2 AND id <> $3")
            .bind(account)
            .bind(login_key(name))
            .bind(except)
            .fetch_optional(tx.conn())
            .await?;
    if taken.is_some() {
        let mut checks = Checks::new();
        checks.add("name", CommonT::Name, Message::new(CommonT::FieldDuplicate));
        return checks.finish();
    }
    Ok(())
}

/// Sets a role's units (the service has checked they are the account's).
async fn set_units(tx: &mut Tx, role: i64, units: &[i64]) -> Result<(), AppError> {
    sqlx::query("DELETE FROM role_units WHERE role_id = $1").bind(role).execute(tx.conn()).await?;
    let mut unique = units.to_vec();
    unique.sort_unstable();
    unique.dedup();
    for unit in unique {
        attach_unit(tx, role, unit).await?;
    }
    Ok(())
}

/// Inserts a role (`builtin`: the key of a built-in one); answers its id.
pub async fn insert(
    tx: &mut Tx,
    account: Scope,
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

/// Lets a role's members sign in to one more unit.
pub async fn attach_unit(tx: &mut Tx, role: i64, unit: i64) -> Result<(), AppError> {
    sqlx::query("INSERT INTO role_units (role_id, unit_id) VALUES ($1, $2)")
        .bind(role)
        .bind(unit)
        .execute(tx.conn())
        .await?;
    Ok(())
}

pub async fn create(tx: &mut Tx, account: Scope, input: &RoleInput) -> Result<i64, AppError> {
    check_name(tx, account, &input.name, 0).await?;
    let id = insert(tx, account, input.name.trim(), input.description.trim(), None).await?;
    set_units(tx, id, &input.units).await?;
    Ok(id)
}

pub async fn update(tx: &mut Tx, account: Scope, id: i64, input: &RoleInput) -> Result<RoleHead, AppError> {
    let before = head(tx, account, id).await?;
    crate::store::expect_version(before.version, input.version)?;
    if before.builtin.is_some() && input.name.trim() != before.name {
        return Err(AppError::refused(RoleT::BuiltinFixed));
    }
    check_name(tx, account, &input.name, id).await?;
    let changed = sqlx::query(
        "UPDATE roles SET name = $1, name_key = $2, description = $3, version = version + 1
         WHERE id = $4 AND account_id = $5 AND version = $6",
    )
    .bind(input.name.trim())
    .bind(login_key(&input.name))
    .bind(input.description.trim())
    .bind(id)
    .bind(account)
    .bind(input.version)
    .execute(tx.conn())
    .await?
    .rows_affected();
    crate::store::expect_changed(changed)?;
    set_units(tx, id, &input.units).await?;
    Ok(before)
}

pub async fn delete(tx: &mut Tx, account: Scope, id: i64, version: i64) -> Result<RoleHead, AppError> {
    let before = head(tx, account, id).await?;
    if before.builtin.is_some() {
        return Err(AppError::refused(RoleT::BuiltinFixed));
    }
    crate::store::expect_version(before.version, version)?;
    sqlx::query("DELETE FROM roles WHERE id = $1 AND account_id = $2")
        .bind(id)
        .bind(account)
        .execute(tx.conn())
        .await?;
    Ok(before)
}

/// Copies a role with its description, units and members under the next free name (the
/// service gives the copy its rights).
pub async fn copy(tx: &mut Tx, account: Scope, id: i64) -> Result<(i64, String), AppError> {
    let source = head(tx, account, id).await?;
    let taken: Vec<String> = sqlx::query_scalar("SELECT name FROM roles WHERE account_id = $1")
        .bind(account)
        .fetch_all(tx.conn())
        .await?;
    let name = copy_name(&source.name, &taken);
    let copy = insert(tx, account, &name, &source.description, None).await?;
    let units = unit_ids(tx, id).await?;
    set_units(tx, copy, &units).await?;
    let members: Vec<i64> = match source.builtin {
        Some(Builtin::Everyone) => Vec::new(),
        _ => {
            sqlx::query_scalar("SELECT user_id FROM role_members WHERE role_id = $1")
                .bind(id)
                .fetch_all(tx.conn())
                .await?
        }
    };
    for user in members {
        membership::add(tx, copy, user).await?;
    }
    Ok((copy, name))
}

/// Every right of the catalogue allowed, and every data operation at the top unit.
pub async fn everything(tx: &mut Tx, account: Scope) -> Result<Vec<GrantRow>, AppError> {
    let top: Option<i64> =
        sqlx::query_scalar("SELECT id FROM units WHERE account_id = $1 AND parent_id IS NULL")
            .bind(account)
            .fetch_optional(tx.conn())
            .await?;
    let mut rows: Vec<GrantRow> =
        Right::all().map(|r| GrantRow { key: r.key(), target: None, allow: true }).collect();
    if let Some(top) = top {
        rows.extend(DataOp::ALL.map(|op| GrantRow {
            key: op.grant_key(),
            target: Some(Target::Unit(top)),
            allow: true,
        }));
    }
    Ok(rows)
}

/// The units a role is limited to.
pub async fn unit_ids(tx: &mut Tx, role: i64) -> Result<Vec<i64>, AppError> {
    Ok(sqlx::query_scalar("SELECT unit_id FROM role_units WHERE role_id = $1")
        .bind(role)
        .fetch_all(tx.conn())
        .await?)
}

/// Overwrites a role's description and units (a settings file's); returns the role as it was.
/// Administrators is never overwritten.
pub async fn overwrite(
    tx: &mut Tx,
    account: Scope,
    id: i64,
    description: &str,
    units: &[i64],
) -> Result<RoleHead, AppError> {
    let before = head(tx, account, id).await?;
    if before.builtin == Some(Builtin::Administrators) {
        return Err(AppError::refused(RoleT::AdministratorsNotImported));
    }
    sqlx::query("UPDATE roles SET description = $1, version = version + 1 WHERE id = $2")
        .bind(description.trim())
        .bind(id)
        .execute(tx.conn())
        .await?;
    set_units(tx, id, units).await?;
    Ok(before)
}
