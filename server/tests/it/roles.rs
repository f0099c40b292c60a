//! Roles: built-ins, copies, membership from both sides with its rules, units and the unit
//! chosen at sign-in, export and import, and rights that change at once.

use crate::both;
use crate::support::{Server, TestDb, DEMO_PASSWORD};
use crate::units::unit_id;
use crate::users::{edited, id_of, new_user, PASSWORD};
use serde_json::{json, Value};

pub async fn role_id(db: &TestDb, name: &str) -> i64 {
    db.number(&format!("SELECT id FROM roles WHERE name = '{name}' AND account_id = 1")).await
}

/// Allows `rights` to a role straight in storage, as a change made elsewhere would.
pub async fn allow_to_role(db: &TestDb, role: i64, rights: &[&str]) {
    for right in rights {
        db.execute(&format!(
            "INSERT INTO grants (account_id, role_id, right_key, allow) VALUES (1, {role}, '{right}', TRUE)"
        ))
        .await;
    }
    db.execute("UPDATE accounts SET rights_version = rights_version + 1").await;
}

fn role(id: Option<i64>, name: &str, units: Vec<i64>, version: i64) -> Value {
    json!({"input": {"id": id, "name": name, "description": "Opis", "units": units, "version": version}})
}

fn refusal(body: &Value) -> Value {
    body["Refused"]["key"].clone()
}

async fn roles_are_added_renamed_and_deleted_but_built_ins_stay(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let admin = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    let (status, id) = admin.json("/api/roles/save", &role(None, "Księgowość", vec![], 0)).await;
    assert_eq!(status, 200, "{id}");
    let id = id.as_i64().unwrap();
    let (status, body) = admin.json("/api/roles/save", &role(None, "KSIĘGOWOŚĆ", vec![], 0)).await;
    assert_eq!((status, &body["Invalid"][0]["field"]), (422, &json!("name")));
    assert_eq!(admin.json("/api/roles/save", &role(Some(id), "Finanse", vec![], 1)).await.0, 200);
    let admins = role_id(&db, "Administrators").await;
    let (status, body) = admin.json("/api/roles/save", &role(Some(admins), "Admins", vec![], 1)).await;
    assert_eq!((status, refusal(&body)), (409, json!({"Role": "BuiltinFixed"})));
    let everyone = role_id(&db, "Everyone").await;
    let (status, body) =
        admin.call("/api/roles/delete", &[("id", &everyone.to_string()), ("version", "1")]).await;
    assert_eq!((status, refusal(&body)), (409, json!({"Role": "BuiltinFixed"})));
    assert_eq!(admin.call("/api/roles/delete", &[("id", &id.to_string()), ("version", "2")]).await.0, 200);
    assert_eq!(db.number(&format!("SELECT COUNT(*) FROM roles WHERE id = {id}")).await, 0);
}

async fn copies_are_numbered_and_carry_everything(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let admin = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    let sales = role_id(&db, "Sprzedawcy").await;
    let (status, copy) = admin.call("/api/roles/copy", &[("id", &sales.to_string())]).await;
    assert_eq!(status, 200, "{copy}");
    assert_eq!(copy[1], "Sprzedawcy (1)");
    let (_, again) = admin.call("/api/roles/copy", &[("id", &sales.to_string())]).await;
    assert_eq!(again[1], "Sprzedawcy (2)");
    let copy = copy[0].as_i64().unwrap();
    let same = |table: &str, column: &str| {
        format!(
        "SELECT COUNT(*) FROM (SELECT {column} FROM {table} WHERE role_id = {sales} EXCEPT SELECT {column} FROM {table} WHERE role_id = {copy}) d"
    )
    };
    for (table, column) in [("role_members", "user_id"), ("role_units", "unit_id"), ("grants", "right_key")] {
        assert_eq!(db.number(&same(table, column)).await, 0, "{table} differ");
        let count = db.number(&format!("SELECT COUNT(*) FROM {table} WHERE role_id = {copy}")).await;
        assert!(count > 0, "{table} were not copied");
    }
    let description = db.number(&format!("SELECT COUNT(*) FROM roles a, roles b WHERE a.id = {sales} AND b.id = {copy} AND a.description = b.description")).await;
    assert_eq!(description, 1);
}

