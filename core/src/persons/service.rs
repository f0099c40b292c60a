//! The use cases behind the server functions of persons: each runs on the context
//! authorization gave (docs/ARCHITECTURE.md "Layers").

use crate::audit::{self, Entry};
use crate::catalogue::DataOp;
use crate::error::AppError;
use crate::guard::Ctx;
use crate::list::Page;
use domain::events::{EventKind, Topic};
use domain::persons::{Person, PersonChoice, PersonInput, PersonQuery, PersonRow};

/// A page of persons matching the search.
pub async fn list_persons(ctx: &Ctx, query: PersonQuery) -> Result<Page<PersonRow>, AppError> {
    crate::list::check_search("search", crate::i18n::CommonT::Search, &query.search)?;
    let snap = &ctx.who.rights;
    let mut page =
        crate::persons::repo::list(ctx.store(), ctx.scope(), &query, &snap.person_filter()).await?;
    page.rows.iter_mut().for_each(|row| crate::persons::access::hide_row(snap, row));
    Ok(page)
}

/// Persons for a picker.
pub async fn person_choices(ctx: &Ctx, search: String) -> Result<Vec<PersonChoice>, AppError> {
    crate::list::check_search("search", crate::i18n::CommonT::Search, &search)?;
    crate::persons::repo::choices(ctx.store(), ctx.scope(), &search, &ctx.who.rights.person_filter()).await
}

/// One person's card.
pub async fn get_person(ctx: &Ctx, id: i64) -> Result<Person, AppError> {
    let mut person = crate::persons::repo::get(ctx.store(), ctx.scope(), id).await?;
    crate::persons::access::may(&ctx.who.rights, crate::catalogue::DataOp::View, id, person.unit_id)?;
    crate::persons::access::hide(&ctx.who.rights, &mut person);
    Ok(person)
}

/// Adds (no id) or changes a person.
pub async fn save_person(ctx: &Ctx, input: PersonInput) -> Result<i64, AppError> {
    let account = ctx.scope();
    let snap = &ctx.who.rights;
    let mut input = input;
    match input.id {
        Some(id) => {
            let before = crate::persons::repo::get(ctx.store(), account, id).await?;
            crate::persons::access::may(snap, DataOp::Edit, id, before.unit_id)?;
            crate::persons::access::lock(snap, &mut input, &before);
            input.check().finish()?;
            if input.supervisor_id != before.supervisor.as_ref().map(|s| s.id) {
                crate::persons::supervisor::may_place(ctx, id, input.supervisor_id).await?;
            }
            if input.unit_id != Some(before.unit_id) {
                crate::persons::access::may(snap, DataOp::Move, id, before.unit_id)?;
                if !input.unit_id.is_some_and(|u| snap.data_in_unit(DataOp::Move, u)) {
                    return Err(AppError::Forbidden);
                }
            }
        }
        None => {
            crate::persons::access::check_new(snap, &input)?;
            // Field errors first (an empty unit is named as such), then the unit's rights.
            input.check().finish()?;
            if !input.unit_id.is_some_and(|u| snap.data_in_unit(DataOp::Create, u)) {
                return Err(AppError::Forbidden);
            }
        }
    }
    let mut tx = ctx.store().begin().await?;
    let mut checks = crate::error::Checks::new();
    let unit = input.unit_id.unwrap_or_default();
    if !crate::units::repo::all_in_account(&mut tx, account, &[unit]).await? {
        let problem = crate::error::Message::new(crate::i18n::CommonT::FieldUnknown);
        checks.add("unit_id", domain::persons::PersonT::Unit, problem);
    }
    crate::persons::repo::check_references(&mut tx, account, &input, &mut checks).await?;
    checks.finish()?;
    let (id, before) = crate::persons::repo::save(&mut tx, ctx.store(), account, &input).await?;
    let action = if before.is_some() { "person.update" } else { "person.create" };
    let entry = Entry::new(action)
        .object("person", id)
        .change(before.and_then(|b| serde_json::to_value(b).ok()), serde_json::to_value(&input).ok());
    audit::record(&mut tx, &ctx.actor(), entry).await?;
    // Supervisors and units decide data rights: sessions rebuild their snapshots.
    crate::rights::repo::changed(&mut tx, ctx.scope()).await?;
    tx.raise(Some(account.id()), EventKind::Changed { topic: Topic::Persons }).await?;
    tx.commit().await?;
    Ok(id)
}

/// Deletes a person no user is linked to and nobody reports to.
pub async fn delete_person(ctx: &Ctx, id: i64, version: i64) -> Result<(), AppError> {
    let account = ctx.scope();
    let person = crate::persons::repo::get(ctx.store(), account, id).await?;
    crate::persons::access::may(&ctx.who.rights, crate::catalogue::DataOp::Delete, id, person.unit_id)?;
    let mut tx = ctx.store().begin().await?;
    let before = crate::persons::repo::delete(&mut tx, ctx.store(), account, id, version).await?;
    audit::record(
        &mut tx,
        &ctx.actor(),
        Entry::new("person.delete").object("person", id).change(serde_json::to_value(before).ok(), None),
    )
    .await?;
    crate::rights::repo::changed(&mut tx, ctx.scope()).await?;
    tx.raise(Some(account.id()), EventKind::Changed { topic: Topic::Persons }).await?;
    tx.commit().await
}
