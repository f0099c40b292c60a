//! The rights editors: loading a holder with what it may give, and saving an edit under rule 6.

use super::repo::{holders, list, replace};
use super::view::EditorData;
use super::{GrantRow, Holder};
use crate::audit::{self, Entry};
use crate::catalogue::{Module, Op, Target};
use crate::error::AppError;
use crate::events::{EventKind, Topic};
use crate::guard::Scope;
use crate::guard::{Ctx, Need};
use crate::roles::{Builtin, RoleT};
use crate::store::Tx;

pub fn need(holder: Holder, edit: bool) -> Need {
    let op = if edit { Op::Edit } else { Op::View };
    match holder {
        Holder::Role(_) => Need::Op(Module::Roles, op),
        Holder::User(_) => Need::Op(Module::Users, op),
    }
}

/// The holder's name, version, and whether it is (in) Administrators; "not found" outside the
/// caller's account.
async fn head(
    tx: &mut Tx,
    account: Scope,
    holder: Holder,
    lang: crate::i18n::Lang,
) -> Result<(String, i64, bool), AppError> {
    match holder {
        Holder::Role(id) => {
            let role = crate::roles::repo::head(tx, account, id).await?;
            let name = crate::roles::shown_name(role.builtin, &role.name, lang);
            Ok((name, role.version, role.builtin == Some(Builtin::Administrators)))
        }
        Holder::User(id) => {
            let (login, version, admins) =
                holders::user_head(tx, id, account).await?.ok_or(AppError::NotFound)?;
            Ok((login, version, admins > 0))
        }
    }
}

/// Whether the holder's grants are the caller's own: their user, or a role they are in
/// (Everyone included). Rule 6: nobody edits them but an administrator of roles — not even
/// with rights they hold, which would keep those rights past their removal elsewhere.
pub async fn own(tx: &mut Tx, ctx: &Ctx, holder: Holder) -> Result<bool, AppError> {
    let me = ctx.who.effective.id.get();
    match holder {
        Holder::User(id) => Ok(id == ctx.who.native.id.get() || id == me),
        Holder::Role(_) if ctx.who.rights.administrator => Ok(false),
        Holder::Role(id) => holders::holds_role(tx, id, me).await,
    }
}

/// Who gives or takes applications' rights here (rule 6 in each application's catalogue).
pub fn author(ctx: &Ctx) -> crate::applications::giving::Author {
    crate::applications::giving::Author::of(&ctx.who)
}

pub async fn editor_data(ctx: &Ctx, holder: Holder) -> Result<EditorData, AppError> {
    let account = ctx.scope();
    let mut tx = ctx.store().begin().await?;
    let (name, version, administrator) = head(&mut tx, account, holder, ctx.who.lang).await?;
    let grants = list(&mut tx, holder).await?;
    let mut roles = Vec::new();
    let (mut assigned, mut subordinates) = (None, Vec::new());
    if let Holder::User(user) = holder {
        for (id, name, builtin) in holders::roles_of(&mut tx, account, user).await? {
            let builtin = builtin.as_deref().and_then(crate::roles::Builtin::parse);
            let name = crate::roles::shown_name(builtin, &name, ctx.who.lang);
            roles.push((id, name, list(&mut tx, Holder::Role(id)).await?));
        }
        assigned = holders::person_of(&mut tx, user).await?;
        if let Some(person) = assigned {
            subordinates = holders::subordinates_of(&mut tx, person).await?;
        }
    }
    let units = crate::units::repo::list(&mut tx, account).await?;
    let editable = crate::guard::check(&ctx.who, need(holder, true)).is_ok()
        && !own(&mut tx, ctx, holder).await?
        && !matches!(holder, Holder::Role(_) if administrator);
    let author = author(ctx);
    let apps = crate::applications::giving::editors(ctx.store(), account, author).await?;
    Ok(EditorData {
        apps,
        holder,
        name,
        version,
        grants,
        roles,
        administrator,
        units,
        assigned,
        subordinates,
        editable,
    })
}

pub async fn save(ctx: &Ctx, holder: Holder, grants: Vec<GrantRow>, version: i64) -> Result<(), AppError> {
    let account = ctx.scope();

    if grants.iter().any(|g| !g.sound()) {
        return Err(AppError::Request("a grant names no right of the catalogue".into()));
    }
    let mut tx = ctx.store().begin().await?;
    let (name, current, administrators) = head(&mut tx, account, holder, crate::i18n::Lang::En).await?;
    if own(&mut tx, ctx, holder).await? {
        return Err(AppError::refused(RoleT::OwnRights));
    }
    if matches!(holder, Holder::Role(_)) && administrators {
        return Err(AppError::refused(RoleT::AdministratorsHoldAll));
    }
    crate::store::expect_version(current, version)?;
    let units: Vec<i64> = grants
        .iter()
        .filter_map(|g| match g.target {
            Some(Target::Unit(u)) => Some(u),
            _ => None,
        })
        .collect();
    if !crate::units::repo::all_in_account(&mut tx, account, &units).await? {
        return Err(AppError::NotFound);
    }
    let mut grants = grants;
    grants.sort();
    grants.dedup_by(|a, b| a.key == b.key && a.target == b.target);
    let before = list(&mut tx, holder).await?;
    if !ctx.who.rights.may_change(&before, &grants) {
        return Err(AppError::refused(RoleT::NotYourRights));
    }
    let author = author(ctx);
    crate::applications::giving::may_change(ctx.store(), account, author, &before, &grants, true).await?;
    replace(&mut tx, account, holder, &grants).await?;
    let (table, id, topic) = match holder {
        Holder::Role(id) => ("roles", id, Topic::Roles),
        Holder::User(id) => ("users", id, Topic::Users),
    };
    holders::bump_version(&mut tx, holder).await?;
    let kind = if table == "roles" { "role" } else { "user" };
    let entry = Entry::new("rights.save")
        .object(kind, id)
        .detail(name)
        .change(serde_json::to_value(&before).ok(), serde_json::to_value(&grants).ok());
    audit::record(&mut tx, &ctx.actor(), entry).await?;
    // The people whose rights changed hear of it (a role's members, or the user).
    let by = crate::notices::repo::name_of(&mut tx, ctx.who.native.id.get()).await?;
    let told: Vec<i64> = match holder {
        Holder::User(id) => vec![id],
        Holder::Role(id) => holders::members_of(&mut tx, id).await?,
    };
    crate::notices::repo::send_all(&mut tx, &told, &crate::notices::Notice::RightsChanged { by }).await?;
    super::repo::changed(&mut tx, account).await?;
    tx.raise(Some(account.id()), EventKind::Changed { topic }).await?;
    tx.commit().await
}
