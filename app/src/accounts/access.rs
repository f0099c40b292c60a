//! The dialog behind the users list's "Sub-accounts" column (seed 004 "Dostęp do konta
//! dodatkowego"): a checkbox per sub-account, saved in one call.

use super::api::{get_user_access, set_user_access};
use crate::error::AppError;
use crate::i18n::{fill, use_i18n, CommonT};
use crate::ui::Dialog;
use domain::accounts::{AccountT, UserAccess};
use leptos::prelude::*;
use std::collections::BTreeSet;

/// Opens for the user in `user` (id, login); `on_saved` runs after a successful save.
#[component]
pub fn AccessDialog(
    user: RwSignal<Option<(i64, String)>>,
    open: RwSignal<bool>,
    on_saved: impl Fn() + Send + Sync + Clone + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let access = RwSignal::new(None::<UserAccess>);
    let checked = RwSignal::new(BTreeSet::<i64>::new());
    let error = RwSignal::new(None::<AppError>);
    let busy = RwSignal::new(false);
    Effect::new(move |_| {
        let Some((id, _)) = user.get() else { return };
        if !open.get() {
            return;
        }
        access.set(None);
        error.set(None);
        leptos::task::spawn_local(async move {
            let reply = get_user_access(id).await;
            // A slow reply for a user whose dialog was closed meanwhile is dropped.
            if user.get_untracked().map(|(u, _)| u) != Some(id) {
                return;
            }
            match reply {
                Ok(a) => {
                    checked.set(a.choices.iter().filter(|c| c.granted).map(|c| c.account_id).collect());
                    access.set(Some(a));
                }
                Err(e) => error.set(Some(e)),
            }
        });
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(a) = access.get_untracked() else { return };
        let accounts: Vec<i64> = checked.get_untracked().into_iter().collect();
        busy.set(true);
        let on_saved = on_saved.clone();
        leptos::task::spawn_local(async move {
            let result = set_user_access(a.user_id, accounts).await;
            busy.set(false);
            match result {
                Ok(()) => {
                    open.set(false);
                    on_saved();
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let title = Signal::derive(move || {
        let login = user.get().map(|(_, l)| l).unwrap_or_default();
        fill(i18n.t(AccountT::EditAccessOf), &[("login".into(), login)])
    });
    view! {
        <Dialog id="sub-account-access" open title>
            <form on:submit={
                let save = save.clone();
                save
            }>
                {move || access.get().map(|a| {
                    let admin = a.administrator;
                    let changeable = a.choices.iter().any(|c| c.changeable);
                    view! {
                        {admin.then(|| view! { <p class="muted">{move || i18n.t(AccountT::AdministratorHasAll)}</p> })}
                        <fieldset class="choices">
                            <legend class="visually-hidden">{move || i18n.t(AccountT::SubAccounts)}</legend>
                            {a.choices.into_iter().map(|c| {
                                let id = c.account_id;
                                let inactive = (!c.active).then(|| format!(" ({})", i18n.t(AccountT::Inactive)));
                                view! {
                                    <label class="check">
                                        <input type="checkbox"
                                            disabled=!c.changeable
                                            prop:checked=move || checked.with(|s| s.contains(&id))
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                checked.update(|s| { if on { s.insert(id); } else { s.remove(&id); } });
                                            } />
                                        {c.name} " · " {c.external_id} {inactive}
                                    </label>
                                }
                            }).collect_view()}
                        </fieldset>
                        <div class="buttons">
                            <Show when=move || !admin && changeable>
                                <button type="submit" disabled=move || busy.get()>{move || i18n.t(CommonT::Save)}</button>
                            </Show>
                            <button type="button" class="secondary" on:click=move |_| open.set(false)>{move || i18n.t(CommonT::Cancel)}</button>
                        </div>
                    }
                })}
                <crate::ui::ErrorNote error=Signal::derive(move || error.get()) />
            </form>
        </Dialog>
    }
}
