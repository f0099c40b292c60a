//! The decision API (AuthZEN Authorization API 1.0) through the real binary: client
//! authentication, every endpoint's shapes and errors, decisions that follow a rights change
//! at once, sessions as subjects, searches with pages.

use crate::both;
use crate::roles::role_id;
use crate::support::{binary, read_events, Server, TestDb, DEMO_PASSWORD};
use crate::users::{edited, id_of};
use serde_json::{json, Value};

/// Makes a client with the command line; answers its secret.
fn new_client(db: &TestDb, args: &[&str]) -> Result<String, String> {
    let out = std::process::Command::new(binary())
        .args(["--database-url", &db.url, "--log", "warn", "client", "create"])
        .args(args)
        .env_remove("DATABASE_URL")
        .output()
        .expect("run klucznik client create");
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).to_string());
    }
    Ok(stdout.trim().rsplit(": ").next().unwrap().to_string())
}

struct Pdp {
    base: String,
    secret: String,
    http: reqwest::Client,
}

impl Pdp {
    async fn post(&self, path: &str, body: &Value) -> (u16, Value) {
        let r = self
            .http
            .post(format!("{}{path}", self.base))
            .bearer_auth(&self.secret)
            .json(body)
            .send()
            .await
            .unwrap();
        let status = r.status().as_u16();
        let text = r.text().await.unwrap();
        (status, serde_json::from_str(&text).unwrap_or(Value::String(text)))
    }

    async fn decide(&self, subject: &str, action: &str, resource: &str) -> bool {
        let (status, body) = self
            .post(
                "/access/v1/evaluation",
                &json!({"subject": {"type": "user", "id": subject}, "action": {"name": action},
                        "resource": {"type": resource, "id": "1"}}),
            )
            .await;
        assert_eq!(status, 200, "{body}");
        body["decision"].as_bool().expect("a boolean decision")
    }
}

async fn pdp(db: &TestDb) -> (Server, Pdp) {
    let server = Server::start(db, &["--demo"]).await;
    let secret = new_client(db, &["--name", "Nordwind ERP"]).expect("a client");
    let pdp = Pdp { base: server.base.clone(), secret, http: reqwest::Client::new() };
    (server, pdp)
}

