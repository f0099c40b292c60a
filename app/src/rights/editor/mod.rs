//! The rights editors of seeds 001 and 002 (on a role and on a user) and the effective-rights
//! view. The page edits a copy of the holder's grants; everything it shows is computed from
//! that copy by the same resolver the server uses, so what you see is what saving will give.

mod apps;
mod data;
mod effective;
mod modules;
mod permissions;
mod state;

pub use effective::EffectivePage;

use super::api::{rights_editor, SaveRights};
use super::view::EditorData;
use super::{GrantRow, Holder, RightT, Snapshot, Subject};
use crate::catalogue::Module;
use crate::i18n::{fill, use_i18n};
use crate::ui::ErrorNote;
use crate::ui::{error_of, Status};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use state::Own;

/// The state of one editor page, shared by its sections.
#[derive(Clone, Copy)]
pub struct Editing {
    pub data: RwSignal<Option<EditorData>>,
    pub grants: RwSignal<Vec<GrantRow>>,
    pub module: RwSignal<Module>,
    pub snapshot: Memo<Option<(Subject, Snapshot)>>,
    /// The business application whose rights are shown (None: Klucznik's own).
    pub app: RwSignal<Option<String>>,
}

impl Editing {
    pub fn editable(&self) -> bool {
        self.data.with(|d| d.as_ref().is_some_and(|d| d.editable))
    }

    pub fn own(&self, key: &str, target: Option<crate::catalogue::Target>) -> Own {
        self.grants.with(|g| state::own_of(g, key, target))
    }

    pub fn cycle(&self, key: &str, target: Option<crate::catalogue::Target>) {
        let next = self.own(key, target).next();
        self.grants.update(|g| state::set(g, key, target, next));
    }

    /// Whether the viewer holds the right a grant gives (rule 6: only those they may change).
    pub fn holds(&self, key: &str, target: Option<crate::catalogue::Target>) -> bool {
        match domain::applications::split_key(key) {
            Some((app, local)) => self.data.with(|d| {
                d.as_ref().is_some_and(|d| {
                    d.apps.iter().any(|a| a.catalogue.key == app && a.held.iter().any(|k| k == local))
                })
            }),
            None => crate::page_context::current_user().with(|m| m.rights.holds(key, target)),
        }
    }

    /// Sets every right of a node that the editor may change: rights the editor does not hold
    /// are left as they are, as their cells are (rule 6; issue 14: "Add all" changed them and
    /// the whole save then failed).
    pub fn set_all(&self, keys: &[(String, Option<crate::catalogue::Target>)], own: Own) {
        let held: Vec<bool> = keys.iter().map(|(key, target)| untrack(|| self.holds(key, *target))).collect();
        self.grants.update(|g| {
            for ((key, target), held) in keys.iter().zip(held) {
                if held {
                    state::set(g, key, *target, own);
                }
            }
        });
    }

    pub fn is_user(&self) -> bool {
        self.data.with(|d| matches!(d.as_ref().map(|d| d.holder), Some(Holder::User(_))))
    }
}

/// What "remove all" means: a user is denied; a role stops giving (its grants are cleared).
pub fn removed(editing: &Editing) -> Own {
    if editing.is_user() {
        Own::Deny
    } else {
        Own::Inherit
    }
}

#[component]
pub fn RightsPage(#[prop(into)] role: bool) -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let holder = move || {
        let id = params.with(|p| p.get("id").and_then(|v| v.parse::<i64>().ok())).unwrap_or_default();
        if role {
            Holder::Role(id)
        } else {
            Holder::User(id)
        }
    };
    let loaded = crate::ui::BrowserData::new(move || rights_editor(holder()));
    let data = RwSignal::new(None::<EditorData>);
    let grants = RwSignal::new(Vec::<GrantRow>::new());
    let load_error = RwSignal::new(None);
    Effect::new(move |_| match loaded.get() {
        Some(Ok(d)) => {
            grants.set(d.grants.clone());
            data.set(Some(d));
        }
        Some(Err(e)) => load_error.set(Some(e)),
        None => {}
    });
    let snapshot = Memo::new(move |_| {
        data.with(|d| {
            d.as_ref().map(|d| {
                let subject = grants.with(|g| d.subject(g));
                let snapshot = subject.snapshot_of(&d.tree());
                (subject, snapshot)
            })
        })
    });
    let editing =
        Editing { data, grants, module: RwSignal::new(Module::Users), snapshot, app: RwSignal::new(None) };
    provide_context(editing);
    let save = ServerAction::<SaveRights>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = save.value().get() {
            loaded.refetch();
        }
    });
    let pending =
        move || data.with(|d| d.as_ref().map(|d| grants.with(|g| state::pending(&d.grants, g)))).unwrap_or(0);
    let saved = Signal::derive(move || {
        matches!(save.value().get(), Some(Ok(()))).then(|| i18n.t(RightT::Saved).to_string())
    });
    let title = move || {
        fill(
            i18n.t(RightT::RightsOf),
            &[("name".into(), data.with(|d| d.as_ref().map(|d| d.name.clone()).unwrap_or_default()))],
        )
    };
    let submit = move |_| {
        if let Some(d) = data.get_untracked() {
            save.value().set(None);
            save.dispatch(SaveRights {
                holder: d.holder,
                grants: grants.get_untracked(),
                version: d.version,
            });
        }
    };
    view! {
        <h1>{title}</h1>
        <ErrorNote error=Signal::derive(move || load_error.get()) />
        <Show when=move || data.with(Option::is_some)>
            <p class="notice" hidden=move || editing.editable()>{move || i18n.t(RightT::ReadOnly)}</p>
            <div class="rights-bar" role="region" aria-label=move || i18n.t(RightT::Rights)>
                <p aria-live="polite">{move || (pending() > 0).then(|| fill(i18n.t(RightT::Pending), &[("count".into(), pending().to_string())]))}</p>
                <Show when=move || editing.editable()>
                    <button type="button" on:click=submit disabled=move || pending() == 0 || save.pending().get()>{move || i18n.t(RightT::Save)}</button>
                    <button type="button" class="secondary" disabled=move || pending() == 0
                        on:click=move |_| { if let Some(d) = data.get_untracked() { grants.set(d.grants); } }>
                        {move || i18n.t(RightT::Reset)}
                    </button>
                </Show>
                <ErrorNote error=error_of(save.value()) />
                <Status text=saved />
            </div>
            <apps::AppChoice />
            <Show when=move || editing.app.with(Option::is_none) fallback=|| view! { <apps::AppRightsPanel /> }>
                <modules::Modules />
                <permissions::Permissions />
                <data::PersonsRights />
            </Show>
        </Show>
    }
}
