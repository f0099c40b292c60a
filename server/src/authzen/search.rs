//! The three searches of AuthZEN 1.0: which subjects may do an action on a resource, which
//! resources of a type a subject may act on, which actions a subject may do on a resource.
//! Every result is one an evaluation would permit; unknown types give no results, not errors.

use super::{error, internal, json_answer, request, wire};
use app::guard::AppState;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use klucznik_core::decisions::{self, decide, decide_in, find_subject, Entity, Question, Subjects};
use serde_json::{json, Map, Value};

/// The most results one page carries.
pub const PAGE_MAX: usize = 1_000;

/// The results with the spec's `page` (`next_token` empty at the end) when one was asked for
/// or the results do not fit.
fn paged(headers: &HeaderMap, o: &Map<String, Value>, all: Vec<Value>) -> Response {
    let page = match wire::page(o) {
        Ok(p) => p,
        Err(bad) => return error(headers, StatusCode::BAD_REQUEST, &bad),
    };
    let asked = page.is_some();
    let (start, limit) = page.unwrap_or((0, PAGE_MAX));
    let total = all.len();
    let results: Vec<Value> = all.into_iter().skip(start).take(limit).collect();
    let end = start + results.len();
    let mut body = json!({ "results": results });
    if asked || end < total {
        let next = if end < total { format!("{end}.{}", wire::fingerprint(o)) } else { String::new() };
        body["page"] = json!({ "next_token": next, "count": end - start.min(end), "total": total });
    }
    json_answer(headers, body)
}

pub async fn subject(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let (caller, o) = match request(&state, &headers, &body).await {
        Ok(r) => r,
        Err(res) => return res,
    };
    let parsed = (|| {
        let subject = wire::entity(o.get("subject"), "subject", false)?;
        let action = wire::action(o.get("action"))?;
        let resource = wire::entity(o.get("resource"), "resource", true)?;
        wire::context(o.get("context"))?;
        Ok::<_, String>((subject, action, resource))
    })();
    let (subject, (action, action_properties), resource) = match parsed {
        Ok(p) => p,
        Err(bad) => return error(&headers, StatusCode::BAD_REQUEST, &bad),
    };
    let mut found = Vec::new();
    if subject.kind == "user" {
        let logins = match decisions::logins(&state, &caller).await {
            Ok(l) => l,
            Err(e) => return internal(&headers, e),
        };
        for login in logins {
            let q = Question {
                subject: Entity { kind: "user".into(), id: login.clone(), properties: Map::new() },
                action: action.clone(),
                action_properties: action_properties.clone(),
                resource: resource.clone(),
            };
            match decide(&state, &caller, &q).await {
                Ok(a) if a.decision => found.push(json!({ "type": "user", "id": login })),
                Ok(_) => {}
                Err(e) => return internal(&headers, e),
            }
        }
    }
    paged(&headers, &o, found)
}

pub async fn resource(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let (caller, o) = match request(&state, &headers, &body).await {
        Ok(r) => r,
        Err(res) => return res,
    };
    let parsed = (|| {
        let subject = wire::entity(o.get("subject"), "subject", true)?;
        let action = wire::action(o.get("action"))?;
        let resource = wire::entity(o.get("resource"), "resource", false)?;
        wire::context(o.get("context"))?;
        Ok::<_, String>((subject, action, resource))
    })();
    let (subject, (action, _), resource) = match parsed {
        Ok(p) => p,
        Err(bad) => return error(&headers, StatusCode::BAD_REQUEST, &bad),
    };
    // Klucznik knows the records of one module only: its own persons (its data rights).
    let mut found = Vec::new();
    if resource.kind == "persons" && caller.application == klucznik_core::clients::BUILT_IN_APPLICATION {
        let who = match find_subject(&state, &caller, &subject).await {
            Ok(w) => w,
            Err(e) => return internal(&headers, e),
        };
        if let (Some(who), Some(right)) =
            (who.filter(|w| w.may_work), decisions::right_of("persons", &action))
        {
            let persons = match decisions::persons(&state, &who).await {
                Ok(p) => p,
                Err(e) => return internal(&headers, e),
            };
            found = persons
                .into_iter()
                .filter(|&(person, unit)| decisions::may_on_person(&who, right, person, unit))
                .map(|(person, _)| json!({ "type": "persons", "id": person.to_string() }))
                .collect();
        }
    }
    paged(&headers, &o, found)
}

pub async fn action(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let (caller, o) = match request(&state, &headers, &body).await {
        Ok(r) => r,
        Err(res) => return res,
    };
    let parsed = (|| {
        let subject = wire::entity(o.get("subject"), "subject", true)?;
        let resource = wire::entity(o.get("resource"), "resource", true)?;
        wire::context(o.get("context"))?;
        Ok::<_, String>((subject, resource))
    })();
    let (subject, resource) = match parsed {
        Ok(p) => p,
        Err(bad) => return error(&headers, StatusCode::BAD_REQUEST, &bad),
    };
    let names = match decisions::action_names(&state, &caller, &resource.kind).await {
        Ok(n) => n,
        Err(e) => return internal(&headers, e),
    };
    let mut found = Vec::new();
    // One subject for every action: it is looked up once.
    let mut subjects = Subjects::new();
    for name in names {
        let q = Question {
            subject: subject.clone(),
            action: name.clone(),
            action_properties: Map::new(),
            resource: resource.clone(),
        };
        match decide_in(&state, &caller, &q, &mut subjects).await {
            Ok(a) if a.decision => found.push(json!({ "name": name })),
            Ok(_) => {}
            Err(e) => return internal(&headers, e),
        }
    }
    paged(&headers, &o, found)
}
