//! Session rows: the columns of seed 000 from the start, logout, the online list.

use crate::both;
use crate::support::{Server, TestDb, DEMO_PASSWORD};
use sqlx::Row;

async fn session_rows_carry_every_column_of_seed_000(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let api = server.client().signed_in("jan.kowalski", DEMO_PASSWORD).await;
    sqlx::any::install_default_drivers();
    let pool =
        sqlx::AnyPool::connect(klucznik_core::store::DbUrl::parse(&db.url).unwrap().as_str()).await.unwrap();
    let row = sqlx::query(
        "SELECT s.computer, s.client_addr, s.service, s.session_name, s.db_version, s.program_version,
                s.created_at, s.last_activity_at, s.closed_at, s.token_hash, un.name AS unit
         FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN units un ON un.id = s.unit_id
         WHERE u.login = 'jan.kowalski'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let text = |c: &str| row.try_get::<String, _>(c).unwrap();
    assert_eq!(text("client_addr"), "127.0.0.1");
    assert_eq!(text("computer"), "127.0.0.1 · Chrome 156 / Linux");
    assert_eq!(text("service"), "web");
    assert_eq!(text("session_name"), "Klucznik web console");
    assert!(text("db_version").parse::<i64>().unwrap() >= 1);
    assert_eq!(text("program_version"), env!("CARGO_PKG_VERSION"));
    assert_eq!(text("unit"), "Sprzedaż Kraków", "the user's default unit");
    assert_eq!(
        row.try_get::<i64, _>("created_at").unwrap(),
        row.try_get::<i64, _>("last_activity_at").unwrap()
    );
    assert_eq!(row.try_get::<Option<i64>, _>("closed_at").unwrap(), None);
    let hash = text("token_hash");
    assert_eq!(hash.len(), 64, "only a SHA-256 of the token is stored");

    let (status, online) = api.call("/api/sessions/online", &[]).await;
    assert_eq!(status, 200);
    assert_eq!(online[0]["login"], "jan.kowalski");
    assert!(online[0]["since_text"].as_str().unwrap().len() >= 16);
    pool.close().await;
}

async fn logout_closes_the_session_and_the_cookie_stops_working(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let api = server.client().signed_in("anna.nowak", DEMO_PASSWORD).await;
    let response = api.http.post(format!("{}/api/auth/logout", server.base)).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let cleared =
        response.headers().get_all("set-cookie").iter().any(|v| v.to_str().unwrap().contains("Max-Age=0"));
    assert!(cleared, "logout clears the cookie");
    assert_eq!(api.me().await.0, 401);

    sqlx::any::install_default_drivers();
    let pool =
        sqlx::AnyPool::connect(klucznik_core::store::DbUrl::parse(&db.url).unwrap().as_str()).await.unwrap();
    let reason: String = sqlx::query_scalar("SELECT end_reason FROM sessions WHERE closed_at IS NOT NULL")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(reason, "logout");
    let audited: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit WHERE action IN ('login', 'logout')")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(audited, 2);
    pool.close().await;
}

async fn session_cookie_is_http_only_strict_and_new_at_each_sign_in(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let http = reqwest::Client::new();
    let mut tokens = Vec::new();
    for _ in 0..2 {
        let response = http
            .post(format!("{}/api/auth/login", server.base))
            .form(&[("login", "michal.zielinski"), ("password", DEMO_PASSWORD)])
            .send()
            .await
            .unwrap();
        let cookie = response
            .headers()
            .get_all("set-cookie")
            .iter()
            .map(|v| v.to_str().unwrap().to_string())
            .find(|v| v.starts_with("klucznik_session="))
            .expect("a session cookie");
        assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), "{cookie}");
        assert!(!cookie.contains("Secure"), "no Secure flag on plain HTTP without a proxy");
        tokens.push(cookie.split(';').next().unwrap().to_string());
    }
    assert_ne!(tokens[0], tokens[1]);
}

async fn behind_a_tls_proxy_cookies_are_secure_and_the_client_is_the_forwarded_one(db: TestDb) {
    // Two proxies: the outer one saw the client, the inner one called us from 10.0.0.1.
    let server = Server::start(&db, &["--demo", "--behind-proxy", "--trusted-proxies", "2"]).await;
    let response = reqwest::Client::new()
        .post(format!("{}/api/auth/login", server.base))
        .header("x-forwarded-for", "203.0.113.7, 10.0.0.1")
        .header("x-forwarded-proto", "https")
        .form(&[("login", "michal.zielinski"), ("password", DEMO_PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let cookie = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|v| v.starts_with("klucznik_session="))
        .unwrap();
    assert!(cookie.contains("; Secure"), "{cookie}");
    sqlx::any::install_default_drivers();
    let pool =
        sqlx::AnyPool::connect(klucznik_core::store::DbUrl::parse(&db.url).unwrap().as_str()).await.unwrap();
    let addr: String = sqlx::query_scalar("SELECT client_addr FROM sessions").fetch_one(&pool).await.unwrap();
    assert_eq!(addr, "203.0.113.7");
    pool.close().await;
}

both!(
    behind_a_tls_proxy_cookies_are_secure_and_the_client_is_the_forwarded_one,
    session_rows_carry_every_column_of_seed_000,
    logout_closes_the_session_and_the_cookie_stops_working,
    session_cookie_is_http_only_strict_and_new_at_each_sign_in,
);
