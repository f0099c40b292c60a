//! The session a token names, with everything the request path needs in one query: its users,
//! accounts, timeouts, whether it may be in its current account, and its substitution.

use crate::auth::standing::Standing;
use crate::error::AppError;
use crate::guard::UserRef;
use crate::store::{Flag, Store};
use domain::ids::UserId;

const SESSION_SQL: &str = "
SELECT s.id, s.user_id, s.effective_user_id, s.home_account_id, s.current_account_id, s.unit_id,
       s.created_at, s.last_activity_at, s.closed_at, s.service, n.name AS unit_name,
       u.login, u.full_name, u.kind, u.active, u.blocked, u.valid_from, u.valid_to,
       u.must_change_password, u.language, u.theme,
       a.name AS account_name, a.parent_id AS account_parent,
       h.name AS home_name, h.parent_id AS home_parent, h.active AS home_active,
       h.session_idle_minutes, h.session_max_hours,
       CASE WHEN s.current_account_id = s.home_account_id THEN 1
            WHEN a.parent_id = s.home_account_id AND h.parent_id IS NULL AND a.active = TRUE
                 AND a.deleted_at IS NULL
                 AND (EXISTS (SELECT 1 FROM account_access x WHERE x.account_id = a.id AND x.user_id = s.user_id)
                      OR EXISTS (SELECT 1 FROM role_members m JOIN roles r ON r.id = m.role_id
                                 WHERE m.user_id = s.user_id AND r.account_id = s.home_account_id
                                   AND r.builtin = 'administrators'))
            THEN 1 ELSE 0 END AS may_be_here,
       h.rights_version AS home_version, a.rights_version AS current_version,
       s.substitution_id, b.to_day AS sub_to_day, b.active AS sub_active, b.ends_at AS sub_ends_at,
       au.active AS absent_active, au.blocked AS absent_blocked
FROM sessions s
LEFT JOIN substitutions b ON b.id = s.substitution_id
LEFT JOIN users au ON au.id = b.absent_user_id
LEFT JOIN units n ON n.id = s.unit_id
JOIN users u ON u.id = s.user_id
JOIN accounts a ON a.id = s.current_account_id
JOIN accounts h ON h.id = s.home_account_id
WHERE s.token_hash = $1";

/// A row of `SESSION_SQL`. The working-as mode's columns are NULL without a substitution.
#[derive(sqlx::FromRow)]
pub struct SessionRecord {
    pub id: i64,
    pub user_id: i64,
    pub effective_user_id: Option<i64>,
    pub home_account_id: i64,
    pub current_account_id: i64,
    pub unit_id: Option<i64>,
    pub created_at: i64,
    pub last_activity_at: i64,
    pub closed_at: Option<i64>,
    pub service: String,
    pub unit_name: Option<String>,
    pub login: String,
    pub full_name: String,
    #[sqlx(flatten)]
    pub standing: Standing,
    #[sqlx(try_from = "Flag")]
    pub must_change_password: bool,
    pub language: String,
    pub theme: String,
    pub account_name: String,
    pub account_parent: Option<i64>,
    pub home_name: String,
    pub home_parent: Option<i64>,
    #[sqlx(try_from = "Flag")]
    pub home_active: bool,
    pub session_idle_minutes: i64,
    pub session_max_hours: i64,
    pub may_be_here: i64,
    pub home_version: i64,
    pub current_version: i64,
    pub substitution_id: Option<i64>,
    pub sub_to_day: Option<String>,
    pub sub_active: Option<Flag>,
    pub sub_ends_at: Option<i64>,
    pub absent_active: Option<Flag>,
    pub absent_blocked: Option<Flag>,
}

/// The session whose token has this hash, open or not.
pub async fn by_token(store: &Store, hash: &str) -> Result<Option<SessionRecord>, AppError> {
    Ok(sqlx::query_as(SESSION_SQL).bind(hash).fetch_optional(store.reader()).await?)
}

/// The hash of a session's current token.
pub async fn token_hash(store: &Store, session: i64) -> Result<Option<String>, AppError> {
    Ok(sqlx::query_scalar("SELECT token_hash FROM sessions WHERE id = $1")
        .bind(session)
        .fetch_optional(store.reader())
        .await?)
}

/// A user as a session names them, and their account.
pub async fn user_ref(store: &Store, id: i64) -> Result<(UserRef, i64), AppError> {
    let (login, full_name, account): (String, String, i64) =
        sqlx::query_as("SELECT login, full_name, account_id FROM users WHERE id = $1")
            .bind(id)
            .fetch_one(store.reader())
            .await?;
    Ok((UserRef { id: UserId::new(id), login, full_name }, account))
}
