//! `klucznik demo`: a realistic sample for exploring and for the end-to-end tests — a main
//! account with a unit tree, persons with supervisors and users in several roles, and two
//! sub-accounts with their own people.

use super::account::new_account;
use crate::auth::password::Hasher;
use crate::catalogue::{DataOp, Module, Op, Permission, Right};
use crate::error::AppError;
use crate::guard::scope::job;
use crate::roles::repo::{insert as insert_role, membership::add as add_member};
use crate::store::{Store, Tx};
use crate::users::repo::insert_internal as insert_user;

/// The password of every demo user unless `KLUCZNIK_DEMO_PASSWORD` says otherwise.
pub const DEFAULT_DEMO_PASSWORD: &str = "Demo-Klucznik-2026";

pub enum DemoOutcome {
    Filled { users: Vec<String> },
    AlreadyThere,
}

struct Person<'a> {
    first: &'a str,
    last: &'a str,
    unit: usize,
    supervisor: Option<usize>,
}

/// A user of the sample: login, the person it is linked to, roles by name, blocked.
struct DemoUser<'a> {
    login: &'a str,
    person: usize,
    roles: &'a [&'a str],
    blocked: bool,
}

pub async fn fill(store: &Store, hasher: &Hasher, password: &str) -> Result<DemoOutcome, String> {
    let fail = |e: AppError| format!("cannot fill the demo sample: {e}");
    let (demo, users, accounts): (bool, i64, i64) = {
        let demo: crate::store::Flag = sqlx::query_scalar("SELECT demo FROM installation WHERE id = 1")
            .fetch_optional(store.reader())
            .await
            .map_err(|e| fail(e.into()))?
            .ok_or("the database is not bootstrapped yet")?;
        let demo = demo.0;
        let users = sqlx::query_scalar("SELECT COUNT(*) FROM users")
            .fetch_one(store.reader())
            .await
            .map_err(|e| fail(e.into()))?;
        let accounts = sqlx::query_scalar("SELECT COUNT(*) FROM accounts")
            .fetch_one(store.reader())
            .await
            .map_err(|e| fail(e.into()))?;
        (demo, users, accounts)
    };
    if demo {
        return Ok(DemoOutcome::AlreadyThere);
    }
    if users > 1 || accounts > 1 {
        return Err("the database already holds data; the demo sample goes only into a new database".into());
    }
    let hash = hasher.hash(password).await.map_err(fail)?;
    let mut tx = store.begin().await.map_err(fail)?;
    let mut logins = Vec::new();
    main_account(&mut tx, &hash, &mut logins).await.map_err(fail)?;
    sub_account(&mut tx, &hash, "Oddział Brno", "PT-0002", BRNO_UNITS, BRNO_PEOPLE, BRNO_USERS, &mut logins)
        .await
        .map_err(fail)?;
    sub_account(
        &mut tx,
        &hash,
        "Oddział Gdańsk",
        "PT-0003",
        GDANSK_UNITS,
        GDANSK_PEOPLE,
        GDANSK_USERS,
        &mut logins,
    )
    .await
    .map_err(fail)?;
    // A main-account auditor who may also look into one branch (seed 004's access grant).
    sqlx::query(
        "INSERT INTO account_access (user_id, account_id)
         SELECT u.id, a.id FROM users u, accounts a WHERE u.login = 'michal.zielinski' AND a.name = 'Oddział Brno'",
    )
    .execute(tx.conn())
    .await
    .map_err(|e| fail(e.into()))?;
    substitution(&mut tx).await.map_err(fail)?;
    sqlx::query("UPDATE accounts SET rights_version = rights_version + 1")
        .execute(tx.conn())
        .await
        .map_err(|e| fail(e.into()))?;
    sqlx::query("UPDATE installation SET demo = TRUE WHERE id = 1")
        .execute(tx.conn())
        .await
        .map_err(|e| fail(e.into()))?;
    tx.commit().await.map_err(fail)?;
    Ok(DemoOutcome::Filled { users: logins })
}

