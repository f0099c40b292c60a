//! Decisions on a business application's own catalogue (issue 16): the resource type is one of
//! its modules, the action one of that module's operations or one of its permissions, decided
//! by the same engine over the application's `Spec` from the subject's grants of its rights
//! (rules 1–7 unchanged). A module marked `persons` also checks the person data rights.

use super::subject::{record_of, RecordRef};
use super::{data_allows, Answer, Found, Ground, Question};
use crate::applications::{repo, AppOp, AppRights};
use crate::catalogue::{DataOp, Op};
use crate::clients::repo::Caller;
use crate::error::AppError;
use crate::guard::CoreState;
use crate::rights::{Decision, Subject};
use std::collections::HashMap;
use std::sync::Arc;

/// The application decision, kept for its explanation.
#[derive(Clone, Debug)]
pub struct AppDecision {
    pub rights: Arc<AppRights>,
    pub index: u32,
    pub decision: Decision,
}

impl PartialEq for AppDecision {
    fn eq(&self, other: &Self) -> bool {
        self.index == other.index
            && self.decision == other.decision
            && self.rights.catalogue == other.rights.catalogue
    }
}

/// The caller's catalogue and its subjects, looked up once per request.
#[derive(Default)]
pub struct Memo {
    rights: Option<Option<Arc<AppRights>>>,
    subjects: HashMap<(i64, i64), Arc<Subject>>,
}

async fn rights_of(
    state: &CoreState,
    caller: &Caller,
    memo: &mut Memo,
) -> Result<Option<Arc<AppRights>>, AppError> {
    if memo.rights.is_none() {
        memo.rights = Some(repo::rights(state.store(), caller.scope(), &caller.application).await?);
    }
    Ok(memo.rights.clone().flatten())
}

/// The data operation an application's operation is checked as on a person's record.
fn data_op(op: &AppOp) -> DataOp {
    match op {
        AppOp::Standard(Op::View) => DataOp::View,
        AppOp::Standard(Op::Create) => DataOp::Create,
        AppOp::Standard(Op::Delete) => DataOp::Delete,
        _ => DataOp::Edit,
    }
}

pub async fn decide(
    state: &CoreState,
    caller: &Caller,
    q: &Question,
    found: Found,
    memo: &mut Memo,
) -> Result<Answer, AppError> {
    let Some(rights) = rights_of(state, caller, memo).await? else {
        return Ok(Answer::no(Ground::UnknownResource, Some(found)));
    };
    let Some(module) = rights.catalogue.module(&q.resource.kind) else {
        return Ok(Answer::no(Ground::UnknownResource, Some(found)));
    };
    let op = module.operations.iter().find(|o| o.key() == q.action);
    let index = match op {
        Some(op) => rights.index(&format!("{}.{}", module.key, op.key())),
        None => rights.index(&format!("perm.{}", q.action)),
    };
    let Some(index) = index else {
        return Ok(Answer::no(Ground::UnknownAction, Some(found)));
    };
    let key = (found.user_id, found.home.id());
    let subject = match memo.subjects.get(&key) {
        Some(s) => s.clone(),
        None => {
            let (admin, own, roles) =
                repo::holder_rows(state.store(), found.user_id, found.home, &rights.catalogue.key).await?;
            let s = Arc::new(rights.subject(admin, &own, &roles));
            memo.subjects.insert(key, s.clone());
            s
        }
    };
    let decision = subject.decide(rights.spec(), index);
    let mut answer = Answer {
        decision: decision.allowed,
        ground: Ground::Rights,
        right: None,
        data: None,
        subject: None,
        app: Some(AppDecision { rights: rights.clone(), index, decision }),
    };
    if let (true, Some(op)) = (module.persons, op) {
        match record_of(state, &found, &q.resource, false).await? {
            RecordRef::None => {}
            RecordRef::Unknown => return Ok(Answer::no(Ground::UnknownRecord, Some(found))),
            RecordRef::Known(record) => {
                let op = data_op(op);
                answer.decision = answer.decision && data_allows(&found.rights, op, record);
                answer.data = Some((op, record));
            }
        }
    }
    answer.subject = Some(found);
    Ok(answer)
}

/// The operations of the application's module `kind` and the application's permissions.
pub async fn action_names(state: &CoreState, caller: &Caller, kind: &str) -> Result<Vec<String>, AppError> {
    let Some(rights) = rights_of(state, caller, &mut Memo::default()).await? else {
        return Ok(Vec::new());
    };
    let Some(module) = rights.catalogue.module(kind) else {
        return Ok(Vec::new());
    };
    let mut names: Vec<String> = module.operations.iter().map(|o| o.key().to_string()).collect();
    names.extend(rights.catalogue.permissions.iter().map(|p| p.key.clone()));
    Ok(names)
}
