//! Users: the card with every field, its checks, the person rule, passwords set by an
//! administrator, and sessions that end when a user is barred.

use crate::both;
use crate::support::{Api, Server, TestDb, DEMO_PASSWORD};
use crate::units::unit_id;
use serde_json::{json, Value};

pub const PASSWORD: &str = "Test-password-2026";

pub fn new_user(login: &str) -> Value {
    json!({"input": {
        "id": null, "version": 0, "kind": "Internal", "active": true, "blocked": false,
        "valid_from": "", "valid_to": "", "login": login, "full_name": "Test User", "print_label": "", "note": "",
        "person_id": null, "default_unit_id": null, "pin": "Keep", "card": "Keep",
        "password": PASSWORD, "password_confirm": PASSWORD, "shared_password": true,
        "external_password": "", "external_password_confirm": "",
        "pw_own_policy": false, "pw_strong": false, "pw_max_age_days": "", "must_change_password": false, "roles": []
    }})
}

pub fn fields(body: &Value) -> Vec<String> {
    body["Invalid"]
        .as_array()
        .map(|a| a.iter().map(|f| f["field"].as_str().unwrap().to_string()).collect())
        .unwrap_or_default()
}

pub async fn id_of(db: &TestDb, login: &str) -> i64 {
    db.number(&format!("SELECT id FROM users WHERE login = '{login}'")).await
}

/// The card of a user as an input for `users/save`, with changes applied.
pub async fn edited(api: &Api, id: i64, change: impl FnOnce(&mut Value)) -> Value {
    let (status, card) = api.call("/api/users/get", &[("id", &id.to_string())]).await;
    assert_eq!(status, 200, "{card}");
    let mut input = json!({
        "id": id, "version": card["version"], "kind": card["kind"], "active": card["active"], "blocked": card["blocked"],
        "valid_from": card["valid_from"], "valid_to": card["valid_to"], "login": card["login"], "full_name": card["full_name"],
        "print_label": card["print_label"], "note": card["note"], "email": card["email"], "person_id": card["person"]["id"],
        "default_unit_id": card["default_unit_id"], "pin": "Keep", "card": "Keep", "password": "", "password_confirm": "",
        "shared_password": card["shared_password"], "external_password": "", "external_password_confirm": "",
        "pw_own_policy": card["pw_own_policy"], "pw_strong": card["pw_strong"], "pw_max_age_days": card["pw_max_age_days"],
        "must_change_password": card["must_change_password"], "roles": card["roles"]
    });
    change(&mut input);
    json!({ "input": input })
}