async fn clients_are_authenticated_and_bad_requests_named(db: TestDb) {
    let (server, pdp) = pdp(&db).await;
    let question = json!({"subject": {"type": "user", "id": "anna.nowak"}, "action": {"name": "view"},
                          "resource": {"type": "users", "id": "1"}});
    // The scheme in any case, or the bare secret (as the AuthZEN interop harnesses send it).
    for value in [format!("BEARER {}", pdp.secret), pdp.secret.clone()] {
        let r = pdp
            .http
            .post(format!("{}/access/v1/evaluation", server.base))
            .header("authorization", value)
            .json(&question);
        assert_eq!(r.send().await.unwrap().status(), 200);
    }
    let r = pdp
        .http
        .post(format!("{}/access/v1/evaluation", server.base))
        .header("x-request-id", "r-401")
        .json(&question);
    let r = r.send().await.unwrap();
    assert_eq!((r.status().as_u16(), r.headers()["x-request-id"].to_str().unwrap()), (401, "r-401"));
    let r = pdp
        .http
        .get(format!("{}/access/v1/evaluation", server.base))
        .header("x-request-id", "r-405")
        .send()
        .await
        .unwrap();
    assert_eq!((r.status().as_u16(), r.headers()["x-request-id"].to_str().unwrap()), (405, "r-405"));
    for bearer in [None, Some("wrong"), Some("")] {
        let mut request = pdp.http.post(format!("{}/access/v1/evaluation", server.base)).json(&question);
        if let Some(b) = bearer {
            request = request.bearer_auth(b);
        }
        let r = request.send().await.unwrap();
        assert_eq!(r.status(), 401, "bearer {bearer:?}");
        assert!(r.headers().get("www-authenticate").is_some());
        assert!(!r.text().await.unwrap().contains("anna"), "nothing about users leaks");
    }
    assert!(new_client(&db, &["--name", " "]).unwrap_err().contains("--name"));
    assert!(new_client(&db, &["--name", "x", "--account", "999"]).unwrap_err().contains("--account"));

    let r = pdp
        .http
        .post(format!("{}/access/v1/evaluation", server.base))
        .bearer_auth(&pdp.secret)
        .header("x-request-id", "req-42")
        .json(&question)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["x-request-id"], "req-42");
    assert_eq!(r.json::<Value>().await.unwrap(), json!({"decision": true}));

    let bad = [
        json!({"action": {"name": "view"}, "resource": {"type": "users", "id": "1"}}),
        json!({"subject": "anna.nowak", "action": {"name": "view"}, "resource": {"type": "users", "id": "1"}}),
        json!({"subject": {"type": "user"}, "action": {"name": "view"}, "resource": {"type": "users", "id": "1"}}),
        json!({"subject": {"type": "user", "id": "anna.nowak"}, "action": {"name": 123}, "resource": {"type": "users", "id": "1"}}),
        json!({"subject": {"type": "user", "id": "anna.nowak"}, "action": {}, "resource": {"type": "users", "id": "1"}}),
        json!({"subject": {"type": "user", "id": "anna.nowak"}, "action": {"name": "view"}, "resource": {"id": "1"}}),
    ];
    for body in bad {
        let (status, answer) = pdp.post("/access/v1/evaluation", &body).await;
        assert_eq!(status, 400, "{body} → {answer}");
        assert!(answer.is_string(), "an error message string: {answer}");
    }
    for (content_type, body) in
        [("text/plain", question.to_string()), ("application/json", "{not json".into())]
    {
        let r = pdp
            .http
            .post(format!("{}/access/v1/evaluation", server.base))
            .bearer_auth(&pdp.secret)
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 400, "{content_type}");
    }
    // Unknown members are ignored; unknown names are a denial, never an error.
    let mut extra = question.clone();
    extra["futureField"] = json!({"nested": true});
    assert_eq!(pdp.post("/access/v1/evaluation", &extra).await, (200, json!({"decision": true})));
    assert!(!pdp.decide("nobody.here", "view", "users").await);
    assert!(pdp.decide("Anna.Nowak@nordwind.example", "view", "users").await, "by e-mail address");
    assert!(!pdp.decide("anna.nowak", "fly", "users").await);
    assert!(!pdp.decide("anna.nowak", "view", "spaceships").await);

    // Sub-accounts' users are the main account's to ask about; another main account's are not.
    assert!(pdp.decide("jana.novakova", "view", "users").await, "a sub-account's administrator");
    db.execute(
        "INSERT INTO accounts (parent_id, name, name_key, created_at) VALUES (NULL, 'Other', 'other', 0)",
    )
    .await;
    let other = db.number("SELECT id FROM accounts WHERE name_key = 'other'").await;
    let foreign = Pdp {
        base: pdp.base.clone(),
        secret: new_client(&db, &["--name", "Other ERP", "--account", &other.to_string()]).unwrap(),
        http: reqwest::Client::new(),
    };
    assert!(!foreign.decide("anna.nowak", "view", "users").await, "not this client's account");
    assert!(!foreign.decide("jana.novakova", "view", "users").await);
    let sub = db.number("SELECT account_id FROM users WHERE login = 'jana.novakova'").await;
    assert!(
        new_client(&db, &["--name", "x", "--account", &sub.to_string()]).is_err(),
        "clients belong to main accounts"
    );

    // A new secret and a revocation from the console take effect at once, and are audited.
    let admin = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    let (status, list) = admin.call("/api/clients/list", &[]).await;
    assert_eq!(status, 200, "{list}");
    let mine =
        list.as_array().unwrap().iter().find(|c| c["name"] == "Nordwind ERP").expect("the client").clone();
    assert!(mine["last_used_text"].is_string(), "used: {mine}");
    let id = mine["id"].to_string();
    let (status, rotated) = admin.call("/api/clients/rotate", &[("id", &id)]).await;
    assert_eq!(status, 200, "{rotated}");
    let fresh = Pdp {
        base: pdp.base.clone(),
        secret: rotated["secret"].as_str().unwrap().to_string(),
        http: reqwest::Client::new(),
    };
    assert_eq!(pdp.post("/access/v1/evaluation", &question).await.0, 401, "the old secret");
    assert!(fresh.decide("anna.nowak", "view", "users").await);
    let (status, _) = admin.call("/api/clients/revoke", &[("id", &id)]).await;
    assert_eq!(status, 200);
    assert_eq!(fresh.post("/access/v1/evaluation", &question).await.0, 401, "revoked");
    assert_eq!(admin.call("/api/clients/revoke", &[("id", &id)]).await.0, 404, "once");
    let audited =
        db.number("SELECT COUNT(*) FROM audit WHERE action IN ('client.rotate', 'client.revoke')").await;
    assert_eq!(audited, 2);
    let (status, body) = admin.call("/api/clients/create", &[("name", "")]).await;
    assert_eq!(status, 422, "{body}");
    // Rule 6: a client may ask about everyone, so holding Configuration / Edit is not enough.
    let editor =
        crate::matrix::user_holding(&server, &db, &admin, &["configuration.view", "configuration.edit"])
            .await;
    let (status, body) = editor.call("/api/clients/create", &[("name", "Side door")]).await;
    assert_eq!(
        (status, body["Refused"]["key"].clone()),
        (409, json!({"Client": "AdministratorsOnly"})),
        "{body}"
    );
    let (status, _) = editor.call("/api/clients/list", &[]).await;
    assert_eq!(status, 200, "they may still see the clients");

    let r = pdp.http.get(format!("{}/.well-known/authzen-configuration", server.base)).send().await.unwrap();
    assert_eq!(r.status(), 200);
    let meta: Value = r.json().await.unwrap();
    assert_eq!(meta["policy_decision_point"], json!(server.base));
    assert_eq!(meta["access_evaluation_endpoint"], json!(format!("{}/access/v1/evaluation", server.base)));
    assert_eq!(meta["search_action_endpoint"], json!(format!("{}/access/v1/search/action", server.base)));
}

