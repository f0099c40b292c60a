//! The use cases behind the console's own-session server functions that are not signing in or
//! the password change (those are `login` and `password_change`): who the caller is, signing
//! out, the caller's preferences. Cookies stay with the web side (docs/ARCHITECTURE.md "Layers").

use crate::error::AppError;
use crate::guard::Ctx;
use crate::i18n::Lang;
use domain::auth::Me;
use domain::events::EndReason;
use domain::prefs::Theme;

/// Ends the caller's session.
pub async fn log_out(ctx: &Ctx) -> Result<(), AppError> {
    let actor = ctx.actor();
    crate::sessions::ending::end_now(ctx.store(), ctx.who.session_id.get(), EndReason::Logout, Some(&actor))
        .await?;
    Ok(())
}

/// The signed-in user, their account and rights.
pub async fn whoami(ctx: &Ctx) -> Result<Me, AppError> {
    let who = &ctx.who;
    // Not while working on someone's behalf: the substitution lives in the home account.
    let can_switch = who.substitution.is_none()
        && crate::accounts::repo::may_switch(ctx.store(), who.native.id.get(), who.home_scope()).await?;
    let native =
        (who.native.id != who.effective.id).then(|| (who.native.login.clone(), who.native.full_name.clone()));
    Ok(Me {
        session_id: who.session_id.get(),
        user_id: who.effective.id.get(),
        login: who.effective.login.clone(),
        full_name: who.effective.full_name.clone(),
        native,
        working_until: who.substitution.as_ref().map(|(_, to)| to.clone()),
        account_id: who.account.id.get(),
        account_name: who.account.name.clone(),
        account_is_main: who.account.is_main,
        can_switch,
        unit_name: who.unit_name.clone(),
        must_change_password: who.must_change_password,
        lang: who.lang,
        theme: who.theme,
        rights: (*who.rights).clone(),
    })
}

/// Stores the caller's language and theme, answering them parsed for the cookies.
pub async fn set_preferences(ctx: &Ctx, lang: &str, theme: &str) -> Result<(Lang, Theme), AppError> {
    let lang = Lang::from_code(lang)
        .ok_or_else(|| AppError::Request(crate::error::clip(&format!("unknown language {lang}"))))?;
    let theme = Theme::parse(theme)
        .ok_or_else(|| AppError::Request(crate::error::clip(&format!("unknown theme {theme}"))))?;
    crate::users::repo::set_preferences(ctx.store(), ctx.who.native.id.get(), lang, theme).await?;
    Ok((lang, theme))
}
