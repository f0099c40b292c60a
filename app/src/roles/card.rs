//! A role's card: name, description, units, members (join / detach), copy, export, delete.

use super::api::{export_role, get_role, ChangeMembers, CopyRole, DeleteRole, SaveRole};
use crate::catalogue::{Module, Op};
use crate::events::use_live;
use crate::i18n::{fill, use_i18n, CommonT};
use crate::page_context::{current_user, go};
use crate::ui::ErrorNote;
use crate::ui::{download, error_of, ConfirmDialog, Status, TextAreaField, TextField};
use crate::units::api::list_units;
use domain::events::Topic;
use domain::roles::{Builtin, Member, RoleInput, RoleT};
use domain::units::{path, tree_order};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

#[component]
pub fn RoleCard() -> impl IntoView {
    let i18n = use_i18n();
    let live = use_live();
    let me = current_user();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|v| v.parse::<i64>().ok()));
    let role = crate::ui::BrowserData::new(move || {
        let id = id();
        live.version(Topic::Roles);
        live.version(Topic::Users);
        async move {
            match id {
                Some(id) => get_role(id).await.map(Some),
                None => Ok(None),
            }
        }
    });
    let units = crate::ui::BrowserData::new(move || {
        live.version(Topic::Units);
        list_units()
    });
    let name = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let chosen_units = RwSignal::new(Vec::<i64>::new());
    let version = RwSignal::new(0i64);
    let builtin = RwSignal::new(None::<Builtin>);
    let members = RwSignal::new(Vec::<Member>::new());
    let others = RwSignal::new(Vec::<Member>::new());
    let load_error = RwSignal::new(None);
    Effect::new(move |_| match role.get() {
        Some(Ok(Some(r))) => {
            name.set(r.name);
            description.set(r.description);
            chosen_units.set(r.units);
            version.set(r.version);
            builtin.set(r.builtin);
            members.set(r.members);
            others.set(r.non_members);
        }
        Some(Err(e)) => load_error.set(Some(e)),
        _ => {}
    });
    let save = ServerAction::<SaveRole>::new();
    let copy = ServerAction::<CopyRole>::new();
    let delete = ServerAction::<DeleteRole>::new();
    let change = ServerAction::<ChangeMembers>::new();
    let error = error_of(save.value());
    Effect::new(move |_| {
        if let Some(Ok(new_id)) = save.value().get() {
            if id().is_none() {
                go(&format!("/roles/{new_id}"));
            }
        }
    });
    Effect::new(move |_| {
        if let Some(Ok((copy_id, _))) = copy.value().get() {
            go(&format!("/roles/{copy_id}"));
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = delete.value().get() {
            go("/roles");
        }
    });
    let saved = Signal::derive(move || {
        matches!(save.value().get(), Some(Ok(_))).then(|| i18n.t(CommonT::Saved).to_string())
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.dispatch(SaveRole {
            input: RoleInput {
                id: id(),
                name: name.get_untracked(),
                description: description.get_untracked(),
                units: chosen_units.get_untracked(),
                version: version.get_untracked(),
            },
        });
    };
    let can = move |op| me.with(|m| m.rights.can(Module::Roles, op));
    let editable = Signal::derive(move || can(if id().is_some() { Op::Edit } else { Op::Create }));
    let export = move |_| {
        if let Some(role_id) = id() {
            leptos::task::spawn_local(async move {
                if let Ok(json) = export_role(role_id).await {
                    download(&format!("{}.json", name.get_untracked()), "application/json", &json);
                }
            });
        }
    };
    let confirm_open = RwSignal::new(false);
    let builtin_note = move || match builtin.get() {
        Some(Builtin::Administrators) => Some(i18n.t(RoleT::BuiltinAdministrators)),
        Some(Builtin::Everyone) => Some(i18n.t(RoleT::BuiltinEveryone)),
        None => None,
    };
    let title = move || if id().is_some() { name.get() } else { i18n.t(RoleT::NewRole).to_string() };
    view! {
                <h1>{title}</h1>
        {move || id().filter(|_| load_error.with(Option::is_none)).map(|role| view! {
            <p class="links"><A href=format!("/roles/{role}/rights")>{move || i18n.t(domain::texts::rights::RightT::Rights)}</A></p>
        })}
        <ErrorNote error=Signal::derive(move || load_error.get()) />
        <p class="notice" hidden=move || builtin_note().is_none()>{builtin_note}</p>
        <form class="card form" hidden=move || load_error.with(Option::is_some) on:submit=submit>
            <TextField label=CommonT::Name.into() name="name" value=name error maxlength=domain::roles::ROLE_NAME_MAX required=true
                disabled=Signal::derive(move || !editable.get() || builtin.get().is_some()) />
            <TextAreaField label=CommonT::Description.into() name="description" value=description error maxlength=domain::roles::ROLE_DESCRIPTION_MAX />
            <fieldset class="unit-choice">
                <legend>{move || i18n.t(RoleT::Units)}</legend>
                <p class="muted">{move || i18n.t(RoleT::UnitsHint)}</p>
                {move || units.get().and_then(Result::ok).map(|list| {
                    tree_order(&list).into_iter().map(|(depth, u)| {
                        let unit_id = u.id;
                        let label = path(&list, u.id);
                        view! {
                            <label class="check indented-check" data-depth=depth.min(12).to_string()>
                                <input type="checkbox"
                                    prop:checked=move || chosen_units.with(|c| c.contains(&unit_id))
                                    disabled=move || !editable.get()
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        chosen_units.update(|c| { c.retain(|x| *x != unit_id); if on { c.push(unit_id); } });
                                    } />
                                {label}
                            </label>
                        }
                    }).collect_view()
                })}
            </fieldset>
            <ErrorNote error />
            <Status text=saved />
            <div class="buttons">
                <Show when=move || editable.get()>
                    <button type="submit" disabled=move || save.pending().get()>{move || i18n.t(CommonT::Save)}</button>
                </Show>
                <Show when=move || id().is_some() && can(Op::Create)>
                    <button type="button" class="secondary" on:click=move |_| { if let Some(i) = id() { copy.dispatch(CopyRole { id: i }); } }>
                        {move || i18n.t(RoleT::Copy)}
                    </button>
                </Show>
                <Show when=move || id().is_some()>
                    <button type="button" class="secondary" on:click=export>{move || i18n.t(RoleT::Export)}</button>
                </Show>
                <Show when=move || id().is_some() && builtin.get().is_none() && can(Op::Delete)>
                    <button type="button" class="danger" on:click=move |_| confirm_open.set(true)>{move || i18n.t(CommonT::Delete)}</button>
                </Show>
            </div>
            <ErrorNote error=error_of(copy.value()) />
            <ErrorNote error=error_of(delete.value()) />
        </form>
        <Show when=move || id().is_some() && load_error.with(Option::is_none)>
            <Membership role=Signal::derive(move || id().unwrap_or_default()) members others builtin change editable />
        </Show>
        <ConfirmDialog
            id="role-delete"
            open=confirm_open
            title=Signal::derive(move || i18n.t(CommonT::Delete).to_string())
            text=Signal::derive(move || fill(i18n.t(RoleT::ConfirmDelete), &[("name".into(), name.get())]))
            confirm=CommonT::Delete.into()
            on_confirm=move || { if let Some(i) = id() { delete.dispatch(DeleteRole { id: i, version: version.get_untracked() }); } }
        />
    }
}

