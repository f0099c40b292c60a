//! Notification e-mails: a persisted outbox written in the transaction of the change that
//! causes the mail, and a worker that sends it over SMTP with retries.

mod worker;

pub use worker::{backoff_ms, deliver_due, spawn};

use crate::error::AppError;
use crate::store::Tx;

/// Where and how mail goes out.
#[derive(Clone, Debug)]
pub struct MailSettings {
    /// The SMTP relay; without one, mail waits in the outbox.
    pub host: Option<String>,
    pub port: u16,
    /// The sender, e.g. `Klucznik <klucznik@example.com>`.
    pub from: String,
    /// The wait before the first retry; it doubles with every failed attempt.
    pub retry_base_ms: i64,
}

impl Default for MailSettings {
    fn default() -> Self {
        MailSettings { host: None, port: 25, from: "klucznik@localhost".into(), retry_base_ms: 5_000 }
    }
}

impl MailSettings {
    /// Checks the sender address, for a one-line error at start-up.
    pub fn check(&self) -> Result<(), String> {
        self.from
            .parse::<lettre::message::Mailbox>()
            .map(|_| ())
            .map_err(|e| format!("bad --smtp-from (KLUCZNIK_SMTP_FROM) \"{}\": {e}", self.from))
    }
}

/// One message for the outbox.
pub struct Mail<'a> {
    pub account_id: Option<i64>,
    pub to: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
    /// What it is (the notice's key), for the record.
    pub kind: &'a str,
}

/// Puts a message in the outbox inside the caller's transaction: it goes out only if the
/// change commits, and stays until the mail server has taken it.
pub async fn enqueue(tx: &mut Tx, mail: Mail<'_>) -> Result<(), AppError> {
    let now = tx.now();
    sqlx::query(
        "INSERT INTO mail_outbox (account_id, to_addr, subject, body, kind, created_at, next_attempt_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6)",
    )
    .bind(mail.account_id)
    .bind(mail.to)
    .bind(mail.subject)
    .bind(mail.body)
    .bind(mail.kind)
    .bind(now)
    .execute(tx.conn())
    .await?;
    Ok(())
}