const MAIN_UNITS: &[(&str, Option<usize>)] = &[
    ("Zarząd", None),
    ("Finanse", None),
    ("Kadry", None),
    ("Sprzedaż", None),
    ("Sprzedaż Kraków", Some(3)),
    ("Sprzedaż Gdańsk", Some(3)),
    ("Magazyn", None),
    ("Magazyn Poznań", Some(6)),
];

const MAIN_PEOPLE: &[Person] = &[
    Person { first: "Magdalena", last: "Dąbrowska", unit: 0, supervisor: None },
    Person { first: "Anna", last: "Nowak", unit: 2, supervisor: Some(0) },
    Person { first: "Piotr", last: "Wiśniewski", unit: 3, supervisor: Some(0) },
    Person { first: "Jan", last: "Kowalski", unit: 4, supervisor: Some(2) },
    Person { first: "Katarzyna", last: "Wójcik", unit: 4, supervisor: Some(3) },
    Person { first: "Tomasz", last: "Kamiński", unit: 5, supervisor: Some(2) },
    Person { first: "Agnieszka", last: "Lewandowska", unit: 5, supervisor: Some(5) },
    Person { first: "Ewa", last: "Szymańska", unit: 6, supervisor: Some(0) },
    Person { first: "Krzysztof", last: "Woźniak", unit: 7, supervisor: Some(7) },
    Person { first: "Michał", last: "Zieliński", unit: 1, supervisor: Some(0) },
    Person { first: "Barbara", last: "Kozłowska", unit: 1, supervisor: Some(9) },
    Person { first: "Paweł", last: "Jankowski", unit: 7, supervisor: Some(8) },
];

const MAIN_USERS: &[DemoUser] = &[
    DemoUser { login: "magdalena.dabrowska", person: 0, roles: &["Administrators"], blocked: false },
    DemoUser { login: "anna.nowak", person: 1, roles: &["Kadry"], blocked: false },
    DemoUser { login: "piotr.wisniewski", person: 2, roles: &["Sprzedawcy", "Audytorzy"], blocked: false },
    DemoUser { login: "jan.kowalski", person: 3, roles: &["Sprzedawcy"], blocked: false },
    DemoUser { login: "ewa.szymanska", person: 7, roles: &["Magazynierzy"], blocked: false },
    DemoUser { login: "michal.zielinski", person: 9, roles: &["Audytorzy"], blocked: false },
    DemoUser { login: "tomasz.kaminski", person: 5, roles: &["Sprzedawcy"], blocked: true },
];

/// Roles of the main account and what they allow.
fn main_roles() -> Vec<(&'static str, &'static str, Vec<Right>)> {
    use Module::*;
    let ops = |m: Module, list: &[Op]| list.iter().map(move |op| Right::Op(m, *op)).collect::<Vec<_>>();
    vec![
        (
            "Kadry",
            "Kadry: prowadzą kartoteki pracowników.",
            [
                ops(Persons, &[Op::View, Op::Create, Op::Edit, Op::Delete, Op::Print]),
                ops(Units, &[Op::View]),
                ops(Users, &[Op::View, Op::Edit]),
                vec![
                    Right::Perm(Permission::PersonalDataHistory),
                    Right::Perm(Permission::SubstitutionsSubordinates),
                ],
            ]
            .concat(),
        ),
        (
            "Sprzedawcy",
            "Dział sprzedaży.",
            [ops(Persons, &[Op::View]), vec![Right::Perm(Permission::SubstitutionsOwn)]].concat(),
        ),
        ("Magazynierzy", "Magazyn.", ops(Persons, &[Op::View])),
        (
            "Audytorzy",
            "Przeglądają sesje i dziennik zdarzeń.",
            [
                ops(Sessions, &[Op::View, Op::Print]),
                ops(Audit, &[Op::View, Op::Print]),
                vec![Right::Perm(Permission::MultipleSessions)],
            ]
            .concat(),
        ),
    ]
}

