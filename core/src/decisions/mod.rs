//! Decisions for business applications (issue 16, docs/INTEGRATION.md "Decisions"): "may this
//! subject do this action on this resource?", answered by the same resolver and snapshots as
//! the console (docs/ARCHITECTURE.md "How a rights decision is made"), for the main account of the asking
//! client and its sub-accounts. The HTTP binding (AuthZEN) is the server's; this module knows
//! only subjects, actions and resources.

mod app;
mod explain;
pub(crate) mod repo;
#[cfg(test)]
mod scope_tests;
mod subject;

pub use explain::explain;
pub use subject::{find_subject, Found};

use crate::catalogue::{DataOp, Module, Op, Permission, Right};
use crate::clients::repo::Caller;
use crate::guard::CoreState;
use crate::rights::Snapshot;
use serde_json::{Map, Value};
use std::sync::Arc;

/// A subject, action or resource as the caller named it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Entity {
    pub kind: String,
    pub id: String,
    pub properties: Map<String, Value>,
}

/// One question.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Question {
    pub subject: Entity,
    /// The action's name (`kind` and `properties` of an `Entity` are unused for it).
    pub action: String,
    pub action_properties: Map<String, Value>,
    pub resource: Entity,
}

/// Why a decision is `false` before any right was looked at, or what decided it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ground {
    /// The rights of the subject decided (`explain` says how).
    Rights,
    UnknownSubject,
    /// The user may not work now: inactive, blocked, outside their validity, account inactive.
    SubjectBarred,
    UnknownAction,
    UnknownResource,
    /// The record's person, unit or owner named in the resource's properties is not known.
    UnknownRecord,
}

impl Ground {
    pub fn key(self) -> &'static str {
        match self {
            Ground::Rights => "rights",
            Ground::UnknownSubject => "unknown_subject",
            Ground::SubjectBarred => "subject_barred",
            Ground::UnknownAction => "unknown_action",
            Ground::UnknownResource => "unknown_resource",
            Ground::UnknownRecord => "unknown_record",
        }
    }
}

/// A decision with what decided it.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    pub decision: bool,
    pub ground: Ground,
    /// The right the question came to (for explanations).
    pub right: Option<Right>,
    pub data: Option<(DataOp, Record)>,
    pub subject: Option<Found>,
    /// For a business application's catalogue: its rights, the right asked and the decision.
    pub app: Option<app::AppDecision>,
}

impl Answer {
    fn no(ground: Ground, subject: Option<Found>) -> Answer {
        Answer { decision: false, ground, right: None, data: None, subject, app: None }
    }
}

/// The record a data right is checked on: a person, or a unit (a new record there).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Record {
    Person { person: i64, unit: i64 },
    Unit(i64),
}

/// What the action names: an operation of the resource's module, or a named permission.
pub fn right_of(module_key: &str, action: &str) -> Option<Right> {
    if let Some(p) = Permission::ALL.into_iter().find(|p| p.key() == action) {
        return Some(Right::Perm(p));
    }
    match Right::parse(&format!("{module_key}.{action}")) {
        Some(r @ Right::Op(..)) => Some(r),
        _ => None,
    }
}

/// Whether `module_key` is a module of the catalogue (a resource type).
pub fn is_module(key: &str) -> bool {
    crate::catalogue::MODULES.iter().any(|m| m.key == key)
}

/// What one request already looked up: subjects (a batch names the same few again and again),
/// the caller's application catalogue and its subjects' grants. Never kept beyond the request,
/// so every request sees the latest rights and catalogue.
#[derive(Default)]
pub struct Subjects {
    found: std::collections::HashMap<(String, String), Option<Found>>,
    app: app::Memo,
}

impl Subjects {
    pub fn new() -> Subjects {
        Subjects::default()
    }
}

/// Decides one question for `caller`. Never an error for what the caller named: an unknown
/// subject, action, resource type or record is `false` with its ground.
pub async fn decide(
    state: &CoreState,
    caller: &Caller,
    q: &Question,
) -> Result<Answer, crate::error::AppError> {
    decide_in(state, caller, q, &mut Subjects::new()).await
}

