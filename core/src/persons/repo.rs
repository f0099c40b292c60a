//! Persons in storage, always within one account.

use super::{Person, PersonChoice, PersonInput, PersonQuery, PersonRow, PersonT};
use crate::error::{AppError, Checks, Message};
use crate::guard::Scope;
use crate::i18n::CommonT;
use crate::list::{contains_pattern, search_key, Page, PAGE_SIZE};
use crate::rights::PersonFilter;
use crate::store::{non_null, Store, Tx};
use records::{ChoiceRecord, PersonRecord, RowRecord};

pub mod chain;
mod records;

fn display(first: &str, last: &str) -> String {
    format!("{last} {first}")
}

/// The SQL condition (on `p`) of the persons a session may view. The ids are numbers from our
/// own tables, so they are written into the statement.
pub fn visible(filter: &PersonFilter) -> String {
    if filter.all {
        return "TRUE".into();
    }
    let list = |ids: &[i64]| {
        if ids.is_empty() {
            "-1".to_string()
        } else {
            ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
        }
    };
    format!(
        "((p.unit_id IN ({}) AND p.id NOT IN ({})) OR p.id IN ({}))",
        list(&filter.units),
        list(&filter.exclude),
        list(&filter.include)
    )
}

pub async fn list(
    store: &Store,
    account: Scope,
    q: &PersonQuery,
    rights: &PersonFilter,
) -> Result<Page<PersonRow>, AppError> {
    let pattern = contains_pattern(&q.search);
    let filter = format!(
        "p.account_id = $1 AND p.search_key LIKE $2 ESCAPE '\\' AND ($3 = 0 OR p.unit_id = $3) AND {}",
        visible(rights)
    );
    let total: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM persons p WHERE {filter}"))
        .bind(account)
        .bind(&pattern)
        .bind(q.unit_id.unwrap_or(0))
        .fetch_one(store.reader())
        .await?;
    let rows: Vec<RowRecord> = sqlx::query_as(&format!(
        "SELECT p.id, p.first_name, p.last_name, p.personal_number, u.name AS unit_name,
                s.first_name AS s_first, s.last_name AS s_last
         FROM persons p JOIN units u ON u.id = p.unit_id LEFT JOIN persons s ON s.id = p.supervisor_id
         WHERE {filter}
         ORDER BY p.last_name, p.first_name, p.id
         LIMIT $4 OFFSET $5"
    ))
    .bind(account)
    .bind(&pattern)
    .bind(q.unit_id.unwrap_or(0))
    .bind(PAGE_SIZE as i64)
    .bind(q.page as i64 * PAGE_SIZE as i64)
    .fetch_all(store.reader())
    .await?;
    let rows = rows
        .into_iter()
        .map(|r| PersonRow {
            id: r.id,
            first_name: r.first_name,
            last_name: r.last_name,
            personal_number: r.personal_number,
            unit_name: r.unit_name,
            supervisor: r.s_first.zip(r.s_last).map(|(f, l)| display(&f, &l)),
        })
        .collect();
    Ok(Page { rows, total: total as u64 })
}

/// Persons whose name or number contains `search`, for pickers.
pub async fn choices(
    store: &Store,
    account: Scope,
    search: &str,
    rights: &PersonFilter,
) -> Result<Vec<PersonChoice>, AppError> {
    let rows: Vec<ChoiceRecord> = sqlx::query_as(&format!(
        "SELECT p.id, p.first_name, p.last_name, p.personal_number FROM persons p
         WHERE p.account_id = $1 AND p.search_key LIKE $2 ESCAPE '\\' AND {}
         ORDER BY p.last_name, p.first_name, p.id LIMIT 30",
        visible(rights)
    ))
    .bind(account)
    .bind(contains_pattern(search))
    .fetch_all(store.reader())
    .await?;
    Ok(rows.into_iter().map(PersonChoice::from).collect())
}

/// One person of the account as a choice, if it exists there.
pub async fn choice_of(tx: &mut Tx, account: Scope, id: i64) -> Result<Option<PersonChoice>, AppError> {
    let row: Option<ChoiceRecord> = sqlx::query_as(
        "SELECT id, first_name, last_name, personal_number FROM persons WHERE id = $1 AND account_id = $2",
    )
    .bind(id)
    .bind(account)
    .fetch_optional(tx.conn())
    .await?;
    Ok(row.map(PersonChoice::from))
}

/// The unit of a person of the account, if there is such a person.
pub async fn unit_of(store: &Store, account: Scope, person: i64) -> Result<Option<i64>, AppError> {
    let unit = sqlx::query_scalar("SELECT unit_id FROM persons WHERE id = $1 AND account_id = $2")
        .bind(person)
        .bind(account)
        .fetch_optional(store.reader())
        .await?;
    Ok(unit)
}

