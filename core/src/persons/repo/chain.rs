//! The supervisor chain in storage: a user's person, a person's supervisor, and the users of a
//! person and everyone under them.

use crate::error::AppError;
use crate::guard::Scope;
use crate::store::Store;

/// The person a user is linked to.
pub async fn person_of_user(store: &Store, user: i64) -> Result<Option<i64>, AppError> {
    Ok(sqlx::query_scalar("SELECT person_id FROM users WHERE id = $1")
        .bind(user)
        .fetch_optional(store.reader())
        .await?
        .flatten())
}

/// The supervisor of a person of `account`.
pub async fn supervisor_of(store: &Store, person: i64, account: Scope) -> Result<Option<i64>, AppError> {
    Ok(sqlx::query_scalar("SELECT supervisor_id FROM persons WHERE id = $1 AND account_id = $2")
        .bind(person)
        .bind(account)
        .fetch_optional(store.reader())
        .await?
        .flatten())
}

/// The users linked to `person` (of `account`) or to anyone under them.
pub async fn users_under(store: &Store, person: i64, account: Scope) -> Result<Vec<i64>, AppError> {
    Ok(sqlx::query_scalar(
        "WITH RECURSIVE under(id) AS (
             SELECT id FROM persons WHERE id = $1 AND account_id = $2
             UNION SELECT p.id FROM persons p JOIN under ON p.supervisor_id = under.id)
         SELECT u.id FROM users u WHERE u.account_id = $2 AND u.person_id IN (SELECT id FROM under)",
    )
    .bind(person)
    .bind(account)
    .fetch_all(store.reader())
    .await?)
}
