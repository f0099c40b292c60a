//! Users in storage, always within one account.

use super::{
    PasswordTarget, SecretChange, StatusFilter, UserCard, UserInput, UserKind, UserQuery, UserRow, UserT,
};
use crate::auth::policy::login_key;
use crate::auth::standing::Standing;
use crate::config::AccountConfig;
use crate::error::{AppError, Message};
use crate::guard::Scope;
use crate::i18n::CommonT;
use crate::list::{contains_pattern, search_key, Page, PAGE_SIZE};
use crate::store::{Flag, Store, Tx};
use crate::time::{day_end_ms, day_start_ms};
use records::{CardRecord, ListRecord};

mod records;

/// `$first, $first+1, …`: placeholders for an `IN (…)` of `n` values.
fn placeholders(first: usize, n: usize) -> String {
    (first..first + n).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ")
}

pub async fn list(
    store: &Store,
    account: Scope,
    zone: &str,
    lang: crate::i18n::Lang,
    q: &UserQuery,
) -> Result<Page<UserRow>, AppError> {
    let status = match q.status {
        StatusFilter::All => "TRUE",
        StatusFilter::Active => {
            "u.active = TRUE AND u.blocked = FALSE AND (u.valid_to IS NULL OR u.valid_to > $3) AND (u.valid_from IS NULL OR u.valid_from <= $3)"
        }
        StatusFilter::Blocked => "u.blocked = TRUE",
        StatusFilter::Expired => "u.valid_to IS NOT NULL AND u.valid_to <= $3",
        StatusFilter::Inactive => "u.active = FALSE",
    };
    let filter = format!(
        "u.account_id = $1 AND u.search_key LIKE $2 ESCAPE '\\' AND ($3 = $3) AND {status}
         AND ($4 = '' OR u.kind = $4)
         AND ($5 = 0 OR u.id IN (SELECT user_id FROM role_members WHERE role_id = $5)
              OR EXISTS (SELECT 1 FROM roles r WHERE r.id = $5 AND r.account_id = $1 AND r.builtin = 'everyone'))"
    );
    let now = store.now();
    let kind = q.kind.map(|k| k.key()).unwrap_or("");
    let role = q.role_id.unwrap_or(0);
    let pattern = contains_pattern(&q.search);
    let total: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM users u WHERE {filter}"))
        .bind(account)
        .bind(&pattern)
        .bind(now)
        .bind(kind)
        .bind(role)
        .fetch_one(store.reader())
        .await?;
    let rows: Vec<ListRecord> = sqlx::query_as(&format!(
        "SELECT u.id, u.login, u.full_name, u.kind, u.active, u.blocked, u.valid_to FROM users u
         WHERE {filter} ORDER BY u.login LIMIT $6 OFFSET $7"
    ))
    .bind(account)
    .bind(&pattern)
    .bind(now)
    .bind(kind)
    .bind(role)
    .bind(PAGE_SIZE as i64)
    .bind(q.page as i64 * PAGE_SIZE as i64)
    .fetch_all(store.reader())
    .await?;
    let mut users: Vec<UserRow> = rows.into_iter().map(|r| r.into_row(now, zone)).collect();
    if !users.is_empty() {
        let sql = format!(
            "SELECT m.user_id, r.name, r.builtin FROM role_members m JOIN roles r ON r.id = m.role_id
             WHERE m.user_id IN ({}) ORDER BY r.name_key",
            placeholders(1, users.len())
        );
        let mut query = sqlx::query_as::<_, (i64, String, Option<String>)>(&sql);
        for u in &users {
            query = query.bind(u.id);
        }
        for (user, name, builtin) in query.fetch_all(store.reader()).await? {
            let name = crate::roles::shown_name(
                builtin.as_deref().and_then(crate::roles::Builtin::parse),
                &name,
                lang,
            );
            if let Some(u) = users.iter_mut().find(|u| u.id == user) {
                u.roles.push(name);
            }
        }
    }
    Ok(Page { rows: users, total: total as u64 })
}

