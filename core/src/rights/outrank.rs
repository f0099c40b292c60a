//! Rule 6 (docs/ARCHITECTURE.md "How a rights decision is made") for acts on other users: setting their password, e-mail or status,
//! ending their sessions, opening an account to them, putting them under oneself as a
//! subordinate, or letting someone work as them. Only a caller who holds every right the
//! other user holds may act on them (administrators may act on anyone).

use super::{PersonUnits, RightT, Snapshot};
use crate::error::AppError;
use crate::guard::Ctx;
use crate::guard::Scope;
use crate::rights::repo::holders;
use crate::store::Store;

/// The rights of a user in `account` (theirs, or its main account's), and where the persons of
/// their special nodes sit; "not found" for a user of another account.
pub async fn snapshot_of(
    store: &Store,
    user: i64,
    account: Scope,
) -> Result<(Snapshot, PersonUnits), AppError> {
    linked_snapshot(store, user, account, None).await
}

/// As `snapshot_of`, with the user linked to another person when `person` is given.
async fn linked_snapshot(
    store: &Store,
    user: i64,
    account: Scope,
    person: Option<Option<i64>>,
) -> Result<(Snapshot, PersonUnits), AppError> {
    // A user of another account is "not found" (accounts isolate); a main-account user may
    // be working in its sub-account, with the roles of their home (rule 1).
    let home = holders::home_seen_from(store, user, account).await?.ok_or(AppError::NotFound)?;
    let snapshot =
        crate::rights::snapshots::load_snapshot_linked(store, user, account.related(home), account, person)
            .await?;
    let persons: PersonUnits =
        holders::units_of_persons(store, snapshot.special_persons()).await?.into_iter().collect();
    Ok((snapshot, persons))
}

/// Refuses unless the caller holds every right `user` holds in the caller's account.
pub async fn may_act_on(ctx: &Ctx, user: i64) -> Result<(), AppError> {
    if ctx.who.rights.administrator {
        return Ok(());
    }
    let (theirs, persons) = snapshot_of(ctx.store(), user, ctx.scope()).await?;
    if ctx.who.rights.covers(&theirs, None, &persons) {
        Ok(())
    } else {
        Err(AppError::refused(RightT::HoldsMore))
    }
}

/// Refuses unless the caller holds every right `user` would hold linked to `person`.
pub async fn may_act_on_linked(ctx: &Ctx, user: i64, person: Option<i64>) -> Result<(), AppError> {
    if ctx.who.rights.administrator {
        return Ok(());
    }
    let (theirs, persons) = linked_snapshot(ctx.store(), user, ctx.scope(), Some(person)).await?;
    if ctx.who.rights.covers(&theirs, None, &persons) {
        Ok(())
    } else {
        Err(AppError::refused(RightT::HoldsMore))
    }
}

/// Refuses each of `users` the caller may not act on.
pub async fn may_act_on_all(ctx: &Ctx, users: &[i64]) -> Result<(), AppError> {
    let mut seen = Vec::new();
    for user in users {
        if !seen.contains(user) {
            may_act_on(ctx, *user).await?;
            seen.push(*user);
        }
    }
    Ok(())
}

/// Whether `definer` holds every right the substitute gains by working as the absent user
/// (what the absent user holds and the substitute does not).
pub async fn covers_gain(
    store: &Store,
    definer: &Snapshot,
    absent: i64,
    substitute: i64,
    account: Scope,
) -> Result<bool, AppError> {
    if definer.administrator {
        return Ok(true);
    }
    let (absent, persons) = snapshot_of(store, absent, account).await?;
    let (substitute, _) = snapshot_of(store, substitute, account).await?;
    Ok(definer.covers(&absent, Some(&substitute), &persons))
}

/// Refuses creating a user in `roles`, linked to `person`, who would hold a right the caller
/// does not: the person's subordinates can bring data rights (grants on "subordinates" or the
/// "assigned person" of Everyone or the roles) that the roles alone do not show.
pub async fn may_create(ctx: &Ctx, roles: &[i64], person: Option<i64>) -> Result<(), AppError> {
    if ctx.who.rights.administrator || person.is_none() {
        return Ok(());
    }
    let store = ctx.store();
    let account = ctx.scope();
    let subject = super::repo::load_subject_of_roles(store, account, roles).await?;
    let tree = super::repo::load_tree(store, 0, account, Some(person)).await?;
    let theirs = subject.snapshot_of(&tree);
    let persons: PersonUnits =
        holders::units_of_persons(store, theirs.special_persons()).await?.into_iter().collect();
    if ctx.who.rights.covers(&theirs, None, &persons) {
        Ok(())
    } else {
        Err(AppError::refused(RightT::HoldsMore))
    }
}
