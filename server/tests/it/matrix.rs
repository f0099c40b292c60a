//! Every registered server function against a matrix of callers: a user without the rights
//! it needs is refused (403), a user's own things stay open to them, and ids of another
//! account are "not found" (404). Anonymous callers are covered in `guard.rs`.

use crate::both;
use crate::support::{Api, Server, TestDb, DEMO_PASSWORD};
use app::catalogue::Right;
use app::guard::needs::need_of;
use klucznik_core::guard::Need;
use serde_json::{json, Value};

/// Who may call a server function.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Access {
    Public,
    /// Any session (sign-out, the current user, one's own password and preferences).
    Own,
    /// Any session, for a record of the caller's own: another's is "not found".
    OwnRecord,
    /// A right of the catalogue.
    Right,
}

enum Body {
    Form(Vec<(&'static str, String)>),
    Json(Value),
}

struct Call {
    path: &'static str,
    access: Access,
    body: Body,
    /// For `Access::Right`: the grants a user needs to pass the guard, the specific one last.
    only: &'static [&'static str],
}

/// Ids of records in the main account and in the sub-account "Oddział Brno".
struct Ids {
    unit: i64,
    person: i64,
    role: i64,
    user: i64,
    foreign_unit: i64,
    foreign_person: i64,
    foreign_role: i64,
    foreign_user: i64,
    /// A sub-account of the main account, and the main account itself (no sub-account of itself).
    sub_account: i64,
    main_account: i64,
    /// The demo's substitution (Piotr for Anna).
    substitution: i64,
}

impl Ids {
    async fn load(db: &TestDb) -> Ids {
        let n = |sql: &'static str| db.number(sql);
        Ids {
            unit: n("SELECT id FROM units WHERE name = 'Kadry'").await,
            person: n("SELECT id FROM persons WHERE last_name = 'Nowak'").await,
            role: n("SELECT id FROM roles WHERE name = 'Kadry'").await,
            user: n("SELECT id FROM users WHERE login = 'jan.kowalski'").await,
            foreign_unit: n("SELECT id FROM units WHERE name = 'Výroba'").await,
            foreign_person: n("SELECT id FROM persons WHERE last_name = 'Svoboda'").await,
            foreign_role: n("SELECT r.id FROM roles r JOIN accounts a ON a.id = r.account_id WHERE r.name = 'Mistři' AND a.name = 'Oddział Brno'").await,
            foreign_user: n("SELECT id FROM users WHERE login = 'petr.svoboda'").await,
            sub_account: n("SELECT id FROM accounts WHERE name = 'Oddział Brno'").await,
            main_account: n("SELECT id FROM accounts WHERE parent_id IS NULL").await,
            substitution: n("SELECT MIN(id) FROM substitutions").await,
        }
    }
}

fn form(pairs: &[(&'static str, String)]) -> Body {
    Body::Form(pairs.to_vec())
}

fn person_input(id: Option<i64>, unit: i64) -> Value {
    json!({"input": {"id": id, "first_name": "A", "last_name": "B", "personal_number": "", "unit_id": unit, "supervisor_id": null, "version": 1}})
}

fn user(id: Option<i64>) -> Value {
    let mut user = crate::users::new_user("matrix.user");
    user["input"]["id"] = json!(id);
    user
}

/// One call of every server function; `main` chooses the main account's ids or the
/// sub-account's.
fn calls(ids: &Ids, main: bool) -> Vec<Call> {
    let pick = |a: i64, b: i64| if main { a } else { b };
    let (unit, person, role, user_id) = (
        pick(ids.unit, ids.foreign_unit),
        pick(ids.person, ids.foreign_person),
        pick(ids.role, ids.foreign_role),
        pick(ids.user, ids.foreign_user),
    );
    let account = pick(ids.sub_account, ids.main_account);
    let s = |v: i64| v.to_string();
    vec![
        Call {
            path: "/api/auth/login",
            access: Access::Public,
            body: form(&[("login", "x".into()), ("password", "y".into())]),
            only: &[],
        },
        Call { path: "/api/auth/logout", access: Access::Own, body: form(&[]), only: &[] },
        Call { path: "/api/auth/me", access: Access::Own, body: form(&[]), only: &[] },
        Call {
            path: "/api/auth/password",
            access: Access::Own,
            body: form(&[
                ("current_password", "x".into()),
                ("new_password", "y".into()),
                ("confirm_password", "y".into()),
            ]),
            only: &[],
        },
        Call {
            path: "/api/auth/preferences",
            access: Access::Own,
            body: form(&[("lang", "pl".into()), ("theme", "dark".into())]),
            only: &[],
        },
        Call { path: "/api/config/my-policy", access: Access::Own, body: form(&[]), only: &[] },
        Call { path: "/api/sessions/online", access: Access::Own, body: form(&[]), only: &[] },
        Call { path: "/api/sessions/mine", access: Access::Own, body: form(&[]), only: &[] },
        Call {
            path: "/api/sessions/end-mine",
            access: Access::Own,
            body: Body::Json(json!({"ids": [], "others": true})),
            only: &[],
        },
        Call {
            path: "/api/sessions/list",
            access: Access::Right,
            body: Body::Json(
                json!({"query": {"state": "All", "search": "", "from": "", "to": "", "sort": "Created", "descending": true, "page": 0}}),
            ),
            only: &["sessions.view"],
        },
        Call {
            path: "/api/sessions/end",
            access: Access::Right,
            body: Body::Json(json!({"ids": [999_999], "note": ""})),
            only: &["sessions.view", "sessions.delete"],
        },
        Call {
            path: "/api/config/get",
            access: Access::Right,
            body: form(&[]),
            only: &["configuration.view"],
        },
        Call {
            path: "/api/config/save",
            access: Access::Right,
            body: Body::Json(
                json!({"config": {"time_zone": "UTC", "pw_min_length": 12, "pw_strong": false, "pw_max_age_days": "", "session_idle_minutes": 60, "session_max_hours": 12, "version": 999}}),
            ),
            only: &["configuration.view", "configuration.edit"],
        },
        Call {
            path: "/api/applications/list",
            access: Access::Right,
            body: form(&[]),
            only: &["configuration.view"],
        },
        Call {
            path: "/api/applications/preview",
            access: Access::Right,
            body: form(&[("content", "{}".into())]),
            only: &["configuration.view", "configuration.edit"],
        },
        Call {
            path: "/api/applications/apply",
            access: Access::Right,
            body: form(&[("content", "{}".into()), ("base", "new".into())]),
            only: &["configuration.view", "configuration.edit"],
        },
        Call {
            path: "/api/applications/purge",
            access: Access::Right,
            body: form(&[("key", "nothing".into())]),
            only: &["configuration.view", "configuration.edit"],
        },
        Call {
            path: "/api/clients/list",
            access: Access::Right,
            body: form(&[]),
            only: &["configuration.view"],
        },
        Call {
            path: "/api/clients/create",
            access: Access::Right,
            body: form(&[("name", "".into())]),
            only: &["configuration.view", "configuration.edit"],
        },
        Call {
            path: "/api/clients/rotate",
            access: Access::Right,
            body: form(&[("id", "999999".into())]),
            only: &["configuration.view", "configuration.edit"],
        },
        Call {
            path: "/api/clients/revoke",
            access: Access::Right,
            body: form(&[("id", "999999".into())]),
            only: &["configuration.view", "configuration.edit"],
        },
        Call { path: "/api/units/list", access: Access::Right, body: form(&[]), only: &["units.view"] },
        Call {
            path: "/api/units/save",
            access: Access::Right,
            body: Body::Json(json!({"input": {"id": unit, "parent_id": null, "name": "x", "version": 1}})),
            only: &["units.view", "units.edit"],
        },
        Call {
            path: "/api/units/delete",
            access: Access::Right,
            body: form(&[("id", s(unit)), ("version", "1".into())]),
            only: &["units.view", "units.delete"],
        },
        Call {
            path: "/api/persons/list",
            access: Access::Right,
            body: Body::Json(json!({"query": {"search": "", "unit_id": null, "page": 0}})),
            only: &["persons.view"],
        },
        Call {
            path: "/api/persons/choices",
            access: Access::Right,
            body: form(&[("search", "a".into())]),
            only: &["persons.view"],
        },
        Call {
            path: "/api/persons/get",
            access: Access::Right,
            body: form(&[("id", s(person))]),
            only: &["persons.view"],
        },
        Call {
            path: "/api/persons/save",
            access: Access::Right,
            body: Body::Json(person_input(Some(person), ids.unit)),
            only: &["persons.view", "persons.edit"],
        },
        Call {
            path: "/api/persons/delete",
            access: Access::Right,
            body: form(&[("id", s(person)), ("version", "1".into())]),
            only: &["persons.view", "persons.delete"],
        },
        Call { path: "/api/roles/list", access: Access::Right, body: form(&[]), only: &["roles.view"] },
        Call {
            path: "/api/roles/get",
            access: Access::Right,
            body: form(&[("id", s(role))]),
            only: &["roles.view"],
        },
        Call {
            path: "/api/roles/save",
            access: Access::Right,
            body: Body::Json(
                json!({"input": {"id": role, "name": "x", "description": "", "units": [], "version": 1}}),
            ),
            only: &["roles.view", "roles.edit"],
        },
        Call {
            path: "/api/roles/delete",
            access: Access::Right,
            body: form(&[("id", s(role)), ("version", "1".into())]),
            only: &["roles.view", "roles.delete"],
        },
        Call {
            path: "/api/roles/copy",
            access: Access::Right,
            body: form(&[("id", s(role))]),
            only: &["roles.view", "roles.create"],
        },
        Call {
            path: "/api/roles/members",
            access: Access::Right,
            body: Body::Json(json!({"role": role, "join": [user_id], "detach": []})),
            only: &["roles.view", "roles.edit"],
        },
        Call {
            path: "/api/roles/export",
            access: Access::Right,
            body: form(&[("id", s(role))]),
            only: &["roles.view"],
        },
        Call {
            path: "/api/roles/import",
            access: Access::Right,
            body: Body::Json(
                json!({"roles": [role], "content": "{\"format\":\"klucznik.role-settings\",\"version\":1,\"role\":\"x\",\"description\":\"\",\"units\":[],\"grants\":[]}"}),
            ),
            only: &["roles.view", "roles.edit"],
        },
        Call {
            path: "/api/users/list",
            access: Access::Right,
            body: Body::Json(
                json!({"query": {"search": "", "status": "All", "kind": null, "role_id": null, "page": 0}}),
            ),
            only: &["users.view"],
        },
        Call {
            path: "/api/users/get",
            access: Access::Right,
            body: form(&[("id", s(user_id))]),
            only: &["users.view"],
        },
        Call {
            path: "/api/users/policy",
            access: Access::Right,
            body: form(&[]),
            only: &["users.view", "users.edit"],
        },
        Call {
            path: "/api/users/generate-password",
            access: Access::Right,
            body: form(&[]),
            only: &["users.view", "users.edit"],
        },
        Call {
            path: "/api/users/save",
            access: Access::Right,
            body: Body::Json(user(Some(user_id))),
            only: &["users.view", "users.edit"],
        },
        Call {
            path: "/api/users/set-password",
            access: Access::Right,
            body: Body::Json(
                json!({"user": user_id, "target": "Console", "password": "Matrix-password-77", "confirm": "Matrix-password-77", "must_change": false, "end_sessions": false}),
            ),
            only: &["users.view", "users.edit"],
        },
        Call {
            path: "/api/rights/editor",
            access: Access::Right,
            body: Body::Json(json!({"holder": {"Role": role}})),
            only: &["roles.view"],
        },
        Call {
            path: "/api/rights/save",
            access: Access::Right,
            body: Body::Json(json!({"holder": {"Role": role}, "grants": [], "version": 1})),
            only: &["roles.view", "roles.edit"],
        },
        Call { path: "/api/accounts/list", access: Access::Right, body: form(&[]), only: &["accounts.view"] },
        Call {
            path: "/api/accounts/save",
            access: Access::Right,
            body: Body::Json(
                json!({"input": {"id": account, "name": "x", "external_id": "X-1", "version": 1}}),
            ),
            only: &["accounts.view", "accounts.edit"],
        },
        Call {
            path: "/api/accounts/set-active",
            access: Access::Right,
            body: form(&[("id", s(account)), ("active", "true".into()), ("version", "1".into())]),
            only: &["accounts.view", "accounts.edit"],
        },
        Call {
            path: "/api/accounts/delete",
            access: Access::Right,
            body: form(&[("id", s(account)), ("version", "1".into())]),
            only: &["accounts.view", "accounts.delete"],
        },
        Call {
            path: "/api/accounts/access",
            access: Access::Right,
            body: form(&[("user", s(user_id))]),
            only: &["accounts.view"],
        },
        Call {
            path: "/api/accounts/set-access",
            access: Access::Right,
            body: Body::Json(json!({"user": user_id, "accounts": [account]})),
            only: &["accounts.view", "accounts.edit"],
        },
        Call { path: "/api/accounts/switchable", access: Access::Own, body: form(&[]), only: &[] },
        Call { path: "/api/notices/inbox", access: Access::Own, body: form(&[]), only: &[] },
        Call { path: "/api/notices/read", access: Access::Own, body: form(&[]), only: &[] },
        Call { path: "/api/substitutions/startable", access: Access::Own, body: form(&[]), only: &[] },
        Call { path: "/api/substitutions/end", access: Access::Own, body: form(&[]), only: &[] },
        Call {
            path: "/api/views/get",
            access: Access::Own,
            body: form(&[("list", "users".into())]),
            only: &[],
        },
        Call {
            path: "/api/views/save",
            access: Access::Right,
            body: Body::Json(
                json!({"list": "users", "view": {"hidden": ["kind"], "sort": null, "descending": false}}),
            ),
            only: &["users.view", "users.edit_view"],
        },
        Call {
            path: "/api/substitutions/start",
            access: Access::OwnRecord,
            body: form(&[("id", s(ids.substitution))]),
            only: &[],
        },
        Call {
            path: "/api/audit/list",
            access: Access::Right,
            body: Body::Json(json!({"query": {"from": "", "to": "", "user": "", "action": "", "page": 0}})),
            only: &["audit.view"],
        },
        Call {
            path: "/api/substitutions/list",
            access: Access::Right,
            body: form(&[("tab", "Active".into())]),
            only: &["perm.substitutions_own"],
        },
        Call {
            path: "/api/substitutions/options",
            access: Access::Right,
            body: form(&[]),
            only: &["perm.substitutions_subordinates"],
        },
        Call {
            path: "/api/substitutions/overlaps",
            access: Access::Right,
            body: form(&[
                ("absent", s(user_id)),
                ("substitute", s(user_id)),
                ("from_day", "2026-01-01".into()),
                ("to_day", "2026-01-02".into()),
            ]),
            only: &["perm.substitutions_anyone"],
        },
        Call {
            path: "/api/substitutions/save",
            access: Access::Right,
            body: Body::Json(json!({"input": {"id": null, "absent_id": user_id, "substitute_id": user_id,
                "from_day": "2026-01-01", "to_day": "2026-01-02", "active": true, "forward_email": true, "version": 0}})),
            only: &["perm.substitutions_own"],
        },
        Call {
            path: "/api/accounts/switch",
            access: Access::Own,
            body: form(&[("account", s(ids.main_account))]),
            only: &[],
        },
        Call {
            path: "/api/rights/effective",
            access: Access::Right,
            body: form(&[("user", s(user_id))]),
            only: &["users.view"],
        },
    ]
}

async fn send(api: &Api, call: &Call) -> (u16, Value) {
    match &call.body {
        Body::Form(pairs) => {
            let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
            api.call(call.path, &pairs).await
        }
        Body::Json(value) => api.json(call.path, value).await,
    }
}

#[test]
fn the_matrix_names_every_registered_server_function() {
    let ids = Ids {
        unit: 0,
        person: 0,
        role: 0,
        user: 0,
        foreign_unit: 0,
        foreign_person: 0,
        foreign_role: 0,
        foreign_user: 0,
        sub_account: 0,
        main_account: 0,
        substitution: 0,
    };
    let calls = calls(&ids, true);
    let listed: Vec<&str> = calls.iter().map(|c| c.path).collect();
    for (path, _) in server_fn::axum::server_fn_paths() {
        assert!(listed.contains(&path), "{path} is missing from the matrix");
        assert!(need_of(path).is_some(), "{path} is missing from the table of needs (guard/needs.rs)");
    }
    // The matrix proves each row of the table from the outside: what it expects of a caller
    // is what the table says the guard checks.
    for call in &calls {
        let need = need_of(call.path).unwrap_or_else(|| panic!("{} is not in the table", call.path));
        match (call.access, need) {
            (Access::Public, Need::Public) => {}
            (Access::Own | Access::OwnRecord, Need::Session | Need::SelfService) => {}
            (Access::Right, need) => {
                let specific = call.only.last().and_then(|key| Right::parse(key)).expect("a right");
                let needed: Vec<Right> = match need {
                    Need::Op(module, op) => vec![Right::Op(module, op)],
                    Need::Perm(p) => vec![Right::Perm(p)],
                    Need::AnyOf(rights) => rights.to_vec(),
                    other => panic!("{}: the matrix wants a right, the table says {other:?}", call.path),
                };
                assert!(needed.contains(&specific), "{}: {specific:?} is not among {needed:?}", call.path);
            }
            (access, need) => panic!("{}: the matrix says {access:?}, the table {need:?}", call.path),
        }
    }
}

async fn callers_without_the_right_are_refused(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let ids = Ids::load(&db).await;
    // A user whose only role grants nothing.
    let admin = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    let plain = user_holding(&server, &db, &admin, &[]).await;
    let before = db.number("SELECT COUNT(*) FROM audit WHERE action NOT LIKE 'login%'").await;
    for call in calls(&ids, true).iter().filter(|c| c.path != "/api/auth/logout") {
        let (status, body) = send(&plain, call).await;
        match call.access {
            Access::Right => assert_eq!((status, &body), (403, &json!("Forbidden")), "{}", call.path),
            Access::Own | Access::Public => {
                assert!(![401, 403, 404].contains(&status), "{}: {status} {body}", call.path)
            }
            Access::OwnRecord => assert_eq!((status, &body), (404, &json!("NotFound")), "{}", call.path),
        }
    }
    assert_eq!(db.number("SELECT COUNT(*) FROM audit WHERE action NOT LIKE 'login%' AND action <> 'password.change_failed'").await, before, "nothing was written");
}

async fn ids_of_another_account_are_not_found(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let ids = Ids::load(&db).await;
    let admin = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    let takes_ids = [
        "/api/units/save",
        "/api/units/delete",
        "/api/persons/get",
        "/api/persons/save",
        "/api/persons/delete",
        "/api/roles/get",
        "/api/roles/save",
        "/api/roles/delete",
        "/api/roles/copy",
        "/api/roles/members",
        "/api/roles/export",
        "/api/roles/import",
        "/api/users/get",
        "/api/users/save",
        "/api/users/set-password",
        "/api/rights/editor",
        "/api/rights/save",
        "/api/rights/effective",
        "/api/accounts/save",
        "/api/accounts/set-active",
        "/api/accounts/delete",
        "/api/accounts/access",
        "/api/accounts/set-access",
        "/api/substitutions/save",
        "/api/substitutions/overlaps",
    ];
    for call in calls(&ids, false).iter().filter(|c| takes_ids.contains(&c.path)) {
        let (status, body) = send(&admin, call).await;
        assert_eq!(
            (status, &body),
            (404, &json!("NotFound")),
            "{} answered for another account's record",
            call.path
        );
    }
    // And the other way round: the sub-account's administrator replays every call with the
    // main account's ids; the Accounts module itself does not exist in a sub-account.
    let sub_admin = server.client().signed_in("jana.novakova", DEMO_PASSWORD).await;
    for call in calls(&ids, true).iter().filter(|c| takes_ids.contains(&c.path)) {
        let (status, body) = send(&sub_admin, call).await;
        let expected = if call.path.starts_with("/api/accounts/") {
            (403, json!("Forbidden"))
        } else {
            (404, json!("NotFound"))
        };
        assert_eq!((status, body), expected, "{} answered the sub-account for the main account", call.path);
    }
    // Nothing of the sub-account changed.
    assert_eq!(db.number("SELECT COUNT(*) FROM users WHERE login = 'matrix.user'").await, 0);
    assert_eq!(db.number("SELECT COUNT(*) FROM roles WHERE name LIKE 'Mistři (%'").await, 0);
}

/// Signs in a new user whose only role grants exactly `keys` (and who is in Everyone).
pub async fn user_holding(server: &Server, db: &TestDb, admin: &Api, keys: &[&str]) -> Api {
    let n = db.number("SELECT COUNT(*) FROM roles").await;
    let root = db
        .number("SELECT u.id FROM units u JOIN users x ON x.account_id = u.account_id WHERE u.parent_id IS NULL AND x.login = 'magdalena.dabrowska'")
        .await;
    let (status, role) = admin
        .json("/api/roles/save", &json!({"input": {"id": null, "name": format!("Only {n}"), "description": "", "units": [root], "version": 0}}))
        .await;
    assert_eq!(status, 200, "{role}");
    let version = db.number(&format!("SELECT version FROM roles WHERE id = {role}")).await;
    let grants: Vec<Value> = keys.iter().map(|k| json!({"key": k, "target": null, "allow": true})).collect();
    let (status, body) = admin
        .json("/api/rights/save", &json!({"holder": {"Role": role}, "grants": grants, "version": version}))
        .await;
    assert_eq!(status, 200, "{body}");
    let login = format!("only.{n}");
    let mut input = crate::users::new_user(&login);
    input["input"]["roles"] = json!([role]);
    let (status, body) = admin.json("/api/users/save", &input).await;
    assert_eq!(status, 200, "{body}");
    server.client().signed_in(&login, crate::users::PASSWORD).await
}

/// A user with exactly the rights a function names passes its guard; take away the specific
/// one and the same call is refused.
async fn the_specific_right_and_only_it_opens_each_function(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let ids = Ids::load(&db).await;
    let admin = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    let mut users: Vec<(&[&str], Api)> = Vec::new();
    for call in calls(&ids, true).iter().filter(|c| c.access == Access::Right) {
        assert!(!call.only.is_empty(), "{} names its right", call.path);
        let sets = [&call.only[..call.only.len() - 1], call.only];
        for set in sets {
            if !users.iter().any(|(s, _)| *s == set) {
                let api = user_holding(&server, &db, &admin, set).await;
                users.push((set, api));
            }
        }
        let api = |set: &[&str]| &users.iter().find(|(s, _)| *s == set).unwrap().1;
        let (status, body) = send(api(sets[0]), call).await;
        assert_eq!(
            (status, &body),
            (403, &json!("Forbidden")),
            "{} without {:?}",
            call.path,
            call.only.last()
        );
        let (status, body) = send(api(sets[1]), call).await;
        assert_ne!(body, json!("Forbidden"), "{} with {:?}: {status}", call.path, call.only);
        assert_ne!(status, 401, "{}", call.path);
    }
}

both!(
    callers_without_the_right_are_refused,
    ids_of_another_account_are_not_found,
    the_specific_right_and_only_it_opens_each_function
);

/// docs/API.md carries the table of needs as the guard has it.
#[test]
fn the_api_document_lists_the_table_of_needs() {
    let right = |r: &Right| match r {
        Right::Op(module, op) => format!("{module:?}/{op:?}"),
        Right::Perm(p) => format!("permission {p:?}"),
        other => format!("{other:?}"),
    };
    let mut table = String::from("| server function | the caller needs |\n|---|---|\n");
    for (path, need) in app::guard::needs::NEEDS {
        let needs = match need {
            Need::Public => "anyone, signed in or not".to_string(),
            Need::Session => "a session (also one that must change its password first)".to_string(),
            Need::SelfService => "a session; the user's own things".to_string(),
            Need::Op(module, op) => right(&Right::Op(*module, *op)),
            Need::Perm(p) => right(&Right::Perm(*p)),
            Need::AnyOf(rights) => rights.iter().map(right).collect::<Vec<_>>().join(" or "),
        };
        table.push_str(&format!("| `{path}` | {needs} |\n"));
    }
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/API.md")).unwrap_or_default();
    assert!(doc.contains(&table), "docs/API.md must contain this table:\n\n{table}");
}