pub async fn get(store: &Store, account: Scope, zone: &str, id: i64) -> Result<UserCard, AppError> {
    let r: CardRecord = sqlx::query_as(
        "SELECT u.*, p.first_name, p.last_name, p.personal_number FROM users u LEFT JOIN persons p ON p.id = u.person_id
         WHERE u.id = $1 AND u.account_id = $2",
    )
    .bind(id)
    .bind(account)
    .fetch_optional(store.reader())
    .await?
    .ok_or(AppError::NotFound)?;
    let roles: Vec<i64> =
        sqlx::query_scalar("SELECT role_id FROM role_members WHERE user_id = $1 ORDER BY role_id")
            .bind(id)
            .fetch_all(store.reader())
            .await?;
    let sign_in_units = sqlx::query_scalar(
        "SELECT COUNT(DISTINCT ru.unit_id) FROM role_units ru JOIN roles x ON x.id = ru.role_id
         WHERE x.account_id = $2
           AND (x.builtin = 'everyone' OR x.id IN (SELECT role_id FROM role_members WHERE user_id = $1))",
    )
    .bind(id)
    .bind(account)
    .fetch_one(store.reader())
    .await?;
    r.into_card(id, zone, roles, sign_in_units)
}

/// A user's account and, when the user has rules of their own, those rules (strong, maximum
/// age in days); the service puts them over the account's policy.
pub async fn own_policy(
    store: &Store,
    home: Scope,
    user: i64,
) -> Result<Option<(bool, Option<u32>)>, AppError> {
    let (own, strong, max_age): (Flag, Flag, Option<i64>) = sqlx::query_as(
        "SELECT u.pw_own_policy, u.pw_strong, u.pw_max_age_days FROM users u WHERE u.id = $1 AND u.account_id = $2",
    )
    .bind(user)
    .bind(home)
    .fetch_optional(store.reader())
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(own.0.then_some((strong.0, max_age.map(|d| d as u32))))
}

fn field_error(field: &str, label: UserT, problem: Message) -> AppError {
    AppError::invalid(field, label, problem)
}

/// The checks of the users' own rows: a free login and the seed's rule for linking a person
/// (the service checks that the unit and person exist in the account).
async fn check_references(
    tx: &mut Tx,
    id: Option<i64>,
    kind: UserKind,
    input: &UserInput,
) -> Result<(), AppError> {
    let taken: Option<i64> = sqlx::query_scalar("SELECT id FROM users WHERE login_key = $1 AND id <> $2")
        .bind(login_key(&input.login))
        .bind(id.unwrap_or(0))
        .fetch_optional(tx.conn())
        .await?;
    if taken.is_some() {
        return Err(field_error("login", UserT::Login, Message::new(CommonT::FieldDuplicate)));
    }
    if let Some(person) = input.person_id {
        if kind != UserKind::Internal {
            let other: Option<(String, String)> = sqlx::query_as(
                "SELECT login, kind FROM users WHERE person_id = $1 AND kind <> 'internal' AND id <> $2 ORDER BY id LIMIT 1",
            )
            .bind(person)
            .bind(id.unwrap_or(0))
            .fetch_optional(tx.conn())
            .await?;
            if let Some((login, kind)) = other {
                let problem = Message::new(UserT::PersonTaken).arg("login", login).arg("kind", kind);
                return Err(field_error("person_id", UserT::Person, problem));
            }
        }
    }
    Ok(())
}

fn validity(input: &UserInput, zone: &str) -> (Option<i64>, Option<i64>) {
    let from = Some(input.valid_from.trim()).filter(|d| !d.is_empty()).and_then(|d| day_start_ms(d, zone));
    let to = Some(input.valid_to.trim()).filter(|d| !d.is_empty()).and_then(|d| day_end_ms(d, zone));
    (from, to)
}

/// The secrets a save writes, already hashed by the service (outside the transaction, so that
/// argon2 never holds the database's writer): the passwords of a new user, and the PIN's hash
/// and the card's digest as the form changed them.
pub struct Hashed {
    pub console: Option<String>,
    pub external: Option<String>,
    pub pin: SecretChange,
    pub card: SecretChange,
}

