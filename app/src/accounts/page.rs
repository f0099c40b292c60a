//! The Accounts page of the main account (seed 004 "Konta dodatkowe"): the sub-accounts, "Add
//! account" with a confirmation step, rename, deactivate / activate, delete when empty.

use super::api::{list_accounts, DeleteAccount, SaveAccount, SetAccountActive};
use crate::catalogue::{Module, Op};
use crate::events::use_live;
use crate::i18n::{fill, use_i18n, CommonT, Msg};
use crate::page_context::current_user;
use crate::ui::{error_of, loaded, ConfirmDialog, Dialog, TextField};
use domain::accounts::{AccountInput, AccountT, SubAccount, ACCOUNT_NAME_MAX, EXTERNAL_ID_MAX};
use domain::events::Topic;
use leptos::prelude::*;

/// What the confirmation dialog will do.
#[derive(Clone)]
enum Pending {
    Deactivate(SubAccount),
    Delete(SubAccount),
}

#[component]
pub fn AccountsPage() -> impl IntoView {
    let i18n = use_i18n();
    let live = use_live();
    let me = current_user();
    let accounts = Resource::new(
        move || (live.version(Topic::Accounts), live.version(Topic::Users)),
        |_| list_accounts(),
    );
    let save = ServerAction::<SaveAccount>::new();
    let set_active = ServerAction::<SetAccountActive>::new();
    let delete = ServerAction::<DeleteAccount>::new();
    let editing = RwSignal::new(None::<AccountInput>);
    let editor_open = RwSignal::new(false);
    // Adding goes through a second step that shows what will be created (the seed's
    // "Dalej" then "Potwierdź").
    let confirming = RwSignal::new(false);
    let name = RwSignal::new(String::new());
    let external = RwSignal::new(String::new());
    let pending = RwSignal::new(None::<Pending>);
    let confirm_open = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some(Ok(_)) = save.value().get() {
            editor_open.set(false);
            live.bump(Topic::Accounts);
        }
    });
    Effect::new(move |_| {
        if let Some(Err(_)) = save.value().get() {
            confirming.set(false);
        }
    });
    Effect::new(move |_| {
        if set_active.value().with(|v| matches!(v, Some(Ok(()))))
            || delete.value().with(|v| matches!(v, Some(Ok(()))))
        {
            live.bump(Topic::Accounts);
        }
    });
    let open_editor = move |input: AccountInput| {
        name.set(input.name.clone());
        external.set(input.external_id.clone());
        editing.set(Some(input));
        confirming.set(false);
        save.value().set(None);
        editor_open.set(true);
    };
    let input_now = move || {
        editing.get_untracked().map(|base| AccountInput {
            name: name.get_untracked(),
            external_id: external.get_untracked(),
            ..base
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(input) = input_now() else { return };
        if input.id.is_none() && !confirming.get_untracked() {
            // Check in the browser first, with the same rules as the server.
            if let Err(e) = input.check().finish() {
                save.value().set(Some(Err(e)));
            } else {
                save.value().set(None);
                confirming.set(true);
            }
            return;
        }
        save.dispatch(SaveAccount { input });
    };
    let editor_title = Signal::derive(move || match editing.get() {
        Some(AccountInput { id: Some(_), name, .. }) => {
            fill(i18n.t(AccountT::EditAccount), &[("name".into(), name)])
        }
        _ => i18n.t(AccountT::AddAccount).to_string(),
    });
    let confirm_text = move || {
        fill(
            i18n.t(AccountT::ConfirmCreate),
            &[("name".into(), name.get()), ("external".into(), external.get())],
        )
    };
    let save_error = error_of(save.value());
    let action_error = Signal::derive(move || {
        set_active.value().get().and_then(Result::err).or_else(|| delete.value().get().and_then(Result::err))
    });
    let can = move |op| me.with(|m| m.rights.can(Module::Accounts, op));
    let ask = move |p: Pending| {
        set_active.value().set(None);
        delete.value().set(None);
        pending.set(Some(p));
        confirm_open.set(true);
    };
    let confirm_title = Signal::derive(move || match pending.get() {
        Some(Pending::Deactivate(_)) => i18n.t(AccountT::Deactivate).to_string(),
        _ => i18n.t(CommonT::Delete).to_string(),
    });
    let confirm_body = Signal::derive(move || match pending.get() {
        Some(Pending::Deactivate(a)) => fill(i18n.t(AccountT::ConfirmDeactivate), &[("name".into(), a.name)]),
        Some(Pending::Delete(a)) => fill(i18n.t(AccountT::ConfirmDelete), &[("name".into(), a.name)]),
        None => String::new(),
    });
    let row = move |a: SubAccount| {
        let label = |key: Msg, name: &str| {
            let name = name.to_string();
            move || format!("{} {name}", i18n.t(key))
        };
        let (edit_label, toggle_label, delete_label) = (
            label(CommonT::Edit.into(), &a.name),
            label(if a.active { AccountT::Deactivate.into() } else { AccountT::Activate.into() }, &a.name),
            label(CommonT::Delete.into(), &a.name),
        );
        let (edit, toggle, del) = (a.clone(), a.clone(), a.clone());
        let status = if a.active { AccountT::Active } else { AccountT::Inactive };
        view! {
            <tr>
                <td>{a.name.clone()}</td>
                <td>{a.external_id.clone()}</td>
                <td>{a.users}</td>
                <td>{a.granted}</td>
                <td>{move || i18n.t(status)}</td>
                <td><div class="actions">
                    <Show when=move || can(Op::Edit)>
                        <button type="button" class="small secondary" aria-label=edit_label.clone() on:click={
                            let a = edit.clone();
                            move |_| open_editor(AccountInput { id: Some(a.id), name: a.name.clone(), external_id: a.external_id.clone(), version: a.version })
                        }>{move || i18n.t(CommonT::Edit)}</button>
                        <button type="button" class="small secondary" aria-label=toggle_label.clone() on:click={
                            let a = toggle.clone();
                            move |_| {
                                if a.active {
                                    ask(Pending::Deactivate(a.clone()));
                                } else {
                                    set_active.dispatch(SetAccountActive { id: a.id, active: true, version: a.version });
                                }
                            }
                        }>{move || i18n.t(if toggle.active { AccountT::Deactivate } else { AccountT::Activate })}</button>
                    </Show>
                    <Show when=move || can(Op::Delete)>
                        <button type="button" class="small danger" aria-label=delete_label.clone() on:click={
                            let a = del.clone();
                            move |_| ask(Pending::Delete(a.clone()))
                        }>{move || i18n.t(CommonT::Delete)}</button>
                    </Show>
                </div></td>
            </tr>
        }
    };

    view! {
        <div class="page-head">
            <h1>{move || i18n.t(AccountT::Title)}</h1>
            <Show when=move || can(Op::Create)>
                <button type="button" on:click=move |_| open_editor(AccountInput { id: None, name: String::new(), external_id: String::new(), version: 0 })>
                    {move || i18n.t(AccountT::AddAccount)}
                </button>
            </Show>
        </div>
        <crate::ui::ErrorNote error=action_error />
        <Transition fallback=move || view! { <p>{move || i18n.t(CommonT::Loading)}</p> }>
            {move || Suspend::new(async move {
                loaded(accounts.await, move |list| view! {
                    <div class="scroll" tabindex="0"><table class="table">
                        <caption class="visually-hidden">{move || i18n.t(AccountT::Title)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{move || i18n.t(CommonT::Name)}</th>
                                <th scope="col">{move || i18n.t(AccountT::ExternalId)}</th>
                                <th scope="col">{move || i18n.t(AccountT::Users)}</th>
                                <th scope="col">{move || i18n.t(AccountT::Granted)}</th>
                                <th scope="col">{move || i18n.t(AccountT::Status)}</th>
                                <th scope="col"><span class="visually-hidden">{move || i18n.t(CommonT::Edit)}</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            {list.is_empty().then(|| view! { <tr><td colspan="6">{move || i18n.t(AccountT::NoAccounts)}</td></tr> })}
                            {list.into_iter().map(row).collect_view()}
                        </tbody>
                    </table></div>
                })
            })}
        </Transition>
        <Dialog id="account-editor" open=editor_open title=editor_title>
            <form on:submit=submit>
                <Show when=move || !confirming.get() fallback=move || view! { <p>{confirm_text}</p> }>
                    <TextField label=CommonT::Name.into() name="name" value=name error=save_error maxlength=ACCOUNT_NAME_MAX required=true />
                    <TextField label=AccountT::ExternalId.into() name="external_id" value=external error=save_error maxlength=EXTERNAL_ID_MAX required=true />
                </Show>
                <crate::ui::ErrorNote error=save_error />
                <div class="buttons">
                    <button type="submit" disabled=move || save.pending().get()>
                        {move || {
                            let adding = editing.with(|e| e.as_ref().is_some_and(|e| e.id.is_none()));
                            i18n.t(match (adding, confirming.get()) {
                                (true, false) => AccountT::Next.into(),
                                (true, true) => Msg::from(CommonT::Confirm),
                                _ => CommonT::Save.into(),
                            })
                        }}
                    </button>
                    <button type="button" class="secondary" on:click=move |_| editor_open.set(false)>{move || i18n.t(CommonT::Cancel)}</button>
                </div>
            </form>
        </Dialog>
        <ConfirmDialog
            id="account-confirm"
            open=confirm_open
            title=confirm_title
            text=confirm_body
            confirm=CommonT::Confirm.into()
            on_confirm=move || match pending.get_untracked() {
                Some(Pending::Deactivate(a)) => { set_active.dispatch(SetAccountActive { id: a.id, active: false, version: a.version }); }
                Some(Pending::Delete(a)) => { delete.dispatch(DeleteAccount { id: a.id, version: a.version }); }
                None => {}
            }
        />
    }
}
