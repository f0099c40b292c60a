//! Sign-in for business applications (issue 17, docs/INTEGRATION.md "Sign-in for
//! applications"): an application client opens a session for its user by password, PIN or card,
//! reports the session's activity and ends it. Klucznik's own JSON, beside the AuthZEN binding;
//! the same client authentication and error shapes.

use super::{internal, json_answer};
use app::guard::AppState;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use klucznik_core::auth::app_sign_in::{sign_in, AppRequest, Secret, SignInError};
use klucznik_core::clients::service::Caller;
use klucznik_core::i18n::Lang;
use serde_json::{json, Map, Value};

/// A JSON error: `{"error": key, "message": …}` and what else the case carries.
fn refused(headers: &HeaderMap, status: StatusCode, key: &str, message: &str, more: Value) -> Response {
    let mut body = json!({ "error": key, "message": message });
    if let (Value::Object(b), Value::Object(m)) = (&mut body, more) {
        b.extend(m);
    }
    let mut res = super::answer(headers, status, axum::Json(body).into_response());
    if status == StatusCode::UNAUTHORIZED {
        res.headers_mut()
            .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer realm=\"klucznik\""));
    }
    res
}

/// The client and the JSON object of a request; the client's address for the throttle.
async fn read(
    state: &AppState,
    req: Request,
) -> Result<(HeaderMap, Caller, klucznik_core::actor::Client, Map<String, Value>), Response> {
    let trusted = state.settings().behind_proxy.then_some(state.settings().trusted_proxies.max(1));
    let client = app::guard::client_of(&req, trusted);
    let headers = req.headers().clone();
    let body = axum::body::to_bytes(req.into_body(), 64 * 1024).await.map_err(|_| {
        refused(&headers, StatusCode::PAYLOAD_TOO_LARGE, "too_large", "the body is over 64 KiB", json!({}))
    })?;
    let (caller, o) = super::request(state, &headers, &body).await?;
    Ok((headers, caller, client, o))
}

fn text(o: &Map<String, Value>, key: &str) -> Result<Option<String>, String> {
    match o.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(format!("\"{key}\" must be a string")),
    }
}

/// The request's fields; a message naming the member when one is of the wrong type.
fn parse(o: &Map<String, Value>) -> Result<AppRequest, String> {
    let secret = match (text(o, "password")?, text(o, "pin")?, text(o, "card")?, text(o, "step")?) {
        (Some(p), None, None, None) => Secret::Password(p),
        (None, Some(p), None, None) => Secret::Pin(p),
        (None, None, Some(c), None) => Secret::Card(c),
        (None, None, None, Some(s)) => Secret::Step(s),
        (None, None, None, None) => {
            return Err("one of \"password\", \"pin\", \"card\" or \"step\" is required".into())
        }
        _ => return Err("only one of \"password\", \"pin\", \"card\" or \"step\" may be given".into()),
    };
    let unit = match o.get("unit") {
        None | Some(Value::Null) => None,
        Some(v) => Some(v.as_i64().ok_or("\"unit\" must be a unit's id (an integer)")?),
    };
    let close_other = match o.get("close_other") {
        None | Some(Value::Null) => false,
        Some(v) => v.as_bool().ok_or("\"close_other\" must be true or false")?,
    };
    Ok(AppRequest {
        login: text(o, "login")?.unwrap_or_default(),
        secret,
        computer: text(o, "computer")?.unwrap_or_default(),
        session_name: text(o, "session_name")?.unwrap_or_default(),
        unit,
        close_other,
    })
}

