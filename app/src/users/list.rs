//! The users list: search, filters (status, type, role) and paging.

use super::api::list_users;
use crate::accounts::AccessDialog;
use crate::catalogue::{ColumnOp, Module, Op};
use crate::events::use_live;
use crate::i18n::{fill, use_i18n, CommonT};
use crate::list::PAGE_SIZE;
use crate::page_context::current_user;
use crate::roles::api::list_roles;
use crate::ui::{loaded, Pager};
use domain::accounts::AccountT;
use domain::events::Topic;
use domain::users::{StatusFilter, UserKind, UserQuery, UserT};
use leptos::prelude::*;
use leptos_router::components::A;

fn status_of(key: &str) -> StatusFilter {
    match key {
        "active" => StatusFilter::Active,
        "blocked" => StatusFilter::Blocked,
        "expired" => StatusFilter::Expired,
        "inactive" => StatusFilter::Inactive,
        _ => StatusFilter::All,
    }
}

#[component]
pub fn UsersPage() -> impl IntoView {
    let i18n = use_i18n();
    let live = use_live();
    let me = current_user();
    let search = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let kind = RwSignal::new(String::new());
    let role = RwSignal::new(String::new());
    let page = RwSignal::new(0u32);
    let total = RwSignal::new(0u64);
    Effect::new(move |_| {
        search.track();
        status.track();
        kind.track();
        role.track();
        page.set(0);
    });
    let users = Resource::new(
        move || {
            (
                // Role names come in the user's language (built-in ones are translated).
                live.version(Topic::Users) + live.version(Topic::Roles) + i18n.lang.get() as u64,
                search.get(),
                status.get(),
                kind.get(),
                role.get(),
                page.get(),
            )
        },
        |(_, search, status, kind, role, page)| {
            list_users(UserQuery {
                search,
                status: status_of(&status),
                kind: UserKind::parse(&kind),
                role_id: role.parse().ok(),
                page,
            })
        },
    );
    let roles = crate::ui::BrowserData::new(move || {
        live.version(Topic::Roles);
        list_roles()
    });
    Effect::new(move |_| {
        if let Some(Ok(p)) = users.get() {
            total.set(p.total);
        }
    });
    let columns = RwSignal::new(domain::views::ListView::default());
    let chooser_columns = Signal::derive(move || {
        let sees = |key: &str| me.with(|m| m.rights.column(Module::Users, key, ColumnOp::Visible));
        let mut list: Vec<(&'static str, crate::i18n::Msg)> = Vec::new();
        for (key, right, label) in [
            ("full_name", "full_name", UserT::FullName),
            ("kind", "kind", UserT::Kind),
            ("status", "status", UserT::Status),
            ("valid_to", "status", UserT::ValidTo),
            ("roles", "roles", UserT::Roles),
        ] {
            if sees(right) {
                list.push((key, label.into()));
            }
        }
        if me.with(|m| m.account_is_main && m.rights.can(Module::Accounts, Op::View)) {
            list.push(("sub_accounts", AccountT::SubAccounts.into()));
        }
        list
    });
    let access_user = RwSignal::new(None::<(i64, String)>);
    let access_open = RwSignal::new(false);
    let state_text = move |active: bool, blocked: bool, expired: bool| {
        let mut parts = Vec::new();
        if !active {
            parts.push(i18n.t(UserT::Inactive));
        }
        if blocked {
            parts.push(i18n.t(UserT::Blocked));
        }
        if expired {
            parts.push(i18n.t(UserT::Expired));
        }
        if parts.is_empty() {
            parts.push(i18n.t(UserT::Active));
        }
        parts.join(", ")
    };
    view! {
        <div class="page-head">
            <h1>{move || i18n.t(UserT::Title)}</h1>
            <Show when=move || me.with(|m| m.rights.can(Module::Users, Op::Create))>
                <A href="/users/new" attr:class="button">{move || i18n.t(UserT::NewUser)}</A>
            </Show>
        </div>
        <div class="filters">
            <div class="field">
                <label for="user-search">{move || i18n.t(UserT::SearchUsers)}</label>
                <input id="user-search" type="search" prop:value=move || search.get() on:input=move |ev| search.set(event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for="user-status">{move || i18n.t(UserT::Status)}</label>
                <select id="user-status" on:change=move |ev| status.set(event_target_value(&ev))>
                    <option value="">{move || i18n.t(CommonT::All)}</option>
                    <option value="active">{move || i18n.t(UserT::Active)}</option>
                    <option value="blocked">{move || i18n.t(UserT::Blocked)}</option>
                    <option value="expired">{move || i18n.t(UserT::Expired)}</option>
                    <option value="inactive">{move || i18n.t(UserT::Inactive)}</option>
                </select>
            </div>
            <div class="field">
                <label for="user-kind">{move || i18n.t(UserT::Kind)}</label>
                <select id="user-kind" on:change=move |ev| kind.set(event_target_value(&ev))>
                    <option value="">{move || i18n.t(UserT::AnyKind)}</option>
                    {UserKind::ALL.into_iter().map(|k| view! { <option value=k.key()>{move || i18n.t(k.name())}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="user-role">{move || i18n.t(UserT::Roles)}</label>
                <select id="user-role" on:change=move |ev| role.set(event_target_value(&ev))>
                    <option value="">{move || i18n.t(UserT::AnyRole)}</option>
                    {move || roles.get().and_then(Result::ok).map(|list| list.into_iter().map(|r| view! { <option value=r.id.to_string()>{r.name}</option> }).collect_view())}
                </select>
            </div>
        </div>
        <crate::views::ColumnChooser spec=domain::views::USERS view=columns columns=chooser_columns />
        <Transition fallback=move || view! { <p>{move || i18n.t(CommonT::Loading)}</p> }>
            {move || Suspend::new(async move {
                loaded(users.await, move |p| {
                    let sees = move |key: &'static str| me.with(|m| m.rights.column(Module::Users, key, ColumnOp::Visible));
                    // A column shows when its right allows and the user's view keeps it.
                    let shown = move |key: &'static str, right: &'static str| sees(right) && columns.with(|v| v.shows(key));
                    let edit = move || me.with(|m| m.rights.can(Module::Users, Op::Edit));
                    let subs_shown = p.rows.iter().any(|r| r.sub_accounts.is_some());
                    let edit_access = move || me.with(|m| m.rights.can(Module::Accounts, Op::Edit));
                    view! {
                    <div class="scroll" tabindex="0">
                    <table class="table">
                        <caption class="visually-hidden">{move || i18n.t(UserT::Title)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{move || i18n.t(UserT::Login)}</th>
                                <Show when=move || shown("full_name", "full_name")><th scope="col">{move || i18n.t(UserT::FullName)}</th></Show>
                                <Show when=move || shown("kind", "kind")><th scope="col">{move || i18n.t(UserT::Kind)}</th></Show>
                                <Show when=move || shown("status", "status")><th scope="col">{move || i18n.t(UserT::Status)}</th></Show>
                                <Show when=move || shown("valid_to", "status")><th scope="col" class="nowrap">{move || i18n.t(UserT::ValidTo)}</th></Show>
                                <Show when=move || shown("roles", "roles")><th scope="col">{move || i18n.t(UserT::Roles)}</th></Show>
                                <Show when=move || subs_shown && columns.with(|v| v.shows("sub_accounts"))><th scope="col">{move || i18n.t(AccountT::SubAccounts)}</th></Show>
                                <th scope="col"><span class="visually-hidden">{move || i18n.t(CommonT::Edit)}</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            {p.rows.is_empty().then(|| view! { <tr><td colspan="7">{move || i18n.t(CommonT::NothingFound)}</td></tr> })}
                            {p.rows.into_iter().map(|u| {
                                                                let (id, login) = (u.id, u.login.clone());
                                let (full_name, valid_to, roles) = (u.full_name.clone(), u.valid_to.clone().unwrap_or_default(), u.roles.join(", "));
                                let (kind, active, blocked, expired) = (u.kind, u.active, u.blocked, u.expired);
                                let title_login = u.login.clone();
                                let sub_accounts = u.sub_accounts.clone();
                                let sub_login = login.clone();
                                let subs = move || sub_accounts.clone().map(|(admin, names)| {
                                    let access_login = sub_login.clone();
                                    let label = fill(i18n.t(AccountT::EditAccessLabel), &[("login".into(), sub_login.clone())]);
                                    let text = if admin {
                                        i18n.t(AccountT::AllSubAccounts).to_string()
                                    } else if names.is_empty() {
                                        i18n.t(AccountT::NoSubAccounts).to_string()
                                    } else {
                                        names.join(", ")
                                    };
                                    view! {
                                        <td class="long">
                                            {text} " "
                                            {edit_access().then(|| view! {
                                                <button type="button" class="small secondary" aria-label=label on:click=move |_| {
                                                    access_user.set(Some((id, access_login.clone())));
                                                    access_open.set(true);
                                                }>{move || i18n.t(AccountT::ChangeAccess)}</button>
                                            })}
                                        </td>
                                    }
                                });
                                view! {
                                <tr>
                                    <td class="long"><A href=format!("/users/{}", u.id) attr:title=title_login>{u.login}</A></td>
                                    {move || shown("full_name", "full_name").then(|| view! { <td class="long">{full_name.clone()}</td> })}
                                    {move || shown("kind", "kind").then(|| view! { <td>{move || i18n.t(kind.name())}</td> })}
                                    {move || shown("status", "status").then(|| view! { <td>{move || state_text(active, blocked, expired)}</td> })}
                                    {move || shown("valid_to", "status").then(|| view! { <td class="nowrap">{valid_to.clone()}</td> })}
                                    {move || shown("roles", "roles").then(|| view! { <td class="long">{roles.clone()}</td> })}
                                    {move || columns.with(|v| v.shows("sub_accounts")).then(subs.clone()).flatten()}
                                    <td>
                                                                                {move || {
                                            let login = login.clone();
                                            edit().then(move || view! {
                                                <A href=format!("/users/{id}")>{move || i18n.t(CommonT::Edit)}<span class="visually-hidden">" " {login}</span></A>
                                            })
                                        }}
                                    </td>
                                </tr>
                            }}).collect_view()}
                        </tbody>
                    </table>
                    </div>
                    }
                })
            })}
        </Transition>
        <Pager page total=total page_size=PAGE_SIZE />
        <AccessDialog user=access_user open=access_open on_saved=move || live.bump(Topic::Users) />
    }
}
