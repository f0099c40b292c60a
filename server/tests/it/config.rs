//! The account configuration: its checks, the password policy it sets (strong passwords,
//! periodic changes), and the sweep that ends sessions of users whose validity ran out.

use crate::both;
use crate::support::router::urlencode;
use crate::support::{InProcess, TestDb};
use http::StatusCode;
use serde_json::{json, Value};

async fn config(app: &InProcess, token: &str) -> Value {
    let answer = app.call("/api/config/get", "", Some(token)).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    answer.body
}

async fn save_json(app: &InProcess, path: &str, body: &Value, token: &str) -> (StatusCode, Value) {
    let answer = app.send_json(path, body, Some(token)).await;
    (answer.status, answer.body)
}

async fn policy_and_timeouts_are_checked_and_applied(db: TestDb) {
    let app = InProcess::start(&db).await;
    let token = app.admin().await;
    let mut c = config(&app, &token).await;
    c["pw_min_length"] = json!(4);
    c["time_zone"] = json!("Mars/Olympus");
    let (status, body) = save_json(&app, "/api/config/save", &json!({"config": c}), &token).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<&str> =
        body["Invalid"].as_array().unwrap().iter().map(|f| f["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["pw_min_length", "time_zone"]);

    let mut c = config(&app, &token).await;
    c["pw_strong"] = json!(true);
    c["pw_max_age_days"] = json!("30");
    assert_eq!(
        save_json(&app, "/api/config/save", &json!({"config": c.clone()}), &token).await.0,
        StatusCode::OK
    );
    assert_eq!(
        save_json(&app, "/api/config/save", &json!({"config": c}), &token).await,
        (StatusCode::CONFLICT, json!("Stale"))
    );

    // Strong passwords are now required of new users.
    let mut user = crate::users::new_user("strong.one");
    let (status, body) = save_json(&app, "/api/users/save", &user, &token).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["Invalid"][0]["problem"]["key"], json!({"Auth": "PasswordNotStrong"}));
    user["input"]["password"] = json!("Strong!pass7word");
    user["input"]["password_confirm"] = json!("Strong!pass7word");
    assert_eq!(save_json(&app, "/api/users/save", &user, &token).await.0, StatusCode::OK);
    let policy = app.call("/api/config/my-policy", "", Some(&token)).await.body;
    assert_eq!((policy["strong"].as_bool(), policy["max_age_days"].as_u64()), (Some(true), Some(30)));

    // Thirty-one days on, the administrator's password has expired: it must be changed.
    app.clock.advance(31 * 86_400_000);
    let form = format!("login=admin&password={}", urlencode("Fresh-Admin-Password-2"));
    let answer = app.call("/api/auth/login", &form, None).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert_eq!(answer.body["next"], "/password");
}

async fn a_user_s_own_policy_overrides_the_account_s(db: TestDb) {
    let app = InProcess::start(&db).await;
    let token = app.admin().await;
    let mut user = crate::users::new_user("own.policy");
    user["input"]["pw_own_policy"] = json!(true);
    user["input"]["pw_strong"] = json!(true);
    let (status, body) = save_json(&app, "/api/users/save", &user, &token).await;
    assert_eq!(
        (status, &body["Invalid"][0]["field"]),
        (StatusCode::UNPROCESSABLE_ENTITY, &json!("password"))
    );
    user["input"]["pw_strong"] = json!(false);
    user["input"]["pw_max_age_days"] = json!("0");
    let (status, body) = save_json(&app, "/api/users/save", &user, &token).await;
    assert_eq!(
        (status, &body["Invalid"][0]["field"]),
        (StatusCode::UNPROCESSABLE_ENTITY, &json!("pw_max_age_days"))
    );
}

async fn the_sweep_ends_sessions_when_validity_runs_out(db: TestDb) {
    let app = InProcess::start(&db).await;
    let token = app.admin().await;
    let admins = sqlx::query_scalar::<_, i64>("SELECT id FROM roles WHERE builtin = 'administrators'")
        .fetch_one(app.store.reader_for_tests())
        .await
        .unwrap();
    // Long timeouts, so that only the validity can end the session.
    let mut c = config(&app, &token).await;
    c["session_idle_minutes"] = json!(1440);
    c["session_max_hours"] = json!(744);
    assert_eq!(save_json(&app, "/api/config/save", &json!({"config": c}), &token).await.0, StatusCode::OK);
    let today = klucznik_core::time::day_of_ms(app.store.now(), "Europe/Warsaw");
    let mut user = crate::users::new_user("until.today");
    user["input"]["valid_to"] = json!(today);
    user["input"]["roles"] = json!([admins]);
    assert_eq!(save_json(&app, "/api/users/save", &user, &token).await.0, StatusCode::OK);
    let theirs = app.sign_in("until.today", crate::users::PASSWORD).await;
    assert_eq!(
        klucznik_core::sessions::maintenance::sweep(&app.store).await.unwrap(),
        0,
        "still valid today"
    );
    // Just after midnight "valid to" has passed: the sweep closes the session without a request.
    let midnight = klucznik_core::time::day_end_ms(&today, "Europe/Warsaw").unwrap();
    app.clock.advance(midnight - app.store.now() + 60_000);
    let _ = app.call("/api/auth/me", "", Some(&token)).await;
    let closed = klucznik_core::sessions::maintenance::sweep(&app.store).await.unwrap();
    assert!(closed >= 1);
    let reason: Option<String> = sqlx::query_scalar(
        "SELECT s.end_reason FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.login = 'until.today'",
    )
    .fetch_one(app.store.reader_for_tests())
    .await
    .unwrap();
    assert_eq!(reason.as_deref(), Some("ended"));
    assert_eq!(app.call("/api/auth/me", "", Some(&theirs)).await.status, StatusCode::UNAUTHORIZED);
}

both!(
    policy_and_timeouts_are_checked_and_applied,
    a_user_s_own_policy_overrides_the_account_s,
    the_sweep_ends_sessions_when_validity_runs_out,
);
