//! Sign-in for business applications (issue 17): each path (password, external password, PIN,
//! card, step token), each refusal with one answer for unknown and wrong, PIN lockout, the
//! throttle, one session per user across console and applications, activity, sign-out, and a
//! session ended in the console refused at once and announced on the client's stream.

use crate::both;
use crate::support::{binary, read_events, Server, TestDb, DEMO_PASSWORD};
use klucznik_core::auth::password::Hasher;
use klucznik_core::auth::token::hash_token;
use serde_json::{json, Value};

pub(crate) struct App {
    pub base: String,
    pub secret: String,
    pub http: reqwest::Client,
}

impl App {
    pub async fn post(&self, path: &str, body: Value) -> (u16, Value) {
        let r = self
            .http
            .post(format!("{}{path}", self.base))
            .bearer_auth(&self.secret)
            .json(&body)
            .send()
            .await
            .unwrap();
        let status = r.status().as_u16();
        let text = r.text().await.unwrap();
        (status, serde_json::from_str(&text).unwrap_or(Value::String(text)))
    }

    pub async fn sign_in(&self, credentials: Value) -> (u16, Value) {
        let mut body = json!({"computer": "POS-07", "session_name": "Nordwind POS 3.2"});
        body.as_object_mut().unwrap().extend(credentials.as_object().unwrap().clone());
        self.post("/integration/v1/sessions", body).await
    }
}

pub(crate) fn client(db: &TestDb, application: &str) -> String {
    let out = std::process::Command::new(binary())
        .args([
            "--database-url",
            &db.url,
            "--log",
            "warn",
            "client",
            "create",
            "--name",
            "POS",
            "--application",
            application,
        ])
        .env_remove("DATABASE_URL")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).trim().rsplit(": ").next().unwrap().to_string()
}