async fn main_account(tx: &mut Tx, hash: &str, logins: &mut Vec<String>) -> Result<(), AppError> {
    let (account, root): (i64, i64) = {
        let account: i64 = sqlx::query_scalar("SELECT id FROM accounts WHERE parent_id IS NULL")
            .fetch_one(tx.conn())
            .await?;
        sqlx::query("UPDATE accounts SET name = 'Nordwind sp. z o.o.', name_key = 'nordwind sp. z o.o.' WHERE id = $1")
            .bind(account)
            .execute(tx.conn())
            .await?;
        let root: i64 =
            sqlx::query_scalar("SELECT id FROM units WHERE account_id = $1 AND parent_id IS NULL")
                .bind(account)
                .fetch_one(tx.conn())
                .await?;
        sqlx::query("UPDATE units SET name = 'Nordwind sp. z o.o.' WHERE id = $1")
            .bind(root)
            .execute(tx.conn())
            .await?;
        (account, root)
    };
    let mut roles = Vec::new();
    for (name, description, rights) in main_roles() {
        let id = insert_role(tx, job(account), name, description, None).await?;
        for right in rights {
            sqlx::query(
                "INSERT INTO grants (account_id, role_id, right_key, allow) VALUES ($1, $2, $3, TRUE)",
            )
            .bind(account)
            .bind(id)
            .bind(right.key())
            .execute(tx.conn())
            .await?;
        }
        roles.push((name, id));
    }
    let builtin: Vec<(String, i64)> =
        sqlx::query_as("SELECT name, id FROM roles WHERE account_id = $1 AND builtin IS NOT NULL")
            .bind(account)
            .fetch_all(tx.conn())
            .await?;
    let role_ids: Vec<(&str, i64)> =
        roles.into_iter().chain(builtin.iter().map(|(n, i)| (n.as_str(), *i))).collect();
    people_and_users(tx, hash, account, root, MAIN_UNITS, MAIN_PEOPLE, MAIN_USERS, &role_ids, logins).await?;
    for (role, units) in MAIN_ROLE_UNITS {
        if let Some((_, id)) = role_ids.iter().find(|(n, _)| n == role) {
            attach_units(tx, account, *id, units).await?;
        }
    }
    for (role, node, ops) in MAIN_ROLE_DATA {
        if let Some((_, id)) = role_ids.iter().find(|(n, _)| n == role) {
            give_data(tx, account, *id, node, ops).await?;
        }
    }
    Ok(())
}

/// Which persons each role of the main account may see and change (seed 002 "Práva na osoby").
const MAIN_ROLE_DATA: &[(&str, &str, &[DataOp])] = &[
    ("Kadry", "Nordwind sp. z o.o.", &DataOp::ALL),
    ("Sprzedawcy", "Sprzedaż", &[DataOp::View]),
    ("Sprzedawcy", "assigned", &[DataOp::View, DataOp::Edit]),
    ("Magazynierzy", "Magazyn", &[DataOp::View]),
    ("Audytorzy", "Nordwind sp. z o.o.", &[DataOp::View]),
];

/// Allows data operations to a role at a unit (by name) or at "assigned" / "subordinates".
async fn give_data(tx: &mut Tx, account: i64, role: i64, node: &str, ops: &[DataOp]) -> Result<(), AppError> {
    let (target, unit): (&str, Option<i64>) = match node {
        "assigned" | "subordinates" => (node, None),
        name => {
            let unit = sqlx::query_scalar("SELECT id FROM units WHERE account_id = $1 AND name = $2")
                .bind(account)
                .bind(name)
                .fetch_one(tx.conn())
                .await?;
            ("unit", Some(unit))
        }
    };
    for op in ops {
        sqlx::query(
            "INSERT INTO grants (account_id, role_id, right_key, target, unit_id, allow) VALUES ($1, $2, $3, $4, $5, TRUE)",
        )
        .bind(account)
        .bind(role)
        .bind(op.grant_key())
        .bind(target)
        .bind(unit)
        .execute(tx.conn())
        .await?;
    }
    Ok(())
}

