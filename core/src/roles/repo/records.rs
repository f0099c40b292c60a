//! Roles' rows as the queries of `repo` read them.

use super::super::Member;

/// A role as stored; `builtin` is parsed with `Builtin::parse`.
#[derive(sqlx::FromRow)]
pub(super) struct RoleRecord {
    pub name: String,
    pub description: String,
    pub builtin: Option<String>,
    pub version: i64,
}

/// A row of `repo::MEMBER_COLUMNS`; the names are NULL without a linked person.
#[derive(sqlx::FromRow)]
pub(super) struct MemberRecord {
    pub id: i64,
    pub login: String,
    pub full_name: String,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
}

impl From<MemberRecord> for Member {
    fn from(r: MemberRecord) -> Member {
        Member {
            user_id: r.id,
            login: r.login,
            full_name: r.full_name,
            person: r.first_name.zip(r.last_name).map(|(f, l)| format!("{f} {l}")),
        }
    }
}