async fn write_secret(tx: &mut Tx, id: i64, column: &str, change: &SecretChange) -> Result<(), AppError> {
    let value = match change {
        SecretChange::Keep => return Ok(()),
        SecretChange::Clear => None,
        // A card signs in alone, so it is found by its digest (issue 17): one user per card.
        SecretChange::Set(key) if column == "card_hash" => {
            let taken: Option<i64> =
                sqlx::query_scalar("SELECT id FROM users WHERE card_hash = $1 AND id <> $2")
                    .bind(key)
                    .bind(id)
                    .fetch_optional(tx.conn())
                    .await?;
            if taken.is_some() {
                return Err(AppError::invalid(
                    "card",
                    UserT::NewCardNumber,
                    Message::new(domain::auth::AuthT::CardTaken),
                ));
            }
            Some(key.clone())
        }
        SecretChange::Set(hash) => Some(hash.clone()),
    };
    // A new or cleared PIN starts with no failures and no lock.
    let extra = if column == "pin_hash" { ", pin_failures = 0, pin_locked_at = NULL" } else { "" };
    sqlx::query(&format!("UPDATE users SET {column} = $1{extra} WHERE id = $2"))
        .bind(value)
        .bind(id)
        .execute(tx.conn())
        .await?;
    Ok(())
}

/// Creates a user or updates `before` (its card as the service read it) in `account`; returns
/// the id.
pub async fn save(
    tx: &mut Tx,
    account: Scope,
    config: &AccountConfig,
    input: &UserInput,
    before: Option<&UserCard>,
    hashed: &Hashed,
) -> Result<i64, AppError> {
    let zone = &config.time_zone;
    if let Some(b) = before {
        crate::store::expect_version(b.version, input.version)?;
    }
    // The type is fixed once the user exists.
    let kind = before.map(|b| b.kind).unwrap_or(input.kind);
    check_references(tx, input.id, kind, input).await?;
    let (valid_from, valid_to) = validity(input, zone);
    let login = input.login.trim();
    let label = if input.print_label.trim().is_empty() { login } else { input.print_label.trim() };
    let max_age: Option<i64> = input.pw_max_age_days.trim().parse().ok();
    let key = search_key(&[login, &input.full_name]);
    let id = match input.id {
        Some(id) => {
            let changed = sqlx::query(
                "UPDATE users SET active = $1, blocked = $2, valid_from = $3, valid_to = $4, login = $5, login_key = $6,
                        full_name = $7, print_label = $8, note = $9, person_id = $10, default_unit_id = $11,
                        shared_password = $12, pw_own_policy = $13, pw_strong = $14, pw_max_age_days = $15,
                        must_change_password = $16, search_key = $17, email = $21, version = version + 1
                 WHERE id = $18 AND account_id = $19 AND version = $20",
            )
            .bind(input.active)
            .bind(input.blocked)
            .bind(valid_from)
            .bind(valid_to)
            .bind(login)
            .bind(login_key(login))
            .bind(input.full_name.trim())
            .bind(label)
            .bind(input.note.trim())
            .bind(input.person_id)
            .bind(input.default_unit_id)
            .bind(input.shared_password || kind != UserKind::Universal)
            .bind(input.pw_own_policy)
            .bind(input.pw_strong)
            .bind(max_age)
            .bind(input.must_change_password)
            .bind(&key)
            .bind(id)
            .bind(account)
            .bind(input.version)
            .bind(input.email.trim())
            .execute(tx.conn())
            .await?
            .rows_affected();
            crate::store::expect_changed(changed)?;
            if kind == UserKind::Universal && input.shared_password {
                sqlx::query("UPDATE users SET external_password_hash = NULL WHERE id = $1")
                    .bind(id)
                    .execute(tx.conn())
                    .await?;
            }
            id
        }
        None => {
            let now = tx.now();
            sqlx::query_scalar(
                "INSERT INTO users (account_id, kind, active, blocked, valid_from, valid_to, login, login_key, full_name,
                                    print_label, note, person_id, default_unit_id, password_hash, password_changed_at,
                                    external_password_hash, shared_password, pw_own_policy, pw_strong, pw_max_age_days,
                                    must_change_password, search_key, created_at, email)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $15, $23)
                 RETURNING id",
            )
            .bind(account)
            .bind(kind.key())
            .bind(input.active)
            .bind(input.blocked)
            .bind(valid_from)
            .bind(valid_to)
            .bind(login)
            .bind(login_key(login))
            .bind(input.full_name.trim())
            .bind(label)
            .bind(input.note.trim())
            .bind(input.person_id)
            .bind(input.default_unit_id)
            .bind(&hashed.console)
            .bind(now)
            .bind(&hashed.external)
            .bind(input.shared_password || kind != UserKind::Universal)
            .bind(input.pw_own_policy)
            .bind(input.pw_strong)
            .bind(max_age)
            .bind(input.must_change_password)
            .bind(&key)
            .bind(input.email.trim())
            .fetch_one(tx.conn())
            .await?
        }
    };
    write_secret(tx, id, "pin_hash", &hashed.pin).await?;
    write_secret(tx, id, "card_hash", &hashed.card).await?;
    Ok(id)
}

