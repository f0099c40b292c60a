//! The real router in the test process, with a clock the test can move.

use super::{TestDb, ADMIN_PASSWORD};
use app::guard::AppState;
use axum::body::Body;
use axum::Router;
use http::{Request, StatusCode};
use klucznik_core::auth::password::Hasher;
use klucznik_core::guard::Settings;
use klucznik_core::operator::Operator;
use klucznik_core::store::{Clock, DbUrl, Store};
use serde_json::Value;
use tower::ServiceExt;

pub struct InProcess {
    pub router: Router,
    pub store: Store,
    pub clock: Clock,
}

/// One answer: status, JSON body (or Null) and the session cookie it set, if any.
pub struct Answer {
    pub status: StatusCode,
    pub body: Value,
    pub token: Option<String>,
}

impl InProcess {
    pub async fn start(db: &TestDb) -> InProcess {
        InProcess::start_with(db, Settings::default()).await
    }

    /// As `start`, with deployment settings (behind a proxy, …).
    pub async fn start_with(db: &TestDb, settings: Settings) -> InProcess {
        InProcess::start_site(db, settings, "target/site").await
    }

    /// As `start_with`, serving the static files of `site_root`.
    pub async fn start_site(db: &TestDb, settings: Settings, site_root: &str) -> InProcess {
        let clock = Clock::default();
        let operator =
            Operator::open(&DbUrl::parse(&db.url).unwrap(), clock.clone(), Hasher::new()).await.unwrap();
        operator.bootstrap(Some(ADMIN_PASSWORD.into())).await.unwrap();
        let store = operator.store().clone();
        let options = server::leptos_options(site_root, "127.0.0.1:0".parse().unwrap());
        let state = AppState::new(operator.serve(settings), options);
        InProcess { router: server::router(state), store, clock }
    }

    /// POSTs a form as a browser at `peer` would, with more headers; answers also every cookie
    /// set (name=value).
    pub async fn send_from(
        &self,
        path: &str,
        form: &str,
        peer: &str,
        headers: &[(&str, &str)],
    ) -> (Answer, Vec<String>) {
        let mut request = Request::post(path)
            .header("content-type", "application/x-www-form-urlencoded")
            .header("sec-fetch-site", "same-origin");
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let mut request = request.body(Body::from(form.to_string())).unwrap();
        let addr: std::net::SocketAddr = format!("{peer}:40000").parse().unwrap();
        request.extensions_mut().insert(axum::extract::ConnectInfo(addr));
        let response = self.router.clone().oneshot(request).await.unwrap();
        let cookies: Vec<String> = response
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .map(|v| v.split(';').next().unwrap_or_default().to_string())
            .collect();
        let status = response.status();
        let token = cookies
            .iter()
            .find_map(|c| c.strip_prefix(&format!("{}=", app::guard::TOKEN_COOKIE)))
            .map(str::to_string)
            .filter(|v| !v.is_empty());
        let bytes = axum::body::to_bytes(response.into_body(), 1 << 22).await.unwrap();
        (Answer { status, body: serde_json::from_slice(&bytes).unwrap_or(Value::Null), token }, cookies)
    }

    /// POSTs a server function with a form body, as a browser page would.
    pub async fn call(&self, path: &str, form: &str, token: Option<&str>) -> Answer {
        self.send(path, form, token, &[("sec-fetch-site", "same-origin")]).await
    }

    /// POSTs a server function that takes JSON.
    pub async fn send_json(&self, path: &str, body: &Value, token: Option<&str>) -> Answer {
        let mut request = Request::post(path)
            .header("content-type", "application/json")
            .header("sec-fetch-site", "same-origin");
        if let Some(token) = token {
            request = request.header("cookie", format!("{}={token}", app::guard::TOKEN_COOKIE));
        }
        self.answer(request.body(Body::from(body.to_string())).unwrap()).await
    }

    pub async fn send(
        &self,
        path: &str,
        form: &str,
        token: Option<&str>,
        headers: &[(&str, &str)],
    ) -> Answer {
        let mut request = Request::post(path).header("content-type", "application/x-www-form-urlencoded");
        if let Some(token) = token {
            request = request.header("cookie", format!("{}={token}", app::guard::TOKEN_COOKIE));
        }
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.answer(request.body(Body::from(form.to_string())).unwrap()).await
    }

    async fn answer(&self, request: Request<Body>) -> Answer {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let token = response
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find_map(|v| v.strip_prefix(&format!("{}=", app::guard::TOKEN_COOKIE)))
            .map(|v| v.split(';').next().unwrap_or_default().to_string())
            .filter(|v| !v.is_empty());
        let bytes = axum::body::to_bytes(response.into_body(), 1 << 22).await.unwrap();
        Answer { status, body: serde_json::from_slice(&bytes).unwrap_or(Value::Null), token }
    }

    /// Signs in and returns the session token.
    pub async fn sign_in(&self, login: &str, password: &str) -> String {
        let form = format!("login={}&password={}", urlencode(login), urlencode(password));
        let mut answer = self.call("/api/auth/login", &form, None).await;
        if let Some(unit) = answer.body["default_unit"].as_i64() {
            answer = self.call("/api/auth/login", &format!("{form}&unit={unit}"), None).await;
        }
        assert_eq!(answer.status, StatusCode::OK, "sign-in of {login}: {}", answer.body);
        answer.token.expect("a session cookie")
    }

    /// Signs in as the bootstrapped administrator and changes the forced password.
    pub async fn admin(&self) -> String {
        let token = self.sign_in("admin", ADMIN_PASSWORD).await;
        let form = format!(
            "current_password={}&new_password=Fresh-Admin-Password-2&confirm_password=Fresh-Admin-Password-2",
            urlencode(ADMIN_PASSWORD)
        );
        let answer = self.call("/api/auth/password", &form, Some(&token)).await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
        // The change gives the session a new token.
        answer.token.expect("a new session cookie after the password change")
    }
}

pub fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
