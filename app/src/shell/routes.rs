//! The pages as lazily loaded pieces of the browser bundle (issue 14; docs/ARCHITECTURE.md
//! "The browser bundle"). Sign-in, the password change and the dashboard are the shell's own
//! part; the other areas form three pieces (people, rights, activity), each one `#[lazy]`
//! function fetched the first time one of its pages opens. Three, not one per area: the bundler
//! makes a shared piece for every set of split points that share code (ten areas gave 95
//! pieces, up to 63 per page), and on a slow link every piece costs a round trip.

use leptos::lazy;
use leptos::prelude::*;
use leptos_router::LazyRoute;

/// A route whose view is a page of an area's lazy piece; with `if $may`, only for a user the
/// rights snapshot allows it — anyone else sees that the page is refused, not its buttons,
/// filters and pager over an error (issue 14; the server refuses the data anyway). The piece
/// is preloaded either way: hydration needs it before it knows which view the route shows.
macro_rules! area_page {
    ($route:ident => $area:ident($page:expr), $preload:ident) => {
        area_page!($route if |_: &domain::rights::Snapshot, _: bool| true => $area($page), $preload);
    };
    ($route:ident if $may:expr => $area:ident($page:expr), $preload:ident) => {
        pub struct $route;

        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            // Hydration walks the server's markup at once: the router awaits this before it
            // hydrates the route, so the piece must be there (what `#[lazy_route]` does).
            async fn preload() {
                #[cfg(target_arch = "wasm32")]
                $preload().await;
            }

            async fn view(_this: Self) -> AnyView {
                if permitted($may) {
                    $area($page).await
                } else {
                    view! { <Refused /> }.into_any()
                }
            }
        }
    };
}

/// Whether the page's user may see a page (their rights, whether the account is a main one).
fn permitted(may: impl Fn(&domain::rights::Snapshot, bool) -> bool) -> bool {
    match use_context::<crate::page_context::CurrentUser>() {
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

fn can(module: Module, op: Op) -> impl Fn(&domain::rights::Snapshot, bool) -> bool {
    move |rights, _| rights.can(module, op)
}

use crate::catalogue::{Module, Op};

/// Every page of the three pieces.
#[derive(Clone, Copy)]
pub enum Page {
    Users,
    UserCard,
    Persons,
    PersonCard,
    Accounts,
    Roles,
    RoleCard,
    UserRights,
    RoleRights,
    Effective,
    Units,
    Sessions,
    MySessions,
    Substitutions,
    Audit,
    Configuration,
}

/// People: users, persons and sub-accounts.
#[lazy]
fn people(page: Page) -> AnyView {
    match page {
        Page::UserCard => view! { <crate::users::UserCardPage /> }.into_any(),
        Page::Persons => view! { <crate::persons::PersonsPage /> }.into_any(),
        Page::PersonCard => view! { <crate::persons::PersonCard /> }.into_any(),
        Page::Accounts => view! { <crate::accounts::AccountsPage /> }.into_any(),
        _ => view! { <crate::users::UsersPage /> }.into_any(),
    }
}

/// Rights: roles, the rights editors, effective rights and the units they are granted on.
#[lazy]
fn rights(page: Page) -> AnyView {
    match page {
        Page::RoleCard => view! { <crate::roles::RoleCard /> }.into_any(),
        Page::UserRights => view! { <crate::rights::RightsPage role=false /> }.into_any(),
        Page::RoleRights => view! { <crate::rights::RightsPage role=true /> }.into_any(),
        Page::Effective => view! { <crate::rights::EffectivePage /> }.into_any(),
        Page::Units => view! { <crate::units::UnitsPage /> }.into_any(),
        _ => view! { <crate::roles::RolesPage /> }.into_any(),
    }
}

/// Activity: sessions, substitutions, the audit log and the configuration.
#[lazy]
fn activity(page: Page) -> AnyView {
    match page {
        Page::MySessions => view! { <crate::sessions::MySessionsPage /> }.into_any(),
        Page::Substitutions => view! { <crate::substitutions::SubstitutionsPage /> }.into_any(),
        Page::Audit => view! { <crate::audit_log::AuditPage /> }.into_any(),
        Page::Configuration => view! { <crate::config::ConfigPage /> }.into_any(),
        _ => view! { <crate::sessions::SessionsPage /> }.into_any(),
    }
}

area_page!(UsersRoute if can(Module::Users, Op::View) => people(Page::Users), __preload_people);
area_page!(UserCardRoute if can(Module::Users, Op::View) => people(Page::UserCard), __preload_people);
area_page!(PersonsRoute if can(Module::Persons, Op::View) => people(Page::Persons), __preload_people);
area_page!(PersonCardRoute if can(Module::Persons, Op::View) => people(Page::PersonCard), __preload_people);
area_page!(AccountsRoute if |r: &domain::rights::Snapshot, main: bool| main && r.can(Module::Accounts, Op::View)
    => people(Page::Accounts), __preload_people);
area_page!(RolesRoute if can(Module::Roles, Op::View) => rights(Page::Roles), __preload_rights);
area_page!(RoleCardRoute if can(Module::Roles, Op::View) => rights(Page::RoleCard), __preload_rights);
area_page!(UserRightsRoute if can(Module::Users, Op::View) => rights(Page::UserRights), __preload_rights);
area_page!(RoleRightsRoute if can(Module::Roles, Op::View) => rights(Page::RoleRights), __preload_rights);
area_page!(EffectiveRoute if can(Module::Users, Op::View) => rights(Page::Effective), __preload_rights);
area_page!(UnitsRoute if can(Module::Units, Op::View) => rights(Page::Units), __preload_rights);
area_page!(SessionsRoute if can(Module::Sessions, Op::View) => activity(Page::Sessions), __preload_activity);
area_page!(MySessionsRoute => activity(Page::MySessions), __preload_activity);
area_page!(SubstitutionsRoute if |r: &domain::rights::Snapshot, _: bool| domain::substitutions::may_define(r)
    => activity(Page::Substitutions), __preload_activity);
area_page!(AuditRoute if can(Module::Audit, Op::View) => activity(Page::Audit), __preload_activity);
area_page!(ConfigRoute if can(Module::Configuration, Op::View) => activity(Page::Configuration), __preload_activity);
