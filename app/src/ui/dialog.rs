//! Modal dialogs on the `<dialog>` element: focus is trapped and Escape closes them.

use crate::i18n::{use_i18n, CommonT, Msg};
use leptos::html;
use leptos::prelude::*;

/// A modal dialog shown while `open` is true; `title` names it for assistive technology.
#[component]
pub fn Dialog(
    id: &'static str,
    open: RwSignal<bool>,
    #[prop(into)] title: Signal<String>,
    children: ChildrenFn,
) -> impl IntoView {
    let node = NodeRef::<html::Dialog>::new();
    let title_id = format!("{id}-title");
    Effect::new(move |_| {
        if let Some(d) = node.get() {
            if open.get() {
                if !d.open() {
                    let _ = d.show_modal();
                }
            } else if d.open() {
                d.close();
            }
        }
    });
    view! {
        <dialog class="dialog" id=id node_ref=node aria-labelledby=title_id.clone() on:close=move |_| open.set(false)>
            <h2 id=title_id.clone()>{move || title.get()}</h2>
            {move || open.get().then(|| children())}
        </dialog>
    }
}

/// Asks before doing something; `on_confirm` runs when confirmed.
#[component]
pub fn ConfirmDialog(
    id: &'static str,
    open: RwSignal<bool>,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] text: Signal<String>,
    confirm: Msg,
    on_confirm: impl Fn() + Send + Sync + 'static + Clone,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Dialog id open title>
            {
                let on_confirm = on_confirm.clone();
                view! {
                    <p>{move || text.get()}</p>
                    <div class="buttons">
                        <button type="button" on:click=move |_| { open.set(false); on_confirm(); }>
                            {move || i18n.t(confirm)}
                        </button>
                        <button type="button" class="secondary" on:click=move |_| open.set(false)>
                            {move || i18n.t(CommonT::Cancel)}
                        </button>
                    </div>
                }
            }
        </Dialog>
    }
}
