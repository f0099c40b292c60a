//! Applying a catalogue file and purging the grants it orphaned: the console's, the command
//! line's and the demo's one way to change what an application declares, each change audited
//! and telling every session to rebuild its rights (docs/INTEGRATION.md "Catalogue file").

use super::{parse, repo, Preview};
use crate::actor::Actor;
use crate::audit::{self, Entry};
use crate::error::AppError;
use crate::guard::Scope;
use crate::store::Store;

/// Registers or updates the application `text` declares in `main`. With `base` (from a
/// preview), refuses when the stored catalogue moved since. Idempotent: the same file again
/// writes nothing. Returns what changed.
pub async fn apply(
    store: &Store,
    actor: &Actor,
    main: Scope,
    text: &str,
    base: Option<&str>,
) -> Result<Preview, AppError> {
    let after = parse(text)?;
    let mut tx = store.begin().await?;
    let (p, written) = repo::write(&mut tx, main, &after, base).await?;
    if !written {
        return Ok(p);
    }
    let summary = serde_json::json!({
        "version": after.version,
        "added": p.added.iter().map(|c| &c.key).collect::<Vec<_>>(),
        "renamed": p.renamed.iter().map(|c| &c.key).collect::<Vec<_>>(),
        "removed": p.removed.iter().map(|c| &c.key).collect::<Vec<_>>(),
    });
    let entry = Entry::new("application.apply").detail(&after.key).change(None, Some(summary));
    audit::record(&mut tx, actor, entry).await?;
    crate::rights::repo::changed(&mut tx, main).await?;
    tx.commit().await?;
    Ok(p)
}

/// Deletes the grants of application `key` in `main` and its sub-accounts that name rights its
/// catalogue no longer has; returns how many.
pub async fn purge(store: &Store, actor: &Actor, main: Scope, key: &str) -> Result<i64, AppError> {
    let rights = repo::rights(store, main, key).await?.ok_or(AppError::NotFound)?;
    let gone: Vec<String> = repo::grant_keys(store, main, key)
        .await?
        .into_iter()
        .map(|(k, _)| k)
        .filter(|k| !rights.knows(k))
        .collect();
    let mut tx = store.begin().await?;
    let count = repo::delete_grants(&mut tx, main, &gone).await?;
    let entry = Entry::new("application.purge").detail(key).change(None, Some(serde_json::json!(gone)));
    audit::record(&mut tx, actor, entry).await?;
    tx.commit().await?;
    Ok(count)
}
