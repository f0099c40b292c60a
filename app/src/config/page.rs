//! The configuration page.

use super::api::{get_config, SaveConfig};
use crate::catalogue::{Module, Op};
use crate::i18n::{use_i18n, CommonT};
use crate::page_context::current_user;
use crate::ui::ErrorNote;
use crate::ui::{error_of, CheckField, Status, TextField};
use domain::config::{AccountConfig, ConfigT};
use leptos::prelude::*;

#[component]
pub fn ConfigPage() -> impl IntoView {
    let i18n = use_i18n();
    let me = current_user();
    let config = crate::ui::BrowserData::new(get_config);
    let zone = RwSignal::new(String::new());
    let min_length = RwSignal::new(String::new());
    let strong = RwSignal::new(false);
    let max_age = RwSignal::new(String::new());
    let idle = RwSignal::new(String::new());
    let max_hours = RwSignal::new(String::new());
    let substitute_expired = RwSignal::new(false);
    let version = RwSignal::new(0i64);
    let load_error = RwSignal::new(None);
    Effect::new(move |_| match config.get() {
        Some(Ok(c)) => {
            zone.set(c.time_zone);
            min_length.set(c.pw_min_length.to_string());
            strong.set(c.pw_strong);
            max_age.set(c.pw_max_age_days);
            idle.set(c.session_idle_minutes.to_string());
            max_hours.set(c.session_max_hours.to_string());
            substitute_expired.set(c.substitute_expired);
            version.set(c.version);
        }
        Some(Err(e)) => load_error.set(Some(e)),
        None => {}
    });
    let save = ServerAction::<SaveConfig>::new();
    let error = error_of(save.value());
    Effect::new(move |_| {
        if let Some(Ok(())) = save.value().get() {
            config.refetch();
        }
    });
    let saved = Signal::derive(move || {
        matches!(save.value().get(), Some(Ok(()))).then(|| i18n.t(CommonT::Saved).to_string())
    });
    let number = |s: RwSignal<String>| s.get_untracked().trim().parse::<u32>().unwrap_or(0);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.dispatch(SaveConfig {
            config: AccountConfig {
                time_zone: zone.get_untracked(),
                pw_min_length: number(min_length),
                pw_strong: strong.get_untracked(),
                pw_max_age_days: max_age.get_untracked(),
                session_idle_minutes: number(idle),
                session_max_hours: number(max_hours),
                substitute_expired: substitute_expired.get_untracked(),
                version: version.get_untracked(),
            },
        });
    };
    let locked = Signal::derive(move || !me.with(|m| m.rights.can(Module::Configuration, Op::Edit)));
    let applications_changed = RwSignal::new(0u32);
    view! {
        <h1>{move || i18n.t(ConfigT::Title)}</h1>
        <ErrorNote error=Signal::derive(move || load_error.get()) />
        <form class="card form" on:submit=submit>
            <fieldset>
                <legend>{move || i18n.t(ConfigT::PasswordPolicy)}</legend>
                <TextField label=ConfigT::MinLength.into() name="pw_min_length" value=min_length error inputmode="numeric" disabled=locked />
                <CheckField label=ConfigT::Strong.into() name="pw_strong" checked=strong disabled=locked />
                <TextField label=ConfigT::MaxAgeDays.into() name="pw_max_age_days" value=max_age error inputmode="numeric" disabled=locked />
            </fieldset>
            <fieldset>
                <legend>{move || i18n.t(ConfigT::Sessions)}</legend>
                <TextField label=ConfigT::IdleMinutes.into() name="session_idle_minutes" value=idle error inputmode="numeric" disabled=locked />
                <TextField label=ConfigT::MaxHours.into() name="session_max_hours" value=max_hours error inputmode="numeric" disabled=locked />
                <TextField label=ConfigT::TimeZone.into() name="time_zone" value=zone error disabled=locked />
            </fieldset>
            <fieldset>
                <legend>{move || i18n.t(domain::substitutions::SubT::Title)}</legend>
                <CheckField label=ConfigT::SubstituteExpired.into() name="substitute_expired" checked=substitute_expired disabled=locked />
            </fieldset>
            <ErrorNote error />
            <Status text=saved />
            <Show when=move || !locked.get()>
                <button type="submit" disabled=move || save.pending().get()>{move || i18n.t(CommonT::Save)}</button>
            </Show>
        </form>
        <crate::applications::ApplicationsSection
            may_add=Signal::derive(move || !locked.get() && me.with(|m| m.rights.administrator))
            changed=applications_changed
        />
        <crate::clients::ClientsSection
            applications=applications_changed
            may_edit=Signal::derive(move || !locked.get())
            may_add=Signal::derive(move || !locked.get() && me.with(|m| m.rights.administrator))
        />
    }
}
