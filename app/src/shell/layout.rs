//! The frame around every signed-in page: title bar with the user menu, navigation from the
//! catalogue and the user's rights, and the notice when the session ends.

use super::ShellT;
use crate::auth::prefs;
use crate::catalogue::{Area, Module, Op, MODULES};
use crate::error::AppError;
use crate::events::use_live;
use crate::i18n::{fill, use_i18n, Lang};
use crate::page_context::{current_user, go, use_me, use_theme, CurrentUser, Theme};
use domain::auth::{AuthT, Me};
use domain::events::{EndReason, Topic};
use leptos::either::EitherOf3;
use leptos::html::Dialog;
use leptos::prelude::*;
use leptos_router::components::{Outlet, Redirect, A};

/// The frame is built once, when the signed-in user is known. Not in a `move ||` closure: on
/// the server, Suspense walks its children again whenever a resource below starts or finishes
/// loading, and a closure would build a new frame — with new resources, fetched again — on
/// every walk. The user does not change under a page: `CurrentUser` follows later changes.
/// A `Transition`, not a `Suspense`: data a page loads later (outside its own boundaries) must
/// not swap the whole frame for the fallback and back — that took every open dialog out of the
/// page and with it its modality (issue 14).
#[component]
pub fn Layout() -> impl IntoView {
    let me = use_me();
    view! {
        <Transition>
            {Suspend::new(async move {
                match me.await {
                    Ok(me) if me.must_change_password => EitherOf3::A(view! { <Redirect path="/password" /> }),
                    Ok(me) => EitherOf3::B(view! { <Frame me /> }),
                    Err(AppError::Unauthenticated) => EitherOf3::A(view! { <Redirect path="/login" /> }),
                    Err(e) => EitherOf3::C(view! { <crate::ui::ErrorNote error=Signal::stored(Some(e)) /> }),
                }
            })}
        </Transition>
    }
}

#[component]
fn Frame(me: Me) -> impl IntoView {
    let i18n = use_i18n();
    let live = use_live();
    let nav_open = RwSignal::new(false);
    let current = RwSignal::new(me.clone());
    provide_context(CurrentUser(current));
    // The user of the page follows every change of who they are: rights, their record, their
    // accounts, and the end of work on someone's behalf (issue 14: the page went on showing the
    // absent user's name and menus until a click).
    Effect::new(move |previous: Option<u64>| {
        let version = live.version(Topic::Rights)
            + live.version(Topic::Users)
            + live.version(Topic::Accounts)
            + u64::from(live.mode_ended.with(Option::is_some));
        if previous.is_some_and(|p| p != version) {
            leptos::task::spawn_local(async move {
                if let Ok(me) = crate::auth::api::whoami().await {
                    current.set(me);
                }
            });
        }
        version
    });
    view! {
        <a class="skip-link" href="#main">{move || i18n.t(ShellT::SkipToContent)}</a>
        <TitleBar me=me.clone() nav_open />
        <div class="frame">
            <Navigation me=current nav_open />
            <main id="main" tabindex="-1">
                <crate::substitutions::ModeEnded />
                <crate::substitutions::WorkingAsBanner />
                <Outlet />
            </main>
        </div>
        <SessionEnded />
        <ReturnedHome />
    }
}

