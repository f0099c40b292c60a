//! Grants in storage, and loading a user's `Subject` and `Tree` for the resolver.

use super::engine::{RoleGrants, Subject, Tree};
use super::{split, GrantRow, Holder};
use crate::catalogue::Target;
use crate::error::AppError;
use crate::guard::Scope;
use crate::store::{non_null, Flag, Store, Tx};
use std::collections::BTreeMap;

pub mod holders;

fn column(holder: Holder) -> (&'static str, i64) {
    match holder {
        Holder::Role(id) => ("role_id", id),
        Holder::User(id) => ("user_id", id),
    }
}

fn grant(key: String, target: &str, unit: Option<i64>, allow: bool) -> GrantRow {
    let target = match target {
        "unit" => unit.map(Target::Unit),
        "assigned" => Some(Target::Assigned),
        "subordinates" => Some(Target::Subordinates),
        _ => None,
    };
    GrantRow { key, target, allow }
}

/// A grant as stored.
#[derive(sqlx::FromRow)]
struct GrantRecord {
    right_key: String,
    target: String,
    unit_id: Option<i64>,
    #[sqlx(try_from = "Flag")]
    allow: bool,
}

impl From<GrantRecord> for GrantRow {
    fn from(r: GrantRecord) -> GrantRow {
        grant(r.right_key, &r.target, r.unit_id, r.allow)
    }
}

/// A grant of a role (`role_id`) or of the user (none).
#[derive(sqlx::FromRow)]
struct HeldRecord {
    role_id: Option<i64>,
    #[sqlx(flatten)]
    grant: GrantRecord,
}

/// A role with one of its grants, or with NULLs for a role without grants (a left join).
#[derive(sqlx::FromRow)]
struct RoleGrantRecord {
    id: i64,
    builtin: Option<String>,
    right_key: Option<String>,
    target: Option<String>,
    unit_id: Option<i64>,
    allow: Option<Flag>,
}

/// A holder's grants, in a stable order.
pub async fn list(tx: &mut Tx, holder: Holder) -> Result<Vec<GrantRow>, AppError> {
    let (column, id) = column(holder);
    let rows: Vec<GrantRecord> =
        sqlx::query_as(&format!("SELECT right_key, target, unit_id, allow FROM grants WHERE {column} = $1"))
            .bind(id)
            .fetch_all(tx.conn())
            .await?;
    let mut grants: Vec<GrantRow> = rows.into_iter().map(GrantRow::from).collect();
    grants.sort();
    Ok(grants)
}

/// Replaces all of a holder's grants.
pub async fn replace(
    tx: &mut Tx,
    account: Scope,
    holder: Holder,
    grants: &[GrantRow],
) -> Result<(), AppError> {
    let (column, id) = column(holder);
    sqlx::query(&format!("DELETE FROM grants WHERE {column} = $1")).bind(id).execute(tx.conn()).await?;
    for g in grants {
        let (target, unit) = match g.target {
            None => ("account", None),
            Some(Target::Unit(u)) => ("unit", Some(u)),
            Some(Target::Assigned) => ("assigned", None),
            Some(Target::Subordinates) => ("subordinates", None),
        };
        sqlx::query(&format!(
            "INSERT INTO grants (account_id, {column}, right_key, target, unit_id, allow) VALUES ($1, $2, $3, $4, $5, $6)"
        ))
        .bind(account)
        .bind(id)
        .bind(&g.key)
        .bind(target)
        .bind(unit)
        .bind(g.allow)
        .execute(tx.conn())
        .await?;
    }
    Ok(())
}

