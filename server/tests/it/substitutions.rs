//! Substitutions (seed 003): defining them within the three permissions, the editing rules,
//! working as the absent user (rights, audit, no chains), the mode ending when the
//! substitution is deactivated or its last day is over, and the notices it sends.

use crate::both;
use crate::support::{read_events, Api, InProcess, Server, TestDb, DEMO_PASSWORD};
use serde_json::{json, Value};

const ZONE: &str = "Europe/Warsaw";
const DAY: i64 = 86_400_000;

fn day(ms: i64) -> String {
    klucznik_core::time::day_of_ms(ms, ZONE)
}

fn now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as i64
}

pub fn input(id: Option<i64>, absent: i64, substitute: i64, from: &str, to: &str, version: i64) -> Value {
    json!({"input": {"id": id, "absent_id": absent, "substitute_id": substitute, "from_day": from, "to_day": to,
                     "active": true, "forward_email": true, "version": version}})
}

async fn user(db: &TestDb, login: &str) -> i64 {
    db.number(&format!("SELECT id FROM users WHERE login = '{login}'")).await
}

async fn list(api: &Api, tab: &str) -> Vec<Value> {
    let (status, body) = api.call("/api/substitutions/list", &[("tab", tab)]).await;
    assert_eq!(status, 200, "{body}");
    body["items"].as_array().unwrap().clone()
}

fn field(body: &Value) -> Value {
    body["Invalid"][0]["field"].clone()
}