#[component]
fn TitleBar(me: Me, nav_open: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let theme = use_theme();
    let menu_open = RwSignal::new(false);
    let menu_node = NodeRef::<leptos::html::Div>::new();
    let menu_button = NodeRef::<leptos::html::Button>::new();
    // A click anywhere outside the open menu closes it.
    #[cfg(feature = "hydrate")]
    {
        let handle = window_event_listener(leptos::ev::click, move |ev| {
            if !menu_open.get_untracked() {
                return;
            }
            use wasm_bindgen::JsCast;
            let inside = ev.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok()).is_some_and(|target| {
                menu_node.get_untracked().is_some_and(|menu| menu.contains(Some(&target)))
            });
            if !inside {
                menu_open.set(false);
            }
        });
        on_cleanup(move || handle.remove());
    }
    // The title bar names who is really signed in, also while working on someone's behalf.
    let name = me.native_name();
    let logout = move |_| {
        leptos::task::spawn_local(async move {
            let _ = crate::auth::api::logout().await;
            go("/login");
        });
    };
    let on_lang = move |ev: leptos::ev::Event| {
        if let Some(lang) = Lang::from_code(&event_target_value(&ev)) {
            prefs::switch(i18n, theme, lang, theme.get_untracked(), true);
        }
    };
    let on_theme = move |ev: leptos::ev::Event| {
        let dark = event_target_checked(&ev);
        let next = if dark { Theme::Dark } else { Theme::Light };
        prefs::switch(i18n, theme, i18n.lang.get_untracked(), next, true);
    };
    let signed_in_as = {
        let name = name.clone();
        move || fill(i18n.t(ShellT::SignedInAs), &[("name".into(), name.clone())])
    };
    view! {
        <header class="titlebar">
            <button
                class="nav-toggle"
                aria-controls="nav"
                aria-expanded=move || nav_open.get().to_string()
                on:click=move |_| nav_open.update(|o| *o = !*o)
            >
                {move || i18n.t(ShellT::Menu)}
            </button>
            <A href="/" attr:class="brand">"Klucznik"</A>
            <span class="account">
                <span class="visually-hidden">{move || i18n.t(ShellT::Account)} ": "</span>
                {me.account_name.clone()}
            </span>
            // Access to sub-accounts can be given while the page is open: follow the user.
            <Show when=move || current_user().with(|m| m.can_switch)>
                <crate::accounts::SwitchAccount />
            </Show>
            <crate::notices::Bell />
            <div class="usermenu" node_ref=menu_node on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                if ev.key() == "Escape" && menu_open.get_untracked() {
                    menu_open.set(false);
                    if let Some(b) = menu_button.get_untracked() {
                        let _ = b.focus();
                    }
                }
            }>
                <button
                    node_ref=menu_button
                    class="usermenu-button"
                    aria-controls="user-menu"
                    aria-expanded=move || menu_open.get().to_string()
                    on:click=move |_| menu_open.update(|o| *o = !*o)
                >
                    <span class="visually-hidden">{move || i18n.t(ShellT::UserMenu)} ": "</span>
                    {name.clone()}
                </button>
                <div id="user-menu" class="usermenu-panel" hidden=move || !menu_open.get()>
                    <p class="muted">{signed_in_as}</p>
                    <crate::substitutions::StartableList />
                    <A href="/password">{move || i18n.t(AuthT::ChangePassword)}</A>
                    <A href="/my/sessions">{move || i18n.t(domain::sessions::SessionT::MyTitle)}</A>
                    <label>
                        {move || i18n.t(ShellT::Language)}
                        <select on:change=on_lang prop:value=move || i18n.lang.get().code()>
                            {Lang::ALL
                                .into_iter()
                                .map(|l| view! { <option value=l.code()>{l.native_name()}</option> })
                                .collect_view()}
                        </select>
                    </label>
                    <label class="check">
                        <input type="checkbox" on:change=on_theme prop:checked=move || theme.get() == Theme::Dark />
                        {move || i18n.t(ShellT::DarkTheme)}
                    </label>
                    <button on:click=logout>{move || i18n.t(ShellT::LogOut)}</button>
                </div>
            </div>
        </header>
    }
}