async fn applications_sign_their_users_in(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let app =
        App { base: server.base.clone(), secret: client(&db, "nordwind"), http: reqwest::Client::new() };
    let hasher = Hasher::new();
    // Ewa works at the till only: an external user with a PIN; Jan is universal with a
    // separate external password; Krzysztof has a card.
    let external = hasher.hash("Till-Pass-2026").await.unwrap();
    let pin = hasher.hash("2468").await.unwrap();
    db.execute(&format!(
        "UPDATE users SET kind = 'external', external_password_hash = '{external}', pin_hash = '{pin}' WHERE login = 'ewa.szymanska'"
    ))
    .await;
    db.execute(&format!(
        "UPDATE users SET kind = 'universal', shared_password = FALSE, external_password_hash = '{external}' WHERE login = 'jan.kowalski'"
    ))
    .await;
    db.execute(&format!(
        "UPDATE users SET card_hash = '{}' WHERE login = 'ewa.szymanska'",
        hash_token("CARD-0042")
    ))
    .await;

    let (status, s) = app.sign_in(json!({"login": "ewa.szymanska", "password": "Till-Pass-2026"})).await;
    assert_eq!(status, 201, "{s}");
    assert_eq!((s["user"]["login"].as_str(), s["account"]["id"].as_i64()), (Some("ewa.szymanska"), Some(1)));
    assert!(
        s["token"].as_str().unwrap().len() > 20
            && s["rights_version"].is_i64()
            && s["unit"]["name"].is_string(),
        "{s}"
    );
    let session = s["session"].as_i64().unwrap();
    assert_eq!(
        db.number(&format!("SELECT COUNT(*) FROM sessions WHERE id = {session} AND service = 'Nordwind ERP' AND session_name = 'Nordwind POS 3.2' AND computer = 'POS-07'")).await,
        1
    );
    assert_eq!(db.number("SELECT COUNT(*) FROM users WHERE login = 'ewa.szymanska' AND external_password_used_at IS NOT NULL").await, 1);
    assert_eq!(
        db.number("SELECT COUNT(*) FROM audit WHERE action = 'login' AND detail = 'Nordwind ERP'").await,
        1
    );

    // One session per user across the console and applications: a step token continues.
    let (status, other) = app.sign_in(json!({"login": "ewa.szymanska", "pin": "2468"})).await;
    assert_eq!((status, other["error"].as_str()), (409, Some("already_signed_in")), "{other}");
    assert_eq!(other["computer"], "POS-07");
    let (status, again) = app.sign_in(json!({"step": other["step"], "close_other": true})).await;
    assert_eq!(status, 201, "{again}");
    assert_eq!(
        app.sign_in(json!({"step": other["step"], "close_other": true})).await.0,
        401,
        "a step is used once"
    );
    assert_eq!(
        db.number(&format!("SELECT COUNT(*) FROM sessions WHERE id = {session} AND closed_at IS NOT NULL"))
            .await,
        1
    );
    let token = again["token"].as_str().unwrap().to_string();

    // Unknown and wrong get one answer; the console refuses the external user; an internal one
    // is refused here (Nordwind ERP does not accept them) only after a right password.
    let (s1, wrong) = app.sign_in(json!({"login": "jan.kowalski", "password": DEMO_PASSWORD})).await;
    let (s2, unknown) = app.sign_in(json!({"login": "nobody.here", "password": DEMO_PASSWORD})).await;
    assert_eq!((s1, &wrong), (s2, &unknown), "the universal user's console password is not his external one");
    assert_eq!(s1, 401);
    let (status, jan) = app.sign_in(json!({"login": "jan.kowalski", "password": "Till-Pass-2026"})).await;
    assert_eq!(status, 201, "{jan}");
    let (status, anna) = app.sign_in(json!({"login": "anna.nowak", "password": DEMO_PASSWORD})).await;
    assert_eq!((status, anna["reason"].as_str()), (403, Some("internal_user")), "{anna}");
    assert_eq!(app.sign_in(json!({"card": "CARD-9999"})).await.0, 401);
    let (status, card) = app.sign_in(json!({"card": "CARD-0042", "close_other": true, "unit": 999999})).await;
    assert_eq!((status, card["fields"][0]["field"].as_str()), (400, Some("unit")), "{card}");
    let (status, card) = app.sign_in(json!({"card": " CARD-0042 ", "close_other": true})).await;
    assert_eq!(status, 201, "{card}");
    let token = if status == 201 { card["token"].as_str().unwrap().to_string() } else { token };
    db.execute("UPDATE users SET blocked = TRUE WHERE login = 'jan.kowalski'").await;
    let (status, blocked) = app
        .sign_in(json!({"login": "jan.kowalski", "password": "Till-Pass-2026", "close_other": true}))
        .await;
    assert_eq!((status, blocked["reason"].as_str()), (403, Some("blocked")));
    let (status, bad) = app.sign_in(json!({"login": "ewa.szymanska", "pin": "12ab"})).await;
    assert_eq!((status, bad["fields"][0]["field"].as_str()), (400, Some("pin")), "{bad}");
    let (status, bad) = app.post("/integration/v1/sessions", json!({"login": "x", "password": "y"})).await;
    assert_eq!((status, bad["fields"][0]["field"].as_str()), (400, Some("computer")), "{bad}");

    // Activity, and an end in the console seen by the stream and the next call at once.
    let (status, _) = app.post("/integration/v1/sessions/activity", json!({"token": token})).await;
    assert_eq!(status, 200);
    // Another application's client may not act on this application's session.
    let other =
        App { base: server.base.clone(), secret: client(&db, "klucznik"), http: reqwest::Client::new() };
    assert_eq!(other.post("/integration/v1/sessions/end", json!({"token": token})).await.0, 404);
    let stream = app
        .http
        .get(format!("{}/integration/v1/events", app.base))
        .bearer_auth(&app.secret)
        .send()
        .await
        .unwrap();
    let admin = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    let (_, list) = admin
        .json("/api/sessions/list", &json!({"query": {"state": "Open", "search": "ewa", "from": "", "to": "", "sort": "Created", "descending": true, "page": 0}}))
        .await;
    let row = list["rows"][0].clone();
    assert_eq!(
        (row["service"].as_str(), row["session_name"].as_str()),
        (Some("Nordwind ERP"), Some("Nordwind POS 3.2")),
        "{row}"
    );
    let id = row["id"].as_i64().unwrap();
    let (status, _) = admin.json("/api/sessions/end", &json!({"ids": [id], "note": ""})).await;
    assert_eq!(status, 200);
    let (seen, events) =
        read_events(stream, 10, |e| e["type"] == "session_ended" && e["session"] == json!(id)).await;
    assert!(seen, "{events:?}");
    let (status, ended) = app.post("/integration/v1/sessions/activity", json!({"token": token})).await;
    assert_eq!((status, ended["error"].as_str()), (404, Some("session_ended")));
    let (status, decision) = app
        .post("/access/v1/evaluation", json!({"subject": {"type": "session", "id": token}, "action": {"name": "view"}, "resource": {"type": "stock_levels", "id": "1"}}))
        .await;
    assert_eq!((status, decision), (200, json!({"decision": false})));

    // Signing out; and the application session is no console cookie.
    let (_, fresh) = app.sign_in(json!({"login": "ewa.szymanska", "pin": "2468"})).await;
    let fresh = fresh["token"].as_str().unwrap().to_string();
    let console = reqwest::Client::new()
        .post(format!("{}/api/auth/me", app.base))
        .header("cookie", format!("klucznik_session={fresh}"))
        .header("sec-fetch-site", "same-origin")
        .send()
        .await
        .unwrap();
    assert_eq!(console.status(), 401, "an application's session does not open the console");
    assert_eq!(app.post("/integration/v1/sessions/end", json!({"token": fresh})).await.0, 204);
    assert_eq!(app.post("/integration/v1/sessions/activity", json!({"token": fresh})).await.0, 404);

    // An administrator's new external password may end the user's application sessions too.
    let (_, till) = app.sign_in(json!({"login": "ewa.szymanska", "pin": "2468"})).await;
    let till = till["token"].as_str().unwrap().to_string();
    let ewa = db.number("SELECT id FROM users WHERE login = 'ewa.szymanska'").await;
    let body = json!({"user": ewa, "target": "External", "password": "Till-Pass-2027-new", "confirm": "Till-Pass-2027-new",
                      "must_change": false, "end_sessions": true});
    let (status, ended) = admin.json("/api/users/set-password", &body).await;
    assert_eq!((status, ended), (200, json!(1)));
    assert_eq!(app.post("/integration/v1/sessions/activity", json!({"token": till})).await.0, 404);
    let (status, _) = app.sign_in(json!({"login": "ewa.szymanska", "password": "Till-Pass-2027-new"})).await;
    assert_eq!(status, 201, "the new external password signs her in");
}

