//! Seed 001's "other permissions": a list with select / unselect and select-all.

use super::modules::Cell;
use super::state::{describe, Own};
use super::Editing;
use crate::catalogue::{Permission, Right};
use crate::i18n::use_i18n;
use domain::texts::rights::RightT;
use leptos::prelude::*;

#[component]
pub fn Permissions() -> impl IntoView {
    let i18n = use_i18n();
    let editing = expect_context::<Editing>();
    let keys: Vec<(String, Option<crate::catalogue::Target>)> =
        Permission::ALL.iter().map(|p| (Right::Perm(*p).key(), None)).collect();
    let keys = StoredValue::new(keys);
    let rows = Permission::ALL.into_iter().map(|p| {
        let right = Right::Perm(p);
        let result = move || {
            editing.snapshot.with(|s| {
                editing.data.with(|d| match (s, d) {
                    (Some((subject, _)), Some(d)) => {
                        let decision = subject.decide_right(right);
                        let state = if decision.allowed { RightT::Allowed } else { RightT::Denied };
                        format!("{} — {}", i18n.t(state), describe(&i18n, d, &decision))
                    }
                    _ => String::new(),
                })
            })
        };
        view! {
            <tr>
                <th scope="row">{move || i18n.t(p.name())}</th>
                <td><Cell key=right.key() target=None name=Signal::derive(move || i18n.t(p.name()).to_string()) /></td>
                <td>{result}</td>
            </tr>
        }
    }).collect_view();
    view! {
        <section class="card" aria-labelledby="permissions-title">
            <h2 id="permissions-title">{move || i18n.t(RightT::Permissions)}</h2>
            <Show when=move || editing.editable()>
                <div class="buttons">
                    <button type="button" class="small secondary" on:click=move |_| editing.set_all(&keys.get_value(), Own::Allow)>
                        {move || i18n.t(RightT::SelectAll)}
                    </button>
                    <button type="button" class="small secondary" on:click=move |_| editing.set_all(&keys.get_value(), Own::Inherit)>
                        {move || i18n.t(RightT::UnselectAll)}
                    </button>
                </div>
            </Show>
            <table class="table">
                <super::modules::SettingHead />
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}
