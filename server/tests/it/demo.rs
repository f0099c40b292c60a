//! `klucznik demo`: fills a new database once, and never one that holds other data.

use crate::both;
use crate::support::{Server, TestDb, ADMIN_PASSWORD, DEMO_PASSWORD};
use std::process::Command;

async fn demo(url: &str) -> (bool, String) {
    let url = url.to_string();
    tokio::task::spawn_blocking(move || {
        let out = Command::new(env!("CARGO_BIN_EXE_klucznik"))
            .args(["demo", "--database-url", &url, "--log", "warn"])
            .env("KLUCZNIK_ADMIN_PASSWORD", ADMIN_PASSWORD)
            .output()
            .unwrap();
        let text =
            format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        (out.status.success(), text)
    })
    .await
    .unwrap()
}

async fn demo_fills_once_and_its_users_sign_in(db: TestDb) {
    let (ok, text) = demo(&db.url).await;
    assert!(ok, "{text}");
    assert!(text.contains("Demo sample added") && text.contains("anna.nowak"), "{text}");
    let secret = text
        .lines()
        .find_map(|l| l.split_once("secret shown only this once: ").map(|(_, s)| s.trim().to_string()))
        .expect("the demo's decision API client");
    let (ok, text) = demo(&db.url).await;
    assert!(ok && text.contains("already"), "{text}");

    let server = Server::start(&db, &[]).await;
    for login in ["magdalena.dabrowska", "jana.novakova", "zofia.kaczmarek"] {
        let (_, me) = server.client().signed_in(login, DEMO_PASSWORD).await.me().await;
        assert_eq!(me["login"], login);
    }
    let (_, brno) = server.client().signed_in("jana.novakova", DEMO_PASSWORD).await.me().await;
    assert_eq!(brno["account_name"], "Oddział Brno");
    assert_eq!(brno["account_is_main"], false);
    // The demo's client (of its business application, Nordwind ERP) asks the decision API
    // about the sample at once.
    let answer: serde_json::Value = reqwest::Client::new()
        .post(format!("{}/access/v1/evaluation", server.base))
        .bearer_auth(&secret)
        .json(
            &serde_json::json!({"subject": {"type": "user", "id": "anna.nowak"}, "action": {"name": "approve"},
                                  "resource": {"type": "attendance_sheet", "id": "1"}}),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(answer, serde_json::json!({"decision": true}));
}

async fn demo_refuses_a_database_with_other_data(db: TestDb) {
    // Bootstrap, then add a user of one's own.
    drop(Server::start(&db, &[]).await);
    sqlx::any::install_default_drivers();
    let pool =
        sqlx::AnyPool::connect(klucznik_core::store::DbUrl::parse(&db.url).unwrap().as_str()).await.unwrap();
    sqlx::query(
        "INSERT INTO users (account_id, kind, login, login_key, created_at)
         SELECT id, 'internal', 'own.user', 'own.user', 0 FROM accounts",
    )
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;
    let (ok, text) = demo(&db.url).await;
    assert!(!ok);
    assert!(text.contains("already holds data"), "{text}");
}

both!(demo_fills_once_and_its_users_sign_in, demo_refuses_a_database_with_other_data);