#[component]
fn Navigation(me: RwSignal<Me>, nav_open: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let areas = move || {
        Area::ALL
        .into_iter()
        .filter_map(|area| {
            let links: Vec<_> = MODULES
                .iter()
                .filter(|m| m.area == area && me.with(|me| shown(&me.rights, m.module)))
                // Sub-accounts are managed from the main account only.
                .filter(|m| m.module != Module::Accounts || me.with(|me| me.account_is_main))
                .filter_map(|m| m.path.map(|path| (path, m.name)))
                .collect();
            (!links.is_empty()).then(|| {
                view! {
                    <li>
                        <span class="nav-area">{move || i18n.t(area.name())}</span>
                        <ul>
                            {links
                                .into_iter()
                                .map(|(path, name)| view! { <li><A href=path>{move || i18n.t(name)}</A></li> })
                                .collect_view()}
                        </ul>
                    </li>
                }
            })
        })
        .collect_view()
    };
    view! {
        <nav id="nav" class="nav" class:open=move || nav_open.get() aria-label=move || i18n.t(ShellT::MainNavigation)>
            <ul>
                <li><A href="/">{move || i18n.t(ShellT::Dashboard)}</A></li>
                {areas}
            </ul>
        </nav>
    }
}

/// Whether the navigation shows a module: its View right, or for Substitutions any of the
/// permissions to define them.
fn shown(rights: &domain::rights::Snapshot, module: Module) -> bool {
    if module == Module::Substitutions {
        return domain::substitutions::may_define(rights);
    }
    rights.can(module, Op::View)
}

/// A modal dialog when this session has been closed elsewhere.
#[component]
fn SessionEnded() -> impl IntoView {
    let i18n = use_i18n();
    let live = use_live();
    let dialog = NodeRef::<Dialog>::new();
    Effect::new(move |_| {
        if live.ended.get().is_some() {
            if let Some(d) = dialog.get() {
                let _ = d.show_modal();
            }
        }
    });
    // Escape would close the dialog over a page that only looks signed in: it leads to the
    // sign-in page like the button does (issue 14).
    let on_cancel = move |ev: leptos::ev::Event| {
        ev.prevent_default();
        go("/login");
    };
    view! {
        <dialog node_ref=dialog aria-labelledby="ended-title" class="dialog" on:cancel=on_cancel>
            <h2 id="ended-title">{move || i18n.t(ShellT::SessionEndedTitle)}</h2>
            {move || live.ended.get().map(|e| {
                let why = match (e.reason, e.by) {
                    (EndReason::Ended, Some(by)) => Some(fill(i18n.t(ShellT::EndedBy), &[("by".into(), by), ("at".into(), e.at_text)])),
                    (EndReason::Replaced, _) => Some(i18n.t(ShellT::EndedReplaced).to_string()),
                    (EndReason::Expired, _) => Some(i18n.t(ShellT::EndedExpired).to_string()),
                    _ => None,
                };
                let note = e.note.map(|n| fill(i18n.t(ShellT::EndedReason), &[("note".into(), n)]));
                view! { {why.map(|w| view! { <p>{w}</p> })} {note.map(|n| view! { <p>{n}</p> })} }
            })}
            <p>{move || i18n.t(ShellT::SessionEndedText)}</p>
            <button on:click=move |_| go("/login")>{move || i18n.t(ShellT::GoToLogin)}</button>
        </dialog>
    }
}

/// A modal notice when this session was sent back from a sub-account it may no longer enter.
#[component]
fn ReturnedHome() -> impl IntoView {
    use domain::accounts::AccountT;
    let i18n = use_i18n();
    let live = use_live();
    let open = RwSignal::new(false);
    Effect::new(move |_| {
        if live.returned.get().is_some() {
            open.set(true);
        }
    });
    // However the notice is closed, the page reloads in the home account.
    Effect::new(move |_| {
        if !open.get() && live.returned.get_untracked().is_some() {
            go("/");
        }
    });
    let title = Signal::derive(move || i18n.t(AccountT::ReturnedTitle).to_string());
    view! {
        <crate::ui::Dialog id="returned-home" open title>
            <p>{move || fill(i18n.t(AccountT::ReturnedText), &[("account".into(), live.returned.get().unwrap_or_default())])}</p>
            <button type="button" on:click=move |_| go("/")>{move || i18n.t(crate::i18n::CommonT::Close)}</button>
        </crate::ui::Dialog>
    }
}
