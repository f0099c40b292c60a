//! The decision API for business applications: OpenID AuthZEN Authorization API 1.0, HTTPS
//! binding (docs/INTEGRATION.md). Callers are application clients with a bearer secret; the
//! console's guard (cookies, same-origin writes) does not apply here, this module's own does.

mod search;
mod sessions;
mod wire;

use app::guard::AppState;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use klucznik_core::clients::service::{authenticate, Caller};
use klucznik_core::decisions::{decide, decide_in, explain, Answer, Subjects};
use klucznik_core::i18n::Lang;
use serde_json::{json, Map, Value};
use wire::Semantic;

/// At most this many evaluations in one batch.
pub const BATCH_MAX: usize = 1_000;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/.well-known/authzen-configuration", get(metadata))
        .route("/access/v1/evaluation", post(evaluation))
        .route("/access/v1/evaluations", post(evaluations))
        .route("/access/v1/search/subject", post(search::subject))
        .route("/access/v1/search/resource", post(search::resource))
        .route("/access/v1/search/action", post(search::action))
        .route("/integration/v1/events", get(events))
        .route("/integration/v1/sessions", post(sessions::open))
        .route("/integration/v1/sessions/activity", post(sessions::activity))
        .route("/integration/v1/sessions/end", post(sessions::end))
        .route("/integration/v1/sessions/substitutions", post(sessions::substitutions))
        .route("/integration/v1/sessions/substitution", post(sessions::substitution))
        .layer(axum::extract::DefaultBodyLimit::max(1 << 20))
        .layer(axum::middleware::from_fn(echo_request_id))
}

/// An answer that is never cached (`X-Request-ID` is echoed on every answer by `echo_request_id`).
fn answer(_headers: &HeaderMap, status: StatusCode, body: Response) -> Response {
    let mut res = (status, body).into_response();
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// Echoes the caller's `X-Request-ID` on every answer of the API, the framework's own (405, 413)
/// included: the spec wants the same identifier back.
pub async fn echo_request_id(req: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let id = req.headers().get("x-request-id").cloned();
    let mut res = next.run(req).await;
    if let Some(id) = id {
        res.headers_mut().insert("x-request-id", id);
    }
    res
}

fn json_answer(headers: &HeaderMap, body: Value) -> Response {
    answer(headers, StatusCode::OK, axum::Json(body).into_response())
}

/// The spec's errors: a status and "an error message string".
fn error(headers: &HeaderMap, status: StatusCode, message: &str) -> Response {
    let mut res = answer(headers, status, message.to_string().into_response());
    if status == StatusCode::UNAUTHORIZED {
        res.headers_mut()
            .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer realm=\"klucznik\""));
    }
    res
}

fn internal(headers: &HeaderMap, e: impl std::fmt::Display) -> Response {
    tracing::error!("decision API: {e}");
    error(headers, StatusCode::INTERNAL_SERVER_ERROR, "internal error")
}

/// The client behind the bearer secret, or the 401 to answer.
async fn caller(state: &AppState, headers: &HeaderMap) -> Result<Caller, Response> {
    // The scheme is case-insensitive (RFC 7235); a bare secret is taken too, as the AuthZEN
    // interop harnesses send the key as it is.
    let value = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).unwrap_or_default().trim();
    let bearer = match value.split_once(' ') {
        Some((scheme, secret)) if scheme.eq_ignore_ascii_case("bearer") => secret.trim(),
        Some(_) => "",
        None => value,
    };
    match authenticate(state, bearer).await {
        Ok(Some(caller)) => Ok(caller),
        Ok(None) => Err(error(
            headers,
            StatusCode::UNAUTHORIZED,
            "a valid client secret is required (Authorization: Bearer …)",
        )),
        Err(e) => Err(internal(headers, e)),
    }
}

/// Authenticates, then reads the body as a JSON object (`Content-Type: application/json`).
async fn request(
    state: &AppState,
    headers: &HeaderMap,
    body: &Bytes,
) -> Result<(Caller, Map<String, Value>), Response> {
    let caller = caller(state, headers).await?;
    let json = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| {
        v.split(';').next().is_some_and(|t| t.trim().eq_ignore_ascii_case("application/json"))
    });
    if !json {
        return Err(error(headers, StatusCode::BAD_REQUEST, "Content-Type must be application/json"));
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(o)) => Ok((caller, o)),
        Ok(_) => Err(error(headers, StatusCode::BAD_REQUEST, "the body must be a JSON object")),
        Err(e) => Err(error(headers, StatusCode::BAD_REQUEST, &format!("the body is not JSON: {e}"))),
    }
}

/// The decision, with its explanation when the context asks (`"explain": true`, `"lang"`).
async fn decision(
    state: &AppState,
    answer: &Answer,
    context: &Map<String, Value>,
) -> Result<Value, klucznik_core::error::AppError> {
    let mut out = json!({ "decision": answer.decision });
    if context.get("explain") == Some(&Value::Bool(true)) {
        let lang = context.get("lang").and_then(Value::as_str).and_then(Lang::from_code).unwrap_or(Lang::En);
        out["context"] = json!({ "explanation": explain(state, answer, lang).await? });
    }
    Ok(out)
}

async fn evaluation(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let (caller, o) = match request(&state, &headers, &body).await {
        Ok(r) => r,
        Err(res) => return res,
    };
    let (q, context) = match wire::question(&o) {
        Ok(q) => q,
        Err(bad) => return error(&headers, StatusCode::BAD_REQUEST, &bad),
    };
    let result = async {
        let answer = decide(&state, &caller, &q).await?;
        decision(&state, &answer, &context).await
    };
    match result.await {
        Ok(v) => json_answer(&headers, v),
        Err(e) => internal(&headers, e),
    }
}

