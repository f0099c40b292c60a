//! The title bar's "Switch account" (seed 004 "Przełącz konto"): a dialog listing the main
//! account and the sub-accounts the user may enter; choose, confirm, and the whole app
//! reloads in the chosen account without a new sign-in.

use super::api::{switch_account, switchable};
use crate::error::AppError;
use crate::i18n::{use_i18n, CommonT};
use crate::ui::Dialog;
use domain::accounts::{AccountT, SwitchTarget};
use leptos::prelude::*;

/// Lists longer than this get a filter by name.
const FILTER_FROM: usize = 8;

#[component]
pub fn SwitchAccount() -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let targets = RwSignal::new(Vec::<SwitchTarget>::new());
    let chosen = RwSignal::new(None::<i64>);
    let filter = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    let busy = RwSignal::new(false);
    let show = move |_| {
        error.set(None);
        filter.set(String::new());
        leptos::task::spawn_local(async move {
            match switchable().await {
                Ok(list) => {
                    chosen.set(list.iter().find(|t| t.current).map(|t| t.id));
                    targets.set(list);
                    open.set(true);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let confirm = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(account) = chosen.get_untracked() else { return };
        busy.set(true);
        leptos::task::spawn_local(async move {
            match switch_account(account).await {
                Ok(()) => crate::page_context::go("/"),
                Err(e) => {
                    busy.set(false);
                    error.set(Some(e));
                }
            }
        });
    };
    let visible = move || {
        let needle = filter.get().to_lowercase();
        targets
            .get()
            .into_iter()
            .filter(|t| needle.is_empty() || t.name.to_lowercase().contains(&needle) || t.current)
            .collect::<Vec<_>>()
    };
    let title = Signal::derive(move || i18n.t(AccountT::SwitchTitle).to_string());
    view! {
        <button type="button" class="switch-account secondary" on:click=show>
            {move || i18n.t(AccountT::Switch)}
        </button>
        <Dialog id="switch-account" open title>
            <form on:submit=confirm>
                <Show when=move || targets.with(|t| t.len() > FILTER_FROM)>
                    <div class="field">
                        <label for="switch-filter">{move || i18n.t(AccountT::FilterAccounts)}</label>
                        <input id="switch-filter" type="search" prop:value=move || filter.get() on:input=move |ev| filter.set(event_target_value(&ev)) />
                    </div>
                </Show>
                <fieldset class="choices">
                    <legend class="visually-hidden">{move || i18n.t(AccountT::SwitchTitle)}</legend>
                    <For each=visible key=|t| t.id let:t>
                        {
                            let id = t.id;
                            let mut notes = Vec::new();
                            if t.is_main {
                                notes.push(i18n.t(AccountT::MainAccount));
                            }
                            if t.current {
                                notes.push(i18n.t(AccountT::Current));
                            }
                            let extra = t.external_id.clone().filter(|e| !e.is_empty()).map(|e| format!(" · {e}"));
                            let notes = (!notes.is_empty()).then(|| format!(" ({})", notes.join(", ")));
                            view! {
                                <label class="check">
                                    <input type="radio" name="account" value=id.to_string()
                                        prop:checked=move || chosen.get() == Some(id)
                                        on:change=move |_| chosen.set(Some(id)) />
                                    <span class:current=t.current>{t.name.clone()}{extra}{notes}</span>
                                </label>
                            }
                        }
                    </For>
                </fieldset>
                <crate::ui::ErrorNote error=Signal::derive(move || error.get()) />
                <div class="buttons">
                    <button type="submit" disabled=move || busy.get() || chosen.get().is_none()>{move || i18n.t(CommonT::Confirm)}</button>
                    <button type="button" class="secondary" on:click=move |_| open.set(false)>{move || i18n.t(CommonT::Cancel)}</button>
                </div>
            </form>
        </Dialog>
    }
}
