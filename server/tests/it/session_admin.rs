//! The sessions list of seed 000 and ending sessions: filters, sorting, paging, the own session,
//! who may end what, the ended session's notice, one session per user, own sessions, exports.

use crate::both;
use crate::support::{read_events, Api, Backend, Server, TestDb, DEMO_PASSWORD};
use serde_json::{json, Value};

fn query(state: &str, search: &str, sort: &str, descending: bool) -> Value {
    json!({"query": {"state": state, "search": search, "from": "", "to": "", "sort": sort,
                     "descending": descending, "page": 0}})
}

async fn list(api: &Api, q: Value) -> Value {
    let (status, body) = api.json("/api/sessions/list", &q).await;
    assert_eq!(status, 200, "{body}");
    body
}

fn logins(page: &Value) -> Vec<String> {
    page["rows"].as_array().unwrap().iter().map(|r| r["login"].as_str().unwrap().to_string()).collect()
}

async fn the_list_filters_sorts_and_marks_the_own_session(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let admin = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    for _ in 0..3 {
        server.client().signed_in("piotr.wisniewski", DEMO_PASSWORD).await;
    }
    let michal = server.client().signed_in("michal.zielinski", DEMO_PASSWORD).await;
    assert_eq!(michal.call("/api/auth/logout", &[]).await.0, 200);

    let all = list(&admin, query("All", "", "Created", true)).await;
    assert_eq!(all["total"], json!(5));
    assert_eq!(list(&admin, query("Open", "", "Created", true)).await["total"], json!(4));
    let ended = list(&admin, query("Ended", "", "Created", true)).await;
    assert_eq!(logins(&ended), ["michal.zielinski"]);
    assert_eq!(ended["rows"][0]["end_reason"], json!("logout"));
    assert_eq!(list(&admin, query("All", "PIOTR", "Created", true)).await["total"], json!(3));
    let by_user = logins(&list(&admin, query("All", "", "User", false)).await);
    let mut sorted = by_user.clone();
    sorted.sort();
    assert_eq!(by_user, sorted, "sorted by user");
    for descending in [false, true] {
        let by_closed = list(&admin, query("All", "", "Closed", descending)).await;
        let closed: Vec<bool> =
            by_closed["rows"].as_array().unwrap().iter().map(|r| !r["closed"].is_null()).collect();
        assert_eq!(closed, [true, false, false, false, false], "open sessions (no close time) come last");
    }
    let own: Vec<&Value> =
        all["rows"].as_array().unwrap().iter().filter(|r| r["current"] == json!(true)).collect();
    assert_eq!(own.len(), 1);
    assert_eq!(own[0]["login"], json!("magdalena.dabrowska"));
    assert_eq!(all["rows"][0]["account"], json!("Nordwind sp. z o.o."));

    let mut future = query("All", "", "Created", true);
    future["query"]["from"] = json!("2999-01-01");
    assert_eq!(list(&admin, future).await["total"], json!(0));
    let mut reversed = query("All", "", "Created", true);
    reversed["query"]["from"] = json!("2026-11-22");
    reversed["query"]["to"] = json!("2026-11-01");
    let (status, body) = admin.json("/api/sessions/list", &reversed).await;
    assert_eq!((status, body["Invalid"][0]["field"].clone()), (422, json!("to")));
    let (status, body) = admin.json("/api/sessions/list", &query("All", &"x".repeat(101), "Id", false)).await;
    assert_eq!((status, body["Invalid"][0]["field"].clone()), (422, json!("search")));
}