async fn evaluations(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let (caller, o) = match request(&state, &headers, &body).await {
        Ok(r) => r,
        Err(res) => return res,
    };
    let items = match o.get("evaluations") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items.clone(),
        Some(_) => return error(&headers, StatusCode::BAD_REQUEST, "evaluations must be an array"),
    };
    if items.is_empty() {
        // Without items the endpoint is the single evaluation (the spec's compatibility rule).
        return evaluation(State(state), headers, body).await;
    }
    if items.len() > BATCH_MAX {
        return error(
            &headers,
            StatusCode::BAD_REQUEST,
            &format!("at most {BATCH_MAX} evaluations per request"),
        );
    }
    let semantic = match wire::semantic(&o) {
        Ok(s) => s,
        Err(bad) => return error(&headers, StatusCode::BAD_REQUEST, &bad),
    };
    // Defaults that are there must be valid themselves: a bad one is the request's fault.
    if let Err(bad) = wire::defaults(&o) {
        return error(&headers, StatusCode::BAD_REQUEST, &bad);
    }
    if let Some(bad) = items.iter().position(|i| !i.is_object()) {
        return error(&headers, StatusCode::BAD_REQUEST, &format!("evaluations[{bad}] must be an object"));
    }
    let mut subjects = Subjects::new();
    let mut out = Vec::with_capacity(items.len());
    for item in &items {
        let one = match wire::merged(&o, item).and_then(|m| wire::question(&m)) {
            // An item the defaults do not complete is denied on its own; the rest still run.
            Err(bad) => {
                json!({ "decision": false, "context": { "error": { "status": 400, "message": bad } } })
            }
            Ok((q, context)) => {
                let answer = match decide_in(&state, &caller, &q, &mut subjects).await {
                    Ok(a) => a,
                    Err(e) => return internal(&headers, e),
                };
                match decision(&state, &answer, &context).await {
                    Ok(v) => v,
                    Err(e) => return internal(&headers, e),
                }
            }
        };
        let allowed = one["decision"] == Value::Bool(true);
        out.push(one);
        match semantic {
            Semantic::DenyOnFirstDeny if !allowed => break,
            Semantic::PermitOnFirstPermit if allowed => break,
            _ => {}
        }
    }
    json_answer(&headers, json!({ "evaluations": out }))
}

/// `GET /.well-known/authzen-configuration`: the endpoints, under `--public-url`, else under
/// the address the request came to (behind a proxy: the forwarded one, https unless it says
/// otherwise).
async fn metadata(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let settings = state.settings();
    let forwarded = |name: &str| {
        settings
            .behind_proxy
            .then(|| {
                headers
                    .get(name)
                    .and_then(|v| v.to_str().ok())
                    .map(|v| v.split(',').next().unwrap_or(v).trim().to_string())
            })
            .flatten()
    };
    let base = settings.public_url.clone().unwrap_or_else(|| {
        let default_scheme = if settings.behind_proxy { "https" } else { "http" };
        let scheme = forwarded("x-forwarded-proto").unwrap_or_else(|| default_scheme.into());
        let host = forwarded("x-forwarded-host")
            .or_else(|| headers.get(header::HOST).and_then(|v| v.to_str().ok()).map(str::to_string))
            .unwrap_or_else(|| "localhost".into());
        format!("{scheme}://{host}")
    });
    json_answer(
        &headers,
        json!({
            "policy_decision_point": base,
            "access_evaluation_endpoint": format!("{base}/access/v1/evaluation"),
            "access_evaluations_endpoint": format!("{base}/access/v1/evaluations"),
            "search_subject_endpoint": format!("{base}/access/v1/search/subject"),
            "search_resource_endpoint": format!("{base}/access/v1/search/resource"),
            "search_action_endpoint": format!("{base}/access/v1/search/action"),
        }),
    )
}

/// `GET /integration/v1/events`: the client's event stream (server-sent events, bearer
/// authenticated; docs/INTEGRATION.md "Events"), so an application drops its caches at once.
async fn events(State(state): State<AppState>, headers: HeaderMap) -> Response {
    use axum::response::sse::{Event, KeepAlive, Sse};
    use klucznik_core::clients::feed;
    let caller = match caller(&state, &headers).await {
        Ok(c) => c,
        Err(res) => return res,
    };
    let mut family = match feed::family(&state, &caller).await {
        Ok(f) => f,
        Err(e) => return internal(&headers, e),
    };
    let mut receiver = feed::subscribe(&state);
    let core = state.core().clone();
    let stream = async_stream::stream! {
        yield Ok::<Event, std::convert::Infallible>(Event::default().data(json!({"type": "ready"}).to_string()));
        let mut recheck = tokio::time::interval(std::time::Duration::from_secs(15));
        recheck.tick().await;
        loop {
            let received = tokio::select! {
                received = receiver.recv() => received,
                _ = recheck.tick() => {
                    // A revoked client's stream ends within the interval.
                    if !klucznik_core::clients::service::still_live(&core, caller.id).await.unwrap_or(false) {
                        return;
                    }
                    continue;
                }
            };
            match received {
                Ok(event) => {
                    if let Some(body) = feed::told(&event, &family) {
                        if body["type"] == "accounts_changed" {
                            family = feed::family(&core, &caller).await.unwrap_or(family);
                        }
                        yield Ok(Event::default().data(body.to_string()));
                    }
                }
                Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {
                    yield Ok(Event::default().data(json!({"type": "resync"}).to_string()));
                }
                Err(tokio::sync::broadcast::error::RecvError::Closed) => return,
            }
        }
    };
    answer(&headers, StatusCode::OK, Sse::new(stream).keep_alive(KeepAlive::default()).into_response())
}
