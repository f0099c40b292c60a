//! Changing one's own password: the current one is checked (and failures throttled like
//! sign-ins, under a counter of their own so that nobody holding a session can lock the
//! sign-in out), the new one against the policy; other sessions may be ended with it, and the
//! session itself gets a new token.

use super::policy::check_new_password;
use super::{throttle, AuthT};
use crate::audit::{self, Entry};
use crate::error::{AppError, Checks, Message};
use crate::events::EndReason;
use crate::guard::Ctx;
use crate::sessions::ending;

/// Answers the session's new token (the old one no longer opens it).
pub async fn change_own(
    ctx: &Ctx,
    current: &str,
    new: &str,
    confirm: &str,
    end_other_sessions: bool,
) -> Result<String, AppError> {
    let store = ctx.store();
    let user_id = ctx.who.native.id;
    let (login, hash) = crate::auth::repo::login_and_hash(store, user_id.get()).await?;
    let keys = [throttle::password_change_key(user_id.get())];

    // Field checks first: a form with a bad new password costs no attempt.
    let mut checks = Checks::new();
    let policy = crate::users::service::policy_of(store, ctx.who.home_scope(), user_id.get()).await?;
    check_new_password(&policy, &login, new, confirm, &mut checks);
    if !checks.has("new_password") && new == current {
        checks.add("new_password", AuthT::NewPassword, Message::new(AuthT::PasswordUnchanged));
    }
    if current.chars().count() > super::policy::PASSWORD_MAX {
        let mut wrong = Checks::new();
        wrong.add("current_password", AuthT::CurrentPassword, Message::new(AuthT::CurrentPasswordWrong));
        return wrong.finish().map(|()| String::new());
    }
    if let Some(seconds) = throttle::attempt(store, &keys).await? {
        return Err(AppError::Throttled { seconds });
    }
    let correct = ctx.state().hasher().verify(current, hash.as_deref()).await?;
    throttle::finish(store, &keys, correct).await?;
    if !correct {
        let mut tx = store.begin().await?;
        audit::record(
            &mut tx,
            &ctx.actor(),
            Entry::new("password.change_failed").object("user", user_id.get()),
        )
        .await?;
        tx.commit().await?;
        let mut wrong = Checks::new();
        wrong.add("current_password", AuthT::CurrentPassword, Message::new(AuthT::CurrentPasswordWrong));
        return wrong.finish().map(|()| String::new());
    }
    checks.finish()?;

    let new_hash = ctx.state().hasher().hash(new).await?;
    let mut tx = store.begin().await?;
    crate::auth::repo::set_own_password(&mut tx, user_id.get(), &new_hash).await?;
    // A new token for this session: whoever copied the old cookie is out.
    let token = crate::auth::token::new_token();
    crate::auth::repo::replace_token(
        &mut tx,
        ctx.who.session_id.get(),
        &crate::auth::token::hash_token(&token),
    )
    .await?;
    let mut ended = 0;
    if end_other_sessions {
        let (by, except) = (ctx.actor(), Some(ctx.who.session_id.get()));
        ended = ending::end_all_of(&mut tx, &by, user_id.get(), except, EndReason::PasswordChanged).await?;
    }
    let detail = format!("other sessions ended: {ended}");
    audit::record(
        &mut tx,
        &ctx.actor(),
        Entry::new("password.change").object("user", user_id.get()).detail(detail),
    )
    .await?;
    tx.commit().await?;
    Ok(token)
}
