//! The configuration page's section of business applications: the registered ones as a table,
//! a catalogue file chosen → a preview of what it adds, renames and removes in a modal dialog →
//! applied; purging the orphaned grants of removed rights.

use super::api::{list_applications, ApplyCatalogue, PreviewCatalogue, PurgeOrphans};
use crate::error::AppError;
use crate::i18n::{fill, use_i18n};
use crate::ui::{error_of, ConfirmDialog, Dialog, ErrorNote, Status};
use domain::applications::{AppRow, AppT, Change, Preview};
use leptos::prelude::*;

const FILE_INPUT: &str = "catalogue-file";

/// Every problem of a refused file, each on its own line (a file can have several).
#[component]
fn FileProblems(#[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    let lines = move || {
        error.with(|e| e.as_ref().map(|e| e.fields().iter().map(|f| i18n.field(f)).collect::<Vec<_>>()))
    };
    view! {
        <ul class="error-note" role="alert" hidden=move || lines().is_none_or(|l| l.is_empty())>
            {move || lines().unwrap_or_default().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
        </ul>
    }
}

#[component]
fn Changes(title: AppT, list: Vec<Change>) -> impl IntoView {
    let i18n = use_i18n();
    (!list.is_empty()).then(|| {
        let items = list
            .into_iter()
            .map(|c| {
                let text = match c.before {
                    Some(before) => format!("{} — {before} → {}", c.key, c.name),
                    None => format!("{} — {}", c.key, c.name),
                };
                view! { <li>{text}</li> }
            })
            .collect_view();
        view! {
            <h3>{move || i18n.t(title)}</h3>
            <ul class="changes">{items}</ul>
        }
    })
}

