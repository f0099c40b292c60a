//! The guard's first half, run on every request: refuse cross-origin writes, resolve the
//! session cookie, refuse anonymous calls of non-public server functions, and answer server
//! function errors with their proper HTTP status instead of a blanket 500.

use super::needs::need_of;
use super::state::AppState;
use crate::error::AppError;
use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use klucznik_core::guard::{check, Client, Need, Resolved};
use klucznik_core::sessions::resolve::resolve;
use server_fn::error::{FromServerFnError, SERVER_FN_ERROR_HEADER};
use std::net::SocketAddr;

pub const TOKEN_COOKIE: &str = "klucznik_session";
/// The largest request body (issue 13); a role settings file is far smaller.
pub const MAX_BODY: usize = 1 << 20;
/// Marks a device its users signed in from (docs/BEHAVIOUR.md "Throttling sign-ins").
pub const DEVICE_COOKIE: &str = "klucznik_device";

/// The axum middleware; install it around every route but the static files.
pub async fn guard_layer(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let path = req.uri().path().to_string();
    if path.starts_with("/pkg/") || path == "/favicon.svg" {
        let mut res = next.run(req).await;
        super::headers::secure(&path, res.headers_mut(), false);
        return res;
    }
    let settings = state.settings();
    let behind_proxy = settings.behind_proxy;
    let writes = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if writes && !same_origin(req.headers(), behind_proxy) {
        return error_response(&path, &AppError::CrossOrigin);
    }
    let too_large = AppError::TooLarge { max_kib: (MAX_BODY / 1024) as u64 };
    let declared =
        req.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_BODY as u64) {
        // Answered before the body is read: the connection cannot carry another request.
        let mut res = error_response(&path, &too_large);
        res.headers_mut().insert(header::CONNECTION, HeaderValue::from_static("close"));
        return res;
    }
    // A body without a declared length is read here, up to the limit (server functions read
    // their whole body anyway), so that a longer one is told so.
    let (parts, body) = req.into_parts();
    let body = if writes {
        match axum::body::to_bytes(body, MAX_BODY).await {
            Ok(bytes) => Body::from(bytes),
            Err(_) => {
                let mut res = error_response(&path, &too_large);
                res.headers_mut().insert(header::CONNECTION, HeaderValue::from_static("close"));
                return res;
            }
        }
    } else {
        body
    };
    let mut req = Request::from_parts(parts, body);
    let client = client_of(&req, behind_proxy.then_some(settings.trusted_proxies.max(1)));
    let tls = client.secure;
    let token = cookie(req.headers(), TOKEN_COOKIE);
    let who = match &token {
        // A business application's session token is not a console cookie (issue 17).
        Some(token) => match resolve(&state, token, true).await {
            Ok(who) => who.filter(|w| w.web),
            Err(e) => return error_response(&path, &e),
        },
        None => None,
    };
    let stale_cookie = token.is_some() && who.is_none();
    // Every server function's need comes from the one table (`needs.rs`), checked before the
    // function runs; a path the table does not list reaches no function at all.
    let is_api = path.starts_with("/api/");
    if is_api {
        let refusal = match (need_of(&path), &who) {
            (None, _) => Some(AppError::NotFound),
            (Some(Need::Public), _) => None,
            (Some(_), None) => Some(AppError::Unauthenticated),
            (Some(need), Some(who)) => check(who, need).err(),
        };
        if let Some(err) = refusal {
            let mut res = error_response(&path, &err);
            if stale_cookie {
                clear_cookie(res.headers_mut());
            }
            return res;
        }
    }
    req.extensions_mut().insert(Resolved { who, client });
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
    super::headers::secure(&path, res.headers_mut(), tls);
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

/// The caller's address: the TCP peer, or behind `trusted` proxies the address the outermost
/// of them saw — the entry that many places from the right of X-Forwarded-For, since each
/// proxy appends the address it was called from. Whatever the client wrote further left is
/// not trusted.
pub fn client_of(req: &Request, trusted: Option<usize>) -> Client {
    let headers = req.headers();
    let text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).map(str::trim);
    let peer = req.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip().to_string());
    let forwarded = trusted.and_then(|n| forwarded_for(headers, n));
    let device = cookie(headers, DEVICE_COOKIE).filter(|d| (20..=64).contains(&d.len()));
    Client {
        addr: forwarded.or(peer).unwrap_or_else(|| "unknown".into()),
        user_agent: text("user-agent").unwrap_or_default().chars().take(400).collect(),
        secure: trusted.is_some() && text("x-forwarded-proto") == Some("https"),
        device,
    }
}

/// The address `trusted` proxies vouch for in X-Forwarded-For (all its headers, in order).
fn forwarded_for(headers: &HeaderMap, trusted: usize) -> Option<String> {
    let hops: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .filter(|h| !h.is_empty())
        .collect();
    let index = hops.len().checked_sub(trusted)?;
    let hop = hops[index];
    hop.parse::<std::net::IpAddr>().is_ok().then(|| hop.to_string())
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
    super::headers::secure(path, res.headers_mut(), false);
    if let Ok(path) = HeaderValue::from_str(path) {
        res.headers_mut().insert(SERVER_FN_ERROR_HEADER, path);
    }
    res
}

async fn with_error_status(res: Response) -> Response {
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 1 << 20).await else {
        return error_response("", &AppError::Request("the answer could not be read".into()));
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
    fn the_address_is_the_one_the_trusted_proxy_saw() {
        let h = headers(&[("x-forwarded-for", "6.6.6.6, 203.0.113.7")]);
        assert_eq!(forwarded_for(&h, 1).as_deref(), Some("203.0.113.7"), "a spoofed left entry is ignored");
        let h = headers(&[("x-forwarded-for", "6.6.6.6, 203.0.113.7, 10.0.0.2")]);
        assert_eq!(forwarded_for(&h, 2).as_deref(), Some("203.0.113.7"), "two proxies: the outer one's peer");
        assert_eq!(forwarded_for(&h, 4), None, "fewer hops than proxies: the TCP peer stands");
        let h = headers(&[("x-forwarded-for", "not-an-address")]);
        assert_eq!(forwarded_for(&h, 1), None);
    }

    #[test]
    fn cookies_are_found_by_name() {
        let h = headers(&[("cookie", "a=1; klucznik_session=tok; b=2")]);
        assert_eq!(cookie(&h, TOKEN_COOKIE).as_deref(), Some("tok"));
        assert_eq!(cookie(&h, "missing"), None);
    }
}
