//! Rule 6 (docs/ARCHITECTURE.md "How a rights decision is made") from the point of view of a caller holding one single right of the
//! catalogue (issue 13): for every right, a user holding only it (and what it needs) tries
//! every known way to an administrator's rights — the administrator's password, e-mail and
//! status, the Administrators role, rights of their own or their role's, copies and imports,
//! substitutions directly and through the supervisor chain, ending the administrator's
//! session — and none of them may work.

use crate::both;
use crate::support::{Api, Server, TestDb, DEMO_PASSWORD};
use app::catalogue::{ColumnOp, DataOp, Right};
use serde_json::{json, Value};

/// The administrator under attack and what must not change about them.
struct Target {
    id: i64,
    person: i64,
    administrators: i64,
    everyone: i64,
    root: i64,
    main: i64,
}

/// What a right needs to mean anything (rule 3): its module's View, and for a column edit the
/// module's Edit and the column's visibility.
fn with_needs(right: Right) -> Vec<String> {
    let mut keys = vec![right.key()];
    match right {
        Right::Op(m, _) => keys.push(Right::Op(m, app::catalogue::Op::View).key()),
        Right::Column(m, c, op) => {
            keys.push(Right::Op(m, app::catalogue::Op::View).key());
            if op == ColumnOp::Edit {
                keys.push(Right::Op(m, app::catalogue::Op::Edit).key());
                keys.push(Right::Column(m, c, ColumnOp::Visible).key());
            }
        }
        Right::Perm(_) => {}
    }
    keys.sort();
    keys.dedup();
    keys
}

/// A snapshot of everything that would show an administrator's rights were reached.
async fn fingerprint(db: &TestDb, t: &Target) -> Vec<i64> {
    let q = |sql: String| async move { db.number(&sql).await };
    vec![
        q(format!("SELECT COUNT(*) FROM role_members WHERE role_id = {}", t.administrators)).await,
        q(format!("SELECT CAST(COALESCE(SUM(user_id), 0) AS BIGINT) FROM role_members WHERE role_id = {}", t.administrators)).await,
        q(format!("SELECT version FROM users WHERE id = {}", t.id)).await,
        q("SELECT COUNT(*) FROM users WHERE blocked = TRUE OR active = FALSE".to_string()).await,
        q(format!("SELECT COUNT(*) FROM grants WHERE role_id = {}", t.everyone)).await,
        q("SELECT COUNT(*) FROM grants WHERE user_id IS NOT NULL".to_string()).await,
        q(format!("SELECT COUNT(*) FROM persons WHERE id = {} AND supervisor_id IS NOT NULL", t.person)).await,
        q(format!("SELECT COUNT(*) FROM sessions WHERE user_id = {} AND closed_at IS NOT NULL", t.id)).await,
        q("SELECT COUNT(*) FROM sessions WHERE effective_user_id IS NOT NULL AND effective_user_id <> user_id"
            .to_string())
        .await,
        q("SELECT COUNT(*) FROM roles".to_string()).await,
        q("SELECT COUNT(*) FROM account_access".to_string()).await,
    ]
}

/// A user in the main account holding exactly `keys` through a role of their own, linked to a
/// person of their own in the top unit; answers (user id, role id, person id).
async fn single_right_user(db: &TestDb, t: &Target, n: usize, keys: &[String]) -> (i64, i64, i64) {
    let login = format!("single.{n}");
    db.execute(&format!(
        "INSERT INTO persons (account_id, unit_id, first_name, last_name, personal_number, created_at, search_key)
         VALUES ({main}, {root}, 'Single', 'Right {n}', '', 0, 'single right {n}')",
        main = t.main,
        root = t.root
    ))
    .await;
    let person = db.number(&format!("SELECT id FROM persons WHERE last_name = 'Right {n}'")).await;
    db.execute(&format!(
        "INSERT INTO users (account_id, kind, active, blocked, login, login_key, full_name, print_label, note,
                            person_id, password_hash, password_changed_at, shared_password, pw_own_policy, pw_strong,
                            must_change_password, search_key, created_at, email)
         SELECT account_id, 'internal', TRUE, FALSE, '{login}', '{login}', 'Single {n}', '{login}', '',
                {person}, password_hash, password_changed_at, TRUE, FALSE, FALSE, FALSE, '{login}', 0, ''
         FROM users WHERE login = 'anna.nowak'"
    ))
    .await;
    let user = db.number(&format!("SELECT id FROM users WHERE login = '{login}'")).await;
    db.execute(&format!(
        "INSERT INTO roles (account_id, name, name_key, description, created_at) VALUES ({}, 'Single {n}', 'single {n}', '', 0)",
        t.main
    ))
    .await;
    let role = db.number(&format!("SELECT id FROM roles WHERE name = 'Single {n}'")).await;
    db.execute(&format!("INSERT INTO role_members (role_id, user_id) VALUES ({role}, {user})")).await;
    db.execute(&format!("INSERT INTO role_units (role_id, unit_id) VALUES ({role}, {})", t.root)).await;
    for key in keys {
        let (target, unit) = if key.starts_with("persons.data.") {
            ("'unit'", t.root.to_string())
        } else {
            ("'account'", "NULL".to_string())
        };
        db.execute(&format!(
            "INSERT INTO grants (account_id, role_id, right_key, target, unit_id, allow) VALUES ({}, {role}, '{key}', {target}, {unit}, TRUE)",
            t.main
        ))
        .await;
    }
    (user, role, person)
}