async fn decisions_follow_rights_blocking_and_sessions_at_once(db: TestDb) {
    let (server, pdp) = pdp(&db).await;
    assert!(pdp.decide("anna.nowak", "edit", "users").await, "HR edits users");
    let (_, explained) = pdp
        .post(
            "/access/v1/evaluation",
            &json!({"subject": {"type": "user", "id": "anna.nowak"}, "action": {"name": "edit"},
                    "resource": {"type": "users", "id": "1"}, "context": {"explain": true, "lang": "pl"}}),
        )
        .await;
    let why = &explained["context"]["explanation"];
    assert_eq!(why["source"], json!("role"), "{explained}");
    assert_eq!(why["role"], json!("Kadry"));
    assert!(why["text"].as_str().unwrap().contains("Kadry"), "{why}");

    // The administrator denies it to the role in the console: the very next decision says no,
    // and the client's event stream says so.
    let stream = pdp
        .http
        .get(format!("{}/integration/v1/events", server.base))
        .bearer_auth(&pdp.secret)
        .send()
        .await
        .unwrap();
    assert_eq!(stream.status(), 200);
    let refused = pdp
        .http
        .get(format!("{}/integration/v1/events", server.base))
        .bearer_auth("nope")
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 401);
    let admin = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    let hr = role_id(&db, "Kadry").await;
    let (status, editor) = admin.json("/api/rights/editor", &json!({"holder": {"Role": hr}})).await;
    assert_eq!(status, 200, "{editor}");
    let mut grants: Vec<Value> = editor["grants"].as_array().unwrap().clone();
    grants.retain(|g| !(g["key"] == "users.edit" && g["target"].is_null()));
    grants.push(json!({"key": "users.edit", "target": null, "allow": false}));
    let version = editor["version"].clone();
    let (status, body) = admin
        .json("/api/rights/save", &json!({"holder": {"Role": hr}, "grants": grants, "version": version}))
        .await;
    assert_eq!(status, 200, "{body}");
    assert!(!pdp.decide("anna.nowak", "edit", "users").await, "seen by the next evaluation");
    let (seen, events) = read_events(stream, 10, |e| e["type"] == "rights_changed").await;
    assert!(seen, "{events:?}");
    assert_eq!(events[0]["type"], "ready");

    // A session is a subject too, until it ends.
    let http = reqwest::Client::new();
    let login = |unit: Option<i64>| {
        let mut form = vec![("login", "anna.nowak".to_string()), ("password", DEMO_PASSWORD.to_string())];
        if let Some(u) = unit {
            form.push(("unit", u.to_string()));
        }
        http.post(format!("{}/api/auth/login", server.base))
            .header("sec-fetch-site", "same-origin")
            .form(&form)
            .send()
    };
    let mut r = login(None).await.unwrap();
    let token_of = |r: &reqwest::Response| {
        r.headers().get_all("set-cookie").iter().filter_map(|v| v.to_str().ok()).find_map(|c| {
            c.strip_prefix("klucznik_session=").map(|v| v.split(';').next().unwrap().to_string())
        })
    };
    let mut token = token_of(&r);
    if token.is_none() {
        let body: Value = r.json().await.unwrap();
        r = login(body["default_unit"].as_i64()).await.unwrap();
        token = token_of(&r);
    }
    let token = token.expect("a session token");
    let session = |action: &str| {
        json!({"subject": {"type": "session", "id": token}, "action": {"name": action},
               "resource": {"type": "users", "id": "1"}})
    };
    assert_eq!(pdp.post("/access/v1/evaluation", &session("view")).await.1, json!({"decision": true}));
    assert_eq!(pdp.post("/access/v1/evaluation", &session("edit")).await.1, json!({"decision": false}));
    let stream = pdp
        .http
        .get(format!("{}/integration/v1/events", server.base))
        .bearer_auth(&pdp.secret)
        .send()
        .await
        .unwrap();
    http.post(format!("{}/api/auth/logout", server.base))
        .header("sec-fetch-site", "same-origin")
        .header("cookie", format!("klucznik_session={token}"))
        .send()
        .await
        .unwrap();
    assert_eq!(pdp.post("/access/v1/evaluation", &session("view")).await.1, json!({"decision": false}));
    let (seen, events) = read_events(stream, 10, |e| e["type"] == "session_ended").await;
    assert!(seen, "{events:?}");

    // A blocked user is refused by the next evaluation, whatever their roles say.
    assert!(pdp.decide("anna.nowak", "view", "users").await);
    let anna = id_of(&db, "anna.nowak").await;
    let card = edited(&admin, anna, |u| u["blocked"] = json!(true)).await;
    let (status, body) = admin.json("/api/users/save", &card).await;
    assert_eq!(status, 200, "{body}");
    assert!(!pdp.decide("anna.nowak", "view", "users").await, "blocked");
}

