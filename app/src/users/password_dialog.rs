//! An administrator sets another user's password (seed 001: without the current one).

use super::api::{generate_password, SetPassword};
use crate::i18n::{fill, use_i18n, CommonT};
use crate::ui::ErrorNote;
use crate::ui::{error_of, CheckField, Dialog, Status, TextField};
use domain::users::{PasswordTarget, UserKind, UserT};
use leptos::prelude::*;

#[component]
pub fn PasswordDialog(
    open: RwSignal<bool>,
    user: i64,
    login: Signal<String>,
    kind: Signal<UserKind>,
) -> impl IntoView {
    let i18n = use_i18n();
    let target = RwSignal::new(String::from("console"));
    let password = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let must_change = RwSignal::new(true);
    let end_sessions = RwSignal::new(false);
    let generated = RwSignal::new(None::<String>);
    let action = ServerAction::<SetPassword>::new();
    let error = error_of(action.value());
    Effect::new(move |_| {
        if open.get() {
            password.set(String::new());
            confirm.set(String::new());
            generated.set(None);
            action.value().set(None);
        }
    });
    let done = Signal::derive(move || {
        matches!(action.value().get(), Some(Ok(_))).then(|| i18n.t(UserT::PasswordSet).to_string())
    });
    let generate = move |_| {
        leptos::task::spawn_local(async move {
            if let Ok(p) = generate_password().await {
                password.set(p.clone());
                confirm.set(p.clone());
                generated.set(Some(fill(i18n.t(UserT::Generated), &[("password".into(), p)])));
            }
        });
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let target = if target.get_untracked() == "external" {
            PasswordTarget::External
        } else {
            PasswordTarget::Console
        };
        action.dispatch(SetPassword {
            user,
            target,
            password: password.get_untracked(),
            confirm: confirm.get_untracked(),
            must_change: must_change.get_untracked(),
            end_sessions: end_sessions.get_untracked(),
        });
    };
    let title = Signal::derive(move || fill(i18n.t(UserT::SetPasswordFor), &[("login".into(), login.get())]));
    view! {
        <Dialog id="set-password" open title>
            <form on:submit=submit>
                <Show when=move || kind.get() == UserKind::Universal>
                    <div class="field">
                        <label for="password-target">{move || i18n.t(UserT::WhichPassword)}</label>
                        <select id="password-target" on:change=move |ev| target.set(event_target_value(&ev))>
                            <option value="console">{move || i18n.t(UserT::ConsolePassword)}</option>
                            <option value="external">{move || i18n.t(UserT::ExternalPassword)}</option>
                        </select>
                    </div>
                </Show>
                <TextField label=domain::auth::AuthT::NewPassword.into() name="new_password" value=password error kind="password" autocomplete="new-password" />
                <TextField label=domain::auth::AuthT::ConfirmPassword.into() name="confirm_password" value=confirm error kind="password" autocomplete="new-password" />
                <button type="button" class="secondary" on:click=generate>{move || i18n.t(UserT::Generate)}</button>
                <Status text=Signal::derive(move || generated.get()) />
                <Show when=move || kind.get() != UserKind::External>
                    <CheckField label=UserT::MustChange.into() name="must_change" checked=must_change />
                </Show>
                <CheckField label=UserT::EndSessions.into() name="end_sessions" checked=end_sessions />
                <ErrorNote error />
                <Status text=done />
                <div class="buttons">
                    <button type="submit" disabled=move || action.pending().get()>{move || i18n.t(UserT::SetPassword)}</button>
                    <button type="button" class="secondary" on:click=move |_| open.set(false)>{move || i18n.t(CommonT::Close)}</button>
                </div>
            </form>
        </Dialog>
    }
}
