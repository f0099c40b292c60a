//! Working on someone's behalf in the shell: the user menu's list of substitutions to start,
//! the banner while working as the absent user, and the notice when the mode was ended.

use super::api::{end_substitution, start_substitution, startable_substitutions};
use crate::error::AppError;
use crate::events::use_live;
use crate::i18n::{fill, use_i18n};
use crate::page_context::{current_user, go};
use crate::ui::ConfirmDialog;
use domain::events::Topic;
use domain::substitutions::{Startable, SubT};
use leptos::prelude::*;

/// The user menu's "Substitutions you can start", each with "Start" (after a confirmation).
#[component]
pub fn StartableList() -> impl IntoView {
    let i18n = use_i18n();
    let live = use_live();
    let list = crate::ui::BrowserData::new(move || {
        live.version(Topic::Substitutions);
        live.version(Topic::Users);
        startable_substitutions()
    });
    let chosen = RwSignal::new(None::<Startable>);
    let confirm_open = RwSignal::new(false);
    let error = RwSignal::new(None::<AppError>);
    let items = move || list.get().and_then(Result::ok).unwrap_or_default();
    let start = move || {
        let Some(s) = chosen.get_untracked() else { return };
        leptos::task::spawn_local(async move {
            match start_substitution(s.id).await {
                Ok(()) => go("/"),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let absent = move || chosen.get().map(|s| s.absent).unwrap_or_default();
    let title = Signal::derive(move || fill(i18n.t(SubT::ConfirmStartTitle), &[("absent".into(), absent())]));
    let text = Signal::derive(move || fill(i18n.t(SubT::ConfirmStart), &[("absent".into(), absent())]));
    view! {
        <Show when=move || !items().is_empty()>
            <div class="startable">
                <p class="muted">{move || i18n.t(SubT::MenuHeading)}</p>
                <ul>
                    {move || items().into_iter().map(|s| {
                        let until = fill(i18n.t(SubT::Until), &[("to".into(), crate::list::format_day(&s.to_day, i18n.lang.get_untracked()))]);
                        let label = fill(i18n.t(SubT::StartAs), &[("absent".into(), s.absent.clone())]);
                        let item = s.clone();
                        view! {
                            <li>
                                <span>{s.absent.clone()} " (" {until} ")"</span>
                                <button type="button" class="small" aria-label=label on:click=move |_| {
                                    error.set(None);
                                    chosen.set(Some(item.clone()));
                                    confirm_open.set(true);
                                }>{i18n.t(SubT::Start)}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <crate::ui::ErrorNote error=Signal::derive(move || error.get()) />
            </div>
        </Show>
        <ConfirmDialog id="start-substitution" open=confirm_open title text confirm=SubT::Start.into() on_confirm=start />
    }
}

/// While the session works as someone else: who, until when, and "End".
#[component]
pub fn WorkingAsBanner() -> impl IntoView {
    let i18n = use_i18n();
    let me = current_user();
    let error = RwSignal::new(None::<AppError>);
    let end = move |_| {
        leptos::task::spawn_local(async move {
            match end_substitution().await {
                Ok(()) => go("/"),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let working = move || {
        me.with(|m| {
            m.native
                .is_some()
                .then(|| (m.display_name().to_string(), m.working_until.clone().unwrap_or_default()))
        })
    };
    view! {
        {move || working().map(|(absent, to)| {
            let to = crate::list::format_day(&to, i18n.lang.get_untracked());
            let text = fill(i18n.t(SubT::WorkingAs), &[("absent".into(), absent.clone()), ("to".into(), to)]);
            let label = fill(i18n.t(SubT::EndLabel), &[("absent".into(), absent)]);
            view! {
                <div class="working-as" role="status">
                    <span>{text}</span>
                    <button type="button" class="small" aria-label=label on:click=end>{i18n.t(SubT::End)}</button>
                    <crate::ui::ErrorNote error=Signal::derive(move || error.get()) />
                </div>
            }
        })}
    }
}

/// The notice when the mode was ended for this session (deactivated, period over, …): a modal
/// dialog over a page that has already switched back to the user's own (issue 14); closing it,
/// however, reloads the app as the user's own.
#[component]
pub fn ModeEnded() -> impl IntoView {
    let i18n = use_i18n();
    let live = use_live();
    let open = RwSignal::new(false);
    Effect::new(move |_| {
        if live.mode_ended.with(Option::is_some) {
            open.set(true);
        }
    });
    Effect::new(move |_| {
        if !open.get() && live.mode_ended.with_untracked(Option::is_some) {
            go("/");
        }
    });
    let text = move || {
        live.mode_ended.get().map(|(absent, why)| {
            fill(
                i18n.t(SubT::EndedText),
                &[("absent".into(), absent), ("why".into(), i18n.t(why.text()).to_string())],
            )
        })
    };
    let title = Signal::derive(move || i18n.t(SubT::EndedTitle).to_string());
    view! {
        <crate::ui::Dialog id="mode-ended" open title>
            <p>{text}</p>
            <button type="button" on:click=move |_| go("/")>{move || i18n.t(SubT::Continue)}</button>
        </crate::ui::Dialog>
    }
}
