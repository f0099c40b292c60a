//! Rights editing and enforcement through the real server: whole-set saves under rule 6,
//! decisions that change open sessions at once, data rights over the unit tree and column
//! rights on the user card.

use crate::both;
use crate::roles::{allow_to_role, role_id};
use crate::support::{Api, Server, TestDb, DEMO_PASSWORD};
use crate::units::unit_id;
use crate::users::{edited, id_of};
use serde_json::{json, Value};

fn refusal(body: &Value) -> Value {
    body["Refused"]["key"].clone()
}

fn grant(key: &str, allow: bool) -> Value {
    json!({"key": key, "target": null, "allow": allow})
}

/// The holder's own grants and version, as the editor loads them.
async fn editor(api: &Api, holder: Value) -> (Vec<Value>, i64) {
    let (status, body) = api.json("/api/rights/editor", &json!({ "holder": holder })).await;
    assert_eq!(status, 200, "{body}");
    (body["grants"].as_array().unwrap().clone(), body["version"].as_i64().unwrap())
}

/// Loads the holder's grants, lets `change` edit them, and saves the whole set.
async fn save_edited(api: &Api, holder: Value, change: impl FnOnce(&mut Vec<Value>)) -> (u16, Value) {
    let (mut grants, version) = editor(api, holder.clone()).await;
    change(&mut grants);
    api.json("/api/rights/save", &json!({"holder": holder, "grants": grants, "version": version})).await
}

/// Replaces (or adds) the account-wide grant of `key`.
fn set(grants: &mut Vec<Value>, key: &str, allow: bool) {
    grants.retain(|g| !(g["key"] == key && g["target"].is_null()));
    grants.push(grant(key, allow));
}

async fn jan_saved(api: &Api, db: &TestDb) -> u16 {
    let jan = id_of(db, "jan.kowalski").await;
    let (status, _) = api.call("/api/users/get", &[("id", &jan.to_string())]).await;
    if status != 200 {
        return status;
    }
    let mut card = edited(api, jan, |_| {}).await;
    card["input"]["note"] = json!("checked");
    api.json("/api/users/save", &card).await.0
}

async fn a_role_deny_applies_at_once_and_a_user_allow_beats_it(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let admin = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    let anna = server.client().signed_in("anna.nowak", DEMO_PASSWORD).await;
    let (hr, anna_id) = (role_id(&db, "Kadry").await, id_of(&db, "anna.nowak").await);
    assert_eq!(jan_saved(&anna, &db).await, 200, "HR edits users");

    let (grants, version) = editor(&admin, json!({"Role": hr})).await;
    let mut denied = grants.clone();
    set(&mut denied, "users.edit", false);
    let save = json!({"holder": {"Role": hr}, "grants": denied, "version": version});
    assert_eq!(admin.json("/api/rights/save", &save).await.0, 200);
    assert_eq!(jan_saved(&anna, &db).await, 403, "the open session lost the right without signing in again");
    let (status, body) = admin.json("/api/rights/save", &save).await;
    assert_eq!((status, body), (409, json!("Stale")), "a second save of the same version is stale");
    let audit = db
        .number(&format!(
            "SELECT COUNT(*) FROM audit WHERE action = 'rights.save' AND object_kind = 'role' AND object_id = {hr}
               AND before_json LIKE '%\"allow\":true,\"key\":\"users.edit\"%'
               AND after_json LIKE '%\"allow\":false,\"key\":\"users.edit\"%'"
        ))
        .await;
    assert_eq!(audit, 1, "the save is audited with before and after");

    let (status, body) = save_edited(&admin, json!({"User": anna_id}), |g| set(g, "users.edit", true)).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(jan_saved(&anna, &db).await, 200, "the user's own allow beats the role's deny");
    let (_, effective) = admin.call("/api/rights/effective", &[("user", &anna_id.to_string())]).await;
    let decision = |right: Value| {
        effective["rights"].as_array().unwrap().iter().find(|r| r["right"] == right).unwrap()["decision"]
            .clone()
    };
    assert_eq!(decision(json!({"Op": ["Users", "Edit"]})), json!({"allowed": true, "source": "User"}));
    assert_eq!(decision(json!({"Op": ["Users", "View"]})), json!({"allowed": true, "source": {"Role": hr}}));
    assert_eq!(
        decision(json!({"Op": ["Sessions", "View"]})),
        json!({"allowed": false, "source": "NotGranted"})
    );

    // Denying View disables the rest (rule 3), whatever else is allowed.
    let (status, _) = save_edited(&admin, json!({"User": anna_id}), |g| set(g, "users.view", false)).await;
    assert_eq!(status, 200);
    assert_eq!(jan_saved(&anna, &db).await, 403);
    let (_, effective) = admin.call("/api/rights/effective", &[("user", &anna_id.to_string())]).await;
    let edit = effective["rights"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["right"] == json!({"Op": ["Users", "Edit"]}))
        .unwrap()["decision"]
        .clone();
    assert_eq!(edit["allowed"], json!(false));
    assert!(edit["source"]["Needs"].is_number(), "the reason names the missing View: {edit}");
}