/// Where the members of each role of the main account may sign in.
const MAIN_ROLE_UNITS: &[(&str, &[&str])] = &[
    ("Kadry", &["Kadry", "Zarząd"]),
    ("Sprzedawcy", &["Sprzedaż", "Sprzedaż Kraków", "Sprzedaż Gdańsk"]),
    ("Magazynierzy", &["Magazyn", "Magazyn Poznań"]),
    ("Audytorzy", &["Nordwind sp. z o.o."]),
];

async fn attach_units(tx: &mut Tx, account: i64, role: i64, names: &[&str]) -> Result<(), AppError> {
    for name in names {
        sqlx::query(
            "INSERT INTO role_units (role_id, unit_id) SELECT $1, id FROM units WHERE account_id = $2 AND name = $3",
        )
        .bind(role)
        .bind(account)
        .bind(*name)
        .execute(tx.conn())
        .await?;
    }
    Ok(())
}

const BRNO_UNITS: &[(&str, Option<usize>)] = &[("Výroba", None), ("Expedice", None)];
const BRNO_PEOPLE: &[Person] = &[
    Person { first: "Jana", last: "Nováková", unit: 0, supervisor: None },
    Person { first: "Petr", last: "Svoboda", unit: 0, supervisor: Some(0) },
    Person { first: "Lucie", last: "Dvořáková", unit: 1, supervisor: Some(0) },
];
const BRNO_USERS: &[DemoUser] = &[
    DemoUser { login: "jana.novakova", person: 0, roles: &["Administrators"], blocked: false },
    DemoUser { login: "petr.svoboda", person: 1, roles: &["Mistři"], blocked: false },
];
const GDANSK_UNITS: &[(&str, Option<usize>)] = &[("Port", None)];
const GDANSK_PEOPLE: &[Person] = &[
    Person { first: "Zofia", last: "Kaczmarek", unit: 0, supervisor: None },
    Person { first: "Marek", last: "Mazur", unit: 0, supervisor: Some(0) },
];
const GDANSK_USERS: &[DemoUser] = &[
    DemoUser { login: "zofia.kaczmarek", person: 0, roles: &["Administrators"], blocked: false },
    DemoUser { login: "marek.mazur", person: 1, roles: &["Mistři"], blocked: false },
];

