//! The use cases behind the server functions of config: each runs on the context
//! authorization gave (docs/ARCHITECTURE.md "Layers").

use crate::audit::{self, Entry};
use crate::error::{AppError, Message};
use crate::guard::Ctx;
use domain::config::AccountConfig;
use domain::events::{EventKind, Topic};

/// The current account's configuration.
pub async fn get_config(ctx: &Ctx) -> Result<AccountConfig, AppError> {
    crate::config::repo::load(ctx.store(), ctx.scope()).await
}

/// Saves the current account's configuration.
pub async fn save_config(ctx: &Ctx, config: AccountConfig) -> Result<(), AppError> {
    let mut checks = config.check();
    if !checks.has("time_zone") && !crate::time::is_zone(config.time_zone.trim()) {
        checks.add(
            "time_zone",
            domain::config::ConfigT::TimeZone,
            Message::new(domain::config::ConfigT::UnknownZone),
        );
    }
    checks.finish()?;
    let account = ctx.scope();
    let mut tx = ctx.store().begin().await?;
    let before = crate::config::repo::save(&mut tx, account, &config).await?;
    if before.time_zone != config.time_zone.trim() {
        // Substitutions run from midnight to midnight of the account's zone.
        crate::substitutions::repo::rezone(&mut tx, account, config.time_zone.trim()).await?;
    }
    let entry = Entry::new("config.update")
        .object("account", account.id())
        .change(serde_json::to_value(before).ok(), serde_json::to_value(&config).ok());
    audit::record(&mut tx, &ctx.actor(), entry).await?;
    tx.raise(Some(account.id()), EventKind::Changed { topic: Topic::Config }).await?;
    tx.commit().await
}

/// The password rules that apply to the caller, for the change-password form.
pub async fn my_password_policy(ctx: &Ctx) -> Result<domain::auth::policy::PasswordPolicy, AppError> {
    crate::users::service::policy_of(ctx.store(), ctx.who.home_scope(), ctx.who.native.id.get()).await
}