async fn ended_sessions_are_refused_at_once_and_told_who_and_why(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let admin = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    let piotr = server.client().signed_in("piotr.wisniewski", DEMO_PASSWORD).await;
    let watcher = server.client().signed_in("michal.zielinski", DEMO_PASSWORD).await;
    let target = piotr.me().await.1["session_id"].as_i64().unwrap();
    let own = admin.me().await.1["session_id"].as_i64().unwrap();
    let (piotr_stream, watcher_stream) = (piotr.events(None).await, watcher.events(None).await);

    let end = |ids: Vec<i64>, note: &str| json!({"ids": ids, "note": note});
    let (status, body) = admin.json("/api/sessions/end", &end(vec![own], "")).await;
    assert_eq!((status, body["Refused"]["key"].clone()), (409, json!({"Session": "NotOwnSession"})));
    let (status, body) = admin.json("/api/sessions/end", &end(vec![target], &"x".repeat(201))).await;
    assert_eq!((status, body["Invalid"][0]["field"].clone()), (422, json!("note")));
    // A session of the sub-account is "not found" from the main account.
    let brno = server.client().signed_in("petr.svoboda", DEMO_PASSWORD).await;
    let foreign = brno.me().await.1["session_id"].as_i64().unwrap();
    assert_eq!(admin.json("/api/sessions/end", &end(vec![foreign], "")).await.0, 404);
    assert_eq!(brno.me().await.0, 200, "the foreign session is untouched");
    let anna = server.client().signed_in("anna.nowak", DEMO_PASSWORD).await;
    assert_eq!(anna.json("/api/sessions/end", &end(vec![target], "")).await.0, 403);

    let (status, body) = admin.json("/api/sessions/end", &end(vec![target], "Audyt stanowisk")).await;
    assert_eq!((status, body), (200, json!(1)));
    assert_eq!(piotr.me().await.0, 401, "refused on its very next request");
    let mine = move |e: &Value| e["kind"]["type"] == "SessionClosed" && e["kind"]["session_id"] == target;
    let (found, seen) = read_events(piotr_stream, 10, mine).await;
    assert!(found, "{seen:?}");
    let told = &seen.last().unwrap()["kind"];
    assert_eq!(told["by"], json!("Magdalena Dąbrowska"));
    assert_eq!(told["note"], json!("Audyt stanowisk"));
    assert!(!told["at_text"].as_str().unwrap().is_empty());
    let (found, seen) = read_events(watcher_stream, 10, mine).await;
    assert!(found, "{seen:?}");
    assert!(seen.last().unwrap()["kind"]["note"].is_null(), "others are not told the reason");

    let ended = list(&admin, query("Ended", "piotr", "Created", true)).await;
    assert_eq!(ended["rows"][0]["ended_by"], json!("magdalena.dabrowska"));
    assert_eq!(ended["rows"][0]["end_note"], json!("Audyt stanowisk"));
    let again = admin.json("/api/sessions/end", &end(vec![target], "")).await;
    assert_eq!(again, (200, json!(0)), "an ended session is not ended twice");
}

async fn one_session_per_user_unless_permitted(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let first = server.client().signed_in("anna.nowak", DEMO_PASSWORD).await;
    let second = server.client();
    let (status, body) = second.login("anna.nowak", DEMO_PASSWORD).await;
    assert_eq!(status, 200);
    assert!(body["already"]["computer"].as_str().unwrap().contains("Chrome"), "{body}");
    assert!(!body["already"]["since"].as_str().unwrap().is_empty());
    assert_eq!(second.me().await.0, 401, "cancelling leaves no session");
    assert_eq!(first.me().await.0, 200);
    let unit = body["already"]["unit"].as_i64().unwrap().to_string();
    let form = [("login", "anna.nowak"), ("password", DEMO_PASSWORD), ("unit", &unit), ("replace", "1")];
    let (status, body) = second.call("/api/auth/login", &form).await;
    assert_eq!((status, body["next"].clone()), (200, json!("/")));
    assert_eq!(second.me().await.0, 200);
    assert_eq!(first.me().await.0, 401, "continuing ended the older session");
    let replaced = db
        .number("SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.login = 'anna.nowak' AND s.end_reason = 'replaced'")
        .await;
    assert_eq!(replaced, 1);
    // Audytorzy may open several sessions.
    let a = server.client().signed_in("michal.zielinski", DEMO_PASSWORD).await;
    let b = server.client().signed_in("michal.zielinski", DEMO_PASSWORD).await;
    assert_eq!((a.me().await.0, b.me().await.0), (200, 200));
}

async fn own_sessions_are_listed_and_ended_but_not_the_current(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let piotr = server.client().signed_in("piotr.wisniewski", DEMO_PASSWORD).await;
    let others = [
        server.client().signed_in("piotr.wisniewski", DEMO_PASSWORD).await,
        server.client().signed_in("piotr.wisniewski", DEMO_PASSWORD).await,
    ];
    let (status, mine) = piotr.call("/api/sessions/mine", &[]).await;
    assert_eq!(status, 200);
    assert_eq!(mine.as_array().unwrap().len(), 3);
    let current: Vec<i64> = mine
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["current"] == json!(true))
        .map(|s| s["id"].as_i64().unwrap())
        .collect();
    assert_eq!(current.len(), 1);
    let (status, _) = piotr.json("/api/sessions/end-mine", &json!({"ids": current, "others": false})).await;
    assert_eq!(status, 409);
    // Someone else's session is not "mine".
    let anna = server.client().signed_in("anna.nowak", DEMO_PASSWORD).await;
    let annas = anna.me().await.1["session_id"].as_i64().unwrap();
    assert_eq!(piotr.json("/api/sessions/end-mine", &json!({"ids": [annas], "others": false})).await.0, 404);
    let (status, body) = piotr.json("/api/sessions/end-mine", &json!({"ids": [], "others": true})).await;
    assert_eq!((status, body), (200, json!(2)));
    for other in &others {
        assert_eq!(other.me().await.0, 401);
    }
    assert_eq!(piotr.me().await.0, 200);
    assert_eq!(anna.me().await.0, 200);
}

