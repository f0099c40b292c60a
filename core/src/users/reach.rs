//! Rule 6 on the user card (docs/ARCHITECTURE.md): status, login, e-mail, sign-in secrets, the password
//! policy and the linked person bear on what a user can reach. Another user's are changed only
//! by someone who holds every right that user holds; one's own only by an administrator (one's
//! own password through the self-service change, with the current one).

use super::{SecretChange, UserCard, UserInput, UserT};
use crate::error::AppError;
use crate::guard::Ctx;

/// Whether an edit touches what rule 6 guards (roles have their own check).
pub fn sensitive(before: &UserCard, input: &UserInput) -> bool {
    let person = before.person.as_ref().map(|p| p.id);
    before.active != input.active
        || before.blocked != input.blocked
        || before.valid_from != input.valid_from.trim()
        || before.valid_to != input.valid_to.trim()
        || before.login != input.login.trim()
        || before.email != input.email.trim()
        || person != input.person_id
        || input.pin != SecretChange::Keep
        || input.card != SecretChange::Keep
        || before.pw_own_policy != input.pw_own_policy
        || (input.pw_own_policy
            && (before.pw_strong != input.pw_strong
                || before.pw_max_age_days != input.pw_max_age_days.trim()))
        || before.must_change_password != input.must_change_password
        || (before.shared_password != input.shared_password && before.kind == super::UserKind::Universal)
}

/// Whether `user` is the caller (at the keyboard, or worked for in a substitution).
pub fn is_own(ctx: &Ctx, user: i64) -> bool {
    user == ctx.who.native.id.get() || user == ctx.who.effective.id.get()
}

/// Refuses an edit of `before` that rule 6 does not allow the caller.
pub async fn may_edit(ctx: &Ctx, before: &UserCard, input: &UserInput) -> Result<(), AppError> {
    if ctx.who.rights.administrator || !sensitive(before, input) {
        return Ok(());
    }
    if is_own(ctx, before.id) {
        return Err(AppError::refused(UserT::OwnGuarded));
    }
    crate::rights::outrank::may_act_on(ctx, before.id).await?;
    let person = before.person.as_ref().map(|p| p.id);
    if person != input.person_id {
        // The new person brings its subordinates: the user may not end up above the caller.
        crate::rights::outrank::may_act_on_linked(ctx, before.id, input.person_id).await?;
    }
    Ok(())
}

/// Refuses setting a password the admin way on oneself, or on someone who holds more.
pub async fn may_set_password(ctx: &Ctx, user: i64) -> Result<(), AppError> {
    if is_own(ctx, user) {
        return Err(AppError::refused(UserT::OwnPasswordInProfile));
    }
    crate::rights::outrank::may_act_on(ctx, user).await
}
