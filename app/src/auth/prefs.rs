//! The language and theme a page starts with, and switching them.

use crate::i18n::{I18n, Lang};
use crate::page_context::Theme;
use leptos::prelude::*;

/// On the server: the signed-in user's settings, else the cookies, else `Accept-Language`.
/// In the browser: what the server wrote on `<html>`, so hydration sees the same.
pub fn initial() -> (Lang, Theme) {
    #[cfg(feature = "ssr")]
    {
        use crate::auth::api::{LANG_COOKIE, THEME_COOKIE};
        use crate::guard::middleware_cookie as cookie;
        if let Some(who) = crate::guard::current() {
            return (who.lang, who.theme);
        }
        let Some(parts) = use_context::<http::request::Parts>() else {
            return Default::default();
        };
        let lang = cookie(&parts.headers, LANG_COOKIE)
            .and_then(|c| Lang::from_code(&c))
            .or_else(|| {
                let header = parts.headers.get(http::header::ACCEPT_LANGUAGE)?.to_str().ok()?;
                Lang::from_accept_language(header)
            })
            .unwrap_or_default();
        let theme = cookie(&parts.headers, THEME_COOKIE).map(|t| Theme::from_key(&t)).unwrap_or_default();
        (lang, theme)
    }
    #[cfg(not(feature = "ssr"))]
    {
        let root = document().document_element();
        let attr = |name: &str| root.as_ref().and_then(|r| r.get_attribute(name)).unwrap_or_default();
        (Lang::from_code(&attr("lang")).unwrap_or_default(), Theme::from_key(&attr("data-theme")))
    }
}

/// Remembers a preference in a cookie, for pages rendered before sign-in.
fn remember(name: &str, value: &str) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        if let Ok(doc) = document().dyn_into::<web_sys::HtmlDocument>() {
            let _ = doc.set_cookie(&format!("{name}={value}; Path=/; SameSite=Lax; Max-Age=31536000"));
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (name, value);
}

/// Switches the language and theme at once and, when signed in, stores them with the user.
pub fn switch(i18n: I18n, theme_signal: RwSignal<Theme>, lang: Lang, theme: Theme, signed_in: bool) {
    i18n.lang.set(lang);
    theme_signal.set(theme);
    remember("klucznik_lang", lang.code());
    remember("klucznik_theme", theme.key());
    if signed_in {
        leptos::task::spawn_local(async move {
            if let Err(e) = crate::auth::api::set_preferences(lang.code().into(), theme.key().into()).await {
                leptos::logging::warn!("could not store preferences: {e}");
            }
        });
    }
}