async fn a_user_with_every_field_round_trips(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let admin = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    let person = db.number("SELECT id FROM persons WHERE last_name = 'Zieliński'").await;
    let unit = unit_id(&db, "Kadry").await;
    let hr = db.number("SELECT id FROM roles WHERE name = 'Kadry'").await;
    let mut user = new_user("Łukasz.Nowicki");
    user["input"]["kind"] = json!("Universal");
    user["input"]["shared_password"] = json!(false);
    user["input"]["external_password"] = json!("External-secret-99");
    user["input"]["external_password_confirm"] = json!("External-secret-99");
    user["input"]["valid_from"] = json!("2026-01-01");
    user["input"]["valid_to"] = json!("2030-12-31");
    user["input"]["note"] = json!("Kierownik zmiany");
    user["input"]["person_id"] = json!(person);
    user["input"]["default_unit_id"] = json!(unit);
    user["input"]["pin"] = json!({"Set": "123456"});
    user["input"]["card"] = json!({"Set": "C".repeat(50)});
    user["input"]["roles"] = json!([hr]);
    let (status, id) = admin.json("/api/users/save", &user).await;
    assert_eq!(status, 200, "{id}");
    let (_, card) = admin.call("/api/users/get", &[("id", &id.to_string())]).await;
    assert_eq!(card["kind"], "Universal");
    assert_eq!(card["login"], "Łukasz.Nowicki");
    assert_eq!(card["print_label"], "Łukasz.Nowicki", "the label defaults to the login");
    assert_eq!(
        (card["valid_from"].as_str(), card["valid_to"].as_str()),
        (Some("2026-01-01"), Some("2030-12-31"))
    );
    assert_eq!(card["person"]["id"], person);
    assert_eq!(card["default_unit_id"], unit);
    assert_eq!(card["roles"], json!([hr]));
    assert_eq!((card["has_pin"].as_bool(), card["has_card"].as_bool()), (Some(true), Some(true)));
    assert_eq!(
        (card["shared_password"].as_bool(), card["has_external_password"].as_bool()),
        (Some(false), Some(true))
    );
    // Secrets are stored as argon2id hashes only; a card, found by its number alone when it
    // signs in (issue 17), as its SHA-256.
    let card_key = klucznik_core::auth::token::card_key(&"C".repeat(50));
    let hashed = db
        .number(&format!(
            "SELECT COUNT(*) FROM users WHERE id = {id} AND pin_hash LIKE '$argon2id$%' AND card_hash = '{card_key}'
             AND external_password_hash LIKE '$argon2id$%' AND password_hash LIKE '$argon2id$%'"
        ))
        .await;
    assert_eq!(hashed, 1);
    // The login is unique whatever its case and form.
    let (status, body) = admin.json("/api/users/save", &new_user("łukasz.NOWICKI")).await;
    assert_eq!((status, fields(&body)), (422, vec!["login".to_string()]));
    assert_eq!(body["Invalid"][0]["problem"]["key"], json!({"Common": "FieldDuplicate"}));
    // The new user signs in with the console password, to a unit of their role.
    let (status, outcome) = server.client().login("łukasz.nowicki", PASSWORD).await;
    assert_eq!(status, 200, "{outcome}");
}

async fn bad_input_is_named_and_nothing_is_written(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let admin = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    let before = db.number("SELECT COUNT(*) FROM users").await;
    let cases: Vec<(&str, Value, &str)> = vec![
        ("login", json!(""), "login"),
        ("login", json!("x".repeat(101)), "login"),
        ("login", json!("two words"), "login"),
        ("pin", json!({"Set": "12a4"}), "pin"),
        ("pin", json!({"Set": "1234567"}), "pin"),
        ("card", json!({"Set": "c".repeat(51)}), "card"),
        ("valid_to", json!("2026-01-01"), "valid_to"),
        ("password_confirm", json!("Something-else-2026"), "password_confirm"),
        ("password", json!("short"), "password"),
    ];
    for (key, value, field) in cases {
        let mut user = new_user("new.user");
        user["input"]["valid_from"] = json!("2026-06-01");
        user["input"][key] = value.clone();
        if key == "password" {
            user["input"]["password_confirm"] = value.clone();
        }
        let (status, body) = admin.json("/api/users/save", &user).await;
        assert_eq!(status, 422, "{key}={value}: {body}");
        assert_eq!(fields(&body), [field], "{key}={value}");
    }
    // A policy message says which rule.
    let mut user = new_user("new.user");
    user["input"]["password"] = json!("password1234");
    user["input"]["password_confirm"] = json!("password1234");
    let (_, body) = admin.json("/api/users/save", &user).await;
    assert_eq!(body["Invalid"][0]["problem"]["key"], json!({"Auth": "PasswordTooCommon"}));
    assert_eq!(db.number("SELECT COUNT(*) FROM users").await, before);
}

