//! The server against abuse and faults (issue 13): event streams per session, decisions that
//! follow a moved unit, a single top unit, what the overlap check and "Online now" show,
//! oversized and hostile input, security and caching headers, static files, and connections
//! that never finish their headers.

use crate::both;
use crate::support::{InProcess, Server, TestDb, DEMO_PASSWORD};
use axum::body::Body;
use http::{Request, StatusCode};
use klucznik_core::guard::Settings;
use serde_json::json;
use tower::ServiceExt;

async fn get(app: &InProcess, path: &str, headers: &[(&str, &str)]) -> http::Response<Body> {
    let mut request = Request::get(path);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    app.router.clone().oneshot(request.body(Body::empty()).unwrap()).await.unwrap()
}

fn cookie(token: &str) -> String {
    format!("{}={token}", app::guard::TOKEN_COOKIE)
}

/// A session holds a bounded number of `/events` streams; closing one frees its place.
async fn a_session_holds_a_bounded_number_of_streams(db: TestDb) {
    let app = InProcess::start(&db).await;
    let token = app.admin().await;
    let c = cookie(&token);
    let mut open = Vec::new();
    for _ in 0..klucznik_core::events::slots::PER_SESSION {
        let response = get(&app, "/events", &[("cookie", c.as_str())]).await;
        assert_eq!(response.status(), StatusCode::OK);
        open.push(response);
    }
    let refused = get(&app, "/events", &[("cookie", c.as_str())]).await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    drop(open.pop());
    let again = get(&app, "/events", &[("cookie", c.as_str())]).await;
    assert_eq!(again.status(), StatusCode::OK, "a closed stream frees its place");
}

/// A user with data rights on unit A sees a person of unit B the moment B is moved under A
/// (before issue 13: only after some unrelated rights edit).
async fn moving_a_unit_changes_data_rights_at_once(db: TestDb) {
    let app = InProcess::start(&db).await;
    let admin = app.admin().await;
    let root = db.number("SELECT id FROM units WHERE parent_id IS NULL").await;
    let save_unit =
        |name: &'static str| json!({"input": {"id": null, "parent_id": root, "name": name, "version": 0}});
    let a = app.send_json("/api/units/save", &save_unit("A"), Some(&admin)).await.body.as_i64().unwrap();
    let b = app.send_json("/api/units/save", &save_unit("B"), Some(&admin)).await.body.as_i64().unwrap();
    let person = json!({"input": {"id": null, "first_name": "Piotr", "last_name": "Moved", "personal_number": "", "unit_id": b, "supervisor_id": null, "version": 0}});
    let answer = app.send_json("/api/persons/save", &person, Some(&admin)).await;
    let person = answer.body.as_i64().unwrap_or_else(|| panic!("{}", answer.body));
    let role = app
        .send_json("/api/roles/save", &json!({"input": {"id": null, "name": "Readers of A", "description": "", "units": [root], "version": 0}}), Some(&admin))
        .await
        .body
        .as_i64()
        .unwrap();
    let grants = json!([
        {"key": "persons.view", "target": null, "allow": true},
        {"key": "persons.data.view", "target": {"Unit": a}, "allow": true}
    ]);
    let saved = app
        .send_json(
            "/api/rights/save",
            &json!({"holder": {"Role": role}, "grants": grants, "version": 1}),
            Some(&admin),
        )
        .await;
    assert_eq!(saved.status, 200, "{}", saved.body);
    let mut reader = crate::users::new_user("reader.of.a");
    reader["input"]["roles"] = json!([role]);
    assert_eq!(app.send_json("/api/users/save", &reader, Some(&admin)).await.status, 200);
    let token = app.sign_in("reader.of.a", crate::users::PASSWORD).await;
    let see = |t: String| {
        let app = &app;
        async move { app.call("/api/persons/get", &format!("id={person}"), Some(&t)).await.status }
    };
    assert_eq!(see(token.clone()).await, StatusCode::NOT_FOUND, "B is not under A yet");
    let version = db.number(&format!("SELECT version FROM units WHERE id = {b}")).await;
    let moved = app
        .send_json(
            "/api/units/save",
            &json!({"input": {"id": b, "parent_id": a, "name": "B", "version": version}}),
            Some(&admin),
        )
        .await;
    assert_eq!(moved.status, 200, "{}", moved.body);
    assert_eq!(see(token).await, StatusCode::OK, "the move is in effect at once");
}

