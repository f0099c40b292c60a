//! The pages as lazily loaded routes (issue 14): each page's code is its own piece of the
//! browser bundle, fetched with the page, so the sign-in page and the dashboard carry only the
//! shell. The server renders every page as usual; the browser fetches the page's piece (its
//! preload link is in the page) before it hydrates. `data()` stays in the shell's part: it
//! holds nothing.

use leptos::prelude::*;
use leptos_router::{lazy_route, LazyRoute};

/// A route whose view is `$page`, loaded with the page; with `if $may`, only for a user the
/// rights snapshot allows it — anyone else sees that the page is refused, not its buttons,
/// filters and pager over an error (issue 14; the server refuses the data anyway).
macro_rules! lazy_page {
    ($route:ident => $page:expr) => {
        lazy_page!($route if |_: &crate::rights::Snapshot, _: bool| true => $page);
    };
    ($route:ident if $may:expr => $page:expr) => {
        pub struct $route;

        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            fn view(_this: Self) -> AnyView {
                if permitted($may) {
                    $page.into_any()
                } else {
                    view! { <Refused /> }.into_any()
                }
            }
        }
    };
}

/// Whether the page's user may see a page (their rights, whether the account is a main one).
fn permitted(may: impl Fn(&crate::rights::Snapshot, bool) -> bool) -> bool {
    match use_context::<super::CurrentUser>() {
        Some(user) => user.0.with_untracked(|me| may(&me.rights, me.account_is_main)),
        // Outside the frame (sign-in, password change) nothing is asked.
        None => true,
    }
}

/// A page the user may not see: said once, with the way back.
#[component]
fn Refused() -> impl IntoView {
    use crate::i18n::{use_i18n, CommonT};
    let i18n = use_i18n();
    view! {
        <h1>{move || i18n.t(super::ShellT::RefusedTitle)}</h1>
        <p class="error-note" role="alert">{move || i18n.t(CommonT::ErrForbidden)}</p>
        <leptos_router::components::A href="/">{move || i18n.t(super::ShellT::BackToDashboard)}</leptos_router::components::A>
    }
}

fn can(module: Module, op: Op) -> impl Fn(&crate::rights::Snapshot, bool) -> bool {
    move |rights, _| rights.can(module, op)
}

use crate::catalogue::{Module, Op};

lazy_page!(LoginRoute => view! { <crate::auth::LoginPage /> });
lazy_page!(PasswordRoute => view! { <crate::auth::ChangePasswordPage /> });
lazy_page!(DashboardRoute => view! { <super::dashboard::Dashboard /> });
lazy_page!(UnitsRoute if can(Module::Units, Op::View) => view! { <crate::units::UnitsPage /> });
lazy_page!(SessionsRoute if can(Module::Sessions, Op::View) => view! { <crate::sessions::SessionsPage /> });
lazy_page!(MySessionsRoute => view! { <crate::sessions::MySessionsPage /> });
lazy_page!(UsersRoute if can(Module::Users, Op::View) => view! { <crate::users::UsersPage /> });
lazy_page!(UserCardRoute if can(Module::Users, Op::View) => view! { <crate::users::UserCardPage /> });
lazy_page!(UserRightsRoute if can(Module::Users, Op::View) => view! { <crate::rights::RightsPage role=false /> });
lazy_page!(EffectiveRoute if can(Module::Users, Op::View) => view! { <crate::rights::EffectivePage /> });
lazy_page!(AccountsRoute if |r: &crate::rights::Snapshot, main: bool| main && r.can(Module::Accounts, Op::View)
    => view! { <crate::accounts::AccountsPage /> });
lazy_page!(SubstitutionsRoute if |r: &crate::rights::Snapshot, _: bool| crate::substitutions::may_define(r)
    => view! { <crate::substitutions::SubstitutionsPage /> });
lazy_page!(AuditRoute if can(Module::Audit, Op::View) => view! { <crate::audit_log::AuditPage /> });
lazy_page!(ConfigRoute if can(Module::Configuration, Op::View) => view! { <crate::config::ConfigPage /> });
lazy_page!(RolesRoute if can(Module::Roles, Op::View) => view! { <crate::roles::RolesPage /> });
lazy_page!(RoleCardRoute if can(Module::Roles, Op::View) => view! { <crate::roles::RoleCard /> });
lazy_page!(RoleRightsRoute if can(Module::Roles, Op::View) => view! { <crate::rights::RightsPage role=true /> });
lazy_page!(PersonsRoute if can(Module::Persons, Op::View) => view! { <crate::persons::PersonsPage /> });
lazy_page!(PersonCardRoute if can(Module::Persons, Op::View) => view! { <crate::persons::PersonCard /> });