async fn pins_lock_and_sign_ins_are_throttled(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let app =
        App { base: server.base.clone(), secret: client(&db, "nordwind"), http: reqwest::Client::new() };
    let pin = Hasher::new().hash("2468").await.unwrap();
    db.execute(&format!(
        "UPDATE users SET kind = 'external', pin_hash = '{pin}' WHERE login = 'ewa.szymanska'"
    ))
    .await;
    for _ in 0..3 {
        let (status, body) = app.sign_in(json!({"login": "ewa.szymanska", "pin": "1111"})).await;
        assert_eq!(status, 401, "{body}");
    }
    let (status, body) = app.sign_in(json!({"login": "ewa.szymanska", "pin": "2468"})).await;
    assert_eq!((status, body["error"].as_str()), (403, Some("pin_locked")), "even the right PIN: {body}");
    assert_eq!(db.number("SELECT COUNT(*) FROM audit WHERE action = 'login.pin_locked'").await, 1);
    // Wrong passwords past the free ones hold the login back, with Retry-After.
    let mut last = 0;
    for _ in 0..5 {
        last = app.sign_in(json!({"login": "anna.nowak", "password": "nope-nope"})).await.0;
    }
    assert_eq!(last, 429);
    // Another application's client (the console's catalogue) accepts internal users.
    let console_app =
        App { base: server.base.clone(), secret: client(&db, "klucznik"), http: reqwest::Client::new() };
    let (status, body) =
        console_app.sign_in(json!({"login": "piotr.wisniewski", "password": DEMO_PASSWORD})).await;
    assert_eq!(status, 201, "{body} {:?}", server.output());
    assert_eq!(body["account"]["id"], json!(1));
    // A sub-account's user signs in to their own account; an expired one is told so.
    let (status, body) =
        console_app.sign_in(json!({"login": "jana.novakova", "password": DEMO_PASSWORD})).await;
    assert_eq!((status, body["account"]["name"].as_str()), (201, Some("Oddział Brno")), "{body}");
    db.execute("UPDATE users SET valid_to = 1000 WHERE login = 'marek.mazur'").await;
    let (status, body) =
        console_app.sign_in(json!({"login": "marek.mazur", "password": DEMO_PASSWORD})).await;
    assert_eq!((status, body["reason"].as_str()), (403, Some("expired")), "{body}");
}

