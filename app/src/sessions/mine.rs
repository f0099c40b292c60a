//! Every user's own sessions (design rule 8): open and recent, ending any but the current one.

use super::api::{my_sessions, EndMySessions};
use super::table::reason_text;
use crate::events::use_live;
use crate::i18n::{fill, use_i18n, CommonT};
use crate::ui::ErrorNote;
use crate::ui::{error_of, loaded, Status};
use domain::events::Topic;
use domain::sessions::admin::SessionRow;
use domain::sessions::SessionT;
use leptos::prelude::*;

#[component]
pub fn MySessionsPage() -> impl IntoView {
    let i18n = use_i18n();
    let live = use_live();
    let sessions = Resource::new(move || live.version(Topic::Sessions), |_| my_sessions());
    let end = ServerAction::<EndMySessions>::new();
    let ended = Signal::derive(move || match end.value().get() {
        Some(Ok(n)) => Some(crate::i18n::fill_in(
            i18n.lang.get(),
            i18n.t(SessionT::Ended),
            &[("count".into(), n.to_string())],
        )),
        _ => None,
    });
    let row = move |s: SessionRow| {
        let id = s.id;
        let state = match (&s.closed, &s.end_reason) {
            (None, _) => i18n.t(SessionT::StateOpen).to_string(),
            (Some(_), reason) => {
                let why = reason.as_deref().map(|r| i18n.t(reason_text(r))).unwrap_or_default();
                match &s.ended_by {
                    Some(by) => format!("{} — {why} ({by})", s.closed_text),
                    None => format!("{} — {why}", s.closed_text),
                }
            }
        };
        let action = (s.closed.is_none() && !s.current).then(|| {
            let label = fill(i18n.t(SessionT::EndSession), &[("id".into(), id.to_string())]);
            view! {
                <button type="button" class="small danger" aria-label=label
                    on:click=move |_| { end.dispatch(EndMySessions { ids: vec![id], others: false }); }>
                    {move || i18n.t(SessionT::EndOne)}
                </button>
            }
        });
        view! {
            <tr class:current=s.current aria-current=s.current.then_some("true")>
                <th scope="row">{id}{s.current.then(|| view! { " " <strong class="badge">{move || i18n.t(SessionT::ThisSession)}</strong> })}</th>
                <td>{s.computer.clone()}</td>
                <td>{s.account.clone()}</td>
                <td>{s.created_text.clone()}</td>
                <td>{s.last_text.clone()}</td>
                <td>{state}</td>
                <td>{action}</td>
            </tr>
        }
    };
    view! {
        <h1>{move || i18n.t(SessionT::MyTitle)}</h1>
        <div class="buttons">
            <button type="button" class="danger" on:click=move |_| { end.dispatch(EndMySessions { ids: vec![], others: true }); }>
                {move || i18n.t(SessionT::EndOthers)}
            </button>
        </div>
        <ErrorNote error=error_of(end.value()) />
        <Status text=ended />
        <Transition fallback=move || view! { <p>{move || i18n.t(CommonT::Loading)}</p> }>
            {move || Suspend::new(async move {
                loaded(sessions.await, move |list| view! {
                    <div class="scroll" tabindex="0"><table class="table">
                        <caption class="visually-hidden">{move || i18n.t(SessionT::MyTitle)}</caption>
                        <thead><tr>
                            <th scope="col">{move || i18n.t(SessionT::ColId)}</th>
                            <th scope="col">{move || i18n.t(SessionT::ColComputer)}</th>
                            <th scope="col">{move || i18n.t(SessionT::ColAccount)}</th>
                            <th scope="col">{move || i18n.t(SessionT::ColCreated)}</th>
                            <th scope="col">{move || i18n.t(SessionT::ColLastActivity)}</th>
                            <th scope="col">{move || i18n.t(SessionT::ColClosed)}</th>
                            <th scope="col"><span class="visually-hidden">{move || i18n.t(SessionT::EndOne)}</span></th>
                        </tr></thead>
                        <tbody>{list.into_iter().map(row).collect_view()}</tbody>
                    </table></div>
                })
            })}
        </Transition>
    }
}