async fn defining_follows_the_three_permissions_and_the_rules(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let (jan, anna, piotr, ewa, tomasz, magdalena) = (
        user(&db, "jan.kowalski").await,
        user(&db, "anna.nowak").await,
        user(&db, "piotr.wisniewski").await,
        user(&db, "ewa.szymanska").await,
        user(&db, "tomasz.kaminski").await,
        user(&db, "magdalena.dabrowska").await,
    );
    let petr = user(&db, "petr.svoboda").await;
    let today = day(now());
    let later = day(now() + 5 * DAY);

    // "Own": only oneself, by default; the blocked Tomasz is not offered.
    let jan_api = server.client().signed_in("jan.kowalski", DEMO_PASSWORD).await;
    let (status, options) = jan_api.call("/api/substitutions/options", &[]).await;
    assert_eq!(status, 200, "{options}");
    assert_eq!(options["me"], json!(jan));
    let absent: Vec<i64> =
        options["absent"].as_array().unwrap().iter().map(|u| u["id"].as_i64().unwrap()).collect();
    assert_eq!(absent, [jan]);
    let substitutes: Vec<i64> =
        options["substitutes"].as_array().unwrap().iter().map(|u| u["id"].as_i64().unwrap()).collect();
    assert!(substitutes.contains(&ewa) && !substitutes.contains(&tomasz) && !substitutes.contains(&petr));
    let (status, body) =
        jan_api.json("/api/substitutions/save", &input(None, anna, ewa, &today, &later, 0)).await;
    assert_eq!((status, field(&body)), (422, json!("absent_id")), "not his to define: {body}");
    let (status, own) =
        jan_api.json("/api/substitutions/save", &input(None, jan, ewa, &today, &later, 0)).await;
    assert_eq!(status, 200, "{own}");

    // Bad input names its field and writes nothing.
    let count = db.number("SELECT COUNT(*) FROM substitutions").await;
    let yesterday = day(now() - DAY);
    for (body, bad) in [
        (input(None, jan, jan, &today, &later, 0), "substitute_id"),
        (input(None, jan, ewa, &later, &today, 0), "to_day"),
        (input(None, jan, ewa, &yesterday, &yesterday, 0), "to_day"),
        (input(None, jan, ewa, "2026-02-30", &later, 0), "from_day"),
        (input(None, jan, tomasz, &today, &later, 0), "substitute_id"),
    ] {
        let (status, answer) = jan_api.json("/api/substitutions/save", &body).await;
        assert_eq!((status, field(&answer)), (422, json!(bad)), "{body}: {answer}");
    }
    let (status, _) =
        jan_api.json("/api/substitutions/save", &input(None, jan, petr, &today, &later, 0)).await;
    assert_eq!(status, 404, "a user of another account is not found");
    assert_eq!(db.number("SELECT COUNT(*) FROM substitutions").await, count);

    // "Subordinates'": everyone below one's person in the supervisor relation, at any depth.
    db.execute(&format!(
        "INSERT INTO grants (account_id, user_id, right_key, allow)
         SELECT account_id, id, 'perm.substitutions_subordinates', TRUE FROM users WHERE id = {piotr}"
    ))
    .await;
    db.execute("UPDATE accounts SET rights_version = rights_version + 1").await;
    let piotr_api = server.client().signed_in("piotr.wisniewski", DEMO_PASSWORD).await;
    let (_, options) = piotr_api.call("/api/substitutions/options", &[]).await;
    let mut absent: Vec<String> = options["absent"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["name"].as_str().unwrap().to_string())
        .collect();
    absent.sort();
    assert_eq!(
        absent,
        ["Jan Kowalski (jan.kowalski)", "Piotr Wiśniewski (piotr.wisniewski)"],
        "Tomasz is blocked"
    );
    // Jan's own substitution is Piotr's to change too; Anna's (the demo's) is only shown to him
    // because he is its substitute.
    let items = list(&piotr_api, "Active").await;
    let editable: Vec<(String, bool)> = items
        .iter()
        .map(|i| (i["absent"].as_str().unwrap().to_string(), i["editable"].as_bool().unwrap()))
        .collect();
    assert!(editable.contains(&("Jan Kowalski".into(), true)), "{editable:?}");
    assert!(editable.contains(&("Anna Nowak".into(), false)), "{editable:?}");

    // Without any of the permissions there is no module.
    let ewa_api = server.client().signed_in("ewa.szymanska", DEMO_PASSWORD).await;
    assert_eq!(ewa_api.call("/api/substitutions/list", &[("tab", "Active")]).await.0, 403);

    // "Anyone's": the administrator; a future substitution changes entirely.
    let admin = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    let (from, to) = (day(now() + 2 * DAY), day(now() + 4 * DAY));
    let (status, future) =
        admin.json("/api/substitutions/save", &input(None, ewa, magdalena, &from, &to, 0)).await;
    assert_eq!(status, 200, "{future}");
    let future = future.as_i64().unwrap();
    let (status, body) = admin
        .json("/api/substitutions/save", &input(Some(future), ewa, jan, &day(now() + 3 * DAY), &to, 1))
        .await;
    assert_eq!(status, 200, "{body}");
    let (status, _) =
        admin.json("/api/substitutions/save", &input(Some(future), ewa, jan, &from, &to, 1)).await;
    assert_eq!(status, 409, "a stale version is refused");
    let state = |items: &[Value], id: i64| items.iter().find(|i| i["id"] == id).map(|i| i["state"].clone());
    assert_eq!(state(&list(&admin, "Active").await, future), Some(json!("Future")));

    // Users whose validity ended are offered as absent users only where the account allows it,
    // and never as substitutes.
    db.execute("UPDATE users SET valid_to = 1000 WHERE login = 'michal.zielinski'").await;
    let michal = user(&db, "michal.zielinski").await;
    let ids = |o: &Value, list: &str| -> Vec<i64> {
        o[list].as_array().unwrap().iter().map(|u| u["id"].as_i64().unwrap()).collect()
    };
    let (_, o) = admin.call("/api/substitutions/options", &[]).await;
    assert!(!ids(&o, "absent").contains(&michal) && !ids(&o, "substitutes").contains(&michal), "{o}");
    let (status, body) =
        admin.json("/api/substitutions/save", &input(None, michal, ewa, &today, &later, 0)).await;
    assert_eq!((status, field(&body)), (422, json!("absent_id")), "{body}");
    db.execute("UPDATE accounts SET substitute_expired = TRUE").await;
    let (_, o) = admin.call("/api/substitutions/options", &[]).await;
    assert!(ids(&o, "absent").contains(&michal) && !ids(&o, "substitutes").contains(&michal), "{o}");
    let (status, body) =
        admin.json("/api/substitutions/save", &input(None, michal, ewa, &today, &later, 0)).await;
    assert_eq!(status, 200, "{body}");
    let (status, body) =
        admin.json("/api/substitutions/save", &input(None, ewa, michal, &today, &later, 0)).await;
    assert_eq!((status, field(&body)), (422, json!("substitute_id")), "{body}");

    // An ongoing one is only extended or deactivated.
    let own = own.as_i64().unwrap();
    let (status, body) =
        admin.json("/api/substitutions/save", &input(Some(own), jan, ewa, &yesterday, &later, 1)).await;
    assert_eq!((status, body["Refused"]["key"].clone()), (409, json!({"Sub": "OnlyExtend"})), "{body}");
    let (status, _) =
        admin.json("/api/substitutions/save", &input(Some(own), jan, piotr, &today, &later, 1)).await;
    assert_eq!(status, 409, "the substitute stays");
    let (status, _) =
        admin.json("/api/substitutions/save", &input(Some(own), jan, ewa, &today, &today, 1)).await;
    assert_eq!(status, 409, "not shortened");
    let longer = day(now() + 9 * DAY);
    let (status, body) =
        admin.json("/api/substitutions/save", &input(Some(own), jan, ewa, &today, &longer, 1)).await;
    assert_eq!(status, 200, "{body}");
    let mut off = input(Some(own), jan, ewa, &today, &longer, 2);
    off["input"]["active"] = json!(false);
    let (status, body) = admin.json("/api/substitutions/save", &off).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(state(&list(&admin, "Active").await, own), None);
    assert_eq!(state(&list(&admin, "Inactive").await, own), Some(json!("Deactivated")));
    let audit =
        format!("SELECT COUNT(*) FROM audit WHERE object_kind = 'substitution' AND object_id = {own}");
    assert_eq!(db.number(&audit).await, 3, "created, extended, deactivated");
    // Ewa was told she is Jan's substitute.
    let (_, inbox) = ewa_api.call("/api/notices/inbox", &[]).await;
    assert!(
        inbox["items"].as_array().unwrap().iter().any(|n| n["notice"]["kind"] == "SubstitutionDefined"),
        "{inbox}"
    );
}

