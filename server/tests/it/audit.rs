//! The audit view: the current account's records only, the filter, "X for Y" for work on
//! someone's behalf, and the CSV export with both users; refused without the rights.

use crate::both;
use crate::support::{Api, Server, TestDb, DEMO_PASSWORD};
use serde_json::{json, Value};

fn query(from: &str, to: &str, user: &str, action: &str) -> Value {
    json!({"query": {"from": from, "to": to, "user": user, "action": action, "page": 0}})
}

fn app_now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as i64
}

async fn list(api: &Api, body: &Value) -> Value {
    let (status, answer) = api.json("/api/audit/list", body).await;
    assert_eq!(status, 200, "{answer}");
    answer
}

async fn export(api: &Api, q: &str) -> reqwest::Response {
    api.http.get(format!("{}/audit/export?{q}", api.base)).send().await.unwrap()
}

async fn the_audit_view_shows_the_account_s_records_with_x_for_y(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let admin = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    // Work on someone's behalf: Piotr (the demo's substitute) as Anna.
    let piotr = server.client().signed_in("piotr.wisniewski", DEMO_PASSWORD).await;
    let (_, startable) = piotr.call("/api/substitutions/startable", &[]).await;
    let id = startable[0]["id"].as_i64().unwrap().to_string();
    assert_eq!(piotr.call("/api/substitutions/start", &[("id", &id)]).await.0, 200);
    // A change with before and after.
    let (jan, ewa) = (
        db.number("SELECT id FROM users WHERE login = 'jan.kowalski'").await,
        db.number("SELECT id FROM users WHERE login = 'ewa.szymanska'").await,
    );
    let day = klucznik_core::time::day_of_ms(app_now(), "Europe/Warsaw");
    let (status, body) = admin
        .json("/api/substitutions/save", &crate::substitutions::input(None, jan, ewa, &day, &day, 0))
        .await;
    assert_eq!(status, 200, "{body}");
    // A sub-account's record never shows in the main account.
    server.client().signed_in("jana.novakova", DEMO_PASSWORD).await;

    let all = list(&admin, &query("", "", "", "")).await;
    let rows = all["rows"].as_array().unwrap();
    assert!(all["total"].as_u64().unwrap() >= rows.len() as u64 && !rows.is_empty());
    assert!(rows.iter().all(|r| !r["native"].as_str().unwrap().contains("jana.novakova")), "{rows:?}");
    let start = rows.iter().find(|r| r["action"] == "substitution.start").expect("the start is audited");
    assert_eq!(start["native"], json!("Piotr Wiśniewski (piotr.wisniewski)"));
    assert_eq!(start["effective"], json!("Anna Nowak (anna.nowak)"));
    // Administrators see before and after.
    assert!(rows.iter().any(|r| !r["change"].is_null()));

    // The filter: a user (signed in, or worked for), an action, days in the account's zone.
    let anna = list(&admin, &query("", "", "nowak", "substitution")).await;
    assert!(!anna["rows"].as_array().unwrap().is_empty());
    assert!(anna["rows"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["action"].as_str().unwrap().contains("substitution")));
    let today = klucznik_core::time::day_of_ms(app_now(), "Europe/Warsaw");
    assert_eq!(list(&admin, &query(&today, &today, "", "")).await["total"], all["total"]);
    assert_eq!(list(&admin, &query("2020-01-01", "2020-01-01", "", "")).await["total"], json!(0));
    let (status, body) = admin.json("/api/audit/list", &query(&today, "2020-01-01", "", "")).await;
    assert_eq!((status, body["Invalid"][0]["field"].clone()), (422, json!("to")));

    // The export has the signed-in user and the one worked for in columns of their own.
    let csv = export(&admin, "action=substitution.start").await;
    assert_eq!(csv.status(), 200);
    let text = csv.text().await.unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].contains("Signed-in user,On behalf of"), "{}", lines[0]);
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[1].contains("Piotr Wiśniewski (piotr.wisniewski),Anna Nowak (anna.nowak),Piotr Wiśniewski (piotr.wisniewski) for Anna Nowak (anna.nowak)"), "{}", lines[1]);

    // Michał (auditor) may view and print; Jan may not; nobody anonymous.
    let michal = server.client().signed_in("michal.zielinski", DEMO_PASSWORD).await;
    assert_eq!(michal.json("/api/audit/list", &query("", "", "", "")).await.0, 200);
    assert_eq!(export(&michal, "").await.status(), 200);
    let jan = server.client().signed_in("jan.kowalski", DEMO_PASSWORD).await;
    assert_eq!(jan.json("/api/audit/list", &query("", "", "", "")).await.0, 403);
    assert_eq!(export(&jan, "").await.status(), 403);
    assert_eq!(export(&server.client(), "").await.status(), 401);
    assert_eq!(export(&admin, "from=2026-13-01").await.status(), 422);
}

both!(the_audit_view_shows_the_account_s_records_with_x_for_y);