fn every_right() -> Vec<Value> {
    Right::all().map(|r| json!({"key": r.key(), "target": null, "allow": true})).collect()
}

/// Every known way up, as the single-right user `api`; answers the calls that succeeded.
async fn attempts(
    api: &Api,
    db: &TestDb,
    t: &Target,
    me: (i64, i64, i64),
    login: &str,
    admin_session: i64,
) -> Vec<(String, u16)> {
    let (user, role, person) = me;
    let mut answers = Vec::new();
    let mut check = |name: &str, status: u16| answers.push((name.to_string(), status));
    let version = |table: &'static str, id: i64| async move {
        db.number(&format!("SELECT version FROM {table} WHERE id = {id}")).await
    };
    let (s, _) = api
        .json(
            "/api/users/set-password",
            &json!({"user": t.id, "target": "Console", "password": "Taken-Over-2026!", "confirm": "Taken-Over-2026!", "must_change": false, "end_sessions": false}),
        )
        .await;
    check("set the administrator's password", s);
    let mut card = crate::users::new_user("magdalena.dabrowska");
    card["input"]["id"] = json!(t.id);
    card["input"]["version"] = json!(version("users", t.id).await);
    card["input"]["full_name"] = json!("Magdalena Dąbrowska");
    card["input"]["person_id"] = json!(t.person);
    card["input"]["email"] = json!("attacker@example.com");
    card["input"]["roles"] = json!([t.administrators]);
    card["input"]["blocked"] = json!(true);
    let (s, _) = api.json("/api/users/save", &card).await;
    check("edit the administrator's e-mail and status", s);
    let mut own = crate::users::new_user(login);
    own["input"]["full_name"] = json!(format!("Single {}", &login[7..]));
    own["input"]["id"] = json!(user);
    own["input"]["version"] = json!(version("users", user).await);
    own["input"]["person_id"] = json!(person);
    own["input"]["roles"] = json!([role, t.administrators]);
    let (s, _) = api.json("/api/users/save", &own).await;
    check("put oneself into Administrators on one's card", s);
    let (s, _) = api
        .json("/api/roles/members", &json!({"role": t.administrators, "join": [user], "detach": []}))
        .await;
    check("join Administrators", s);
    let (s, _) = api
        .json("/api/roles/members", &json!({"role": t.administrators, "join": [], "detach": [t.id]}))
        .await;
    check("detach an administrator", s);
    let (s, _) = api
        .json("/api/rights/save", &json!({"holder": {"User": user}, "grants": every_right(), "version": version("users", user).await}))
        .await;
    check("give oneself every right", s);
    for holder in [role, t.everyone] {
        let (s, _) = api
            .json("/api/rights/save", &json!({"holder": {"Role": holder}, "grants": every_right(), "version": version("roles", holder).await}))
            .await;
        check("give one's role every right", s);
    }
    let (s, _) = api.call("/api/roles/copy", &[("id", &t.administrators.to_string())]).await;
    check("copy Administrators", s);
    let grants: Vec<Value> = Right::all().map(|r| json!({"right": r.key(), "allow": true})).collect();
    let file = json!({"format": "klucznik.role-settings", "version": 1, "role": "x", "description": "", "units": [], "grants": grants});
    let (s, _) = api.json("/api/roles/import", &json!({"roles": [role], "content": file.to_string()})).await;
    check("import every right into one's role", s);
    let (s, _) =
        api.call("/api/roles/delete", &[("id", &t.administrators.to_string()), ("version", "1")]).await;
    check("delete Administrators", s);
    let mut newcomer = crate::users::new_user(&format!("backdoor.{user}"));
    newcomer["input"]["roles"] = json!([t.administrators]);
    let (s, _) = api.json("/api/users/save", &newcomer).await;
    check("create an administrator", s);
    // The supervisor chain: the administrator's person under one's own.
    let admin_person = db.number(&format!("SELECT version FROM persons WHERE id = {}", t.person)).await;
    let (s, _) = api
        .json(
            "/api/persons/save",
            &json!({"input": {"id": t.person, "first_name": "Magdalena", "last_name": "Dąbrowska", "personal_number": "", "unit_id": t.root, "supervisor_id": person, "version": admin_person}}),
        )
        .await;
    check("put the administrator's person under one's own", s);
    // Substitutions: work as the administrator.
    let (s, _) = api
        .json(
            "/api/substitutions/save",
            &json!({"input": {"id": null, "absent_id": t.id, "substitute_id": user, "from_day": "2000-01-01", "to_day": "2099-12-31", "active": true, "forward_email": false, "version": 0}}),
        )
        .await;
    check("define a substitution for the administrator", s);
    let (_, startable) = api.call("/api/substitutions/startable", &[]).await;
    for item in startable.as_array().into_iter().flatten() {
        let (s, _) = api.call("/api/substitutions/start", &[("id", &item["id"].to_string())]).await;
        check("start working as someone", s);
    }
    let (s, _) = api.json("/api/sessions/end", &json!({"ids": [admin_session], "note": ""})).await;
    check("end the administrator's session", s);
    let (s, _) = api.json("/api/accounts/set-access", &json!({"user": user, "accounts": []})).await;
    check("change one's own account access", s);
    answers
}