#[allow(clippy::too_many_arguments)]
async fn sub_account(
    tx: &mut Tx,
    hash: &str,
    name: &str,
    external_id: &str,
    units: &[(&str, Option<usize>)],
    people: &[Person<'_>],
    users: &[DemoUser<'_>],
    logins: &mut Vec<String>,
) -> Result<(), AppError> {
    let main: i64 =
        sqlx::query_scalar("SELECT id FROM accounts WHERE parent_id IS NULL").fetch_one(tx.conn()).await?;
    let account = new_account(tx, Some(main), name, Some(external_id)).await?;
    let foremen = insert_role(tx, account.scope, "Mistři", "Vedoucí směn.", None).await?;
    sqlx::query("INSERT INTO grants (account_id, role_id, right_key, allow) VALUES ($1, $2, $3, TRUE)")
        .bind(account.id)
        .bind(foremen)
        .bind(Right::Op(Module::Persons, Op::View).key())
        .execute(tx.conn())
        .await?;
    let roles =
        [("Administrators", account.administrators), ("Everyone", account.everyone), ("Mistři", foremen)];
    people_and_users(tx, hash, account.id, account.root_unit, units, people, users, &roles, logins).await?;
    let names: Vec<&str> = units.iter().map(|(n, _)| *n).collect();
    attach_units(tx, account.id, foremen, &names).await?;
    give_data(tx, account.id, foremen, name, &[DataOp::View]).await
}

#[allow(clippy::too_many_arguments)]
async fn people_and_users(
    tx: &mut Tx,
    hash: &str,
    account: i64,
    root: i64,
    units: &[(&str, Option<usize>)],
    people: &[Person<'_>],
    users: &[DemoUser<'_>],
    roles: &[(&str, i64)],
    logins: &mut Vec<String>,
) -> Result<(), AppError> {
    let now = tx.now();
    let mut unit_ids = Vec::new();
    for (name, parent) in units {
        let parent_id = parent.map(|p| unit_ids[p]).unwrap_or(root);
        let id: i64 = sqlx::query_scalar("INSERT INTO units (account_id, parent_id, name, created_at) VALUES ($1, $2, $3, $4) RETURNING id")
            .bind(account)
            .bind(parent_id)
            .bind(*name)
            .bind(now)
            .fetch_one(tx.conn())
            .await?;
        unit_ids.push(id);
    }
    let mut person_ids: Vec<i64> = Vec::new();
    for (i, p) in people.iter().enumerate() {
        let number = format!("{:04}", account * 1000 + i as i64 + 1);
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO persons (account_id, unit_id, first_name, last_name, personal_number, supervisor_id, created_at, search_key)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(account)
        .bind(unit_ids[p.unit])
        .bind(p.first)
        .bind(p.last)
        .bind(&number)
        .bind(p.supervisor.map(|s| person_ids[s]))
        .bind(now)
        .bind(crate::list::search_key(&[p.first, p.last, p.last, p.first, &number]))
        .fetch_one(tx.conn())
        .await?;
        person_ids.push(id);
    }
    for u in users {
        let person = &people[u.person];
        let id =
            insert_user(tx, job(account), u.login, &format!("{} {}", person.first, person.last), hash, false)
                .await?;
        sqlx::query("UPDATE users SET person_id = $1, default_unit_id = $2, blocked = $3 WHERE id = $4")
            .bind(person_ids[u.person])
            .bind(unit_ids[person.unit])
            .bind(u.blocked)
            .bind(id)
            .execute(tx.conn())
            .await?;
        for role in u.roles {
            if let Some((_, role_id)) = roles.iter().find(|(n, _)| n == role) {
                add_member(tx, *role_id, id).await?;
            }
        }
        logins.push(u.login.to_string());
    }
    Ok(())
}

/// Addresses for the notices' e-mails, and an ongoing substitution (seed 003): Piotr works for
/// Anna, who is away for two weeks, with e-mail copies.
async fn substitution(tx: &mut Tx) -> Result<(), AppError> {
    sqlx::query("UPDATE users SET email = login || '@nordwind.example'").execute(tx.conn()).await?;
    // The sample gives each role its own units; Everyone signs in nowhere of its own.
    sqlx::query("DELETE FROM role_units WHERE role_id IN (SELECT id FROM roles WHERE builtin = 'everyone')")
        .execute(tx.conn())
        .await?;
    let (account, zone, absent, substitute): (i64, String, i64, i64) = sqlx::query_as(
        "SELECT a.id AS account, a.time_zone, x.id AS absent, y.id AS substitute
         FROM users x JOIN users y ON y.login = 'piotr.wisniewski' JOIN accounts a ON a.id = x.account_id
         WHERE x.login = 'anna.nowak'",
    )
    .fetch_one(tx.conn())
    .await?;
    let now = tx.now();
    let (from, to) =
        (crate::time::day_of_ms(now, &zone), crate::time::day_of_ms(now + 14 * 86_400_000, &zone));
    let (Some(starts), Some(ends)) =
        (crate::time::day_start_ms(&from, &zone), crate::time::day_end_ms(&to, &zone))
    else {
        return Ok(());
    };
    sqlx::query(
        "INSERT INTO substitutions (account_id, absent_user_id, substitute_user_id, from_day, to_day, starts_at, ends_at,
                                    active, forward_email, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, TRUE, TRUE, $8)",
    )
    .bind(account)
    .bind(absent)
    .bind(substitute)
    .bind(from)
    .bind(to)
    .bind(starts)
    .bind(ends)
    .bind(now)
    .execute(tx.conn())
    .await?;
    Ok(())
}
