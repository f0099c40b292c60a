//! The Audit page: a filter, the records as a table with "X for Y", paging and the export.

use super::api::list_audit;
use crate::catalogue::{Module, Op};
use crate::i18n::{use_i18n, CommonT};
use crate::list::url_encode;
use crate::page_context::current_user;
use crate::ui::{loaded, DateField, Pager, TextField};
use domain::audit_log::{AuditQuery, AuditRow, AuditT, PAGE_SIZE};
use leptos::prelude::*;

fn export_url(q: &AuditQuery) -> String {
    format!(
        "/audit/export?from={}&to={}&user={}&action={}",
        url_encode(&q.from),
        url_encode(&q.to),
        url_encode(&q.user),
        url_encode(&q.action)
    )
}

#[component]
pub fn AuditPage() -> impl IntoView {
    let i18n = use_i18n();
    let me = current_user();
    let (from, to, user, action) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let applied = RwSignal::new(AuditQuery::default());
    let page = RwSignal::new(0u32);
    let list = Resource::new(move || AuditQuery { page: page.get(), ..applied.get() }, list_audit);
    let total = RwSignal::new(0u64);
    let error = RwSignal::new(None);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let q = AuditQuery {
            from: from.get_untracked(),
            to: to.get_untracked(),
            user: user.get_untracked(),
            action: action.get_untracked(),
            page: 0,
        };
        match q.check().finish() {
            Err(e) => error.set(Some(e)),
            Ok(()) => {
                error.set(None);
                page.set(0);
                applied.set(q);
            }
        }
    };
    let printable = move || me.with(|m| m.rights.can(Module::Audit, Op::Print));
    let row = move |r: AuditRow| {
        let lang = i18n.lang.get_untracked();
        view! {
            <tr>
                <td>{r.at_text.clone()}</td>
                <td>{r.who(lang)}</td>
                <td>{r.action_label(lang)}</td>
                <td>{r.object.clone()}</td>
                <td>
                    {r.detail.clone()}
                    {r.change.clone().map(|(before, after)| view! {
                        <details>
                            <summary>{i18n.t(AuditT::Change)}</summary>
                            <p>{i18n.t(AuditT::Before)} ": " <code>{before}</code></p>
                            <p>{i18n.t(AuditT::After)} ": " <code>{after}</code></p>
                        </details>
                    })}
                </td>
                <td>{r.client_addr.clone()}</td>
            </tr>
        }
    };
    view! {
        <div class="page-head">
            <h1>{move || i18n.t(AuditT::Title)}</h1>
            <Show when=printable>
                <a class="button secondary" href=move || export_url(&applied.get()) download="">{move || i18n.t(AuditT::Export)}</a>
            </Show>
        </div>
        <form class="filters" on:submit=submit>
            <DateField label=AuditT::From.into() name="from" value=from error=Signal::derive(move || error.get()) />
            <DateField label=AuditT::To.into() name="to" value=to error=Signal::derive(move || error.get()) />
            <TextField label=AuditT::User.into() name="user" value=user error=Signal::derive(move || error.get()) maxlength=100 />
            <TextField label=AuditT::Action.into() name="action" value=action error=Signal::derive(move || error.get()) maxlength=100 />
            <button type="submit">{move || i18n.t(AuditT::Filter)}</button>
        </form>
        <Transition fallback=move || view! { <p>{move || i18n.t(CommonT::Loading)}</p> }>
            {move || Suspend::new(async move {
                loaded(list.await, move |list| {
                    total.set(list.total);
                    view! {
                        <div class="scroll" tabindex="0"><table class="table">
                            <caption class="visually-hidden">{move || i18n.t(AuditT::Title)}</caption>
                            <thead><tr>
                                <th scope="col">{move || i18n.t(AuditT::When)}</th>
                                <th scope="col">{move || i18n.t(AuditT::User)}</th>
                                <th scope="col">{move || i18n.t(AuditT::Action)}</th>
                                <th scope="col">{move || i18n.t(AuditT::Object)}</th>
                                <th scope="col">{move || i18n.t(AuditT::Detail)}</th>
                                <th scope="col">{move || i18n.t(AuditT::Address)}</th>
                            </tr></thead>
                            <tbody>
                                {list.rows.is_empty().then(|| view! { <tr><td colspan="6">{move || i18n.t(AuditT::Empty)}</td></tr> })}
                                {list.rows.into_iter().map(row).collect_view()}
                            </tbody>
                        </table></div>
                    }
                })
            })}
        </Transition>
        <Pager page total=Signal::derive(move || total.get()) page_size=PAGE_SIZE />
    }
}