async fn a_person_is_linked_to_one_external_or_universal_user_only(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let admin = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    let person = db.number("SELECT id FROM persons WHERE last_name = 'Kowalski'").await;
    let link = |login: &str, kind: &str| {
        let mut user = new_user(login);
        user["input"]["kind"] = json!(kind);
        user["input"]["person_id"] = json!(person);
        user
    };
    assert_eq!(admin.json("/api/users/save", &link("jan.pos", "External")).await.0, 200);
    let (status, body) = admin.json("/api/users/save", &link("jan.both", "Universal")).await;
    assert_eq!((status, fields(&body)), (422, vec!["person_id".to_string()]));
    assert_eq!(body["Invalid"][0]["problem"]["key"], json!({"User": "PersonTaken"}));
    assert!(body["Invalid"][0]["problem"]["args"].to_string().contains("jan.pos"));
    assert_eq!(
        admin.json("/api/users/save", &link("jan.second", "Internal")).await.0,
        200,
        "internal users share persons"
    );
}

async fn the_type_is_fixed_and_versions_catch_concurrent_edits(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let admin = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    let jan = id_of(&db, "jan.kowalski").await;
    let first = edited(&admin, jan, |u| {
        u["kind"] = json!("External");
        u["note"] = json!("first");
    })
    .await;
    let second = edited(&admin, jan, |u| u["note"] = json!("second")).await;
    assert_eq!(admin.json("/api/users/save", &first).await.0, 200);
    let (status, body) = admin.json("/api/users/save", &second).await;
    assert_eq!((status, body), (409, json!("Stale")));
    let (_, card) = admin.call("/api/users/get", &[("id", &jan.to_string())]).await;
    assert_eq!((card["kind"].as_str(), card["note"].as_str()), (Some("Internal"), Some("first")));
}

/// An edit of a user card.
type Change = fn(&mut Value);

async fn barring_a_user_ends_their_open_sessions_at_once(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let admin = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    let changes: [(&str, Change); 3] = [
        ("jan.kowalski", |u| u["blocked"] = json!(true)),
        ("ewa.szymanska", |u| u["active"] = json!(false)),
        ("anna.nowak", |u| {
            u["valid_from"] = json!("2020-01-01");
            u["valid_to"] = json!("2020-12-31");
        }),
    ];
    for (login, change) in changes {
        let user = server.client().signed_in(login, DEMO_PASSWORD).await;
        assert_eq!(user.me().await.0, 200);
        let id = id_of(&db, login).await;
        let (status, body) = admin.json("/api/users/save", &edited(&admin, id, change).await).await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(user.me().await.0, 401, "{login}'s session goes on");
        let ended_by =
            db.number(&format!("SELECT ended_by_user_id FROM sessions WHERE user_id = {id}")).await;
        assert_eq!(ended_by, id_of(&db, "magdalena.dabrowska").await);
    }
    // With the right password each is now told why.
    let (_, body) = server.client().login("ewa.szymanska", DEMO_PASSWORD).await;
    assert_eq!(body["Refused"]["key"], json!({"Auth": "RefusedInactive"}));
    let (_, body) = server.client().login("anna.nowak", DEMO_PASSWORD).await;
    assert_eq!(body["Refused"]["key"], json!({"Auth": "RefusedExpired"}));
    assert_eq!(db.number("SELECT COUNT(*) FROM audit WHERE action = 'login.refused'").await, 2);
}

async fn the_last_active_administrator_stays(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let admin = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    let bootstrap_admin = id_of(&db, "admin").await;
    assert_eq!(
        admin
            .json("/api/users/save", &edited(&admin, bootstrap_admin, |u| u["blocked"] = json!(true)).await)
            .await
            .0,
        200
    );
    let me = id_of(&db, "magdalena.dabrowska").await;
    let (status, body) =
        admin.json("/api/users/save", &edited(&admin, me, |u| u["active"] = json!(false)).await).await;
    assert_eq!((status, &body["Refused"]["key"]), (409, &json!({"Role": "LastAdministrator"})));
    let (status, body) =
        admin.json("/api/users/save", &edited(&admin, me, |u| u["roles"] = json!([])).await).await;
    assert_eq!((status, &body["Refused"]["key"]), (409, &json!({"Role": "LastAdministrator"})));
    assert_eq!(admin.me().await.0, 200, "nothing changed");
}