#[component]
/// `changed` is bumped after each applied catalogue (the clients' section offers the new
/// application at once).
pub fn ApplicationsSection(#[prop(into)] may_add: Signal<bool>, changed: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let apps = crate::ui::BrowserData::new(list_applications);
    let preview = ServerAction::<PreviewCatalogue>::new();
    let apply = ServerAction::<ApplyCatalogue>::new();
    let purge = ServerAction::<PurgeOrphans>::new();
    let content = RwSignal::new(None::<String>);
    let shown = RwSignal::new(None::<Preview>);
    let preview_open = RwSignal::new(false);
    let purge_open = RwSignal::new(false);
    let purging = RwSignal::new(None::<AppRow>);
    Effect::new(move |_| {
        if let Some(Ok(p)) = preview.value().get() {
            shown.set(Some(p));
            preview_open.set(true);
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(_)) = apply.value().get() {
            preview_open.set(false);
            apps.refetch();
            changed.update(|n| *n += 1);
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(_)) = purge.value().get() {
            apps.refetch();
        }
    });
    let start = move |_| {
        preview.value().set(None);
        apply.value().set(None);
        leptos::task::spawn_local(async move {
            if let Some(text) = crate::ui::read_chosen(FILE_INPUT).await {
                content.set(Some(text.clone()));
                preview.dispatch(PreviewCatalogue { content: text });
            }
        });
    };
    let confirm = move |_| {
        if let (Some(content), Some(p)) = (content.get_untracked(), shown.get_untracked()) {
            apply.dispatch(ApplyCatalogue { content, base: p.base });
        }
    };
    let applied = Signal::derive(move || match apply.value().get() {
        Some(Ok(p)) => Some(fill(i18n.t(AppT::AppliedOk), &[("name".into(), p.name)])),
        _ => purge
            .value()
            .get()
            .and_then(|r| r.ok())
            .map(|n| fill(i18n.t(AppT::Purged), &[("count".into(), n.to_string())])),
    });
    let row = move |a: AppRow| {
        let for_purge = a.clone();
        let purge_label = format!("{} — {}", i18n.t(AppT::Purge), a.name);
        view! {
            <tr>
                <td>{a.name.clone()}</td>
                <td><code>{a.key.clone()}</code></td>
                <td>{a.version.clone()}</td>
                <td>{a.modules}</td>
                <td>{a.applied_text.clone()}</td>
                <td>{a.orphaned}</td>
                <td>
                    <button type="button" class="danger" aria-label=purge_label
                        hidden=move || !(may_add.get() && for_purge.orphaned > 0)
                        on:click={
                            let a = a.clone();
                            move |_| { purging.set(Some(a.clone())); purge_open.set(true); }
                        }>
                        {move || i18n.t(AppT::Purge)}
                    </button>
                </td>
            </tr>
        }
    };
    let preview_title = Signal::derive(move || {
        fill(i18n.t(AppT::PreviewTitle), &[("name".into(), shown.get().map(|p| p.name).unwrap_or_default())])
    });
    view! {
        <section class="card" aria-labelledby="applications-title">
            <h2 id="applications-title">{move || i18n.t(AppT::Title)}</h2>
            <p class="muted">{move || i18n.t(AppT::Intro)}</p>
            {move || apps.get().map(|loaded| match loaded {
                Err(e) => view! { <ErrorNote error=Signal::stored(Some(e)) /> }.into_any(),
                Ok(list) => view! {
                    <div class="scroll" tabindex="0">
                        <table class="table">
                            <caption class="visually-hidden">{move || i18n.t(AppT::Title)}</caption>
                            <thead><tr>
                                <th scope="col">{move || i18n.t(AppT::Application)}</th>
                                <th scope="col">{move || i18n.t(AppT::Key)}</th>
                                <th scope="col">{move || i18n.t(AppT::Version)}</th>
                                <th scope="col">{move || i18n.t(AppT::Modules)}</th>
                                <th scope="col">{move || i18n.t(AppT::Applied)}</th>
                                <th scope="col">{move || i18n.t(AppT::Orphaned)}</th>
                                <th scope="col"><span class="visually-hidden">{move || i18n.t(AppT::Purge)}</span></th>
                            </tr></thead>
                            <tbody>
                                <tr>
                                    <td>"Klucznik"</td>
                                    <td><code>"klucznik"</code></td>
                                    <td>{move || i18n.t(AppT::BuiltIn)}</td>
                                    <td>{crate::catalogue::MODULES.len()}</td>
                                    <td></td><td></td><td></td>
                                </tr>
                                {list.into_iter().map(row).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any(),
            })}
            <Show when=move || may_add.get()>
                <div class="form">
                    <label for=FILE_INPUT>{move || i18n.t(AppT::File)}</label>
                    <input id=FILE_INPUT type="file" accept=".json,application/json" />
                    <button type="button" on:click=start disabled=move || preview.pending().get()>{move || i18n.t(AppT::Upload)}</button>
                </div>
            </Show>
            <FileProblems error=error_of(preview.value()) />
            <ErrorNote error=error_of(preview.value()) />
            <ErrorNote error=error_of(purge.value()) />
            <Status text=applied />
            <Dialog id="catalogue-preview" open=preview_open title=preview_title>
                {move || shown.get().map(|p| {
                    let orphaned = p.orphaned;
                    view! {
                        <p hidden=!p.new>{move || i18n.t(AppT::NewApplication)}</p>
                        <p hidden=!p.unchanged()>{move || i18n.t(AppT::NoChanges)}</p>
                        <Changes title=AppT::Added list=p.added />
                        <Changes title=AppT::Renamed list=p.renamed />
                        <Changes title=AppT::Removed list=p.removed />
                        <p hidden=orphaned == 0>{move || fill(i18n.t(AppT::RemovedKeep), &[("count".into(), orphaned.to_string())])}</p>
                    }
                })}
                <FileProblems error=error_of(apply.value()) />
                <ErrorNote error=error_of(apply.value()) />
                <div class="buttons">
                    <button type="button" on:click=confirm disabled=move || apply.pending().get()>{move || i18n.t(AppT::Apply)}</button>
                    <button type="button" class="secondary" on:click=move |_| preview_open.set(false)>{move || i18n.t(AppT::Cancel)}</button>
                </div>
            </Dialog>
            <ConfirmDialog
                id="catalogue-purge"
                open=purge_open
                title=Signal::derive(move || i18n.t(AppT::Purge).to_string())
                text=Signal::derive(move || {
                    let (name, count) = purging.get().map(|a| (a.name, a.orphaned)).unwrap_or_default();
                    fill(i18n.t(AppT::PurgeConfirm), &[("name".into(), name), ("count".into(), count.to_string())])
                })
                confirm=AppT::Purge.into()
                on_confirm=move || {
                    if let Some(a) = purging.get_untracked() {
                        purge.dispatch(PurgeOrphans { key: a.key });
                    }
                }
            />
        </section>
    }
}
