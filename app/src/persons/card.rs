//! A person's card: create, edit, delete.

use super::api::{get_person, DeletePerson, SavePerson};
use super::PersonPicker;
use crate::catalogue::{ColumnOp, Module, Op};
use crate::i18n::{fill, use_i18n, CommonT};
use crate::page_context::{current_user, go};
use crate::ui::ErrorNote;
use crate::ui::{error_of, ConfirmDialog, SelectField, Status, TextField};
use crate::units::api::list_units;
use domain::persons::{PersonChoice, PersonInput, PersonT};
use domain::units::{path, tree_order};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn PersonCard() -> impl IntoView {
    let i18n = use_i18n();
    let me = current_user();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|v| v.parse::<i64>().ok()));
    let first = RwSignal::new(String::new());
    let last = RwSignal::new(String::new());
    let number = RwSignal::new(String::new());
    let unit = RwSignal::new(String::new());
    let supervisor = RwSignal::new(None::<PersonChoice>);
    let version = RwSignal::new(0i64);
    let linked = RwSignal::new(Vec::<(String, String)>::new());
    let load_error = RwSignal::new(None);
    let person = crate::ui::BrowserData::new(move || {
        let id = id();
        async move {
            match id {
                Some(id) => get_person(id).await.map(Some),
                None => Ok(None),
            }
        }
    });
    Effect::new(move |_| match person.get() {
        Some(Ok(Some(p))) => {
            first.set(p.first_name);
            last.set(p.last_name);
            number.set(p.personal_number);
            unit.set(p.unit_id.to_string());
            supervisor.set(p.supervisor);
            version.set(p.version);
            linked.set(p.users);
        }
        Some(Err(e)) => load_error.set(Some(e)),
        _ => {}
    });
    let units = crate::ui::BrowserData::new(list_units);
    let unit_options = Signal::derive(move || {
        let list = units.get().and_then(Result::ok).unwrap_or_default();
        let mut options = vec![(String::new(), i18n.t(CommonT::None).to_string())];
        options.extend(tree_order(&list).into_iter().map(|(_, u)| (u.id.to_string(), path(&list, u.id))));
        options
    });
    let save = ServerAction::<SavePerson>::new();
    let delete = ServerAction::<DeletePerson>::new();
    let error = error_of(save.value());
    let saved = Signal::derive(move || {
        matches!(save.value().get(), Some(Ok(_))).then(|| i18n.t(CommonT::Saved).to_string())
    });
    Effect::new(move |_| {
        if let Some(Ok(new_id)) = save.value().get() {
            if id().is_none() {
                go(&format!("/persons/{new_id}"));
            } else {
                person.refetch();
            }
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = delete.value().get() {
            go("/persons");
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.dispatch(SavePerson {
            input: PersonInput {
                id: id(),
                first_name: first.get_untracked(),
                last_name: last.get_untracked(),
                personal_number: number.get_untracked(),
                unit_id: unit.get_untracked().parse().ok(),
                supervisor_id: supervisor.get_untracked().map(|s| s.id),
                version: version.get_untracked(),
            },
        });
    };
    let editable = Signal::derive(move || {
        me.with(|m| m.rights.can(Module::Persons, if id().is_some() { Op::Edit } else { Op::Create }))
    });
    let sees = move |key: &'static str| me.with(|m| m.rights.column(Module::Persons, key, ColumnOp::Visible));
    let fixed = move |key: &'static str| {
        Signal::derive(move || {
            !editable.get() || !me.with(|m| m.rights.column(Module::Persons, key, ColumnOp::Edit))
        })
    };
    let confirm_open = RwSignal::new(false);
    let title = move || {
        if id().is_some() {
            format!("{} {}", first.get(), last.get())
        } else {
            i18n.t(PersonT::NewPerson).to_string()
        }
    };
    view! {
        <h1>{title}</h1>
        <ErrorNote error=Signal::derive(move || load_error.get()) />
        <form class="card form" hidden=move || load_error.with(Option::is_some) on:submit=submit>
            <Show when=move || sees("first_name")>
                <TextField label=PersonT::FirstName.into() name="first_name" value=first error maxlength=domain::persons::NAME_MAX required=true disabled=fixed("first_name") />
            </Show>
            <TextField label=PersonT::LastName.into() name="last_name" value=last error maxlength=domain::persons::NAME_MAX required=true disabled=Signal::derive(move || !editable.get()) />
            <Show when=move || sees("personal_number")>
                <TextField label=PersonT::PersonalNumber.into() name="personal_number" value=number error maxlength=domain::persons::NUMBER_MAX disabled=fixed("personal_number") />
            </Show>
            <Show when=move || sees("unit")>
                <SelectField label=PersonT::Unit.into() name="unit_id" value=unit options=unit_options error disabled=fixed("unit") />
            </Show>
            <Show when=move || sees("supervisor")>
                <PersonPicker label=PersonT::Supervisor.into() name="supervisor_id" selected=supervisor error disabled=fixed("supervisor") />
            </Show>
            <Show when=move || !linked.get().is_empty()>
                <p>{move || i18n.t(PersonT::LinkedUsers)} ": " {move || linked.get().into_iter().map(|(l, _)| l).collect::<Vec<_>>().join(", ")}</p>
            </Show>
            <ErrorNote error />
            <Status text=saved />
            <div class="buttons">
                <Show when=move || editable.get()>
                    <button type="submit" disabled=move || save.pending().get()>{move || i18n.t(CommonT::Save)}</button>
                </Show>
                <Show when=move || id().is_some() && me.with(|m| m.rights.can(Module::Persons, Op::Delete))>
                    <button type="button" class="danger" on:click=move |_| confirm_open.set(true)>{move || i18n.t(CommonT::Delete)}</button>
                </Show>
            </div>
            <ErrorNote error=error_of(delete.value()) />
        </form>
        <ConfirmDialog
            id="person-delete"
            open=confirm_open
            title=Signal::derive(move || i18n.t(CommonT::Delete).to_string())
            text=Signal::derive(move || fill(i18n.t(PersonT::ConfirmDelete), &[("name".into(), format!("{} {}", first.get(), last.get()))]))
            confirm=CommonT::Delete.into()
            on_confirm=move || {
                if let Some(id) = id() {
                    delete.dispatch(DeletePerson { id, version: version.get_untracked() });
                }
            }
        />
    }
}
