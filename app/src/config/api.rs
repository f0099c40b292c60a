//! Server functions of the account configuration.

use crate::error::AppError;
use domain::config::AccountConfig;
use leptos::prelude::*;

/// The current account's configuration. **Permissions:** Configuration / View.
#[server(prefix = "/api", endpoint = "config/get")]
pub async fn get_config() -> Result<AccountConfig, AppError> {
    let ctx = crate::guard::authorize_listed::<GetConfig>().await?;
    klucznik_core::config::service::get_config(&ctx).await
}

/// Saves the current account's configuration. **Permissions:** Configuration / Edit.
#[server(prefix = "/api", endpoint = "config/save", input = server_fn::codec::Json)]
pub async fn save_config(config: AccountConfig) -> Result<(), AppError> {
    let ctx = crate::guard::authorize_listed::<SaveConfig>().await?;
    klucznik_core::config::service::save_config(&ctx, config).await
}

/// The password rules that apply to the caller, for the change-password form.
/// **Permissions:** any session (rule 8).
#[server(prefix = "/api", endpoint = "config/my-policy")]
pub async fn my_password_policy() -> Result<domain::auth::policy::PasswordPolicy, AppError> {
    let ctx = crate::guard::authorize_listed::<MyPasswordPolicy>().await?;
    klucznik_core::config::service::my_password_policy(&ctx).await
}