async fn membership_is_edited_from_both_sides_under_the_rules(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let admin = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    let (jan, ewa) = (id_of(&db, "jan.kowalski").await, id_of(&db, "ewa.szymanska").await);
    let warehouse = role_id(&db, "Magazynierzy").await;
    let members =
        |role: i64, join: Vec<i64>, detach: Vec<i64>| json!({"role": role, "join": join, "detach": detach});
    // From the role: join two, detach one.
    let (status, changed) =
        admin.json("/api/roles/members", &members(warehouse, vec![jan, ewa], vec![])).await;
    assert_eq!((status, changed), (200, json!(1)), "ewa was a member already");
    let (status, changed) =
        admin.json("/api/roles/members", &members(warehouse, vec![], vec![jan, ewa])).await;
    assert_eq!((status, changed), (200, json!(2)));
    // From the user card.
    let save = edited(&admin, jan, |u| u["roles"] = json!([warehouse])).await;
    assert_eq!(admin.json("/api/users/save", &save).await.0, 200);
    let (_, card) = admin.call("/api/roles/get", &[("id", &warehouse.to_string())]).await;
    let logins: Vec<&str> =
        card["members"].as_array().unwrap().iter().map(|m| m["login"].as_str().unwrap()).collect();
    assert_eq!(logins, ["jan.kowalski"]);
    assert!(card["non_members"].as_array().unwrap().iter().any(|m| m["login"] == "ewa.szymanska"));

    let everyone = role_id(&db, "Everyone").await;
    let (status, body) = admin.json("/api/roles/members", &members(everyone, vec![jan], vec![])).await;
    assert_eq!((status, refusal(&body)), (409, json!({"Role": "EveryoneImplicit"})));
    let admins = role_id(&db, "Administrators").await;
    let (me, bootstrap) = (id_of(&db, "magdalena.dabrowska").await, id_of(&db, "admin").await);
    let (status, body) =
        admin.json("/api/roles/members", &members(admins, vec![], vec![me, bootstrap])).await;
    assert_eq!((status, refusal(&body)), (409, json!({"Role": "LastAdministrator"})));
    assert_eq!(
        db.number(&format!("SELECT COUNT(*) FROM role_members WHERE role_id = {admins}")).await,
        2,
        "nothing written"
    );
}

async fn nobody_gives_rights_they_lack_or_changes_their_own_roles(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    // Anna (HR) may edit roles, and holds the persons rights but not the sessions rights.
    let hr = role_id(&db, "Kadry").await;
    allow_to_role(&db, hr, &["roles.view", "roles.edit"]).await;
    let anna = server.client().signed_in("anna.nowak", DEMO_PASSWORD).await;
    let (jan, me) = (id_of(&db, "jan.kowalski").await, id_of(&db, "anna.nowak").await);
    let members = |role: i64, user: i64| json!({"role": role, "join": [user], "detach": []});
    let auditors = role_id(&db, "Audytorzy").await;
    let (status, body) = anna.json("/api/roles/members", &members(auditors, jan)).await;
    assert_eq!((status, refusal(&body)), (409, json!({"Role": "NotYourRights"})));
    let admins = role_id(&db, "Administrators").await;
    assert_eq!(
        refusal(&anna.json("/api/roles/members", &members(admins, jan)).await.1),
        json!({"Role": "NotYourRights"})
    );
    let warehouse = role_id(&db, "Magazynierzy").await;
    // The demo gives the warehouse the warehouse documents of Nordwind ERP: not hers to give.
    let (status, body) = anna.json("/api/roles/members", &members(warehouse, jan)).await;
    assert_eq!(
        (status, refusal(&body)),
        (409, json!({"Role": "NotYourRights"})),
        "an application's rights count"
    );
    db.execute(&format!("DELETE FROM grants WHERE role_id = {warehouse} AND right_key LIKE 'nordwind/%'"))
        .await;
    db.execute("UPDATE accounts SET rights_version = rights_version + 1").await;
    assert_eq!(
        anna.json("/api/roles/members", &members(warehouse, jan)).await.0,
        200,
        "she holds persons.view"
    );
    let (status, body) = anna.json("/api/roles/members", &members(warehouse, me)).await;
    assert_eq!((status, refusal(&body)), (409, json!({"Role": "OwnMembership"})));
    let (status, body) = anna.call("/api/roles/copy", &[("id", &auditors.to_string())]).await;
    assert_eq!(status, 403, "copying needs Roles / Create: {body}");
}