async fn rule_six_and_the_fixed_holders_are_enforced_on_save(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let admin = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    let hr = role_id(&db, "Kadry").await;
    allow_to_role(&db, hr, &["roles.view", "roles.edit"]).await;
    let anna = server.client().signed_in("anna.nowak", DEMO_PASSWORD).await;
    let sales = json!({"Role": role_id(&db, "Sprzedawcy").await});
    let saves = db.number("SELECT COUNT(*) FROM audit WHERE action = 'rights.save'").await;

    let (status, body) = save_edited(&anna, sales.clone(), |g| set(g, "sessions.view", true)).await;
    assert_eq!((status, refusal(&body)), (409, json!({"Role": "NotYourRights"})), "she lacks sessions.view");
    let (status, body) =
        save_edited(&anna, sales.clone(), |g| g.retain(|x| x["key"] != "perm.substitutions_own")).await;
    assert_eq!((status, refusal(&body)), (409, json!({"Role": "NotYourRights"})), "nor may she remove it");
    let (status, body) =
        save_edited(&anna, json!({"User": id_of(&db, "anna.nowak").await}), |g| set(g, "persons.view", true))
            .await;
    assert_eq!((status, refusal(&body)), (409, json!({"Role": "OwnRights"})));
    let admins = json!({"Role": role_id(&db, "Administrators").await});
    let (status, body) = save_edited(&admin, admins, |g| set(g, "users.view", false)).await;
    assert_eq!((status, refusal(&body)), (409, json!({"Role": "AdministratorsHoldAll"})));
    let (status, _) = save_edited(&admin, sales.clone(), |g| set(g, "no.such.right", true)).await;
    assert_eq!(status, 400, "a key outside the catalogue");
    let brno = db.number("SELECT id FROM units WHERE name = 'Výroba'").await;
    let (status, _) = save_edited(&admin, sales.clone(), |g| {
        g.push(json!({"key": "persons.data.view", "target": {"Unit": brno}, "allow": true}))
    })
    .await;
    assert_eq!(status, 404, "a unit of another account");
    assert_eq!(
        db.number("SELECT COUNT(*) FROM audit WHERE action = 'rights.save'").await,
        saves,
        "nothing saved"
    );

    let (status, body) = save_edited(&anna, sales.clone(), |g| set(g, "persons.edit", true)).await;
    assert_eq!(status, 200, "a right she holds: {body}");
    let (grants, _) = editor(&admin, sales).await;
    assert!(grants.contains(&grant("persons.edit", true)));
}

async fn person_names(api: &Api) -> Vec<String> {
    let query = json!({"query": {"search": "", "unit_id": null, "page": 0}});
    let (status, body) = api.json("/api/persons/list", &query).await;
    assert_eq!(status, 200, "{body}");
    body["rows"].as_array().unwrap().iter().map(|p| p["last_name"].as_str().unwrap().to_string()).collect()
}