async fn start(api: &Api, id: i64) -> (u16, Value) {
    api.call("/api/substitutions/start", &[("id", &id.to_string())]).await
}

async fn working_as_the_absent_user_uses_their_rights_and_is_audited(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let (jan, anna, ewa) =
        (user(&db, "jan.kowalski").await, user(&db, "anna.nowak").await, user(&db, "ewa.szymanska").await);
    let (today, later) = (day(now()), day(now() + 2 * DAY));
    let admin = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    let (status, sub) =
        admin.json("/api/substitutions/save", &input(None, anna, ewa, &today, &later, 0)).await;
    assert_eq!(status, 200, "{sub}");
    let sub = sub.as_i64().unwrap();
    // One where Anna is the substitute, to prove there are no chains.
    let (status, chained) =
        admin.json("/api/substitutions/save", &input(None, jan, anna, &today, &later, 0)).await;
    assert_eq!(status, 200, "{chained}");

    let ewa_api = server.client().signed_in("ewa.szymanska", DEMO_PASSWORD).await;
    let users = json!({"query": {"search": "", "status": "All", "kind": null, "role_id": null, "page": 0}});
    assert_eq!(ewa_api.json("/api/users/list", &users).await.0, 403, "Ewa's own rights");
    let (_, startable) = ewa_api.call("/api/substitutions/startable", &[]).await;
    assert_eq!(
        startable.as_array().unwrap().iter().map(|s| s["id"].as_i64().unwrap()).collect::<Vec<_>>(),
        [sub]
    );
    let (status, body) = start(&ewa_api, sub).await;
    assert_eq!(status, 200, "{body}");

    let (_, me) = ewa_api.me().await;
    assert_eq!((me["login"].clone(), me["native"][0].clone()), (json!("anna.nowak"), json!("ewa.szymanska")));
    assert_eq!(me["working_until"], json!(later));
    assert_eq!(me["can_switch"], json!(false));
    let (status, body) = ewa_api.json("/api/users/list", &users).await;
    assert_eq!(status, 200, "Anna's rights: {body}");
    // No chains: Anna's own substitution cannot be started while working as her.
    let (_, startable) = ewa_api.call("/api/substitutions/startable", &[]).await;
    assert_eq!(startable, json!([]));
    let (status, body) = start(&ewa_api, chained.as_i64().unwrap()).await;
    assert_eq!((status, body["Refused"]["key"].clone()), (409, json!({"Sub": "AlreadyWorkingAs"})));

    // What she does is recorded as Ewa for Anna.
    let person = db.number("SELECT id FROM persons WHERE last_name = 'Wójcik'").await;
    let (_, card) = ewa_api.call("/api/persons/get", &[("id", &person.to_string())]).await;
    let changed = json!({"input": {"id": person, "first_name": "Katarzyna Maria", "last_name": "Wójcik",
        "personal_number": card["personal_number"], "unit_id": card["unit_id"], "supervisor_id": card["supervisor_id"],
        "version": card["version"]}});
    let (status, body) = ewa_api.json("/api/persons/save", &changed).await;
    assert_eq!(status, 200, "{body}");
    let audit = format!(
        "SELECT COUNT(*) FROM audit WHERE action = 'person.update' AND native_user_id = {ewa} AND effective_user_id = {anna}"
    );
    assert_eq!(db.number(&audit).await, 1);
    let started = format!(
        "SELECT COUNT(*) FROM notifications WHERE user_id = {anna} AND notice LIKE '%SubstitutionStarted%'"
    );
    assert_eq!(db.number(&started).await, 1, "Anna was told");

    // Notices to Anna reach her substitutes as marked copies.
    let copies = format!("SELECT COUNT(*) FROM notifications WHERE user_id = {ewa} AND for_user_id = {anna}");
    assert_eq!(db.number(&copies).await, 0);
    let anna_api = server.client().signed_in("anna.nowak", DEMO_PASSWORD).await;
    let anna_session = anna_api.me().await.1["session_id"].as_i64().unwrap();
    let (status, body) =
        admin.json("/api/sessions/end", &json!({"ids": [anna_session], "note": "Audyt"})).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(db.number(&copies).await, 1, "Ewa got a copy of Anna's notice");
    let (_, inbox) = ewa_api.call("/api/notices/inbox", &[]).await;
    let first = &inbox["items"][0];
    assert_eq!(
        (first["notice"]["kind"].clone(), first["notice"]["note"].clone()),
        (json!("SessionEnded"), json!("Audyt"))
    );
    assert!(first["for_user"].is_null(), "while working as Anna, Ewa sees Anna's own notice");

    // Deactivating ends the mode at once, and her page is told why.
    let stream = ewa_api.events(None).await;
    let session = me["session_id"].as_i64().unwrap();
    let mut off = input(Some(sub), anna, ewa, &today, &later, 1);
    off["input"]["active"] = json!(false);
    let (status, body) = admin.json("/api/substitutions/save", &off).await;
    assert_eq!(status, 200, "{body}");
    let told =
        move |e: &Value| e["kind"]["type"] == "SubstitutionEnded" && e["kind"]["session_id"] == session;
    let (found, seen) = read_events(stream, 10, told).await;
    assert!(found, "{seen:?}");
    assert_eq!(seen.last().unwrap()["kind"]["why"], json!("Deactivated"));
    let (_, me) = ewa_api.me().await;
    assert_eq!((me["login"].clone(), me["native"].clone()), (json!("ewa.szymanska"), Value::Null));
    assert_eq!(ewa_api.json("/api/users/list", &users).await.0, 403);
    let (_, inbox) = ewa_api.call("/api/notices/inbox", &[]).await;
    let kinds: Vec<Value> =
        inbox["items"].as_array().unwrap().iter().map(|n| n["notice"]["kind"].clone()).collect();
    assert!(kinds.contains(&json!("ModeEnded")), "{kinds:?}");
    // Her own inbox holds the marked copy of Anna's notice.
    let copy =
        inbox["items"].as_array().unwrap().iter().find(|n| n["notice"]["kind"] == "SessionEnded").unwrap();
    assert_eq!(copy["for_user"], json!("Anna Nowak"));
    assert!(inbox["unread"].as_i64().unwrap() >= 2);
    let (status, read) = ewa_api.call("/api/notices/read", &[]).await;
    assert_eq!(status, 200, "{read}");
    assert_eq!(ewa_api.call("/api/notices/inbox", &[]).await.1["unread"], json!(0));

    // Active again, started and ended by Ewa herself: audited as Ewa for Anna.
    let (status, body) =
        admin.json("/api/substitutions/save", &input(Some(sub), anna, ewa, &today, &later, 2)).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(start(&ewa_api, sub).await.0, 200);
    assert_eq!(ewa_api.call("/api/substitutions/end", &[]).await.0, 200);
    assert_eq!(ewa_api.me().await.1["login"], json!("ewa.szymanska"));
    let ended = format!(
        "SELECT COUNT(*) FROM audit WHERE action = 'substitution.end' AND native_user_id = {ewa} AND effective_user_id = {anna}"
    );
    assert_eq!(db.number(&ended).await, 2);
    // Someone else's substitution is not there for her to start.
    assert_eq!(start(&ewa_api, chained.as_i64().unwrap()).await.0, 404);
}

