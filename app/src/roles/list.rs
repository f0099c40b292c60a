//! The roles page: every role with its members (the seed's tree), and importing settings
//! into the selected roles.

use super::api::{list_roles, ImportRoles};
use crate::catalogue::{Module, Op};
use crate::events::use_live;
use crate::i18n::{fill, use_i18n, CommonT};
use crate::page_context::current_user;
use crate::ui::ErrorNote;
use crate::ui::{error_of, loaded, read_chosen, ConfirmDialog, Status};
use domain::events::Topic;
use domain::roles::{transfer, Builtin, RoleT};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn RolesPage() -> impl IntoView {
    let i18n = use_i18n();
    let live = use_live();
    let me = current_user();
    let roles = Resource::new(
        move || (live.version(Topic::Roles), live.version(Topic::Users), i18n.lang.get()),
        |_| list_roles(),
    );
    let selected = RwSignal::new(Vec::<(i64, String)>::new());
    let file_problem = RwSignal::new(None::<String>);
    let pending_file = RwSignal::new(None::<String>);
    let confirm_open = RwSignal::new(false);
    let import = ServerAction::<ImportRoles>::new();
    Effect::new(move |_| {
        if let Some(Ok(_)) = import.value().get() {
            live.bump(Topic::Roles);
        }
    });
    let imported = Signal::derive(move || match import.value().get() {
        Some(Ok(n)) => Some(crate::i18n::fill_in(
            i18n.lang.get(),
            i18n.t(RoleT::Imported),
            &[("count".into(), n.to_string())],
        )),
        _ => None,
    });
    let start_import = move |_| {
        file_problem.set(None);
        import.value().set(None);
        if selected.get_untracked().is_empty() {
            file_problem.set(Some(i18n.t(RoleT::SelectRoles).to_string()));
            return;
        }
        leptos::task::spawn_local(async move {
            match read_chosen("role-file").await.filter(|c| transfer::parse(c).is_some()) {
                Some(content) => {
                    pending_file.set(Some(content));
                    confirm_open.set(true);
                }
                None => file_problem.set(Some(i18n.t(RoleT::DamagedFile).to_string())),
            }
        });
    };
    let confirm_text = Signal::derive(move || {
        let names: Vec<String> = selected.get().into_iter().map(|(_, n)| n).collect();
        fill(i18n.t(RoleT::ImportConfirm), &[("names".into(), names.join(", "))])
    });
    let can_edit = move || me.with(|m| m.rights.can(Module::Roles, Op::Edit));
    view! {
        <div class="page-head">
            <h1>{move || i18n.t(RoleT::Title)}</h1>
            <Show when=move || me.with(|m| m.rights.can(Module::Roles, Op::Create))>
                <A href="/roles/new" attr:class="button">{move || i18n.t(RoleT::NewRole)}</A>
            </Show>
        </div>
        <Transition fallback=move || view! { <p>{i18n.t(CommonT::Loading)}</p> }>
            {move || Suspend::new(async move {
                loaded(roles.await, move |list| view! {
                    <ul class="role-tree">
                        {list.into_iter().map(|role| {
                            let (id, name) = (role.id, role.name.clone());
                            let toggle_name = name.clone();
                            let is_admins = role.builtin == Some(Builtin::Administrators);
                            let count = role.members.len();
                            let members = if role.builtin == Some(Builtin::Everyone) {
                                view! { <li>{fill(i18n.t(RoleT::AllUsers), &[("count".into(), count.to_string())])}</li> }.into_any()
                            } else {
                                role.members.into_iter().map(|m| {
                                    let person = m.person.map(|p| format!(" — {p}")).unwrap_or_default();
                                    view! { <li>{m.login}{person}</li> }
                                }).collect_view().into_any()
                            };
                            view! {
                                <li>
                                    <Show when=move || can_edit() && !is_admins>
                                        <input
                                            type="checkbox"
                                            aria-label=fill(i18n.t(RoleT::SelectRole), &[("name".into(), name.clone())])
                                            on:change={
                                                let toggle_name = toggle_name.clone();
                                                move |ev| {
                                                    let on = event_target_checked(&ev);
                                                    selected.update(|s| {
                                                        s.retain(|(i, _)| *i != id);
                                                        if on { s.push((id, toggle_name.clone())); }
                                                    });
                                                }
                                            }
                                        />
                                    </Show>
                                    <details>
                                        // The count apart from the name, in words (issue 14: a copy
                                        // "Testerzy (1)" read "Testerzy (1) (1)").
                                        <summary>
                                            {role.name.clone()} " "
                                            <span class="muted">"— " {move || crate::i18n::fill_in(i18n.lang.get(), i18n.t(RoleT::MemberCount), &[("count".into(), count.to_string())])}</span>
                                        </summary>
                                        <p class="muted">{role.description.clone()}</p>
                                        <ul>{members}</ul>
                                    </details>
                                    <A href=format!("/roles/{id}")>{move || i18n.t(CommonT::Edit)}<span class="visually-hidden">" " {role.name.clone()}</span></A>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                })
            })}
        </Transition>
        <Show when=can_edit>
            <section class="card" aria-labelledby="import-title">
                <h2 id="import-title">{move || i18n.t(RoleT::Import)}</h2>
                // Which roles the file goes into (issue 14: the section did not say).
                <p aria-live="polite">{move || {
                    let names: Vec<String> = selected.get().into_iter().map(|(_, n)| n).collect();
                    if names.is_empty() {
                        i18n.t(RoleT::SelectRoles).to_string()
                    } else {
                        fill(i18n.t(RoleT::ImportInto), &[("names".into(), names.join(", "))])
                    }
                }}</p>
                <label for="role-file">{move || i18n.t(RoleT::ImportFile)}</label>
                <input id="role-file" type="file" accept=".json,application/json" />
                <p class="field-note" role="alert" hidden=move || file_problem.with(Option::is_none)>{move || file_problem.get()}</p>
                <ErrorNote error=error_of(import.value()) />
                <Status text=imported />
                <button type="button" on:click=start_import disabled=move || import.pending().get()>{move || i18n.t(RoleT::Import)}</button>
            </section>
        </Show>
        <ConfirmDialog
            id="role-import"
            open=confirm_open
            title=Signal::derive(move || i18n.t(RoleT::Import).to_string())
            text=confirm_text
            confirm=RoleT::Import.into()
            on_confirm=move || {
                if let Some(content) = pending_file.get_untracked() {
                    let roles = selected.get_untracked().into_iter().map(|(i, _)| i).collect();
                    import.dispatch(ImportRoles { roles, content });
                }
            }
        />
    }
}
