//! The user card (seeds 001 and 002): every field, credentials, password policy, roles.

use super::api::{account_policy, generate_password, get_user, SaveUser};
use super::password_dialog::PasswordDialog;
use crate::catalogue::{ColumnOp, Module, Op};
use crate::error::AppError;
use crate::i18n::{fill, use_i18n, CommonT};
use crate::page_context::{current_user, go};
use crate::persons::PersonPicker;
use crate::roles::api::list_roles;
use crate::ui::ErrorNote;
use crate::ui::{CheckField, DateField, SelectField, Status, TextAreaField, TextField};
use crate::units::api::list_units;
use domain::persons::PersonChoice;
use domain::roles::Builtin;
use domain::units::{path, tree_order};
use domain::users::{check_input, SecretChange, UserInput, UserKind, UserT};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// Every field of the card as a signal.
#[derive(Clone, Copy)]
struct Form {
    kind: RwSignal<UserKind>,
    active: RwSignal<bool>,
    blocked: RwSignal<bool>,
    valid_from: RwSignal<String>,
    valid_to: RwSignal<String>,
    login: RwSignal<String>,
    full_name: RwSignal<String>,
    print_label: RwSignal<String>,
    note: RwSignal<String>,
    email: RwSignal<String>,
    person: RwSignal<Option<PersonChoice>>,
    default_unit: RwSignal<String>,
    pin: RwSignal<String>,
    remove_pin: RwSignal<bool>,
    has_pin: RwSignal<bool>,
    card: RwSignal<String>,
    remove_card: RwSignal<bool>,
    has_card: RwSignal<bool>,
    /// When applications last used each secret (issue 17), and the PIN's lock.
    pin_used: RwSignal<Option<String>>,
    card_used: RwSignal<Option<String>>,
    external_used: RwSignal<Option<String>>,
    pin_locked: RwSignal<bool>,
    password: RwSignal<String>,
    password_confirm: RwSignal<String>,
    shared_password: RwSignal<bool>,
    external_password: RwSignal<String>,
    external_password_confirm: RwSignal<String>,
    account_policy: RwSignal<bool>,
    pw_strong: RwSignal<bool>,
    pw_max_age_days: RwSignal<String>,
    must_change: RwSignal<bool>,
    roles: RwSignal<Vec<i64>>,
    /// Units the saved roles open to the user (`None` before a user is loaded).
    sign_in_units: RwSignal<Option<i64>>,
    version: RwSignal<i64>,
}

impl Form {
    fn new() -> Form {
        Form {
            kind: RwSignal::new(UserKind::Internal),
            active: RwSignal::new(true),
            blocked: RwSignal::new(false),
            valid_from: RwSignal::new(String::new()),
            valid_to: RwSignal::new(String::new()),
            login: RwSignal::new(String::new()),
            full_name: RwSignal::new(String::new()),
            print_label: RwSignal::new(String::new()),
            note: RwSignal::new(String::new()),
            email: RwSignal::new(String::new()),
            person: RwSignal::new(None),
            default_unit: RwSignal::new(String::new()),
            pin: RwSignal::new(String::new()),
            remove_pin: RwSignal::new(false),
            has_pin: RwSignal::new(false),
            card: RwSignal::new(String::new()),
            remove_card: RwSignal::new(false),
            has_card: RwSignal::new(false),
            pin_used: RwSignal::new(None),
            card_used: RwSignal::new(None),
            external_used: RwSignal::new(None),
            pin_locked: RwSignal::new(false),
            password: RwSignal::new(String::new()),
            password_confirm: RwSignal::new(String::new()),
            shared_password: RwSignal::new(true),
            external_password: RwSignal::new(String::new()),
            external_password_confirm: RwSignal::new(String::new()),
            account_policy: RwSignal::new(true),
            pw_strong: RwSignal::new(false),
            pw_max_age_days: RwSignal::new(String::new()),
            must_change: RwSignal::new(false),
            roles: RwSignal::new(Vec::new()),
            sign_in_units: RwSignal::new(None),
            version: RwSignal::new(0),
        }
    }

