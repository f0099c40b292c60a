//! The persons directory: the card's checks, search and paging, supervisors, deletion.

use crate::both;
use crate::support::{Server, TestDb, DEMO_PASSWORD};
use crate::units::unit_id;
use serde_json::{json, Value};

fn person(first: &str, last: &str, number: &str, unit: i64, supervisor: Option<i64>) -> Value {
    json!({"input": {"id": null, "first_name": first, "last_name": last, "personal_number": number,
                     "unit_id": unit, "supervisor_id": supervisor, "version": 0}})
}

fn fields(body: &Value) -> Vec<String> {
    body["Invalid"]
        .as_array()
        .map(|a| a.iter().map(|f| f["field"].as_str().unwrap().to_string()).collect())
        .unwrap_or_default()
}

async fn persons_are_checked_searched_and_paged(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let hr = server.client().signed_in("anna.nowak", DEMO_PASSWORD).await;
    let unit = unit_id(&db, "Kadry").await;
    let before = db.number("SELECT COUNT(*) FROM persons").await;
    let (status, body) =
        hr.json("/api/persons/save", &person(" ", &"x".repeat(101), "12 34", unit, None)).await;
    assert_eq!(status, 422);
    assert_eq!(fields(&body), ["first_name", "last_name", "personal_number"]);
    let (status, body) = hr.json("/api/persons/save", &person("Jan", "Nowy", "1001", unit, None)).await;
    assert_eq!(status, 422, "1001 is Magdalena's number: {body}");
    assert_eq!(fields(&body), ["personal_number"]);
    assert_eq!(db.number("SELECT COUNT(*) FROM persons").await, before, "nothing written");

    for i in 0..30 {
        let (status, body) = hr
            .json(
                "/api/persons/save",
                &person("Łucja", &format!("Źrebiec {i:02}"), &format!("T-{i:02}"), unit, None),
            )
            .await;
        assert_eq!(status, 200, "{body}");
    }
    // Search ignores case but not diacritics, and pages by 25.
    let query = |search: &str, page: u32| json!({"query": {"search": search, "unit_id": null, "page": page}});
    let (_, first) = hr.json("/api/persons/list", &query("ŹREBIEC", 0)).await;
    assert_eq!(first["total"], 30);
    assert_eq!(first["rows"].as_array().unwrap().len(), 25);
    assert_eq!(first["rows"][0]["last_name"], "Źrebiec 00");
    let (_, second) = hr.json("/api/persons/list", &query("łucja źrebiec", 1)).await;
    assert_eq!(second["rows"].as_array().unwrap().len(), 5);
    let (_, none) = hr.json("/api/persons/list", &query("zrebiec", 0)).await;
    assert_eq!(none["total"], 0);
    let (_, wildcard) = hr.json("/api/persons/list", &query("%", 0)).await;
    assert_eq!(wildcard["total"], 0, "% is taken literally");
    let sales = unit_id(&db, "Sprzedaż Kraków").await;
    let (_, in_unit) =
        hr.json("/api/persons/list", &json!({"query": {"search": "", "unit_id": sales, "page": 0}})).await;
    assert_eq!(in_unit["total"], 2);
}

async fn supervisors_form_no_circle_and_deletion_keeps_links(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let hr = server.client().signed_in("anna.nowak", DEMO_PASSWORD).await;
    let person_id = |last: &'static str| {
        let db = &db;
        async move { db.number(&format!("SELECT id FROM persons WHERE last_name = '{last}'")).await }
    };
    // Magdalena is above Piotr, who is above Jan: Magdalena cannot report to Jan.
    let (magdalena, jan) = (person_id("Dąbrowska").await, person_id("Kowalski").await);
    let (_, card) = hr.call("/api/persons/get", &[("id", &magdalena.to_string())]).await;
    let change = json!({"input": {"id": magdalena, "first_name": "Magdalena", "last_name": "Dąbrowska", "personal_number": card["personal_number"],
                                  "unit_id": card["unit_id"], "supervisor_id": jan, "version": card["version"]}});
    let (status, body) = hr.json("/api/persons/save", &change).await;
    assert_eq!((status, fields(&body)), (422, vec!["supervisor_id".to_string()]));
    assert_eq!(body["Invalid"][0]["problem"]["key"], json!({"Person": "SupervisorLoop"}));
    let mut own = change.clone();
    own["input"]["supervisor_id"] = json!(magdalena);
    assert_eq!(fields(&hr.json("/api/persons/save", &own).await.1), ["supervisor_id"]);

    // A person with users or subordinates stays.
    let (status, body) = hr
        .call(
            "/api/persons/delete",
            &[("id", &magdalena.to_string()), ("version", &card["version"].to_string())],
        )
        .await;
    assert_eq!(status, 409);
    assert_eq!(body["Refused"]["key"], json!({"Person": "HasUsers"}));
    let kaminski = person_id("Kamiński").await;
    db.execute(&format!("UPDATE users SET person_id = NULL WHERE person_id = {kaminski}")).await;
    let (_, card) = hr.call("/api/persons/get", &[("id", &kaminski.to_string())]).await;
    let (status, body) = hr
        .call(
            "/api/persons/delete",
            &[("id", &kaminski.to_string()), ("version", &card["version"].to_string())],
        )
        .await;
    assert_eq!((status, &body["Refused"]["key"]), (409, &json!({"Person": "HasSubordinates"})));
    let lewandowska = person_id("Lewandowska").await;
    let (_, card) = hr.call("/api/persons/get", &[("id", &lewandowska.to_string())]).await;
    let (status, _) = hr
        .call(
            "/api/persons/delete",
            &[("id", &lewandowska.to_string()), ("version", &card["version"].to_string())],
        )
        .await;
    assert_eq!(status, 200);
    // Warehouse staff may look but not change.
    let ewa = server.client().signed_in("ewa.szymanska", DEMO_PASSWORD).await;
    assert_eq!(
        ewa.json("/api/persons/list", &json!({"query": {"search": "", "unit_id": null, "page": 0}})).await.0,
        200
    );
    let unit = unit_id(&db, "Magazyn").await;
    assert_eq!(ewa.json("/api/persons/save", &person("A", "B", "", unit, None)).await.0, 403);
}

both!(persons_are_checked_searched_and_paged, supervisors_form_no_circle_and_deletion_keeps_links);