async fn the_period_runs_from_midnight_to_midnight_in_the_account_zone(db: TestDb) {
    let app = InProcess::start(&db).await;
    let hasher = klucznik_core::auth::password::Hasher::new();
    klucznik_core::setup::demo::fill(&app.store, &hasher, DEMO_PASSWORD).await.unwrap();
    db.execute("UPDATE accounts SET session_idle_minutes = 1440, session_max_hours = 744").await;
    let (anna, ewa) = (user(&db, "anna.nowak").await, user(&db, "ewa.szymanska").await);
    let admin = app.sign_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    let today = day(app.store.now());
    let tomorrow = day(app.store.now() + DAY);
    let save = |body: Value| {
        let admin = admin.clone();
        let app = &app;
        async move { app.send_json("/api/substitutions/save", &body, Some(&admin)).await }
    };
    let answer = save(input(None, anna, ewa, &today, &today, 0)).await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    let answer = save(input(None, ewa, anna, &tomorrow, &tomorrow, 0)).await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    let future = answer.body.as_i64().unwrap();

    let token = app.sign_in("ewa.szymanska", DEMO_PASSWORD).await;
    let startable = app.call("/api/substitutions/startable", "", Some(&token)).await.body;
    let id = startable[0]["id"].as_i64().unwrap();
    assert_eq!(app.call("/api/substitutions/start", &format!("id={id}"), Some(&token)).await.status, 200);

    // A minute before midnight she is still working as Anna …
    let midnight = klucznik_core::time::day_end_ms(&today, ZONE).unwrap();
    app.clock.advance(midnight - app.store.now() - 60_000);
    assert_eq!(klucznik_core::substitutions::service::mode::sweep(&app.store).await.unwrap(), 0);
    assert_eq!(app.call("/api/auth/me", "", Some(&token)).await.body["login"], json!("anna.nowak"));
    // … and Anna's substitution for tomorrow cannot be started yet.
    let anna_token = app.sign_in("anna.nowak", DEMO_PASSWORD).await;
    let not_yet = app.call("/api/substitutions/start", &format!("id={future}"), Some(&anna_token)).await;
    assert_eq!(not_yet.status, 409, "{}", not_yet.body);
    // At midnight the period is over: the sweep ends the mode without a request.
    app.clock.advance(61_000);
    assert_eq!(klucznik_core::substitutions::service::mode::sweep(&app.store).await.unwrap(), 1);
    let me = app.call("/api/auth/me", "", Some(&token)).await.body;
    assert_eq!((me["login"].clone(), me["native"].clone()), (json!("ewa.szymanska"), Value::Null));
    let told: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM events WHERE payload LIKE '%SubstitutionEnded%PeriodOver%'")
            .fetch_one(app.store.reader_for_tests())
            .await
            .unwrap();
    assert_eq!(told, 1);
    let started = app.call("/api/substitutions/start", &format!("id={future}"), Some(&anna_token)).await;
    assert_eq!(started.status, 200, "tomorrow has begun: {}", started.body);
    // The finished one moved to the Inactive list and cannot be changed.
    let inactive = app.call("/api/substitutions/list", "tab=Inactive", Some(&admin)).await.body;
    assert_eq!(inactive["items"][0]["state"], json!("Finished"));
    let answer = save(input(Some(id), anna, ewa, &today, &tomorrow, 1)).await;
    assert_eq!(answer.status, 409, "{}", answer.body);
}

