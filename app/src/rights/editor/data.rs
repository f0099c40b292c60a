//! Rights on persons (seed 002): the assigned person, the subordinates and the unit tree, each
//! cell in the four states (allowed / denied, directly / by inheritance).

use super::modules::Cell;
use super::state::describe_data;
use super::Editing;
use crate::catalogue::{CatalogueT, DataOp, Target};
use crate::i18n::use_i18n;
use domain::rights::view::ANYONE;
use domain::rights::{DataDecision, Node};
use domain::texts::rights::RightT;
use leptos::prelude::*;

#[component]
pub fn PersonsRights() -> impl IntoView {
    let i18n = use_i18n();
    let editing = expect_context::<Editing>();
    // Rows: the two special entries, then the units in tree order (name, depth).
    let rows = move || {
        let units = editing.data.with(|d| d.as_ref().map(|d| d.units.clone()).unwrap_or_default());
        let mut rows: Vec<(Target, String, usize)> = vec![
            (Target::Assigned, i18n.t(CatalogueT::Assigned).to_string(), 0),
            (Target::Subordinates, i18n.t(CatalogueT::Subordinates).to_string(), 0),
        ];
        rows.extend(
            domain::units::tree_order(&units)
                .into_iter()
                .map(|(depth, u)| (Target::Unit(u.id), u.name.clone(), depth)),
        );
        rows
    };
    let decision = move |target: Target, op: DataOp| -> Option<DataDecision> {
        editing.snapshot.with(|s| {
            editing.data.with(|d| {
                let ((subject, _), d) = (s.as_ref()?, d.as_ref()?);
                match target {
                    Target::Unit(unit) => Some(subject.decide_data(&d.tree(), op, ANYONE, unit)),
                    special => subject.data_granted(op, special).map(|g| DataDecision {
                        allowed: g.allowed,
                        source: g.source,
                        node: Some(if special == Target::Assigned {
                            Node::Assigned
                        } else {
                            Node::Subordinates
                        }),
                        inherited: false,
                    }),
                }
            })
        })
    };
    view! {
        <section class="card" aria-labelledby="persons-rights-title">
            <h2 id="persons-rights-title">{move || i18n.t(RightT::PersonsRights)}</h2>
            <div class="scroll" tabindex="0">
                <table class="table data-rights">
                    <thead><tr>
                        <th scope="col">{move || i18n.t(RightT::Node)}</th>
                        {DataOp::ALL.into_iter().map(|op| view! { <th scope="col">{move || i18n.t(op.name())}</th> }).collect_view()}
                    </tr></thead>
                    <tbody>
                        <For each=rows key=|(t, name, _)| (*t, name.clone()) let:row>
                            {
                                let (target, name, depth) = row;
                                let cells = DataOp::ALL.into_iter().map(|op| {
                                    let label = name.clone();
                                    let text = move || {
                                        editing.data.with(|d| match (decision(target, op), d) {
                                            (Some(dd), Some(d)) => describe_data(&i18n, d, &dd),
                                            _ => i18n.t(RightT::NotDecidedHere).to_string(),
                                        })
                                    };
                                    let allowed = move || decision(target, op).is_some_and(|d| d.allowed);
                                    view! {
                                        <td class:allowed=allowed>
                                            <Cell key=op.grant_key() target=Some(target)
                                                name=Signal::derive(move || format!("{label} — {}", i18n.t(op.name()))) />
                                            <span class="muted small-text">" " {text}</span>
                                        </td>
                                    }
                                }).collect_view();
                                view! {
                                    <tr>
                                        <th scope="row" class="indented" data-depth=depth.min(12).to_string()>{name.clone()}</th>
                                        {cells}
                                    </tr>
                                }
                            }
                        </For>
                    </tbody>
                </table>
            </div>
        </section>
    }
}
