//! Server functions of the persons directory.

use super::{Person, PersonChoice, PersonInput, PersonQuery, PersonRow};
#[cfg(feature = "ssr")]
use crate::catalogue::{Module, Op};
use crate::error::AppError;
use crate::list::Page;
use leptos::prelude::*;

/// A page of persons matching the search. **Permissions:** Persons / View.
#[server(prefix = "/api", endpoint = "persons/list", input = server_fn::codec::Json)]
pub async fn list_persons(query: PersonQuery) -> Result<Page<PersonRow>, AppError> {
    let ctx = crate::guard::authorize_listed::<ListPersons>().await?;
    crate::list::check_search("search", crate::i18n::CommonT::Search, &query.search)?;
    let snap = &ctx.who.rights;
    let mut page = super::store::list(ctx.store(), ctx.who.account.id, &query, &snap.person_filter()).await?;
    page.rows.iter_mut().for_each(|row| super::access::hide_row(snap, row));
    Ok(page)
}

/// Persons for a picker. **Permissions:** Persons or Users / View.
#[server(prefix = "/api", endpoint = "persons/choices")]
pub async fn person_choices(search: String) -> Result<Vec<PersonChoice>, AppError> {
    let ctx = crate::guard::authorize_listed::<PersonChoices>().await?;
    crate::list::check_search("search", crate::i18n::CommonT::Search, &search)?;
    super::store::choices(ctx.store(), ctx.who.account.id, &search, &ctx.who.rights.person_filter()).await
}

/// One person's card. **Permissions:** Persons / View.
#[server(prefix = "/api", endpoint = "persons/get")]
pub async fn get_person(id: i64) -> Result<Person, AppError> {
    let ctx = crate::guard::authorize_listed::<GetPerson>().await?;
    let mut person = super::store::get(ctx.store(), ctx.who.account.id, id).await?;
    super::access::may(&ctx.who.rights, crate::catalogue::DataOp::View, id, person.unit_id)?;
    super::access::hide(&ctx.who.rights, &mut person);
    Ok(person)
}

/// Adds (no id) or changes a person. **Permissions:** Persons / Create or Edit, and the data
/// rights on the person; a new supervisor may not put someone who holds more under the caller.
#[server(prefix = "/api", endpoint = "persons/save", input = server_fn::codec::Json)]
pub async fn save_person(input: PersonInput) -> Result<i64, AppError> {
    use crate::audit::{self, Entry};
    use crate::catalogue::DataOp;
    use crate::events::{EventKind, Topic};
    use crate::guard::{authorize, Need};
    let op = if input.id.is_some() { Op::Edit } else { Op::Create };
    let ctx = authorize(Need::Op(Module::Persons, op)).await?;
    let account = ctx.who.account.id;
    let snap = &ctx.who.rights;
    let mut input = input;
    match input.id {
        Some(id) => {
            let before = super::store::get(ctx.store(), account, id).await?;
            super::access::may(snap, DataOp::Edit, id, before.unit_id)?;
            super::access::lock(snap, &mut input, &before);
            input.check().finish()?;
            if input.supervisor_id != before.supervisor.as_ref().map(|s| s.id) {
                super::supervisor::may_place(&ctx, id, input.supervisor_id).await?;
            }
            if input.unit_id != Some(before.unit_id) {
                super::access::may(snap, DataOp::Move, id, before.unit_id)?;
                if !input.unit_id.is_some_and(|u| snap.data_in_unit(DataOp::Move, u)) {
                    return Err(AppError::Forbidden);
                }
            }
        }
        None => {
            super::access::check_new(snap, &input)?;
            // Field errors first (an empty unit is named as such), then the unit's rights.
            input.check().finish()?;
            if !input.unit_id.is_some_and(|u| snap.data_in_unit(DataOp::Create, u)) {
                return Err(AppError::Forbidden);
            }
        }
    }
    let mut tx = ctx.store().begin().await?;
    let (id, before) = super::store::save(&mut tx, ctx.store(), account, &input).await?;
    let action = if before.is_some() { "person.update" } else { "person.create" };
    let entry = Entry::new(action)
        .object("person", id)
        .change(before.and_then(|b| serde_json::to_value(b).ok()), serde_json::to_value(&input).ok());
    audit::record(&mut tx, &ctx.actor(), entry).await?;
    // Supervisors and units decide data rights: sessions rebuild their snapshots.
    crate::rights::store::changed(&mut tx, ctx.who.account.id).await?;
    tx.raise(Some(account), EventKind::Changed { topic: Topic::Persons }).await?;
    tx.commit().await?;
    Ok(id)
}

/// Deletes a person no user is linked to and nobody reports to. **Permissions:** Persons / Delete.
#[server(prefix = "/api", endpoint = "persons/delete")]
pub async fn delete_person(id: i64, version: i64) -> Result<(), AppError> {
    use crate::audit::{self, Entry};
    use crate::events::{EventKind, Topic};
    let ctx = crate::guard::authorize_listed::<DeletePerson>().await?;
    let account = ctx.who.account.id;
    let person = super::store::get(ctx.store(), account, id).await?;
    super::access::may(&ctx.who.rights, crate::catalogue::DataOp::Delete, id, person.unit_id)?;
    let mut tx = ctx.store().begin().await?;
    let before = super::store::delete(&mut tx, ctx.store(), account, id, version).await?;
    audit::record(
        &mut tx,
        &ctx.actor(),
        Entry::new("person.delete").object("person", id).change(serde_json::to_value(before).ok(), None),
    )
    .await?;
    crate::rights::store::changed(&mut tx, ctx.who.account.id).await?;
    tx.raise(Some(account), EventKind::Changed { topic: Topic::Persons }).await?;
    tx.commit().await
}
