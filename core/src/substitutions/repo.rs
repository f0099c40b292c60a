//! Substitutions in storage: who the caller may define them for, the lists, saving with the
//! seed's editing rules, and the sessions working in one.

use super::{PickUser, SubInput, SubList, SubOptions, SubState, Substitution, Tab};
use crate::catalogue::{Permission, Right};
use crate::error::AppError;
use crate::guard::Scope;
use crate::guard::Who;
use crate::store::{Flag, Store, Tx};
use crate::time::{day_end_ms, day_of_ms, day_start_ms};
use records::SubRecord;
use sqlx::AnyConnection;

pub mod mode;
mod records;

/// Whose substitutions the caller may define (their effective user's permissions).
#[derive(Clone, Debug)]
pub enum Reach {
    Anyone,
    /// These users: the caller (with "own") and their subordinates (with "subordinates'").
    Users(Vec<i64>),
}

impl Reach {
    pub fn covers(&self, user: i64) -> bool {
        match self {
            Reach::Anyone => true,
            Reach::Users(ids) => ids.contains(&user),
        }
    }
}

async fn scope(conn: &mut AnyConnection, who: &Who) -> Result<Reach, AppError> {
    let has = |p| who.rights.allows(Right::Perm(p));
    if has(Permission::SubstitutionsAnyone) {
        return Ok(Reach::Anyone);
    }
    let me = who.effective.id.get();
    let mut ids = Vec::new();
    if has(Permission::SubstitutionsOwn) {
        ids.push(me);
    }
    if has(Permission::SubstitutionsSubordinates) {
        // Everyone below the caller's person in the supervisor relation, at any depth.
        let rows: Vec<i64> = sqlx::query_scalar(
            "WITH RECURSIVE under(id) AS (
                 SELECT p.id FROM persons p JOIN users me ON me.person_id = p.supervisor_id WHERE me.id = $1
                 UNION SELECT p.id FROM persons p JOIN under ON p.supervisor_id = under.id)
             SELECT u.id FROM users u WHERE u.account_id = $2 AND u.person_id IN (SELECT id FROM under)",
        )
        .bind(me)
        .bind(who.scope())
        .fetch_all(&mut *conn)
        .await?;
        ids.extend(rows);
    }
    Ok(Reach::Users(ids))
}

/// The account's zone, today's date in it, and whether expired users may be chosen.
async fn account_day(
    conn: &mut AnyConnection,
    account: Scope,
    now: i64,
) -> Result<(String, String, bool), AppError> {
    let (zone, expired): (String, Flag) =
        sqlx::query_as("SELECT time_zone, substitute_expired FROM accounts WHERE id = $1")
            .bind(account)
            .fetch_one(&mut *conn)
            .await?;
    let today = day_of_ms(now, &zone);
    Ok((zone, today, expired.0))
}

const SELECT: &str = "
SELECT b.id, b.absent_user_id, b.substitute_user_id, b.from_day, b.to_day, b.starts_at, b.ends_at,
       b.active, b.forward_email, b.version,
       a.login AS a_login, a.full_name AS a_full, s.login AS s_login, s.full_name AS s_full
FROM substitutions b
JOIN users a ON a.id = b.absent_user_id
JOIN users s ON s.id = b.substitute_user_id";

pub struct Stored {
    pub item: Substitution,
}

fn read(r: SubRecord, now: i64, scope: &Reach) -> Stored {
    Stored {
        item: Substitution {
            id: r.id,
            absent_id: r.absent_user_id,
            absent: crate::users::display_name(&r.a_login, &r.a_full),
            substitute_id: r.substitute_user_id,
            substitute: crate::users::display_name(&r.s_login, &r.s_full),
            from_day: r.from_day,
            to_day: r.to_day,
            active: r.active,
            forward_email: r.forward_email,
            state: SubState::of(r.active, r.starts_at, r.ends_at, now),
            started: r.starts_at <= now,
            editable: scope.covers(r.absent_user_id) && now < r.ends_at,
            version: r.version,
        },
    }
}

