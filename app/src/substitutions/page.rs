//! The Substitutions page (seed 003 "Zastępstwa"): the Active and Inactive lists, "Add
//! substitution", and the form with the seed's editing rules and the overlap information.

use super::api::{list_substitutions, substitution_options, substitution_overlaps, SaveSubstitution};
use crate::error::AppError;
use crate::events::use_live;
use crate::i18n::{fill, use_i18n, CommonT};
use crate::ui::{error_of, loaded, CheckField, ConfirmDialog, DateField, Dialog, SelectField};
use domain::events::Topic;
use domain::substitutions::{SubInput, SubT, Substitution, Tab};
use leptos::prelude::*;

/// The form's fields.
#[derive(Clone, Copy)]
struct Form {
    id: RwSignal<Option<i64>>,
    version: RwSignal<i64>,
    absent: RwSignal<String>,
    substitute: RwSignal<String>,
    from: RwSignal<String>,
    to: RwSignal<String>,
    active: RwSignal<bool>,
    forward: RwSignal<bool>,
    /// The record as loaded, for the rules of a begun substitution.
    loaded: RwSignal<Option<Substitution>>,
}

impl Form {
    fn new() -> Form {
        Form {
            id: RwSignal::new(None),
            version: RwSignal::new(0),
            absent: RwSignal::new(String::new()),
            substitute: RwSignal::new(String::new()),
            from: RwSignal::new(String::new()),
            to: RwSignal::new(String::new()),
            active: RwSignal::new(true),
            forward: RwSignal::new(true),
            loaded: RwSignal::new(None),
        }
    }

    fn fill(&self, s: Option<&Substitution>, me: Option<i64>, today: &str) {
        self.id.set(s.map(|s| s.id));
        self.version.set(s.map(|s| s.version).unwrap_or(0));
        let id = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
        self.absent.set(id(s.map(|s| s.absent_id).or(me)));
        self.substitute.set(id(s.map(|s| s.substitute_id)));
        self.from.set(s.map(|s| s.from_day.clone()).unwrap_or_else(|| today.to_string()));
        self.to.set(s.map(|s| s.to_day.clone()).unwrap_or_else(|| today.to_string()));
        self.active.set(s.is_none_or(|s| s.active));
        self.forward.set(s.is_none_or(|s| s.forward_email));
        self.loaded.set(s.cloned());
    }

    fn input(&self) -> SubInput {
        let id = |v: RwSignal<String>| v.get_untracked().parse::<i64>().ok();
        SubInput {
            id: self.id.get_untracked(),
            absent_id: id(self.absent),
            substitute_id: id(self.substitute),
            from_day: self.from.get_untracked(),
            to_day: self.to.get_untracked(),
            active: self.active.get_untracked(),
            forward_email: self.forward.get_untracked(),
            version: self.version.get_untracked(),
        }
    }

    fn started(&self) -> bool {
        self.loaded.with(|l| l.as_ref().is_some_and(|s| s.started))
    }
}