async fn rights_change_at_once_for_open_sessions(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let auditors = role_id(&db, "Audytorzy").await;
    db.execute(&format!("INSERT INTO grants (account_id, role_id, right_key, allow) VALUES (1, {auditors}, 'users.view', TRUE)")).await;
    db.execute("UPDATE accounts SET rights_version = rights_version + 1").await;
    let ewa = server.client().signed_in("ewa.szymanska", DEMO_PASSWORD).await;
    let list = json!({"query": {"search": "", "status": "All", "kind": null, "role_id": null, "page": 0}});
    assert_eq!(ewa.json("/api/users/list", &list).await.0, 403);
    let admin = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    let ewa_id = id_of(&db, "ewa.szymanska").await;
    let join = json!({"role": auditors, "join": [ewa_id], "detach": []});
    assert_eq!(admin.json("/api/roles/members", &join).await.0, 200);
    assert_eq!(ewa.json("/api/users/list", &list).await.0, 200, "no new sign-in needed");
    let (_, me) = ewa.me().await;
    assert!(me["rights"].is_object());
}

async fn users_sign_in_to_a_unit_of_their_roles(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let api = server.client();
    // Jan's role has three units; his own is preselected.
    let (status, outcome) =
        api.call("/api/auth/login", &[("login", "jan.kowalski"), ("password", DEMO_PASSWORD)]).await;
    assert_eq!(status, 200);
    assert!(outcome["next"].is_null());
    assert_eq!(outcome["units"].as_array().unwrap().len(), 3);
    assert_eq!(outcome["default_unit"], unit_id(&db, "Sprzedaż Kraków").await);
    assert_eq!(db.number("SELECT COUNT(*) FROM sessions").await, 0, "no session before the choice");
    let gdansk = unit_id(&db, "Sprzedaż Gdańsk").await;
    let (status, outcome) = api.login_to("jan.kowalski", DEMO_PASSWORD, gdansk).await;
    assert_eq!((status, outcome["next"].as_str()), (200, Some("/")));
    assert_eq!(db.number("SELECT unit_id FROM sessions").await, gdansk);
    let (_, me) = api.me().await;
    assert_eq!(me["unit_name"], json!("Sprzedaż Gdańsk"), "the title bar's unit comes with the session");
    // A unit outside his roles is refused.
    let finance = unit_id(&db, "Finanse").await;
    let (status, body) = server.client().login_to("jan.kowalski", DEMO_PASSWORD, finance).await;
    assert_eq!((status, &body["Invalid"][0]["field"]), (422, &json!("unit")));
    // A user whose roles have no unit cannot sign in, and is told so.
    let admin = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    assert_eq!(admin.json("/api/users/save", &new_user("no.units")).await.0, 200);
    let (status, body) = server.client().login("no.units", PASSWORD).await;
    assert_eq!((status, refusal(&body)), (409, json!({"Auth": "RefusedNoUnit"})));
}

/// The step token of a sign-in's first answer stands for the password once, for its own user
/// only (issue 17: one verification per sign-in), and is used up whatever follows.
async fn the_step_token_stands_for_the_password_once(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let api = server.client();
    let first = |login: &'static str| {
        let api = &api;
        async move {
            let (status, outcome) =
                api.call("/api/auth/login", &[("login", login), ("password", DEMO_PASSWORD)]).await;
            assert_eq!(status, 200, "{outcome}");
            outcome["step"].as_str().expect("a step token with the units").to_string()
        }
    };
    let second = |login: &'static str, step: String, unit: i64| {
        let api = &api;
        async move {
            let unit = unit.to_string();
            let form = [("login", login), ("password", "not the password"), ("unit", &unit), ("step", &step)];
            api.call("/api/auth/login", &form).await
        }
    };
    let wrong = json!({"Auth": "WrongCredentials"});
    let gdansk = unit_id(&db, "Sprzedaż Gdańsk").await;
    let finance = unit_id(&db, "Finanse").await;
    // A unit outside his roles is refused, and the step is gone with it.
    let step = first("jan.kowalski").await;
    assert_eq!(second("jan.kowalski", step.clone(), finance).await.0, 422);
    let (status, body) = second("jan.kowalski", step, gdansk).await;
    assert_eq!((status, refusal(&body)), (409, wrong.clone()), "a used step: the password is checked");
    // Another user's step is no step.
    let step = first("jan.kowalski").await;
    let (status, body) = second("ewa.szymanska", step, gdansk).await;
    assert_eq!((status, refusal(&body)), (409, wrong.clone()), "{body}");
    // His own step opens his session without the password, once.
    let step = first("jan.kowalski").await;
    let (status, body) = second("jan.kowalski", step.clone(), gdansk).await;
    assert_eq!((status, body["next"].as_str()), (200, Some("/")), "{body}");
    assert_eq!(db.number("SELECT unit_id FROM sessions").await, gdansk);
    let (status, body) = second("jan.kowalski", step, gdansk).await;
    assert_eq!((status, refusal(&body)), (409, wrong), "{body}");
    assert_eq!(
        db.number("SELECT COUNT(*) FROM sign_in_steps").await,
        0,
        "every step used up, the one tried by another user too"
    );
}

