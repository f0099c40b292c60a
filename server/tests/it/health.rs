//! `/healthz` and the bootstrap of an empty database.

use crate::both;
use crate::support::{Server, TestDb};

async fn health_reports_version_and_database(db: TestDb) {
    let server = Server::start(&db, &[]).await;
    let response = reqwest::get(format!("{}/healthz", server.base)).await.unwrap();
    assert_eq!(response.status(), 200);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(body["database"]["state"], "ok");
    let backend = match db.backend {
        crate::support::Backend::Sqlite => "sqlite",
        crate::support::Backend::Postgres => "postgres",
    };
    assert_eq!(body["database"]["backend"], backend);
    assert!(body["database"]["schema_version"].as_i64().unwrap() >= 1);
}

async fn bootstrap_creates_admin_who_must_change_password(db: TestDb) {
    let server = Server::start(&db, &[]).await;
    let api = server.client();
    let (status, outcome) = api.login("admin", crate::support::ADMIN_PASSWORD).await;
    assert_eq!(status, 200, "{outcome}");
    assert_eq!(outcome["next"], "/password");
    let (status, me) = api.me().await;
    assert_eq!(status, 200);
    assert_eq!(me["login"], "admin");
    assert_eq!(me["must_change_password"], true);
    assert_eq!(me["account_is_main"], true);
    // Anything but the session itself waits for the new password.
    let (status, body) = api.call("/api/sessions/online", &[]).await;
    assert_eq!(status, 403);
    assert_eq!(body, serde_json::json!("PasswordChangeRequired"));

    // A second start on the same database bootstraps nothing again.
    drop(server);
    let again = Server::start(&db, &[]).await;
    assert!(!again.output().iter().any(|l| l.contains("First start")), "{:?}", again.output());
}

both!(health_reports_version_and_database, bootstrap_creates_admin_who_must_change_password);