async fn a_request_after_the_end_is_served_as_the_user_s_own(db: TestDb) {
    // The sweep has not run yet: the guard itself ends the mode on the next request.
    let app = InProcess::start(&db).await;
    klucznik_core::setup::demo::fill(
        &app.store,
        &klucznik_core::auth::password::Hasher::new(),
        DEMO_PASSWORD,
    )
    .await
    .unwrap();
    db.execute("UPDATE accounts SET session_idle_minutes = 1440, session_max_hours = 744").await;
    let token = app.sign_in("piotr.wisniewski", DEMO_PASSWORD).await;
    let startable = app.call("/api/substitutions/startable", "", Some(&token)).await.body;
    let id = startable[0]["id"].as_i64().expect("the demo's substitution for Anna");
    assert_eq!(app.call("/api/substitutions/start", &format!("id={id}"), Some(&token)).await.status, 200);
    assert_eq!(app.call("/api/auth/me", "", Some(&token)).await.body["login"], json!("anna.nowak"));
    db.execute("UPDATE users SET blocked = TRUE WHERE login = 'anna.nowak'").await;
    assert_eq!(app.call("/api/auth/me", "", Some(&token)).await.body["login"], json!("piotr.wisniewski"));
    let why: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM events WHERE payload LIKE '%AbsentBarred%'")
        .fetch_one(app.store.reader_for_tests())
        .await
        .unwrap();
    assert_eq!(why, 1);
}

both!(
    defining_follows_the_three_permissions_and_the_rules,
    working_as_the_absent_user_uses_their_rights_and_is_audited,
    the_period_runs_from_midnight_to_midnight_in_the_account_zone,
    a_request_after_the_end_is_served_as_the_user_s_own,
);
