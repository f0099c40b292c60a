//! The sweep of sessions (every 15 s) holds an application's session to the rule of its every
//! request: an external user works at the till (issue 17), so only what would refuse her there
//! — blocked, inactive, out of her validity window — ends it; the console's "external users may
//! not sign in" does not.

use crate::app_sign_in::{client, App};
use crate::both;
use crate::support::{Server, TestDb};
use klucznik_core::auth::password::Hasher;
use klucznik_core::operator::Operator;
use klucznik_core::sessions::maintenance::sweep;
use klucznik_core::store::{Clock, DbUrl};
use serde_json::json;

async fn the_sweep_keeps_an_external_user_s_application_session(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let app =
        App { base: server.base.clone(), secret: client(&db, "nordwind"), http: reqwest::Client::new() };
    let hash = Hasher::new().hash("Till-Pass-2026").await.unwrap();
    db.execute(&format!(
        "UPDATE users SET kind = 'external', external_password_hash = '{hash}' WHERE login = 'ewa.szymanska'"
    ))
    .await;
    let (status, s) = app.sign_in(json!({"login": "ewa.szymanska", "password": "Till-Pass-2026"})).await;
    assert_eq!(status, 201, "{s}");
    let token = s["token"].as_str().unwrap().to_string();
    let session = s["session"].as_i64().unwrap();
    let open = format!("SELECT COUNT(*) FROM sessions WHERE id = {session} AND closed_at IS NULL");

    let operator =
        Operator::open(&DbUrl::parse(&db.url).unwrap(), Clock::default(), Hasher::new()).await.unwrap();
    sweep(operator.store()).await.unwrap();
    assert_eq!(db.number(&open).await, 1, "the sweep ended the till's session of an external user");
    assert_eq!(app.post("/integration/v1/sessions/activity", json!({"token": token})).await.0, 200);

    // Blocked, she is refused by the sweep as by her next request.
    db.execute("UPDATE users SET blocked = TRUE WHERE login = 'ewa.szymanska'").await;
    assert!(sweep(operator.store()).await.unwrap() >= 1);
    assert_eq!(db.number(&open).await, 0);
    assert_eq!(app.post("/integration/v1/sessions/activity", json!({"token": token})).await.0, 404);
    operator.close().await;
}

both!(the_sweep_keeps_an_external_user_s_application_session);
