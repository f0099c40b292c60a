//! The snapshots a rights change makes stale are those of its account only (issue 16,
//! docs/ARCHITECTURE.md "Rights snapshots"), on a real SQLite file with the demo sample.

use super::{find_subject, Entity};
use crate::auth::password::Hasher;
use crate::clients::repo::Caller;
use crate::guard::{CoreState, Settings};
use crate::setup::{bootstrap::bootstrap, demo};
use crate::store::{Clock, DbUrl, Store};
use std::sync::Arc;

fn user(login: &str) -> Entity {
    Entity { kind: "user".into(), id: login.into(), properties: Default::default() }
}

#[tokio::test]
async fn a_change_in_one_account_rebuilds_only_its_snapshots() {
    let dir = tempfile::tempdir().unwrap();
    let url = DbUrl::parse(&format!("sqlite:{}", dir.path().join("scope.db").display())).unwrap();
    let store = Store::open(&url, Clock::default()).await.unwrap();
    let hasher = Hasher::new();
    bootstrap(&store, &hasher, Some("Scope-Admin-Password-1".into())).await.unwrap();
    demo::fill(&store, &hasher, "Scope-Demo-Password-1").await.unwrap();
    let state = CoreState::new(store.clone(), hasher, Settings::default());
    let main: i64 = sqlx::query_scalar("SELECT id FROM accounts WHERE parent_id IS NULL")
        .fetch_one(store.reader())
        .await
        .unwrap();
    let sub: i64 = sqlx::query_scalar("SELECT account_id FROM users WHERE login = 'jana.novakova'")
        .fetch_one(store.reader())
        .await
        .unwrap();
    let caller = Caller { id: 0, account_id: main, application: "klucznik".into(), name: "test".into() };
    let snapshot = |login: &'static str| {
        let (state, caller) = (&state, &caller);
        async move { find_subject(state, caller, &user(login)).await.unwrap().unwrap().rights }
    };
    let (anna, jana) = (snapshot("anna.nowak").await, snapshot("jana.novakova").await);
    assert!(Arc::ptr_eq(&anna, &snapshot("anna.nowak").await), "cached while nothing changed");

    let mut tx = store.begin().await.unwrap();
    crate::rights::repo::changed(&mut tx, crate::guard::scope::job(sub)).await.unwrap();
    tx.commit().await.unwrap();
    assert!(Arc::ptr_eq(&anna, &snapshot("anna.nowak").await), "the main account's stay");
    assert!(!Arc::ptr_eq(&jana, &snapshot("jana.novakova").await), "the sub-account's are rebuilt");

    let mut tx = store.begin().await.unwrap();
    crate::rights::repo::changed(&mut tx, crate::guard::scope::job(main)).await.unwrap();
    tx.commit().await.unwrap();
    assert!(!Arc::ptr_eq(&anna, &snapshot("anna.nowak").await));
}
