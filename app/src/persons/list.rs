//! The persons list: search, unit filter, paging, the user's choice of columns.

use super::api::list_persons;
use crate::catalogue::{ColumnOp, Module, Op};
use crate::events::use_live;
use crate::i18n::{use_i18n, CommonT};
use crate::list::PAGE_SIZE;
use crate::page_context::current_user;
use crate::ui::{loaded, Pager};
use crate::units::api::list_units;
use domain::events::Topic;
use domain::persons::{PersonQuery, PersonT};
use domain::units::{path, tree_order};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn PersonsPage() -> impl IntoView {
    let i18n = use_i18n();
    let live = use_live();
    let me = current_user();
    let may_see =
        move |key: &'static str| me.with(|m| m.rights.column(Module::Persons, key, ColumnOp::Visible));
    // A column shows when its right allows and the user's view keeps it (seed 002 "Edit view").
    let columns = RwSignal::new(domain::views::ListView::default());
    let sees = move |key: &'static str| may_see(key) && columns.with(|v| v.shows(key));
    let chooser_columns = Signal::derive(move || {
        [
            ("first_name", PersonT::FirstName),
            ("personal_number", PersonT::PersonalNumber),
            ("unit", PersonT::Unit),
            ("supervisor", PersonT::Supervisor),
        ]
        .into_iter()
        .filter(|(key, _)| may_see(key))
        .map(|(key, label)| (key, crate::i18n::Msg::from(label)))
        .collect::<Vec<_>>()
    });
    let search = RwSignal::new(String::new());
    let unit = RwSignal::new(String::new());
    let page = RwSignal::new(0u32);
    let total = RwSignal::new(0u64);
    Effect::new(move |_| {
        search.track();
        unit.track();
        page.set(0);
    });
    let persons = Resource::new(
        move || (live.version(Topic::Persons), search.get(), unit.get(), page.get()),
        |(_, search, unit, page)| list_persons(PersonQuery { search, unit_id: unit.parse().ok(), page }),
    );
    let units = crate::ui::BrowserData::new(move || {
        live.version(Topic::Units);
        list_units()
    });
    Effect::new(move |_| {
        if let Some(Ok(p)) = persons.get() {
            total.set(p.total);
        }
    });
    view! {
        <div class="page-head">
            <h1>{move || i18n.t(PersonT::Title)}</h1>
            <Show when=move || me.with(|m| m.rights.can(Module::Persons, Op::Create))>
                <A href="/persons/new" attr:class="button">{move || i18n.t(PersonT::NewPerson)}</A>
            </Show>
        </div>
        <div class="filters">
            <div class="field">
                <label for="person-search">{move || i18n.t(PersonT::SearchPersons)}</label>
                <input id="person-search" type="search" prop:value=move || search.get() on:input=move |ev| search.set(event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for="person-unit">{move || i18n.t(PersonT::Unit)}</label>
                <select id="person-unit" on:change=move |ev| unit.set(event_target_value(&ev))>
                    <option value="">{move || i18n.t(PersonT::AllUnits)}</option>
                    {move || units.get().and_then(Result::ok).map(|list| {
                        tree_order(&list).into_iter().map(|(_, u)| view! { <option value=u.id.to_string()>{path(&list, u.id)}</option> }).collect_view()
                    })}
                </select>
            </div>
        </div>
        <crate::views::ColumnChooser spec=domain::views::PERSONS view=columns columns=chooser_columns />
        <Transition fallback=move || view! { <p>{move || i18n.t(CommonT::Loading)}</p> }>
            {move || Suspend::new(async move {
                loaded(persons.await, move |p| view! {
                    <div class="scroll" tabindex="0"><table class="table">
                        <caption class="visually-hidden">{move || i18n.t(PersonT::Title)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{move || i18n.t(PersonT::LastName)}</th>
                                {move || sees("first_name").then(|| view! { <th scope="col">{move || i18n.t(PersonT::FirstName)}</th> })}
                                {move || sees("personal_number").then(|| view! { <th scope="col">{move || i18n.t(PersonT::PersonalNumber)}</th> })}
                                {move || sees("unit").then(|| view! { <th scope="col">{move || i18n.t(PersonT::Unit)}</th> })}
                                {move || sees("supervisor").then(|| view! { <th scope="col">{move || i18n.t(PersonT::Supervisor)}</th> })}
                            </tr>
                        </thead>
                        <tbody>
                            {p.rows.is_empty().then(|| view! { <tr><td colspan="5">{move || i18n.t(CommonT::NothingFound)}</td></tr> })}
                            {p.rows.into_iter().map(|r| view! {
                                <tr>
                                    <td><A href=format!("/persons/{}", r.id)>{r.last_name}</A></td>
                                    {move || sees("first_name").then(|| view! { <td>{r.first_name.clone()}</td> })}
                                    {move || sees("personal_number").then(|| view! { <td>{r.personal_number.clone()}</td> })}
                                    {move || sees("unit").then(|| view! { <td>{r.unit_name.clone()}</td> })}
                                    {move || sees("supervisor").then(|| view! { <td>{r.supervisor.clone().unwrap_or_default()}</td> })}
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table></div>
                })
            })}
        </Transition>
        <Pager page total=total page_size=PAGE_SIZE />
    }
}
