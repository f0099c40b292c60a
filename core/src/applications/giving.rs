//! Rule 6 for business applications' rights (rule 6, docs/ARCHITECTURE.md "Rights"):
//! who may give or take which of an application's rights — in the editors, role copies and
//! imports, and memberships — decided from the author's own grants of that application.

use super::repo::{all, holder_rows, load, main_of};
use super::{AppEditor, AppRights};
use crate::error::AppError;
use crate::guard::Scope;
use crate::store::Store;
use domain::rights::GrantRow;

/// Who gives or takes applications' rights in an editor: the effective user, their home
/// account, whether they administer it.
#[derive(Clone, Copy, Debug)]
pub struct Author {
    pub user_id: i64,
    pub home: crate::guard::Scope,
    pub administrator: bool,
}

impl Author {
    pub fn of(who: &crate::guard::Who) -> Author {
        Author {
            user_id: who.effective.id.get(),
            home: who.home_scope(),
            administrator: who.rights.administrator,
        }
    }
}

/// The keys of `rights` the author holds (rule 6: what they may give or take).
async fn held(store: &Store, author: Author, rights: &AppRights) -> Result<Vec<String>, AppError> {
    if author.administrator {
        return Ok(rights.keys().to_vec());
    }
    let (admin, own, roles) = holder_rows(store, author.user_id, author.home, &rights.catalogue.key).await?;
    let snapshot = rights.subject(admin, &own, &roles).snapshot(rights.spec(), &Default::default());
    Ok((0..rights.len() as u32)
        .filter(|i| snapshot.allows_index(*i as usize))
        .map(|i| rights.key(i).to_string())
        .collect())
}

/// Every application of the main account of `account`, as the rights editors get them.
pub async fn editors(store: &Store, account: Scope, author: Author) -> Result<Vec<AppEditor>, AppError> {
    let main = main_of(store, account).await?;
    let mut out = Vec::new();
    for catalogue in all(store, main).await? {
        let rights = AppRights::new(catalogue);
        let held = held(store, author, &rights).await?;
        out.push(AppEditor { catalogue: rights.catalogue, held });
    }
    Ok(out)
}

/// Each application's rights and the keys of them an author holds, looked up once per check.
#[derive(Default)]
struct Held(std::collections::HashMap<String, Option<(AppRights, Vec<String>)>>);

impl Held {
    async fn load(&mut self, store: &Store, main: Scope, app: &str, author: Author) -> Result<(), AppError> {
        let entry = match load(store, main, app).await? {
            Some((c, _)) => {
                let rights = AppRights::new(c);
                let held = held(store, author, &rights).await?;
                Some((rights, held))
            }
            None => None,
        };
        self.0.insert(app.to_string(), entry);
        Ok(())
    }
}

/// Rule 6 for the applications' grants of an edit: every grant given, switched or taken must
/// name a right of a registered application's catalogue that the author holds. A grant whose
/// right left the catalogue (orphaned, out of effect) gives nothing and needs nothing; with
/// `strict` (an editor's save), a new grant must name a present right.
pub async fn may_change(
    store: &Store,
    account: Scope,
    author: Author,
    before: &[GrantRow],
    after: &[GrantRow],
    strict: bool,
) -> Result<(), AppError> {
    let changes: Vec<&GrantRow> = domain::rights::changed(before, after)
        .into_iter()
        .filter(|g| domain::applications::split_key(&g.key).is_some())
        .collect();
    if changes.is_empty() {
        return Ok(());
    }
    let main = main_of(store, account).await?;
    let mut apps = Held::default();
    for g in changes {
        let (app, local) = domain::applications::split_key(&g.key).unwrap_or_default();
        if !apps.0.contains_key(app) {
            apps.load(store, main, app, author).await?;
        }
        let taken = !after.iter().any(|a| a.key == g.key && a.target == g.target);
        let added = !before.iter().any(|b| b.key == g.key && b.target == g.target);
        match &apps.0[app] {
            Some((rights, held)) if rights.index(local).is_some() => {
                if !held.iter().any(|k| k == local) {
                    return Err(AppError::refused(domain::roles::RoleT::NotYourRights));
                }
            }
            Some(_) if taken || !(strict && added) => {}
            None if taken => {}
            _ => return Err(AppError::Request("a grant names no right of the catalogue".into())),
        }
    }
    Ok(())
}

/// Rule 6 for joining or leaving a role: the author holds every application right among
/// `grants` (only the allowed ones with `allow_only`: joining gives those). Rights no longer in
/// a catalogue are out of effect and need nothing.
pub async fn holds_all(
    store: &Store,
    account: Scope,
    author: Author,
    grants: &[GrantRow],
    allow_only: bool,
) -> Result<bool, AppError> {
    if author.administrator {
        return Ok(true);
    }
    let main = main_of(store, account).await?;
    let mut apps = Held::default();
    for g in grants.iter().filter(|g| g.allow || !allow_only) {
        let Some((app, local)) = domain::applications::split_key(&g.key) else { continue };
        if !apps.0.contains_key(app) {
            apps.load(store, main, app, author).await?;
        }
        if let Some((rights, held)) = &apps.0[app] {
            if rights.index(local).is_some() && !held.iter().any(|k| k == local) {
                return Ok(false);
            }
        }
    }
    Ok(true)
}