    fn load(&self, c: domain::users::UserCard) {
        self.kind.set(c.kind);
        self.active.set(c.active);
        self.blocked.set(c.blocked);
        self.valid_from.set(c.valid_from);
        self.valid_to.set(c.valid_to);
        self.login.set(c.login);
        self.full_name.set(c.full_name);
        self.print_label.set(c.print_label);
        self.note.set(c.note);
        self.email.set(c.email);
        self.person.set(c.person);
        self.default_unit.set(c.default_unit_id.map(|u| u.to_string()).unwrap_or_default());
        self.has_pin.set(c.has_pin);
        self.has_card.set(c.has_card);
        self.pin_used.set(c.pin_used.clone());
        self.card_used.set(c.card_used.clone());
        self.external_used.set(c.external_password_used.clone());
        self.pin_locked.set(c.pin_locked);
        self.pin.set(String::new());
        self.card.set(String::new());
        self.remove_pin.set(false);
        self.remove_card.set(false);
        self.shared_password.set(c.shared_password);
        self.account_policy.set(!c.pw_own_policy);
        self.pw_strong.set(c.pw_strong);
        self.pw_max_age_days.set(c.pw_max_age_days);
        self.must_change.set(c.must_change_password);
        self.roles.set(c.roles);
        self.sign_in_units.set(Some(c.sign_in_units));
        self.version.set(c.version);
    }

    fn secret(value: RwSignal<String>, remove: RwSignal<bool>) -> SecretChange {
        match (remove.get_untracked(), value.get_untracked()) {
            (true, _) => SecretChange::Clear,
            (false, v) if v.is_empty() => SecretChange::Keep,
            (false, v) => SecretChange::Set(v),
        }
    }

    fn input(&self, id: Option<i64>) -> UserInput {
        UserInput {
            id,
            version: self.version.get_untracked(),
            kind: self.kind.get_untracked(),
            active: self.active.get_untracked(),
            blocked: self.blocked.get_untracked(),
            valid_from: self.valid_from.get_untracked(),
            valid_to: self.valid_to.get_untracked(),
            login: self.login.get_untracked(),
            full_name: self.full_name.get_untracked(),
            print_label: self.print_label.get_untracked(),
            note: self.note.get_untracked(),
            email: self.email.get_untracked(),
            person_id: self.person.get_untracked().map(|p| p.id),
            default_unit_id: self.default_unit.get_untracked().parse().ok(),
            pin: Form::secret(self.pin, self.remove_pin),
            card: Form::secret(self.card, self.remove_card),
            password: self.password.get_untracked(),
            password_confirm: self.password_confirm.get_untracked(),
            shared_password: self.shared_password.get_untracked(),
            external_password: self.external_password.get_untracked(),
            external_password_confirm: self.external_password_confirm.get_untracked(),
            pw_own_policy: !self.account_policy.get_untracked(),
            pw_strong: self.pw_strong.get_untracked(),
            pw_max_age_days: self.pw_max_age_days.get_untracked(),
            must_change_password: self.must_change.get_untracked(),
            roles: self.roles.get_untracked(),
        }
    }
}

