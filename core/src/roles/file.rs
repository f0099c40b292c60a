//! A role as a settings file (`domain::roles::transfer`): its units and unit-scoped grants are
//! written as unit paths, so that a file exported from one account reads in another. Reads the
//! roles', units' and rights' repositories (docs/ARCHITECTURE.md "Layers").

use super::transfer::{GrantEntry, RoleFile, FORMAT, VERSION};
use super::RoleT;
use crate::catalogue::Target;
use crate::error::{AppError, Message};
use crate::guard::Scope;
use crate::rights::{GrantRow, Holder};
use crate::store::Tx;
use domain::units::Unit;

/// A role's settings as a file.
pub async fn export(tx: &mut Tx, account: Scope, id: i64) -> Result<RoleFile, AppError> {
    let role = super::repo::head(tx, account, id).await?;
    let all = crate::units::repo::list(&mut *tx, account).await?;
    let mut units: Vec<String> =
        super::repo::unit_ids(tx, id).await?.iter().map(|u| crate::units::path(&all, *u)).collect();
    units.sort();
    let mut grants: Vec<GrantEntry> = crate::rights::repo::list(tx, Holder::Role(id))
        .await?
        .into_iter()
        .map(|g| GrantEntry {
            right: g.key,
            allow: g.allow,
            scope: g.target.map(|t| match t {
                Target::Unit(u) => format!("unit:{}", crate::units::path(&all, u)),
                Target::Assigned => "assigned".into(),
                Target::Subordinates => "subordinates".into(),
            }),
        })
        .collect();
    grants.sort_by(|a, b| (&a.right, &a.scope).cmp(&(&b.right, &b.scope)));
    Ok(RoleFile {
        format: FORMAT.into(),
        version: VERSION,
        role: role.name,
        description: role.description,
        units,
        grants,
    })
}

/// The unit of this account at `path`, or the file's refusal naming it.
fn unit_at(all: &[Unit], path: &str) -> Result<i64, AppError> {
    all.iter()
        .find(|u| crate::units::path(all, u.id) == path.trim())
        .map(|u| u.id)
        .ok_or_else(|| AppError::Refused(Message::new(RoleT::UnknownUnit).arg("unit", clip(path))))
}

/// The file's units and grants with unit paths turned into this account's units.
pub async fn read(
    tx: &mut Tx,
    account: Scope,
    file: &RoleFile,
) -> Result<(Vec<i64>, Vec<GrantRow>), AppError> {
    let all = crate::units::repo::list(&mut *tx, account).await?;
    let mut units = Vec::new();
    for wanted in &file.units {
        let unit = unit_at(&all, wanted)?;
        if !units.contains(&unit) {
            units.push(unit);
        }
    }
    let mut grants: Vec<GrantRow> = Vec::with_capacity(file.grants.len());
    for g in &file.grants {
        let target = match g.scope.as_deref() {
            None => None,
            Some("assigned") => Some(Target::Assigned),
            Some("subordinates") => Some(Target::Subordinates),
            Some(scope) => Some(Target::Unit(unit_at(&all, scope.trim_start_matches("unit:"))?)),
        };
        let grant = GrantRow { key: g.right.clone(), target, allow: g.allow };
        if !grant.sound() {
            return Err(AppError::refused(RoleT::DamagedFile));
        }
        // The same grant twice is one grant; the same right both allowed and denied is a
        // damaged file.
        match grants.iter().find(|h| h.key == grant.key && h.target == grant.target) {
            Some(h) if h.allow == grant.allow => {}
            Some(_) => return Err(AppError::refused(RoleT::DamagedFile)),
            None => grants.push(grant),
        }
    }
    Ok((units, grants))
}

/// What a message repeats of a file's text: the start, never all of it.
fn clip(text: &str) -> String {
    let mut clipped: String = text.trim().chars().take(100).collect();
    if clipped.len() < text.trim().len() {
        clipped.push('…');
    }
    clipped
}
