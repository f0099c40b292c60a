//! The sign-in page and the change-password page.

use super::api::{ChangePassword, Login};
use crate::i18n::{fill, use_i18n, Lang};
use crate::page_context::{go, use_me, use_theme};
use crate::ui::{ErrorNote, FieldNote};
use domain::auth::{AuthT, LoginOutcome};
use domain::texts::shell::ShellT;
use leptos::prelude::*;
use leptos_router::components::Redirect;

#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let theme = use_theme();
    let me = use_me();
    let action = ServerAction::<Login>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    Effect::new(move |_| {
        if let Some(Ok(LoginOutcome { next: Some(next), .. })) = action.value().get() {
            go(&next);
        }
    });
    let units = Signal::derive(move || match action.value().get() {
        Some(Ok(outcome)) if outcome.next.is_none() && outcome.already.is_none() => {
            Some((outcome.units, outcome.default_unit))
        }
        _ => None,
    });
    let already = Signal::derive(move || match action.value().get() {
        Some(Ok(outcome)) => outcome.already,
        _ => None,
    });
    let step = Signal::derive(move || match action.value().get() {
        Some(Ok(outcome)) => outcome.step,
        _ => None,
    });
    let on_lang = move |ev: leptos::ev::Event| {
        if let Some(lang) = Lang::from_code(&event_target_value(&ev)) {
            super::prefs::switch(i18n, theme, lang, theme.get_untracked(), false);
        }
    };
    let invalid = move |field: &'static str| {
        move || error.with(|e| e.as_ref().is_some_and(|e| e.field(field).is_some())).to_string()
    };
    view! {
        // Someone already signed in has nothing to do here.
        <Suspense>
            {move || Suspend::new(async move { me.await.ok().map(|_| view! { <Redirect path="/" /> }) })}
        </Suspense>
        <main class="centered" id="main">
            <section class="card login-card">
                <h1>{move || i18n.t(AuthT::SignInTitle)}</h1>
                <ActionForm action>
                    <label for="login">{move || i18n.t(AuthT::Login)}</label>
                    <input id="login" name="login" type="text" autocomplete="username" maxlength="100" required autofocus
                        aria-invalid=invalid("login") aria-describedby="login-note" />
                    <FieldNote error field="login" id="login-note" />
                    <label for="password">{move || i18n.t(AuthT::Password)}</label>
                    <input id="password" name="password" type="password" autocomplete="current-password" required
                        aria-invalid=invalid("password") aria-describedby="password-note" />
                    <FieldNote error field="password" id="password-note" />
                    {move || units.get().map(|(choices, default)| view! {
                        <p role="status">{move || i18n.t(AuthT::ChooseUnit)}</p>
                        <label for="unit">{move || i18n.t(AuthT::Unit)}</label>
                        <select id="unit" name="unit">
                            {choices.into_iter().map(|(id, path)| view! {
                                <option value=id.to_string() selected=default == Some(id)>{path}</option>
                            }).collect_view()}
                        </select>
                    })}
                    <FieldNote error field="unit" id="unit-note" />
                    {move || step.get().map(|s| view! { <input type="hidden" name="step" value=s /> })}
                    {move || already.get().map(|a| view! {
                        <div class="notice" role="alert">
                            <p>{fill(i18n.t(AuthT::AlreadySignedIn), &[("computer".into(), a.computer.clone()), ("since".into(), a.since.clone())])}</p>
                            <p>{move || i18n.t(AuthT::ContinueEndsOther)}</p>
                        </div>
                        <input type="hidden" name="unit" value=a.unit.to_string() />
                        <input type="hidden" name="replace" value="1" />
                        <button type="button" class="secondary" on:click=move |_| action.value().set(None)>
                            {move || i18n.t(crate::i18n::CommonT::Cancel)}
                        </button>
                    })}
                    <ErrorNote error />
                    <button type="submit" disabled=move || action.pending().get()>
                        {move || match (action.pending().get(), units.with(Option::is_some) || already.with(Option::is_some)) {
                            (true, _) => i18n.t(AuthT::SigningIn),
                            (false, true) => i18n.t(AuthT::Continue),
                            (false, false) => i18n.t(AuthT::SignIn),
                        }}
                    </button>
                </ActionForm>
                <label class="inline">
                    {move || i18n.t(ShellT::Language)}
                    <select on:change=on_lang prop:value=move || i18n.lang.get().code()>
                        {Lang::ALL.into_iter().map(|l| view! { <option value=l.code()>{l.native_name()}</option> }).collect_view()}
                    </select>
                </label>
            </section>
        </main>
    }
}

#[component]
pub fn ChangePasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let me = use_me();
    let action = ServerAction::<ChangePassword>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let done = move || matches!(action.value().get(), Some(Ok(())));
    let invalid = move |field: &'static str| {
        move || error.with(|e| e.as_ref().is_some_and(|e| e.field(field).is_some())).to_string()
    };
    let policy = crate::ui::BrowserData::new(crate::config::api::my_password_policy);
    let rules = move || {
        let policy = policy.get().and_then(Result::ok).unwrap_or_default();
        let mut text = fill(i18n.t(AuthT::PasswordRules), &[("min".into(), policy.min_length.to_string())]);
        if policy.strong {
            text = format!("{text} {}", i18n.t(AuthT::StrongRule));
        }
        text
    };
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match me.await {
                    Err(_) => Some(view! { <Redirect path="/login" /> }.into_any()),
                    // Gone once the password is changed (issue 14: it stayed above the success).
                    Ok(me) if me.must_change_password => Some(view! {
                        <p class="notice" role="status" hidden=done>{move || i18n.t(AuthT::MustChangePassword)}</p>
                    }.into_any()),
                    Ok(_) => None,
                }
            })}
        </Suspense>
        <main class="centered" id="main">
            <section class="card">
                <h1>{move || i18n.t(AuthT::ChangePasswordTitle)}</h1>
                <Show when=done fallback=move || view! {
                    <ActionForm action>
                        <label for="current_password">{move || i18n.t(AuthT::CurrentPassword)}</label>
                        <input id="current_password" name="current_password" type="password" autocomplete="current-password" required
                            aria-invalid=invalid("current_password") aria-describedby="current-note" />
                        <FieldNote error field="current_password" id="current-note" />
                        <label for="new_password">{move || i18n.t(AuthT::NewPassword)}</label>
                        <input id="new_password" name="new_password" type="password" autocomplete="new-password" required
                            aria-invalid=invalid("new_password") aria-describedby="new-rules new-note" />
                        <p class="muted" id="new-rules">{rules}</p>
                        <FieldNote error field="new_password" id="new-note" />
                        <label for="confirm_password">{move || i18n.t(AuthT::ConfirmPassword)}</label>
                        <input id="confirm_password" name="confirm_password" type="password" autocomplete="new-password" required
                            aria-invalid=invalid("confirm_password") aria-describedby="confirm-note" />
                        <FieldNote error field="confirm_password" id="confirm-note" />
                        <label class="check">
                            <input type="checkbox" name="end_other_sessions" value="on" />
                            {move || i18n.t(AuthT::EndOtherSessions)}
                        </label>
                        <ErrorNote error />
                        <button type="submit" disabled=move || action.pending().get()>{move || i18n.t(AuthT::ChangePassword)}</button>
                    </ActionForm>
                }>
                    <p role="status">{move || i18n.t(AuthT::PasswordChanged)}</p>
                    <button on:click=move |_| go("/")>{move || i18n.t(ShellT::BackToDashboard)}</button>
                </Show>
            </section>
        </main>
    }
}
