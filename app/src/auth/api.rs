//! Server functions of signing in and out, the current user, passwords and preferences.

use crate::error::AppError;
use domain::auth::{LoginOutcome, Me};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
mod cookies {
    use crate::guard::TOKEN_COOKIE;
    use crate::i18n::Lang;
    use http::{header::SET_COOKIE, HeaderValue};
    use leptos_axum::ResponseOptions;

    pub const LANG_COOKIE: &str = "klucznik_lang";
    pub const THEME_COOKIE: &str = "klucznik_theme";

    fn append(value: String) {
        if let (Some(res), Ok(value)) =
            (leptos::prelude::use_context::<ResponseOptions>(), HeaderValue::from_str(&value))
        {
            res.append_header(SET_COOKIE, value);
        }
    }

    pub fn set_session(token: &str, secure: bool) {
        let secure = if secure { "; Secure" } else { "" };
        append(format!("{TOKEN_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict{secure}"));
    }

    /// Marks the device for a year, sent only to the sign-in functions.
    pub fn set_device(token: &str, secure: bool) {
        let secure = if secure { "; Secure" } else { "" };
        append(format!(
            "{}={token}; Path=/api/auth; HttpOnly; SameSite=Strict; Max-Age=31536000{secure}",
            crate::guard::DEVICE_COOKIE
        ));
    }

    pub fn clear_session() {
        append(format!("{TOKEN_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"));
    }

    pub fn set_preference(name: &str, value: &str) {
        append(format!("{name}={value}; Path=/; SameSite=Lax; Max-Age=31536000"));
    }

    pub fn set_lang(lang: Lang) {
        set_preference(LANG_COOKIE, lang.code());
    }
}

#[cfg(feature = "ssr")]
pub use cookies::{LANG_COOKIE, THEME_COOKIE};

/// Signs in with a login, a password and, when the user has several, a unit.
/// **Permissions:** public.
#[server(prefix = "/api", endpoint = "auth/login")]
pub async fn login(
    login: String,
    password: String,
    unit: Option<String>,
    replace: Option<String>,
    step: Option<String>,
) -> Result<LoginOutcome, AppError> {
    use klucznik_core::auth::login::Outcome;
    let ctx = crate::guard::public::<Login>().await?;
    let unit = unit
        .filter(|u| !u.is_empty())
        .map(|u| {
            u.parse::<i64>().map_err(|_| AppError::Request(crate::error::clip(&format!("bad unit {u}"))))
        })
        .transpose()?;
    let replace = replace.is_some_and(|r| r == "1");
    match klucznik_core::auth::login::sign_in(&ctx, &login, &password, unit, replace, step.as_deref()).await?
    {
        Outcome::Signed(signed) => {
            cookies::set_session(&signed.token, ctx.client.secure);
            if let Some(device) = &signed.device {
                cookies::set_device(device, ctx.client.secure);
            }
            cookies::set_lang(signed.lang);
            let next = if signed.must_change_password { "/password" } else { "/" };
            Ok(LoginOutcome {
                next: Some(next.to_string()),
                units: Vec::new(),
                default_unit: None,
                already: None,
                step: None,
            })
        }
        Outcome::ChooseUnit { units, default_unit, step } => {
            Ok(LoginOutcome { next: None, units, default_unit, already: None, step: Some(step) })
        }
        Outcome::AlreadySignedIn { computer, since_text, unit, step } => Ok(LoginOutcome {
            next: None,
            units: Vec::new(),
            default_unit: None,
            already: Some(domain::auth::AlreadySignedIn { computer, since: since_text, unit }),
            step: Some(step),
        }),
    }
}

/// Ends the caller's session. **Permissions:** any session.
#[server(prefix = "/api", endpoint = "auth/logout")]
pub async fn logout() -> Result<(), AppError> {
    let ctx = crate::guard::authorize_listed::<Logout>().await?;
    klucznik_core::auth::service::log_out(&ctx).await?;
    cookies::clear_session();
    Ok(())
}

/// The signed-in user, their account and rights. **Permissions:** any session.
#[server(prefix = "/api", endpoint = "auth/me")]
pub async fn whoami() -> Result<Me, AppError> {
    let ctx = crate::guard::authorize_listed::<Whoami>().await?;
    klucznik_core::auth::service::whoami(&ctx).await
}

/// Changes the caller's own password; optionally ends their other sessions.
/// **Permissions:** any session (rule 8), with the current password.
#[server(prefix = "/api", endpoint = "auth/password")]
pub async fn change_password(
    current_password: String,
    new_password: String,
    confirm_password: String,
    end_other_sessions: Option<String>,
) -> Result<(), AppError> {
    let ctx = crate::guard::authorize_listed::<ChangePassword>().await?;
    let token = klucznik_core::auth::password_change::change_own(
        &ctx,
        &current_password,
        &new_password,
        &confirm_password,
        end_other_sessions.is_some_and(|v| !v.is_empty() && v != "false"),
    )
    .await?;
    cookies::set_session(&token, ctx.client.secure);
    Ok(())
}

/// Stores the caller's language and theme. **Permissions:** any session (rule 8).
#[server(prefix = "/api", endpoint = "auth/preferences")]
pub async fn set_preferences(lang: String, theme: String) -> Result<(), AppError> {
    let ctx = crate::guard::authorize_listed::<SetPreferences>().await?;
    let (lang, theme) = klucznik_core::auth::service::set_preferences(&ctx, &lang, &theme).await?;
    cookies::set_lang(lang);
    cookies::set_preference(THEME_COOKIE, theme.key());
    Ok(())
}
