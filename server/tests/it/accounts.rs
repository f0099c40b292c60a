//! Sub-accounts (seed 004): adding, renaming, deactivating and deleting them; access grants
//! from the users list; switching the session's account; isolation; losing access live.

use crate::both;
use crate::support::{read_events, Api, Server, TestDb, DEMO_PASSWORD};
use serde_json::{json, Value};

fn input(id: Option<i64>, name: &str, external: &str, version: i64) -> Value {
    json!({"input": {"id": id, "name": name, "external_id": external, "version": version}})
}

async fn names(admin: &Api) -> Vec<String> {
    let (status, body) = admin.call("/api/accounts/list", &[]).await;
    assert_eq!(status, 200, "{body}");
    body.as_array().unwrap().iter().map(|a| a["name"].as_str().unwrap().to_string()).collect()
}

fn field(body: &Value) -> Value {
    body["Invalid"][0]["field"].clone()
}

async fn sub_accounts_are_added_renamed_deactivated_and_deleted(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let admin = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    assert_eq!(names(&admin).await, ["Oddział Brno", "Oddział Gdańsk"]);

    let (status, id) = admin.json("/api/accounts/save", &input(None, "Oddział Kraków", "PT-0004", 0)).await;
    assert_eq!(status, 200, "{id}");
    let id = id.as_i64().unwrap();
    assert_eq!(names(&admin).await, ["Oddział Brno", "Oddział Gdańsk", "Oddział Kraków"]);
    let roles = format!("SELECT COUNT(*) FROM roles WHERE account_id = {id} AND builtin IS NOT NULL");
    assert_eq!(db.number(&roles).await, 2, "its own Administrators and Everyone");
    let root = format!("SELECT COUNT(*) FROM units WHERE account_id = {id} AND parent_id IS NULL");
    assert_eq!(db.number(&root).await, 1);
    let audit = format!("SELECT COUNT(*) FROM audit WHERE action = 'account.create' AND object_id = {id}");
    assert_eq!(db.number(&audit).await, 1);

    // Bad input names its field and writes nothing.
    let accounts = db.number("SELECT COUNT(*) FROM accounts").await;
    for (name, external, bad) in [
        ("ODDZIAŁ KRAKÓW", "PT-0009", "name"),
        ("Oddział Łódź", "PT-0002", "external_id"),
        ("Oddział Łódź", "PT 9", "external_id"),
        ("", "PT-0009", "name"),
        ("Oddział Łódź", &"9".repeat(51), "external_id"),
    ] {
        let (status, body) = admin.json("/api/accounts/save", &input(None, name, external, 0)).await;
        assert_eq!((status, field(&body)), (422, json!(bad)), "{name} / {external}: {body}");
    }
    assert_eq!(db.number("SELECT COUNT(*) FROM accounts").await, accounts);

    let (status, _) =
        admin.json("/api/accounts/save", &input(Some(id), "Oddział Krakow", "PT-0004", 99)).await;
    assert_eq!(status, 409, "a stale version is refused");
    let (status, body) =
        admin.json("/api/accounts/save", &input(Some(id), "Oddział Małopolska", "PT-0004", 1)).await;
    assert_eq!(status, 200, "{body}");
    assert!(names(&admin).await.contains(&"Oddział Małopolska".to_string()));

    // Only an empty sub-account can be deleted; its identifier is free again afterwards.
    let brno = db.number("SELECT id FROM accounts WHERE name = 'Oddział Brno'").await.to_string();
    let (status, body) = admin.call("/api/accounts/delete", &[("id", &brno), ("version", "1")]).await;
    assert_eq!((status, body["Refused"]["key"].clone()), (409, json!({"Account": "NotEmpty"})));
    let (status, body) =
        admin.call("/api/accounts/delete", &[("id", &id.to_string()), ("version", "2")]).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(names(&admin).await, ["Oddział Brno", "Oddział Gdańsk"]);
    let (status, body) = admin.json("/api/accounts/save", &input(None, "Oddział Kraków", "PT-0004", 0)).await;
    assert_eq!(status, 200, "{body}");

    // Deactivating signs the sub-account's users out and keeps them out until activated again.
    let jana = server.client().signed_in("jana.novakova", DEMO_PASSWORD).await;
    let (status, body) =
        admin.call("/api/accounts/set-active", &[("id", &brno), ("active", "false"), ("version", "1")]).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(jana.me().await.0, 401, "the open session ended at once");
    let (status, body) = server.client().login("jana.novakova", DEMO_PASSWORD).await;
    assert_ne!(status, 200, "{body}");
    let (status, body) =
        admin.call("/api/accounts/set-active", &[("id", &brno), ("active", "true"), ("version", "2")]).await;
    assert_eq!(status, 200, "{body}");
    server.client().signed_in("jana.novakova", DEMO_PASSWORD).await;
}