/// The substitutions the caller may see: those they may define, and their own as absent or
/// substitute.
fn visible(rows: Vec<SubRecord>, now: i64, scope: &Reach, me: i64) -> Vec<Substitution> {
    rows.into_iter()
        .map(|r| read(r, now, scope).item)
        .filter(|s| scope.covers(s.absent_id) || s.substitute_id == me || s.absent_id == me)
        .collect()
}

/// One tab of the list: what the caller may define, and what concerns them.
pub async fn list(
    conn: &mut AnyConnection,
    who: &Who,
    tab: Tab,
    now: i64,
) -> Result<Vec<Substitution>, AppError> {
    let scope = scope(&mut *conn, who).await?;
    let (filter, order) = match tab {
        Tab::Active => ("b.ends_at > $2 AND b.active = TRUE", "b.starts_at, b.id"),
        Tab::Inactive => ("(b.ends_at <= $2 OR b.active = FALSE)", "b.ends_at DESC, b.id DESC"),
    };
    let rows: Vec<SubRecord> =
        sqlx::query_as(&format!("{SELECT} WHERE b.account_id = $1 AND {filter} ORDER BY {order} LIMIT 1000"))
            .bind(who.scope())
            .bind(now)
            .fetch_all(&mut *conn)
            .await?;
    Ok(visible(rows, now, &scope, who.effective.id.get()))
}

async fn load(
    conn: &mut AnyConnection,
    account: Scope,
    id: i64,
    now: i64,
    scope: &Reach,
) -> Result<Stored, AppError> {
    let r: SubRecord = sqlx::query_as(&format!("{SELECT} WHERE b.account_id = $1 AND b.id = $2"))
        .bind(account)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(read(r, now, scope))
}

/// A user who may be chosen (a console user, active, not blocked) and whether their validity
/// has ended (then only as an absent user, where the account allows it).
struct Candidate {
    user: PickUser,
    expired: bool,
}

async fn candidates(
    conn: &mut AnyConnection,
    account: Scope,
    now: i64,
    only: Option<i64>,
) -> Result<Vec<Candidate>, AppError> {
    let one = if only.is_some() { " AND id = $3" } else { "" };
    let sql = format!(
        "SELECT id, login, full_name, CASE WHEN valid_to IS NOT NULL AND valid_to <= $2 THEN 1 ELSE 0 END AS expired
         FROM users
         WHERE account_id = $1 AND kind IN ('internal', 'universal') AND active = TRUE AND blocked = FALSE{one}
         ORDER BY full_name, login"
    );
    let mut query = sqlx::query_as::<_, (i64, String, String, i64)>(&sql).bind(account).bind(now);
    if let Some(id) = only {
        query = query.bind(id);
    }
    let rows = query.fetch_all(&mut *conn).await?;
    Ok(rows
        .into_iter()
        .map(|(id, login, full_name, expired)| Candidate {
            user: PickUser { id, name: crate::users::labelled_name(&login, &full_name) },
            expired: expired == 1,
        })
        .collect())
}

/// Whether `user` may be chosen now.
async fn choosable(
    conn: &mut AnyConnection,
    account: Scope,
    now: i64,
    user: i64,
    expired_ok: bool,
) -> Result<bool, AppError> {
    Ok(candidates(conn, account, now, Some(user)).await?.iter().any(|c| expired_ok || !c.expired))
}

pub async fn options(conn: &mut AnyConnection, who: &Who, now: i64) -> Result<SubOptions, AppError> {
    let scope = scope(&mut *conn, who).await?;
    let (_, today, expired_ok) = account_day(&mut *conn, who.scope(), now).await?;
    let all = candidates(&mut *conn, who.scope(), now, None).await?;
    let substitutes = all.iter().filter(|c| !c.expired).map(|c| c.user.clone()).collect();
    let absent = all.into_iter().filter(|c| expired_ok || !c.expired).map(|c| c.user);
    let me = who.effective.id.get();
    Ok(SubOptions {
        today,
        me: scope.covers(me).then_some(me),
        absent: absent.filter(|u| scope.covers(u.id)).collect(),
        substitutes,
    })
}

