//! Business applications (issue 16): catalogue files previewed, applied and refused whole, from
//! the command line and the console; decisions on an application's own catalogue through the
//! AuthZEN API; rule 6 for its rights in the editors; orphaned grants kept out of effect and
//! purged.

use crate::both;
use crate::roles::role_id;
use crate::support::{binary, Server, TestDb, DEMO_PASSWORD};
use serde_json::{json, Value};

const POS: &str = r#"{
  "format": 1,
  "application": {"key": "pos", "name": {"en": "Till", "pl": "Kasa", "cs": "Pokladna"}},
  "version": "1",
  "areas": [{"key": "shop", "name": "Shop", "modules": [
    {"key": "receipts", "name": "Receipts", "operations": ["view", "create", {"key": "refund", "name": "Refund"}]},
    {"key": "drawer", "name": "Cash drawer", "operations": ["view", "edit"]}
  ]}],
  "permissions": [{"key": "discount", "name": "Give discounts"}]
}"#;

/// Runs the binary on the test database; answers (success, stdout, stderr).
fn cli(db: &TestDb, args: &[&str]) -> (bool, String, String) {
    let out = std::process::Command::new(binary())
        .args(["--database-url", &db.url, "--log", "warn"])
        .args(args)
        .env_remove("DATABASE_URL")
        .output()
        .expect("run klucznik");
    let text = |b: &[u8]| String::from_utf8_lossy(b).to_string();
    (out.status.success(), text(&out.stdout), text(&out.stderr))
}

fn file(text: &str) -> tempfile::NamedTempFile {
    let f = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(f.path(), text).unwrap();
    f
}

async fn evaluate(base: &str, secret: &str, body: Value) -> Value {
    let r = reqwest::Client::new()
        .post(format!("{base}/access/v1/evaluation"))
        .bearer_auth(secret)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    r.json().await.unwrap()
}

fn ask(subject: &str, action: &str, resource: &str, properties: Value) -> Value {
    json!({"subject": {"type": "user", "id": subject}, "action": {"name": action},
           "resource": {"type": resource, "id": "INV-1", "properties": properties}})
}

async fn catalogue_files_are_previewed_applied_and_refused_whole(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let pos = file(POS);
    let path = pos.path().to_str().unwrap();
    let (ok, out, err) = cli(&db, &["catalogue", "apply", path, "--dry-run"]);
    assert!(ok, "{err}");
    assert!(out.contains("a new application") && out.contains("added: module:receipts"), "{out}");
    assert_eq!(
        db.number("SELECT COUNT(*) FROM applications WHERE app_key = 'pos'").await,
        0,
        "a dry run writes nothing"
    );
    let (ok, out, err) = cli(&db, &["catalogue", "apply", path]);
    assert!(ok && out.contains("applied") && out.contains("added: receipts.refund"), "{out}{err}");
    let (ok, out, _) = cli(&db, &["catalogue", "apply", path]);
    assert!(ok && out.contains("nothing changes"), "idempotent: {out}");
    assert_eq!(db.number("SELECT revision FROM applications WHERE app_key = 'pos'").await, 1);
    assert_eq!(
        db.number("SELECT COUNT(*) FROM audit WHERE action = 'application.apply' AND detail = 'pos'").await,
        1
    );

    // A bad file names its line or key, and nothing of it is written.
    let broken = file(&POS.replace("\"view\", \"edit\"", "\"view\", \"edit\",,"));
    let (ok, _, err) = cli(&db, &["catalogue", "apply", broken.path().to_str().unwrap()]);
    assert!(!ok && err.contains("Catalogue file: line 7, column"), "{err}");
    let renamed_twice =
        file(&POS.replace("\"drawer\"", "\"receipts\"").replace("\"version\": \"1\"", "\"version\": \"2\""));
    let (ok, _, err) = cli(&db, &["catalogue", "apply", renamed_twice.path().to_str().unwrap()]);
    assert!(!ok && err.contains("modules[1] (receipts): the key \"receipts\" appears twice"), "{err}");
    assert_eq!(
        db.number("SELECT COUNT(*) FROM applications WHERE app_key = 'pos' AND version = '1'").await,
        1
    );

    // The console: only an administrator previews and applies; a stale preview is refused.
    let admin = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    let v2 = POS
        .replace("{\"key\": \"refund\", \"name\": \"Refund\"}", "{\"key\": \"void\", \"name\": \"Void\"}")
        .replace("\"version\": \"1\"", "\"version\": \"2\"");
    let (status, preview) = admin.call("/api/applications/preview", &[("content", &v2)]).await;
    assert_eq!(status, 200, "{preview}");
    let keys = |list: &Value| {
        list.as_array().unwrap().iter().map(|c| c["key"].as_str().unwrap().to_string()).collect::<Vec<_>>()
    };
    assert_eq!(keys(&preview["added"]), ["receipts.void"]);
    assert_eq!(keys(&preview["removed"]), ["receipts.refund"]);
    let base = preview["base"].as_str().unwrap().to_string();
    let (status, _) = admin.call("/api/applications/preview", &[("content", "{\"format\": 1")]).await;
    assert_eq!(status, 422, "a bad file is a field error");

    // A grant of the right the new version removes: kept, out of effect, until purged.
    let sellers = role_id(&db, "Sprzedawcy").await;
    db.execute(&format!("INSERT INTO grants (account_id, role_id, right_key, allow) VALUES (1, {sellers}, 'pos/receipts.refund', TRUE)")).await;
    let (status, applied) = admin.call("/api/applications/apply", &[("content", &v2), ("base", &base)]).await;
    assert_eq!(status, 200, "{applied}");
    let (status, _) = admin.call("/api/applications/apply", &[("content", POS), ("base", &base)]).await;
    assert_eq!(status, 409, "the catalogue moved since that preview");
    let (_, list) = admin.call("/api/applications/list", &[]).await;
    let row = list.as_array().unwrap().iter().find(|a| a["key"] == "pos").expect("listed").clone();
    assert_eq!((row["version"].as_str(), row["orphaned"].as_i64()), (Some("2"), Some(1)), "{row}");
    let (status, purged) = admin.call("/api/applications/purge", &[("key", "pos")]).await;
    assert_eq!((status, purged), (200, json!(1)));
    assert_eq!(db.number("SELECT COUNT(*) FROM grants WHERE right_key = 'pos/receipts.refund'").await, 0);

    // Configuration / Edit without being an administrator is not enough.
    let auditors = role_id(&db, "Audytorzy").await;
    crate::roles::allow_to_role(&db, auditors, &["configuration.view", "configuration.edit"]).await;
    let auditor = server.client().signed_in("michal.zielinski", DEMO_PASSWORD).await;
    assert_eq!(auditor.call("/api/applications/list", &[]).await.0, 200);
    let (status, body) = auditor.call("/api/applications/preview", &[("content", POS)]).await;
    assert_eq!(status, 409, "{body}");
    assert_eq!(auditor.call("/api/applications/apply", &[("content", POS), ("base", "1")]).await.0, 409);
    assert_eq!(db.number("SELECT revision FROM applications WHERE app_key = 'pos'").await, 2);
}