async fn exports_hold_what_the_filter_shows(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let admin = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    for _ in 0..3 {
        server.client().signed_in("piotr.wisniewski", DEMO_PASSWORD).await;
    }
    let get = |api: &Api, query: &str| {
        let request = api.http.get(format!("{}/sessions/export?{query}", api.base));
        async move { request.send().await.unwrap() }
    };
    let csv = get(&admin, "format=csv&state=open&search=piotr&sort=User").await;
    assert_eq!(csv.status(), 200);
    assert!(csv.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
    let text = csv.text().await.unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1 + 3, "{text}");
    assert!(lines[0].contains("Id,User,Computer"), "{}", lines[0]);
    assert!(lines[0].ends_with(",Account"), "the Account column, as on the page: {}", lines[0]);
    assert!(
        lines[1..].iter().all(|l| l.contains("piotr.wisniewski") && l.ends_with(",Nordwind sp. z o.o.")),
        "{text}"
    );
    let xlsx = get(&admin, "format=xlsx&state=all").await;
    assert_eq!(xlsx.status(), 200);
    assert!(xlsx.headers()["content-type"].to_str().unwrap().contains("spreadsheetml"));
    let bytes = xlsx.bytes().await.unwrap();
    assert_eq!(&bytes[..4], b"PK\x03\x04", "a zip container");
    let anna = server.client().signed_in("anna.nowak", DEMO_PASSWORD).await;
    assert_eq!(get(&anna, "format=csv").await.status(), 403);
    assert_eq!(get(&server.client(), "format=csv").await.status(), 401);
    assert_eq!(get(&admin, "format=csv&from=2026-13-01").await.status(), 422);
}

/// A session's recorded activity reaches every list at once (at most one record per 5 s).
async fn activity_is_announced_to_open_lists(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let admin = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    let piotr = server.client().signed_in("piotr.wisniewski", DEMO_PASSWORD).await;
    let session = piotr.me().await.1["session_id"].as_i64().unwrap();
    let stream = admin.events(None).await;
    tokio::time::sleep(std::time::Duration::from_millis(5_100)).await;
    assert_eq!(piotr.me().await.0, 200);
    let active = move |e: &Value| e["kind"]["type"] == "SessionActive" && e["kind"]["session_id"] == session;
    let (found, seen) = read_events(stream, 10, active).await;
    assert!(found, "{seen:?}");
    let page = list(&admin, query("Open", "piotr", "Created", true)).await;
    assert!(page["rows"][0]["last_activity"].as_i64() > page["rows"][0]["created"].as_i64());
}

both!(
    activity_is_announced_to_open_lists,
    the_list_filters_sorts_and_marks_the_own_session,
    ended_sessions_are_refused_at_once_and_told_who_and_why,
    one_session_per_user_unless_permitted,
    own_sessions_are_listed_and_ended_but_not_the_current,
    exports_hold_what_the_filter_shows
);

/// Two instances on one PostgreSQL: a session ended through the first is refused by the second
/// on its next request, and its stream on the second hears the notice.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_session_ended_on_one_instance_is_refused_and_told_on_another() {
    let db = TestDb::new(Backend::Postgres).await;
    let first = Server::start(&db, &["--demo"]).await;
    let second = Server::start(&db, &[]).await;
    let admin = first.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    let piotr = second.client().signed_in("piotr.wisniewski", DEMO_PASSWORD).await;
    let session = piotr.me().await.1["session_id"].as_i64().unwrap();
    let stream = piotr.events(None).await;
    let (status, body) =
        admin.json("/api/sessions/end", &json!({"ids": [session], "note": "Koniec zmiany"})).await;
    assert_eq!((status, body), (200, json!(1)));
    assert_eq!(piotr.me().await.0, 401, "the other instance refuses it at once");
    let mine = move |e: &Value| e["kind"]["type"] == "SessionClosed" && e["kind"]["session_id"] == session;
    let (found, seen) = read_events(stream, 10, mine).await;
    assert!(found, "{seen:?}");
    assert_eq!(seen.last().unwrap()["kind"]["note"], json!("Koniec zmiany"));
}