/// `POST /integration/v1/sessions`: opens a session for the application's user.
pub async fn open(State(state): State<AppState>, req: Request) -> Response {
    let (headers, caller, client, o) = match read(&state, req).await {
        Ok(r) => r,
        Err(res) => return res,
    };
    let request = match parse(&o) {
        Ok(r) => r,
        Err(bad) => return refused(&headers, StatusCode::BAD_REQUEST, "invalid_request", &bad, json!({})),
    };
    match sign_in(&state, &caller, &client, &request).await {
        Ok(s) => {
            let user = json!({ "id": s.user_id, "login": s.login, "full_name": s.full_name });
            let body = json!({
                "token": s.token,
                "session": s.session_id,
                "user": user,
                "effective_user": user,
                "account": { "id": s.account_id, "name": s.account_name },
                "unit": { "id": s.unit_id, "name": s.unit_name },
                "rights_version": s.rights_version,
                "must_change_password": s.must_change_password,
            });
            super::answer(&headers, StatusCode::CREATED, axum::Json(body).into_response())
        }
        Err(SignInError::Invalid(e)) => {
            let fields: Vec<Value> = e
                .fields()
                .iter()
                .map(|f| json!({ "field": f.field, "message": f.render(Lang::En) }))
                .collect();
            let message =
                e.fields().first().map(|f| f.render(Lang::En)).unwrap_or_else(|| e.render(Lang::En));
            refused(
                &headers,
                StatusCode::BAD_REQUEST,
                "invalid_request",
                &message,
                json!({ "fields": fields }),
            )
        }
        Err(SignInError::WrongCredentials) => refused(
            &headers,
            StatusCode::UNAUTHORIZED,
            "invalid_credentials",
            "the login, secret or card is not right",
            json!({}),
        ),
        Err(SignInError::Refused(reason)) => refused(
            &headers,
            StatusCode::FORBIDDEN,
            "refused",
            "the user may not sign in here now",
            json!({ "reason": reason }),
        ),
        Err(SignInError::PinLocked) => refused(
            &headers,
            StatusCode::FORBIDDEN,
            "pin_locked",
            "too many wrong PINs: an administrator must set a new PIN",
            json!({}),
        ),
        Err(SignInError::Throttled(seconds)) => {
            let mut res = refused(
                &headers,
                StatusCode::TOO_MANY_REQUESTS,
                "throttled",
                &format!("too many failed attempts: try again in {seconds} s"),
                json!({ "retry_after": seconds }),
            );
            res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(seconds));
            res
        }
        Err(SignInError::AlreadySignedIn { computer, service, since, step }) => {
            let since_text = klucznik_core::time::format_ms(since, "UTC", Lang::En);
            refused(
                &headers,
                StatusCode::CONFLICT,
                "already_signed_in",
                &format!("the user already has a session at {computer} since {since_text} UTC"),
                json!({ "computer": computer, "service": service, "since": since, "step": step }),
            )
        }
        Err(SignInError::Internal(e)) => internal(&headers, e),
    }
}

/// The open application session of a token, if it is one of the caller's main account's.
async fn session_of(
    state: &AppState,
    caller: &Caller,
    token: &str,
    touch: bool,
) -> Result<Option<i64>, klucznik_core::error::AppError> {
    let Some(who) = klucznik_core::sessions::resolve::resolve(state, token, touch).await? else {
        return Ok(None);
    };
    let ours = klucznik_core::auth::app_sign_in::owns(state, caller, who.session_id.get()).await?;
    Ok(ours.then_some(who.session_id.get()))
}

fn token(o: &Map<String, Value>) -> Result<String, String> {
    match text(o, "token")? {
        Some(t) if !t.is_empty() => Ok(t),
        _ => Err("\"token\" is required".into()),
    }
}

/// A request about one session: the client, the body and its `token`.
async fn with_token(
    state: &AppState,
    req: Request,
) -> Result<(HeaderMap, Caller, klucznik_core::actor::Client, Map<String, Value>, String), Response> {
    let (headers, caller, client, o) = read(state, req).await?;
    match token(&o) {
        Ok(t) => Ok((headers, caller, client, o, t)),
        Err(bad) => Err(refused(&headers, StatusCode::BAD_REQUEST, "invalid_request", &bad, json!({}))),
    }
}

/// `POST /integration/v1/sessions/activity`: the user did something (the session's "last
/// activity", recorded at most every 5 seconds).
pub async fn activity(State(state): State<AppState>, req: Request) -> Response {
    let (headers, caller, _, _, token) = match with_token(&state, req).await {
        Ok(r) => r,
        Err(res) => return res,
    };
    match session_of(&state, &caller, &token, true).await {
        Ok(Some(id)) => json_answer(&headers, json!({ "session": id, "open": true })),
        Ok(None) => ended(&headers),
        Err(e) => internal(&headers, e),
    }
}

fn ended(headers: &HeaderMap) -> Response {
    refused(
        headers,
        StatusCode::NOT_FOUND,
        "session_ended",
        "the session is not open (ended, expired or unknown)",
        json!({}),
    )
}

/// `POST /integration/v1/sessions/end`: the user signed out of the application.
pub async fn end(State(state): State<AppState>, req: Request) -> Response {
    let (headers, caller, client, _, token) = match with_token(&state, req).await {
        Ok(r) => r,
        Err(res) => return res,
    };
    match session_of(&state, &caller, &token, false).await {
        Ok(Some(id)) => {
            match klucznik_core::auth::app_sign_in::sign_out(&state, &caller, &client, id).await {
                Ok(()) => super::answer(&headers, StatusCode::NO_CONTENT, ().into_response()),
                Err(e) => internal(&headers, e),
            }
        }
        Ok(None) => ended(&headers),
        Err(e) => internal(&headers, e),
    }
}