/// A unit cannot become a second top unit (before issue 13: it could, and nobody could undo it).
async fn there_is_one_top_unit(db: TestDb) {
    let app = InProcess::start(&db).await;
    let admin = app.admin().await;
    let root = db.number("SELECT id FROM units WHERE parent_id IS NULL").await;
    let unit = app
        .send_json(
            "/api/units/save",
            &json!({"input": {"id": null, "parent_id": root, "name": "Sales", "version": 0}}),
            Some(&admin),
        )
        .await
        .body
        .as_i64()
        .unwrap();
    let answer = app
        .send_json(
            "/api/units/save",
            &json!({"input": {"id": unit, "parent_id": null, "name": "Sales", "version": 1}}),
            Some(&admin),
        )
        .await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", answer.body);
    assert_eq!(answer.body["Invalid"][0]["field"], "parent_id");
    assert_eq!(db.number("SELECT COUNT(*) FROM units WHERE parent_id IS NULL").await, 1);
}

/// The overlap information shows only what the substitutions list would show the caller, and
/// "Online now" shows where others are signed in only to those who may see sessions.
async fn overlaps_and_online_show_only_what_the_caller_may_see(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let admin = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    let own = crate::matrix::user_holding(&server, &db, &admin, &["perm.substitutions_own"]).await;
    let me = db.number("SELECT MAX(id) FROM users WHERE login LIKE 'only.%'").await;
    let piotr = db.number("SELECT id FROM users WHERE login = 'piotr.wisniewski'").await;
    let form = [
        ("absent", me.to_string()),
        ("substitute", piotr.to_string()),
        ("from_day", "2000-01-01".to_string()),
        ("to_day", "2099-12-31".to_string()),
    ];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, overlaps) = own.call("/api/substitutions/overlaps", &form).await;
    assert_eq!(status, 200, "{overlaps}");
    assert_eq!(overlaps, json!([]), "Anna's substitution by Piotr is not the caller's to see");
    let (status, theirs) = admin.call("/api/substitutions/overlaps", &form).await;
    assert_eq!(status, 200);
    assert_eq!(theirs.as_array().map(Vec::len), Some(1), "an administrator sees it: {theirs}");

    let (status, online) = own.call("/api/sessions/online", &[]).await;
    assert_eq!(status, 200);
    let rows = online.as_array().unwrap();
    assert!(rows.len() >= 2, "{online}");
    for row in rows {
        let mine = row["user_id"] == json!(me);
        assert_eq!(row["computer"].as_str().unwrap().is_empty(), !mine, "{row}");
    }
    let (_, online) = admin.call("/api/sessions/online", &[]).await;
    assert!(online.as_array().unwrap().iter().all(|r| !r["computer"].as_str().unwrap().is_empty()));
}