async fn batches_merge_defaults_and_stop_as_asked(db: TestDb) {
    let (_server, pdp) = pdp(&db).await;
    let batch = |semantic: Option<&str>| {
        let mut body = json!({
            "subject": {"type": "user", "id": "anna.nowak"},
            "resource": {"type": "users", "id": "1"},
            "evaluations": [
                {"action": {"name": "view"}},
                {"action": {"name": "fly"}},
                {"action": {"name": "edit"}},
                {"subject": {"type": "user", "id": "nobody"}, "action": {"name": "view"}}
            ]
        });
        if let Some(s) = semantic {
            body["options"] = json!({"evaluations_semantic": s, "another_option": 1});
        }
        body
    };
    let all = json!({"evaluations": [{"decision": true}, {"decision": false}, {"decision": true}, {"decision": false}]});
    assert_eq!(pdp.post("/access/v1/evaluations", &batch(None)).await, (200, all.clone()));
    assert_eq!(pdp.post("/access/v1/evaluations", &batch(Some("execute_all"))).await, (200, all));
    assert_eq!(
        pdp.post("/access/v1/evaluations", &batch(Some("deny_on_first_deny"))).await,
        (200, json!({"evaluations": [{"decision": true}, {"decision": false}]}))
    );
    assert_eq!(
        pdp.post("/access/v1/evaluations", &batch(Some("permit_on_first_permit"))).await,
        (200, json!({"evaluations": [{"decision": true}]}))
    );
    assert_eq!(pdp.post("/access/v1/evaluations", &batch(Some("sometimes"))).await.0, 400);
    // Defaults that are there must be valid; a null member of an item takes the default.
    let mut bad_default = batch(None);
    bad_default["action"] = json!({"name": 123});
    assert_eq!(pdp.post("/access/v1/evaluations", &bad_default).await.0, 400);
    let mut null_item = batch(None);
    null_item["evaluations"] = json!([{"action": {"name": "view"}, "subject": null}]);
    assert_eq!(
        pdp.post("/access/v1/evaluations", &null_item).await,
        (200, json!({"evaluations": [{"decision": true}]}))
    );
    // No items: the single evaluation's answer.
    let single = json!({"subject": {"type": "user", "id": "anna.nowak"}, "action": {"name": "view"},
                        "resource": {"type": "users", "id": "1"}, "evaluations": []});
    assert_eq!(pdp.post("/access/v1/evaluations", &single).await, (200, json!({"decision": true})));
    // An item the defaults do not complete is denied alone; the others keep their places.
    let (status, body) = pdp
        .post(
            "/access/v1/evaluations",
            &json!({"subject": {"type": "user", "id": "anna.nowak"}, "action": {"name": "view"},
                    "evaluations": [{"resource": {"type": "users", "id": "1"}}, {}]}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["evaluations"][0], json!({"decision": true}));
    assert_eq!(body["evaluations"][1]["decision"], json!(false));
    assert_eq!(body["evaluations"].as_array().unwrap().len(), 2);
}

async fn searches_answer_what_evaluations_permit_page_by_page(db: TestDb) {
    let (_server, pdp) = pdp(&db).await;
    let subjects = |page: Value| {
        json!({"subject": {"type": "user", "id": "ignored"}, "action": {"name": "edit"},
               "resource": {"type": "users", "id": "1"}, "page": page})
    };
    let (status, all) = pdp.post("/access/v1/search/subject", &subjects(json!({}))).await;
    assert_eq!(status, 200, "{all}");
    let ids: Vec<&str> =
        all["results"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert!(ids.contains(&"anna.nowak") && ids.contains(&"magdalena.dabrowska"), "{ids:?}");
    assert_eq!(all["page"]["next_token"], json!(""));
    for id in &ids {
        assert!(pdp.decide(id, "edit", "users").await, "{id} is permitted");
    }
    // One by one, following the tokens, gives the same set.
    let mut paged = Vec::new();
    let mut token = String::new();
    loop {
        let (status, page) =
            pdp.post("/access/v1/search/subject", &subjects(json!({"limit": 1, "token": token}))).await;
        assert_eq!(status, 200, "{page}");
        paged.extend(
            page["results"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap().to_string()),
        );
        token = page["page"]["next_token"].as_str().unwrap().to_string();
        if token.is_empty() {
            break;
        }
        assert!(paged.len() <= ids.len(), "the pages end");
    }
    assert_eq!(paged, ids);
    // A token belongs to its request; limit 0 means no limit.
    let (_, first) = pdp.post("/access/v1/search/subject", &subjects(json!({"limit": 1}))).await;
    let token = first["page"]["next_token"].as_str().unwrap().to_string();
    let mut other = subjects(json!({"limit": 1, "token": token}));
    other["action"] = json!({"name": "view"});
    assert_eq!(pdp.post("/access/v1/search/subject", &other).await.0, 400, "another request's token");
    let (_, unlimited) = pdp.post("/access/v1/search/subject", &subjects(json!({"limit": 0}))).await;
    assert_eq!(unlimited["results"].as_array().unwrap().len(), ids.len());
    assert_eq!(unlimited["page"]["next_token"], json!(""));

    let (_, actions) = pdp
        .post("/access/v1/search/action", &json!({"subject": {"type": "user", "id": "anna.nowak"}, "resource": {"type": "users", "id": "1"}}))
        .await;
    let names: Vec<&str> =
        actions["results"].as_array().unwrap().iter().map(|r| r["name"].as_str().unwrap()).collect();
    assert!(names.contains(&"view") && names.contains(&"edit"), "{names:?}");
    for name in &names {
        assert!(pdp.decide("anna.nowak", name, "users").await, "{name}");
    }
    let (_, persons) = pdp
        .post("/access/v1/search/resource", &json!({"subject": {"type": "user", "id": "magdalena.dabrowska"}, "action": {"name": "view"}, "resource": {"type": "persons"}}))
        .await;
    assert!(!persons["results"].as_array().unwrap().is_empty(), "{persons}");
    assert!(persons["results"][0]["id"].is_string());
    for (path, body) in [
        (
            "/access/v1/search/resource",
            json!({"subject": {"type": "user", "id": "anna.nowak"}, "action": {"name": "view"}, "resource": {"type": "spaceship"}}),
        ),
        (
            "/access/v1/search/subject",
            json!({"subject": {"type": "robot"}, "action": {"name": "view"}, "resource": {"type": "users", "id": "1"}}),
        ),
        (
            "/access/v1/search/action",
            json!({"subject": {"type": "user", "id": "nobody"}, "resource": {"type": "users", "id": "1"}}),
        ),
    ] {
        assert_eq!(pdp.post(path, &body).await, (200, json!({"results": []})), "{path}");
    }
    for (path, body) in [
        (
            "/access/v1/search/subject",
            json!({"subject": {"type": "user"}, "resource": {"type": "users", "id": "1"}}),
        ),
        (
            "/access/v1/search/subject",
            json!({"subject": {"type": "user"}, "action": {"name": "view"}, "resource": {"type": "users"}}),
        ),
        ("/access/v1/search/resource", json!({"action": {"name": "view"}, "resource": {"type": "persons"}})),
        ("/access/v1/search/action", json!({"subject": {"type": "user", "id": "anna.nowak"}})),
    ] {
        assert_eq!(pdp.post(path, &body).await.0, 400, "{path} {body}");
    }
}

/// The metadata names the address callers use: `--public-url`, else https behind a proxy.
async fn metadata_names_the_public_address(db: TestDb) {
    let server = Server::start(&db, &["--public-url", "https://pdp.example.com/"]).await;
    let meta: Value = reqwest::get(format!("{}/.well-known/authzen-configuration", server.base))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(meta["policy_decision_point"], json!("https://pdp.example.com"));
    assert_eq!(meta["access_evaluations_endpoint"], json!("https://pdp.example.com/access/v1/evaluations"));
    drop(server);
    let server = Server::start(&db, &["--behind-proxy"]).await;
    let meta: Value = reqwest::Client::new()
        .get(format!("{}/.well-known/authzen-configuration", server.base))
        .header("x-forwarded-host", "klucznik.example.org")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(meta["policy_decision_point"], json!("https://klucznik.example.org"));
}

both!(
    metadata_names_the_public_address,
    clients_are_authenticated_and_bad_requests_named,
    decisions_follow_rights_blocking_and_sessions_at_once,
    batches_merge_defaults_and_stop_as_asked,
    searches_answer_what_evaluations_permit_page_by_page
);