/// Whether `user` is of `account` (another account's ids are "not found").
async fn in_account(conn: &mut AnyConnection, account: Scope, user: i64) -> Result<(), AppError> {
    let found: Option<i64> = sqlx::query_scalar("SELECT id FROM users WHERE id = $1 AND account_id = $2")
        .bind(user)
        .bind(account)
        .fetch_optional(&mut *conn)
        .await?;
    found.map(|_| ()).ok_or(AppError::NotFound)
}

/// A substitution as saved: its people, days and their instants in the account's zone, the
/// switches, and who wrote it (`vouched_by`: whose rights cover what the substitute gains).
pub struct Row<'a> {
    pub account: Scope,
    pub absent: i64,
    pub substitute: i64,
    pub input: &'a SubInput,
    pub starts_at: i64,
    pub ends_at: i64,
    pub created_by: i64,
    pub vouched_by: i64,
}

/// Inserts a substitution (no id) or updates one at the form's version; answers its id.
pub async fn write(tx: &mut Tx, row: &Row<'_>) -> Result<i64, AppError> {
    let (input, account, absent, substitute) = (row.input, row.account, row.absent, row.substitute);
    let (starts_at, ends_at, now) = (row.starts_at, row.ends_at, tx.now());
    let id = match input.id {
        None => {
            sqlx::query_scalar(
                "INSERT INTO substitutions (account_id, absent_user_id, substitute_user_id, from_day, to_day,
                     starts_at, ends_at, active, forward_email, created_by, created_at, vouched_by)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
            )
            .bind(account)
            .bind(absent)
            .bind(substitute)
            .bind(input.from_day.trim())
            .bind(input.to_day.trim())
            .bind(starts_at)
            .bind(ends_at)
            .bind(input.active)
            .bind(input.forward_email)
            .bind(row.created_by)
            .bind(now)
            .bind(row.vouched_by)
            .fetch_one(tx.conn())
            .await?
        }
        Some(id) => {
            let changed = sqlx::query(
                "UPDATE substitutions SET absent_user_id = $1, substitute_user_id = $2, from_day = $3, to_day = $4,
                     starts_at = $5, ends_at = $6, active = $7, forward_email = $8, vouched_by = $12,
                     version = version + 1
                 WHERE id = $9 AND account_id = $10 AND version = $11",
            )
            .bind(absent)
            .bind(substitute)
            .bind(input.from_day.trim())
            .bind(input.to_day.trim())
            .bind(starts_at)
            .bind(ends_at)
            .bind(input.active)
            .bind(input.forward_email)
            .bind(id)
            .bind(account)
            .bind(input.version)
            .bind(row.vouched_by)
            .execute(tx.conn())
            .await?
            .rows_affected();
            crate::store::expect_changed(changed)?;
            id
        }
    };
    Ok(id)
}

/// What saving a substitution is judged by, read in the save's transaction: the account's
/// zone and today, the caller's scope, the substitution as stored (for a change), and whether
/// each of the two people may be chosen now. A person of another account, or a substitution
/// that is not there, is not found.
pub struct SaveFacts {
    pub zone: String,
    pub today: String,
    pub scope: Reach,
    pub before: Option<Stored>,
    pub absent_choosable: bool,
    pub substitute_choosable: bool,
}