async fn decisions_follow_an_application_catalogue(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let (ok, _, err) = cli(&db, &["client", "create", "--name", "Till", "--application", "nope"]);
    assert!(!ok && err.contains("--application"), "{err}");
    let (ok, out, err) =
        cli(&db, &["client", "create", "--name", "Nordwind ERP", "--application", "nordwind"]);
    assert!(ok, "{err}");
    let secret = out.trim().rsplit(": ").next().unwrap().to_string();
    let base = server.base.clone();
    let decide = |subject: &'static str, action: &'static str, resource: &'static str, props: Value| {
        let (base, secret) = (base.clone(), secret.clone());
        async move {
            evaluate(&base, &secret, ask(subject, action, resource, props)).await["decision"] == json!(true)
        }
    };
    assert!(decide("jan.kowalski", "view", "sales_invoices", json!({})).await);
    assert!(!decide("jan.kowalski", "post", "sales_invoices", json!({})).await, "not granted");
    assert!(
        !decide("jan.kowalski", "view", "users", json!({})).await,
        "the console's modules are not this catalogue's"
    );
    assert!(!decide("ewa.szymanska", "view", "sales_invoices", json!({})).await);
    assert!(
        decide("magdalena.dabrowska", "close_period", "attendance_sheet", json!({})).await,
        "an administrator"
    );
    assert!(decide("michal.zielinski", "export_to_accounting", "customers", json!({})).await, "a permission");

    // Person data rights on records of a module marked "persons" (seed 002).
    let wojcik = db.number("SELECT id FROM persons WHERE last_name = 'Wójcik'").await.to_string();
    let szymanska = db.number("SELECT id FROM persons WHERE last_name = 'Szymańska'").await.to_string();
    assert!(
        decide("jan.kowalski", "edit", "personal_timesheet", json!({"owner": "jan.kowalski"})).await,
        "own"
    );
    assert!(
        decide("jan.kowalski", "view", "personal_timesheet", json!({"person": wojcik})).await,
        "in Sales"
    );
    assert!(
        !decide("jan.kowalski", "edit", "personal_timesheet", json!({"person": wojcik})).await,
        "view only"
    );
    assert!(!decide("jan.kowalski", "view", "personal_timesheet", json!({"person": szymanska})).await);

    // Explanations name the role, and a rights edit is seen by the next evaluation.
    let explained = evaluate(&base, &secret, {
        let mut q = ask("jan.kowalski", "view", "sales_invoices", json!({}));
        q["context"] = json!({"explain": true, "lang": "pl"});
        q
    })
    .await;
    let why = &explained["context"]["explanation"];
    assert_eq!(
        (why["source"].as_str(), why["role"].as_str()),
        (Some("role"), Some("Sprzedawcy")),
        "{explained}"
    );
    assert_eq!(why["right"], "sales_invoices.view");
    let admin = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    let sellers = role_id(&db, "Sprzedawcy").await;
    let (status, editor) = admin.json("/api/rights/editor", &json!({"holder": {"Role": sellers}})).await;
    assert_eq!(status, 200, "{editor}");
    assert_eq!(editor["apps"][0]["catalogue"]["key"], "nordwind");
    let mut grants: Vec<Value> = editor["grants"].as_array().unwrap().clone();
    grants.retain(|g| g["key"] != "nordwind/sales_invoices.view");
    grants.push(json!({"key": "nordwind/sales_invoices.view", "target": null, "allow": false}));
    let (status, body) = admin
        .json(
            "/api/rights/save",
            &json!({"holder": {"Role": sellers}, "grants": grants, "version": editor["version"]}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert!(!decide("jan.kowalski", "view", "sales_invoices", json!({})).await, "denied at once");
    let mut q = ask("jan.kowalski", "edit", "sales_invoices", json!({}));
    q["context"] = json!({"explain": true});
    let why = evaluate(&base, &secret, q).await["context"]["explanation"].clone();
    assert_eq!(
        (why["source"].as_str(), why["needs"].as_str()),
        (Some("needs"), Some("sales_invoices.view")),
        "{why}"
    );

    // The action search offers this catalogue's operations and permissions.
    let r = reqwest::Client::new()
        .post(format!("{base}/access/v1/search/action"))
        .bearer_auth(&secret)
        .json(&json!({"subject": {"type": "user", "id": "michal.zielinski"}, "resource": {"type": "customers", "id": "C-1"}}))
        .send()
        .await
        .unwrap();
    let found: Value = r.json().await.unwrap();
    assert_eq!(found["results"], json!([{"name": "view"}, {"name": "export_to_accounting"}]), "{found}");
}

async fn rule_6_holds_for_application_rights(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    // Anna (Kadry) edits users' rights, and holds the attendance rights but not the sales ones.
    let anna = server.client().signed_in("anna.nowak", DEMO_PASSWORD).await;
    let jan = db.number("SELECT id FROM users WHERE login = 'jan.kowalski'").await;
    let (status, editor) = anna.json("/api/rights/editor", &json!({"holder": {"User": jan}})).await;
    assert_eq!(status, 200, "{editor}");
    let held: Vec<String> = serde_json::from_value(editor["apps"][0]["held"].clone()).unwrap();
    assert!(held.contains(&"attendance_sheet.approve".to_string()), "{held:?}");
    assert!(!held.contains(&"sales_invoices.post".to_string()), "{held:?}");
    let dbr = &db;
    let save = |extra: Value| {
        let anna = &anna;
        let mut grants = editor["grants"].as_array().unwrap().clone();
        grants.push(extra);
        async move {
            let version = dbr.number(&format!("SELECT version FROM users WHERE id = {jan}")).await;
            anna.json(
                "/api/rights/save",
                &json!({"holder": {"User": jan}, "grants": grants, "version": version}),
            )
            .await
        }
    };
    let (status, body) =
        save(json!({"key": "nordwind/sales_invoices.post", "target": null, "allow": true})).await;
    assert_eq!(status, 409, "a right she does not hold: {body}");
    let (status, _) = save(json!({"key": "nordwind/no_such.view", "target": null, "allow": true})).await;
    assert_eq!(status, 400, "not in the catalogue");
    let (status, _) = save(json!({"key": "other/x.view", "target": null, "allow": true})).await;
    assert_eq!(status, 400, "no such application");
    assert_eq!(
        db.number("SELECT COUNT(*) FROM grants WHERE user_id IS NOT NULL AND right_key LIKE '%/%'").await,
        0
    );
    let (status, body) =
        save(json!({"key": "nordwind/attendance_sheet.approve", "target": null, "allow": true})).await;
    assert_eq!(status, 200, "a right she holds: {body}");
    // Copying a role with sales rights needs them too.
    let copy_rights = ["roles.view", "roles.create"];
    let hr = role_id(&db, "Kadry").await;
    crate::roles::allow_to_role(&db, hr, &copy_rights).await;
    // A change made in storage behind the server's back: tell it as the console would.
    db.execute("UPDATE accounts SET rights_version = rights_version + 1").await;
    let store = role_id(&db, "Magazynierzy").await.to_string();
    let (status, body) = anna.call("/api/roles/copy", &[("id", &store)]).await;
    assert_eq!(status, 409, "the warehouse rights of Nordwind are not hers: {body}");
    db.execute(&format!("DELETE FROM grants WHERE role_id = {store} AND right_key LIKE 'nordwind/%'")).await;
    let (status, body) = anna.call("/api/roles/copy", &[("id", &store)]).await;
    assert_eq!(status, 200, "the rest she holds: {body}");
}

both!(
    catalogue_files_are_previewed_applied_and_refused_whole,
    decisions_follow_an_application_catalogue,
    rule_6_holds_for_application_rights
);
