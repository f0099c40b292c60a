//! Why a decision came out as it did, in the caller's language: the seeds' states (allowed or
//! denied, directly or by which role, not granted, needing another right) as the rights
//! editors say them (docs/INTEGRATION.md "Explanations").

use super::{Answer, Ground, Record};
use crate::error::AppError;
use crate::guard::CoreState;
use crate::i18n::{fill, Lang, Text};
use crate::rights::{RightT, Source};
use serde_json::{json, Value};

/// The explanation of `answer` as a JSON object: `ground`, and for a decision by rights the
/// `source` (`administrator`, `user`, `role`, `not_granted`, `needs`, `as`), the role or right
/// it names, and `text`.
pub async fn explain(state: &CoreState, answer: &Answer, lang: Lang) -> Result<Value, AppError> {
    let mut out = json!({ "ground": answer.ground.key() });
    let (Ground::Rights, Some(found)) = (answer.ground, &answer.subject) else {
        return Ok(out);
    };
    let store = state.store();
    // The decision, the asked right's key and how other rights of its catalogue are named.
    let (d, key, right_name): (_, String, Box<dyn Fn(u32) -> String + Send + Sync>) =
        match (&answer.app, answer.right) {
            (Some(app), _) => {
                let rights = app.rights.clone();
                (
                    app.decision,
                    rights.key(app.index).to_string(),
                    Box::new(move |i| rights.key(i).to_string()),
                )
            }
            (None, Some(right)) => {
                let subject = crate::rights::repo::load_subject(store, found.user_id, found.home).await?;
                (
                    subject.decide_right(right),
                    right.key(),
                    Box::new(|i| crate::catalogue::Right::at(i as usize).key()),
                )
            }
            (None, None) => return Ok(out),
        };
    let (source, text) = match (d.source, d.allowed) {
        (Source::Administrator, _) => {
            ("administrator".to_string(), RightT::AllowedAdministrator.text(lang).to_string())
        }
        (Source::User, true) => ("user".into(), RightT::AllowedDirectly.text(lang).into()),
        (Source::User, false) => ("user".into(), RightT::DeniedDirectly.text(lang).into()),
        (Source::Role(id), allowed) => {
            let name = super::repo::role_name(store, id).await?.unwrap_or_default();
            out["role"] = json!(name);
            let key = if allowed { RightT::AllowedByRole } else { RightT::DeniedByRole };
            ("role".into(), fill(key.text(lang), &[("role".into(), name)]))
        }
        (Source::NotGranted, _) => ("not_granted".into(), RightT::NotGranted.text(lang).into()),
        (Source::Needs(i), _) => {
            out["needs"] = json!(right_name(i));
            ("needs".into(), fill(RightT::NeedsRight.text(lang), &[("right".into(), right_name(i))]))
        }
        (Source::Follows(i), _) => {
            out["as"] = json!(right_name(i));
            ("as".into(), fill(RightT::AsRight.text(lang), &[("right".into(), right_name(i))]))
        }
        (Source::ViewMissing, _) => ("view_missing".into(), RightT::ViewMissing.text(lang).into()),
    };
    out["right"] = json!(key);
    out["source"] = json!(source);
    out["text"] = json!(text);
    if let Some((op, record)) = answer.data {
        let allowed = match record {
            Record::Person { person, unit } => found.rights.data(op, person, unit),
            Record::Unit(unit) => found.rights.data_in_unit(op, unit),
        };
        out["data"] = json!({ "operation": op.key(), "allowed": allowed });
    }
    Ok(out)
}
