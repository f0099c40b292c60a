//! The guard: every registered server function refuses anonymous callers (but the public
//! ones of the table of needs), an unlisted path reaches no function, no input makes a server function fail with a 500, and cross-origin writes are
//! refused.

use crate::both;
use crate::support::{InProcess, TestDb};
use app::guard::is_public;
use http::StatusCode;

/// Every server function the app registers.
fn registered() -> Vec<String> {
    let mut paths: Vec<String> =
        server_fn::axum::server_fn_paths().map(|(path, _)| path.to_string()).collect();
    paths.sort();
    paths
}

#[test]
fn the_known_server_functions_are_registered() {
    let paths = registered();
    for known in [
        "/api/auth/login",
        "/api/auth/logout",
        "/api/auth/me",
        "/api/auth/password",
        "/api/auth/preferences",
        "/api/sessions/online",
    ] {
        assert!(paths.iter().any(|p| p == known), "{known} is not registered: {paths:?}");
    }
    for (path, _) in app::guard::needs::NEEDS {
        assert!(paths.iter().any(|p| p == path), "{path} is in the table of needs but no server function");
    }
    assert!(is_public("/api/auth/login"));
}

async fn every_server_function_refuses_anonymous_callers(db: TestDb) {
    let app = InProcess::start(&db).await;
    for path in registered() {
        let answer = app.call(&path, "", None).await;
        if is_public(&path) {
            assert_ne!(answer.status, StatusCode::UNAUTHORIZED, "{path} is public");
            assert!(answer.status.as_u16() < 500, "{path}: {}", answer.status);
        } else {
            assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "{path} answered an anonymous caller");
            assert_eq!(answer.body, serde_json::json!("Unauthenticated"), "{path}");
        }
        // A forged or stale cookie is no better than none.
        let forged = app.call(&path, "", Some("forged-token")).await;
        if !is_public(&path) {
            assert_eq!(forged.status, StatusCode::UNAUTHORIZED, "{path} with a forged cookie");
        }
    }
}

async fn bad_input_never_makes_a_server_error(db: TestDb) {
    let app = InProcess::start(&db).await;
    let token = app.admin().await;
    let bodies =
        ["", "garbage", "lang=xx&theme=neon", "login=%FF%FE&password=", "a=1&a=2&a=3", &"x=".repeat(5000)];
    let big = "x".repeat(600_000);
    let json_bodies = [
        serde_json::json!({}),
        serde_json::json!([]),
        serde_json::Value::Null,
        serde_json::json!({"input": big.clone(), "query": big.clone()}),
        serde_json::json!({"query": {"search": "%".repeat(60_000)}, "input": {"id": i64::MAX}}),
        serde_json::from_str(&format!("{}{}", "[".repeat(100), "]".repeat(100))).unwrap(),
        serde_json::json!(big.repeat(2)),
    ];
    for path in registered() {
        if path == "/api/auth/logout" {
            continue;
        }
        for body in bodies {
            let answer = app.call(&path, body, Some(&token)).await;
            assert!(
                answer.status.as_u16() < 500,
                "{path} with {body:.40}: {} {}",
                answer.status,
                answer.body
            );
        }
        for body in &json_bodies {
            let answer = app.send_json(&path, body, Some(&token)).await;
            assert!(answer.status.as_u16() < 500, "{path} with JSON: {} {}", answer.status, answer.body);
            // Whatever went wrong, the answer does not repeat the input.
            assert!(
                answer.body.to_string().len() < 4_000,
                "{path} echoed {} bytes",
                answer.body.to_string().len()
            );
        }
    }
}

async fn cross_origin_writes_are_refused(db: TestDb) {
    let app = InProcess::start(&db).await;
    let token = app.admin().await;
    let refused = app.send("/api/auth/logout", "", Some(&token), &[("sec-fetch-site", "cross-site")]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(refused.body, serde_json::json!("CrossOrigin"));
    let refused = app
        .send(
            "/api/auth/logout",
            "",
            Some(&token),
            &[("origin", "http://evil.example"), ("host", "localhost")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    // The session survived both attempts.
    assert_eq!(app.call("/api/auth/me", "", Some(&token)).await.status, StatusCode::OK);
}

async fn pages_redirect_anonymous_visitors_to_sign_in(db: TestDb) {
    use tower::ServiceExt;
    let app = InProcess::start(&db).await;
    let request =
        http::Request::get("/").header("accept", "text/html").body(axum::body::Body::empty()).unwrap();
    let response = app.router.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(response.headers()["location"], "/login");
    let request = http::Request::get("/no/such/page").body(axum::body::Body::empty()).unwrap();
    assert_eq!(app.router.clone().oneshot(request).await.unwrap().status(), StatusCode::NOT_FOUND);
}

/// A path the table of needs does not list reaches no function, whoever calls.
async fn unlisted_paths_reach_nothing(db: TestDb) {
    let app = InProcess::start(&db).await;
    let token = app.admin().await;
    for path in ["/api/users/drop-all", "/api/auth/login/../users/list", "/api/"] {
        let answer = app.call(path, "", Some(&token)).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{path}");
        let anonymous = app.call(path, "", None).await;
        assert_eq!(anonymous.status, StatusCode::NOT_FOUND, "{path} anonymous");
    }
    // The table's own rows still answer the administrator.
    assert_eq!(app.call("/api/auth/me", "", Some(&token)).await.status, StatusCode::OK);
}

both!(
    unlisted_paths_reach_nothing,
    every_server_function_refuses_anonymous_callers,
    bad_input_never_makes_a_server_error,
    cross_origin_writes_are_refused,
    pages_redirect_anonymous_visitors_to_sign_in,
);
