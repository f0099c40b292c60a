//! The bell in the title bar: the unread count, kept live over `/events`, and a dialog with
//! the newest notices.

use super::api::{notices_inbox, MarkRead};
use crate::events::use_live;
use crate::i18n::{fill, use_i18n, CommonT};
use crate::ui::Dialog;
use domain::events::Topic;
use domain::notices::{NoticeRow, NoticeT};
use leptos::prelude::*;

#[component]
pub fn Bell() -> impl IntoView {
    let i18n = use_i18n();
    let live = use_live();
    // Read in the browser only: the count is not part of the server-rendered page.
    let data = crate::ui::BrowserData::new(move || {
        live.version(Topic::Notices);
        notices_inbox()
    });
    let open = RwSignal::new(false);
    let mark = ServerAction::<MarkRead>::new();
    Effect::new(move |_| {
        if mark.value().with(|v| matches!(v, Some(Ok(_)))) {
            live.bump(Topic::Notices);
        }
    });
    let unread = move || data.get().and_then(Result::ok).map(|i| i.unread).unwrap_or(0);
    let label = move || match unread() {
        0 => i18n.t(NoticeT::Bell).to_string(),
        n => crate::i18n::fill_in(
            i18n.lang.get(),
            i18n.t(NoticeT::BellUnread),
            &[("count".into(), n.to_string())],
        ),
    };
    let title = Signal::derive(move || i18n.t(NoticeT::Bell).to_string());
    let row = move |n: NoticeRow| {
        let lang = i18n.lang.get_untracked();
        let for_user = n.for_user.clone().map(|a| fill(i18n.t(NoticeT::ForUser), &[("absent".into(), a)]));
        view! {
            <li class:unread=!n.read>
                <p class="notice-title">
                    {(!n.read).then(|| view! { <span class="visually-hidden">{i18n.t(NoticeT::Unread)} ": "</span> })}
                    {n.notice.title(lang)}
                </p>
                {n.notice.detail(lang).map(|d| view! { <p>{d}</p> })}
                {for_user.map(|f| view! { <p class="notice-copy">{f}</p> })}
                <p class="muted">{n.at_text.clone()}</p>
            </li>
        }
    };
    view! {
        <button type="button" class="bell secondary" aria-haspopup="dialog" aria-label=label on:click=move |_| open.set(true)>
            // An icon, not an emoji: without an emoji font that was an empty box.
            <svg class="icon" aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" focusable="false">
                <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6v-5a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2z" fill="currentColor" />
            </svg>
            <span class="bell-count" aria-hidden="true" hidden=move || unread() == 0>{unread}</span>
        </button>
        <Dialog id="notices" open title>
            <Transition fallback=move || view! { <p>{move || i18n.t(CommonT::Loading)}</p> }>
                {move || {
                    // Re-rendered when the language changes.
                    i18n.lang.get();
                    data.get().and_then(Result::ok).map(|inbox| {
                        if inbox.items.is_empty() {
                            view! { <p>{i18n.t(NoticeT::Empty)}</p> }.into_any()
                        } else {
                            view! { <ul class="notices">{inbox.items.into_iter().map(row).collect_view()}</ul> }.into_any()
                        }
                    })
                }}
            </Transition>
            <div class="buttons">
                <button type="button" disabled=move || unread() == 0 on:click=move |_| { mark.dispatch(MarkRead { id: None }); }>
                    {move || i18n.t(NoticeT::MarkAllRead)}
                </button>
                <button type="button" class="secondary" on:click=move |_| open.set(false)>{move || i18n.t(CommonT::Close)}</button>
            </div>
        </Dialog>
    }
}