async fn administrators_set_passwords_without_the_current_one(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let admin = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    let jan = server.client().signed_in("jan.kowalski", DEMO_PASSWORD).await;
    let id = id_of(&db, "jan.kowalski").await;
    let set = |password: &str| json!({"user": id, "target": "Console", "password": password, "confirm": password, "must_change": true, "end_sessions": true});
    let (status, body) = admin.json("/api/users/set-password", &set("short")).await;
    assert_eq!((status, fields(&body)), (422, vec!["new_password".to_string()]));
    let (status, ended) = admin.json("/api/users/set-password", &set("Brand-new-for-Jan-1")).await;
    assert_eq!((status, ended), (200, json!(1)));
    assert_eq!(jan.me().await.0, 401, "his session was ended");
    assert_eq!(server.client().login("jan.kowalski", DEMO_PASSWORD).await.0, 409);
    let (status, outcome) = server.client().login("jan.kowalski", "Brand-new-for-Jan-1").await;
    assert_eq!(
        (status, outcome["next"].as_str()),
        (200, Some("/password")),
        "must change at the next sign-in"
    );
    // Internal users have no external password.
    let mut external = set("Brand-new-for-Jan-2");
    external["target"] = json!("External");
    assert_eq!(
        admin.json("/api/users/set-password", &external).await.1["Refused"]["key"],
        json!({"User": "NoExternalPassword"})
    );
    // Generated passwords meet the policy.
    let (_, generated) = admin.call("/api/users/generate-password", &[]).await;
    let generated = generated.as_str().unwrap().to_string();
    let (status, _) = admin.json("/api/users/set-password", &set(&generated)).await;
    assert_eq!(status, 200, "{generated}");
}

async fn the_list_filters_by_status_type_role_and_text(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let admin = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    let list = |query: Value| {
        let admin = &admin;
        async move {
            let (status, page) = admin.json("/api/users/list", &json!({ "query": query })).await;
            assert_eq!(status, 200, "{page}");
            page["rows"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["login"].as_str().unwrap().to_string())
                .collect::<Vec<_>>()
        }
    };
    let base = json!({"search": "", "status": "All", "kind": null, "role_id": null, "page": 0});
    let with = |key: &str, value: Value| {
        let mut q = base.clone();
        q[key] = value;
        q
    };
    assert_eq!(list(with("status", json!("Blocked"))).await, ["tomasz.kaminski"]);
    let sales = db.number("SELECT id FROM roles WHERE name = 'Sprzedawcy'").await;
    assert_eq!(
        list(with("role_id", json!(sales))).await,
        ["jan.kowalski", "piotr.wisniewski", "tomasz.kaminski"]
    );
    assert_eq!(list(with("search", json!("WIŚNIEWSKI"))).await, ["piotr.wisniewski"]);
    assert!(list(with("kind", json!("External"))).await.is_empty());
    let everyone = db.number("SELECT id FROM roles WHERE builtin = 'everyone' AND account_id = 1").await;
    assert_eq!(list(with("role_id", json!(everyone))).await.len(), 8, "every user of the account");
    let active = list(with("status", json!("Active"))).await;
    assert!(!active.contains(&"tomasz.kaminski".to_string()) && active.contains(&"anna.nowak".to_string()));
    // Users of the sub-accounts are not listed here.
    assert!(!list(base.clone()).await.contains(&"jana.novakova".to_string()));
}

both!(
    a_user_with_every_field_round_trips,
    bad_input_is_named_and_nothing_is_written,
    a_person_is_linked_to_one_external_or_universal_user_only,
    the_type_is_fixed_and_versions_catch_concurrent_edits,
    barring_a_user_ends_their_open_sessions_at_once,
    the_last_active_administrator_stays,
    administrators_set_passwords_without_the_current_one,
    the_list_filters_by_status_type_role_and_text,
);