/// The console's guard for the user of an application's session: the same rules as the
/// console's own self-service (issue 17: working on someone's behalf from the application).
async fn session_ctx(
    state: &AppState,
    caller: &Caller,
    client: klucznik_core::actor::Client,
    token: &str,
) -> Result<Option<klucznik_core::guard::Ctx>, klucznik_core::error::AppError> {
    let Some(who) = klucznik_core::sessions::resolve::resolve(state, token, true).await? else {
        return Ok(None);
    };
    if !klucznik_core::auth::app_sign_in::owns(state, caller, who.session_id.get()).await? {
        return Ok(None);
    }
    klucznik_core::guard::for_application_session(state, who, client, klucznik_core::guard::Need::SelfService)
        .map(Some)
}

/// An error of the console's rules as this API says it.
fn app_error(headers: &HeaderMap, e: klucznik_core::error::AppError) -> Response {
    use klucznik_core::error::AppError;
    match e {
        AppError::NotFound => refused(
            headers,
            StatusCode::NOT_FOUND,
            "not_found",
            "no such substitution of this user",
            json!({}),
        ),
        AppError::Refused(m) => {
            refused(headers, StatusCode::CONFLICT, "refused", &m.render(Lang::En), json!({}))
        }
        AppError::PasswordChangeRequired => refused(
            headers,
            StatusCode::FORBIDDEN,
            "password_change_required",
            "the user must change their password first",
            json!({}),
        ),
        e => internal(headers, e),
    }
}

/// `POST /integration/v1/sessions/substitutions`: the substitutions the session's user may
/// start now, and whom the session works as.
pub async fn substitutions(State(state): State<AppState>, req: Request) -> Response {
    let (headers, caller, client, _, token) = match with_token(&state, req).await {
        Ok(r) => r,
        Err(res) => return res,
    };
    let ctx = match session_ctx(&state, &caller, client, &token).await {
        Ok(Some(ctx)) => ctx,
        Ok(None) => return ended(&headers),
        Err(e) => return app_error(&headers, e),
    };
    match klucznik_core::substitutions::service::mode::startable(&ctx).await {
        Ok(list) => {
            let items: Vec<Value> = list
                .into_iter()
                .map(|s| json!({"id": s.id, "absent": s.absent, "to_day": s.to_day}))
                .collect();
            let working_as =
                (ctx.who.native.id != ctx.who.effective.id).then(|| ctx.who.effective.login.clone());
            json_answer(&headers, json!({ "substitutions": items, "working_as": working_as }))
        }
        Err(e) => app_error(&headers, e),
    }
}

/// `POST /integration/v1/sessions/substitution`: `{"token", "substitution": id}` starts working
/// on the absent user's behalf, `"substitution": null` ends it — the console's rules (seed 003).
pub async fn substitution(State(state): State<AppState>, req: Request) -> Response {
    let (headers, caller, client, o, token) = match with_token(&state, req).await {
        Ok(r) => r,
        Err(res) => return res,
    };
    let id = match o.get("substitution") {
        None | Some(Value::Null) => None,
        Some(v) => match v.as_i64() {
            Some(id) => Some(id),
            None => {
                let bad = "\"substitution\" must be a substitution's id or null";
                return refused(&headers, StatusCode::BAD_REQUEST, "invalid_request", bad, json!({}));
            }
        },
    };
    let ctx = match session_ctx(&state, &caller, client, &token).await {
        Ok(Some(ctx)) => ctx,
        Ok(None) => return ended(&headers),
        Err(e) => return app_error(&headers, e),
    };
    let done = match id {
        Some(id) => klucznik_core::substitutions::service::mode::start(&ctx, id).await,
        None => klucznik_core::substitutions::service::mode::end_own(&ctx).await,
    };
    if let Err(e) = done {
        return app_error(&headers, e);
    }
    // The session as it is now: whose rights it uses.
    match klucznik_core::sessions::resolve::resolve(&state, &token, false).await {
        Ok(Some(who)) => {
            let user = |u: &klucznik_core::guard::UserRef| json!({"id": u.id, "login": u.login, "full_name": u.full_name});
            json_answer(
                &headers,
                json!({ "user": user(&who.native), "effective_user": user(&who.effective) }),
            )
        }
        Ok(None) => ended(&headers),
        Err(e) => internal(&headers, e),
    }
}
