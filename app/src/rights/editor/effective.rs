//! "Effective rights" (read-only): every right of a user with its state and reason — of
//! Klucznik's catalogue and of every business application's — and "Compare with…" another
//! user side by side, the differences marked.

use super::state::{describe, describe_data, describe_with, right_name};
use crate::i18n::{fill, use_i18n};
use crate::rights::api::effective_rights;
use crate::users::api::list_users;
use domain::rights::view::Effective;
use domain::rights::Node;
use domain::texts::rights::RightT;
use domain::users::UserQuery;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// One line of the view: what it is about, allowed, and why.
struct Line {
    what: String,
    allowed: bool,
    why: String,
}

fn lines(i18n: &crate::i18n::I18n, e: &Effective) -> Vec<Line> {
    let mut out: Vec<Line> = e
        .rights
        .iter()
        .map(|r| Line {
            what: right_name(i18n, r.right),
            allowed: r.decision.allowed,
            why: describe(i18n, &e.data, &r.decision),
        })
        .collect();
    out.extend(e.persons.iter().map(|p| {
        let node = match p.node {
            Node::Assigned => i18n.t(crate::catalogue::CatalogueT::Assigned).to_string(),
            Node::Subordinates => i18n.t(crate::catalogue::CatalogueT::Subordinates).to_string(),
            Node::Unit(u) => domain::units::path(&e.data.units, u),
        };
        Line {
            what: format!(
                "{}: {} — {node}",
                i18n.t(crate::catalogue::CatalogueT::ModPersons),
                i18n.t(p.op.name())
            ),
            allowed: p.decision.allowed,
            why: describe_data(i18n, &e.data, &p.decision),
        }
    }));
    // Business applications' rights (issue 16), by the same resolver over each catalogue.
    let lang = i18n.lang.get();
    for app in &e.data.apps {
        let rights = domain::applications::AppRights::new(app.catalogue.clone());
        let subject = e.data.app_subject(&rights, &e.data.grants);
        let name = app.catalogue.name.get(lang).to_string();
        out.extend((0..rights.len() as u32).map(|i| {
            let decision = subject.decide(rights.spec(), i);
            Line {
                what: format!("{name} › {}", rights.name(i, lang)),
                allowed: decision.allowed,
                why: describe_with(i18n, &e.data, &decision, |n| rights.name(n, lang)),
            }
        }));
    }
    out
}

#[component]
pub fn EffectivePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let user = move || params.with(|p| p.get("id").and_then(|v| v.parse::<i64>().ok())).unwrap_or_default();
    let mine = crate::ui::BrowserData::new(move || effective_rights(user()));
    let other_id = RwSignal::new(String::new());
    let other = crate::ui::BrowserData::new(move || {
        let id = other_id.get().parse::<i64>().ok();
        async move {
            match id {
                Some(id) => effective_rights(id).await.ok(),
                None => None,
            }
        }
    });
    let users = crate::ui::BrowserData::new(|| list_users(UserQuery::default()));
    let state = move |allowed: bool| i18n.t(if allowed { RightT::Allowed } else { RightT::Denied });
    let table = move || {
        let Some(Ok(e)) = mine.get() else { return None };
        let left = lines(&i18n, &e);
        let right = other.get().flatten().map(|o| lines(&i18n, &o));
        let other_name = other.get().flatten().map(|o| o.data.name.clone());
        let rows = left
            .into_iter()
            .map(|l| {
                // By what the line is about, not by position: the assigned-person and
                // subordinates lines exist only for users who have grants there.
                let theirs = right
                    .as_ref()
                    .and_then(|r| r.iter().find(|o| o.what == l.what).map(|o| (o.allowed, o.why.clone())));
                let differs = theirs.as_ref().is_some_and(|(a, _)| *a != l.allowed);
                view! {
                    <tr class:differs=differs>
                        <th scope="row">{l.what}{differs.then(|| view! { " " <strong class="badge">{i18n.t(RightT::Differs)}</strong> })}</th>
                        <td class:allowed=l.allowed>{state(l.allowed)} <span class="muted">" — " {l.why}</span></td>
                        {theirs.map(|(a, why)| view! { <td class:allowed=a>{state(a)} <span class="muted">" — " {why}</span></td> })}
                    </tr>
                }
            })
            .collect_view();
        Some(view! {
            <div class="scroll" tabindex="0"><table class="table">
                <caption class="visually-hidden">{fill(i18n.t(RightT::EffectiveOf), &[("name".into(), e.data.name.clone())])}</caption>
                <thead><tr>
                    <th scope="col">{i18n.t(RightT::Right)}</th>
                    <th scope="col">{e.data.name.clone()}</th>
                    {other_name.map(|n| view! { <th scope="col">{n}</th> })}
                </tr></thead>
                <tbody>{rows}</tbody>
            </table></div>
        })
    };
    let title = move || {
        let name = mine.get().and_then(Result::ok).map(|e| e.data.name).unwrap_or_default();
        fill(i18n.t(RightT::EffectiveOf), &[("name".into(), name)])
    };
    view! {
        <h1>{title}</h1>
        <div class="field">
            <label for="compare-with">{move || i18n.t(RightT::CompareWith)}</label>
            <select id="compare-with" on:change=move |ev| other_id.set(event_target_value(&ev))>
                <option value="">{move || i18n.t(RightT::NoComparison)}</option>
                {move || users.get().and_then(Result::ok).map(|page| page.rows.into_iter().filter(|u| u.id != user()).map(|u| {
                    view! { <option value=u.id.to_string()>{u.login}</option> }
                }).collect_view())}
            </select>
        </div>
        {move || mine.get().and_then(Result::err).map(|e| view! { <crate::ui::ErrorNote error=Signal::stored(Some(e)) /> })}
        {table}
    }
}
