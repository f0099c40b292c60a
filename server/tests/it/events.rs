//! `/events`: live events between sessions, resuming after Last-Event-ID, the end of a
//! session ending its stream, and two server instances sharing one PostgreSQL.

use crate::both;
use crate::support::{read_events, Backend, Server, TestDb, DEMO_PASSWORD};

fn opened_by(session_of: i64) -> impl Fn(&serde_json::Value) -> bool {
    move |event| event["kind"]["type"] == "SessionOpened" && event["kind"]["user_id"] == session_of
}

async fn user_id(server: &Server, login: &str) -> i64 {
    let api = server.client().signed_in(login, DEMO_PASSWORD).await;
    let id = api.me().await.1["user_id"].as_i64().unwrap();
    api.call("/api/auth/logout", &[]).await;
    id
}

async fn a_sign_in_reaches_another_session_live(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let anna = user_id(&server, "anna.nowak").await;
    let watcher = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    let stream = watcher.events(None).await;
    assert_eq!(stream.status(), 200);
    assert_eq!(stream.headers()["content-type"], "text/event-stream");
    let login = tokio::spawn({
        let base = server.base.clone();
        async move {
            tokio::time::sleep(std::time::Duration::from_millis(300)).await;
            crate::support::Api::new(&base).signed_in("anna.nowak", DEMO_PASSWORD).await;
        }
    });
    let (found, seen) = read_events(stream, 10, opened_by(anna)).await;
    login.await.unwrap();
    assert!(found, "no SessionOpened of anna in {seen:?}");
}

async fn streams_resume_after_the_last_event_id(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let watcher = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    let (_, me) = watcher.me().await;
    // Events raised while the watcher was not listening come back on resume.
    let first = watcher.events(None).await;
    let anna = user_id(&server, "anna.nowak").await;
    let (found, seen) = read_events(first, 10, opened_by(anna)).await;
    assert!(found, "{seen:?}");
    let ewa = user_id(&server, "ewa.szymanska").await;
    let last_seen = seen.iter().filter_map(|e| e["id"].as_i64()).max().unwrap();
    let resumed = watcher.events(Some(last_seen)).await;
    let (found, replayed) = read_events(resumed, 10, opened_by(ewa)).await;
    assert!(found, "ewa's sign-in was not replayed: {replayed:?}");
    assert!(replayed.iter().all(|e| e["id"].as_i64().unwrap_or(i64::MAX) > last_seen), "{replayed:?}");
    assert!(me["session_id"].as_i64().is_some());
}

async fn closing_a_session_ends_its_stream(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    // Piotr may hold several sessions (Audytorzy: "open multiple sessions").
    let api = server.client().signed_in("piotr.wisniewski", DEMO_PASSWORD).await;
    let session = api.me().await.1["session_id"].as_i64().unwrap();
    let stream = api.events(None).await;
    let other = server.client().signed_in("piotr.wisniewski", DEMO_PASSWORD).await;
    let form = [
        ("current_password", DEMO_PASSWORD),
        ("new_password", "Piotr-Brand-New-Pass"),
        ("confirm_password", "Piotr-Brand-New-Pass"),
        ("end_other_sessions", "on"),
    ];
    assert_eq!(other.call("/api/auth/password", &form).await.0, 200);
    let closed = move |e: &serde_json::Value| {
        e["kind"]["type"] == "SessionClosed" && e["kind"]["session_id"] == session
    };
    let (found, seen) = read_events(stream, 10, closed).await;
    assert!(found, "{seen:?}");
    assert_eq!(api.events(None).await.status(), 401, "the ended session cannot listen again");
}

async fn anonymous_listeners_are_refused(db: TestDb) {
    let server = Server::start(&db, &[]).await;
    let response = reqwest::get(format!("{}/events", server.base)).await.unwrap();
    assert_eq!(response.status(), 401);
}

both!(
    a_sign_in_reaches_another_session_live,
    streams_resume_after_the_last_event_id,
    closing_a_session_ends_its_stream,
    anonymous_listeners_are_refused,
);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_on_one_postgres_see_each_others_events() {
    let db = TestDb::new(Backend::Postgres).await;
    let first = Server::start(&db, &["--demo"]).await;
    let second = Server::start(&db, &[]).await;
    let anna = user_id(&second, "anna.nowak").await;
    let watcher = first.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    let stream = watcher.events(None).await;
    let base = second.base.clone();
    let login = tokio::spawn(async move {
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        crate::support::Api::new(&base).signed_in("anna.nowak", DEMO_PASSWORD).await;
    });
    let (found, seen) = read_events(stream, 10, opened_by(anna)).await;
    login.await.unwrap();
    assert!(found, "the first instance did not hear the second: {seen:?}");
}