pub async fn save_facts(tx: &mut Tx, who: &Who, input: &SubInput) -> Result<SaveFacts, AppError> {
    let (now, account) = (tx.now(), who.scope());
    let conn = tx.conn();
    let (zone, today, expired_ok) = account_day(&mut *conn, account, now).await?;
    for user in [input.absent_id, input.substitute_id].into_iter().flatten() {
        in_account(&mut *conn, account, user).await?;
    }
    let scope = scope(&mut *conn, who).await?;
    let before = match input.id {
        Some(id) => Some(load(&mut *conn, account, id, now, &scope).await?),
        None => None,
    };
    let (absent, substitute) = (input.absent_id.unwrap_or_default(), input.substitute_id.unwrap_or_default());
    let absent_choosable = choosable(&mut *conn, account, now, absent, expired_ok).await?;
    let substitute_choosable = choosable(&mut *conn, account, now, substitute, false).await?;
    Ok(SaveFacts { zone, today, scope, before, absent_choosable, substitute_choosable })
}

/// Active substitutions of the same people overlapping a period, for the form's information.
pub async fn overlaps(
    conn: &mut AnyConnection,
    who: &Who,
    people: [i64; 2],
    period: (i64, i64),
    except: Option<i64>,
    now: i64,
) -> Result<Vec<Substitution>, AppError> {
    let rows: Vec<SubRecord> = sqlx::query_as(&format!(
        "{SELECT} WHERE b.account_id = $1 AND b.active = TRUE AND b.starts_at < $2 AND b.ends_at > $3
           AND b.id <> $4 AND (b.absent_user_id IN ($5, $6) OR b.substitute_user_id IN ($5, $6))
         ORDER BY b.starts_at LIMIT 20"
    ))
    .bind(who.scope())
    .bind(period.1)
    .bind(period.0)
    .bind(except.unwrap_or(0))
    .bind(people[0])
    .bind(people[1])
    .fetch_all(&mut *conn)
    .await?;
    // Only what the list would show the caller (issue 13: overlaps leaked the others).
    let scope = scope(&mut *conn, who).await?;
    Ok(visible(rows, now, &scope, who.effective.id.get()))
}

/// Recomputes the instants of every unfinished substitution after the account's zone changed.
pub async fn rezone(tx: &mut Tx, account: Scope, zone: &str) -> Result<(), AppError> {
    let now = tx.now();
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT id, from_day, to_day FROM substitutions WHERE account_id = $1 AND ends_at > $2",
    )
    .bind(account)
    .bind(now)
    .fetch_all(tx.conn())
    .await?;
    for (id, from, to) in rows {
        if let (Some(starts), Some(ends)) = (day_start_ms(&from, zone), day_end_ms(&to, zone)) {
            sqlx::query("UPDATE substitutions SET starts_at = $1, ends_at = $2 WHERE id = $3")
                .bind(starts)
                .bind(ends)
                .bind(id)
                .execute(tx.conn())
                .await?;
        }
    }
    Ok(())
}

/// One tab of the list with today's date in the account's time zone.
pub async fn list_page(store: &Store, who: &Who, tab: Tab) -> Result<SubList, AppError> {
    let now = store.now();
    let mut conn = store.reader().acquire().await?;
    let (_, today, _) = account_day(&mut conn, who.scope(), now).await?;
    let items = list(&mut conn, who, tab, now).await?;
    Ok(SubList { today, items })
}

/// Whom `who` may define substitutions for, and who may substitute.
pub async fn options_for(store: &Store, who: &Who) -> Result<SubOptions, AppError> {
    let mut conn = store.reader().acquire().await?;
    options(&mut conn, who, store.now()).await
}

/// Other active substitutions of the same two people in a period of days (the form's
/// information); nothing for days that are not dates.
pub async fn overlaps_of(
    store: &Store,
    who: &Who,
    people: [i64; 2],
    days: (&str, &str),
    except: Option<i64>,
) -> Result<Vec<Substitution>, AppError> {
    let now = store.now();
    let mut conn = store.reader().acquire().await?;
    let (zone, _, _) = account_day(&mut conn, who.scope(), now).await?;
    for user in people {
        in_account(&mut conn, who.scope(), user).await?;
    }
    let (Some(from), Some(to)) = (day_start_ms(days.0, &zone), day_end_ms(days.1, &zone)) else {
        return Ok(Vec::new());
    };
    overlaps(&mut conn, who, people, (from, to), except, now).await
}
