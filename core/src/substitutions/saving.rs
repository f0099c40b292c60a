//! Saving a substitution under seed 003's rules: both people in the account, the author's scope
//! (the three permissions), eligible people, a begun substitution only extended, and rule 6 —
//! the substitute gains nothing the author does not hold (docs/ARCHITECTURE.md "How a rights
//! decision is made").

use super::repo;
use super::{SubInput, SubState, SubT, Substitution};
use crate::error::{AppError, Message};
use crate::guard::Ctx;
use crate::store::Tx;
use crate::time::{day_end_ms, day_start_ms};

/// Saves a substitution under the seed's rules; answers its id and the record before.
pub async fn save(tx: &mut Tx, ctx: &Ctx, input: &SubInput) -> Result<(i64, Option<Substitution>), AppError> {
    let account = ctx.scope();
    let (absent, substitute) = (input.absent_id.unwrap_or_default(), input.substitute_id.unwrap_or_default());
    let facts = repo::save_facts(tx, &ctx.who, input).await?;
    input.check(&facts.today).finish()?;
    let (zone, scope, before) = (facts.zone, facts.scope, facts.before);
    if let Some(b) = &before {
        if !scope.covers(b.item.absent_id) {
            return Err(AppError::Forbidden);
        }
        crate::store::expect_version(b.item.version, input.version)?;
        if b.item.state == SubState::Finished {
            return Err(AppError::refused(SubT::Finished));
        }
    }
    let same_people =
        before.as_ref().is_some_and(|b| b.item.absent_id == absent && b.item.substitute_id == substitute);
    if !same_people {
        if !scope.covers(absent) {
            return Err(AppError::invalid("absent_id", SubT::Absent, Message::new(SubT::NotYours)));
        }
        if !facts.absent_choosable {
            return Err(AppError::invalid("absent_id", SubT::Absent, Message::new(SubT::NotEligible)));
        }
        if !facts.substitute_choosable {
            return Err(AppError::invalid(
                "substitute_id",
                SubT::Substitute,
                Message::new(SubT::NotEligible),
            ));
        }
    }
    if let Some(b) = before.as_ref().filter(|b| b.item.started) {
        // Begun: only a later end and the active switch may change.
        let i = &b.item;
        if !same_people
            || i.from_day != input.from_day.trim()
            || i.forward_email != input.forward_email
            || input.to_day.trim() < i.to_day.as_str()
        {
            return Err(AppError::refused(SubT::OnlyExtend));
        }
    }
    // Rule 6: the substitute may not gain, by working as the absent user, rights the author
    // of the substitution does not hold.
    if !crate::rights::outrank::covers_gain(ctx.store(), &ctx.who.rights, absent, substitute, account).await?
    {
        return Err(AppError::refused(crate::rights::RightT::GainsMore));
    }
    let bad_day = |field: &str, label: SubT| {
        AppError::invalid(field, label, Message::new(crate::i18n::CommonT::FieldBadDate))
    };
    let starts_at =
        day_start_ms(input.from_day.trim(), &zone).ok_or_else(|| bad_day("from_day", SubT::FromDay))?;
    let ends_at = day_end_ms(input.to_day.trim(), &zone).ok_or_else(|| bad_day("to_day", SubT::ToDay))?;
    let row = repo::Row {
        account,
        absent,
        substitute,
        input,
        starts_at,
        ends_at,
        created_by: ctx.who.native.id.get(),
        vouched_by: ctx.who.effective.id.get(),
    };
    let id = repo::write(tx, &row).await?;
    Ok((id, before.map(|b| b.item)))
}
