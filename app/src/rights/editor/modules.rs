//! The module tree with each node's state, the selected module's operations and columns.

use super::state::{describe, right_name, Own};
use super::{removed, Editing};
use crate::catalogue::{Area, ColumnOp, Module, Right, MODULES};
use crate::i18n::{fill, use_i18n};
use domain::rights::Source;
use domain::texts::rights::RightT;
use leptos::prelude::*;

/// Every account-wide right of a module: its operations, then its columns.
fn module_rights(m: Module) -> Vec<Right> {
    Right::all().filter(|r| matches!(r, Right::Op(x, _) | Right::Column(x, _, _) if *x == m)).collect()
}

fn keys(rights: &[Right]) -> Vec<(String, Option<crate::catalogue::Target>)> {
    rights.iter().map(|r| (r.key(), None)).collect()
}

/// Full, none or partial: how much of a module the holder ends up with.
fn state_of(editing: &Editing, m: Module) -> RightT {
    let rights = module_rights(m);
    let allowed = editing
        .snapshot
        .with(|s| s.as_ref().map(|(_, snap)| rights.iter().filter(|r| snap.allows(**r)).count()))
        .unwrap_or(0);
    match allowed {
        0 => RightT::NoRights,
        n if n == rights.len() => RightT::Full,
        _ => RightT::Partial,
    }
}

#[component]
fn Bulk(rights: Vec<Right>, label: String) -> impl IntoView {
    let i18n = use_i18n();
    let editing = expect_context::<Editing>();
    let keys = StoredValue::new(keys(&rights));
    let button = move |action: RightT, own: fn(&Editing) -> Own| {
        let label = label.clone();
        view! {
            <button type="button" class="small secondary"
                aria-label=move || fill(i18n.t(RightT::ForArea), &[("action".into(), i18n.t(action).into()), ("area".into(), label.clone())])
                on:click=move |_| editing.set_all(&keys.get_value(), own(&editing))>
                {move || i18n.t(action)}
            </button>
        }
    };
    view! {
        <span class="bulk">
            {button(RightT::AllowAll, |_| Own::Allow)}
            {button(RightT::RemoveAll, removed)}
            <Show when=move || editing.is_user()>
                {button(RightT::AllByRoles, |_| Own::Inherit)}
            </Show>
        </span>
    }
}

#[component]
pub fn Modules() -> impl IntoView {
    let i18n = use_i18n();
    let editing = expect_context::<Editing>();
    let areas = Area::ALL.into_iter().map(|area| {
        let area_rights: Vec<Right> = MODULES.iter().filter(|m| m.area == area).flat_map(|m| module_rights(m.module)).collect();
        let modules = MODULES.iter().filter(|m| m.area == area).map(|m| {
            let module = m.module;
            view! {
                <li>
                    <button type="button" class="link" aria-pressed=move || (editing.module.get() == module).to_string()
                        on:click=move |_| editing.module.set(module)>
                        {move || i18n.t(m.name)}
                    </button>
                    " " <span class="muted">"(" {move || i18n.t(state_of(&editing, module))} ")"</span>
                </li>
            }
        }).collect_view();
        view! {
            <li>
                <span class="nav-area">{move || i18n.t(area.name())}</span>
                <Show when=move || editing.editable()>
                    <Bulk rights=area_rights.clone() label=i18n.t(area.name()).to_string() />
                </Show>
                <ul>{modules}</ul>
            </li>
        }
    }).collect_view();
    view! {
        <div class="rights-layout">
            <nav aria-label=move || i18n.t(RightT::Modules)>
                <ul class="plain module-tree">{areas}</ul>
            </nav>
            <ModulePanel />
        </div>
    }
}

/// The head of a table of rights: the right, its setting here, the result.
#[component]
pub fn SettingHead() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <thead><tr>
            <th scope="col">{move || i18n.t(RightT::Right)}</th>
            <th scope="col">{move || i18n.t(RightT::Setting)}</th>
            <th scope="col">{move || i18n.t(RightT::Result)}</th>
        </tr></thead>
    }
}

