//! Server functions of the account configuration.

use super::AccountConfig;
use crate::error::AppError;
use leptos::prelude::*;

/// The current account's configuration. **Permissions:** Configuration / View.
#[server(prefix = "/api", endpoint = "config/get")]
pub async fn get_config() -> Result<AccountConfig, AppError> {
    let ctx = crate::guard::authorize_listed::<GetConfig>().await?;
    super::store::load(ctx.store(), ctx.who.account.id).await
}

/// Saves the current account's configuration. **Permissions:** Configuration / Edit.
#[server(prefix = "/api", endpoint = "config/save", input = server_fn::codec::Json)]
pub async fn save_config(config: AccountConfig) -> Result<(), AppError> {
    use crate::audit::{self, Entry};
    use crate::error::Message;
    use crate::events::{EventKind, Topic};
    let ctx = crate::guard::authorize_listed::<SaveConfig>().await?;
    let mut checks = config.check();
    if !checks.has("time_zone") && !crate::time::is_zone(config.time_zone.trim()) {
        checks.add("time_zone", super::ConfigT::TimeZone, Message::new(super::ConfigT::UnknownZone));
    }
    checks.finish()?;
    let account = ctx.who.account.id;
    let mut tx = ctx.store().begin().await?;
    let before = super::store::save(&mut tx, account, &config).await?;
    if before.time_zone != config.time_zone.trim() {
        // Substitutions run from midnight to midnight of the account's zone.
        crate::substitutions::store::rezone(&mut tx, account, config.time_zone.trim()).await?;
    }
    let entry = Entry::new("config.update")
        .object("account", account)
        .change(serde_json::to_value(before).ok(), serde_json::to_value(&config).ok());
    audit::record(&mut tx, &ctx.actor(), entry).await?;
    tx.raise(Some(account), EventKind::Changed { topic: Topic::Config }).await?;
    tx.commit().await
}

/// The password rules that apply to the caller, for the change-password form.
/// **Permissions:** any session (rule 8).
#[server(prefix = "/api", endpoint = "config/my-policy")]
pub async fn my_password_policy() -> Result<crate::auth::policy::PasswordPolicy, AppError> {
    let ctx = crate::guard::authorize_listed::<MyPasswordPolicy>().await?;
    crate::users::store::policy_of(ctx.store(), ctx.who.native.id).await
}
