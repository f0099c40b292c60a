//! The dashboard: who you are, where you work, and who is online right now (live).

use super::ShellT;
use crate::events::use_live;
use crate::i18n::{fill, use_i18n};
use crate::sessions::api::online_now;
use domain::events::Topic;
use leptos::either::Either;
use leptos::prelude::*;

#[component]
pub fn Dashboard() -> impl IntoView {
    let i18n = use_i18n();
    let me = crate::page_context::current_user();
    let welcome =
        move || fill(i18n.t(ShellT::Welcome), &[("name".into(), me.with(|m| m.display_name().to_string()))]);
    let where_ =
        move || fill(i18n.t(ShellT::YourAccount), &[("account".into(), me.with(|m| m.account_name.clone()))]);
    view! {
        <h1>{welcome}</h1>
                <p>{where_}</p>
        <p>{move || me.with(|m| m.unit_name.clone().map(|u| fill(i18n.t(ShellT::YourUnit), &[("unit".into(), u)])))}</p>
        <OnlineNow my_session=me.get_untracked().session_id />
    }
}

#[component]
fn OnlineNow(my_session: i64) -> impl IntoView {
    let i18n = use_i18n();
    let live = use_live();
    let online = Resource::new(move || live.version(Topic::Sessions), |_| online_now());
    let status = move || {
        if live.connected.get() {
            i18n.t(ShellT::LiveConnected)
        } else {
            i18n.t(ShellT::LiveDisconnected)
        }
    };
    view! {
        <section class="card" aria-labelledby="online-title">
            <h2 id="online-title">{move || i18n.t(ShellT::OnlineNow)}</h2>
            <p class="muted live-status" aria-live="polite">{status}</p>
            <Transition fallback=move || view! { <p>{move || i18n.t(crate::i18n::CommonT::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match online.await {
                        Err(e) => Either::Right(view! { <crate::ui::ErrorNote error=Signal::stored(Some(e)) /> }),
                        Ok(rows) => Either::Left({
                        let n = rows.len().to_string();
                        let count = move || crate::i18n::fill_in(i18n.lang.get(), i18n.t(ShellT::OnlineCount), &[("count".into(), n.clone())]);
                        view! {
                            <div class="scroll" tabindex="0"><table class="table">
                                <caption>{count}</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">{move || i18n.t(ShellT::ColUser)}</th>
                                        <th scope="col">{move || i18n.t(ShellT::ColSince)}</th>
                                        <th scope="col">{move || i18n.t(ShellT::ColComputer)}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {rows
                                        .into_iter()
                                        .map(|s| {
                                            let mine = s.session_id == my_session;
                                            let who = domain::users::labelled_name(&s.login, &s.full_name);
                                            view! {
                                                <tr class:current=mine>
                                                    <td>
                                                        {who}
                                                        {mine.then(|| view! { " " <strong>{move || i18n.t(ShellT::You)}</strong> })}
                                                    </td>
                                                    <td>{s.since_text}</td>
                                                    <td>{s.computer}</td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                </tbody>
                            </table></div>
                        }
                        }),
                    }
                })}
            </Transition>
        </section>
    }
}
