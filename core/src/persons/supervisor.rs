//! Rule 6 for the supervisor relation (docs/ARCHITECTURE.md): whoever stands above a person — directly
//! or higher up — reaches that person's users through the subordinates' data rights and
//! substitutions. So an editor may not put under themselves someone who holds more than they
//! do.

use crate::error::AppError;
use crate::guard::Ctx;
use crate::persons::repo::chain;
use std::collections::HashSet;

/// Longest supervisor chain walked (the store refuses circles; this bounds a damaged one).
const CHAIN_MAX: usize = 10_000;

/// Refuses making `supervisor` the supervisor of `person` when that places, under the caller's
/// own person, a user who holds rights the caller does not.
pub async fn may_place(ctx: &Ctx, person: i64, supervisor: Option<i64>) -> Result<(), AppError> {
    let Some(supervisor) = supervisor else { return Ok(()) };
    if ctx.who.rights.administrator {
        return Ok(());
    }
    let (store, account) = (ctx.store(), ctx.scope());
    let mine = chain::person_of_user(store, ctx.who.effective.id.get()).await?;
    let Some(mine) = mine else { return Ok(()) };
    let mut above = Some(supervisor);
    let mut seen = HashSet::new();
    let mut under_me = false;
    while let Some(p) = above {
        if p == mine {
            under_me = true;
            break;
        }
        if !seen.insert(p) || seen.len() > CHAIN_MAX {
            break;
        }
        above = chain::supervisor_of(store, p, account).await?;
    }
    if !under_me {
        return Ok(());
    }
    // The users of the person and of everyone under them come under the caller.
    let users = chain::users_under(store, person, account).await?;
    crate::rights::outrank::may_act_on_all(ctx, &users).await
}