/// The attempts a holder of `key` gets past the guard with, so that only rule 6 refuses them
/// (409): a refusal for any other reason would prove nothing.
fn refused_by_rule_six(key: &str) -> &'static [&'static str] {
    match key {
        "users.edit" => &["set the administrator's password", "edit the administrator's e-mail and status"],
        "roles.edit" => &["detach an administrator", "join Administrators"],
        "roles.delete" => &["delete Administrators"],
        "sessions.delete" => &["end the administrator's session"],
        "perm.substitutions_anyone" => &["define a substitution for the administrator"],
        _ => &[],
    }
}

async fn no_single_right_reaches_an_administrator(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let admin = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    let t = Target {
        id: db.number("SELECT id FROM users WHERE login = 'magdalena.dabrowska'").await,
        person: db.number("SELECT person_id FROM users WHERE login = 'magdalena.dabrowska'").await,
        administrators: db
            .number("SELECT r.id FROM roles r JOIN accounts a ON a.id = r.account_id WHERE a.parent_id IS NULL AND r.builtin = 'administrators'")
            .await,
        everyone: db
            .number("SELECT r.id FROM roles r JOIN accounts a ON a.id = r.account_id WHERE a.parent_id IS NULL AND r.builtin = 'everyone'")
            .await,
        root: db.number("SELECT u.id FROM units u JOIN accounts a ON a.id = u.account_id WHERE a.parent_id IS NULL AND u.parent_id IS NULL").await,
        main: db.number("SELECT id FROM accounts WHERE parent_id IS NULL").await,
    };
    let admin_session = db
        .number(&format!("SELECT MAX(id) FROM sessions WHERE user_id = {} AND closed_at IS NULL", t.id))
        .await;
    let hash_before =
        db.number(&format!("SELECT LENGTH(password_hash) FROM users WHERE id = {}", t.id)).await;
    // (the single right, it with what it needs)
    let mut rights: Vec<(String, Vec<String>)> = Right::all().map(|r| (r.key(), with_needs(r))).collect();
    rights.extend(DataOp::ALL.map(|op| {
        let mut keys = vec![op.grant_key(), DataOp::View.grant_key(), "persons.view".to_string()];
        keys.dedup();
        (op.grant_key(), keys)
    }));
    assert!(rights.len() > 50, "the catalogue has its rights: {}", rights.len());
    let mut proven = 0;
    for (n, (right, keys)) in rights.iter().enumerate() {
        let me = single_right_user(&db, &t, n, keys).await;
        let before = fingerprint(&db, &t).await;
        let roles_before = db.number(&format!("SELECT COUNT(*) FROM grants WHERE role_id = {}", me.1)).await;
        let login = format!("single.{n}");
        let api = server.client().signed_in(&login, DEMO_PASSWORD).await;
        let answers = attempts(&api, &db, &t, me, &login, admin_session).await;
        let passed: Vec<&String> = answers.iter().filter(|(_, s)| *s == 200).map(|(n, _)| n).collect();
        assert!(passed.is_empty(), "holding only {keys:?}, these worked: {passed:?}");
        for name in refused_by_rule_six(right) {
            let status = answers.iter().find(|(n, _)| n == name).map(|(_, s)| *s);
            assert_eq!(status, Some(409), "holding {keys:?}, \"{name}\" is refused by rule 6");
            proven += 1;
        }
        assert_eq!(
            fingerprint(&db, &t).await,
            before,
            "holding only {keys:?} changed what guards administrators"
        );
        assert_eq!(
            db.number(&format!("SELECT COUNT(*) FROM grants WHERE role_id = {}", me.1)).await,
            roles_before,
            "holding only {keys:?} changed its own role's rights"
        );
        let (_, whoami) = api.me().await;
        assert_eq!(whoami["rights"]["administrator"], json!(false), "holding only {keys:?}: {whoami}");
    }
    assert_eq!(proven, 7, "every attempt that only rule 6 refuses was tried");
    // The administrator is untouched: same password, still signed in, still an administrator.
    assert_eq!(
        db.number(&format!("SELECT LENGTH(password_hash) FROM users WHERE id = {}", t.id)).await,
        hash_before
    );
    let (status, me) = admin.me().await;
    assert_eq!(status, 200, "the administrator's session is open: {me}");
    server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
}

