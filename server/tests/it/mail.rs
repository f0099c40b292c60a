//! Notification e-mails through the outbox to a real SMTP listener on loopback: what goes to
//! whom (copies for substitutes, never a password reset), and retries while the server is down.

use crate::both;
use crate::support::smtp::SmtpServer;
use crate::support::{Api, Server, TestDb, DEMO_PASSWORD};
use serde_json::json;

async fn reset_password(admin: &Api, db: &TestDb, login: &str) {
    let user = db.number(&format!("SELECT id FROM users WHERE login = '{login}'")).await;
    let body = json!({"user": user, "target": "Console", "password": "Nowe-Haslo-2026-xyz", "confirm": "Nowe-Haslo-2026-xyz",
                      "must_change": true, "end_sessions": false});
    let (status, answer) = admin.json("/api/users/set-password", &body).await;
    assert_eq!(status, 200, "{answer}");
}

async fn notices_are_mailed_and_forwarded_but_never_a_password_reset(db: TestDb) {
    let smtp = SmtpServer::start().await;
    let port = smtp.port.to_string();
    let server = Server::start(
        &db,
        &[
            "--demo",
            "--smtp-host",
            "127.0.0.1",
            "--smtp-port",
            &port,
            "--smtp-from",
            "Klucznik <klucznik@nordwind.example>",
        ],
    )
    .await;
    let admin = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    // Piotr substitutes Anna (the demo) with e-mail copies on.
    let anna = server.client().signed_in("anna.nowak", DEMO_PASSWORD).await;
    let session = anna.me().await.1["session_id"].as_i64().unwrap();
    reset_password(&admin, &db, "anna.nowak").await;
    let (status, body) =
        admin.json("/api/sessions/end", &json!({"ids": [session], "note": "Przegląd uprawnień"})).await;
    assert_eq!(status, 200, "{body}");

    let got = smtp.wait_for(3, 15).await;
    assert_eq!(got.len(), 3, "{got:#?}");
    let to = |who: &str| {
        got.iter().filter(|m| m.to == [format!("<{who}@nordwind.example>")]).cloned().collect::<Vec<_>>()
    };
    let (for_anna, for_piotr) = (to("anna.nowak"), to("piotr.wisniewski"));
    assert_eq!((for_anna.len(), for_piotr.len()), (2, 1), "{got:#?}");
    assert!(got.iter().all(|m| m.from == "<klucznik@nordwind.example>"));
    assert!(for_anna.iter().any(|m| m.body().contains("set a new password")), "{for_anna:#?}");
    let ended = for_anna
        .iter()
        .find(|m| m.body().contains("ended one of your sessions"))
        .expect("the session notice");
    assert!(
        ended.body().contains("Magdalena Dąbrowska") && ended.body().contains("Przegląd uprawnień"),
        "UTF-8 intact: {}",
        ended.body()
    );
    let copy = &for_piotr[0];
    assert!(copy.body().contains("A copy for you as the substitute of Anna Nowak"), "{}", copy.body());
    assert!(copy.header("subject").is_some_and(|s| !s.is_empty()));
    assert!(got.iter().all(|m| m.header("message-id").is_some_and(|id| id.contains('@'))), "{got:#?}");
    assert!(!copy.body().contains("password"), "password resets are never forwarded");
    assert_eq!(db.number("SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL").await, 0);

    // Without "forward e-mail" Piotr still gets the in-app copy, but no mail.
    db.execute("UPDATE substitutions SET forward_email = FALSE").await;
    let anna = server.client().signed_in("anna.nowak", "Nowe-Haslo-2026-xyz").await;
    let session = anna.me().await.1["session_id"].as_i64().unwrap();
    let (status, _) = admin.json("/api/sessions/end", &json!({"ids": [session], "note": ""})).await;
    assert_eq!(status, 200);
    assert_eq!(smtp.wait_for(4, 10).await.len(), 4);
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    assert_eq!(smtp.received().len(), 4, "no copy for Piotr");
    let copies = "SELECT COUNT(*) FROM notifications n JOIN users u ON u.id = n.user_id
                  WHERE u.login = 'piotr.wisniewski' AND n.for_user_id IS NOT NULL AND n.notice LIKE '%SessionEnded%'";
    assert_eq!(db.number(copies).await, 2);
}

async fn mail_waits_while_the_server_is_down_and_goes_out_once(db: TestDb) {
    // A port with nothing listening, until the test starts the mail server on it.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let server = Server::start(
        &db,
        &["--demo", "--smtp-host", "127.0.0.1", "--smtp-port", &port.to_string(), "--smtp-retry-ms", "300"],
    )
    .await;
    let admin = server.client().signed_in("magdalena.dabrowska", DEMO_PASSWORD).await;
    reset_password(&admin, &db, "jan.kowalski").await;
    let failed = "SELECT COUNT(*) FROM mail_outbox WHERE attempts >= 1 AND last_error <> '' AND sent_at IS NULL AND failed_at IS NULL";
    let mut waited = 0;
    while db.number(failed).await == 0 && waited < 100 {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        waited += 1;
    }
    assert_eq!(db.number(failed).await, 1, "the failure is recorded and the mail kept");

    let smtp = SmtpServer::on(port).await;
    let got = smtp.wait_for(1, 20).await;
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].to, ["<jan.kowalski@nordwind.example>"]);
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    assert_eq!(smtp.received().len(), 1, "sent once");
    assert_eq!(db.number("SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NOT NULL").await, 1);
}

both!(
    notices_are_mailed_and_forwarded_but_never_a_password_reset,
    mail_waits_while_the_server_is_down_and_goes_out_once,
);
