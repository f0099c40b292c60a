//! The JSON of the AuthZEN Authorization API 1.0 (HTTPS binding): reading subjects, actions
//! and resources strictly (a missing or mistyped required field is a 400), ignoring unknown
//! members, and the default-merging of the batch endpoint (docs/INTEGRATION.md).

use klucznik_core::decisions::{Entity, Question};
use serde_json::{Map, Value};

/// A request the binding refuses with 400; the text names the member.
pub type Bad = String;

fn properties(v: &Map<String, Value>, what: &str) -> Result<Map<String, Value>, Bad> {
    match v.get("properties") {
        None | Some(Value::Null) => Ok(Map::new()),
        Some(Value::Object(p)) => Ok(p.clone()),
        Some(_) => Err(format!("{what}.properties must be an object")),
    }
}

/// A subject or resource: `type` and, where `need_id`, `id` (strings); `properties` optional.
pub fn entity(v: Option<&Value>, what: &str, need_id: bool) -> Result<Entity, Bad> {
    let Some(v) = v else { return Err(format!("{what} is required")) };
    let Value::Object(o) = v else { return Err(format!("{what} must be an object")) };
    let kind = match o.get("type") {
        Some(Value::String(s)) if !s.is_empty() => s.clone(),
        Some(Value::String(_)) | None => return Err(format!("{what}.type is required")),
        Some(_) => return Err(format!("{what}.type must be a string")),
    };
    // The searched entity's id is ignored, whatever it is (the spec's search rules).
    let id = match o.get("id") {
        _ if !need_id => String::new(),
        Some(Value::String(s)) if !s.is_empty() => s.clone(),
        Some(Value::String(_)) | None | Some(Value::Null) => return Err(format!("{what}.id is required")),
        Some(_) => return Err(format!("{what}.id must be a string")),
    };
    Ok(Entity { kind, id, properties: properties(o, what)? })
}

/// An action: `name` (a string), `properties` optional.
pub fn action(v: Option<&Value>) -> Result<(String, Map<String, Value>), Bad> {
    let Some(v) = v else { return Err("action is required".into()) };
    let Value::Object(o) = v else { return Err("action must be an object".into()) };
    let name = match o.get("name") {
        Some(Value::String(s)) if !s.is_empty() => s.clone(),
        Some(Value::String(_)) | None => return Err("action.name is required".into()),
        Some(_) => return Err("action.name must be a string".into()),
    };
    Ok((name, properties(o, "action")?))
}

/// The request's `context`, if it is an object.
pub fn context(v: Option<&Value>) -> Result<Map<String, Value>, Bad> {
    match v {
        None | Some(Value::Null) => Ok(Map::new()),
        Some(Value::Object(c)) => Ok(c.clone()),
        Some(_) => Err("context must be an object".into()),
    }
}

/// One complete question and its context.
pub fn question(o: &Map<String, Value>) -> Result<(Question, Map<String, Value>), Bad> {
    let subject = entity(o.get("subject"), "subject", true)?;
    let (action, action_properties) = action(o.get("action"))?;
    let resource = entity(o.get("resource"), "resource", true)?;
    Ok((Question { subject, action, action_properties, resource }, context(o.get("context"))?))
}

/// A batch item with the top-level defaults: a member the item names replaces the default
/// whole (the properties of the two are not merged).
pub fn merged(defaults: &Map<String, Value>, item: &Value) -> Result<Map<String, Value>, Bad> {
    let Value::Object(item) = item else { return Err("each evaluation must be an object".into()) };
    let mut out = Map::new();
    for key in ["subject", "action", "resource", "context"] {
        // A member that is null is absent (I-JSON): the default applies.
        let own = item.get(key).filter(|v| !v.is_null());
        if let Some(v) = own.or_else(|| defaults.get(key).filter(|v| !v.is_null())) {
            out.insert(key.to_string(), v.clone());
        }
    }
    Ok(out)
}

/// The batch's top-level defaults, each checked when it is there.
pub fn defaults(o: &Map<String, Value>) -> Result<(), Bad> {
    let present = |key: &str| o.get(key).filter(|v| !v.is_null());
    if let Some(v) = present("subject") {
        entity(Some(v), "subject", true)?;
    }
    if let Some(v) = present("action") {
        action(Some(v))?;
    }
    if let Some(v) = present("resource") {
        entity(Some(v), "resource", true)?;
    }
    context(o.get("context"))?;
    Ok(())
}

/// How a batch runs (`options.evaluations_semantic`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Semantic {
    ExecuteAll,
    DenyOnFirstDeny,
    PermitOnFirstPermit,
}

pub fn semantic(o: &Map<String, Value>) -> Result<Semantic, Bad> {
    let options = match o.get("options") {
        None | Some(Value::Null) => return Ok(Semantic::ExecuteAll),
        Some(Value::Object(options)) => options,
        Some(_) => return Err("options must be an object".into()),
    };
    match options.get("evaluations_semantic") {
        None | Some(Value::Null) => Ok(Semantic::ExecuteAll),
        Some(Value::String(s)) => match s.as_str() {
            "execute_all" => Ok(Semantic::ExecuteAll),
            "deny_on_first_deny" => Ok(Semantic::DenyOnFirstDeny),
            "permit_on_first_permit" => Ok(Semantic::PermitOnFirstPermit),
            other => Err(format!("options.evaluations_semantic {other:?} is not one of execute_all, deny_on_first_deny, permit_on_first_permit")),
        },
        Some(_) => Err("options.evaluations_semantic must be a string".into()),
    }
}

