//! Opening an application's session once the secret is right: the console's rules, the unit,
//! one session per user across the console and applications, the audit.

use super::*;
use domain::ids::{AccountId, SessionId, UserId};

/// Opens a session for an application, or says why not. Every outcome is audited with the
/// application's name.
pub async fn sign_in(
    state: &CoreState,
    caller: &Caller,
    client: &Client,
    r: &AppRequest,
) -> Result<AppSession, SignInError> {
    check(r).map_err(SignInError::Invalid)?;
    let store = state.store();
    let (accepts_internal, service) = application_of(state, caller).await?;
    let (user, step_unit) = find(state, caller, r).await?;
    let keys = keys(caller, client, r);
    let mut actor = Actor {
        client_addr: client.addr.clone(),
        account_id: Some(AccountId::new(caller.account_id)),
        ..Default::default()
    };
    let what = match &r.secret {
        Secret::Card(_) => "card".to_string(),
        _ => clip(&r.login),
    };
    if let Some(seconds) = throttle::attempt(store, &keys).await? {
        let mut tx = store.begin().await?;
        audit::record(&mut tx, &actor, Entry::new("login.throttled").detail(format!("{service}: {what}")))
            .await?;
        tx.commit().await?;
        return Err(SignInError::Throttled(seconds));
    }
    let verified = verify(state, r, user.as_ref()).await;
    let correct = matches!(verified, Ok(Some(_)));
    throttle::finish(store, &keys, correct && user.is_some()).await?;
    let mut tx = store.begin().await?;
    if let (Secret::Pin(_), Some(u), Ok(ok)) = (&r.secret, &user, &verified) {
        pin_outcome(&mut tx, &actor, u.id, u.pin_failures, ok.is_some(), &service).await?;
    }
    let used = match verified {
        Ok(Some(used)) if user.is_some() => used,
        Err(SignInError::PinLocked) => {
            tx.commit().await?;
            return Err(SignInError::PinLocked);
        }
        Err(e) => return Err(e),
        _ => {
            audit::record(&mut tx, &actor, Entry::new("login.failed").detail(format!("{service}: {what}")))
                .await?;
            tx.commit().await?;
            return Err(SignInError::WrongCredentials);
        }
    };
    let Some(user) = user else { return Err(SignInError::WrongCredentials) };
    let (user_id, account_id) = (user.id, user.account_id);
    let scope = crate::guard::scope::signing_in(account_id);
    actor.account_id = Some(AccountId::new(account_id));
    actor.native_user_id = Some(UserId::new(user_id));
    actor.effective_user_id = Some(UserId::new(user_id));
    // The secret was right: the application may now learn why the user cannot come in.
    let refusal = if user.standing.kind == "internal" && !accepts_internal {
        Err("internal_user")
    } else {
        // External users are the applications' own; the console's other rules hold.
        user.standing.as_kind("universal", tx.now()).map_err(|r| r.key()).and(if user.account_active {
            Ok(())
        } else {
            Err("account_inactive")
        })
    };
    let units = crate::auth::login::units_of(&mut tx, user_id, scope).await?;
    let refusal = refusal.and(if units.is_empty() { Err("no_unit") } else { Ok(()) });
    if let Err(reason) = refusal {
        let entry =
            Entry::new("login.refused").object("user", user_id).detail(format!("{service}: {reason}"));
        audit::record(&mut tx, &actor, entry).await?;
        tx.commit().await?;
        return Err(SignInError::Refused(reason));
    }
    // Seed 001: the default unit, unless the application names one of the user's units.
    let unit_id = match r.unit.or(step_unit) {
        Some(chosen) if units.iter().any(|(id, _)| *id == chosen) => chosen,
        Some(_) => {
            return Err(SignInError::Invalid(AppError::invalid(
                "unit",
                AuthT::Unit,
                Message::new(AuthT::UnitNotYours),
            )));
        }
        None => user.default_unit_id.filter(|d| units.iter().any(|(id, _)| id == d)).unwrap_or(units[0].0),
    };
    // One session per user across the console and applications, unless the permission says
    // otherwise (seed 000); the user's row orders racing sign-ins.
    crate::auth::repo::hold_user(&mut tx, user_id).await?;
    let open = sessions::open_of(&mut tx, user_id).await?;
    if !open.is_empty() && !crate::auth::login::may_hold_several(state, user_id, scope).await? {
        if !r.close_other {
            let step = crate::auth::login::new_step(&mut tx, user_id, Some(caller.id), Some(unit_id)).await?;
            tx.commit().await?;
            let (_, computer, service, since) = open[0].clone();
            return Err(SignInError::AlreadySignedIn { computer, service, since, step });
        }
        for (id, ..) in &open {
            ending::end(&mut tx, *id, EndReason::Replaced, None, None).await?;
        }
    }
    let token = new_token();
    let opening = Opening {
        user_id,
        account_id,
        unit_id: Some(unit_id),
        token_hash: &hash_token(&token),
        client,
        service: Some(sessions::Service {
            service: &service,
            session_name: r.session_name.trim(),
            computer: r.computer.trim(),
            client_id: caller.id,
        }),
    };
    let session_id = sessions::open(&mut tx, store.schema_version(), opening).await?;
    if !used.is_empty() {
        crate::auth::repo::secret_used(&mut tx, used, user_id).await?;
    }
    actor.session_id = Some(SessionId::new(session_id));
    audit::record(&mut tx, &actor, Entry::new("login").object("session", session_id).detail(service.clone()))
        .await?;
    let unit_name = units.iter().find(|(id, _)| *id == unit_id).map(|(_, n)| n.clone()).unwrap_or_default();
    tx.commit().await?;
    Ok(AppSession {
        token,
        session_id,
        user_id,
        login: user.login,
        full_name: user.full_name,
        account_id,
        account_name: user.account_name,
        unit_id,
        unit_name,
        rights_version: user.rights_version,
        must_change_password: user.must_change_password,
    })
}