async fn data_rights_hide_a_subtree_including_persons_added_later(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let admin = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    let anna = server.client().signed_in("anna.nowak", DEMO_PASSWORD).await;
    assert!(person_names(&anna).await.contains(&"Kowalski".to_string()));
    let sales = unit_id(&db, "Sprzedaż").await;
    let anna_id = id_of(&db, "anna.nowak").await;
    let (status, body) = save_edited(&admin, json!({"User": anna_id}), |g| {
        g.push(json!({"key": "persons.data.view", "target": {"Unit": sales}, "allow": false}))
    })
    .await;
    assert_eq!(status, 200, "{body}");

    let seen = person_names(&anna).await;
    for hidden in ["Wiśniewski", "Kowalski", "Wójcik", "Kamiński", "Lewandowska"] {
        assert!(!seen.contains(&hidden.to_string()), "{hidden} works in Sprzedaż: {seen:?}");
    }
    assert!(seen.contains(&"Szymańska".to_string()), "other units stay visible: {seen:?}");
    let jan = db.number("SELECT id FROM persons WHERE last_name = 'Kowalski'").await;
    let (status, body) = anna.call("/api/persons/get", &[("id", &jan.to_string())]).await;
    assert_eq!((status, body), (404, json!("NotFound")), "outside her rights is not found");

    let krakow = unit_id(&db, "Sprzedaż Kraków").await;
    let added = json!({"input": {"id": null, "first_name": "Nowa", "last_name": "Później", "personal_number": "",
                                 "unit_id": krakow, "supervisor_id": null, "version": 0}});
    assert_eq!(admin.json("/api/persons/save", &added).await.0, 200);
    assert!(person_names(&admin).await.contains(&"Później".to_string()));
    assert!(!person_names(&anna).await.contains(&"Później".to_string()), "a person added later is covered");
    let (status, _) = anna
        .json(
            "/api/persons/save",
            &json!({"input": {"id": null, "first_name": "X", "last_name": "Y", "personal_number": "",
                              "unit_id": krakow, "supervisor_id": null, "version": 0}}),
        )
        .await;
    assert_eq!(status, 403, "no creating persons where she may not see them");
    let (status, body) = anna
        .json(
            "/api/persons/save",
            &json!({"input": {"id": null, "first_name": "X", "last_name": "Y", "personal_number": "",
                              "unit_id": null, "supervisor_id": null, "version": 0}}),
        )
        .await;
    assert_eq!(
        (status, body["Invalid"][0]["field"].clone()),
        (422, json!("unit_id")),
        "a missing unit is named"
    );
}

async fn column_rights_hide_and_lock_fields_of_the_user_card(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let admin = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    let anna = server.client().signed_in("anna.nowak", DEMO_PASSWORD).await;
    let jan = id_of(&db, "jan.kowalski").await;
    let mut card = edited(&admin, jan, |_| {}).await;
    card["input"]["note"] = json!("Tylko dla administratorów");
    assert_eq!(admin.json("/api/users/save", &card).await.0, 200);
    let hr = json!({"Role": role_id(&db, "Kadry").await});

    let (status, _) = save_edited(&admin, hr.clone(), |g| set(g, "users.col.note.edit", false)).await;
    assert_eq!(status, 200);
    let mut card = edited(&anna, jan, |_| {}).await;
    assert_eq!(card["input"]["note"], json!("Tylko dla administratorów"), "visible, not editable");
    card["input"]["note"] = json!("changed by HR");
    card["input"]["full_name"] = json!("Jan Kowalski-Nowy");
    let (status, body) = anna.json("/api/users/save", &card).await;
    assert_eq!(status, 200, "{body}");
    let (_, stored) = admin.call("/api/users/get", &[("id", &jan.to_string())]).await;
    assert_eq!(stored["note"], json!("Tylko dla administratorów"), "the locked field kept its value");
    assert_eq!(stored["full_name"], json!("Jan Kowalski-Nowy"), "the other fields were saved");

    let (status, _) = save_edited(&admin, hr, |g| set(g, "users.col.note.visible", false)).await;
    assert_eq!(status, 200);
    let (_, seen) = anna.call("/api/users/get", &[("id", &jan.to_string())]).await;
    assert_eq!(seen["note"], json!(""), "hidden from HR");
    let (_, seen) = admin.call("/api/users/get", &[("id", &jan.to_string())]).await;
    assert_eq!(seen["note"], json!("Tylko dla administratorów"));
}

both!(
    a_role_deny_applies_at_once_and_a_user_allow_beats_it,
    rule_six_and_the_fixed_holders_are_enforced_on_save,
    data_rights_hide_a_subtree_including_persons_added_later,
    column_rights_hide_and_lock_fields_of_the_user_card
);
