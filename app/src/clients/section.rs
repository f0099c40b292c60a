//! The configuration page's section of application clients: the list as a table, adding a
//! client, replacing its secret and revoking it; a new secret is shown once in a dialog.

use super::api::{list_clients, CreateClient, RevokeClient, RotateClient};
use crate::i18n::{fill, use_i18n};
use crate::ui::ErrorNote;
use crate::ui::{error_of, ConfirmDialog, Dialog, TextField};
use domain::applications::AppT;
use domain::clients::{ClientRow, ClientT, NewSecret, BUILT_IN_APPLICATION};
use leptos::prelude::*;

/// `may_edit`: the viewer holds Configuration / Edit, and may revoke; `may_add`: they are an
/// administrator too, and may add clients and give them new secrets (the server checks both).
#[component]
pub fn ClientsSection(
    #[prop(into)] may_edit: Signal<bool>,
    #[prop(into)] may_add: Signal<bool>,
    /// Bumped when an application was registered or updated: its list is read again.
    applications: RwSignal<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let clients = crate::ui::BrowserData::new(list_clients);
    let apps = crate::ui::BrowserData::new(crate::applications::api::list_applications);
    let name = RwSignal::new(String::new());
    let application = RwSignal::new(BUILT_IN_APPLICATION.to_string());
    Effect::new(move |first: Option<()>| {
        applications.track();
        if first.is_some() {
            apps.refetch();
        }
    });
    let create = ServerAction::<CreateClient>::new();
    let rotate = ServerAction::<RotateClient>::new();
    let revoke = ServerAction::<RevokeClient>::new();
    let shown = RwSignal::new(None::<NewSecret>);
    let secret_open = RwSignal::new(false);
    let confirm_open = RwSignal::new(false);
    let revoking = RwSignal::new(None::<ClientRow>);
    let create_error = error_of(create.value());
    let error = Signal::derive(move || {
        create_error
            .get()
            .or_else(|| error_of(rotate.value()).get())
            .or_else(|| error_of(revoke.value()).get())
    });
    for value in [create.value(), rotate.value()] {
        Effect::new(move |_| {
            if let Some(Ok(made)) = value.get() {
                shown.set(Some(made));
                secret_open.set(true);
                name.set(String::new());
                clients.refetch();
            }
        });
    }
    Effect::new(move |_| {
        if let Some(Ok(())) = revoke.value().get() {
            clients.refetch();
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        create.dispatch(CreateClient {
            name: name.get_untracked(),
            application: Some(application.get_untracked()),
        });
    };
    let row = move |c: ClientRow| {
        let live = c.revoked_at.is_none();
        let id = c.id;
        let for_revoke = c.clone();
        let actions = move || {
            (live && may_edit.get()).then(|| {
                let for_revoke = for_revoke.clone();
                let rotate_label = format!("{} — {}", i18n.t(ClientT::Rotate), for_revoke.name);
                let revoke_label = format!("{} — {}", i18n.t(ClientT::Revoke), for_revoke.name);
                view! {
                    <button type="button" class="secondary" aria-label=rotate_label hidden=move || !may_add.get()
                        on:click=move |_| { rotate.dispatch(RotateClient { id }); }>
                        {move || i18n.t(ClientT::Rotate)}
                    </button>
                    <button type="button" class="danger" aria-label=revoke_label
                        on:click=move |_| { revoking.set(Some(for_revoke.clone())); confirm_open.set(true); }>
                        {move || i18n.t(ClientT::Revoke)}
                    </button>
                }
            })
        };
        view! {
            <tr>
                <td>{c.name.clone()}</td>
                <td>{c.application.clone()}</td>
                <td><code>{c.client_id.clone()}</code></td>
                <td>{c.created_text.clone()}</td>
                <td>{c.last_used_text.clone().unwrap_or_else(|| i18n.t(ClientT::Never).to_string())}</td>
                <td>{move || i18n.t(if live { ClientT::Active } else { ClientT::Revoked })}</td>
                <td>
                    {actions}
                </td>
            </tr>
        }
    };
    view! {
        <section class="card" aria-labelledby="clients-title">
            <h2 id="clients-title">{move || i18n.t(ClientT::Title)}</h2>
            <p class="muted">{move || i18n.t(ClientT::Intro)}</p>
            {move || clients.get().map(|loaded| match loaded {
                Err(e) => view! { <ErrorNote error=Signal::stored(Some(e)) /> }.into_any(),
                Ok(list) if list.is_empty() => view! { <p>{move || i18n.t(ClientT::Empty)}</p> }.into_any(),
                Ok(list) => view! {
                    <div class="scroll" tabindex="0">
                        <table class="table">
                            <thead><tr>
                                <th scope="col">{move || i18n.t(ClientT::Name)}</th>
                                <th scope="col">{move || i18n.t(AppT::Application)}</th>
                                <th scope="col">{move || i18n.t(ClientT::ClientId)}</th>
                                <th scope="col">{move || i18n.t(ClientT::Created)}</th>
                                <th scope="col">{move || i18n.t(ClientT::LastUsed)}</th>
                                <th scope="col">{move || i18n.t(ClientT::State)}</th>
                                <th scope="col"><span class="visually-hidden">{move || i18n.t(ClientT::Actions)}</span></th>
                            </tr></thead>
                            <tbody>{list.into_iter().map(row).collect_view()}</tbody>
                        </table>
                    </div>
                }.into_any(),
            })}
            <Show when=move || may_add.get()>
                <form class="form" on:submit=submit>
                    <TextField label=ClientT::Name.into() name="client_name" value=name error=create_error maxlength=domain::clients::NAME_MAX />
                    <label for="client-application">{move || i18n.t(AppT::Application)}</label>
                    <select id="client-application" on:change=move |ev| application.set(event_target_value(&ev))>
                        <option value=BUILT_IN_APPLICATION selected=move || application.get() == BUILT_IN_APPLICATION>"Klucznik"</option>
                        {move || apps.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|a| {
                            let key = a.key.clone();
                            let chosen = key.clone();
                            view! { <option value=key selected=move || application.get() == chosen>{a.name}</option> }
                        }).collect_view()}
                    </select>
                    <button type="submit" disabled=move || create.pending().get()>{move || i18n.t(ClientT::Add)}</button>
                </form>
            </Show>
            <ErrorNote error />
            <Dialog id="client-secret" open=secret_open title=Signal::derive(move || i18n.t(ClientT::SecretTitle).to_string())>
                <p>{move || i18n.t(ClientT::SecretOnce)}</p>
                <dl>
                    <dt>{move || i18n.t(ClientT::ClientId)}</dt>
                    <dd><code>{move || shown.get().map(|s| s.client_id).unwrap_or_default()}</code></dd>
                    <dt>{move || i18n.t(ClientT::Secret)}</dt>
                    <dd><code data-testid="client-secret">{move || shown.get().map(|s| s.secret).unwrap_or_default()}</code></dd>
                </dl>
                <div class="buttons">
                    <button type="button" on:click=move |_| { secret_open.set(false); shown.set(None); }>{move || i18n.t(ClientT::Close)}</button>
                </div>
            </Dialog>
            <ConfirmDialog
                id="client-revoke"
                open=confirm_open
                title=Signal::derive(move || i18n.t(ClientT::Revoke).to_string())
                text=Signal::derive(move || {
                    let name = revoking.get().map(|c| c.name).unwrap_or_default();
                    fill(i18n.t(ClientT::RevokeConfirm), &[("name".into(), name)])
                })
                confirm=ClientT::Revoke.into()
                on_confirm=move || {
                    if let Some(c) = revoking.get_untracked() {
                        revoke.dispatch(RevokeClient { id: c.id });
                    }
                }
            />
        </section>
    }
}
