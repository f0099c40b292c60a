//! Paging of a list: previous / next and where we are.

use crate::i18n::{fill, use_i18n};
use domain::texts::shell::ShellT;
use leptos::prelude::*;

#[component]
pub fn Pager(page: RwSignal<u32>, #[prop(into)] total: Signal<u64>, page_size: u32) -> impl IntoView {
    let i18n = use_i18n();
    let pages = move || total.get().div_ceil(page_size as u64).max(1) as u32;
    let text = move || {
        let args = [
            ("page".to_string(), (page.get() + 1).to_string()),
            ("pages".to_string(), pages().to_string()),
            ("total".to_string(), total.get().to_string()),
        ];
        fill(i18n.t(ShellT::PageOf), &args)
    };
    let last = move || page.get() + 1 >= pages();
    view! {
        <nav class="pager" aria-label=move || i18n.t(ShellT::Paging)>
            <button
                type="button"
                disabled=move || page.get() == 0
                on:click=move |_| page.update(|p| *p = p.saturating_sub(1))
            >
                {move || i18n.t(ShellT::PreviousPage)}
            </button>
            <span aria-live="polite">{text}</span>
            <button
                type="button"
                disabled=last
                on:click=move |_| page.update(|p| *p += 1)
            >
                {move || i18n.t(ShellT::NextPage)}
            </button>
        </nav>
    }
}
