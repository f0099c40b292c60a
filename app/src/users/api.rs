//! Server functions of users.

#[cfg(feature = "ssr")]
use crate::catalogue::{Module, Op};
use crate::error::AppError;
use crate::list::Page;
use domain::auth::policy::PasswordPolicy;
use domain::users::{PasswordTarget, UserCard, UserInput, UserQuery, UserRow};
use leptos::prelude::*;

/// A page of users matching the search and filters. **Permissions:** Users / View.
#[server(prefix = "/api", endpoint = "users/list", input = server_fn::codec::Json)]
pub async fn list_users(query: UserQuery) -> Result<Page<UserRow>, AppError> {
    let ctx = crate::guard::authorize_listed::<ListUsers>().await?;
    klucznik_core::users::service::list_users(&ctx, query).await
}

/// One user's card. **Permissions:** Users / View.
#[server(prefix = "/api", endpoint = "users/get")]
pub async fn get_user(id: i64) -> Result<UserCard, AppError> {
    let ctx = crate::guard::authorize_listed::<GetUser>().await?;
    klucznik_core::users::service::get_user(&ctx, id).await
}

/// The account's password policy, for checking a card before sending it.
/// **Permissions:** Users / Create or Edit.
#[server(prefix = "/api", endpoint = "users/policy")]
pub async fn account_policy() -> Result<PasswordPolicy, AppError> {
    let ctx = crate::guard::authorize_listed::<AccountPolicy>().await?;
    klucznik_core::users::service::account_policy(&ctx).await
}

/// A random password that meets the account's policy (and the strong rule).
/// **Permissions:** Users / Create or Edit.
#[server(prefix = "/api", endpoint = "users/generate-password")]
pub async fn generate_password() -> Result<String, AppError> {
    let ctx = crate::guard::authorize_listed::<GeneratePassword>().await?;
    klucznik_core::users::service::generate_password(&ctx).await
}

/// Creates a user (no id) or saves changes to one, with its roles; ends the user's sessions
/// when the user may no longer sign in. **Permissions:** Users / Create or Edit.
#[server(prefix = "/api", endpoint = "users/save", input = server_fn::codec::Json)]
pub async fn save_user(input: UserInput) -> Result<i64, AppError> {
    use crate::guard::{authorize, Need};
    let op = if input.id.is_some() { Op::Edit } else { Op::Create };
    let ctx = authorize(Need::Op(Module::Users, op)).await?;
    klucznik_core::users::service::save_user(&ctx, input).await
}

/// Sets another user's password without the current one; may require a change at the next
/// sign-in and end the user's open sessions. **Permissions:** Users / Edit, and every right the
/// user holds (rule 6); never one's own (the profile's change asks for the current one).
#[server(prefix = "/api", endpoint = "users/set-password", input = server_fn::codec::Json)]
pub async fn set_password(
    user: i64,
    target: PasswordTarget,
    password: String,
    confirm: String,
    must_change: bool,
    end_sessions: bool,
) -> Result<usize, AppError> {
    let ctx = crate::guard::authorize_listed::<SetPassword>().await?;
    klucznik_core::users::service::set_password(
        &ctx,
        user,
        target,
        password,
        confirm,
        must_change,
        end_sessions,
    )
    .await
}