/// As `decide`, finding each subject once per `subjects`.
pub async fn decide_in(
    state: &CoreState,
    caller: &Caller,
    q: &Question,
    subjects: &mut Subjects,
) -> Result<Answer, crate::error::AppError> {
    let key = (q.subject.kind.clone(), q.subject.id.clone());
    let found = match subjects.found.get(&key) {
        Some(found) => found.clone(),
        None => {
            let found = find_subject(state, caller, &q.subject).await?;
            subjects.found.insert(key, found.clone());
            found
        }
    };
    let Some(found) = found else {
        return Ok(Answer::no(Ground::UnknownSubject, None));
    };
    if !found.may_work {
        return Ok(Answer::no(Ground::SubjectBarred, Some(found)));
    }
    if caller.application != crate::clients::BUILT_IN_APPLICATION {
        return app::decide(state, caller, q, found, &mut subjects.app).await;
    }
    if !is_module(&q.resource.kind) {
        return Ok(Answer::no(Ground::UnknownResource, Some(found)));
    }
    let Some(right) = right_of(&q.resource.kind, &q.action) else {
        return Ok(Answer::no(Ground::UnknownAction, Some(found)));
    };
    let rights = found.rights.clone();
    let mut answer = Answer {
        decision: rights.allows(right),
        ground: Ground::Rights,
        right: Some(right),
        data: None,
        subject: None,
        app: None,
    };
    if let Some(op) = data_op(right) {
        match subject::record_of(state, &found, &q.resource, true).await? {
            subject::RecordRef::None => {}
            subject::RecordRef::Unknown => return Ok(Answer::no(Ground::UnknownRecord, Some(found))),
            subject::RecordRef::Known(record) => {
                answer.decision = answer.decision && data_allows(&rights, op, record);
                answer.data = Some((op, record));
            }
        }
    }
    answer.subject = Some(found);
    Ok(answer)
}

/// The data operation an operation on the persons module is checked against per record.
fn data_op(right: Right) -> Option<DataOp> {
    match right {
        Right::Op(Module::Persons, op) => match op {
            Op::View => Some(DataOp::View),
            Op::Create => Some(DataOp::Create),
            Op::Edit => Some(DataOp::Edit),
            Op::Delete => Some(DataOp::Delete),
            _ => None,
        },
        _ => None,
    }
}

pub(crate) fn data_allows(rights: &Arc<Snapshot>, op: DataOp, record: Record) -> bool {
    match record {
        Record::Person { person, unit } => rights.data(op, person, unit),
        Record::Unit(unit) => rights.data_in_unit(op, unit),
    }
}

/// The actions a resource type offers the caller: its module's operations and the named
/// permissions of the caller's application.
pub async fn action_names(
    state: &CoreState,
    caller: &Caller,
    kind: &str,
) -> Result<Vec<String>, crate::error::AppError> {
    if caller.application != crate::clients::BUILT_IN_APPLICATION {
        return app::action_names(state, caller, kind).await;
    }
    let mut names = Vec::new();
    if let Some(module) = crate::catalogue::MODULES.iter().find(|m| m.key == kind) {
        names.extend(module.ops.iter().map(|op| op.key().to_string()));
        names.extend(Permission::ALL.iter().map(|p| p.key().to_string()));
    }
    Ok(names)
}

/// The logins of the users of the caller's main account and its sub-accounts (subject search).
pub async fn logins(state: &CoreState, caller: &Caller) -> Result<Vec<String>, crate::error::AppError> {
    repo::logins(state.store(), caller.scope()).await
}

/// The persons of the account the subject works in (resource search of the persons module).
pub async fn persons(state: &CoreState, found: &Found) -> Result<Vec<(i64, i64)>, crate::error::AppError> {
    repo::persons(state.store(), found.scope).await
}

/// Whether the subject may do `op` on this person (the data right and the module right).
pub fn may_on_person(found: &Found, right: Right, person: i64, unit: i64) -> bool {
    found.rights.allows(right) && data_op(right).is_none_or(|op| found.rights.data(op, person, unit))
}