/// The console's sign-in checks the password once (issue 17): choosing the unit, or continuing
/// past "already signed in", sends the step token of the first answer instead.
async fn the_console_checks_the_password_once(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let http = reqwest::Client::new();
    let login = |form: Vec<(&'static str, String)>| {
        http.post(format!("{}/api/auth/login", server.base))
            .header("sec-fetch-site", "same-origin")
            .form(&form)
            .send()
    };
    let mut chooser = None;
    for user in ["piotr.wisniewski", "anna.nowak", "jan.kowalski", "michal.zielinski", "magdalena.dabrowska"]
    {
        let first: Value = login(vec![("login", user.into()), ("password", DEMO_PASSWORD.into())])
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        if first["units"].as_array().is_some_and(|u| u.len() > 1) {
            chooser = Some((user, first));
            break;
        }
    }
    let (user, first) = chooser.expect("a demo user with several units");
    let step = first["step"].as_str().expect("a step token").to_string();
    let unit = first["units"][1][0].as_i64().unwrap().to_string();
    // The password is not checked again: a wrong one with the step still signs in.
    let with_step = |password: &str| {
        vec![
            ("login", user.to_string()),
            ("password", password.to_string()),
            ("unit", unit.clone()),
            ("step", step.clone()),
            ("replace", "1".into()),
        ]
    };
    let r = login(with_step("not-the-password")).await.unwrap();
    assert_eq!(r.status(), 200);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["next"], "/", "{body}");
    // Used once: the same step with a wrong password is a wrong password.
    let r = login(with_step("not-the-password")).await.unwrap();
    assert_eq!(r.status(), 409, "a step token is single-use");
}

/// Working on an absent colleague's behalf from the application, by the console's rules: the
/// session's decisions follow the absent user until the mode ends.
async fn substitutions_start_and_end_from_an_application(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let app =
        App { base: server.base.clone(), secret: client(&db, "klucznik"), http: reqwest::Client::new() };
    let (status, s) = app.sign_in(json!({"login": "piotr.wisniewski", "password": DEMO_PASSWORD})).await;
    assert_eq!(status, 201, "{s}");
    let token = s["token"].as_str().unwrap().to_string();
    let may_edit_users = |token: String| {
        let app = &app;
        async move {
            let q = json!({"subject": {"type": "session", "id": token}, "action": {"name": "edit"}, "resource": {"type": "users", "id": "1"}});
            app.post("/access/v1/evaluation", q).await.1["decision"] == json!(true)
        }
    };
    assert!(!may_edit_users(token.clone()).await, "Piotr may not edit users");
    let (status, list) = app.post("/integration/v1/sessions/substitutions", json!({"token": token})).await;
    assert_eq!(status, 200, "{list}");
    let id = list["substitutions"][0]["id"].as_i64().expect("the demo's substitution (Piotr for Anna)");
    let (status, body) =
        app.post("/integration/v1/sessions/substitution", json!({"token": token, "substitution": id})).await;
    assert_eq!((status, body["effective_user"]["login"].as_str()), (200, Some("anna.nowak")), "{body}");
    assert!(may_edit_users(token.clone()).await, "working as Anna (Kadry), with her rights");
    let (status, body) =
        app.post("/integration/v1/sessions/substitution", json!({"token": token, "substitution": id})).await;
    assert_eq!((status, body["error"].as_str()), (409, Some("refused")), "no chains: {body}");
    let (status, body) = app
        .post("/integration/v1/sessions/substitution", json!({"token": token, "substitution": null}))
        .await;
    assert_eq!((status, body["effective_user"]["login"].as_str()), (200, Some("piotr.wisniewski")), "{body}");
    assert!(!may_edit_users(token.clone()).await, "his own rights again");
    assert_eq!(db.number("SELECT COUNT(*) FROM audit WHERE action = 'substitution.start'").await, 1);
    let (status, _) = app
        .post("/integration/v1/sessions/substitution", json!({"token": token, "substitution": 999999}))
        .await;
    assert_eq!(status, 404);
}

both!(
    applications_sign_their_users_in,
    pins_lock_and_sign_ins_are_throttled,
    the_console_checks_the_password_once,
    substitutions_start_and_end_from_an_application
);