/// A button that cycles a grant, named "{right}: {state}" for assistive technology.
#[component]
pub fn Cell(key: String, target: Option<crate::catalogue::Target>, name: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let editing = expect_context::<Editing>();
    let key = StoredValue::new(key);
    let own = move || editing.own(&key.get_value(), target);
    let holds = move || editing.holds(&key.get_value(), target);
    view! {
        <button type="button" class=move || format!("cell own-{:?}", own()).to_lowercase()
            disabled=move || !editing.editable() || !holds()
            aria-label=move || fill(i18n.t(RightT::CellLabel), &[("right".into(), name.get()), ("state".into(), i18n.t(own().word()).into())])
            on:click=move |_| editing.cycle(&key.get_value(), target)>
            {move || i18n.t(own().word())}
        </button>
    }
}

#[component]
fn ModulePanel() -> impl IntoView {
    let i18n = use_i18n();
    let editing = expect_context::<Editing>();
    let result = move |right: Right| {
        move || {
            editing.snapshot.with(|s| {
                editing.data.with(|d| match (s, d) {
                    (Some((subject, _)), Some(d)) => {
                        let decision = subject.decide_right(right);
                        let state = if decision.allowed { RightT::Allowed } else { RightT::Denied };
                        // Greyed: out of reach because a right it needs is denied (rule 3).
                        let greyed = matches!(decision.source, Source::Needs(_) | Source::ViewMissing);
                        (greyed, format!("{} — {}", i18n.t(state), describe(&i18n, d, &decision)))
                    }
                    _ => (false, String::new()),
                })
            })
        }
    };
    let panel = move || {
        let m = editing.module.get();
        let info = m.info();
        let ops = info.ops.iter().map(|op| {
            let right = Right::Op(m, *op);
            let text = result(right);
            view! {
                <tr class:greyed=move || text().0>
                    <th scope="row">{move || i18n.t(op.name())}</th>
                    <td><super::modules::Cell key=right.key() target=None name=Signal::derive(move || i18n.t(op.name()).to_string()) /></td>
                    <td>{move || text().1}</td>
                </tr>
            }
        }).collect_view();
        let columns = info
            .columns
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let cell = move |op: ColumnOp| {
                    let right = Right::Column(m, i as u8, op);
                    let text = result(right);
                    let name = Signal::derive(move || right_name(&i18n, right));
                    view! {
                        <td class:greyed=move || text().0>
                            <Cell key=right.key() target=None name />
                            <span class="muted">" " {move || text().1}</span>
                        </td>
                    }
                };
                view! {
                    <tr>
                        <th scope="row">{move || i18n.t(c.name)}</th>
                        {cell(ColumnOp::Visible)}
                        {cell(ColumnOp::Edit)}
                    </tr>
                }
            })
            .collect_view();
        let module_name = i18n.t(info.name).to_string();
        let bulk_label = module_name.clone();
        let columns_title = fill(i18n.t(RightT::ColumnsOfModule), &[("module".into(), module_name.clone())]);
        let all = module_rights(m);
        view! {
            <section class="module-panel" aria-labelledby="module-rights-title">
                <h2 id="module-rights-title">{fill(i18n.t(RightT::RightsOfModule), &[("module".into(), module_name.clone())])}</h2>
                <Show when=move || editing.editable()>
                    <Bulk rights=all.clone() label=bulk_label.clone() />
                </Show>
                <table class="table">
                    <SettingHead />
                    <tbody>{ops}</tbody>
                </table>
                {(!info.columns.is_empty()).then(|| view! {
                    <h3>{columns_title}</h3>
                    <table class="table">
                        <thead><tr>
                            <th scope="col">{move || i18n.t(RightT::Column)}</th>
                            <th scope="col">{move || i18n.t(crate::catalogue::CatalogueT::ColumnVisible)}</th>
                            <th scope="col">{move || i18n.t(crate::catalogue::CatalogueT::ColumnEdit)}</th>
                        </tr></thead>
                        <tbody>{columns}</tbody>
                    </table>
                })}
            </section>
        }
    };
    view! { {panel} }
}
