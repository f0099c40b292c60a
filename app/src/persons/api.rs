//! Server functions of the persons directory.

#[cfg(feature = "ssr")]
use crate::catalogue::{Module, Op};
use crate::error::AppError;
use crate::list::Page;
use domain::persons::{Person, PersonChoice, PersonInput, PersonQuery, PersonRow};
use leptos::prelude::*;

/// A page of persons matching the search. **Permissions:** Persons / View.
#[server(prefix = "/api", endpoint = "persons/list", input = server_fn::codec::Json)]
pub async fn list_persons(query: PersonQuery) -> Result<Page<PersonRow>, AppError> {
    let ctx = crate::guard::authorize_listed::<ListPersons>().await?;
    klucznik_core::persons::service::list_persons(&ctx, query).await
}

/// Persons for a picker. **Permissions:** Persons or Users / View.
#[server(prefix = "/api", endpoint = "persons/choices")]
pub async fn person_choices(search: String) -> Result<Vec<PersonChoice>, AppError> {
    let ctx = crate::guard::authorize_listed::<PersonChoices>().await?;
    klucznik_core::persons::service::person_choices(&ctx, search).await
}

/// One person's card. **Permissions:** Persons / View.
#[server(prefix = "/api", endpoint = "persons/get")]
pub async fn get_person(id: i64) -> Result<Person, AppError> {
    let ctx = crate::guard::authorize_listed::<GetPerson>().await?;
    klucznik_core::persons::service::get_person(&ctx, id).await
}

/// Adds (no id) or changes a person. **Permissions:** Persons / Create or Edit, and the data
/// rights on the person; a new supervisor may not put someone who holds more under the caller.
#[server(prefix = "/api", endpoint = "persons/save", input = server_fn::codec::Json)]
pub async fn save_person(input: PersonInput) -> Result<i64, AppError> {
    use crate::guard::{authorize, Need};
    let op = if input.id.is_some() { Op::Edit } else { Op::Create };
    let ctx = authorize(Need::Op(Module::Persons, op)).await?;
    klucznik_core::persons::service::save_person(&ctx, input).await
}

/// Deletes a person no user is linked to and nobody reports to. **Permissions:** Persons / Delete.
#[server(prefix = "/api", endpoint = "persons/delete")]
pub async fn delete_person(id: i64, version: i64) -> Result<(), AppError> {
    let ctx = crate::guard::authorize_listed::<DeletePerson>().await?;
    klucznik_core::persons::service::delete_person(&ctx, id, version).await
}
