//! The guard's first half, run on every request: refuse cross-origin writes, resolve the
//! session cookie, refuse anonymous calls of non-public server functions, and answer server
//! function errors with their proper HTTP status instead of a blanket 500.

use super::{resolve::resolve, AppState, Client, Resolved, PUBLIC_API};
use crate::error::AppError;
use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use server_fn::error::{FromServerFnError, SERVER_FN_ERROR_HEADER};
use std::net::SocketAddr;

pub const TOKEN_COOKIE: &str = "klucznik_session";

/// The axum middleware; install it around every route but the static files.
pub async fn guard_layer(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let path = req.uri().path().to_string();
    if path.starts_with("/pkg/") || path == "/favicon.svg" {
        return next.run(req).await;
    }
    let behind_proxy = state.settings().behind_proxy;
    let writes = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if writes && !same_origin(req.headers(), behind_proxy) {
        return error_response(&path, &AppError::CrossOrigin);
    }
    let client = client_of(&req, behind_proxy);
    let token = cookie(req.headers(), TOKEN_COOKIE);
    let who = match &token {
        Some(token) => match resolve(&state, token, true).await {
            Ok(who) => who,
            Err(e) => return error_response(&path, &e),
        },
        None => None,
    };
    let stale_cookie = token.is_some() && who.is_none();
    let anonymous = who.is_none();
    req.extensions_mut().insert(Resolved { who, client });

    let is_api = path.starts_with("/api/");
    if is_api && anonymous && !PUBLIC_API.contains(&path.as_str()) {
        let mut res = error_response(&path, &AppError::Unauthenticated);
        if stale_cookie {
            clear_cookie(res.headers_mut());
        }
        return res;
    }
    let mut res = next.run(req).await;
    if is_api
        && res.status() == StatusCode::INTERNAL_SERVER_ERROR
        && res.headers().contains_key(SERVER_FN_ERROR_HEADER)
    {
        res = with_error_status(res).await;
    }
    if stale_cookie && !res.headers().contains_key(header::SET_COOKIE) {
        clear_cookie(res.headers_mut());
    }
    res
}

/// A state-changing request must come from our own pages. Browsers say so with
/// `Sec-Fetch-Site` or `Origin`; a request with neither is not from a browser page.
fn same_origin(headers: &HeaderMap, behind_proxy: bool) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return matches!(site, "same-origin" | "none");
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return true;
    };
    let forwarded = behind_proxy.then(|| headers.get("x-forwarded-host")).flatten();
    let Some(host) = forwarded.or_else(|| headers.get(header::HOST)).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    origin.split_once("://").map(|(_, rest)| rest) == Some(host)
}

fn client_of(req: &Request, behind_proxy: bool) -> Client {
    let headers = req.headers();
    let text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).map(str::trim);
    let peer = req.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip().to_string());
    let forwarded = behind_proxy
        .then(|| text("x-forwarded-for").and_then(|v| v.split(',').next()).map(|v| v.trim().to_string()))
        .flatten();
    Client {
        addr: forwarded.or(peer).unwrap_or_else(|| "unknown".into()),
        user_agent: text("user-agent").unwrap_or_default().chars().take(400).collect(),
        secure: behind_proxy && text("x-forwarded-proto") == Some("https"),
    }
}

/// The value of one cookie of the request.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

fn clear_cookie(headers: &mut HeaderMap) {
    let value = format!("{TOKEN_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    if let Ok(value) = HeaderValue::from_str(&value) {
        headers.append(header::SET_COOKIE, value);
    }
}

/// An error as a server function would answer it, with its own status.
pub fn error_response(path: &str, err: &AppError) -> Response {
    let status = StatusCode::from_u16(err.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut res = (status, Body::from(err.ser())).into_response();
    res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    if let Ok(path) = HeaderValue::from_str(path) {
        res.headers_mut().insert(SERVER_FN_ERROR_HEADER, path);
    }
    res
}

async fn with_error_status(res: Response) -> Response {
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 1 << 20).await else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "").into_response();
    };
    let err = AppError::de(bytes.clone());
    parts.status = StatusCode::from_u16(err.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    Response::from_parts(parts, Body::from(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn cross_site_writes_are_refused() {
        assert!(same_origin(&headers(&[("sec-fetch-site", "same-origin")]), false));
        assert!(!same_origin(&headers(&[("sec-fetch-site", "cross-site")]), false));
        assert!(!same_origin(&headers(&[("sec-fetch-site", "same-site")]), false));
        assert!(same_origin(&headers(&[("origin", "http://k.local:3000"), ("host", "k.local:3000")]), false));
        assert!(!same_origin(
            &headers(&[("origin", "http://evil.example"), ("host", "k.local:3000")]),
            false
        ));
        assert!(same_origin(&headers(&[]), false), "no browser headers: not a browser page");
    }

    #[test]
    fn forwarded_host_counts_only_behind_a_proxy() {
        let h = headers(&[
            ("origin", "https://k.example"),
            ("host", "10.0.0.5:3000"),
            ("x-forwarded-host", "k.example"),
        ]);
        assert!(same_origin(&h, true));
        assert!(!same_origin(&h, false));
    }

    #[test]
    fn cookies_are_found_by_name() {
        let h = headers(&[("cookie", "a=1; klucznik_session=tok; b=2")]);
        assert_eq!(cookie(&h, TOKEN_COOKIE).as_deref(), Some("tok"));
        assert_eq!(cookie(&h, "missing"), None);
    }
}
