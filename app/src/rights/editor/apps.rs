//! The rights of business applications in the editors (issue 16): a choice of application, then
//! its modules with their operations and columns and its permissions, each a cycling cell and
//! its result by the same resolver over the application's catalogue. Grants of rights the
//! catalogue no longer has are listed as out of effect.

use super::modules::{Cell, SettingHead};
use super::state::describe_with;
use super::Editing;
use crate::i18n::{fill, use_i18n};
use domain::applications::{AppOp, AppRight, AppRights, AppT};
use domain::rights::Source;
use domain::texts::rights::RightT;
use leptos::prelude::*;
use std::sync::Arc;

/// The application select, shown when the account has business applications.
#[component]
pub fn AppChoice() -> impl IntoView {
    let i18n = use_i18n();
    let editing = expect_context::<Editing>();
    let apps = move || {
        editing.data.with(|d| {
            d.as_ref()
                .map(|d| {
                    d.apps
                        .iter()
                        .map(|a| (a.catalogue.key.clone(), a.catalogue.name.get(i18n.lang.get()).to_string()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    view! {
        <Show when=move || !apps().is_empty()>
            <div class="field app-choice">
                <label for="rights-application">{move || i18n.t(AppT::Application)}</label>
                <select id="rights-application" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    editing.app.set((!v.is_empty()).then_some(v));
                }>
                    <option value="" selected=move || editing.app.with(Option::is_none)>"Klucznik"</option>
                    {move || apps().into_iter().map(|(key, name)| {
                        let chosen = key.clone();
                        view! { <option value=key selected=move || editing.app.get().as_deref() == Some(chosen.as_str())>{name}</option> }
                    }).collect_view()}
                </select>
            </div>
        </Show>
    }
}

/// The rights of the chosen application: module list, the chosen module's panel, permissions.
#[component]
pub fn AppRightsPanel() -> impl IntoView {
    let editing = expect_context::<Editing>();
    let rights = Memo::new(move |_| {
        let key = editing.app.get()?;
        editing.data.with(|d| {
            let app = d.as_ref()?.apps.iter().find(|a| a.catalogue.key == key)?;
            Some(ArcRights(Arc::new(AppRights::new(app.catalogue.clone()))))
        })
    });
    let module = RwSignal::new(0usize);
    Effect::new(move |_| {
        editing.app.track();
        module.set(0);
    });
    view! {
        {move || rights.get().map(|r| view! { <Panel rights=r.0 module /> })}
    }
}

/// `AppRights` compared by catalogue, so that the memo above re-renders only on a change.
#[derive(Clone)]
struct ArcRights(Arc<AppRights>);

impl PartialEq for ArcRights {
    fn eq(&self, other: &Self) -> bool {
        self.0.catalogue == other.0.catalogue
    }
}

#[component]
fn Panel(rights: Arc<AppRights>, module: RwSignal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    let editing = expect_context::<Editing>();
    let lang = move || i18n.lang.get();
    let r = rights.clone();
    // The holder's subject over this application, recomputed on every edit.
    let subject = Memo::new(move |_| {
        editing.data.with(|d| d.as_ref().map(|d| editing.grants.with(|g| d.app_subject(&r, g))))
    });
    let result = {
        let rights = rights.clone();
        move |i: u32| {
            let rights = rights.clone();
            move || {
                subject.with(|s| {
                    editing.data.with(|d| match (s, d) {
                        (Some(s), Some(d)) => {
                            let decision = s.decide(rights.spec(), i);
                            let state = if decision.allowed { RightT::Allowed } else { RightT::Denied };
                            let greyed = matches!(decision.source, Source::Needs(_));
                            let why = describe_with(&i18n, d, &decision, |n| rights.name(n, lang()));
                            (greyed, format!("{} — {why}", i18n.t(state)))
                        }
                        _ => (false, String::new()),
                    })
                })
            }
        }
    };
    let count = (0..rights.len())
        .filter(|i| matches!(rights.right(*i as u32), AppRight::Op { .. } | AppRight::Column { .. }))
        .count();
    let modules = (0..rights.catalogue.modules().count())
        .map(|m| {
            let name = rights.module_at(m).name.clone();
            view! {
                <li>
                    <button type="button" class="link" aria-pressed=move || (module.get() == m).to_string()
                        on:click=move |_| module.set(m)>
                        {move || name.get(lang()).to_string()}
                    </button>
                </li>
            }
        })
        .collect_view();
    let row = {
        let rights = rights.clone();
        let result = result.clone();
        move |i: u32| {
            let text = Signal::derive(result(i));
            let name = {
                let rights = rights.clone();
                Signal::derive(move || rights.name(i, lang()))
            };
            let label = {
                let rights = rights.clone();
                move || match rights.right(i) {
                    AppRight::Op { module, op } => match &rights.module_at(module).operations[op] {
                        AppOp::Standard(op) => i18n.t(op.name()).to_string(),
                        AppOp::Custom { name, .. } => name.get(lang()).to_string(),
                    },
                    _ => rights.name(i, lang()),
                }
            };
            view! {
                <tr class:greyed=move || text.get().0>
                    <th scope="row">{label}</th>
                    <td><Cell key=rights.catalogue.grant_key(rights.key(i)) target=None name /></td>
                    <td>{move || text.get().1}</td>
                </tr>
            }
        }
    };
    let panel = {
        let rights = rights.clone();
        let row = row.clone();
        move || {
            let m = module.get();
            let in_module: Vec<u32> = (0..rights.len() as u32)
                .filter(|i| match rights.right(*i) {
                    AppRight::Op { module, .. } | AppRight::Column { module, .. } => module == m,
                    AppRight::Perm(_) => false,
                })
                .collect();
            let title = fill(
                i18n.t(RightT::RightsOfModule),
                &[("module".into(), rights.module_at(m).name.get(lang()).to_string())],
            );
            let persons = rights.module_at(m).persons;
            view! {
                <section class="module-panel" aria-labelledby="app-module-title">
                    <h2 id="app-module-title">{title}</h2>
                    <p class="muted" hidden=!persons>{move || i18n.t(AppT::OnPersons)}</p>
                    <table class="table">
                        <SettingHead />
                        <tbody>{in_module.into_iter().map(row.clone()).collect_view()}</tbody>
                    </table>
                </section>
            }
        }
    };
    let perms: Vec<u32> =
        (0..rights.len() as u32).filter(|i| matches!(rights.right(*i), AppRight::Perm(_))).collect();
    let orphaned = {
        let rights = rights.clone();
        Memo::new(move |_| {
            editing.grants.with(|g| {
                g.iter()
                    .filter(|g| rights.local(&g.key).is_some() && !rights.knows(&g.key))
                    .map(|g| g.key.clone())
                    .collect::<Vec<_>>()
            })
        })
    };
    view! {
        <div class="rights-layout" data-rights=count>
            <nav aria-label=move || i18n.t(RightT::Modules)>
                <ul class="plain module-tree">{modules}</ul>
            </nav>
            {panel}
        </div>
        {(!perms.is_empty()).then(|| view! {
            <section class="card" aria-labelledby="app-permissions-title">
                <h2 id="app-permissions-title">{move || i18n.t(AppT::Permissions)}</h2>
                <table class="table">
                    <SettingHead />
                    <tbody>{perms.into_iter().map(row.clone()).collect_view()}</tbody>
                </table>
            </section>
        })}
        <p class="notice" hidden=move || orphaned.with(Vec::is_empty)>
            {move || fill(i18n.t(AppT::OrphanedHere), &[("keys".into(), orphaned.get().join(", "))])}
        </p>
    }
}