/// Oversized and hostile input: a clear 4xx, never a 500, never echoed whole, nothing written.
async fn hostile_input_gets_a_clear_answer(db: TestDb) {
    let app = InProcess::start(&db).await;
    let admin = app.admin().await;
    let audit_before = db.number("SELECT COUNT(*) FROM audit").await;
    let huge = "x".repeat(1_500_000);
    let answer = app.send_json("/api/users/list", &json!({"query": {"search": huge}}), Some(&admin)).await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", answer.body);
    assert_eq!(answer.body, json!({"TooLarge": {"max_kib": 1024}}));
    // A type error over a large value names the problem without the value.
    let big = "7".repeat(600_000);
    let answer = app.call("/api/persons/get", &format!("id={big}"), Some(&admin)).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{}", answer.body);
    assert!(answer.body.to_string().len() < 2_000, "echoed {} bytes", answer.body.to_string().len());
    let long = "a".repeat(60_000);
    let query = json!({"query": {"search": long, "kind": null, "status": "All", "role_id": null, "page": 0}});
    let answer = app.send_json("/api/users/list", &query, Some(&admin)).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", answer.body);
    assert_eq!(answer.body["Invalid"][0]["field"], "search");
    let answer =
        app.call("/api/persons/choices", &format!("search={}", "b".repeat(60_000)), Some(&admin)).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", answer.body);
    // A settings file that names one right twice (before: a unique-index 500).
    let role = app
        .send_json(
            "/api/roles/save",
            &json!({"input": {"id": null, "name": "Imported", "description": "", "units": [], "version": 0}}),
            Some(&admin),
        )
        .await
        .body
        .as_i64()
        .unwrap();
    let twice = json!({"format": "klucznik.role-settings", "version": 1, "role": "x", "description": "", "units": [],
        "grants": [{"right": "users.view", "allow": true}, {"right": "users.view", "allow": true}]});
    let answer = app
        .send_json("/api/roles/import", &json!({"roles": [role], "content": twice.to_string()}), Some(&admin))
        .await;
    assert_eq!(answer.status, StatusCode::OK, "the same grant twice is one grant: {}", answer.body);
    assert_eq!(db.number(&format!("SELECT COUNT(*) FROM grants WHERE role_id = {role}")).await, 1);
    let both_ways = json!({"format": "klucznik.role-settings", "version": 1, "role": "x", "description": "", "units": [],
        "grants": [{"right": "users.view", "allow": true}, {"right": "users.view", "allow": false}]});
    let answer = app
        .send_json(
            "/api/roles/import",
            &json!({"roles": [role], "content": both_ways.to_string()}),
            Some(&admin),
        )
        .await;
    assert_eq!(answer.status, StatusCode::CONFLICT, "{}", answer.body);
    let written = db.number("SELECT COUNT(*) FROM audit").await - audit_before;
    assert_eq!(written, 3, "only the role and its first import were written");
}