#[component]
pub fn UserCardPage() -> impl IntoView {
    let i18n = use_i18n();
    let me = current_user();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|v| v.parse::<i64>().ok()));
    let form = Form::new();
    let load_error = RwSignal::new(None::<AppError>);
    let card = crate::ui::BrowserData::new(move || {
        let id = id();
        async move {
            match id {
                Some(id) => get_user(id).await.map(Some),
                None => Ok(None),
            }
        }
    });
    Effect::new(move |_| match card.get() {
        Some(Ok(Some(c))) => form.load(c),
        Some(Err(e)) => load_error.set(Some(e)),
        _ => {}
    });
    let policy = crate::ui::BrowserData::new(account_policy);
    let save = ServerAction::<SaveUser>::new();
    let local_error = RwSignal::new(None::<AppError>);
    let error = Signal::derive(move || {
        local_error
            .get()
            .or_else(|| save.value().with(|v| v.as_ref().and_then(|r| r.as_ref().err().cloned())))
    });
    let saved = Signal::derive(move || {
        matches!(save.value().get(), Some(Ok(_))).then(|| i18n.t(CommonT::Saved).to_string())
    });
    Effect::new(move |_| {
        if let Some(Ok(new_id)) = save.value().get() {
            if id().is_none() {
                go(&format!("/users/{new_id}"));
            } else {
                card.refetch();
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = form.input(id());
        let account = policy.get_untracked().and_then(Result::ok).unwrap_or_default();
        local_error.set(check_input(&input, &account).finish().err());
        save.value().set(None);
        if local_error.get_untracked().is_none() {
            save.dispatch(SaveUser { input });
        }
    };
    let generated = RwSignal::new(None::<String>);
    let generate = move |_| {
        leptos::task::spawn_local(async move {
            if let Ok(p) = generate_password().await {
                if form.kind.get_untracked() == UserKind::External {
                    form.external_password.set(p.clone());
                    form.external_password_confirm.set(p.clone());
                } else {
                    form.password.set(p.clone());
                    form.password_confirm.set(p.clone());
                }
                generated.set(Some(fill(i18n.t(UserT::Generated), &[("password".into(), p)])));
            }
        });
    };
    let creating = Signal::derive(move || id().is_none());
    let editable = Signal::derive(move || {
        me.with(|m| m.rights.can(Module::Users, if id().is_some() { Op::Edit } else { Op::Create }))
    });
    let locked = Signal::derive(move || !editable.get());
    let password_open = RwSignal::new(false);
    // Column rights (seed 002): a field is shown when its column is visible, editable when its
    // column may be edited.
    let sees = move |key: &'static str| me.with(|m| m.rights.column(Module::Users, key, ColumnOp::Visible));
    let fixed = move |key: &'static str| {
        Signal::derive(move || {
            locked.get() || !me.with(|m| m.rights.column(Module::Users, key, ColumnOp::Edit))
        })
    };
    let title = move || if id().is_some() { form.login.get() } else { i18n.t(UserT::NewUser).to_string() };
    view! {
                <h1>{title}</h1>
        {move || id().filter(|_| load_error.with(Option::is_none)).map(|user| view! {
            <p class="links">
                <A href=format!("/users/{user}/rights")>{move || i18n.t(domain::texts::rights::RightT::Rights)}</A>
                " · "
                <A href=format!("/users/{user}/effective")>{move || i18n.t(domain::texts::rights::RightT::EffectiveRights)}</A>
            </p>
        })}
        <ErrorNote error=Signal::derive(move || load_error.get()) />
        // Why a saved user cannot sign in yet (issue 14): no role of theirs opens a unit.
        <p class="notice" role="status" hidden=move || form.sign_in_units.get() != Some(0)>
            {move || i18n.t(UserT::NoSignInUnit)}
        </p>
        <form class="card form" hidden=move || load_error.with(Option::is_some) on:submit=submit novalidate>
            <fieldset>
                <legend>{move || i18n.t(UserT::Kind)}</legend>
                <Show when=move || creating.get() fallback=move || view! {
                    <p>{move || i18n.t(form.kind.get().name())} " — " <span class="muted">{move || i18n.t(UserT::KindFixed)}</span></p>
                }>
                    {UserKind::ALL.into_iter().map(|k| view! {
                        <label class="check">
                            <input type="radio" name="kind" value=k.key() prop:checked=move || form.kind.get() == k on:change=move |_| form.kind.set(k) />
                            {move || i18n.t(k.name())}
                        </label>
                    }).collect_view()}
                </Show>
            </fieldset>
            <div class="columns">
                <div>
                                        <Show when=move || sees("status")>
                        <CheckField label=UserT::Active.into() name="active" checked=form.active disabled=fixed("status") />
                        <CheckField label=UserT::Blocked.into() name="blocked" checked=form.blocked disabled=fixed("status") />
                        <DateField label=UserT::ValidFrom.into() name="valid_from" value=form.valid_from error disabled=fixed("status") />
                        <DateField label=UserT::ValidTo.into() name="valid_to" value=form.valid_to error disabled=fixed("status") />
                    </Show>
                    <TextField label=UserT::Login.into() name="login" value=form.login error maxlength=domain::users::LOGIN_MAX required=true disabled=locked autocomplete="off" />
                    <Show when=move || sees("full_name")>
                        <TextField label=UserT::FullName.into() name="full_name" value=form.full_name error maxlength=domain::users::FULL_NAME_MAX disabled=fixed("full_name") />
                    </Show>
                    <TextField label=UserT::PrintLabel.into() name="print_label" value=form.print_label error maxlength=domain::users::LABEL_MAX hint=UserT::PrintLabelHint.into() disabled=locked />
                    <Show when=move || sees("full_name")>
                        <TextField label=UserT::Email.into() name="email" kind="email" value=form.email error maxlength=domain::users::EMAIL_MAX autocomplete="off" disabled=fixed("full_name") />
                    </Show>
                    <Show when=move || sees("note")>
                        <TextAreaField label=UserT::Note.into() name="note" value=form.note error maxlength=domain::users::NOTE_MAX />
                    </Show>
                </div>
                <div>
                                        <Show when=move || sees("person")>
                        <PersonPicker label=UserT::Person.into() name="person_id" selected=form.person error disabled=fixed("person") />
                    </Show>
                    <Show when=move || sees("default_unit")>
                        <UnitSelect value=form.default_unit error disabled=fixed("default_unit") />
                    </Show>
                    <Show when=move || sees("credentials") && !fixed("credentials").get()>
                    <Secret label=UserT::NewPin name="pin" value=form.pin has=form.has_pin remove=form.remove_pin set_text=UserT::PinSet remove_text=UserT::RemovePin error hint=UserT::PinHint used=form.pin_used locked=form.pin_locked />
                    <Secret label=UserT::NewCardNumber name="card" value=form.card has=form.has_card remove=form.remove_card set_text=UserT::CardSet remove_text=UserT::RemoveCard error hint=UserT::CardHint used=form.card_used locked=RwSignal::new(false) />
                    </Show>
                </div>
            </div>
            <fieldset>
                <legend>{move || i18n.t(UserT::Password)}</legend>
                <p class="muted" hidden=move || form.external_used.with(Option::is_none)>
                    {move || crate::i18n::fill(i18n.t(UserT::ExternalUsed), &[("when".into(), form.external_used.get().unwrap_or_default())])}
                </p>
                <Show when=move || creating.get() fallback=move || view! {
                    <button type="button" class="secondary" on:click=move |_| password_open.set(true) disabled=move || locked.get()>{move || i18n.t(UserT::SetPassword)}</button>
                }>
                    <Show when=move || form.kind.get() == UserKind::Universal>
                        <CheckField label=UserT::SharedPassword.into() name="shared_password" checked=form.shared_password />
                        <p class="muted">{move || i18n.t(UserT::SharedPasswordHint)}</p>
                    </Show>
                    <Show when=move || form.kind.get().console()>
                        <TextField label=UserT::Password.into() name="password" value=form.password error kind="password" autocomplete="new-password" />
                        <TextField label=UserT::PasswordConfirm.into() name="password_confirm" value=form.password_confirm error kind="password" autocomplete="new-password" />
                    </Show>
                    <Show when=move || form.kind.get() == UserKind::External || (form.kind.get() == UserKind::Universal && !form.shared_password.get())>
                        <TextField label=UserT::ExternalPassword.into() name="external_password" value=form.external_password error kind="password" autocomplete="new-password" />
                        <TextField label=UserT::ExternalPasswordConfirm.into() name="external_password_confirm" value=form.external_password_confirm error kind="password" autocomplete="new-password" />
                    </Show>
                    <button type="button" class="secondary" on:click=generate>{move || i18n.t(UserT::Generate)}</button>
                    <Status text=Signal::derive(move || generated.get()) />
                </Show>
                <CheckField label=UserT::AccountPolicy.into() name="account_policy" checked=form.account_policy disabled=locked />
                <Show when=move || !form.account_policy.get()>
                    <CheckField label=UserT::RequireStrong.into() name="pw_strong" checked=form.pw_strong disabled=locked />
                    <TextField label=UserT::MaxAgeDays.into() name="pw_max_age_days" value=form.pw_max_age_days error inputmode="numeric" disabled=locked />
                </Show>
                <Show when=move || form.kind.get().console()>
                    <CheckField label=UserT::MustChange.into() name="must_change" checked=form.must_change disabled=locked />
                </Show>
            </fieldset>
                        <Show when=move || sees("roles")>
                <RoleChoice chosen=form.roles locked=fixed("roles") />
            </Show>
            <ErrorNote error />
            <Status text=saved />
            <Show when=move || editable.get()>
                <button type="submit" disabled=move || save.pending().get()>{move || i18n.t(CommonT::Save)}</button>
            </Show>
        </form>
        {move || id().filter(|_| load_error.with(Option::is_none)).map(|user| view! {
            <PasswordDialog open=password_open user login=Signal::derive(move || form.login.get()) kind=Signal::derive(move || form.kind.get()) />
        })}
    }
}

/// A credential that is only ever written: shows whether it is set, takes a new value, or
/// removes it.
#[component]
fn Secret(
    label: UserT,
    name: &'static str,
    value: RwSignal<String>,
    has: RwSignal<bool>,
    remove: RwSignal<bool>,
    set_text: UserT,
    remove_text: UserT,
    hint: UserT,
    error: Signal<Option<AppError>>,
    used: RwSignal<Option<String>>,
    locked: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    // Shown as typed, so the administrator sees the number they hand over (issue 14: masked);
    // a PIN is digits only.
    let inputmode = (name == "pin").then_some("numeric");
    view! {
        <TextField label=label.into() name value error kind="text" autocomplete="off" hint=hint.into() inputmode=inputmode.unwrap_or("text") />
        <Show when=move || has.get()>
            <p class="muted">{move || i18n.t(set_text)} " " <LastUsed used /></p>
            <p class="notice" role="status" hidden=move || !locked.get()>{move || i18n.t(UserT::PinLocked)}</p>
            <CheckField label=remove_text.into() name=if name == "pin" { "remove_pin" } else { "remove_card" } checked=remove />
        </Show>
    }
}

#[component]
fn UnitSelect(
    value: RwSignal<String>,
    error: Signal<Option<AppError>>,
    disabled: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let units = crate::ui::BrowserData::new(list_units);
    let options = Signal::derive(move || {
        let list = units.get().and_then(Result::ok).unwrap_or_default();
        let mut options = vec![(String::new(), i18n.t(CommonT::None).to_string())];
        options.extend(tree_order(&list).into_iter().map(|(_, u)| (u.id.to_string(), path(&list, u.id))));
        options
    });
    view! { <SelectField label=UserT::DefaultUnit.into() name="default_unit_id" value options error disabled /> }
}

/// The user's roles as checkboxes; Everyone is always on.
#[component]
fn RoleChoice(chosen: RwSignal<Vec<i64>>, locked: Signal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let roles = crate::ui::BrowserData::new(list_roles);
    view! {
        <fieldset>
            <legend>{move || i18n.t(UserT::Roles)}</legend>
            {move || roles.get().and_then(Result::ok).map(|list| list.into_iter().map(|r| {
                let role = r.id;
                let everyone = r.builtin == Some(Builtin::Everyone);
                let name = if everyone { i18n.t(UserT::EveryoneAlways).to_string() } else { r.name.clone() };
                view! {
                    <label class="check">
                        <input type="checkbox"
                            disabled=move || everyone || locked.get()
                            prop:checked=move || everyone || chosen.with(|c| c.contains(&role))
                            on:change=move |ev| { let on = event_target_checked(&ev); chosen.update(|c| { c.retain(|x| *x != role); if on { c.push(role); } }); } />
                        {name}
                    </label>
                }
            }).collect_view())}
        </fieldset>
    }
}

/// "Last used by an application: …" or "Not used by an application yet." (issue 17).
#[component]
fn LastUsed(used: RwSignal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    move || match used.get() {
        Some(when) => crate::i18n::fill(i18n.t(UserT::LastUsed), &[("when".into(), when)]),
        None => i18n.t(UserT::NeverUsed).to_string(),
    }
}
