//! The decision API for business applications: OpenID AuthZEN Authorization API 1.0, HTTPS
//! binding (docs/INTEGRATION.md). Callers are application clients with a bearer secret; the
//! console's guard (cookies, same-origin writes) does not apply here, this module's own does.

mod search;
mod wire;

use app::guard::AppState;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use klucznik_core::clients::store::{authenticate, Caller};
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
        .layer(axum::extract::DefaultBodyLimit::max(1 << 20))
}

/// An answer with the caller's `X-Request-ID` echoed (the spec: the same identifier back).
fn answer(headers: &HeaderMap, status: StatusCode, body: Response) -> Response {
    let mut res = (status, body).into_response();
    if let Some(id) = headers.get("x-request-id") {
        res.headers_mut().insert("x-request-id", id.clone());
    }
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
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
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
        .map(str::trim)
        .unwrap_or_default();
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
    for key in ["subject", "resource"] {
        if let Some(v) = o.get(key) {
            if !v.is_object() {
                return error(&headers, StatusCode::BAD_REQUEST, &format!("{key} must be an object"));
            }
        }
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

/// `GET /.well-known/authzen-configuration`: the endpoints, under the address the caller used.
async fn metadata(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let behind_proxy = state.settings().behind_proxy;
    let forwarded = |name: &str| {
        behind_proxy
            .then(|| {
                headers
                    .get(name)
                    .and_then(|v| v.to_str().ok())
                    .map(|v| v.split(',').next().unwrap_or(v).trim().to_string())
            })
            .flatten()
    };
    let scheme = forwarded("x-forwarded-proto").unwrap_or_else(|| "http".into());
    let host = forwarded("x-forwarded-host")
        .or_else(|| headers.get(header::HOST).and_then(|v| v.to_str().ok()).map(str::to_string))
        .unwrap_or_else(|| "localhost".into());
    let base = format!("{scheme}://{host}");
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
                    if !klucznik_core::clients::store::still_live(&core, caller.id).await.unwrap_or(false) {
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
