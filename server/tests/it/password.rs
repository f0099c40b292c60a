//! Changing one's own password: the forced first change, the policy, ending other sessions.

use crate::both;
use crate::support::{Server, TestDb, ADMIN_PASSWORD};
use serde_json::json;

async fn first_change_unlocks_the_session_and_checks_the_policy(db: TestDb) {
    let server = Server::start(&db, &[]).await;
    let api = server.client().signed_in("admin", ADMIN_PASSWORD).await;
    let change = |current: &'static str, new: &'static str, confirm: &'static str| {
        let api = &api;
        async move {
            api.call(
                "/api/auth/password",
                &[("current_password", current), ("new_password", new), ("confirm_password", confirm)],
            )
            .await
        }
    };
    let (status, body) = change("wrong", "Some-New-Password-1", "Some-New-Password-1").await;
    assert_eq!(status, 422);
    assert_eq!(body["Invalid"][0]["field"], "current_password");
    let (status, body) = change(ADMIN_PASSWORD, "short", "short").await;
    assert_eq!(status, 422);
    assert_eq!(
        body["Invalid"][0]["problem"],
        json!({"key": {"Auth": "PasswordTooShort"}, "args": [["min", "12"]]})
    );
    let (status, body) = change(ADMIN_PASSWORD, "password1234", "password1234").await;
    assert_eq!((status, &body["Invalid"][0]["problem"]["key"]), (422, &json!({"Auth": "PasswordTooCommon"})));
    let (status, body) = change(ADMIN_PASSWORD, "Some-New-Password-1", "Some-New-Password-2").await;
    assert_eq!((status, body["Invalid"][0]["field"].as_str()), (422, Some("confirm_password")));
    let (status, body) = change(ADMIN_PASSWORD, ADMIN_PASSWORD, ADMIN_PASSWORD).await;
    assert_eq!((status, &body["Invalid"][0]["problem"]["key"]), (422, &json!({"Auth": "PasswordUnchanged"})));

    let (status, body) = change(ADMIN_PASSWORD, "Some-New-Password-1", "Some-New-Password-1").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(api.me().await.1["must_change_password"], false);
    assert_eq!(api.call("/api/sessions/online", &[]).await.0, 200);
    // The old password is gone, the new one works.
    assert_eq!(server.client().login("admin", ADMIN_PASSWORD).await.0, 409);
    let (status, outcome) = server.client().login("admin", "Some-New-Password-1").await;
    assert_eq!((status, outcome["next"].as_str()), (200, Some("/")));
}

async fn changing_the_password_can_end_other_sessions(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let password = crate::support::DEMO_PASSWORD;
    // Michał may hold several sessions (Audytorzy).
    let here = server.client().signed_in("michal.zielinski", password).await;
    let elsewhere = server.client().signed_in("michal.zielinski", password).await;
    let form = [
        ("current_password", password),
        ("new_password", "Michal-Brand-New-Pass"),
        ("confirm_password", "Michal-Brand-New-Pass"),
        ("end_other_sessions", "on"),
    ];
    let (status, body) = here.call("/api/auth/password", &form).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(here.me().await.0, 200, "this session goes on");
    assert_eq!(elsewhere.me().await.0, 401, "the other session was ended");
}

both!(first_change_unlocks_the_session_and_checks_the_policy, changing_the_password_can_end_other_sessions);
