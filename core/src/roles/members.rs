//! Who is in which role, changed from either side (the role's members or the user card), under
//! the rules that keep rights safe: Everyone has no manual members, Administrators always keep
//! an active member, nobody gives rights they do not hold or changes their own roles.

use super::repo::{head, membership};
use super::{Builtin, RoleT};
use crate::error::AppError;
use crate::guard::Ctx;
use crate::guard::Scope;
use crate::store::Tx;

/// The grants a role holds (what joining it gives, what detaching it takes).
pub(crate) async fn grants(tx: &mut Tx, role: i64) -> Result<Vec<crate::rights::GrantRow>, AppError> {
    crate::rights::repo::list(tx, domain::rights::Holder::Role(role)).await
}

/// The author of a membership change, for rule 6 in business applications' catalogues.
fn author(ctx: &Ctx) -> crate::applications::giving::Author {
    crate::applications::giving::Author::of(&ctx.who)
}

/// Whether a grant is of a business application (decided by `applications::giving::holds_all`).
fn of_application(g: &crate::rights::GrantRow) -> bool {
    domain::rights::split_key(&g.key).is_some()
}

/// Whether the caller may put someone into a role with these grants.
async fn may_give(
    ctx: &Ctx,
    builtin: Option<Builtin>,
    rights: &[crate::rights::GrantRow],
) -> Result<(), AppError> {
    let holds = &ctx.who.rights;
    if holds.administrator {
        return Ok(());
    }
    let gives_more = builtin == Some(Builtin::Administrators)
        || rights.iter().any(|g| g.allow && !of_application(g) && !holds.holds(&g.key, g.target))
        || !crate::applications::giving::holds_all(ctx.store(), ctx.scope(), author(ctx), rights, true)
            .await?;
    if gives_more {
        Err(AppError::refused(RoleT::NotYourRights))
    } else {
        Ok(())
    }
}

/// Whether the caller may take someone out of a role: leaving a role lifts its denials and
/// takes its allowances, so the caller must hold every right the role names (rule 6), and
/// only administrators change who is an administrator.
pub async fn may_take(
    ctx: &Ctx,
    builtin: Option<Builtin>,
    rights: &[crate::rights::GrantRow],
) -> Result<(), AppError> {
    let holds = &ctx.who.rights;
    if holds.administrator {
        return Ok(());
    }
    if builtin == Some(Builtin::Administrators)
        || rights.iter().any(|g| !of_application(g) && !holds.holds(&g.key, g.target))
        || !crate::applications::giving::holds_all(ctx.store(), ctx.scope(), author(ctx), rights, false)
            .await?
    {
        Err(AppError::refused(RoleT::NotYourRights))
    } else {
        Ok(())
    }
}

/// Refuses a change of the caller's own roles, unless an administrator makes it.
fn not_own(ctx: &Ctx, user: i64) -> Result<(), AppError> {
    let own = user == ctx.who.native.id.get() || user == ctx.who.effective.id.get();
    if own && !ctx.who.rights.administrator {
        Err(AppError::refused(RoleT::OwnMembership))
    } else {
        Ok(())
    }
}

async fn users_in_account(tx: &mut Tx, account: Scope, users: &[i64]) -> Result<(), AppError> {
    for user in users {
        if !membership::user_in_account(tx, account, *user).await? {
            return Err(AppError::NotFound);
        }
    }
    Ok(())
}

/// Joins users to a role and detaches others; returns how many memberships changed.
pub async fn change(
    tx: &mut Tx,
    ctx: &Ctx,
    role: i64,
    join: &[i64],
    detach: &[i64],
) -> Result<usize, AppError> {
    let account = ctx.scope();
    let role = head(tx, account, role).await?;
    if role.builtin == Some(Builtin::Everyone) {
        return Err(AppError::refused(RoleT::EveryoneImplicit));
    }
    users_in_account(tx, account, join).await?;
    users_in_account(tx, account, detach).await?;
    let rights = grants(tx, role.id).await?;
    let mut changed = 0;
    for user in join {
        if membership::is_member(tx, role.id, *user).await? {
            continue;
        }
        not_own(ctx, *user)?;
        may_give(ctx, role.builtin, &rights).await?;
        membership::add(tx, role.id, *user).await?;
        changed += 1;
    }
    for user in detach {
        if !membership::is_member(tx, role.id, *user).await? {
            continue;
        }
        not_own(ctx, *user)?;
        may_take(ctx, role.builtin, &rights).await?;
        membership::remove(tx, role.id, *user).await?;
        changed += 1;
    }
    Ok(changed)
}

/// Makes a user's roles exactly `roles` (Everyone aside); returns whether anything changed.
pub async fn set_for_user(tx: &mut Tx, ctx: &Ctx, user: i64, roles: &[i64]) -> Result<bool, AppError> {
    let account = ctx.scope();
    let current = membership::roles_of(tx, account, user).await?;
    let mut changed = false;
    for role in roles.iter().filter(|r| !current.contains(r)) {
        let head = head(tx, account, *role).await?;
        if head.builtin == Some(Builtin::Everyone) {
            continue;
        }
        changed |= change(tx, ctx, *role, &[user], &[]).await? > 0;
    }
    for role in current.iter().filter(|r| !roles.contains(r)) {
        changed |= change(tx, ctx, *role, &[], &[user]).await? > 0;
    }
    Ok(changed)
}

/// Refuses to leave the account's Administrators without an active member (one who can sign
/// in now).
pub async fn ensure_active_administrator(tx: &mut Tx, account: Scope) -> Result<(), AppError> {
    let now = tx.now();
    let active = membership::active_administrators(tx, account, now).await?;
    if active == 0 {
        Err(AppError::refused(RoleT::LastAdministrator))
    } else {
        Ok(())
    }
}
