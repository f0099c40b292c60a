//! Substitutions' rows as the queries of `repo` read them.

use crate::store::Flag;

/// A row of `repo::SELECT`: the substitution and both users' names.
#[derive(sqlx::FromRow)]
pub(super) struct SubRecord {
    pub id: i64,
    pub absent_user_id: i64,
    pub substitute_user_id: i64,
    pub from_day: String,
    pub to_day: String,
    pub starts_at: i64,
    pub ends_at: i64,
    #[sqlx(try_from = "Flag")]
    pub active: bool,
    #[sqlx(try_from = "Flag")]
    pub forward_email: bool,
    pub version: i64,
    pub a_login: String,
    pub a_full: String,
    pub s_login: String,
    pub s_full: String,
}