fn open_sessions() -> Value {
    json!({"query": {"state": "Open", "search": "", "from": "", "to": "", "sort": "Created", "descending": true, "page": 0}})
}

async fn switch_to(api: &Api, account: i64) -> (u16, Value) {
    api.call("/api/accounts/switch", &[("account", &account.to_string())]).await
}

async fn account_of(api: &Api) -> String {
    let (status, me) = api.me().await;
    assert_eq!(status, 200, "{me}");
    me["account_name"].as_str().unwrap().to_string()
}

async fn switching_shows_only_the_chosen_accounts_data(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let main = db.number("SELECT id FROM accounts WHERE parent_id IS NULL").await;
    let brno = db.number("SELECT id FROM accounts WHERE name = 'Oddział Brno'").await;
    let gdansk = db.number("SELECT id FROM accounts WHERE name = 'Oddział Gdańsk'").await;
    let admin = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    assert_eq!(admin.me().await.1["can_switch"], json!(true));
    let (_, targets) = admin.call("/api/accounts/switchable", &[]).await;
    let ids: Vec<i64> = targets.as_array().unwrap().iter().map(|t| t["id"].as_i64().unwrap()).collect();
    assert_eq!(ids, [main, brno, gdansk], "administrators have every sub-account");
    assert_eq!(targets[0]["current"], json!(true));

    let jan_id = db.number("SELECT id FROM users WHERE login = 'jan.kowalski'").await;
    assert_eq!(switch_to(&admin, brno).await.0, 200);
    assert_eq!(account_of(&admin).await, "Oddział Brno");
    // The sub-account's administrator sees the visitor but cannot end a main-account session.
    let jana = server.client().signed_in("jana.novakova", DEMO_PASSWORD).await;
    let admin_session = admin.me().await.1["session_id"].as_i64().unwrap();
    let (_, open) = jana.json("/api/sessions/list", &open_sessions()).await;
    let row = open["rows"].as_array().unwrap().iter().find(|r| r["id"] == admin_session).cloned().unwrap();
    assert_eq!((row["visiting"].clone(), row["endable"].clone()), (json!(true), json!(false)));
    let (status, body) = jana.json("/api/sessions/end", &json!({"ids": [admin_session], "note": ""})).await;
    assert_eq!((status, body["Refused"]["key"].clone()), (409, json!({"Session": "VisitorSession"})));
    assert_eq!(account_of(&admin).await, "Oddział Brno", "still working");
    let (_, users) = admin
        .json(
            "/api/users/list",
            &json!({"query": {"search": "", "status": "All", "kind": null, "role_id": null, "page": 0}}),
        )
        .await;
    let logins: Vec<&str> =
        users["rows"].as_array().unwrap().iter().map(|u| u["login"].as_str().unwrap()).collect();
    assert_eq!(logins, ["jana.novakova", "petr.svoboda"], "only the sub-account's users");
    assert_eq!(admin.call("/api/users/get", &[("id", &jan_id.to_string())]).await.0, 404);
    let (_, persons) =
        admin.json("/api/persons/list", &json!({"query": {"search": "", "unit_id": null, "page": 0}})).await;
    assert_eq!(
        persons["total"],
        json!(db.number(&format!("SELECT COUNT(*) FROM persons WHERE account_id = {brno}")).await)
    );
    assert_eq!(
        admin.call("/api/accounts/list", &[]).await.0,
        403,
        "sub-accounts are managed in the main account"
    );
    let (_, sessions) = admin.json("/api/sessions/list", &open_sessions()).await;
    let rows = sessions["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 2, "the visitor and the sub-account's own administrator: {sessions}");
    assert!(rows.iter().all(|r| r["account"] == json!("Oddział Brno")), "each shows its current account");
    assert_eq!(switch_to(&admin, main).await.0, 200);
    assert_eq!(account_of(&admin).await, "Nordwind sp. z o.o.");
    assert_eq!(db.number("SELECT COUNT(*) FROM audit WHERE action = 'account.switch'").await, 2);

    // A main-account user without access sees no switcher and cannot switch.
    let jan = server.client().signed_in("jan.kowalski", DEMO_PASSWORD).await;
    assert_eq!(jan.me().await.1["can_switch"], json!(false));
    let (status, body) = switch_to(&jan, brno).await;
    assert_eq!((status, body["Refused"]["key"].clone()), (409, json!({"Account": "NoAccess"})));
    // A sub-account's user can reach neither the main account nor another sub-account.
    assert_eq!(jana.me().await.1["can_switch"], json!(false));
    assert_eq!(jana.call("/api/accounts/switchable", &[]).await.1.as_array().unwrap().len(), 1);
    for target in [main, gdansk] {
        assert_eq!(switch_to(&jana, target).await.0, 409);
    }
    assert_eq!(account_of(&jana).await, "Oddział Brno");
}

async fn access_is_granted_applied_at_once_and_withdrawn_live(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let main = db.number("SELECT id FROM accounts WHERE parent_id IS NULL").await;
    let brno = db.number("SELECT id FROM accounts WHERE name = 'Oddział Brno'").await;
    let admin = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    let admin_id = db.number("SELECT id FROM users WHERE login = 'magdalena.dabrowska'").await;
    let jan_id = db.number("SELECT id FROM users WHERE login = 'jan.kowalski'").await;
    let jan = server.client().signed_in("jan.kowalski", DEMO_PASSWORD).await;

    let (status, access) = admin.call("/api/accounts/access", &[("user", &admin_id.to_string())]).await;
    assert_eq!(status, 200, "{access}");
    assert_eq!(access["administrator"], json!(true));
    assert!(access["choices"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["granted"] == json!(true) && c["changeable"] == json!(false)));
    let (status, body) =
        admin.json("/api/accounts/set-access", &json!({"user": admin_id, "accounts": []})).await;
    assert_eq!((status, body["Refused"]["key"].clone()), (409, json!({"Account": "NotYourAccess"})));

    let grant = |accounts: Vec<i64>| json!({"user": jan_id, "accounts": accounts});
    let (status, body) = admin.json("/api/accounts/set-access", &grant(vec![brno])).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(db.number("SELECT COUNT(*) FROM audit WHERE action = 'account.access'").await, 1);
    let (_, users) = admin.json("/api/users/list", &json!({"query": {"search": "jan.kowalski", "status": "All", "kind": null, "role_id": null, "page": 0}})).await;
    assert_eq!(users["rows"][0]["sub_accounts"], json!([false, ["Oddział Brno"]]));
    assert_eq!(jan.me().await.1["can_switch"], json!(true), "no new sign-in needed");
    assert_eq!(switch_to(&jan, brno).await.0, 200);
    // In the sub-account his rights are those of his main-account roles (Sprzedawcy: persons).
    let (_, me) = jan.me().await;
    assert_eq!(me["account_name"], json!("Oddział Brno"));
    let persons =
        jan.json("/api/persons/list", &json!({"query": {"search": "", "unit_id": null, "page": 0}})).await;
    assert_eq!(persons.0, 200, "{}", persons.1);
    assert_eq!(
        jan.json(
            "/api/users/list",
            &json!({"query": {"search": "", "status": "All", "kind": null, "role_id": null, "page": 0}})
        )
        .await
        .0,
        403
    );

    // Withdrawing access sends his session home at once, and his page is told.
    let stream = jan.events(None).await;
    let session = me["session_id"].as_i64().unwrap();
    let (status, body) = admin.json("/api/accounts/set-access", &grant(vec![])).await;
    assert_eq!(status, 200, "{body}");
    let told = move |e: &Value| e["kind"]["type"] == "ReturnedHome" && e["kind"]["session_id"] == session;
    let (found, seen) = read_events(stream, 10, told).await;
    assert!(found, "{seen:?}");
    assert_eq!(seen.last().unwrap()["kind"]["from"], json!("Oddział Brno"));
    assert_eq!(account_of(&jan).await, "Nordwind sp. z o.o.");
    assert_eq!(jan.me().await.1["can_switch"], json!(false));
    assert_eq!(switch_to(&jan, brno).await.0, 409);
    assert_eq!(switch_to(&jan, main).await.0, 200, "staying home is always allowed");

    // Ids of accounts outside the main account's sub-accounts are "not found".
    let (status, _) = admin.json("/api/accounts/set-access", &grant(vec![main])).await;
    assert_eq!(status, 404);
}

async fn only_sub_accounts_the_editor_may_enter_can_be_given(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let brno = db.number("SELECT id FROM accounts WHERE name = 'Oddział Brno'").await;
    let gdansk = db.number("SELECT id FROM accounts WHERE name = 'Oddział Gdańsk'").await;
    let admin = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    // Jan (a salesman) holds rights the editor does not: opening an account to him is refused
    // whatever the account (rule 6); the editor gives access to someone who holds less.
    let jan = db.number("SELECT id FROM users WHERE login = 'jan.kowalski'").await;
    let plain = crate::matrix::user_holding(&server, &db, &admin, &[]).await;
    let jan_id = plain.me().await.1["user_id"].as_i64().unwrap();
    let editor = crate::matrix::user_holding(&server, &db, &admin, &["accounts.view", "accounts.edit"]).await;
    let editor_id = editor.me().await.1["user_id"].as_i64().unwrap();
    let (status, body) =
        admin.json("/api/accounts/set-access", &json!({"user": editor_id, "accounts": [brno]})).await;
    assert_eq!(status, 200, "{body}");

    let (_, access) = editor.call("/api/accounts/access", &[("user", &jan_id.to_string())]).await;
    let changeable: Vec<(i64, bool)> = access["choices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["account_id"].as_i64().unwrap(), c["changeable"].as_bool().unwrap()))
        .collect();
    assert_eq!(changeable, [(brno, true), (gdansk, false)]);
    let (status, body) =
        editor.json("/api/accounts/set-access", &json!({"user": jan, "accounts": [brno]})).await;
    assert_eq!((status, body["Refused"]["key"].clone()), (409, json!({"Right": "HoldsMore"})));
    let give = |accounts: Vec<i64>| json!({"user": jan_id, "accounts": accounts});
    let (status, body) = editor.json("/api/accounts/set-access", &give(vec![brno, gdansk])).await;
    assert_eq!((status, body["Refused"]["key"].clone()), (409, json!({"Account": "NotHeldByYou"})));
    assert_eq!(
        db.number(&format!("SELECT COUNT(*) FROM account_access WHERE user_id = {jan_id}")).await,
        0,
        "nothing written"
    );
    assert_eq!(editor.json("/api/accounts/set-access", &give(vec![brno])).await.0, 200);
    let (status, body) = editor
        .json("/api/accounts/set-access", &json!({"user": editor_id, "accounts": [brno, gdansk]}))
        .await;
    assert_eq!((status, body["Refused"]["key"].clone()), (409, json!({"Account": "NotYourAccess"})));
}

async fn a_session_left_inside_a_lost_sub_account_goes_home(db: TestDb) {
    // The safety net: access removed behind the application's back (e.g. by a script).
    let server = Server::start(&db, &["--demo"]).await;
    let brno = db.number("SELECT id FROM accounts WHERE name = 'Oddział Brno'").await;
    let michal = server.client().signed_in("michal.zielinski", DEMO_PASSWORD).await;
    assert_eq!(switch_to(&michal, brno).await.0, 200);
    assert_eq!(account_of(&michal).await, "Oddział Brno");
    db.execute("DELETE FROM account_access").await;
    db.execute("UPDATE accounts SET rights_version = rights_version + 1").await;
    assert_eq!(account_of(&michal).await, "Nordwind sp. z o.o.");
}

both!(
    sub_accounts_are_added_renamed_deactivated_and_deleted,
    switching_shows_only_the_chosen_accounts_data,
    access_is_granted_applied_at_once_and_withdrawn_live,
    only_sub_accounts_the_editor_may_enter_can_be_given,
    a_session_left_inside_a_lost_sub_account_goes_home
);