both!(no_single_right_reaches_an_administrator);

/// Issue 13, path 2: a user who may edit persons and define their subordinates' substitutions
/// cannot put an administrator's person under their own and then work as the administrator —
/// but may still put someone who holds less under themselves.
async fn the_supervisor_chain_is_no_way_up(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let _admin = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    let t = Target {
        id: db.number("SELECT id FROM users WHERE login = 'magdalena.dabrowska'").await,
        person: db.number("SELECT person_id FROM users WHERE login = 'magdalena.dabrowska'").await,
        administrators: db.number("SELECT r.id FROM roles r JOIN accounts a ON a.id = r.account_id WHERE a.parent_id IS NULL AND r.builtin = 'administrators'").await,
        everyone: db.number("SELECT r.id FROM roles r JOIN accounts a ON a.id = r.account_id WHERE a.parent_id IS NULL AND r.builtin = 'everyone'").await,
        root: db.number("SELECT u.id FROM units u JOIN accounts a ON a.id = u.account_id WHERE a.parent_id IS NULL AND u.parent_id IS NULL").await,
        main: db.number("SELECT id FROM accounts WHERE parent_id IS NULL").await,
    };
    let keys: Vec<String> = [
        "persons.view",
        "persons.edit",
        "persons.data.view",
        "persons.data.edit",
        "perm.substitutions_subordinates",
        "substitutions.view",
    ]
    .iter()
    .map(|k| k.to_string())
    .collect();
    let (user, _, person) = single_right_user(&db, &t, 900, &keys).await;
    let api = server.client().signed_in("single.900", DEMO_PASSWORD).await;
    let move_under = |moved: i64, first: &'static str, last: &'static str| {
        let api = &api;
        let db = &db;
        let root = t.root;
        async move {
            let version = db.number(&format!("SELECT version FROM persons WHERE id = {moved}")).await;
            api.json(
                "/api/persons/save",
                &json!({"input": {"id": moved, "first_name": first, "last_name": last, "personal_number": "", "unit_id": root, "supervisor_id": person, "version": version}}),
            )
            .await
        }
    };
    let (status, body) = move_under(t.person, "Magdalena", "Dąbrowska").await;
    assert_eq!(status, 409, "the administrator's person under one's own: {body}");
    assert_eq!(body["Refused"]["key"], json!({"Right": "HoldsMore"}));
    let (status, body) = api
        .json(
            "/api/substitutions/save",
            &json!({"input": {"id": null, "absent_id": t.id, "substitute_id": user, "from_day": "2000-01-01", "to_day": "2099-12-31", "active": true, "forward_email": false, "version": 0}}),
        )
        .await;
    assert_ne!(status, 200, "{body}");
    // Someone who holds nothing the editor lacks may come under them: a fresh person.
    db.execute(&format!(
        "INSERT INTO persons (account_id, unit_id, first_name, last_name, personal_number, created_at, search_key)
         VALUES ({}, {}, 'Nowy', 'Podwładny', '', 0, 'nowy podwladny')",
        t.main, t.root
    ))
    .await;
    let fresh = db.number("SELECT id FROM persons WHERE last_name = 'Podwładny'").await;
    let (status, body) = move_under(fresh, "Nowy", "Podwładny").await;
    assert_eq!(status, 200, "{body}");
}

both!(the_supervisor_chain_is_no_way_up);
