//! The units page: the tree as an indented table, with add / edit (rename, move) / delete.

use super::api::{list_units, DeleteUnit, SaveUnit};
use crate::catalogue::{Module, Op};
use crate::events::use_live;
use crate::i18n::{fill, use_i18n, CommonT};
use crate::page_context::current_user;
use crate::ui::{error_of, loaded, ConfirmDialog, Dialog, SelectField, TextField};
use domain::events::Topic;
use domain::units::{path, subtree, tree_order, Unit, UnitInput, UnitT};
use leptos::prelude::*;

#[component]
pub fn UnitsPage() -> impl IntoView {
    let i18n = use_i18n();
    let live = use_live();
    let me = current_user();
    let units = Resource::new(move || live.version(Topic::Units), |_| list_units());
    let save = ServerAction::<SaveUnit>::new();
    let delete = ServerAction::<DeleteUnit>::new();
    let editing = RwSignal::new(None::<UnitInput>);
    let dialog_open = RwSignal::new(false);
    let deleting = RwSignal::new(None::<Unit>);
    let confirm_open = RwSignal::new(false);
    let name = RwSignal::new(String::new());
    let parent = RwSignal::new(String::new());
    let all = RwSignal::new(Vec::<Unit>::new());
    Effect::new(move |_| {
        if let Some(Ok(list)) = units.get() {
            all.set(list);
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(_)) = save.value().get() {
            dialog_open.set(false);
            live.bump(Topic::Units);
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = delete.value().get() {
            live.bump(Topic::Units);
        }
    });
    let open_editor = move |input: UnitInput| {
        name.set(input.name.clone());
        parent.set(input.parent_id.map(|p| p.to_string()).unwrap_or_default());
        editing.set(Some(input));
        save.value().set(None);
        dialog_open.set(true);
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(base) = editing.get_untracked() {
            let input = UnitInput {
                name: name.get_untracked(),
                parent_id: parent.get_untracked().parse().ok().or(base.parent_id),
                ..base
            };
            save.dispatch(SaveUnit { input });
        }
    };
    let parent_options = Signal::derive(move || {
        let units = all.get();
        let excluded = editing.get().and_then(|e| e.id).map(|id| subtree(&units, id)).unwrap_or_default();
        tree_order(&units)
            .into_iter()
            .filter(|(_, u)| !excluded.contains(&u.id))
            .map(|(_, u)| (u.id.to_string(), path(&units, u.id)))
            .collect::<Vec<_>>()
    });
    let dialog_title = Signal::derive(move || match editing.get() {
        Some(UnitInput { id: Some(_), name, .. }) => fill(i18n.t(UnitT::EditUnit), &[("name".into(), name)]),
        _ => i18n.t(UnitT::NewUnit).to_string(),
    });
    let save_error = error_of(save.value());
    let delete_error = error_of(delete.value());
    let is_root =
        Signal::derive(move || editing.get().is_some_and(|e| e.id.is_some() && e.parent_id.is_none()));
    let can = move |op| me.with(|m| m.rights.can(Module::Units, op));

    view! {
        <h1>{move || i18n.t(UnitT::Title)}</h1>
        <crate::ui::ErrorNote error=delete_error />
        <Transition fallback=move || view! { <p>{move || i18n.t(CommonT::Loading)}</p> }>
            {move || Suspend::new(async move {
                loaded(units.await, move |list| {
                    let rows = tree_order(&list)
                        .into_iter()
                        .map(|(depth, u)| {
                            let u = u.clone();
                            let (add, edit, del) = (u.clone(), u.clone(), u.clone());
                            let label = |key: UnitT, name: &str| {
                                let name = name.to_string();
                                move || fill(i18n.t(key), &[("name".into(), name.clone())])
                            };
                            let add_label = label(UnitT::AddUnder, &u.name);
                            let edit_label = label(UnitT::EditUnit, &u.name);
                            let delete_label = label(UnitT::DeleteUnit, &u.name);
                            view! {
                                <tr>
                                    <td class="indented" data-depth=depth.min(12).to_string()>{u.name.clone()}</td>
                                    <td>{u.persons}</td>
                                    <td><div class="actions">
                                        <Show when=move || can(Op::Create)>
                                            <button type="button" class="small" aria-label=add_label.clone() on:click={
                                                let add = add.clone();
                                                move |_| open_editor(UnitInput { id: None, parent_id: Some(add.id), name: String::new(), version: 0 })
                                            }>"+"</button>
                                        </Show>
                                        <Show when=move || can(Op::Edit)>
                                            <button type="button" class="small secondary" aria-label=edit_label.clone() on:click={
                                                let edit = edit.clone();
                                                move |_| open_editor(UnitInput { id: Some(edit.id), parent_id: edit.parent_id, name: edit.name.clone(), version: edit.version })
                                            }>{move || i18n.t(CommonT::Edit)}</button>
                                        </Show>
                                        <Show when=move || can(Op::Delete) && del.parent_id.is_some()>
                                            <button type="button" class="small danger" aria-label=delete_label.clone() on:click={
                                                let del = del.clone();
                                                move |_| { delete.value().set(None); deleting.set(Some(del.clone())); confirm_open.set(true); }
                                            }>{move || i18n.t(CommonT::Delete)}</button>
                                        </Show>
                                    </div></td>
                                </tr>
                            }
                        })
                        .collect_view();
                    view! {
                        <div class="scroll" tabindex="0"><table class="table">
                            <caption class="visually-hidden">{move || i18n.t(UnitT::Title)}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{move || i18n.t(UnitT::Unit)}</th>
                                    <th scope="col">{move || i18n.t(UnitT::Persons)}</th>
                                    <th scope="col"><span class="visually-hidden">{move || i18n.t(CommonT::Edit)}</span></th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table></div>
                    }
                })
            })}
        </Transition>
        <Dialog id="unit-editor" open=dialog_open title=dialog_title>
            <form on:submit=submit>
                <TextField label=CommonT::Name.into() name="name" value=name error=save_error maxlength=domain::units::UNIT_NAME_MAX required=true />
                <Show when=move || !is_root.get()>
                    <SelectField label=UnitT::Parent.into() name="parent_id" value=parent options=parent_options error=save_error />
                </Show>
                <crate::ui::ErrorNote error=save_error />
                <div class="buttons">
                    <button type="submit" disabled=move || save.pending().get()>{move || i18n.t(CommonT::Save)}</button>
                    <button type="button" class="secondary" on:click=move |_| dialog_open.set(false)>{move || i18n.t(CommonT::Cancel)}</button>
                </div>
            </form>
        </Dialog>
        <ConfirmDialog
            id="unit-delete"
            open=confirm_open
            title=Signal::derive(move || i18n.t(CommonT::Delete).to_string())
            text=Signal::derive(move || fill(i18n.t(UnitT::ConfirmDelete), &[("name".into(), deleting.get().map(|u| u.name).unwrap_or_default())]))
            confirm=CommonT::Delete.into()
            on_confirm=move || {
                if let Some(u) = deleting.get_untracked() {
                    delete.dispatch(DeleteUnit { id: u.id, version: u.version });
                }
            }
        />
    }
}
