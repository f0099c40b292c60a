//! The sessions list of seed 000: filter, search, dates, sorting by any column, paging, the
//! viewer's own session marked, ending selected sessions, exports — updated live.

use super::api::{list_sessions, EndSessions};
use super::table::{reason_text, Export};
use crate::catalogue::{ColumnOp, Module, Op};
use crate::events::use_live;
use crate::i18n::{fill, use_i18n, CommonT};
use crate::list::PAGE_SIZE;
use crate::page_context::current_user;
use crate::ui::ErrorNote;
use crate::ui::{error_of, loaded, Dialog, Pager, Status};
use domain::events::Topic;
use domain::sessions::admin::{SessionQuery, SessionRow, SessionSort, SessionState};
use domain::sessions::SessionT;
use leptos::prelude::*;

#[component]
pub fn SessionsPage() -> impl IntoView {
    let i18n = use_i18n();
    let live = use_live();
    let me = current_user();
    let query = RwSignal::new(SessionQuery { descending: true, ..Default::default() });
    let total = RwSignal::new(0u64);
    let page = RwSignal::new(0u32);
    let refreshed = RwSignal::new(0u32);
    Effect::new(move |_| {
        query.track();
        page.set(0);
    });
    let sessions = Resource::new(
        move || {
            (
                live.version(Topic::Sessions),
                live.version(Topic::Activity),
                refreshed.get(),
                query.get(),
                page.get(),
            )
        },
        |(_, _, _, query, page)| list_sessions(SessionQuery { page, ..query }),
    );
    Effect::new(move |_| {
        if let Some(Ok(p)) = sessions.get() {
            total.set(p.total);
        }
    });
    let sees = move |c: SessionSort| {
        c.guarded_by().is_none_or(|k| me.with(|m| m.rights.column(Module::Sessions, k, ColumnOp::Visible)))
    };
    // The user's view: the columns kept, and the sort order, saved with Edit view.
    let columns = RwSignal::new(domain::views::ListView::default());
    let shown = move |c: SessionSort| sees(c) && columns.with(|v| v.shows(c.key()));
    Effect::new(move |_| {
        let (sort, descending) = query.with(|q| (q.sort, q.descending));
        columns.update_untracked(|v| (v.sort, v.descending) = (Some(sort.key().to_string()), descending));
    });
    Effect::new(move |_| {
        let saved = columns.with(|v| (v.sort.as_deref().and_then(SessionSort::from_key), v.descending));
        if let (Some(sort), descending) = saved {
            if query.with_untracked(|q| (q.sort, q.descending)) != (sort, descending) {
                query.update(|q| (q.sort, q.descending) = (sort, descending));
            }
        }
    });
    let chooser_columns = Signal::derive(move || {
        let mut list: Vec<(&'static str, crate::i18n::Msg)> =
            SessionSort::ALL.into_iter().filter(|c| sees(*c)).map(|c| (c.key(), c.name().into())).collect();
        list.push(("account", SessionT::ColAccount.into()));
        list
    });
    let can_end = move || me.with(|m| m.rights.can(Module::Sessions, Op::Delete));
    let selected = RwSignal::new(Vec::<i64>::new());
    let asking = RwSignal::new(false);
    let note = RwSignal::new(String::new());
    let end = ServerAction::<EndSessions>::new();
    let ended = Signal::derive(move || match end.value().get() {
        Some(Ok(n)) => Some(crate::i18n::fill_in(
            i18n.lang.get(),
            i18n.t(SessionT::Ended),
            &[("count".into(), n.to_string())],
        )),
        _ => None,
    });
    Effect::new(move |_| {
        if let Some(Ok(_)) = end.value().get() {
            selected.set(Vec::new());
            asking.set(false);
            note.set(String::new());
        }
    });
    let set = move |f: fn(&mut SessionQuery, String)| {
        move |ev: leptos::ev::Event| query.update(|q| f(q, event_target_value(&ev)))
    };
    let sort_button = move |c: SessionSort| {
        let active = move || query.with(|q| q.sort == c);
        let aria = move || match (active(), query.with(|q| q.descending)) {
            (false, _) => "none",
            (true, false) => "ascending",
            (true, true) => "descending",
        };
        view! {
            <th scope="col" aria-sort=aria>
                <button type="button" class="link" title=move || fill(i18n.t(SessionT::SortBy), &[("column".into(), i18n.t(c.name()).into())])
                    on:click=move |_| query.update(|q| { q.descending = if q.sort == c { !q.descending } else { false }; q.sort = c; })>
                    {move || i18n.t(c.name())}
                    {move || active().then(|| if query.with(|q| q.descending) { " ▼" } else { " ▲" })}
                </button>
            </th>
        }
    };
    let row_view = move |s: SessionRow| {
        let id = s.id;
        let selectable = s.endable;
        let why_not = match (selectable, s.current, s.visiting, s.closed.is_some()) {
            (true, ..) | (false, _, _, true) => None,
            (false, true, _, _) => Some(SessionT::NotOwnSession),
            (false, _, true, _) => Some(SessionT::VisitorSession),
            _ => None,
        };
        let checked = move || selected.with(|v| v.contains(&id));
        let toggle =
            move |_| selected.update(|v| if v.contains(&id) { v.retain(|x| *x != id) } else { v.push(id) });
        let ended_by = s
            .ended_by
            .clone()
            .or_else(|| s.end_reason.as_deref().map(|r| i18n.t(reason_text(r)).to_string()));
        let cells = SessionSort::ALL
            .into_iter()
            .filter(|c| shown(*c))
            .map(|c| {
                use SessionSort::*;
                let text = match c {
                    Id => id.to_string(),
                    User => s.login.clone(),
                    Computer => s.computer.clone(),
                    Unit => s.unit.clone(),
                    Created => s.created_text.clone(),
                    Closed => s.closed_text.clone(),
                    LastActivity => s.last_text.clone(),
                    EndedBy => ended_by.clone().unwrap_or_default(),
                    Service => s.service.clone(),
                    SessionName => s.session_name.clone(),
                    DbVersion => s.db_version.clone(),
                    ProgramVersion => s.program_version.clone(),
                    WorkingAs => s.working_as.clone().unwrap_or_default(),
                };
                let mark = (c == User && s.current).then(
                    || view! { " " <strong class="badge">{move || i18n.t(SessionT::ThisSession)}</strong> },
                );
                let note = (c == EndedBy && !s.end_note.is_empty())
                    .then(|| view! { <br /><span class="muted small-text">{s.end_note.clone()}</span> });
                if c == Id {
                    view! { <th scope="row">{text}</th> }.into_any()
                } else {
                    let class = if matches!(c, Created | Closed | LastActivity) { "nowrap" } else { "long" };
                    view! { <td class=class>{text}{mark}{note}</td> }.into_any()
                }
            })
            .collect_view();
        view! {
            <tr class:current=s.current aria-current=s.current.then_some("true")>
                <Show when=can_end>
                    <td>
                        <input type="checkbox" disabled=!selectable prop:checked=checked on:change=toggle
                            aria-label=fill(i18n.t(SessionT::Select), &[("id".into(), id.to_string())])
                            aria-describedby=why_not.map(|_| format!("why-not-{id}")) title=why_not.map(|w| i18n.t(w)) />
                        // Why a box cannot be ticked (issue 14: a visitor's said nothing).
                        {why_not.map(|w| view! { <span id=format!("why-not-{id}") class="visually-hidden">{i18n.t(w)}</span> })}
                    </td>
                </Show>
                {cells}
                {columns.with_untracked(|v| v.shows("account")).then(|| view! { <td class="long">{s.account.clone()}</td> })}
            </tr>
        }
    };
    view! {
        <div class="page-head">
            <h1>{move || i18n.t(SessionT::Title)}</h1>
            <p class="muted">{move || i18n.t(SessionT::Live)}</p>
        </div>
        <div class="filters">
            <div class="field">
                <label for="session-state">{move || i18n.t(SessionT::Show)}</label>
                <select id="session-state" on:change=set(|q, v| q.state = SessionState::parse(&v))>
                    {SessionState::ALL.into_iter().map(|s| view! { <option value=s.key()>{move || i18n.t(s.name())}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="session-search">{move || i18n.t(SessionT::Search)}</label>
                <input id="session-search" type="search" maxlength=domain::sessions::admin::SEARCH_MAX on:input=set(|q, v| q.search = v) />
            </div>
            <div class="field">
                <label for="session-from">{move || i18n.t(SessionT::From)}</label>
                <input id="session-from" type="date" on:change=set(|q, v| q.from = v) />
            </div>
            <div class="field">
                <label for="session-to">{move || i18n.t(SessionT::To)}</label>
                <input id="session-to" type="date" on:change=set(|q, v| q.to = v) />
            </div>
            <button type="button" class="secondary" on:click=move |_| refreshed.update(|r| *r += 1)>{move || i18n.t(SessionT::Refresh)}</button>
        </div>
        <div class="buttons">
            <Show when=can_end>
                <button type="button" class="danger" disabled=move || selected.with(Vec::is_empty) on:click=move |_| asking.set(true)>
                    {move || i18n.t(SessionT::EndSelected)}
                </button>
            </Show>
            <Show when=move || me.with(|m| m.rights.can(Module::Sessions, Op::Print))>
                <Export query=Signal::derive(move || query.get()) total=Signal::derive(move || total.get()) />
            </Show>
        </div>
        <Status text=ended />
        <crate::views::ColumnChooser spec=domain::views::SESSIONS view=columns columns=chooser_columns />
        <Transition fallback=move || view! { <p>{move || i18n.t(CommonT::Loading)}</p> }>
            {move || Suspend::new(async move {
                loaded(sessions.await, move |p| view! {
                    <div class="scroll" tabindex="0">
                        <table class="table">
                            <caption class="visually-hidden">{move || i18n.t(SessionT::Title)}</caption>
                            <thead><tr>
                                <Show when=can_end><th scope="col"><span class="visually-hidden">{move || i18n.t(SessionT::EndSelected)}</span></th></Show>
                                {SessionSort::ALL.into_iter().filter(|c| shown(*c)).map(sort_button).collect_view()}
                                {columns.get().shows("account").then(|| view! { <th scope="col">{move || i18n.t(SessionT::ColAccount)}</th> })}
                            </tr></thead>
                            <tbody>
                                {p.rows.is_empty().then(|| view! { <tr><td colspan="15">{move || i18n.t(CommonT::NothingFound)}</td></tr> })}
                                {p.rows.into_iter().map(row_view).collect_view()}
                            </tbody>
                        </table>
                    </div>
                })
            })}
        </Transition>
        <Pager page total=total page_size=PAGE_SIZE />
        <Dialog id="end-sessions" open=asking title=Signal::derive(move || crate::i18n::fill_in(i18n.lang.get(), i18n.t(SessionT::EndTitle), &[("count".into(), selected.with(Vec::len).to_string())]))>
            <p>{move || i18n.t(SessionT::EndText)}</p>
            <div class="field">
                <label for="end-note">{move || i18n.t(SessionT::Note)}</label>
                <textarea id="end-note" maxlength=domain::sessions::admin::NOTE_MAX prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))></textarea>
            </div>
            <ErrorNote error=error_of(end.value()) />
            <div class="buttons">
                <button type="button" class="danger" disabled=move || end.pending().get()
                    on:click=move |_| { end.dispatch(EndSessions { ids: selected.get_untracked(), note: note.get_untracked() }); }>
                    {move || i18n.t(SessionT::End)}
                </button>
                <button type="button" class="secondary" on:click=move |_| asking.set(false)>{move || i18n.t(CommonT::Cancel)}</button>
            </div>
        </Dialog>
    }
}