async fn role_settings_export_and_import(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let admin = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    let hr = role_id(&db, "Kadry").await;
    let (status, file) = admin.call("/api/roles/export", &[("id", &hr.to_string())]).await;
    assert_eq!(status, 200);
    let file = file.as_str().unwrap().to_string();
    let parsed: Value = serde_json::from_str(&file).unwrap();
    assert_eq!(parsed["format"], "klucznik.role-settings");
    assert_eq!(parsed["units"], json!(["Nordwind sp. z o.o. / Kadry", "Nordwind sp. z o.o. / Zarząd"]));

    let (warehouse, sales) = (role_id(&db, "Magazynierzy").await, role_id(&db, "Sprzedawcy").await);
    let import = |roles: Vec<i64>, content: &str| json!({"roles": roles, "content": content});
    let state = |role: i64| {
        let db = &db;
        async move {
            (
                db.number(&format!("SELECT COUNT(*) FROM grants WHERE role_id = {role}")).await,
                db.number(&format!("SELECT COUNT(*) FROM role_units WHERE role_id = {role}")).await,
            )
        }
    };
    let before = state(warehouse).await;
    // A damaged file changes nothing and gets the seed's message.
    let (status, body) =
        admin.json("/api/roles/import", &import(vec![warehouse, sales], &file[..file.len() / 2])).await;
    assert_eq!((status, refusal(&body)), (409, json!({"Role": "DamagedFile"})));
    let foreign = file.replace("Nordwind sp. z o.o. / Kadry", "Gdzieś / Indziej");
    let (status, body) = admin.json("/api/roles/import", &import(vec![warehouse], &foreign)).await;
    assert_eq!((status, refusal(&body)), (409, json!({"Role": "UnknownUnit"})));
    let admins = role_id(&db, "Administrators").await;
    let (_, body) = admin.json("/api/roles/import", &import(vec![warehouse, admins], &file)).await;
    assert_eq!(refusal(&body), json!({"Role": "AdministratorsNotImported"}));
    assert_eq!(state(warehouse).await, before, "all or nothing");

    let (status, count) = admin.json("/api/roles/import", &import(vec![warehouse, sales], &file)).await;
    assert_eq!((status, count), (200, json!(2)));
    for role in [warehouse, sales] {
        assert_eq!(state(role).await, state(hr).await);
        let (_, exported) = admin.call("/api/roles/export", &[("id", &role.to_string())]).await;
        let exported: Value = serde_json::from_str(exported.as_str().unwrap()).unwrap();
        assert_eq!(
            (&exported["grants"], &exported["units"], &exported["description"]),
            (&parsed["grants"], &parsed["units"], &parsed["description"])
        );
    }
    assert_eq!(db.number("SELECT COUNT(*) FROM audit WHERE action = 'role.import'").await, 2);
}

both!(
    roles_are_added_renamed_and_deleted_but_built_ins_stay,
    copies_are_numbered_and_carry_everything,
    membership_is_edited_from_both_sides_under_the_rules,
    nobody_gives_rights_they_lack_or_changes_their_own_roles,
    rights_change_at_once_for_open_sessions,
    users_sign_in_to_a_unit_of_their_roles,
    the_step_token_stands_for_the_password_once,
    role_settings_export_and_import,
);

/// Built-in roles are named in the reader's language, and so are their descriptions (issue 14:
/// they stayed English in Polish and Czech).
async fn built_in_roles_are_named_in_the_user_s_language(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let admin = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    let names = |body: &Value| -> Vec<String> {
        body.as_array().unwrap().iter().take(2).map(|r| r["name"].as_str().unwrap().to_string()).collect()
    };
    let (_, roles) = admin.call("/api/roles/list", &[]).await;
    assert_eq!(names(&roles), ["Administrators", "Everyone"]);
    for (lang, expected) in [("pl", ["Administratorzy", "Wszyscy"]), ("cs", ["Správci", "Všichni"])] {
        let (status, body) = admin.call("/api/auth/preferences", &[("lang", lang), ("theme", "light")]).await;
        assert_eq!(status, 200, "{body}");
        let (_, roles) = admin.call("/api/roles/list", &[]).await;
        assert_eq!(names(&roles), expected, "{lang}");
        assert!(!roles[0]["description"].as_str().unwrap().starts_with("Built-in"), "{lang}: {roles}");
    }
}

both!(built_in_roles_are_named_in_the_user_s_language);