#[component]
pub fn SubstitutionsPage() -> impl IntoView {
    let i18n = use_i18n();
    let live = use_live();
    let tab = RwSignal::new(Tab::Active);
    let list = Resource::new(
        move || (tab.get(), live.version(Topic::Substitutions), live.version(Topic::Users)),
        |(tab, _, _)| list_substitutions(tab),
    );
    let options = crate::ui::BrowserData::new(move || {
        live.version(Topic::Users);
        substitution_options()
    });
    let form = Form::new();
    let editor_open = RwSignal::new(false);
    let confirm_open = RwSignal::new(false);
    let save = ServerAction::<SaveSubstitution>::new();
    let local_error = RwSignal::new(None::<AppError>);
    let server_error = error_of(save.value());
    let error = Signal::derive(move || local_error.get().or_else(|| server_error.get()));
    Effect::new(move |_| {
        if let Some(Ok(_)) = save.value().get() {
            editor_open.set(false);
            live.bump(Topic::Substitutions);
        }
    });
    let today = move || options.get().and_then(Result::ok).map(|o| o.today).unwrap_or_default();
    let open_editor = move |s: Option<Substitution>| {
        let me = options.get_untracked().and_then(Result::ok).and_then(|o| o.me);
        form.fill(s.as_ref(), me, &today());
        local_error.set(None);
        save.value().set(None);
        editor_open.set(true);
    };
    let submit_now = move || save.dispatch(SaveSubstitution { input: form.input() });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = form.input();
        if let Err(e) = input.check(&today()).finish() {
            local_error.set(Some(e));
            return;
        }
        local_error.set(None);
        let deactivating_ongoing = form.loaded.with(|l| {
            l.as_ref().is_some_and(|s| s.state == domain::substitutions::SubState::Ongoing) && !input.active
        });
        if deactivating_ongoing {
            confirm_open.set(true);
        } else {
            submit_now();
        }
    };
    let picks = move |absent_list: bool| {
        Signal::derive(move || {
            let mut out = vec![(String::new(), i18n.t(SubT::ChooseUser).to_string())];
            let Some(Ok(o)) = options.get() else { return out };
            let list = if absent_list { o.absent } else { o.substitutes };
            let absent = form.absent.get();
            out.extend(
                list.into_iter()
                    .filter(|u| absent_list || u.id.to_string() != absent)
                    .map(|u| (u.id.to_string(), u.name)),
            );
            // A begun substitution keeps showing its people even if they are no longer choosable.
            if let Some(s) = form.loaded.get() {
                let (id, name) =
                    if absent_list { (s.absent_id, s.absent) } else { (s.substitute_id, s.substitute) };
                if !out.iter().any(|(v, _)| *v == id.to_string()) {
                    out.push((id.to_string(), name));
                }
            }
            out
        })
    };
    let overlaps = crate::ui::BrowserData::new(move || {
        let (a, s) = (form.absent.get().parse::<i64>().ok(), form.substitute.get().parse::<i64>().ok());
        let (from, to, except) = (form.from.get(), form.to.get(), form.id.get());
        let open = editor_open.get();
        async move {
            match (open, a, s) {
                (true, Some(a), Some(s)) => {
                    substitution_overlaps(a, s, from, to, except).await.unwrap_or_default()
                }
                _ => Vec::new(),
            }
        }
    });
    let started = Signal::derive(move || form.started());
    let editor_title = Signal::derive(move || match form.loaded.get() {
        Some(s) => fill(i18n.t(SubT::EditOf), &[("absent".into(), s.absent)]),
        None => i18n.t(SubT::Add).to_string(),
    });
    let confirm_title = Signal::derive(move || i18n.t(SubT::ConfirmDeactivateTitle).to_string());
    let confirm_text = Signal::derive(move || {
        let s = form.loaded.get();
        let (absent, substitute) = s.map(|s| (s.absent, s.substitute)).unwrap_or_default();
        fill(i18n.t(SubT::ConfirmDeactivate), &[("absent".into(), absent), ("substitute".into(), substitute)])
    });
    let row = move |s: Substitution| {
        let label = fill(i18n.t(SubT::EditOf), &[("absent".into(), s.absent.clone())]);
        let item = s.clone();
        view! {
            <tr>
                <td>{s.absent.clone()}</td>
                <td>{s.substitute.clone()}</td>
                <td>{let d = s.from_day.clone(); move || crate::list::format_day(&d, i18n.lang.get())}</td>
                <td>{let d = s.to_day.clone(); move || crate::list::format_day(&d, i18n.lang.get())}</td>
                <td>{move || i18n.t(if s.forward_email { CommonT::Yes } else { CommonT::No })}</td>
                <td>{move || i18n.t(s.state.text())}</td>
                <td>
                    <Show when=move || s.editable>
                        <button type="button" class="small secondary" aria-label=label.clone() on:click={
                            let item = item.clone();
                            move |_| open_editor(Some(item.clone()))
                        }>{move || i18n.t(CommonT::Edit)}</button>
                    </Show>
                </td>
            </tr>
        }
    };
    let tab_button = move |t: Tab, text: SubT| {
        view! {
            <button type="button" role="tab" aria-controls="substitutions-panel" aria-selected=move || (tab.get() == t).to_string()
                class:secondary=move || tab.get() != t on:click=move |_| tab.set(t)>
                {move || i18n.t(text)}
            </button>
        }
    };
    view! {
        <div class="page-head">
            <h1>{move || i18n.t(SubT::Title)}</h1>
            <button type="button" on:click=move |_| open_editor(None)>{move || i18n.t(SubT::Add)}</button>
        </div>
        <div role="tablist" class="tabs" aria-label=move || i18n.t(SubT::Title)>
            {tab_button(Tab::Active, SubT::TabActive)}
            {tab_button(Tab::Inactive, SubT::TabInactive)}
        </div>
        <div role="tabpanel" id="substitutions-panel" aria-label=move || i18n.t(if tab.get() == Tab::Active { SubT::TabActive } else { SubT::TabInactive })>
        <Transition fallback=move || view! { <p>{move || i18n.t(CommonT::Loading)}</p> }>
            {move || Suspend::new(async move {
                loaded(list.await, move |list| {
                    let empty = if tab.get_untracked() == Tab::Active { SubT::NoneActive } else { SubT::NoneInactive };
                    view! {
                        <div class="scroll" tabindex="0"><table class="table">
                            <caption class="visually-hidden">{move || i18n.t(SubT::Title)}</caption>
                            <thead><tr>
                                <th scope="col">{move || i18n.t(SubT::Absent)}</th>
                                <th scope="col">{move || i18n.t(SubT::Substitute)}</th>
                                <th scope="col">{move || i18n.t(SubT::FromDay)}</th>
                                <th scope="col">{move || i18n.t(SubT::ToDay)}</th>
                                <th scope="col">{move || i18n.t(SubT::ForwardShort)}</th>
                                <th scope="col">{move || i18n.t(SubT::Status)}</th>
                                <th scope="col"><span class="visually-hidden">{move || i18n.t(CommonT::Edit)}</span></th>
                            </tr></thead>
                            <tbody>
                                {list.items.is_empty().then(|| view! { <tr><td colspan="7">{move || i18n.t(empty)}</td></tr> })}
                                {list.items.into_iter().map(row).collect_view()}
                            </tbody>
                        </table></div>
                    }
                })
            })}
        </Transition>
        </div>
        <Dialog id="substitution-editor" open=editor_open title=editor_title>
            <form on:submit=submit>
                <Show when=move || started.get()>
                    <p class="muted">{move || i18n.t(SubT::OnlyExtend)}</p>
                </Show>
                <SelectField label=SubT::Absent.into() name="absent_id" value=form.absent options=picks(true) error disabled=started />
                <SelectField label=SubT::Substitute.into() name="substitute_id" value=form.substitute options=picks(false) error disabled=started />
                <DateField label=SubT::FromDay.into() name="from_day" value=form.from error disabled=started />
                <DateField label=SubT::ToDay.into() name="to_day" value=form.to error />
                <CheckField label=SubT::ActiveField.into() name="active" checked=form.active />
                <CheckField label=SubT::ForwardEmail.into() name="forward_email" checked=form.forward disabled=started />
                {move || {
                    let list = overlaps.get().unwrap_or_default();
                    (!list.is_empty()).then(|| view! {
                        <div class="info" role="note">
                            <p>{i18n.t(SubT::Overlaps)}</p>
                            <ul>{list.into_iter().map(|o| view! { <li>{fill(i18n.t(SubT::OverlapLine), &[
                                ("absent".into(), o.absent), ("substitute".into(), o.substitute),
                                ("from".into(), crate::list::format_day(&o.from_day, i18n.lang.get_untracked())),
                                ("to".into(), crate::list::format_day(&o.to_day, i18n.lang.get_untracked())),
                            ])}</li> }).collect_view()}</ul>
                        </div>
                    })
                }}
                <crate::ui::ErrorNote error />
                <div class="buttons">
                    <button type="submit" disabled=move || save.pending().get()>{move || i18n.t(CommonT::Save)}</button>
                    <button type="button" class="secondary" on:click=move |_| editor_open.set(false)>{move || i18n.t(CommonT::Cancel)}</button>
                </div>
            </form>
        </Dialog>
        <ConfirmDialog id="substitution-deactivate" open=confirm_open title=confirm_title text=confirm_text
            confirm=domain::accounts::AccountT::Deactivate.into() on_confirm=move || { submit_now(); } />
    }
}