/// What a page token is bound to: the request without its `page`, and the page's `limit` (the
/// spec: a follow-up must repeat the request that gave the token).
pub fn fingerprint(o: &Map<String, Value>) -> String {
    use std::hash::{Hash, Hasher};
    let mut rest = o.clone();
    let limit = rest.remove("page").and_then(|p| p.get("limit").cloned()).unwrap_or(Value::Null);
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (Value::Object(rest).to_string(), limit.to_string()).hash(&mut h);
    format!("{:016x}", h.finish())
}

/// A search's `page`: where to start (the previous `next_token`, `offset.fingerprint`) and how
/// many at most.
pub fn page(o: &Map<String, Value>) -> Result<Option<(usize, usize)>, Bad> {
    let page = match o.get("page") {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Object(p)) => p,
        Some(_) => return Err("page must be an object".into()),
    };
    let start = match page.get("token") {
        None | Some(Value::Null) => 0,
        Some(Value::String(t)) if t.is_empty() => 0,
        Some(Value::String(t)) => {
            let foreign = || "page.token is not a token this PDP gave for this request".to_string();
            let (offset, bound) = t.split_once('.').ok_or_else(foreign)?;
            if bound != fingerprint(o) {
                return Err(foreign());
            }
            offset.parse().map_err(|_| foreign())?
        }
        Some(_) => return Err("page.token must be a string".into()),
    };
    let limit = match page.get("limit") {
        None | Some(Value::Null) => super::search::PAGE_MAX,
        Some(Value::Number(n)) => match n.as_u64() {
            // No limit at all, not pages of nothing (which a client following tokens would
            // never get to the end of).
            Some(0) => super::search::PAGE_MAX,
            Some(n) => (n as usize).min(super::search::PAGE_MAX),
            None => return Err("page.limit must be a non-negative integer".into()),
        },
        Some(_) => return Err("page.limit must be a non-negative integer".into()),
    };
    Ok(Some((start, limit)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn required_members_and_their_types_are_checked() {
        assert!(entity(Some(&json!({"type": "user", "id": "alice", "extra": 1})), "subject", true).is_ok());
        assert_eq!(entity(None, "subject", true).unwrap_err(), "subject is required");
        assert_eq!(entity(Some(&json!("alice")), "subject", true).unwrap_err(), "subject must be an object");
        assert_eq!(
            entity(Some(&json!({"type": "user"})), "subject", true).unwrap_err(),
            "subject.id is required"
        );
        assert!(entity(Some(&json!({"type": "user"})), "subject", false).is_ok());
        assert!(
            entity(Some(&json!({"type": "user", "id": 7})), "subject", false).is_ok(),
            "a searched id is ignored"
        );
        assert_eq!(
            entity(Some(&json!({"type": "user", "id": 7})), "subject", true).unwrap_err(),
            "subject.id must be a string"
        );
        assert_eq!(action(Some(&json!({"name": 123}))).unwrap_err(), "action.name must be a string");
        assert_eq!(action(Some(&json!({}))).unwrap_err(), "action.name is required");
    }

    #[test]
    fn batch_items_replace_defaults_whole() {
        let defaults = json!({"subject": {"type": "user", "id": "a"}, "resource": {"type": "users", "id": "1", "properties": {"x": 1}}});
        let item = json!({"resource": {"type": "users", "id": "2"}});
        let m = merged(defaults.as_object().unwrap(), &item).unwrap();
        assert_eq!(m["subject"], json!({"type": "user", "id": "a"}));
        assert_eq!(m["resource"], json!({"type": "users", "id": "2"}));
        assert!(m.get("action").is_none());
        let nulls = merged(defaults.as_object().unwrap(), &json!({"subject": null})).unwrap();
        assert_eq!(nulls["subject"], json!({"type": "user", "id": "a"}), "null is absent");
        assert!(defaults_ok(json!({"action": "read"})).is_err());
        assert!(defaults_ok(json!({"subject": {"type": "user"}})).is_err());
        assert!(defaults_ok(json!({"context": 5})).is_err());
        assert!(defaults_ok(json!({"action": {"name": "read"}})).is_ok());
    }

    fn defaults_ok(v: Value) -> Result<(), Bad> {
        defaults(v.as_object().unwrap())
    }

    #[test]
    fn semantics_and_pages_are_read() {
        let o = json!({"options": {"evaluations_semantic": "deny_on_first_deny", "other": true}});
        assert_eq!(semantic(o.as_object().unwrap()).unwrap(), Semantic::DenyOnFirstDeny);
        assert!(semantic(json!({"options": {"evaluations_semantic": "maybe"}}).as_object().unwrap()).is_err());
        let first = json!({"subject": {"type": "user"}, "page": {"limit": 2}});
        let token = format!("4.{}", fingerprint(first.as_object().unwrap()));
        let next = json!({"subject": {"type": "user"}, "page": {"limit": 2, "token": token}});
        assert_eq!(page(next.as_object().unwrap()).unwrap(), Some((4, 2)));
        let changed = json!({"subject": {"type": "robot"}, "page": {"limit": 2, "token": token}});
        assert!(page(changed.as_object().unwrap()).is_err(), "another request's token");
        assert!(page(json!({"page": {"limit": 2, "token": "4"}}).as_object().unwrap()).is_err());
        let no_limit = json!({"page": {"limit": 0}});
        assert_eq!(page(no_limit.as_object().unwrap()).unwrap(), Some((0, super::super::search::PAGE_MAX)));
        assert!(page(json!({"page": {"token": "zz"}}).as_object().unwrap()).is_err());
    }
}
