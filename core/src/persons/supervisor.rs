//! Rule 6 for the supervisor relation (docs/ARCHITECTURE.md): whoever stands above a person — directly
//! or higher up — reaches that person's users through the subordinates' data rights and
//! substitutions. So an editor may not put under themselves someone who holds more than they
//! do.

use crate::error::AppError;
use crate::guard::Ctx;
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
    let reader = ctx.store().reader();
    let mine: Option<i64> = sqlx::query_scalar("SELECT person_id FROM users WHERE id = $1")
        .bind(ctx.who.effective.id)
        .fetch_optional(reader)
        .await?
        .flatten();
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
        above = sqlx::query_scalar("SELECT supervisor_id FROM persons WHERE id = $1 AND account_id = $2")
            .bind(p)
            .bind(ctx.who.account.id)
            .fetch_optional(reader)
            .await?
            .flatten();
    }
    if !under_me {
        return Ok(());
    }
    // The users of the person and of everyone under them come under the caller.
    let users: Vec<i64> = sqlx::query_scalar(
        "WITH RECURSIVE under(id) AS (
             SELECT id FROM persons WHERE id = $1 AND account_id = $2
             UNION SELECT p.id FROM persons p JOIN under ON p.supervisor_id = under.id)
         SELECT u.id FROM users u WHERE u.account_id = $2 AND u.person_id IN (SELECT id FROM under)",
    )
    .bind(person)
    .bind(ctx.who.account.id)
    .fetch_all(reader)
    .await?;
    crate::rights::outrank::may_act_on_all(ctx, &users).await
}
