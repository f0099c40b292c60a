//! Sub-accounts' rows as the queries of `repo` read them.

use super::super::SubAccount;
use crate::store::Flag;

/// A row of `repo::SELECT`: a sub-account with its numbers of users and grants.
#[derive(sqlx::FromRow)]
pub(super) struct SubAccountRecord {
    pub id: i64,
    pub name: String,
    pub external_id: String,
    #[sqlx(try_from = "Flag")]
    pub active: bool,
    pub users: i64,
    pub granted: i64,
    pub version: i64,
}

impl From<SubAccountRecord> for SubAccount {
    fn from(r: SubAccountRecord) -> SubAccount {
        SubAccount {
            id: r.id,
            name: r.name,
            external_id: r.external_id,
            active: r.active,
            users: r.users,
            granted: r.granted,
            version: r.version,
        }
    }
}