/// The two lists of the seed: members and users not in the role, each with multi-select.
#[component]
fn Membership(
    role: Signal<i64>,
    members: RwSignal<Vec<Member>>,
    others: RwSignal<Vec<Member>>,
    builtin: RwSignal<Option<Builtin>>,
    change: ServerAction<ChangeMembers>,
    editable: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let live = use_live();
    let picked_members = RwSignal::new(Vec::<i64>::new());
    let picked_others = RwSignal::new(Vec::<i64>::new());
    Effect::new(move |_| {
        if let Some(Ok(_)) = change.value().get() {
            picked_members.set(vec![]);
            picked_others.set(vec![]);
            live.bump(Topic::Roles);
        }
    });
    let everyone = move || builtin.get() == Some(Builtin::Everyone);
    let list = move |people: RwSignal<Vec<Member>>, picked: RwSignal<Vec<i64>>| {
        move || {
            people.get().into_iter().map(|m| {
                let user = m.user_id;
                let label = match &m.person { Some(p) => format!("{} — {p}", m.login), None => m.login.clone() };
                let login = m.login.clone();
                let aria = move || fill(i18n.t(RoleT::SelectMember), &[("name".into(), login.clone())]);
                view! {
                    <li>
                        <label class="check">
                            <input type="checkbox" aria-label=aria disabled=move || !editable.get() || everyone()
                                prop:checked=move || picked.with(|p| p.contains(&user))
                                on:change=move |ev| { let on = event_target_checked(&ev); picked.update(|p| { p.retain(|x| *x != user); if on { p.push(user); } }); } />
                            {label}
                        </label>
                    </li>
                }
            }).collect_view()
        }
    };
    view! {
        <section class="card membership" aria-labelledby="members-title">
            <h2 id="members-title">{move || i18n.t(RoleT::Members)}</h2>
            <p class="notice" hidden=move || !everyone()>{move || i18n.t(RoleT::EveryoneImplicit)}</p>
            <div class="two-lists">
                <div>
                    <h3>{move || i18n.t(RoleT::Members)}</h3>
                    <ul class="plain" aria-label=move || i18n.t(RoleT::Members)>{list(members, picked_members)}</ul>
                    <Show when=move || editable.get() && !everyone()>
                        <button type="button" class="secondary" disabled=move || picked_members.with(Vec::is_empty)
                            on:click=move |_| { change.dispatch(ChangeMembers { role: role.get_untracked(), join: vec![], detach: picked_members.get_untracked() }); }>
                            {move || i18n.t(RoleT::Detach)}
                        </button>
                    </Show>
                </div>
                <Show when=move || !everyone()>
                    <div>
                        <h3>{move || i18n.t(RoleT::NonMembers)}</h3>
                        <ul class="plain" aria-label=move || i18n.t(RoleT::NonMembers)>{list(others, picked_others)}</ul>
                        <Show when=move || editable.get()>
                            <button type="button" disabled=move || picked_others.with(Vec::is_empty)
                                on:click=move |_| { change.dispatch(ChangeMembers { role: role.get_untracked(), join: picked_others.get_untracked(), detach: vec![] }); }>
                                {move || i18n.t(RoleT::Join)}
                            </button>
                        </Show>
                    </div>
                </Show>
            </div>
            <ErrorNote error=error_of(change.value()) />
        </section>
    }
}