/// Inserts an internal user with a console password (the first administrator, the demo's
/// people); answers the id.
pub async fn insert_internal(
    tx: &mut Tx,
    account: Scope,
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
    .bind(search_key(&[login, full_name]))
    .fetch_one(tx.conn())
    .await?)
}

/// Where a user stands for signing in (kind, active, blocked, validity).
pub async fn standing(tx: &mut Tx, id: i64) -> Result<Standing, AppError> {
    Ok(sqlx::query_as("SELECT kind, active, blocked, valid_from, valid_to FROM users WHERE id = $1")
        .bind(id)
        .fetch_one(tx.conn())
        .await?)
}

/// Sets a user's password hash without the current one (an administrator's change); answers
/// which password it was (`password` or `external_password`).
pub async fn set_password(
    tx: &mut Tx,
    account: Scope,
    user: i64,
    target: PasswordTarget,
    hash: &str,
    must_change: bool,
) -> Result<&'static str, AppError> {
    let kind: String = sqlx::query_scalar("SELECT kind FROM users WHERE id = $1 AND account_id = $2")
        .bind(user)
        .bind(account)
        .fetch_optional(tx.conn())
        .await?
        .ok_or(AppError::NotFound)?;
    let kind = UserKind::parse(&kind).unwrap_or(UserKind::Internal);
    let now = tx.now();
    let column = match (target, kind) {
        (PasswordTarget::Console, UserKind::External) | (PasswordTarget::External, UserKind::External) => {
            "external_password_hash"
        }
        (PasswordTarget::External, UserKind::Internal) => {
            return Err(AppError::refused(UserT::NoExternalPassword))
        }
        (PasswordTarget::External, UserKind::Universal) => {
            sqlx::query("UPDATE users SET shared_password = FALSE WHERE id = $1")
                .bind(user)
                .execute(tx.conn())
                .await?;
            "external_password_hash"
        }
        (PasswordTarget::Console, _) => "password_hash",
    };
    sqlx::query(&format!(
        "UPDATE users SET {column} = $1, password_changed_at = $2, must_change_password = $3, version = version + 1 WHERE id = $4"
    ))
    .bind(hash)
    .bind(now)
    .bind(must_change && kind.console())
    .bind(user)
    .execute(tx.conn())
    .await?;
    Ok(column.trim_end_matches("_hash"))
}

/// A user's language and theme (their own choice, from the title bar).
pub async fn set_preferences(
    store: &Store,
    user: i64,
    lang: crate::i18n::Lang,
    theme: domain::prefs::Theme,
) -> Result<(), AppError> {
    let mut tx = store.begin().await?;
    sqlx::query("UPDATE users SET language = $1, theme = $2 WHERE id = $3")
        .bind(lang.code())
        .bind(theme.key())
        .bind(user)
        .execute(tx.conn())
        .await?;
    tx.commit().await?;
    Ok(())
}