/// The user's roles in `home_account_id` (Everyone always, without a membership row) and the
/// grants of those roles and of the user.
pub async fn load_subject(store: &Store, user_id: i64, home: Scope) -> Result<Subject, sqlx::Error> {
    let roles: Vec<(i64, Option<String>)> = sqlx::query_as(
        "SELECT r.id, r.builtin FROM roles r
         WHERE r.account_id = $1
           AND (r.builtin = 'everyone' OR r.id IN (SELECT role_id FROM role_members WHERE user_id = $2))",
    )
    .bind(home)
    .bind(user_id)
    .fetch_all(store.reader())
    .await?;
    let mut subject = Subject::default();
    let mut by_role: BTreeMap<i64, Vec<GrantRow>> = BTreeMap::new();
    for (id, builtin) in roles {
        if builtin.as_deref() == Some("administrators") {
            subject.administrator = true;
        }
        by_role.insert(id, Vec::new());
    }
    let rows: Vec<HeldRecord> = sqlx::query_as(
        "SELECT g.role_id, g.right_key, g.target, g.unit_id, g.allow FROM grants g
         WHERE g.user_id = $1
            OR g.role_id IN (SELECT r.id FROM roles r
                             WHERE r.account_id = $2
                               AND (r.builtin = 'everyone'
                                    OR r.id IN (SELECT role_id FROM role_members WHERE user_id = $1)))",
    )
    .bind(user_id)
    .bind(home)
    .fetch_all(store.reader())
    .await?;
    let mut own = Vec::new();
    for r in rows {
        let grant = GrantRow::from(r.grant);
        match r.role_id {
            Some(role) => by_role.entry(role).or_default().push(grant),
            None => own.push(grant),
        }
    }
    (subject.own, subject.own_data) = split(&own);
    subject.roles = role_grants(by_role);
    Ok(subject)
}

/// Each role's grants, split into account-wide and data grants.
fn role_grants(by_role: BTreeMap<i64, Vec<GrantRow>>) -> Vec<RoleGrants> {
    by_role
        .into_iter()
        .map(|(role_id, rows)| {
            let (grants, data) = split(&rows);
            RoleGrants { role_id, grants, data }
        })
        .collect()
}

/// What a new user in exactly these roles of `account` (and Everyone) would hold, before they
/// exist: rule 6 for creating a user linked to a person (`rights::outrank::may_create`).
pub async fn load_subject_of_roles(
    store: &Store,
    account: Scope,
    roles: &[i64],
) -> Result<Subject, sqlx::Error> {
    let rows: Vec<RoleGrantRecord> = sqlx::query_as(
        "SELECT r.id, r.builtin, g.right_key, g.target, g.unit_id, g.allow FROM roles r
         LEFT JOIN grants g ON g.role_id = r.id
         WHERE r.account_id = $1",
    )
    .bind(account)
    .fetch_all(store.reader())
    .await?;
    let mut subject = Subject::default();
    let mut by_role: BTreeMap<i64, Vec<GrantRow>> = BTreeMap::new();
    for r in rows {
        if r.builtin.as_deref() != Some("everyone") && !roles.contains(&r.id) {
            continue;
        }
        subject.administrator |= r.builtin.as_deref() == Some("administrators");
        let grants = by_role.entry(r.id).or_default();
        if let Some(key) = r.right_key {
            let target = non_null(r.target, "target")?;
            grants.push(grant(key, &target, r.unit_id, non_null(r.allow, "allow")?.0));
        }
    }
    subject.roles = role_grants(by_role);
    Ok(subject)
}

/// The unit tree of `account` and the user's assigned person (the stored one, or `person`
/// when given) and subordinates.
pub async fn load_tree(
    store: &Store,
    user_id: i64,
    account: Scope,
    person: Option<Option<i64>>,
) -> Result<Tree, sqlx::Error> {
    let units: Vec<(i64, Option<i64>)> =
        sqlx::query_as("SELECT id, parent_id FROM units WHERE account_id = $1")
            .bind(account)
            .fetch_all(store.reader())
            .await?;
    let parent = units.into_iter().collect();
    let assigned: Option<i64> = match person {
        Some(person) => person,
        None => holders::person_of(store, user_id).await?,
    };
    let subordinates = match assigned {
        Some(person) => holders::subordinates_of(store, person).await?.into_iter().collect(),
        None => Default::default(),
    };
    Ok(Tree { parent, assigned, subordinates })
}

/// Records that rights, memberships or the things data rights hang on (units, supervisors,
/// linked persons) changed in `account`: the snapshots of its users and of sessions working in
/// it are rebuilt on their next request (others stay), and open pages are told to re-read.
pub async fn changed(tx: &mut Tx, account: Scope) -> Result<(), AppError> {
    sqlx::query("UPDATE accounts SET rights_version = rights_version + 1 WHERE id = $1")
        .bind(account)
        .execute(tx.conn())
        .await?;
    // Main-account roles also rule sessions in sub-accounts (rule 1): tell every account.
    tx.raise(None, crate::events::EventKind::Changed { topic: crate::events::Topic::Rights }).await
}