/// Pages carry a strict policy with their scripts' nonce; every answer carries the other
/// security headers; pages, answers and exports are not stored; over TLS, HSTS.
async fn answers_carry_security_and_caching_headers(db: TestDb) {
    let app = InProcess::start(&db).await;
    let page = get(&app, "/login", &[("accept", "text/html")]).await;
    assert_eq!(page.status(), StatusCode::OK);
    let headers = page.headers().clone();
    let policy = headers["content-security-policy"].to_str().unwrap().to_string();
    assert!(policy.contains("frame-ancestors 'none'") && !policy.contains("unsafe-inline"), "{policy}");
    let nonce =
        policy.split("'nonce-").nth(1).and_then(|r| r.split('\'').next()).expect("a nonce").to_string();
    let html =
        String::from_utf8(axum::body::to_bytes(page.into_body(), 1 << 22).await.unwrap().to_vec()).unwrap();
    assert!(html.contains(&format!("nonce=\"{nonce}\"")), "the page's scripts carry the nonce");
    for (name, value) in [
        ("x-frame-options", "DENY"),
        ("x-content-type-options", "nosniff"),
        ("referrer-policy", "same-origin"),
        ("cache-control", "no-store"),
    ] {
        assert_eq!(headers[name], value, "{name}");
    }
    assert!(!headers.contains_key("strict-transport-security"), "no HSTS over plain HTTP");
    let token = app.admin().await;
    let answer = app
        .router
        .clone()
        .oneshot(
            Request::post("/api/auth/me")
                .header("cookie", cookie(&token))
                .header("sec-fetch-site", "same-origin")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(answer.headers()["cache-control"], "no-store");
    assert!(answer.headers()["content-security-policy"].to_str().unwrap().starts_with("default-src 'none'"));
    let export = get(&app, "/sessions/export?format=csv", &[("cookie", cookie(&token).as_str())]).await;
    assert_eq!(export.headers()["cache-control"], "no-store", "{}", export.status());

    let proxied =
        InProcess::start_with(&db, Settings { behind_proxy: true, trusted_proxies: 1, ..Default::default() })
            .await;
    let page =
        get(&proxied, "/login", &[("x-forwarded-proto", "https"), ("x-forwarded-for", "203.0.113.5")]).await;
    assert_eq!(page.headers()["strict-transport-security"], "max-age=31536000");
}

/// Static files with hashed names go out pre-compressed when asked, cached for a year.
async fn static_files_are_compressed_and_cached(db: TestDb) {
    let site = tempfile::tempdir().unwrap();
    let pkg = site.path().join("pkg");
    std::fs::create_dir_all(&pkg).unwrap();
    let name = "chunk_3.AbCdEfGhIjKlMnOpQrStUv.wasm";
    std::fs::write(pkg.join(name), vec![0u8; 4096]).unwrap();
    std::fs::write(pkg.join(format!("{name}.br")), b"brotli bytes").unwrap();
    std::fs::write(pkg.join(format!("{name}.gz")), b"gzip bytes").unwrap();
    let app = InProcess::start_site(&db, Settings::default(), site.path().to_str().unwrap()).await;
    let path = format!("/pkg/{name}");
    let response = get(&app, &path, &[("accept-encoding", "gzip, br")]).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-encoding"], "br");
    assert_eq!(response.headers()["cache-control"], "public, max-age=31536000, immutable");
    assert_eq!(response.headers()["x-content-type-options"], "nosniff");
    let bytes = axum::body::to_bytes(response.into_body(), 1 << 20).await.unwrap();
    assert_eq!(&bytes[..], b"brotli bytes");
    let plain = get(&app, &path, &[]).await;
    assert!(!plain.headers().contains_key("content-encoding"));
}

/// Connections that never finish their headers are closed after the header timeout, and the
/// server keeps answering (before issue 13: 5,000 were held for 300 s and /healthz stopped).
async fn half_open_connections_are_dropped(db: TestDb) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let server = Server::start(&db, &["--header-timeout-ms", "800", "--max-connections", "64"]).await;
    let addr = server.base.trim_start_matches("http://").to_string();
    let mut slow = Vec::new();
    for _ in 0..150 {
        let mut stream = tokio::net::TcpStream::connect(&addr).await.unwrap();
        stream.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n").await.unwrap();
        slow.push(stream);
    }
    let started = std::time::Instant::now();
    let healthy = tokio::time::timeout(std::time::Duration::from_secs(10), async {
        loop {
            let answer = reqwest::get(format!("{}/healthz", server.base)).await;
            if answer.is_ok_and(|a| a.status().is_success()) {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
    })
    .await;
    assert!(healthy.is_ok(), "/healthz answered while 150 connections hung");
    assert!(started.elapsed() < std::time::Duration::from_secs(6), "{:?}", started.elapsed());
    // Every half-open connection is closed by the server within a few timeouts.
    let mut closed = 0;
    for stream in &mut slow {
        let mut buffer = [0u8; 256];
        let read = tokio::time::timeout(std::time::Duration::from_secs(8), stream.read(&mut buffer)).await;
        if matches!(read, Ok(Ok(_)) | Ok(Err(_))) {
            closed += 1;
        }
    }
    assert_eq!(closed, 150, "connections the server closed");
    let held = std::fs::read_dir(format!("/proc/{}/fd", server.pid())).map(|d| d.count()).unwrap_or(0);
    assert!(held < 100, "{held} descriptors still open");
}

both!(
    a_session_holds_a_bounded_number_of_streams,
    moving_a_unit_changes_data_rights_at_once,
    there_is_one_top_unit,
    overlaps_and_online_show_only_what_the_caller_may_see,
    hostile_input_gets_a_clear_answer,
    answers_carry_security_and_caching_headers,
    static_files_are_compressed_and_cached,
    half_open_connections_are_dropped,
);
