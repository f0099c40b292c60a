//! The units tree: add, rename, move, delete and their refusals, versions, other accounts.

use crate::both;
use crate::support::{Server, TestDb, DEMO_PASSWORD};
use serde_json::{json, Value};

pub async fn unit_id(db: &TestDb, name: &str) -> i64 {
    db.number(&format!("SELECT id FROM units WHERE name = '{name}'")).await
}

fn problem_key(body: &Value) -> Value {
    body["Refused"]["key"].clone()
}

async fn units_are_added_renamed_moved_and_deleted(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let admin = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    let sales = unit_id(&db, "Sprzedaż").await;
    let (status, id) = admin
        .json(
            "/api/units/save",
            &json!({"input": {"id": null, "parent_id": sales, "name": "Sprzedaż Wrocław", "version": 0}}),
        )
        .await;
    assert_eq!(status, 200, "{id}");
    let id = id.as_i64().unwrap();
    let (_, units) = admin.call("/api/units/list", &[]).await;
    let added = units.as_array().unwrap().iter().find(|u| u["id"] == id).unwrap().clone();
    assert_eq!(added["parent_id"], sales);

    // Rename and move under the warehouse in one save.
    let store = unit_id(&db, "Magazyn").await;
    let save = json!({"input": {"id": id, "parent_id": store, "name": "Magazyn Wrocław", "version": added["version"]}});
    assert_eq!(admin.json("/api/units/save", &save).await.0, 200);
    assert_eq!(db.number(&format!("SELECT parent_id FROM units WHERE id = {id}")).await, store);
    // The same version again is stale now.
    let (status, body) = admin.json("/api/units/save", &save).await;
    assert_eq!((status, body), (409, json!("Stale")));

    // A unit cannot move below itself.
    let poznan = unit_id(&db, "Magazyn Poznań").await;
    let version = db.number(&format!("SELECT version FROM units WHERE id = {store}")).await;
    let (status, body) = admin
        .json(
            "/api/units/save",
            &json!({"input": {"id": store, "parent_id": poznan, "name": "Magazyn", "version": version}}),
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(body["Invalid"][0]["field"], "parent_id");

    let version = db.number(&format!("SELECT version FROM units WHERE id = {id}")).await;
    let (status, body) =
        admin.call("/api/units/delete", &[("id", &id.to_string()), ("version", &version.to_string())]).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(db.number(&format!("SELECT COUNT(*) FROM units WHERE id = {id}")).await, 0);
    assert!(db.number("SELECT COUNT(*) FROM audit WHERE action LIKE 'unit.%'").await >= 3);
}

async fn deleting_a_unit_in_use_is_refused_with_the_reason(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let admin = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    let delete = |name: &'static str| {
        let (admin, db) = (&admin, &db);
        async move {
            let id = unit_id(db, name).await;
            let version = db.number(&format!("SELECT version FROM units WHERE id = {id}")).await;
            admin
                .call("/api/units/delete", &[("id", &id.to_string()), ("version", &version.to_string())])
                .await
        }
    };
    let (status, body) = delete("Sprzedaż").await;
    assert_eq!((status, problem_key(&body)), (409, json!({"Unit": "HasChildren"})));
    let (status, body) = delete("Finanse").await;
    assert_eq!((status, problem_key(&body)), (409, json!({"Unit": "HasPersons"})));
    // Finanse emptied of persons is still anna's... no: Zarząd is magdalena's default unit.
    db.execute("UPDATE persons SET unit_id = (SELECT id FROM units WHERE name = 'Finanse') WHERE unit_id = (SELECT id FROM units WHERE name = 'Zarząd')").await;
    let (status, body) = delete("Zarząd").await;
    assert_eq!((status, problem_key(&body)), (409, json!({"Unit": "IsDefaultUnit"})));
    assert_eq!(body["Refused"]["args"][1], json!(["login", "magdalena.dabrowska"]));
    let (status, body) = delete("Nordwind sp. z o.o.").await;
    assert_eq!((status, problem_key(&body)), (409, json!({"Unit": "RootIsFixed"})));
}

async fn units_of_another_account_are_not_found_and_rights_are_checked(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let admin = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    let brno = unit_id(&db, "Výroba").await;
    let (status, _) = admin
        .json(
            "/api/units/save",
            &json!({"input": {"id": brno, "parent_id": null, "name": "x", "version": 1}}),
        )
        .await;
    assert_eq!(status, 404);
    let (status, _) = admin.call("/api/units/delete", &[("id", &brno.to_string()), ("version", "1")]).await;
    assert_eq!(status, 404);
    // Adding under another account's unit is refused too.
    let (status, body) = admin
        .json(
            "/api/units/save",
            &json!({"input": {"id": null, "parent_id": brno, "name": "x", "version": 0}}),
        )
        .await;
    assert_eq!((status, body["Invalid"][0]["field"].as_str()), (422, Some("parent_id")));
    // The list shows only this account's units.
    let (_, units) = admin.call("/api/units/list", &[]).await;
    assert!(units.as_array().unwrap().iter().all(|u| u["id"] != brno));

    // Ewa (warehouse) may read units for her pickers but not change them.
    let ewa = server.client().signed_in("ewa.szymanska", DEMO_PASSWORD).await;
    assert_eq!(ewa.call("/api/units/list", &[]).await.0, 200);
    let sales = unit_id(&db, "Sprzedaż").await;
    let (status, body) = ewa
        .json(
            "/api/units/save",
            &json!({"input": {"id": null, "parent_id": sales, "name": "x", "version": 0}}),
        )
        .await;
    assert_eq!((status, body), (403, json!("Forbidden")));
}

both!(
    units_are_added_renamed_moved_and_deleted,
    deleting_a_unit_in_use_is_refused_with_the_reason,
    units_of_another_account_are_not_found_and_rights_are_checked,
);
