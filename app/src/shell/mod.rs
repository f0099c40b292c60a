//! The shell: the HTML document, the router, the title bar, navigation and the dashboard.

mod dashboard;
mod layout;
mod routes;

pub use domain::texts::shell::ShellT;

use crate::auth::api::whoami;
use crate::i18n::{provide_i18n, use_i18n, CommonT};
use crate::page_context::{MeResource, ThemeSignal};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, Html, MetaTags, Title};
use leptos_router::components::{ParentRoute, Route, Router, Routes, A};
use leptos_router::path;
use leptos_router::Lazy;
use routes::*;

/// The whole HTML document, rendered by the server.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    content_policy();
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <HashedStylesheet options=options.clone() />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <HydrationScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The page's Content-Security-Policy, allowing the inline scripts that carry this render's
/// nonce (the hydration script and serialized resources) and nothing else inline.
#[cfg(feature = "ssr")]
fn content_policy() {
    let (Some(nonce), Some(res)) =
        (leptos::nonce::use_nonce(), use_context::<leptos_axum::ResponseOptions>())
    else {
        return;
    };
    if let Ok(value) = http::HeaderValue::from_str(&crate::guard::headers::page_policy(&nonce.to_string())) {
        res.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let (lang, theme) = crate::auth::prefs::initial();
    let i18n = provide_i18n(lang);
    let theme = RwSignal::new(theme);
    provide_context(ThemeSignal(theme));
    let me = Resource::new_blocking(|| (), |_| whoami());
    provide_context(MeResource(me));
    crate::events::provide_live();

    view! {
        <Html {..} lang=move || i18n.lang.get().code() data-theme=move || theme.get().key() />
        <Title text=move || i18n.t(CommonT::AppName).to_string() />
        <Router>
            <Routes fallback=NotFound>
                <Route path=path!("/login") view=crate::auth::LoginPage />
                <Route path=path!("/password") view=crate::auth::ChangePasswordPage />
                <ParentRoute path=path!("") view=layout::Layout>
                    <Route path=path!("") view=dashboard::Dashboard />
                    <Route path=path!("/units") view={Lazy::<UnitsRoute>::new()} />
                    <Route path=path!("/sessions") view={Lazy::<SessionsRoute>::new()} />
                    <Route path=path!("/my/sessions") view={Lazy::<MySessionsRoute>::new()} />
                    <Route path=path!("/users") view={Lazy::<UsersRoute>::new()} />
                    <Route path=path!("/users/new") view={Lazy::<UserCardRoute>::new()} />
                    <Route path=path!("/users/:id") view={Lazy::<UserCardRoute>::new()} />
                    <Route path=path!("/users/:id/rights") view={Lazy::<UserRightsRoute>::new()} />
                    <Route path=path!("/users/:id/effective") view={Lazy::<EffectiveRoute>::new()} />
                    <Route path=path!("/accounts") view={Lazy::<AccountsRoute>::new()} />
                    <Route path=path!("/substitutions") view={Lazy::<SubstitutionsRoute>::new()} />
                    <Route path=path!("/audit") view={Lazy::<AuditRoute>::new()} />
                    <Route path=path!("/configuration") view={Lazy::<ConfigRoute>::new()} />
                    <Route path=path!("/roles") view={Lazy::<RolesRoute>::new()} />
                    <Route path=path!("/roles/new") view={Lazy::<RoleCardRoute>::new()} />
                    <Route path=path!("/roles/:id") view={Lazy::<RoleCardRoute>::new()} />
                    <Route path=path!("/roles/:id/rights") view={Lazy::<RoleRightsRoute>::new()} />
                    <Route path=path!("/persons") view={Lazy::<PersonsRoute>::new()} />
                    <Route path=path!("/persons/new") view={Lazy::<PersonCardRoute>::new()} />
                    <Route path=path!("/persons/:id") view={Lazy::<PersonCardRoute>::new()} />
                </ParentRoute>
            </Routes>
        </Router>
    }
}

#[component]
fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <main class="centered" id="main">
            <h1>{move || i18n.t(ShellT::NotFoundTitle)}</h1>
            <A href="/">{move || i18n.t(ShellT::BackToDashboard)}</A>
        </main>
    }
}