pub async fn get(store: &Store, account: Scope, id: i64) -> Result<Person, AppError> {
    let r: PersonRecord = sqlx::query_as(
        "SELECT p.id, p.first_name, p.last_name, p.personal_number, p.unit_id, p.supervisor_id, p.version,
                s.first_name AS s_first, s.last_name AS s_last, s.personal_number AS s_number,
                (SELECT COUNT(*) FROM persons c WHERE c.supervisor_id = p.id) AS subordinates
         FROM persons p LEFT JOIN persons s ON s.id = p.supervisor_id
         WHERE p.id = $1 AND p.account_id = $2",
    )
    .bind(id)
    .bind(account)
    .fetch_optional(store.reader())
    .await?
    .ok_or(AppError::NotFound)?;
    let users: Vec<(String, String)> =
        sqlx::query_as("SELECT login, kind FROM users WHERE person_id = $1 ORDER BY login")
            .bind(id)
            .fetch_all(store.reader())
            .await?;
    let supervisor = match r.supervisor_id {
        Some(sid) => Some(PersonChoice {
            id: sid,
            name: display(&non_null(r.s_first, "s_first")?, &non_null(r.s_last, "s_last")?),
            personal_number: non_null(r.s_number, "s_number")?,
        }),
        None => None,
    };
    Ok(Person {
        id,
        first_name: r.first_name,
        last_name: r.last_name,
        personal_number: r.personal_number,
        unit_id: r.unit_id,
        supervisor,
        version: r.version,
        users,
        subordinates: r.subordinates,
    })
}

/// Checks the persons' own rows into `checks`: the supervisor exists in the account, the
/// supervisor chain has no circle, the personal number is free (the service checks the unit).
pub async fn check_references(
    tx: &mut Tx,
    account: Scope,
    input: &PersonInput,
    checks: &mut Checks,
) -> Result<(), AppError> {
    let mut next = input.supervisor_id;
    let mut steps = 0;
    while let Some(current) = next {
        let row: Option<Option<i64>> =
            sqlx::query_scalar("SELECT supervisor_id FROM persons WHERE id = $1 AND account_id = $2")
                .bind(current)
                .bind(account)
                .fetch_optional(tx.conn())
                .await?;
        let Some(above) = row else {
            checks.add("supervisor_id", PersonT::Supervisor, Message::new(CommonT::FieldUnknown));
            break;
        };
        if input.id == Some(current) || steps > 10_000 {
            checks.add("supervisor_id", PersonT::Supervisor, Message::new(PersonT::SupervisorLoop));
            break;
        }
        next = above;
        steps += 1;
    }
    let number = input.personal_number.trim();
    if !number.is_empty() {
        let taken: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM persons WHERE account_id = $1 AND personal_number = $2 AND id <> $3",
        )
        .bind(account)
        .bind(number)
        .bind(input.id.unwrap_or(0))
        .fetch_optional(tx.conn())
        .await?;
        if taken.is_some() {
            checks.add("personal_number", PersonT::PersonalNumber, Message::new(CommonT::FieldDuplicate));
        }
    }
    Ok(())
}

/// Creates or updates a person (checked by `check_references`); returns the id and, for an
/// update, the person before.
pub async fn save(
    tx: &mut Tx,
    store: &Store,
    account: Scope,
    input: &PersonInput,
) -> Result<(i64, Option<Person>), AppError> {
    let key = search_key(&[
        &input.first_name,
        &input.last_name,
        &input.last_name,
        &input.first_name,
        &input.personal_number,
    ]);
    match input.id {
        None => {
            let now = tx.now();
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO persons (account_id, unit_id, first_name, last_name, personal_number, supervisor_id, search_key, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
            )
            .bind(account)
            .bind(input.unit_id)
            .bind(input.first_name.trim())
            .bind(input.last_name.trim())
            .bind(input.personal_number.trim())
            .bind(input.supervisor_id)
            .bind(key)
            .bind(now)
            .fetch_one(tx.conn())
            .await?;
            Ok((id, None))
        }
        Some(id) => {
            let before = get(store, account, id).await?;
            let changed = sqlx::query(
                "UPDATE persons SET unit_id = $1, first_name = $2, last_name = $3, personal_number = $4,
                        supervisor_id = $5, search_key = $6, version = version + 1
                 WHERE id = $7 AND account_id = $8 AND version = $9",
            )
            .bind(input.unit_id)
            .bind(input.first_name.trim())
            .bind(input.last_name.trim())
            .bind(input.personal_number.trim())
            .bind(input.supervisor_id)
            .bind(key)
            .bind(id)
            .bind(account)
            .bind(input.version)
            .execute(tx.conn())
            .await?
            .rows_affected();
            crate::store::expect_changed(changed)?;
            Ok((id, Some(before)))
        }
    }
}

pub async fn delete(
    tx: &mut Tx,
    store: &Store,
    account: Scope,
    id: i64,
    version: i64,
) -> Result<Person, AppError> {
    let person = get(store, account, id).await?;
    crate::store::expect_version(person.version, version)?;
    let name = display(&person.first_name, &person.last_name);
    if !person.users.is_empty() {
        let logins: Vec<&str> = person.users.iter().map(|(l, _)| l.as_str()).collect();
        return Err(AppError::Refused(
            Message::new(PersonT::HasUsers).arg("name", name).arg("logins", logins.join(", ")),
        ));
    }
    if person.subordinates > 0 {
        return Err(AppError::Refused(
            Message::new(PersonT::HasSubordinates).arg("name", name).arg("count", person.subordinates),
        ));
    }
    let deleted = sqlx::query("DELETE FROM persons WHERE id = $1 AND account_id = $2 AND version = $3")
        .bind(id)
        .bind(account)
        .bind(version)
        .execute(tx.conn())
        .await?
        .rows_affected();
    crate::store::expect_changed(deleted)?;
    Ok(person)
}
