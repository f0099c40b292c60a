//! Signing in: wrong passwords, unknown logins, refusals after a correct password,
//! throttling, and concurrent sign-ins.

use crate::both;
use crate::support::{Api, InProcess, Server, TestDb, ADMIN_PASSWORD, DEMO_PASSWORD};
use serde_json::{json, Value};
use sqlx::Row;

async fn count(db: &TestDb, sql: &str) -> i64 {
    sqlx::any::install_default_drivers();
    let url = klucznik_core::store::DbUrl::parse(&db.url).unwrap();
    let pool = sqlx::AnyPool::connect(url.as_str()).await.unwrap();
    let n = sqlx::query(sql).fetch_one(&pool).await.unwrap().try_get::<i64, _>(0).unwrap();
    pool.close().await;
    n
}

fn wrong_credentials() -> Value {
    json!({"Refused": {"key": {"Auth": "WrongCredentials"}, "args": []}})
}

async fn wrong_password_and_unknown_login_answer_alike(db: TestDb) {
    let server = Server::start(&db, &[]).await;
    let api = server.client();
    let wrong = api.login("admin", "not the password").await;
    let unknown = api.login("nobody-at-all", "not the password").await;
    assert_eq!(wrong, (409, wrong_credentials()));
    assert_eq!(unknown, wrong, "an unknown login must look like a wrong password");
    assert_eq!(api.me().await.0, 401, "no session after a failed sign-in");
    assert_eq!(count(&db, "SELECT COUNT(*) FROM sessions").await, 0);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM audit WHERE action = 'login.failed'").await, 2);
}

async fn empty_and_overlong_fields_are_named(db: TestDb) {
    let server = Server::start(&db, &[]).await;
    let (status, body) = server.client().login("", "").await;
    assert_eq!(status, 422);
    let fields: Vec<&str> =
        body["Invalid"].as_array().unwrap().iter().map(|f| f["field"].as_str().unwrap()).collect();
    assert_eq!(fields, vec!["login", "password"]);
    let long = "x".repeat(101);
    let (status, body) = server.client().login(&long, "whatever").await;
    assert_eq!(status, 422);
    assert_eq!(body["Invalid"][0]["problem"]["args"], json!([["max", "100"]]));
    assert_eq!(count(&db, "SELECT COUNT(*) FROM sessions").await, 0);
}

async fn failures_are_throttled_per_login_with_a_growing_wait(db: TestDb) {
    let server = Server::start(&db, &[]).await;
    let api = server.client();
    for _ in 0..klucznik_core::auth::throttle::FREE_PER_PAIR {
        assert_eq!(api.login("admin", "wrong").await.0, 409);
    }
    // One more failure starts the wait...
    assert_eq!(api.login("admin", "wrong").await.0, 409);
    // ...during which even the right password is not tried.
    let (status, body) = api.login("admin", ADMIN_PASSWORD).await;
    assert_eq!(status, 429, "{body}");
    let seconds = body["Throttled"]["seconds"].as_u64().unwrap();
    assert!((1..=2).contains(&seconds), "{seconds}");
    assert_eq!(count(&db, "SELECT COUNT(*) FROM audit WHERE action = 'login.throttled'").await, 1);
    // Another client address is not affected by this login's count of the same address...
    // but the login itself is: the wait holds whoever asks.
    assert_eq!(server.client().login("admin", ADMIN_PASSWORD).await.0, 429);
    tokio::time::sleep(std::time::Duration::from_millis(seconds * 1000 + 200)).await;
    assert_eq!(server.client().login("admin", ADMIN_PASSWORD).await.0, 200, "the wait is over");
}

async fn refused_users_learn_why_only_with_the_right_password(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let api = server.client();
    // tomasz.kaminski is blocked in the demo sample.
    assert_eq!(api.login("tomasz.kaminski", "wrong").await, (409, wrong_credentials()));
    let (status, body) = api.login("tomasz.kaminski", DEMO_PASSWORD).await;
    assert_eq!(status, 409);
    assert_eq!(body, json!({"Refused": {"key": {"Auth": "RefusedBlocked"}, "args": []}}));
    assert_eq!(api.me().await.0, 401);
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM audit WHERE action = 'login.refused' AND detail = 'blocked'").await,
        1
    );
}

async fn logins_ignore_case_and_unicode_form(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let (status, _) = server.client().login("  Anna.NOWAK ", DEMO_PASSWORD).await;
    assert_eq!(status, 200);
}

/// Four rounds of six users at once: those with "open multiple sessions" (Audytorzy,
/// Administrators) get a session each time; the others get one session and are then told
/// they are signed in elsewhere — never two sessions, even when the sign-ins race.
async fn concurrent_sign_ins_all_succeed(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let logins = [
        "anna.nowak",
        "jan.kowalski",
        "piotr.wisniewski",
        "ewa.szymanska",
        "michal.zielinski",
        "magdalena.dabrowska",
    ];
    let mut tasks = Vec::new();
    for round in 0..4 {
        for login in logins {
            let base = server.base.clone();
            tasks.push(tokio::spawn(async move {
                let api = Api::new(&base);
                let answer = api.login(login, DEMO_PASSWORD).await;
                (round, login, answer)
            }));
        }
    }
    let mut told = 0;
    for task in tasks {
        let (round, login, (status, body)) = task.await.unwrap();
        assert_eq!(status, 200, "round {round}, {login}: {body}");
        if !body["already"].is_null() {
            told += 1;
        }
    }
    assert_eq!(told, 9, "anna, jan and ewa were told three times each");
    assert_eq!(count(&db, "SELECT COUNT(*) FROM sessions WHERE closed_at IS NULL").await, 3 * 4 + 3);
    for login in ["anna.nowak", "jan.kowalski", "ewa.szymanska"] {
        let open = count(
            &db,
            &format!("SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.login = '{login}' AND s.closed_at IS NULL"),
        )
        .await;
        assert_eq!(open, 1, "{login}");
    }
}

async fn expired_sessions_close_with_their_reason(db: TestDb) {
    let app = InProcess::start(&db).await;
    let token = app.admin().await;
    assert_eq!(app.call("/api/sessions/online", "", Some(&token)).await.status, 200);
    // Sixty-one idle minutes later the session is gone.
    app.clock.advance(61 * 60_000);
    let answer = app.call("/api/sessions/online", "", Some(&token)).await;
    assert_eq!(answer.status, 401, "{}", answer.body);
    let reason: Option<String> = sqlx::query_scalar("SELECT end_reason FROM sessions ORDER BY id LIMIT 1")
        .fetch_one(app.store.reader_for_tests())
        .await
        .unwrap();
    assert_eq!(reason.as_deref(), Some("expired"));
}

both!(
    wrong_password_and_unknown_login_answer_alike,
    empty_and_overlong_fields_are_named,
    failures_are_throttled_per_login_with_a_growing_wait,
    refused_users_learn_why_only_with_the_right_password,
    logins_ignore_case_and_unicode_form,
    concurrent_sign_ins_all_succeed,
    expired_sessions_close_with_their_reason,
);
